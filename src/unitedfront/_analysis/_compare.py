"""Comparisons across places: one metric side by side, and which place covers which theme."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

from unitedfront._alike import verdicts
from unitedfront._analysis._columns import (
    COMPARE_COLUMNS,
    COVERAGE_COLUMNS,
    INTERVAL_NAMES,
    arrow_schema,
)
from unitedfront._analysis._common import (
    as_names,
    check_kinds,
    metric_or_error,
    ordered,
    place_exprs,
    place_names,
    province_of,
)
from unitedfront._analysis._frame import (
    Backend,
    Input,
    check_backend,
    from_arrow,
    read_input,
)
from unitedfront._model import Indicator, Measure, Programme, Theme

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["COMPARE_COLUMNS", "COVERAGE_COLUMNS", "compare", "coverage"]

_COMPARE_NEEDS: Final = (
    "metric",
    "jurisdiction",
    "kind",
    *INTERVAL_NAMES,
    "unit",
    "period_start",
    "period_end",
    "as_of",
)
_VERDICT: Final = (
    "alike, alone, or unlike and why: the figure against every other of its metric "
    "(unitedfront.comparability)"
)
_COMPARE_ORDER: Final = (
    "metric",
    "jurisdiction",
    "period_end",
    "as_of",
    "kind",
    "programme",
    "indicator",
)


def compare(
    data: Any,
    metric: str | Iterable[str],
    *,
    kind: str | Iterable[str] | None = None,
    backend: Backend = "pandas",
) -> Any:
    """Every figure of a metric, place beside place, with the interval each figure implies.

    One row per figure (an indicator whose ``metric`` is one of those asked for), sorted by
    metric, jurisdiction and date. ``jurisdiction`` is the place the figure is about: the
    indicator's scope where it has one, else its programme's jurisdiction, with
    ``province`` the province that place lies in. Figures are never combined: a place with
    a target and an actual, or with figures of two years, has a row for each. Time is
    each figure's own (``period_start``, ``period_end``, ``as_of``, ``temporal``,
    ``cumulative``, ``span``), empty where the source gives none.

    The last column, ``comparable``, says whether the row may be set beside the others
    of its metric: ``alike`` (alike to every other, by :func:`comparability`), ``alone``
    (the only figure of its metric), or ``unlike`` followed by each figure it is unlike and
    why (the first ten named, the rest counted). Read a difference between two rows only
    where both say ``alike``. The rows are numbered afresh (a pandas input's row labels are
    not kept).

    Args:
        data: Programmes, or a frame shaped like :func:`to_frame`'s (pandas, polars,
            pyarrow, DuckDB or Dask).
        metric: A metric code of the vocabulary, or several.
        kind: Keep only figures of this kind (``"actual"``, ``"target"`` ...), or kinds.
        backend: The kind of frame to return when ``data`` is programmes.

    Returns:
        The caller's kind of frame (lazy inputs stay lazy); for programmes, ``backend``'s.

    >>> from unitedfront import datasets
    >>> two = [datasets.load("ningbo-acfic-2023"), datasets.load("linyi-2024")]
    >>> t = compare(two, "villages_paired", backend="pyarrow")
    >>> t.column("jurisdiction_en").to_pylist(), [int(v) for v in t.column("value").to_pylist()]
    (['Ningbo', 'Linyi'], [668, 3702])
    """
    import narwhals as nw
    import pyarrow as pa

    codes = as_names(metric, "metric")
    assert codes is not None
    for code in codes:
        metric_or_error(code)
    kinds = check_kinds(kind)
    source = read_input(data, backend, needs=_COMPARE_NEEDS, purpose="compare")
    frame = source.frame
    columns = source.columns
    place = place_exprs(columns)
    condition = nw.col("metric").is_in(codes)
    if kinds is not None:
        condition = condition & nw.col("kind").is_in(kinds)
    derived: dict[str, nw.Expr] = {**place, "province": province_of(place["jurisdiction"])}
    selected = [
        derived[name].alias(name) if name in derived else nw.col(name)
        for name in COMPARE_COLUMNS
        if (name in derived or name in columns) and name != "comparable"
    ]
    result = frame.filter(condition).select(selected)
    order = ordered(result.collect_schema().names(), _COMPARE_ORDER)
    # One metric's figures are few: they are gathered to judge each against the others.
    table = result.sort(order, nulls_last=True).collect().to_arrow()
    # A pandas input's index travels in the schema's metadata (and, once filtered, as a
    # column of its own): the rows are numbered afresh.
    names = result.collect_schema().names()
    table = table.select(names).replace_schema_metadata(None)
    verdict = pa.array(verdicts(table.to_pylist()), type=pa.string())
    table = table.append_column(
        pa.field("comparable", pa.string(), metadata={"description": _VERDICT}), verdict
    )
    return source.to_kind(table)


# --------------------------------------------------------------------------- coverage


_COVERAGE_NEEDS: Final = ("programme", "jurisdiction", "action", "theme", "measure", "indicator")
_THEMES: Final = tuple(t.value for t in Theme)


def _structure_table(programmes: tuple[Programme, ...]) -> pa.Table:
    """Rows for coverage: one per indicator, plus one per measure or action without any."""
    import pyarrow as pa

    names = (
        "programme",
        "jurisdiction",
        "jurisdiction_zh",
        "jurisdiction_en",
        "action",
        "theme",
        "measure",
        "indicator",
    )
    rows: list[tuple[str | None, ...]] = []
    for p in programmes:
        j = p.jurisdiction
        head = (p.id, j.code, j.name.zh, j.name.en)
        for ref in p.walk():
            entity, action, measure = ref.entity, ref.action, ref.measure
            a = (None, None) if action is None else (action.id, action.theme.value)
            m = None if measure is None else measure.id
            if isinstance(entity, Indicator):
                rows.append((*head, *a, m, entity.id))
            elif not entity.indicators and (isinstance(entity, Measure) or not entity.measures):
                rows.append((*head, *a, m, None))
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    return pa.table(
        {
            name: pa.array(list(col), type=pa.string())
            for name, col in zip(names, columns, strict=True)
        }
    )


def coverage(data: Any, *, backend: Backend = "pandas") -> Any:
    """Jurisdictions × themes: how many actions, measures and figures each place has per theme.

    Every theme appears for every jurisdiction, with zeros where a place has nothing under
    it, so that gaps show. Figures that belong to no action (programme-wide ones) are
    counted on a row whose ``theme`` is empty. ``jurisdiction`` is the programme's
    jurisdiction. Given programmes, every measure and action counts, with or without
    figures; given a frame (one row per figure), only the measures and actions that carry a
    figure can be seen.

    Args:
        data: Programmes, or a frame shaped like :func:`to_frame`'s.
        backend: The kind of frame to return when ``data`` is programmes.

    >>> from unitedfront import datasets
    >>> t = coverage(datasets.load("linyi-2024"), backend="pyarrow")
    >>> row = t.filter(t.column("theme").to_numpy(zero_copy_only=False) == "common_prosperity")
    >>> row.select(["actions", "measures", "indicators"]).to_pylist()
    [{'actions': 1, 'measures': 3, 'indicators': 6}]
    """
    import narwhals as nw
    import pyarrow as pa

    from unitedfront._analysis._columns import as_programmes, is_programmes

    if is_programmes(data):
        chosen = check_backend(backend)
        data = from_arrow(_structure_table(as_programmes(data)), chosen)
    source: Input = read_input(data, backend, needs=_COVERAGE_NEEDS, purpose="coverage")
    frame = source.frame
    columns = source.columns
    names = ordered(columns, ("jurisdiction_zh", "jurisdiction_en"))
    keys = ["jurisdiction", "theme"]

    def count(entity: str, unique: list[str]) -> dict[tuple[Any, Any], int]:
        rows = (
            frame.filter(~nw.col(entity).is_null())
            .select([*keys, *unique])
            .unique()
            .group_by(keys)
            .agg(nw.len())
            .collect()
            .to_arrow()
            .to_pylist()
        )
        return {(r["jurisdiction"], r["theme"]): r["len"] for r in rows}

    actions = count("action", ["programme", "action"])
    measures = count("measure", ["programme", "action", "measure"])
    indicators = count("indicator", ["programme", "indicator"])
    places = frame.select(["jurisdiction", *names]).unique().collect().to_arrow().to_pylist()
    label = place_names(places, "jurisdiction")
    seen = set(actions) | set(measures) | set(indicators)
    out: dict[str, list[Any]] = {c.name: [] for c in COVERAGE_COLUMNS}
    for code in sorted(label):
        themes: list[str | None] = list(_THEMES)
        themes += sorted({t for j, t in seen if j == code and t not in _THEMES}, key=str)
        for theme in themes:
            key = (code, theme)
            if theme is None and key not in seen:
                continue
            out["jurisdiction"].append(code)
            out["jurisdiction_zh"].append(label[code][0])
            out["jurisdiction_en"].append(label[code][1])
            out["theme"].append(theme)
            out["actions"].append(actions.get(key, 0))
            out["measures"].append(measures.get(key, 0))
            out["indicators"].append(indicators.get(key, 0))
    schema = arrow_schema(COVERAGE_COLUMNS)
    table = pa.Table.from_arrays(
        [pa.array(out[f.name], type=f.type) for f in schema], schema=schema
    )
    return source.to_kind(table)
