"""The programme model written as ``msgspec.Struct`` types: the baseline for validation speed.

Each Struct holds the same fields as the pydantic model it mirrors, with the same defaults,
and checks what msgspec can express: required fields, types, enumerations, unknown fields,
the identifier and metric-code patterns, and non-blank text. A bare string is accepted
where the model accepts one (a ``Text`` or a ``Quantity``); msgspec keeps a quantity's text
as it is, since reading Chinese is not something it does. What it does not check (floats
given as figures, a quantity's interval, ids unique within a programme, evidence naming a
source) is extra work the pydantic model does and msgspec does not.

Every Struct is declared with ``gc=False``, as msgspec recommends for data that holds no
cycles: its instances are never tracked by the cyclic garbage collector.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

import msgspec

from unitedfront import (
    CountedPart,
    Framework,
    IndicatorKind,
    JurisdictionLevel,
    MeasureCategory,
    MeasureStatus,
    OmissionReason,
    ProgrammeKind,
    Qualifier,
    Script,
    Temporal,
    Theme,
)

__all__ = ["ProgrammeStruct", "decoder"]

Slug = Annotated[
    str, msgspec.Meta(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=80)
]
MetricCode = Annotated[
    str, msgspec.Meta(pattern=r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$", min_length=1, max_length=80)
]
NonBlank = Annotated[str, msgspec.Meta(pattern=r"\S", min_length=1, max_length=10_000)]
Code = Annotated[str, msgspec.Meta(min_length=1, max_length=12)]


class TextStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    zh: NonBlank
    en: NonBlank | None = None


TextIn = NonBlank | TextStruct


class QuantityStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    text: str
    value: Decimal
    qualifier: Qualifier
    low: Decimal | None = None
    high: Decimal | None = None
    low_inclusive: bool = False
    high_inclusive: bool = False
    unit: str | None = None
    ordinal: bool = False


class JurisdictionStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    code: Code
    name: TextIn
    level: JurisdictionLevel
    parent: Code | None = None


class SourceStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    id: Slug
    title: TextIn
    publisher: TextIn | None = None
    published: date | None = None
    script: Script = Script.SIMPLIFIED
    url: str | None = None


class EvidenceStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    source: Slug
    quote: NonBlank


class IndicatorStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    id: Slug
    name: TextIn
    kind: IndicatorKind
    quantity: str | QuantityStruct
    evidence: EvidenceStruct
    metric: MetricCode | None = None
    temporal: Temporal | None = None
    period: str | None = None
    as_of: date | None = None
    cumulative: bool = False
    span: str | None = None
    scope: JurisdictionStruct | None = None
    note: TextIn | None = None


class MeasureStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    id: Slug
    name: TextIn
    category: MeasureCategory = MeasureCategory.OTHER
    lead: tuple[TextIn, ...] = ()
    partners: tuple[TextIn, ...] = ()
    initiatives: tuple[TextIn, ...] = ()
    due: date | None = None
    status: MeasureStatus | None = None
    indicators: tuple[IndicatorStruct, ...] = ()
    evidence: EvidenceStruct | None = None
    note: TextIn | None = None


class ActionStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    id: Slug
    name: TextIn
    theme: Theme
    lead: tuple[TextIn, ...] = ()
    measures: tuple[MeasureStruct, ...] = ()
    indicators: tuple[IndicatorStruct, ...] = ()
    evidence: EvidenceStruct | None = None
    note: TextIn | None = None


class DeclaredCountStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    part: CountedPart
    count: Annotated[int, msgspec.Meta(ge=0, le=100_000)]
    evidence: EvidenceStruct | None = None


class OmittedFigureStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    text: NonBlank
    reason: OmissionReason
    evidence: EvidenceStruct
    note: str | None = None


class ExplanationStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    code: Annotated[str, msgspec.Meta(pattern=r"^UF\d{3}$")]
    path: str
    reason: NonBlank


class ProgrammeStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    id: Slug
    title: TextIn
    kind: ProgrammeKind
    framework: Framework
    jurisdiction: JurisdictionStruct
    issuer: TextIn
    period: str
    sources: Annotated[tuple[SourceStruct, ...], msgspec.Meta(min_length=1)]
    adopted: date | None = None
    principles: tuple[TextIn, ...] = ()
    declared: tuple[DeclaredCountStruct, ...] = ()
    implements: Slug | None = None
    actions: tuple[ActionStruct, ...] = ()
    indicators: tuple[IndicatorStruct, ...] = ()
    omitted: tuple[OmittedFigureStruct, ...] = ()
    notes: tuple[TextIn, ...] = ()
    explanations: tuple[ExplanationStruct, ...] = ()


def decoder() -> msgspec.json.Decoder[list[ProgrammeStruct]]:
    """A JSON decoder for a list of programmes."""
    return msgspec.json.Decoder(list[ProgrammeStruct])
