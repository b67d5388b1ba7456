"""The domain model: Programme → Action → Measure → Indicator, and what they refer to.

Every entity is immutable (``frozen=True``, ``extra="forbid"``) and its collections are
tuples, so nothing inside a loaded programme can be changed in place. The parts a
programme holds by the thousand (measures, indicators, texts, periods, evidence;
quantities in ``_quantity``) are frozen, slotted pydantic dataclasses with the methods of a model
(``_records``): one object each, no ``__dict__``, no fields set, nothing shared.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Final, Literal, Self

import attrs
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    ValidationError,
    model_validator,
)
from pydantic.dataclasses import dataclass
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from unitedfront import _rules as rules
from unitedfront._quantity import Quantity
from unitedfront._records import (
    TEXT_LABEL,
    Record,
    building,
    fields_or_text,
    fields_or_text_json_schema,
    fill,
    python_errors_of,
    remember,
    unreferenced,
)

__all__ = [
    "Action",
    "Aspect",
    "CountedPart",
    "DeclaredCount",
    "EntityRef",
    "Evidence",
    "Explanation",
    "Framework",
    "Indicator",
    "IndicatorKind",
    "IndicatorRef",
    "Jurisdiction",
    "JurisdictionLevel",
    "Measure",
    "MeasureCategory",
    "MeasureStatus",
    "OmissionReason",
    "OmittedFigure",
    "Period",
    "Programme",
    "ProgrammeKind",
    "Script",
    "Slug",
    "Source",
    "Span",
    "Temporal",
    "Text",
    "Theme",
]

# The rules of single values are declared in ``_rules``, which ``scan`` checks too.
#: An identifier: lowercase ASCII letters and digits in words joined by single hyphens.
Slug = Annotated[str, rules.SLUG.constraints()]
#: A metric code: lowercase words joined by underscores (``enterprises_visited``).
MetricCode = Annotated[str, rules.METRIC_CODE.constraints()]
NonBlank = Annotated[str, rules.NON_BLANK.constraints()]
#: A GB/T 2260 code as a file holds it.
Code = Annotated[str, rules.CODE.constraints()]
#: A length of time as ISO 8601 text in whole years or months: ``P3Y`` (连续三年, 近三年),
#: ``P6M``. The span a running total covers when the source gives its length but not its start.
Span = Annotated[str, rules.SPAN.constraints()]

_FROZEN = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)
# The values a programme holds by the thousand are frozen, slotted dataclasses (see _records).
_VALUES = ConfigDict(extra="forbid", use_attribute_docstrings=True)


# --------------------------------------------------------------------------- enums


class Theme(StrEnum):
    """The canonical themes every action maps onto, whatever framework it was written in."""

    ADVICE = "advice"
    """建言献策: advice and proposals to the party and government."""
    INNOVATION = "innovation"
    """创新创造: innovation, science and technology, new social strata."""
    PRIVATE_ECONOMY = "private_economy"
    """壮大民企 and 两个健康: growing private firms and the healthy growth of their owners."""
    INVESTMENT_TALENT = "investment_talent"
    """双招双引: attracting investment and talent."""
    COMMON_PROSPERITY = "common_prosperity"
    """共同富裕: common prosperity, rural revitalisation, pairing firms with villages."""
    ORGANISATION = "organisation"
    """The body's own building: cadres, chambers of commerce, party building."""
    GENERAL = "general"
    """Anything that is none of the above."""


class MeasureCategory(StrEnum):
    """What kind of step a measure is: the five actions' fixed categories (机制, 平台, 活动).

    A framework's category, kept apart from the aspect the source files the measure under
    (:class:`Aspect`): Weihai's private-economy task has three aspects of its own that cut
    across these categories.
    """

    MECHANISM = "mechanism"
    """机制: a standing arrangement, rule or system."""
    PLATFORM = "platform"
    """平台: a venue, channel, base or organisation that others use."""
    ACTIVITY = "activity"
    """活动: events and campaigns."""
    OTHER = "other"


