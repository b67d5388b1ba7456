"""Whether two figures are alike: the one rule every comparison, index, roll-up and plot applies.

Two figures may stand side by side only when they count the same thing the same way at
the same time. :func:`comparability` checks, in this order, and gives every reason that
fails (not only the first):

1. **Metric**: both have one, and it is the same code.
2. **Kind**: both are actuals, or both targets … (a target is not an achievement).
3. **Unit kind**: counts beside counts, money beside money, person-times beside
   person-times (:func:`unitedfront.unit_kind`); the measure words of counted things
   (家, 个, 名 …) do not matter.
4. **Temporal nature**: both flows, both running totals or both snapshots, and known
   for both (:class:`unitedfront.Temporal`).
5. **Time**, by the rule of that nature. Flows: the same period, start and end.
   Snapshots: dates no more than :data:`DATE_TOLERANCE` apart. Running totals: dates no
   more than :data:`DATE_TOLERANCE` apart (the end of the period when there is no
   ``as_of``), and the same start and the same span: given by both and equal, or given
   by neither (a total since 2024-01-01 is not one since an unknown date). A figure
   whose time the source does not give (no period for a flow, no date otherwise) is
   alike to none: "not dated" is a reason.
6. **Scope level**: a province's figure is not set beside a prefecture's or a county's
   (the level is read from the GB/T 2260 code of the place the figure is about).

The figures are rows of :func:`unitedfront.to_frame` or :func:`unitedfront.compare`
(mappings with their column names) or :class:`unitedfront.Indicator` objects. A row whose
date or temporal column holds something else is refused with
:class:`~unitedfront.errors.AnalysisError` naming the figure, the column and the value.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any, Final

import attrs

from unitedfront._metrics import _UNIT_KINDS, UnitKind
from unitedfront._model import Indicator, Temporal
from unitedfront.errors import AnalysisError

__all__ = [
    "ALONE",
    "DATE_TOLERANCE",
    "FIGURE_COLUMNS",
    "VERDICT_NAMES",
    "Comparability",
    "comparability",
    "figure_label",
    "temporal_of",
    "verdicts",
]

#: The columns of a frame row that name a figure and say what it is and when: what
#: :func:`comparability` and :func:`figure_label` read, beside ``metric``, ``unit`` and
#: the place.
FIGURE_COLUMNS: Final = (
    "programme",
    "indicator",
    "text",
    "kind",
    "period_start",
    "period_end",
    "period",
    "as_of",
    "temporal",
    "cumulative",
    "span",
    "ordinal",
)

#: How far apart the dates of two snapshots or running totals may lie and still be alike:
#: 31 days, so that figures of the same month-end or reporting round meet, and figures a
#: quarter or a year apart do not.
DATE_TOLERANCE: Final = timedelta(days=31)


@attrs.frozen(slots=True)
class Comparability:
    """The verdict on two figures: alike or not, and every reason they are not.

    ``str()`` gives the verdict as one line: ``alike``, or ``unlike: `` and the reasons
    joined by ``; ``.
    """

    alike: bool
    """Whether the two figures may be compared, ranked or added as one series."""
    reasons: tuple[str, ...]
    """Why they may not, one reason per failed check, in the order of the checks."""

    def __bool__(self) -> bool:
        return self.alike

    def __str__(self) -> str:
        return "alike" if self.alike else "unlike: " + "; ".join(self.reasons)


def temporal_of(figure: Mapping[str, Any] | Indicator) -> Temporal | None:
    """The temporal nature of a figure: its recorded one, else read from its other fields.

    A frame made before the ``temporal`` column existed is read as the model reads a
    file: ``cumulative`` is a running total, a period alone a flow, a date alone a
    snapshot.
    """
    if isinstance(figure, Indicator):
        return figure.temporal
    value = figure.get("temporal")
    if isinstance(value, Temporal):
        return value
    if isinstance(value, str) and value:
        try:
            return Temporal(value)
        except ValueError:
            natures = ", ".join(t.value for t in Temporal)
            raise AnalysisError(
                f"{figure_label(figure)}: temporal {value!r} is none of {natures}"
            ) from None
    if "temporal" in figure and value is None:
        return None
    if value is not None and value != "":
        raise AnalysisError(f"{figure_label(figure)}: temporal {value!r} is not text")
    has_period = figure.get("period_end") is not None
    has_date = figure.get("as_of") is not None
    if figure.get("cumulative"):
        return Temporal.RUNNING_TOTAL
    if has_period and not has_date:
        return Temporal.FLOW
    if has_date and not has_period:
        return Temporal.SNAPSHOT
    return None


def figure_label(figure: Mapping[str, Any] | Indicator) -> str:
    """How a figure is named in a verdict or an error: ``programme/indicator (text)``."""
    if isinstance(figure, Indicator):
        return f"{figure.id} ({figure.quantity.text})"
    who = "/".join(str(figure[k]) for k in ("programme", "indicator") if figure.get(k))
    text = figure.get("text")
    if not who:
        who = str(figure.get("jurisdiction") or "a figure")
    return f"{who} ({text})" if text else who


@attrs.frozen(slots=True)
class _Fig:
    label: str
    metric: str | None
    kind: str | None
    unit_kind: UnitKind
    temporal: Temporal | None
    start: date | None
    end: date | None
    as_of: date | None
    span: str | None
    place: str | None


def _as_date(value: Any, name: str, label: str) -> date | None:
    """A row's date column as a date (a ``date``, a timestamp or ISO text)."""
    if value is None or isinstance(value, date):
        return value
    try:
        if hasattr(value, "date") and callable(value.date):  # a pandas or numpy timestamp
            out = value.date()
            if isinstance(out, date):
                return out
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        raise AnalysisError(f"{label}: {name} {value!r} is not a date") from None


