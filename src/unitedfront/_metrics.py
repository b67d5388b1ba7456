"""The metric vocabulary: what a figure counts, so that two places can be compared."""

from __future__ import annotations

import json
from enum import StrEnum
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from unitedfront._model import MetricCode, NonBlank, Temporal, Text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from unitedfront._quantity import Quantity

__all__ = ["Metric", "Temporal", "UnitKind", "get_metric", "metrics", "unit_kind"]


class UnitKind(StrEnum):
    """The kind of unit a metric's figures take."""

    COUNT = "count"
    """Things counted with a measure word: 家, 个, 条, 名, 场, 次 …"""
    PERSON_TIMES = "person_times"
    """人次: attendances, where one person may count more than once."""
    MONEY = "money"
    """元 (magnitude words such as 亿 are folded into the value)."""
    SHARE = "share"
    """%: a share of a whole."""
    PERCENTAGE_POINTS = "percentage_points"
    """个百分点: the difference of two shares."""
    PERSON_YEARS = "person_years"
    """人年: full-time-equivalent labour."""
    DURATION = "duration"
    """年, 个月, 天: a length of time."""
    RANK = "rank"
    """第N: a place in a ranking; 1 is first."""


class Metric(BaseModel):
    """One entry of the metric vocabulary.

    ``summable`` says whether figures of different places may be added (enterprises
    visited: yes; a share or a rank: no); ``temporal`` how figures of different periods
    combine. ``terms`` are the Chinese words of the figures it covers and ``excludes``
    the near words of figures it does not: one code never holds two concepts.

    >>> m = get_metric("agreements_signed")
    >>> m.unit_kind.value, m.summable, m.temporal.value, m.terms[0], m.excludes[0]
    ('count', True, 'flow', '签约协议', '合作意向')
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    code: MetricCode
    name: Text
    unit_kind: UnitKind
    summable: bool
    temporal: Temporal
    definition: NonBlank
    """One line: what is counted and what is not."""
    terms: tuple[NonBlank, ...]
    """Chinese terms of the figures it covers, as the texts write them (``签约协议``)."""
    excludes: tuple[NonBlank, ...] = ()
    """Near terms it does not cover (``合作意向`` for agreements signed): a quote that holds
    one is probably another metric's figure (validation rule UF310)."""

    def fits(self, temporal: Temporal) -> bool:
        """Whether a figure of this temporal nature fits the metric's.

        A flow metric (things done) takes flows over a period and running totals of them
        to a date, never a snapshot: events do not stand at a date. A running-total metric
        (things set up, pairings made) takes any nature: the pairings standing at a date,
        those made to it, those made in a period. A snapshot metric takes snapshots; one
        that is a ratio or a place (a share, a rank, a density) also takes a flow, the
        ratio of a period (``2023年…占比``); a stock of things counted never takes a
        flow, and no snapshot metric takes a running total.

        >>> from unitedfront import Temporal
        >>> get_metric("enterprises_visited").fits(Temporal.RUNNING_TOTAL)
        True
        >>> get_metric("direct_chambers").fits(Temporal.FLOW)
        False
        """
        if self.temporal is Temporal.FLOW:
            return temporal is not Temporal.SNAPSHOT
        if self.temporal is Temporal.RUNNING_TOTAL:
            return True
        if temporal is Temporal.FLOW:
            return self.unit_kind not in (UnitKind.COUNT, UnitKind.PERSON_TIMES, UnitKind.MONEY)
        return temporal is Temporal.SNAPSHOT


@cache
def _vocabulary() -> Mapping[str, Metric]:
    raw = json.loads(files("unitedfront").joinpath("data/metrics.json").read_bytes())
    entries = [Metric.model_validate(item) for item in raw["metrics"]]
    return MappingProxyType({m.code: m for m in sorted(entries, key=lambda m: m.code)})


def metrics() -> tuple[Metric, ...]:
    """Every metric of the vocabulary, sorted by code.

    >>> "villages_paired" in {m.code for m in metrics()}
    True
    """
    return tuple(_vocabulary().values())


def get_metric(code: str) -> Metric:
    """The metric with this code.

    An unknown code raises :class:`~unitedfront.errors.UnknownMetricError`, whose message
    suggests the code meant: the same code in other case first, then the closest ones.

    >>> get_metric("Villages_Paired")
    Traceback (most recent call last):
    unitedfront.errors.UnknownMetricError: no metric 'Villages_Paired' in the vocabulary; did you mean 'villages_paired'?
    """  # noqa: E501
    vocabulary = _vocabulary()
    found = vocabulary.get(code) if isinstance(code, str) else None
    if found is not None:
        return found
    import difflib

    from unitedfront.errors import UnknownMetricError

    # Matched in lower case, a code that differs only in case comes first (its ratio is 1).
    folded = code.strip().lower() if isinstance(code, str) else ""
    close = difflib.get_close_matches(folded, vocabulary, n=3)
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    raise UnknownMetricError(f"no metric {code!r} in the vocabulary{hint}")


_UNIT_KINDS: dict[str, UnitKind] = {
    "人次": UnitKind.PERSON_TIMES,
    "人年": UnitKind.PERSON_YEARS,
    "元": UnitKind.MONEY,
    "%": UnitKind.SHARE,
    "个百分点": UnitKind.PERCENTAGE_POINTS,
    "百分点": UnitKind.PERCENTAGE_POINTS,
    "年": UnitKind.DURATION,
    "个月": UnitKind.DURATION,
    "天": UnitKind.DURATION,
    "日": UnitKind.DURATION,
    "小时": UnitKind.DURATION,
}


def unit_kind(quantity: Quantity) -> UnitKind:
    """The kind of unit a quantity is in: an ordinal is a rank; 元 money; 人次 person-times.

    Any other measure word (家, 个, 条 …), or none, counts things.

    >>> from unitedfront import parse_quantity
    >>> [unit_kind(parse_quantity(t)).value for t in ("第35位", "13亿元", "72.65%", "470余条")]
    ['rank', 'money', 'share', 'count']
    """
    if quantity.ordinal:
        return UnitKind.RANK
    if quantity.unit is None:
        return UnitKind.COUNT
    return _UNIT_KINDS.get(quantity.unit, UnitKind.COUNT)
