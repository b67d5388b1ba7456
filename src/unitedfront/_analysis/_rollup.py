"""Roll-ups: a metric totalled over the places of a province, following its aggregation rules.

The rules, per metric of the vocabulary (:class:`~unitedfront.Metric`):

- ``summable`` across places: only summable metrics are totalled; shares, ranks, ordinals
  and metrics outside the vocabulary are reported, never added.
- ``temporal`` across time, within one place: ``flow`` figures add up over periods that do
  not overlap (a place whose figures overlap is left out, not double counted);
  ``running_total`` figures are never added to themselves: each place's latest figure is
  taken; ``snapshot`` figures never add across dates: each date gets its own total.

Totals are intervals, as :func:`unitedfront.total` makes them: lows add and highs add, an
unbounded side stays unbounded, and a bound is inclusive only when every addend's is.
Sums are exact: the backend adds decimals only when no sum can overflow its 38 digits;
otherwise the figures are added in Python with ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

import attrs

from unitedfront._alike import FIGURE_COLUMNS, figure_label, pair_reasons, temporal_of
from unitedfront._analysis._columns import INTERVAL_NAMES, Column, build_table
from unitedfront._analysis._common import (
    check_kinds,
    metric_or_error,
    place_exprs,
    province_of,
    unit_key_expr,
)
from unitedfront._analysis._frame import Backend, read_input
from unitedfront._metrics import Metric, Temporal, metrics
from unitedfront._quantity import EXACT
from unitedfront.errors import AnalysisError, UnknownMetricError

if TYPE_CHECKING:
    import narwhals as nw
    import pyarrow as pa

__all__ = ["Level", "Unlike", "rollup", "rollup_columns"]

#: What places are totalled into: each province, or each jurisdiction on its own.
Level = Literal["province", "jurisdiction"]
LEVELS: Final = get_args(Level)
#: What happens when figures to be added are not alike.
Unlike = Literal["refuse", "accept"]
UNLIKE: Final = get_args(Unlike)

_NEEDS: Final = (
    "metric",
    "jurisdiction",
    "kind",
    "qualifier",
    *INTERVAL_NAMES,
    "unit",
    "ordinal",
    "period_start",
    "period_end",
    "as_of",
)
#: Units whose figures never add up, whatever the metric says.
_UNSUMMABLE_UNITS: Final = ("%", "个百分点", "百分点")
_SEP: Final = "\x1f"
_SERIES: Final = ("group", "metric", "kind", "ukey")
_KEYS: Final = (*_SERIES, "slot")


def _c(name: str, type: Any, description: str) -> Column:
    return Column(name, type, description)


def rollup_columns(level: Level) -> tuple[Column, ...]:
    """The columns :func:`rollup` gives at this level, in order."""
    group = (
        _c("province", "string", "Code of the province whose places are totalled.")
        if level == "province"
        else _c("jurisdiction", "string", "Code of the jurisdiction whose figures are totalled.")
    )
    return (
        group,
        _c("metric", "string", "Code of the metric."),
        _c("kind", "string", "Kind of the figures totalled (actual, target ...)."),
        _c("unit", "string", "Unit of the figures totalled."),
        _c(
            "temporal",
            "string",
            "How the metric combines across time: flow, running_total, snapshot.",
        ),
        _c(
            "status",
            "string",
            "summed, not_summable, unknown_metric, no_contributor or not_alike.",
        ),
        _c("note", "string", "Why a metric was not totalled, or what a total leaves out."),
        _c("period_start", "date", "Earliest start of the periods of the figures totalled."),
        _c("period_end", "date", "Latest end of the periods of the figures totalled."),
        _c(
            "as_of", "date", "snapshot: the date totalled; running_total: the latest figure's date."
        ),
        _c("value", "decimal", "Sum of the numbers written."),
        _c("low", "decimal", "Sum of the lows; empty when a figure is unbounded below."),
        _c("high", "decimal", "Sum of the highs; empty when a figure is unbounded above."),
        _c("low_inclusive", "bool", "Whether the lower bound is included (all addends' are)."),
        _c("high_inclusive", "bool", "Whether the upper bound is included (all addends' are)."),
        _c("qualifier", "string", "exact when every figure added is exact, else sum."),
        _c("contributors", "strings", "Codes of the places whose figures were added, sorted."),
        _c("excluded", "strings", "Places with figures that were not added, each with why."),
        _c("unlike", "strings", "Figures added though not alike, as the caller accepted."),
    )


def _dtype_limit(frame: nw.LazyFrame[Any], names: Iterable[str]) -> Decimal:
    """The largest magnitude a backend sum of these columns can hold exactly."""
    schema = frame.collect_schema()
    limit: Decimal | None = None
    for name in names:
        dtype = schema[name]
        if dtype.is_decimal():
            scale = getattr(dtype, "scale", None)
            here = Decimal(10) ** (38 - (scale if isinstance(scale, int) else 38))
        elif dtype.is_integer():
            here = Decimal(2**63 - 1)
        else:
            raise AnalysisError(
                f"rollup adds figures exactly, so the {name!r} column must hold decimals or "
                f"integers, not {dtype}; make the frame with unitedfront.to_frame"
            )
        limit = here if limit is None else min(limit, here)
    assert limit is not None
    return limit


def rollup(
    data: Any,
    level: Level = "province",
    *,
    kind: str | Iterable[str] | None = None,
    unlike: Unlike = "refuse",
    backend: Backend = "pandas",
) -> Any:
    """Metrics totalled over the places of each province, as intervals, with who contributed.

    One row per province (or jurisdiction), metric, kind and unit, and for ``snapshot``
    metrics per date. Within a metric that counts things, the measure words (家, 个, 位,
    名 …) classify the same things and are added together (``unit`` lists them: ``位/名``);
    units that measure (元, 人次, %, 年 …) are never mixed. The place of a figure is its
    scope where it has one, else its programme's jurisdiction. At ``level="province"``
    the places below the province are totalled: a province's own figure is not added to
    its cities' (it would count them twice) and a county is left out when its prefecture
    has a figure of the same metric; both are listed under ``excluded`` with the reason.
    At ``level="jurisdiction"`` each place is totalled on its own, across time only.

    Metrics that may not be added (shares, ranks, ordinals, or a code outside the
    vocabulary) get a row with an empty total and a ``status`` that says why.

    Figures that are not alike are never added silently: figures of one series whose own
    temporal natures differ (the ``temporal`` column), figures the
    source does not date, flows of places that cover different spans of time, and running
    totals of places that are not alike (:func:`comparability`: dates more than
    31 days apart, different or unknown starts) are
    refused: their row has no total, the status ``not_alike`` and a note naming the figures
    and why. With ``unlike="accept"`` they are added, and the ``unlike`` column of the
    total lists what was accepted.

    Args:
        data: Programmes, or a frame shaped like :func:`to_frame`'s (its ``value``, ``low``
            and ``high`` columns must be decimals or integers: floats would round).
        level: ``"province"`` (the default) or ``"jurisdiction"``.
        kind: Total only figures of this kind (or kinds); by default each kind separately.
        unlike: ``"refuse"`` (the default) or ``"accept"`` figures that are not alike.
        backend: The kind of frame to return when ``data`` is programmes.

    Returns:
        The caller's kind of frame; for programmes, ``backend``'s. Columns:
        :func:`rollup_columns`.

    >>> from unitedfront import datasets
    >>> def adopted(t):
    ...     return next(r for r in t.to_pylist()
    ...                 if r["province"] == "370000" and r["metric"] == "reports_adopted")
    >>> row = adopted(rollup(datasets.load_all(), backend="pyarrow"))
    >>> row["status"], row["value"], row["note"][:62]
    ('not_alike', None, 'not added, the figures are not alike: weihai-2024/acfic-inform')
    >>> row = adopted(rollup(datasets.load_all(), unlike="accept", backend="pyarrow"))
    >>> int(row["value"]), row["contributors"], len(row["unlike"])
    (631, ['371000', '371300'], 1)
    """
    import narwhals as nw

    if level not in LEVELS:
        raise AnalysisError(f"unknown level {level!r}; choose 'province' or 'jurisdiction'")
    kinds = check_kinds(kind)
    if unlike not in UNLIKE:
        raise AnalysisError(f"unknown choice unlike={unlike!r}; choose from {UNLIKE}")
    source = read_input(data, backend, needs=_NEEDS, purpose="rollup")
    limit = _dtype_limit(source.frame, ("value", "low", "high"))
    vocabulary = metrics()
    by_temporal = {t: [m.code for m in vocabulary if m.temporal is t] for t in Temporal}
    summable = [m.code for m in vocabulary if m.summable]

    col = nw.col
    place = place_exprs(source.columns)["jurisdiction"]
    condition = ~col("metric").is_null()
    if kinds is not None:
        condition = condition & col("kind").is_in(kinds)
    temporal = (
        nw.when(col("metric").is_in(by_temporal[Temporal.FLOW]))
        .then(nw.lit("flow"))
        .when(col("metric").is_in(by_temporal[Temporal.RUNNING_TOTAL]))
        .then(nw.lit("running_total"))
        .when(col("metric").is_in(by_temporal[Temporal.SNAPSHOT]))
        .then(nw.lit("snapshot"))
        .otherwise(nw.lit("", nw.String))
    )
    key = nw.concat_str([col(k) for k in (*_SERIES, "place")], separator=_SEP)
    order = ["k", "start", "end"]
    figures = (
        source.frame.filter(condition)
        .select(
            col("metric"),
            col("kind"),
            col("unit").fill_null("").alias("unit_text"),
            unit_key_expr(col("unit")).alias("ukey"),
            place.alias("place"),
            col("period_start").alias("start"),
            col("period_end").alias("end"),
            nw.coalesce(col("as_of"), col("period_end")).alias("date"),
            col("value"),
            col("low"),
            col("high"),
            col("low_inclusive"),
            col("high_inclusive"),
            (col("qualifier") == "exact").alias("exact"),
            col("ordinal"),
        )
        .with_columns(
            (province_of(col("place")) if level == "province" else col("place")).alias("group"),
            temporal.alias("temporal"),
            (
                col("metric").is_in(summable)
                & ~col("ordinal")
                & ~col("ukey").is_in(_UNSUMMABLE_UNITS)
            ).alias("row_ok"),
        )
        .with_columns(
            col("date").max().over(*_SERIES, "place").alias("latest"),
            # Snapshots are totalled date by date; the other figures over time.
            nw.when(col("temporal") == "snapshot")
            .then(col("date").dt.to_string("%Y-%m-%d"))
            .otherwise(nw.lit(""))
            .alias("slot"),
            key.alias("k"),
        )
        # A running total is never added to itself: only each place's latest figure.
        # A place whose running totals are all undated keeps them (and they are reported).
        .filter(
            (col("temporal") != "running_total")
            | (col("date") == col("latest"))
            | col("latest").is_null()
        )
        # Flows of one place overlap when, in order of start, a period starts before the
        # one before it ends: sorted by place and start, compare each with the one before.
        .with_columns(
            col("k").shift(1).over(order_by=order).alias("prev_k"),
            col("end").shift(1).over(order_by=order).alias("prev_end"),
        )
        .with_columns(
            (
                (col("temporal") == "flow")
                & (col("k") == col("prev_k"))
                & (col("start") <= col("prev_end"))
            )
            .fill_null(False)
            .alias("overlap_row")
        )
    )
    accepted = _unlike_series(source, condition, level)
    safe = _sums_fit(source.frame, condition, limit)
    per_place = _settle(_per_place(figures, safe), level)
    totals = _totals(per_place, figures if not safe else None)
    members = _members(per_place)

    # ------------------------------------------------------------ assembly
    series_keys: set[tuple[Any, ...]] = set(members.units)
    contributors = members.contributors
    excluded = members.excluded
    units = members.units
    refused_info = members.refused
    columns = rollup_columns(level)
    out: dict[str, list[Any]] = {c.name: [] for c in columns}
    group_name = columns[0].name
    empty_total: dict[str, Any] = {
        "value": None,
        "low": None,
        "high": None,
        "low_inclusive": None,
        "high_inclusive": None,
        "qualifier": None,
    }
    for series_key in sorted(series_keys):
        group, metric, kind_, _, slot = series_key
        unit = "/".join(units.get(series_key, [])) or None
        known = _known(metric)
        row: dict[str, Any] = {
            group_name: group,
            "metric": metric,
            "kind": kind_,
            "unit": unit,
            "temporal": known.temporal.value if known else None,
            "as_of": date.fromisoformat(slot) if slot else None,
            "unlike": accepted.get((group, metric, kind_), []),
            "contributors": contributors.get(series_key, []),
            "excluded": sorted(excluded.get(series_key, [])),
        }
        reasons = accepted.get((group, metric, kind_))
        if reasons and unlike == "refuse" and series_key not in refused_info:
            row.update(empty_total)
            row.update(
                status="not_alike",
                note="not added, the figures are not alike: " + "; ".join(reasons),
                period_start=None,
                period_end=None,
                unlike=[],
            )
        elif series_key in refused_info:
            entry = refused_info[series_key]
            status, note = _refusal(metric, unit, entry["ordinal"])
            row.update(empty_total)
            row.update(
                status=status,
                note=note,
                period_start=entry["start"],
                period_end=entry["end"],
            )
        elif series_key in totals:
            total = totals[series_key]
            row.update({k: v for k, v in total.items() if k != "as_of"})
            row["status"] = "summed"
            row["note"] = (
                f"{len(row['excluded'])} place(s) left out; see excluded"
                if row["excluded"]
                else None
            )
            if row["temporal"] == "running_total":
                row["as_of"] = total["as_of"]
        else:
            row.update(empty_total)
            row.update(
                status="no_contributor",
                note="every place with figures was left out; see excluded",
                period_start=None,
                period_end=None,
            )
        for name in out:
            out[name].append(row.get(name))
    return source.to_kind(build_table(columns, out, "the roll-up"))


def _known(code: str) -> Metric | None:
    try:
        return metric_or_error(code)
    except (AnalysisError, UnknownMetricError):
        return None


def _refusal(metric: str, unit: str | None, ordinal: bool) -> tuple[str, str]:
    known = _known(metric)
    if known is None:
        return "unknown_metric", f"{metric!r} is not in the metric vocabulary; nothing is added"
    if not known.summable:
        return (
            "not_summable",
            f"{metric} ({known.unit_kind.value}) may not be added across places",
        )
    if ordinal:
        return "not_summable", "ordinal figures (ranks, editions) are not added"
    return "not_summable", f"figures in {unit} are shares or their differences and are not added"


def _sums_fit(frame: nw.LazyFrame[Any], condition: nw.Expr, limit: Decimal) -> bool:
    """Whether no sum of the figures can exceed what the backend's decimal sum holds.

    Some backends wrap around silently when a decimal sum overflows; a bound on every
    possible sum (how many figures times the largest magnitude) decides whether the
    backend may add them, or Python must.
    """
    import narwhals as nw

    col = nw.col
    # A grouped aggregation on a constant key: some backends (Dask) cannot reduce decimal
    # columns to a scalar otherwise.
    rows = (
        frame.filter(condition)
        .with_columns(nw.lit(0).alias("_all"))
        .group_by("_all")
        .agg(
            nw.len().alias("n"),
            *(
                getattr(col(name), agg)().alias(f"{name}_{agg}")
                for name in ("value", "low", "high")
                for agg in ("min", "max")
            ),
        )
        .collect()
        .to_arrow()
        .to_pylist()
    )
    if not rows:
        return True
    largest = max(
        (
            abs(Decimal(v))
            for k, v in rows[0].items()
            if k.endswith(("_min", "_max")) and v is not None
        ),
        default=Decimal(0),
    )
    return bool(largest * rows[0]["n"] < limit)


def _per_place(figures: nw.LazyFrame[Any], sums: bool) -> pa.Table:
    """One row per series, slot, place and unit: the place's figures aggregated.

    The one pass over the figures in the backend; what follows works on this table
    (much smaller than the figures wherever places state figures more than once).
    """
    import narwhals as nw

    col = nw.col
    summed = (col("value").sum(), col("low").sum(), col("high").sum()) if sums else ()
    table: pa.Table = (
        figures.with_columns(
            col("low").is_null().alias("low_open"), col("high").is_null().alias("high_open")
        )
        .group_by(*_SERIES, "slot", "place", "unit_text", "temporal")
        .agg(
            nw.len().alias("n"),
            *summed,
            col("row_ok").all(),
            col("ordinal").any(),
            col("overlap_row").any(),
            col("low_open").any(),
            col("high_open").any(),
            col("low_inclusive").all(),
            col("high_inclusive").all(),
            col("exact").all(),
            col("start").min().alias("period_start"),
            col("end").max().alias("period_end"),
            col("date").max().alias("as_of"),
        )
        .collect()
        .to_arrow()
    )
    return _plain_strings(table)


def _settle(per_place: pa.Table, level: str) -> pa.Table:
    """Give each place of each series the reason it is left out, or ``""`` if it counts.

    In order of precedence: ``refused`` (a series with a figure that may not be added),
    ``own`` (a province's own figure, at the province level), ``nested`` (a county whose
    prefecture has a figure of the series), ``overlap`` (flows of the place whose periods
    overlap), ``conflict`` (a running total or snapshot with several figures for one date).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    series = list(_SERIES)
    by_place = [*_SERIES, "place"]
    ok = per_place.group_by(series).aggregate([("row_ok", "all")])
    overlaps = per_place.group_by(by_place).aggregate([("overlap_row", "any")])
    counts = per_place.group_by([*_KEYS, "place"]).aggregate([("n", "sum")])
    table = per_place.join(ok, series).join(overlaps, by_place).join(counts, [*_KEYS, "place"])
    place = table["place"]
    n_rows = table.num_rows
    false = pa.array([False] * n_rows, pa.bool_()) if n_rows else pa.array([], pa.bool_())
    own: Any = false
    nested: Any = false
    if level == "province":
        own = pc.equal(place, table["group"])
        # A county's code does not end in 00; its prefecture is its first four digits + 00.
        prefecture = pc.and_(pc.ends_with(place, "00"), pc.invert(pc.ends_with(place, "0000")))
        parents = (
            table.filter(prefecture)
            .group_by(by_place)
            .aggregate([])
            .rename_columns([*_SERIES, "parent"])
        )
        parents = parents.append_column(
            "has_parent", pa.array([True] * parents.num_rows, pa.bool_())
        )
        table = table.append_column(
            "parent",
            pc.binary_join_element_wise(pc.utf8_slice_codeunits(place, 0, 4), "00", ""),
        ).join(parents, [*_SERIES, "parent"], join_type="left outer")
        place = table["place"]
        own = pc.equal(place, table["group"])
        nested = pc.and_(
            pc.invert(pc.ends_with(place, "00")), pc.fill_null(table["has_parent"], False)
        )
    several = pc.and_(pc.not_equal(table["temporal"], "flow"), pc.greater(table["n_sum"], 1))
    reason = pc.case_when(
        pc.make_struct(
            pc.invert(table["row_ok_all"]),
            own,
            nested,
            table["overlap_row_any"],
            several,
        ),
        "refused",
        "own",
        "nested",
        "overlap",
        "conflict",
        "",
    )
    return table.append_column("reason", reason)