def _unit_kind(unit: Any, ordinal: Any) -> UnitKind:
    if ordinal:
        return UnitKind.RANK
    if not unit:
        return UnitKind.COUNT
    return _UNIT_KINDS.get(str(unit), UnitKind.COUNT)


def _read(figure: Mapping[str, Any] | Indicator) -> _Fig:
    if isinstance(figure, Indicator):
        q = figure.quantity
        period = figure.period
        return _Fig(
            figure_label(figure),
            figure.metric,
            figure.kind.value,
            _unit_kind(q.unit, q.ordinal),
            figure.temporal,
            period.start if period else None,
            period.end if period else None,
            figure.as_of,
            figure.span,
            figure.scope.code if figure.scope else None,
        )
    kind = figure.get("kind")
    label = figure_label(figure)
    metric, span = figure.get("metric") or None, figure.get("span") or None
    place = figure.get("jurisdiction") or figure.get("scope") or None
    return _Fig(
        label,
        None if metric is None else str(metric),
        None if kind is None else str(getattr(kind, "value", kind)),
        _unit_kind(figure.get("unit"), figure.get("ordinal")),
        temporal_of(figure),
        _as_date(figure.get("period_start"), "period_start", label),
        _as_date(figure.get("period_end"), "period_end", label),
        _as_date(figure.get("as_of"), "as_of", label),
        None if span is None else str(span),
        None if place is None else str(place),
    )


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def _period(f: _Fig) -> str:
    if f.start is None or f.end is None:
        return "no period"
    return f"{f.start.isoformat()}/{f.end.isoformat()}"


def _time_reasons(a: _Fig, b: _Fig, nature: Temporal) -> list[str]:
    reasons: list[str] = []
    if nature is Temporal.FLOW:
        undated = [f.label for f in (a, b) if f.start is None or f.end is None]
        if undated:
            return [f"{' and '.join(undated)} {'has' if len(undated) == 1 else 'have'} no period"]
        if (a.start, a.end) != (b.start, b.end):
            reasons.append(f"different periods ({_period(a)} and {_period(b)})")
        return reasons
    da, db = (f.as_of or (f.end if nature is Temporal.RUNNING_TOTAL else None) for f in (a, b))
    if da is None or db is None:
        undated = [f.label for f, d in ((a, da), (b, db)) if d is None]
        return [f"{' and '.join(undated)} {'is' if len(undated) == 1 else 'are'} not dated"]
    if abs(da - db) > DATE_TOLERANCE:
        reasons.append(
            f"dates {da.isoformat()} and {db.isoformat()} are more than "
            f"{DATE_TOLERANCE.days} days apart"
        )
    if nature is Temporal.RUNNING_TOTAL:
        if a.start != b.start:
            if a.start is not None and b.start is not None:
                reasons.append(
                    f"running totals from different starts ({a.start.isoformat()} and "
                    f"{b.start.isoformat()})"
                )
            else:
                known = a if a.start is not None else b
                assert known.start is not None
                reasons.append(
                    f"only {known.label} gives its start ({known.start.isoformat()}): the "
                    "other may count from any earlier date"
                )
        if a.span != b.span:
            if a.span and b.span:
                reasons.append(f"running totals over different spans ({a.span} and {b.span})")
            else:
                known = a if a.span else b
                reasons.append(f"only {known.label} gives the span it covers ({known.span})")
    return reasons


