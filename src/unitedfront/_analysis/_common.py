"""Pieces the analysis functions share: the place a figure is about, metric lookups, checks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from unitedfront._metrics import Metric, get_metric
from unitedfront._model import IndicatorKind
from unitedfront.errors import AnalysisError

if TYPE_CHECKING:
    import narwhals as nw

__all__ = [
    "COUNTED",
    "as_names",
    "check_kinds",
    "measuring_units",
    "metric_or_error",
    "ordered",
    "place_exprs",
    "place_names",
    "province_of",
    "unit_key",
    "unit_key_expr",
]

#: The unit key of figures that count things, whatever their measure word.
COUNTED = "*"


def as_names(value: str | Iterable[str] | None, what: str) -> tuple[str, ...] | None:
    """A name or an iterable of names as a tuple (``None`` stays ``None``)."""
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    names = tuple(value)
    for name in names:
        if not isinstance(name, str):
            raise AnalysisError(f"each {what} must be a string, got {type(name).__name__}")
    if not names:
        raise AnalysisError(f"no {what} given")
    return names


def check_kinds(kind: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """The indicator kinds asked for as a tuple (``None`` stays ``None``); refuses unknown ones."""
    kinds = as_names(kind, "kind")
    if kinds is not None:
        allowed = sorted(k.value for k in IndicatorKind)
        for k in kinds:
            if k not in allowed:
                raise AnalysisError(
                    f"unknown indicator kind {k!r}; choose from {', '.join(allowed)}"
                )
    return kinds


def metric_or_error(code: str) -> Metric:
    """The metric with this code (see :func:`~unitedfront.get_metric`).

    A code that is not a string raises :class:`AnalysisError`; an unknown code
    :class:`~unitedfront.errors.UnknownMetricError`.
    """
    if not isinstance(code, str):
        raise AnalysisError(f"a metric is named by its code (a string), not {code!r}")
    return get_metric(code)


def place_exprs(columns: Sequence[str]) -> dict[str, nw.Expr]:
    """Expressions for the jurisdiction a figure is about: its scope if any, else the programme's.

    Returns expressions named ``jurisdiction``, ``jurisdiction_zh`` and ``jurisdiction_en``
    (the names only where the frame has them).
    """
    import narwhals as nw

    present = set(columns)

    def pick(scoped: str, own: str) -> nw.Expr:
        if scoped in present:
            return nw.coalesce(nw.col(scoped), nw.col(own))
        return nw.col(own)

    out: dict[str, nw.Expr] = {"jurisdiction": pick("scope", "jurisdiction")}
    for lang in ("zh", "en"):
        own = f"jurisdiction_{lang}"
        if own not in present:
            continue
        scoped = f"scope_{lang}"
        if "scope" in present:
            # The scope's name when the figure has a scope (empty if the frame lacks it).
            name = nw.col(scoped) if scoped in present else nw.lit(None, nw.String)
            out[own] = nw.when(~nw.col("scope").is_null()).then(name).otherwise(nw.col(own))
        else:
            out[own] = nw.col(own)
    return out


def province_of(code: nw.Expr) -> nw.Expr:
    """The province code of a GB/T 2260 code: its first two digits and ``0000``."""
    import narwhals as nw

    return nw.concat_str([code.str.slice(0, 2), nw.lit("0000")])


def place_names(
    rows: Iterable[Mapping[str, Any]], code: str
) -> dict[str, tuple[str | None, str | None]]:
    """The Chinese and English names to label each place with, by its code (``row[code]``).

    Rows may name one place differently. Of those naming it most fully (a Chinese name
    before none, then an English name before none), the names that sort first win: the
    order of the input never matters.
    """

    def key(row: Mapping[str, Any]) -> tuple[Any, ...]:
        zh, en = row.get("jurisdiction_zh"), row.get("jurisdiction_en")
        return (row[code], zh is None, en is None, zh or "", en or "")

    names: dict[str, tuple[str | None, str | None]] = {}
    for row in sorted(rows, key=key):
        names.setdefault(row[code], (row.get("jurisdiction_zh"), row.get("jurisdiction_en")))
    return names


def ordered(columns: Sequence[str], wanted: Sequence[str]) -> list[str]:
    """The names of ``wanted`` that are in ``columns``, in the order of ``wanted``."""
    present = set(columns)
    return [name for name in wanted if name in present]


def measuring_units() -> tuple[str, ...]:
    """Units that measure rather than classify: 元, 人次, %, 年, 天 … (see ``unit_kind``)."""
    from unitedfront._metrics import _UNIT_KINDS

    return tuple(sorted(_UNIT_KINDS))


def unit_key(unit: str | None) -> str:
    """The key under which figures of one metric may be added or compared.

    Measure words of counted things (家, 个, 位, 名, 条, 篇, or none) classify the same
    things the metric defines, so they share the key :data:`COUNTED`; a unit that
    measures (元, 人次, %, 年 …) is its own key.

    >>> unit_key("位") == unit_key("名") == unit_key(None), unit_key("元")
    (True, '元')
    """
    return unit if unit is not None and unit in measuring_units() else COUNTED


def unit_key_expr(unit: nw.Expr) -> nw.Expr:
    """:func:`unit_key` as a narwhals expression."""
    import narwhals as nw

    return (
        nw.when(unit.fill_null("").is_in(measuring_units())).then(unit).otherwise(nw.lit(COUNTED))
    )