class IndicatorKind(StrEnum):
    """What an indicator's figure is."""

    ACTUAL = "actual"
    """A result achieved (a report's figure)."""
    TARGET = "target"
    """A figure to be reached (a plan's figure)."""
    BASELINE = "baseline"
    """The starting point a target is measured from."""
    STATISTIC = "statistic"
    """A context statistic about the place, not the programme's own output."""
    RANK = "rank"
    """A position in a ranking (``全省第3``)."""
    STRUCTURE = "structure"
    """A count of the programme's own parts (5 tasks, 12 special actions)."""


class Temporal(StrEnum):
    """How a figure stands in time: over a period, at a date, or accumulated to a date.

    The same three natures describe a metric (:class:`unitedfront.Metric`): what its
    figures are, and so how they combine across time.
    """

    FLOW = "flow"
    """Counted within a period (``2021年开展政策宣讲16次``); consecutive periods add up."""
    RUNNING_TOTAL = "running_total"
    """Accumulated from a start, given or not, to a date (累计, 连续N年, 今年以来, 已有).

    The latest figure already holds the earlier ones."""
    SNAPSHOT = "snapshot"
    """A stock at a date (108家直属商会, a share, a rank); different dates never add up."""


class ProgrammeKind(StrEnum):
    """Whether the document sets out what will be done or reports what was done."""

    PLAN = "plan"
    REPORT = "report"


class Framework(StrEnum):
    """The policy framework a programme is written in."""

    FIVE_ACTIONS = "five_actions"
    """Shandong's 统一战线服务强省建设“五大行动” (from 2023)."""
    TWO_HEALTHY = "two_healthy"
    """两个健康: the healthy development of the private economy and of its people."""
    ACFIC_PLUS = "acfic_plus"
    """工商联+: a federation of industry and commerce working through its chambers."""
    OTHER = "other"


class JurisdictionLevel(StrEnum):
    """Administrative level of a jurisdiction."""

    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"


class Script(StrEnum):
    """The script a source is written in."""

    SIMPLIFIED = "zh-Hans"
    TRADITIONAL = "zh-Hant"


class MeasureStatus(StrEnum):
    """How far a measure had got when its source was written."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    ONGOING = "ongoing"
    """A standing activity that continues (常态化)."""
    DONE = "done"


class CountedPart(StrEnum):
    """What a programme's own count of itself counts (``5项重点任务15个方面51条``)."""

    ACTIONS = "actions"
    """Top-level parts: tasks, actions, bridges and roads."""
    ASPECTS = "aspects"
    """The actions' aspects (:class:`Aspect`), or the (action, measure category) pairs of a
    programme that records none."""
    MEASURES = "measures"
    BRANDS = "brands"
    PRINCIPLES = "principles"


class OmissionReason(StrEnum):
    """Why a figure of a source is not recorded as an indicator."""

    DATE = "date"
    """A date or time: ``2024年``, ``6月27日``."""
    NAME = "name"
    """A numeral inside a name: ``五大行动``, ``1+4+N``, ``两个健康``."""
    EDITION = "edition"
    """An edition or session number: ``第八届``, ``十二届三次``."""
    RESTATED = "restated"
    """The same figure said again where it is already recorded (a headline, a summary)."""
    REFERENCE = "reference"
    """A figure that belongs to another document or body, not to this programme."""
    OTHER = "other"


# --------------------------------------------------------------------------- values


def _chinese_only(zh: str) -> Text:
    return fill(Text, (zh, None))