def _reasons(fa: _Fig, fb: _Fig) -> list[str]:
    """Every reason two read figures are not alike, in the order of the checks."""
    reasons: list[str] = []
    if fa.metric is None or fb.metric is None:
        without = [f.label for f in (fa, fb) if f.metric is None]
        reasons.append(
            f"{' and '.join(without)} {'has' if len(without) == 1 else 'have'} no metric"
        )
    elif fa.metric != fb.metric:
        reasons.append(f"different metrics ({fa.metric} and {fb.metric})")
    if fa.kind != fb.kind:
        reasons.append(f"different kinds ({fa.kind} and {fb.kind})")
    if fa.unit_kind is not fb.unit_kind:
        reasons.append(f"different kinds of unit ({fa.unit_kind.value} and {fb.unit_kind.value})")
    if fa.temporal is None or fb.temporal is None:
        unknown = [f.label for f in (fa, fb) if f.temporal is None]
        reasons.append(f"the temporal nature of {' and '.join(unknown)} is not recorded")
    elif fa.temporal is not fb.temporal:
        reasons.append(f"different temporal natures ({fa.temporal.value} and {fb.temporal.value})")
    else:
        reasons.extend(_time_reasons(fa, fb, fa.temporal))
    if fa.place and fb.place and _level(fa.place) != _level(fb.place):
        reasons.append(
            f"different levels of place ({_level(fa.place)} {fa.place} and "
            f"{_level(fb.place)} {fb.place})"
        )
    return reasons


def comparability(
    a: Mapping[str, Any] | Indicator, b: Mapping[str, Any] | Indicator
) -> Comparability:
    """Whether two figures are alike, and every reason they are not (see the module's rules).

    >>> from unitedfront import comparability, datasets, to_frame
    >>> rows = to_frame([datasets.load("linyi-2024"), datasets.load("ningbo-acfic-2023")],
    ...                 backend="pyarrow").to_pylist()
    >>> visited = [r for r in rows if r["metric"] == "enterprises_visited"]
    >>> print(comparability(*visited))
    unlike: ningbo-acfic-2023/enterprises-visited (3300家) is not dated
    """
    for figure in (a, b):
        if not isinstance(figure, Mapping | Indicator):
            raise AnalysisError(
                "comparability takes rows of to_frame or compare (mappings) or Indicators, "
                f"not {type(figure).__name__}"
            )
    reasons = _reasons(_read(a), _read(b))
    return Comparability(not reasons, tuple(reasons))


#: The verdict of a figure that has no other figure of its metric to be set beside.
ALONE: Final = "alone"


#: How many of the figures a row is unlike its verdict names; the rest it counts.
VERDICT_NAMES: Final = 10

#: Stand-ins for the two labels while one pair of figure kinds is checked (see verdicts).
_FIRST, _SECOND = "\x00first\x00", "\x00second\x00"
_FIRST_PLACE, _SECOND_PLACE = "\x00first place\x00", "\x00second place\x00"