def _plain_strings(table: pa.Table) -> pa.Table:
    """The table with every string column as Arrow ``string`` (backends give large or view)."""
    import pyarrow as pa

    fields = [
        pa.field(f.name, pa.string())
        if pa.types.is_large_string(f.type) or pa.types.is_string_view(f.type)
        else f
        for f in table.schema
    ]
    return table.cast(pa.schema(fields))


@attrs.frozen(slots=True)
class _Members:
    contributors: dict[tuple[Any, ...], list[str]]
    excluded: dict[tuple[Any, ...], list[str]]
    units: dict[tuple[Any, ...], list[str]]
    refused: dict[tuple[Any, ...], dict[str, Any]]
    """Series that may not be added: whether any figure is an ordinal, and their span."""


def _series_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[k] for k in _KEYS)


#: What each reason for leaving a place out says after its code.
_REASONS: Final = {
    "refused": ": not summable",
    "own": ": the province's own figure; its places are totalled instead",
    "overlap": ": figures of overlapping periods",
    "conflict": ": several figures for one date",
}


def _labels(table: pa.Table) -> Any:
    """``"<code>: <why>"`` for each row of places left out (vectorised: there may be many)."""
    import pyarrow.compute as pc

    place = table["place"]
    reason = table["reason"]
    parent = pc.binary_join_element_wise(pc.utf8_slice_codeunits(place, 0, 4), "00", "")
    nested = pc.binary_join_element_wise(
        place, ": within ", parent, ", whose own figure is totalled", ""
    )
    labels = nested
    for code, text in _REASONS.items():
        labels = pc.if_else(
            pc.equal(reason, code), pc.binary_join_element_wise(place, text, ""), labels
        )
    return labels