@dataclass(frozen=True, slots=True, kw_only=True, config=_VALUES)
class Text(Record):
    """Text people read: Chinese (simplified, required) and an English translation.

    A bare string is taken as the Chinese text:

    >>> Text.model_validate("威海企业家日")
    Text(zh='威海企业家日', en=None)
    >>> str(Text(zh="共同富裕", en="Common prosperity"))
    '共同富裕 (Common prosperity)'
    """

    zh: NonBlank
    en: NonBlank | None = None

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        # A bare string is the Chinese text, checked as the field is.
        return fields_or_text(cls, handler, _chinese_only, text=handler.generate_schema(NonBlank))

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: Any) -> JsonSchemaValue:
        return fields_or_text_json_schema(handler(core_schema), "Chinese text only.")

    def __str__(self) -> str:
        return f"{self.zh} ({self.en})" if self.en else self.zh


_PERIOD_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# The dates each year, month or day written in a period stands for, by its text: few
# texts recur in any number of programmes (2024, 2023-06), and dates are plain values. The
# table is emptied when full, so that it stays small whatever it is given.
_BOUNDS: dict[str, tuple[date, date]] = {}


def _period_bounds(part: str) -> tuple[date, date]:
    """The first and last day of a year, month or day written ``YYYY[-MM[-DD]]``."""
    bounds = _BOUNDS.get(part)
    if bounds is not None:
        return bounds
    match = _PERIOD_PART.match(part)
    if not match:
        raise ValueError(f"not a year, month or date (YYYY, YYYY-MM, YYYY-MM-DD): {part!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None:
        bounds = date(year, 1, 1), date(year, 12, 31)
    elif day is None:
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        bounds = date(year, month, 1), date(year, month, last)
    else:
        bounds = date(year, month, day), date(year, month, day)
    return remember(_BOUNDS, part, bounds)


def _check_order(period: Period) -> Period:
    if period.end < period.start:
        raise ValueError(f"period ends ({period.end}) before it starts ({period.start})")
    return period


# The periods read from text, by their text: a period is a frozen value, and few texts
# recur in any number of programmes (2024, 2023-01/2023-06), so one object stands for
# every figure that writes the text. Emptied when full, as the table of bounds is.
_PERIODS: dict[str, Period] = {}


def _period_of(value: str | int) -> Period:
    """The period a text (``2024``, ``2023-01/2023-06``) or a year (``2024``) names."""
    period = _PERIODS.get(value) if type(value) is str else None
    if period is None:
        period = _new_period(value)
    return period


def _new_period(value: str | int) -> Period:
    if isinstance(value, bool):
        raise ValueError(f"expected a period, got the boolean {value!r}")
    if not isinstance(value, str):  # a year: in order
        return fill(Period, (date(value, 1, 1), date(value, 12, 31)))
    first, sep, last = value.strip().partition("/")
    start = _period_bounds(first)[0]
    end = _period_bounds(last)[1] if sep else _period_bounds(first)[1]
    return remember(_PERIODS, value, _check_order(fill(Period, (start, end))))


@dataclass(frozen=True, slots=True, kw_only=True, config=_VALUES)
class Period(Record):
    """A span of dates, both ends inclusive.

    Written in files as ISO 8601 text: a year ``"2024"``, a month ``"2023-06"``, a day,
    or two of these joined by ``/`` (``"2021/2022"``, ``"2023-01/2023-06"``); the
    shortest such form is written back. Validation keeps the periods it reads by their
    text: a text given again gives the same frozen object.

    >>> p = Period.model_validate("2023-01/2023-06")
    >>> p.start, p.end
    (datetime.date(2023, 1, 1), datetime.date(2023, 6, 30))
    >>> str(Period.model_validate("2024")), p.years
    ('2024', (2023,))
    """

    start: date
    end: date

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        # Text and years are read by one Python function, which builds the period; a mapping
        # of the two dates is validated by pydantic-core, its order checked by __post_init__.
        built = handler(cls)
        if not building(built):
            return built  # a field that holds a period: the schema built below
        fields, ref = unreferenced(built)

        def read(data: Any, validate: core_schema.ValidatorFunctionWrapHandler) -> Any:
            return _period_of(data) if isinstance(data, str | int) else validate(data)

        def reading(kind: CoreSchema) -> CoreSchema:
            return core_schema.no_info_after_validator_function(_period_of, kind)

        return core_schema.json_or_python_schema(
            # JSON as it is, text first (as periods are written): a union, reported as
            # fields_or_text's are; the library's JSON methods report Python's errors.
            json_schema=core_schema.union_schema(
                [
                    (reading(core_schema.str_schema(strict=True)), TEXT_LABEL),
                    (reading(core_schema.int_schema(strict=True)), "int"),
                    (fields, cls.__name__),
                ],
                mode="left_to_right",
            ),
            python_schema=core_schema.no_info_wrap_validator_function(read, fields),
            ref=ref,
            # Written as its text (str), the shortest form that reads back the same.
            serialization=core_schema.to_string_ser_schema(),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: Any) -> JsonSchemaValue:
        part = r"\d{4}(-\d{2}(-\d{2})?)?"
        return {
            "type": "string",
            "pattern": f"^{part}(/{part})?$",
            "description": "A year, month or date, or two joined by '/': 2024, 2023-01/2023-06.",
        }

    @property
    def years(self) -> tuple[int, ...]:
        """The calendar years the period touches."""
        return tuple(range(self.start.year, self.end.year + 1))

    def contains(self, other: Period | date) -> bool:
        """Whether a date or a whole period lies within this one."""
        if isinstance(other, date):
            return self.start <= other <= self.end
        return self.start <= other.start and other.end <= self.end

    def __post_init__(self) -> None:
        # Called by validation once the dates are valid.
        _check_order(self)

    def __str__(self) -> str:
        def whole_years() -> bool:
            return (self.start.month, self.start.day) == (1, 1) and (
                self.end.month,
                self.end.day,
            ) == (12, 31)

        def whole_months() -> bool:
            last = calendar.monthrange(self.end.year, self.end.month)[1]
            return self.start.day == 1 and self.end.day == last

        if whole_years():
            a, b = str(self.start.year), str(self.end.year)
        elif whole_months():
            a, b = self.start.strftime("%Y-%m"), self.end.strftime("%Y-%m")
        else:
            a, b = self.start.isoformat(), self.end.isoformat()
        return a if a == b else f"{a}/{b}"


class Jurisdiction(BaseModel):
    """A place with its GB/T 2260 administrative division code.

    >>> Jurisdiction(code="371000", name=Text(zh="威海市", en="Weihai"),
    ...              level="prefecture", parent="370000").province_code
    '370000'
    """

    model_config = _FROZEN

    code: Code
    """Six-digit GB/T 2260 code (``371000`` for Weihai)."""
    name: Text
    level: JurisdictionLevel
    parent: Code | None = None
    """Code of the jurisdiction above this one, ``None`` for a province."""

    @property
    def province_code(self) -> str:
        """The code of the province this jurisdiction lies in (its first two digits + 0000)."""
        return self.code[:2] + "0000"


class Source(BaseModel):
    """A document a programme's figures come from."""

    model_config = _FROZEN

    id: Slug
    title: Text
    publisher: Text | None = None
    published: date | None = None
    script: Script = Script.SIMPLIFIED
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True, config=_VALUES)
class Evidence(Record):
    """Where a figure comes from: a source id and the shortest phrase of it that holds the figure.

    The quote is stored in simplified script with any bracketed romanisation removed, as
    :func:`unitedfront.normalize_source` leaves the source text.
    """

    source: Slug
    quote: NonBlank