def verdicts(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """For each row, its verdict against every other row of the same metric.

    ``alike`` when it is alike to every other figure of its metric; ``alone`` when there
    is no other; else ``unlike`` and, for each figure it is unlike, that figure's label and
    the reasons: ``unlike ningbo-acfic-2023/enterprises-visited (3300家): … is not dated``.
    Two rows marked ``alike`` are therefore alike to each other. A row unlike more than
    :data:`VERDICT_NAMES` others names the first of them in row order and counts the rest
    (``…; unlike 979 more figures``), so that a verdict's length does not grow with the
    frame; :func:`comparability` gives the reasons of any pair.

    Each row is read once, and rows that differ only in their label (their metric, kind,
    unit kind, nature, dates, span and level all the same) are checked against each other
    kind once, not pair by pair: the reasons are those :func:`comparability` gives, with
    each pair's own labels.
    """
    for row in rows:
        if not isinstance(row, Mapping | Indicator):
            raise AnalysisError(
                "comparability takes rows of to_frame or compare (mappings) or Indicators, "
                f"not {type(row).__name__}"
            )
    figs = [_read(row) for row in rows]
    by_metric: dict[Any, list[int]] = {}
    for i, row in enumerate(rows):
        by_metric.setdefault(row.get("metric"), []).append(i)
    out: list[str] = [ALONE] * len(rows)
    for members in by_metric.values():
        if len(members) > 1:
            for i, verdict in zip(
                members, _group_verdicts([figs[i] for i in members]), strict=True
            ):
                out[i] = verdict
    return out


def _group_verdicts(figs: list[_Fig]) -> list[str]:
    """The verdicts of the figures of one metric, each against all the others."""
    judge = _Judge(figs)
    out: list[str] = []
    for i in range(len(figs)):
        count, first = judge.unlike(i, VERDICT_NAMES)
        parts = [f"{figs[j].label}: {', '.join(judge.reasons(i, j))}" for j in first]
        if count > len(first):
            parts.append(f"{count - len(first)} more figures")
        out.append("alike" if not parts else "unlike " + "; unlike ".join(parts))
    return out


def pair_reasons(rows: Sequence[Mapping[str, Any]]) -> Callable[[int, int], list[str]]:
    """A function giving the reasons rows ``i`` and ``j`` are not alike, as
    :func:`comparability` gives them, with each row read once (for checks of many pairs)."""
    return _Judge([_read(row) for row in rows]).reasons


class _Judge:
    """The reasons of each pair of figures, checked once for each two kinds of figure.

    Figures that differ only in their label and place (their metric, kind, unit kind,
    nature, dates, span and level of place all the same) meet every other figure alike, so
    each two kinds are checked once, with stand-ins for the labels and places, which each
    pair's own then replace.
    """

    def __init__(self, figs: list[_Fig]) -> None:
        self.figs = figs
        self.exact = any("\x00" in f.label or "\x00" in (f.place or "") for f in figs)
        if self.exact:  # a label or place that could hold a stand-in: pair by pair
            return
        kinds: dict[tuple[Any, ...], int] = {}
        self.kind_of = [
            kinds.setdefault(
                (f.metric, f.kind, f.unit_kind, f.temporal, f.start, f.end, f.as_of, f.span,
                 None if f.place is None else _level(f.place)),
                len(kinds),
            )
            for f in figs
        ]  # fmt: skip

        def standing_in(kind: tuple[Any, ...], label: str, place: str) -> _Fig:
            metric, kind_, unit_kind, temporal, start, end, as_of, span, level = kind
            at = None if level is None else place + _LEVEL_SUFFIX[level]
            return _Fig(label, metric, kind_, unit_kind, temporal, start, end, as_of, span, at)

        firsts = [standing_in(k, _FIRST, _FIRST_PLACE) for k in kinds]
        seconds = [standing_in(k, _SECOND, _SECOND_PLACE) for k in kinds]
        self.firsts = [f.place for f in firsts]
        self.seconds = [f.place for f in seconds]
        self.templates = [[_reasons(a, b) for b in seconds] for a in firsts]
        self.members: list[list[int]] = [[] for _ in kinds]
        for i, kind in enumerate(self.kind_of):
            self.members[kind].append(i)
        self._first: dict[int, list[int]] = {}

    def unlike(self, i: int, most: int) -> tuple[int, list[int]]:
        """How many figures ``i`` is unlike, and the first ``most`` of them in order."""
        if self.exact:
            every = [
                j for j in range(len(self.figs)) if j != i and _reasons(self.figs[i], self.figs[j])
            ]
            return len(every), every[:most]
        kind = self.kind_of[i]
        unlike_kinds = [b for b, found in enumerate(self.templates[kind]) if found]
        itself = 1 if kind in unlike_kinds else 0
        count = sum(len(self.members[b]) for b in unlike_kinds) - itself
        first = self._first.get(kind)
        if first is None:  # the same for every figure of the kind, but for itself
            first = self._first[kind] = list(
                itertools.islice(heapq.merge(*(self.members[b] for b in unlike_kinds)), most + 1)
            )
        return count, [j for j in first if j != i][:most]

    def reasons(self, i: int, j: int) -> list[str]:
        f, g = self.figs[i], self.figs[j]
        if self.exact:
            return _reasons(f, g)
        found = self.templates[self.kind_of[i]][self.kind_of[j]]
        if not found:
            return found
        first, second = self.firsts[self.kind_of[i]], self.seconds[self.kind_of[j]]
        out = []
        for reason in found:
            if "\x00" in reason:
                if first is not None and f.place is not None:
                    reason = reason.replace(first, f.place)
                if second is not None and g.place is not None:
                    reason = reason.replace(second, g.place)
                reason = reason.replace(_FIRST, f.label).replace(_SECOND, g.label)
            out.append(reason)
        return out


#: A stand-in place of each level ends as a code of that level does (see _level).
_LEVEL_SUFFIX: Final = {"province": "0000", "prefecture": "00", "county": ""}