def _members(per_place: pa.Table) -> _Members:
    """Who contributed to each series, who was left out and why, and the units seen."""
    import pyarrow.compute as pc

    keys = list(_KEYS)
    ordered = per_place
    contributing = ordered.filter(pc.equal(ordered["reason"], ""))
    left_out = ordered.filter(pc.not_equal(ordered["reason"], ""))
    left_out = left_out.append_column("label", _labels(left_out))
    refused = ordered.filter(pc.equal(ordered["reason"], "refused"))

    def grouped(table: pa.Table, aggregations: list[tuple[str, str]]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = (
            table.group_by(keys, use_threads=False).aggregate(aggregations).to_pylist()
        )
        return rows

    return _Members(
        contributors={
            _series_key(r): sorted(r["place_distinct"])
            for r in grouped(contributing, [("place", "distinct")])
        },
        excluded={
            _series_key(r): sorted(r["label_distinct"])
            for r in grouped(left_out, [("label", "distinct")])
        },
        units={
            _series_key(r): sorted(u for u in r["unit_text_distinct"] if u)
            for r in grouped(ordered, [("unit_text", "distinct")])
        },
        refused={
            _series_key(r): {
                "ordinal": r["ordinal_any"],
                "start": r["period_start_min"],
                "end": r["period_end_max"],
            }
            for r in grouped(
                refused, [("ordinal", "any"), ("period_start", "min"), ("period_end", "max")]
            )
        },
    )


def _totals(
    per_place: pa.Table, figures: nw.LazyFrame[Any] | None
) -> dict[tuple[Any, ...], dict[str, Any]]:
    """The total of each series from the places that contribute, exact.

    ``figures`` is given when the backend's sums could overflow: the figures are then
    added in Python with ``Decimal``; otherwise the places' sums are added by Arrow.
    """
    import pyarrow.compute as pc

    contributing = per_place.filter(pc.equal(per_place["reason"], ""))
    aggregations: list[tuple[str, str]] = [
        ("low_open", "any"),
        ("high_open", "any"),
        ("low_inclusive", "all"),
        ("high_inclusive", "all"),
        ("exact", "all"),
        ("period_start", "min"),
        ("period_end", "max"),
        ("as_of", "max"),
    ]
    if figures is None:
        aggregations += [("value", "sum"), ("low", "sum"), ("high", "sum")]
    grouped = contributing.group_by(list(_KEYS)).aggregate(aggregations).to_pylist()
    exact_sums: dict[tuple[Any, ...], dict[str, Decimal]] = {}
    if figures is not None:
        by_place = _python_sums(figures)
        for row in contributing.select([*_KEYS, "place", "unit_text"]).to_pylist():
            place_sums = by_place[(*_series_key(row), row["place"], row["unit_text"])]
            entry = exact_sums.setdefault(
                _series_key(row), dict.fromkeys(("value", "low", "high"), Decimal(0))
            )
            for name, amount in place_sums.items():
                entry[name] = EXACT.add(entry[name], amount)
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in grouped:
        key = _series_key(row)
        if figures is None:
            sums = {name: row[f"{name}_sum"] for name in ("value", "low", "high")}
        else:
            sums = exact_sums[key]
        low = None if row["low_open_any"] else sums["low"]
        high = None if row["high_open_any"] else sums["high"]
        out[key] = {
            "value": sums["value"],
            "low": low,
            "high": high,
            "low_inclusive": low is not None and bool(row["low_inclusive_all"]),
            "high_inclusive": high is not None and bool(row["high_inclusive_all"]),
            "qualifier": "exact" if row["exact_all"] else "sum",
            "period_start": row["period_start_min"],
            "period_end": row["period_end_max"],
            "as_of": row["as_of_max"],
        }
    return out


def _python_sums(figures: nw.LazyFrame[Any]) -> dict[tuple[Any, ...], dict[str, Decimal]]:
    """Sums of value, low and high per series, place and unit, added in Python exactly."""
    keys = [*_KEYS, "place", "unit_text"]
    data = figures.select(*keys, "value", "low", "high").collect().to_arrow().to_pylist()
    sums: dict[tuple[Any, ...], dict[str, Decimal]] = {}
    for row in data:
        entry = sums.setdefault(
            tuple(row[k] for k in keys), dict.fromkeys(("value", "low", "high"), Decimal(0))
        )
        for name in ("value", "low", "high"):
            if row[name] is not None:
                entry[name] = EXACT.add(entry[name], Decimal(row[name]))
    return sums


def _unlike_series(
    source: Any, condition: nw.Expr, level: str
) -> dict[tuple[str, str, str], list[str]]:
    """Why the figures of each (group, metric, kind) are not alike; absent where they are."""
    import narwhals as nw

    col = nw.col
    place = place_exprs(source.columns)["jurisdiction"]
    wanted = [col(n) for n in FIGURE_COLUMNS if n in source.columns and n != "kind"]
    rows = (
        source.frame.filter(condition)
        .select(place.alias("place"), col("metric"), col("kind"), col("unit"), *wanted)
        .collect()
        .to_arrow()
        .to_pylist()
    )
    series: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        group = row["place"][:2] + "0000" if level == "province" else row["place"]
        series.setdefault((group, row["metric"], row["kind"]), []).append(row)
    reasons: dict[tuple[str, str, str], list[str]] = {}
    for key, figures in sorted(series.items()):
        found = _series_reasons(figures)
        if found:
            reasons[key] = found
    return reasons


def _when(row: dict[str, Any]) -> date | None:
    out: date | None = row.get("as_of") or row.get("period_end")
    return out


#: A recorded temporal nature as the frame gives it (the rest is read by temporal_of).
_NATURES: Final = {t.value: t for t in Temporal}


def _series_reasons(figures: list[dict[str, Any]]) -> list[str]:
    """Why the figures of one series (one group, metric and kind) may not be added.

    A figure alone in its series is its own total: only figures of two or more places,
    or of one place in two temporal natures, can be unlike.
    """
    found: list[str] = []
    if len(figures) == 1:
        return found
    by_nature: dict[Any, list[dict[str, Any]]] = {}
    for f in figures:
        recorded = f.get("temporal")
        nature = _NATURES[recorded] if recorded in _NATURES else temporal_of(f)
        by_nature.setdefault(nature, []).append(f)

    def named(of: list[dict[str, Any]]) -> str:
        return ", ".join(figure_label(f) for f in of)

    if None in by_nature and len({f["place"] for f in figures}) > 1:
        found.append(f"the temporal nature of {named(by_nature[None])} is not recorded")
    known = {t: of for t, of in by_nature.items() if t is not None}
    if len(known) > 1:
        parts = [f"{t.value}: {named(of)}" for t, of in known.items()]
        found.append(f"different temporal natures ({'; '.join(parts)})")
        return found
    if not known:
        return found
    nature = next(iter(known))
    by_place: dict[str, list[dict[str, Any]]] = {}
    for f in figures:
        by_place.setdefault(f["place"], []).append(f)
    if len(by_place) == 1:
        return found
    if nature is Temporal.FLOW:
        undated = [figure_label(f) for f in figures if f.get("period_end") is None]
        if undated:
            found.append(f"{', '.join(undated)} not dated")
        # What a place's flows add up to covers its earliest start to its latest end.
        covered = {
            code: (
                min(f["period_start"] for f in dated).isoformat(),
                max(f["period_end"] for f in dated).isoformat(),
            )
            for code, own in by_place.items()
            if (dated := [f for f in own if f.get("period_end") is not None])
        }
        if len(set(covered.values())) > 1:
            listed = "; ".join(f"{code}: {a}/{b}" for code, (a, b) in sorted(covered.items()))
            found.append(f"the places' flows cover different spans of time ({listed})")
        return found
    # Snapshots are totalled date by date; running totals take each place's latest figure.
    latest: dict[str, dict[str, Any]] = {}
    for code, own in by_place.items():
        dated = [f for f in own if _when(f) is not None]
        latest[code] = max(dated, key=lambda f: _when(f) or date.min) if dated else own[0]
    undated = [figure_label(f) for f in latest.values() if _when(f) is None]
    if undated:
        found.append(f"{', '.join(undated)} not dated")
    if nature is Temporal.RUNNING_TOTAL:
        codes = sorted(latest)
        ordered = [latest[code] for code in codes]
        reasons_of = pair_reasons(ordered)
        labels = [figure_label(f) for f in ordered]
        for i in range(len(ordered)):
            for j in range(i + 1, len(ordered)):
                found.extend(
                    f"{labels[i]} and {labels[j]}: {reason}"
                    for reason in reasons_of(i, j)
                    if "not dated" not in reason
                )
    return found