# --------------------------------------------------------------------------- entities


@dataclass(frozen=True, slots=True, kw_only=True, config=_VALUES)
class Indicator(Record):
    """One figure of a programme: what it counts, the quantity written, and its evidence.

    ``quantity`` may be given as its Chinese text (``"470余条"``). ``metric`` is a code of
    the metric vocabulary (:func:`unitedfront.metrics`), so that the same measure in two
    places can be compared. ``scope`` is the jurisdiction the figure is about when it is
    not the programme's own.

    Time is recorded as the source gives it, never filled in from the programme:
    ``temporal`` says whether the figure is a flow over ``period``, a stock (snapshot) at
    ``as_of``, or a running total to ``as_of`` (``cumulative``), whose start is
    ``period``'s where the text gives one (累计 since a year, 今年以来) and whose length is
    ``span`` where the text gives only that (连续三年: ``P3Y``). A figure the text does not
    date has neither period nor date. When ``temporal`` is not given it is read from the
    other fields: ``cumulative`` makes a running total, a period alone a flow, a date alone
    a snapshot; a figure with neither has none. Fields that contradict each other (a
    snapshot with a period, ``cumulative`` on a flow, a span on anything but a running
    total) are refused.
    """

    id: Slug
    name: Text
    metric: MetricCode | None = None
    kind: IndicatorKind
    quantity: Quantity
    temporal: Temporal | None = None
    """flow, running_total or snapshot (see :class:`Temporal`); empty when not known."""
    period: Period | None = None
    """The period a flow covers; for a running total, from its start to its date."""
    as_of: date | None = None
    """The date a stock was taken or a running total reached."""
    cumulative: bool = False
    """A running total (累计, 连续, 今年以来): true exactly when ``temporal`` is running_total."""
    span: Span | None = None
    """The length a running total covers when the text gives it (连续三年: ``P3Y``)."""
    scope: Jurisdiction | None = None
    evidence: Evidence
    note: Text | None = None

    @model_validator(mode="after")
    def _read_time(self) -> Self:
        # Checked after pydantic-core has validated the fields from the input as it is
        # (JSON stays JSON: no Python copy of the indicator is made to look at it first).
        temporal, cumulative = self.temporal, self.cumulative
        has_period, has_date = self.period is not None, self.as_of is not None
        if temporal is None:
            if cumulative:
                temporal = _RUNNING_TOTAL
            elif has_period and not has_date:
                temporal = _FLOW
            elif has_date and not has_period:
                temporal = _SNAPSHOT
            else:
                return self
            # The object is new and not yet seen by anyone: its field is set as a frozen
            # dataclass's own __post_init__ would set it.
            object.__setattr__(self, "temporal", temporal)
            return self
        running = temporal is _RUNNING_TOTAL
        if cumulative != running:
            raise ValueError(
                f"temporal is {temporal.value!r} but cumulative is {cumulative}: a figure is "
                "cumulative exactly when it is a running_total"
            )
        if has_period and temporal is _SNAPSHOT:
            raise ValueError(
                "temporal is 'snapshot' but a period is given: a stock is taken at a date "
                "(as_of), not over a period"
            )
        if has_date and temporal is _FLOW:
            raise ValueError(
                "temporal is 'flow' but as_of is given: a flow covers a period; a figure "
                "reached by a date is a running_total or a snapshot"
            )
        if self.span is not None and not running:
            raise ValueError(
                f"a span is given but temporal is {temporal.value!r}, not 'running_total'"
            )
        return self


