"""Benchmark of the analysis functions on a synthetic corpus (default: 1,000,000 indicators).

Prints how long ``to_frame`` takes for each backend, and how ``compare`` and ``rollup`` on a
polars frame compare with the same work written by hand in polars on the same frame (the
aim: within 3x). The hand-written roll-up follows the same rules (refusals, a province's own
figures, nested counties, overlapping flows, the latest running total, snapshots by date,
and series whose places' figures are not alike); its totals are checked against the
library's before the figures are printed.

Run::

    uv run python benchmarks/bench_analysis.py
    uv run python benchmarks/bench_analysis.py --indicators 200000 --repeat 5 --backends
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.gen_corpus import corpus

import unitedfront as uf
from unitedfront._analysis._columns import COMPARE_COLUMNS
from unitedfront._analysis._common import measuring_units

METRIC = "enterprises_visited"


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs (seconds) and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


# --------------------------------------------------------------------------- by hand


def _as_text(df: pl.DataFrame) -> pl.DataFrame:
    """The frame's categorical columns as texts, for polars' string methods (as the library
    reads them)."""
    return df.with_columns(pl.col(pl.Categorical).cast(pl.String))


def polars_compare(df: pl.DataFrame, metric: str) -> pl.DataFrame:
    """compare()'s rows, columns and order, written directly in polars.

    The library's last column, ``comparable``, is a verdict worked out for each figure from
    the vocabulary and the others' time; the hand-written version leaves it out, so its
    time is a floor for the selection alone.
    """
    df = _as_text(df)
    scoped = pl.col("scope").is_not_null()
    place = pl.coalesce("scope", "jurisdiction")
    derived = {
        "jurisdiction": place,
        "jurisdiction_zh": pl.when(scoped).then("scope_zh").otherwise("jurisdiction_zh"),
        "jurisdiction_en": pl.when(scoped).then("scope_en").otherwise("jurisdiction_en"),
        "province": place.str.slice(0, 2) + "0000",
    }
    return (
        df.lazy()
        .filter(pl.col("metric") == metric)
        .select(
            [
                derived[n].alias(n) if n in derived else pl.col(n)
                for n in COMPARE_COLUMNS
                if n != "comparable"
            ]
        )
        .sort(
            ["metric", "jurisdiction", "period_end", "as_of", "kind", "programme", "indicator"],
            nulls_last=True,
        )
        .collect()
    )


def unlike_series(df: pl.DataFrame) -> pl.LazyFrame:
    """The (group, metric, kind) series whose places' figures are not alike, by hand.

    The rules of ``comparability`` as ``rollup`` applies them to a series: a figure of
    unknown temporal nature among several places, two temporal natures, and, across
    places: an undated flow or places whose flows cover different spans; an undated
    snapshot or running total (each place's latest); running totals whose latest dates
    lie more than 31 days apart, or that give different starts or spans.
    """
    c = pl.col
    series = ["group", "metric", "kind"]
    figures = (
        df.lazy()
        .filter(c("metric").is_not_null())
        .select(
            pl.coalesce("scope", "jurisdiction").alias("place"),
            "metric",
            "kind",
            "temporal",
            c("period_start").alias("start"),
            c("period_end").alias("end"),
            pl.coalesce("as_of", "period_end").alias("when"),
            "span",
        )
        .with_columns((c("place").str.slice(0, 2) + "0000").alias("group"))
        .with_columns(
            pl.len().over(series).alias("n"),
            c("place").n_unique().over(series).alias("places"),
            c("temporal").is_null().any().over(series).alias("unknown"),
            c("temporal").drop_nulls().n_unique().over(series).alias("natures"),
            c("temporal").drop_nulls().first().over(series).alias("nature"),
        )
        .filter((c("n") > 1) & (c("places") > 1))
    )
    own = [*series, "place"]
    # Each place's flows cover its earliest start to its latest end (dated flows only).
    covered = (
        figures.filter(c("end").is_not_null())
        .group_by(own)
        .agg(c("start").min().alias("from"), c("end").max().alias("to"))
        .group_by(series)
        .agg(pl.struct("from", "to").n_unique().alias("spans"))
    )
    # Each place's latest figure: its dated figure of the latest date, else its first.
    latest = (
        figures.with_row_index("row")
        .sort([*own, "when", "row"], descending=[False] * 4 + [True, False], nulls_last=True)
        .group_by(own, maintain_order=True)
        .first()
        .group_by(series)
        .agg(
            c("when").is_null().any().alias("undated"),
            (c("when").max() - c("when").min()).alias("apart"),
            c("start").n_unique().alias("starts"),
            c("span").n_unique().alias("span_kinds"),
        )
    )
    verdicts = (
        figures.group_by(series)
        .agg(
            c("unknown").first(),
            c("natures").first(),
            c("nature").first(),
            c("end").is_null().any().alias("flow_undated"),
        )
        .join(covered, on=series, how="left")
        .join(latest, on=series, how="left")
    )
    flow = c("nature") == "flow"
    running = c("nature") == "running_total"
    unlike = (
        c("unknown")
        | (c("natures") > 1)
        | (flow & (c("flow_undated") | (c("spans").fill_null(0) > 1)))
        | (~flow & (c("natures") == 1) & c("undated"))
        | (
            running
            & ((c("apart") > pl.duration(days=31)) | (c("starts") > 1) | (c("span_kinds") > 1))
        )
    )
    return verdicts.filter(unlike.fill_null(False)).select(series)


def polars_rollup(df: pl.DataFrame) -> pl.DataFrame:
    """rollup(level="province"), written directly in polars."""
    df = _as_text(df)
    vocabulary = uf.metrics()
    temporal = {m.code: m.temporal.value for m in vocabulary}
    summable = [m.code for m in vocabulary if m.summable]
    series = ["group", "metric", "kind", "ukey"]
    by_place = [*series, "place"]
    c = pl.col
    flagged = (
        df.lazy()
        .filter(c("metric").is_not_null())
        .select(
            "metric",
            "kind",
            c("unit").fill_null("").alias("unit_text"),
            pl.when(c("unit").is_in(measuring_units()))
            .then(c("unit"))
            .otherwise(pl.lit("*"))
            .alias("ukey"),
            pl.coalesce("scope", "jurisdiction").alias("place"),
            c("period_start").alias("start"),
            c("period_end").alias("end"),
            pl.coalesce("as_of", "period_end").alias("date"),
            "value",
            "low",
            "high",
            "low_inclusive",
            "high_inclusive",
            (c("qualifier") == "exact").alias("exact"),
            "ordinal",
        )
        .with_columns(
            (c("place").str.slice(0, 2) + "0000").alias("group"),
            c("metric").replace_strict(temporal, default="").alias("temporal"),
            (
                c("metric").is_in(summable)
                & ~c("ordinal")
                & ~c("ukey").is_in(["%", "个百分点", "百分点"])
            ).alias("row_ok"),
        )
        .with_columns(
            c("row_ok").all().over(series).alias("series_ok"),
            pl.when(c("temporal") == "snapshot")
            .then(c("date").dt.to_string("%Y-%m-%d"))
            .otherwise(pl.lit(""))
            .alias("slot"),
            c("date").max().over(by_place).alias("latest"),
            (c("place").str.ends_with("00") & ~c("place").str.ends_with("0000")).alias("pref"),
            (c("place").str.slice(0, 4) + "00").alias("parent"),
        )
        .filter((c("temporal") != "running_total") | (c("date") == c("latest")))
        .with_columns(c("pref").any().over([*series, "parent"]).alias("has_parent"))
        .sort([*by_place, "start", "end"])
        .with_columns(
            ((c("temporal") == "flow") & (c("start") <= c("end").shift(1).over(by_place)))
            .fill_null(False)
            .any()
            .over(by_place)
            .alias("overlap"),
            pl.len().over([*series, "slot", "place"]).alias("n_same"),
        )
        .with_columns(
            pl.when(~c("series_ok"))
            .then(pl.lit("refused"))
            .when(c("place") == c("group"))
            .then(pl.lit("own"))
            .when(~c("place").str.ends_with("00") & c("has_parent"))
            .then(pl.lit("nested"))
            .when(c("overlap"))
            .then(pl.lit("overlap"))
            .when((c("temporal") != "flow") & (c("n_same") > 1))
            .then(pl.lit("conflict"))
            .otherwise(pl.lit(""))
            .alias("reason")
        )
    )
    ok = c("reason") == ""
    return (
        flagged.group_by([*series, "slot"])
        .agg(
            c("value").filter(ok).sum(),
            c("low").filter(ok).sum(),
            c("high").filter(ok).sum(),
            c("low").filter(ok).is_null().any().alias("low_open"),
            c("high").filter(ok).is_null().any().alias("high_open"),
            c("low_inclusive").filter(ok).all(),
            c("high_inclusive").filter(ok).all(),
            c("exact").filter(ok).all(),
            c("start").filter(ok).min(),
            c("end").filter(ok).max(),
            c("date").filter(ok).max(),
            c("place").filter(ok).unique().sort().alias("contributors"),
            pl.concat_str(c("place"), pl.lit(": "), c("reason"))
            .filter(~ok)
            .unique()
            .sort()
            .alias("excluded"),
            c("unit_text").filter(c("unit_text") != "").unique().sort().alias("units"),
            (~c("series_ok")).any().alias("refused"),
        )
        .join(
            unlike_series(df).with_columns(pl.lit(True).alias("unlike")),
            on=["group", "metric", "kind"],
            how="left",
        )
        .with_columns((c("refused") | c("unlike").fill_null(False)).alias("refused"))
        .drop("unlike")
        .collect()
    )


def polars_naive_sum(df: pl.DataFrame) -> pl.DataFrame:
    """For scale only: a plain sum per province, metric, kind and unit (no rules at all)."""
    return (
        df.lazy()
        .filter(pl.col("metric").is_not_null())
        .group_by(
            (pl.coalesce("scope", "jurisdiction").str.slice(0, 2) + "0000").alias("province"),
            "metric",
            "kind",
            "unit",
        )
        .agg(pl.col("value").sum(), pl.col("low").sum(), pl.col("high").sum())
        .collect()
    )


def check_same(ours: pl.DataFrame, by_hand: pl.DataFrame) -> None:
    """The summed totals and contributors of both roll-ups agree."""
    mine = {
        (r["province"], r["metric"], r["kind"], r["as_of"] if r["temporal"] == "snapshot"
         else None): (r["value"], tuple(r["contributors"]))
        for r in ours.filter(pl.col("status") == "summed").iter_rows(named=True)
    }  # fmt: skip
    theirs = {}
    summed = ~pl.col("refused") & (pl.col("contributors").list.len() > 0)
    for r in by_hand.filter(summed).iter_rows(named=True):
        when = date.fromisoformat(r["slot"]) if r["slot"] else None
        theirs[r["group"], r["metric"], r["kind"], when] = (r["value"], tuple(r["contributors"]))
    if mine != theirs:
        missing = set(mine) ^ set(theirs)
        differ = [k for k in set(mine) & set(theirs) if mine[k] != theirs[k]]
        raise SystemExit(
            f"the roll-ups disagree: {len(missing)} series in one only, {len(differ)} differ "
            f"(e.g. {sorted(missing, key=str)[:2]} {differ[:2]})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the analysis functions.")
    parser.add_argument("--indicators", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--backends", action="store_true", help="also time compare/rollup on pandas and DuckDB"
    )
    args = parser.parse_args(argv)
    n = args.indicators

    start = time.perf_counter()
    programmes = corpus(n)
    print(f"corpus: {len(programmes)} programmes, {n} indicators, "
          f"{time.perf_counter() - start:.2f} s to generate")  # fmt: skip

    print("\nto_frame (one run each)")
    frames: dict[str, Any] = {}
    for backend in ("pyarrow", "polars", "pandas"):
        gc.collect()
        start = time.perf_counter()
        frames[backend] = uf.to_frame(programmes, backend=backend)
        elapsed = time.perf_counter() - start
        print(f"  {backend:8} {elapsed:7.2f} s  ({n / elapsed / 1e6:.2f} M indicators/s)")
    del programmes
    df: pl.DataFrame = frames["polars"]

    print(f"\ncompare / rollup on a polars frame of {df.height} rows (best of {args.repeat})")
    t_cmp, ours_cmp = best(lambda: uf.compare(df, METRIC), args.repeat)
    t_cmp_pl, hand_cmp = best(lambda: polars_compare(df, METRIC), args.repeat)
    assert ours_cmp.height == hand_cmp.height, (ours_cmp.height, hand_cmp.height)
    t_roll, ours_roll = best(lambda: uf.rollup(df), args.repeat)
    t_roll_pl, hand_roll = best(lambda: polars_rollup(df), args.repeat)
    check_same(ours_roll, hand_roll)
    t_naive, _ = best(lambda: polars_naive_sum(df), args.repeat)
    rows = [
        ("compare", t_cmp, t_cmp_pl, ours_cmp.height),
        ("rollup", t_roll, t_roll_pl, ours_roll.height),
    ]
    print(f"  {'':10}{'unitedfront':>14}{'by hand':>12}{'ratio':>9}{'rows':>10}")
    for name, ours, hand, height in rows:
        print(f"  {name:10}{ours:12.3f} s{hand:10.3f} s{ours / hand:8.2f}x{height:10}")
    print(f"  (a plain polars sum by province/metric/kind/unit, no rules: {t_naive:.3f} s)")

    if args.backends:
        print("\nthe same calls on other backends (best of the runs)")
        import duckdb

        others = {
            "pyarrow": frames["pyarrow"],
            "pandas": frames["pandas"],
            "duckdb": duckdb.from_arrow(frames["pyarrow"]),
        }
        for name, frame in others.items():
            t_c, _ = best(partial(_timed_compare, frame), args.repeat)
            t_r, _ = best(partial(_timed_rollup, frame), args.repeat)
            print(f"  {name:8} compare {t_c:7.3f} s   rollup {t_r:7.3f} s")
    return 0


def _timed_compare(frame: Any) -> Any:
    return _materialise(uf.compare(frame, METRIC))


def _timed_rollup(frame: Any) -> Any:
    return _materialise(uf.rollup(frame))


def _materialise(result: Any) -> Any:
    """DuckDB relations are lazy: fetch them so that the work is timed."""
    if type(result).__name__ == "DuckDBPyRelation":
        return result.to_arrow_table()
    return result


if __name__ == "__main__":
    raise SystemExit(main())