_FLOW: Final = Temporal.FLOW
_RUNNING_TOTAL: Final = Temporal.RUNNING_TOTAL
_SNAPSHOT: Final = Temporal.SNAPSHOT


class Aspect(BaseModel):
    """One of the parts (方面) an action is divided into, in the source's own words.

    Weihai's plan divides each of its 5 tasks into 3 aspects (``15个方面``): for the
    private-economy task, 培育壮大民营经济市场主体, 助力民营经济人士健康成长 and
    优化民营经济发展环境. A measure names its aspect by id (:attr:`Measure.aspect`).
    """

    model_config = _FROZEN

    id: Slug
    name: Text


@dataclass(frozen=True, slots=True, kw_only=True, config=_VALUES)
class Measure(Record):
    """A concrete step under an action: who leads it, what it is called, and its figures.

    ``lead`` and ``partners`` name the bodies responsible (统战部, 工商联, 科技局 …);
    ``initiatives`` the named brands and campaigns it runs (威海企业家日); ``due`` and
    ``status`` the checklist's deadline and progress where the source gives them.
    ``aspect`` is the id of the action's aspect the source files it under; ``category``
    the framework's fixed category, a separate thing.
    """

    id: Slug
    name: Text
    aspect: Slug | None = None
    """Id of the action's :class:`Aspect` the measure belongs to, where the source says."""
    category: MeasureCategory = MeasureCategory.OTHER
    lead: tuple[Text, ...] = ()
    partners: tuple[Text, ...] = ()
    initiatives: tuple[Text, ...] = ()
    due: date | None = None
    status: MeasureStatus | None = None
    indicators: tuple[Indicator, ...] = ()
    evidence: Evidence | None = None
    note: Text | None = None


class Action(BaseModel):
    """A top-level part of a programme (a task, an action, a bridge), mapped to one theme."""

    model_config = _FROZEN

    id: Slug
    name: Text
    theme: Theme
    lead: tuple[Text, ...] = ()
    aspects: tuple[Aspect, ...] = ()
    """The parts the source divides the action into, in its order (see :class:`Aspect`)."""
    measures: tuple[Measure, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    evidence: Evidence | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _check_aspects(self) -> Self:
        if not self.aspects and all(m.aspect is None for m in self.measures):
            return self
        ids = [aspect.id for aspect in self.aspects]
        if len(set(ids)) != len(ids):
            twice = sorted({i for i in ids if ids.count(i) > 1})
            raise ValueError(f"action {self.id!r} has the aspect id {twice[0]!r} twice")
        for m, measure in enumerate(self.measures):
            if measure.aspect is not None and measure.aspect not in ids:
                known = ", ".join(ids) or "none"
                raise ValueError(
                    f"measures[{m}] ({measure.id!r}) names the aspect {measure.aspect!r}, "
                    f"which is not one of the action {self.id!r}'s aspects ({known})"
                )
        return self

    def _repr_html_(self) -> str:
        from unitedfront._display import action_html

        return action_html(self)

    def __rich__(self) -> Any:
        from unitedfront._display import rich_tree

        return rich_tree(self)


class DeclaredCount(BaseModel):
    """What a programme says of its own size: ``5项重点任务`` is ``actions`` = 5."""

    model_config = _FROZEN

    part: CountedPart
    count: Annotated[int, Field(ge=0, le=100_000)]
    evidence: Evidence | None = None


class OmittedFigure(BaseModel):
    """A figure of a source deliberately not recorded as an indicator, and why."""

    model_config = _FROZEN

    text: NonBlank
    """The figure as written in the (normalized) source: ``五大行动``, ``2024年``."""
    reason: OmissionReason
    evidence: Evidence
    note: str | None = None


class Explanation(BaseModel):
    """Why a validation finding is expected: a warning or info that the data cannot avoid.

    :func:`unitedfront.validate` moves a finding with the same ``code`` and ``path`` out
    of the warnings into the report's ``explained`` list, with this ``reason``. Errors
    cannot be explained away; an explanation that matches no finding is itself reported.

    >>> Explanation(code="UF101", path="declared[2]",
    ...             reason="The source counts 51 measures but lists 50.").code
    'UF101'
    """

    model_config = _FROZEN

    code: Annotated[str, rules.EXPLANATION_CODE.constraints()]
    """The code of the rule whose finding is explained (``UF101``)."""
    path: Annotated[str, rules.EXPLANATION_PATH.constraints()]
    """The path of the finding, exactly as the report gives it (``declared[2]``)."""
    reason: NonBlank
    """Why the finding is expected, for a reader of the data."""


Entity = Action | Measure | Indicator


@attrs.frozen(slots=True)
class EntityRef:
    """An action, measure or indicator together with where it sits in its programme.

    :meth:`Programme.walk` gives one for each; an indicator's is an :class:`IndicatorRef`.
    """

    entity: Entity
    action: Action | None
    """The action it lies in (an action's own ref holds the action itself); ``None`` for a
    programme-wide indicator."""
    measure: Measure | None
    """The measure it lies in (a measure's own ref holds the measure itself); ``None`` for an
    action and for an indicator that sits directly under an action or the programme."""
    path: str
    """Its path in the programme: ``actions[2].measures[0].indicators[1]``."""


@attrs.frozen(slots=True)
class IndicatorRef(EntityRef):
    """An indicator together with where it sits in its programme."""

    @property
    def indicator(self) -> Indicator:
        """The indicator (the same object as :attr:`entity`)."""
        return self.entity  # type: ignore[return-value]


class Programme(BaseModel):
    """A United Front programme: a plan or report with its actions, measures and figures.

    Within a programme every action, measure and indicator id is unique, and every
    evidence names one of the programme's ``sources``; a programme that breaks either is
    refused with a ``ValidationError`` naming the id and its path.
    """

    model_config = _FROZEN

    @classmethod
    def model_validate_json(
        cls,
        json_data: str | bytes | bytearray,
        *,
        strict: bool | None = None,
        extra: Literal["allow", "ignore", "forbid"] | None = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """Validate JSON text as a programme.

        The text is validated as JSON, with no Python copy made of it; when it is refused,
        the errors are those of the same data validated as Python objects (each figure, name
        or period given as text or as fields is reported as the one it is).
        """
        options: dict[str, Any] = {
            "strict": strict,
            "extra": extra,
            "context": context,
            "by_alias": by_alias,
            "by_name": by_name,
        }
        try:
            return super().model_validate_json(json_data, **options)
        except ValidationError:
            python_errors_of(json_data, lambda data: cls.model_validate(data, **options))
            raise

    id: Slug
    title: Text
    kind: ProgrammeKind
    framework: Framework
    jurisdiction: Jurisdiction
    issuer: Text
    period: Period
    adopted: date | None = None
    principles: tuple[Text, ...] = ()
    declared: tuple[DeclaredCount, ...] = ()
    implements: Slug | None = None
    """Id of a higher programme this one implements."""
    actions: tuple[Action, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    """Programme-wide figures that belong to no one action."""
    sources: Annotated[tuple[Source, ...], Field(min_length=1)]
    omitted: tuple[OmittedFigure, ...] = ()
    notes: tuple[Text, ...] = ()
    explanations: tuple[Explanation, ...] = ()
    """Validation findings that are expected, each with the reason (see :class:`Explanation`)."""

    @model_validator(mode="after")
    def _check_references(self) -> Self:
        entities = self._entities()
        if len({entity.id for entity in entities}) != len(entities):
            seen: dict[str, str] = {}
            for ref in self.walk():
                if ref.entity.id in seen:
                    raise ValueError(
                        f"duplicate id {ref.entity.id!r} at {ref.path} (already used at "
                        f"{seen[ref.entity.id]}); action, measure and indicator ids must be "
                        "unique within a programme"
                    )
                seen[ref.entity.id] = ref.path
        source_ids: set[str] = set()
        for i, source in enumerate(self.sources):
            if source.id in source_ids:
                raise ValueError(f"duplicate source id {source.id!r} at sources[{i}]")
            source_ids.add(source.id)
        named = {e.evidence.source for e in entities if e.evidence is not None}
        named.update(c.evidence.source for c in self.declared if c.evidence is not None)
        named.update(o.evidence.source for o in self.omitted)
        if not named <= source_ids:
            for evidence, path in self._evidence():
                if evidence.source not in source_ids:
                    raise ValueError(
                        f"{path}.source names {evidence.source!r}, which is not one of the "
                        f"programme's sources ({', '.join(sorted(source_ids))})"
                    )
        return self

    def _entities(self) -> list[Entity]:
        """The entities of :meth:`walk`, in its order, without a ref or a path for each.

        Run at every load, where building a ref per entity would cost more than the checks.
        """
        entities: list[Entity] = list(self.indicators)
        for action in self.actions:
            entities.append(action)
            entities += action.indicators
            for measure in action.measures:
                entities.append(measure)
                entities += measure.indicators
        return entities

    def _evidence(self) -> Iterator[tuple[Evidence, str]]:
        for ref in self.walk():
            if ref.entity.evidence is not None:
                yield ref.entity.evidence, f"{ref.path}.evidence"
        for d, count in enumerate(self.declared):
            if count.evidence is not None:
                yield count.evidence, f"declared[{d}].evidence"
        for o, omitted in enumerate(self.omitted):
            yield omitted.evidence, f"omitted[{o}].evidence"

    # ------------------------------------------------------------------ navigation

    def walk(self) -> Iterator[EntityRef]:
        """Every action, measure and indicator of the programme, each with where it sits.

        The order is fixed, and every part of the library that goes through a programme
        follows it: first the programme-wide indicators; then each action in turn, followed
        by its own indicators and then by each of its measures, each measure followed by its
        indicators. An indicator's ref is an :class:`IndicatorRef`.

        >>> from unitedfront import datasets
        >>> for ref in list(datasets.load("linyi-2024").walk())[:3]:
        ...     print(ref.path, type(ref.entity).__name__, ref.entity.id)
        actions[0] Action advice
        actions[0].measures[0] Measure advice-team
        actions[0].measures[0].indicators[0] Indicator advice-platforms
        """
        for i, ind in enumerate(self.indicators):
            yield IndicatorRef(ind, None, None, f"indicators[{i}]")
        for a, action in enumerate(self.actions):
            apath = f"actions[{a}]"
            yield EntityRef(action, action, None, apath)
            for i, ind in enumerate(action.indicators):
                yield IndicatorRef(ind, action, None, f"{apath}.indicators[{i}]")
            for m, measure in enumerate(action.measures):
                mpath = f"{apath}.measures[{m}]"
                yield EntityRef(measure, action, measure, mpath)
                for i, ind in enumerate(measure.indicators):
                    yield IndicatorRef(ind, action, measure, f"{mpath}.indicators[{i}]")

    def iter_indicators(self) -> Iterator[IndicatorRef]:
        """Every indicator, in the order of :meth:`walk`, with its action, measure and path."""
        for ref in self.walk():
            if isinstance(ref, IndicatorRef):
                yield ref

    def iter_measures(self) -> Iterator[tuple[Action, Measure]]:
        """Every measure with the action it sits under, in the order of :meth:`walk`."""
        for action in self.actions:
            for measure in action.measures:
                yield action, measure

    def find(self, id: str) -> Action | Measure | Indicator:
        """The action, measure or indicator with this id; ``KeyError`` if there is none."""
        return self._ref(id).entity

    def path_of(self, id: str) -> str:
        """The path of the entity with this id (``actions[1].measures[0]``)."""
        return self._ref(id).path

    def _ref(self, id: str) -> EntityRef:
        for ref in self.walk():
            if ref.entity.id == id:
                return ref
        raise KeyError(f"no action, measure or indicator with id {id!r} in programme {self.id!r}")

    def declared_count(self, part: CountedPart | str) -> int | None:
        """The count the programme declares of one of its parts, or ``None``."""
        for count in self.declared:
            if count.part == part:
                return count.count
        return None

    @property
    def source_ids(self) -> tuple[str, ...]:
        """The ids of the programme's sources, in order."""
        return tuple(s.id for s in self.sources)

    def _repr_html_(self) -> str:
        """An HTML table of the programme, shown by Jupyter."""
        from unitedfront._display import programme_html

        return programme_html(self)

    def __rich__(self) -> Any:
        """A tree of the programme with every figure, shown by ``rich.print``."""
        from unitedfront._display import rich_tree

        return rich_tree(self)
