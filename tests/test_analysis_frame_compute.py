"""The indicator frame computes: arithmetic, summaries and printing in every backend, exactly."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import dask.dataframe as dd
import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pytest

import unitedfront as uf
from tests._examples import example_programme, programme_with, quantity
from unitedfront.errors import AnalysisError

#: The figures of the example city Jia, in frame order: value, low, high.
VALUES = [Decimal(4221), Decimal(3702), Decimal(1400)]
LOWS = [Decimal(4221), Decimal(3702), Decimal(1400)]
HIGHS = [Decimal(4221), Decimal(3702), Decimal(1500)]


def _pandas() -> pd.DataFrame:
    frame: pd.DataFrame = uf.to_frame(example_programme("jia"))
    return frame


def _arrow() -> pa.Table:
    table: pa.Table = uf.to_frame(example_programme("jia"), backend="pyarrow")
    return table


# --------------------------------------------------------------------------- pandas


def test_pandas_figures_add_divide_and_subtract_exactly() -> None:
    """The sums, quotients and differences the decimal128(38, 10) columns refused."""
    frame = _pandas()
    assert (frame["value"] + 1).tolist() == [v + 1 for v in VALUES]
    assert (frame["value"] / 2).tolist() == [v / 2 for v in VALUES]
    assert (frame["high"] - frame["low"]).tolist() == [Decimal(0), Decimal(0), Decimal(100)]
    assert (frame["value"] * 3).tolist() == [v * 3 for v in VALUES]
    # A quotient that does not end is cut at the 19 places Arrow gives it.
    assert (frame["high"] / frame["low"]).iloc[2] == Decimal("1.0714285714285714285")


def test_pandas_sums_and_means_of_figures_are_exact_decimals() -> None:
    frame = _pandas()
    assert frame["value"].sum() == Decimal(9323)
    assert isinstance(frame["value"].sum(), Decimal)
    assert frame["value"].max() == Decimal(4221)


def test_pandas_figures_print_with_four_places_not_ten() -> None:
    frame = _pandas()
    assert str(frame["value"].iloc[0]) == "4221.0000"
    assert "4221.0000000000" not in frame.to_string()


def test_pandas_summaries_come_from_the_float_view() -> None:
    """describe() and select_dtypes('number') see the figures of the float view."""
    floats = uf.float_view(_pandas())
    assert list(floats.columns) == list(_pandas().columns)
    assert set(floats.select_dtypes("number").columns) == {"value", "low", "high", "year"}
    summary = floats.describe()
    assert summary.loc["mean", "value"] == pytest.approx(9323 / 3)
    assert summary.loc["max", "high"] == 4221.0
    assert floats["value"].tolist() == [4221.0, 3702.0, 1400.0]
    assert str(floats["value"].iloc[0]) == "4221.0"


# --------------------------------------------------------------------------- polars


def test_polars_figures_compute_and_summarise_exactly() -> None:
    frame = uf.to_frame(example_programme("jia"), backend="polars")
    assert frame.schema["value"] == pl.Decimal(18, 4)
    assert (frame["value"] + 1).to_list() == [v + 1 for v in VALUES]
    assert (frame["value"] / 2).to_list() == [v / 2 for v in VALUES]
    assert (frame["high"] - frame["low"]).to_list() == [0, 0, 100]
    assert frame["value"].sum() == Decimal(9323)
    assert set(frame.select(pl.selectors.numeric()).columns) >= {"value", "low", "high"}
    summary = frame.describe()
    assert summary.filter(pl.col("statistic") == "max")["value"].to_list() == [4221.0]
    assert str(frame["value"][0]) == "4221.0000"
    assert uf.float_view(frame).schema["value"] == pl.Float64
    assert uf.float_view(frame.lazy()).collect_schema()["value"] == pl.Float64


# --------------------------------------------------------------------------- pyarrow


def test_pyarrow_figures_compute_and_summarise_exactly() -> None:
    table = _arrow()
    assert pc.add(table["value"], 1).to_pylist() == [v + 1 for v in VALUES]
    assert pc.divide(table["value"], 2).to_pylist() == [v / 2 for v in VALUES]
    assert pc.subtract(table["high"], table["low"]).to_pylist() == [0, 0, 100]
    assert pc.sum(table["value"]).as_py() == Decimal(9323)
    assert pc.min_max(table["high"]).as_py() == {"min": Decimal(1500), "max": Decimal(4221)}
    assert str(table["value"][0]) == "4221.0000"
    assert uf.float_view(table).schema.field("value").type == pa.float64()


# --------------------------------------------------------------------------- DuckDB


def test_duckdb_figures_compute_and_summarise_exactly() -> None:
    relation = duckdb.from_arrow(_arrow())
    sums = relation.aggregate("sum(value + 1), sum(high - low), max(value / 2)").fetchall()[0]
    assert sums == (Decimal(9326), Decimal(100), 2110.5)
    summary = relation.select("value, low, high").describe().fetchall()
    assert ("count", 3.0, 3.0, 3.0) in summary
    assert uf.float_view(relation).types[25:28] == ["DOUBLE", "DOUBLE", "DOUBLE"]


# --------------------------------------------------------------------------- Dask


def test_dask_figures_compute_exactly_and_summarise_through_the_float_view() -> None:
    from_pandas: Any = dd.from_pandas  # dask is untyped
    frame: Any = from_pandas(_pandas(), npartitions=2)
    assert (frame["value"] + 1).compute().tolist() == [v + 1 for v in VALUES]
    assert (frame["value"] / 2).compute().tolist() == [v / 2 for v in VALUES]
    assert (frame["high"] - frame["low"]).compute().tolist() == [0, 0, 100]
    floats = uf.float_view(frame)
    assert floats["value"].mean().compute() == pytest.approx(9323 / 3)
    # Dask's describe() cannot read date columns: summarise the figures.
    summary = floats[["value", "low", "high"]].describe().compute()
    assert summary.loc["max", "high"] == 4221.0


# --------------------------------------------------------------------------- the float view


def test_the_float_view_of_programmes_is_a_pandas_frame() -> None:
    floats = uf.float_view(example_programme("jia"))
    assert isinstance(floats, pd.DataFrame)
    assert floats["high"].tolist() == [4221.0, 3702.0, 1500.0]


def test_the_float_view_keeps_empty_bounds_empty() -> None:
    floats = uf.float_view(example_programme("bing"), backend="polars")
    assert floats["high"].to_list()[2] is None


def test_the_float_view_refuses_what_is_not_a_frame() -> None:
    with pytest.raises(AnalysisError, match="float_view takes programmes or a frame"):
        uf.float_view(42)


def test_a_float_view_cannot_be_rolled_up() -> None:
    """The view is for looking: adding its rounded figures is refused."""
    with pytest.raises(AnalysisError, match="must hold decimals or"):
        uf.rollup(uf.float_view(example_programme("jia")))


# --------------------------------------------------------------------------- the edges


def test_the_largest_and_finest_figures_compute_in_pandas() -> None:
    """A figure at the edge of decimal128(18, 4) still adds, divides and subtracts."""
    largest, finest = Decimal("99999999999999.9999"), Decimal("0.0001")
    q = quantity("x", str(largest), "元", qualifier="about", low=finest, high=largest)
    programme = programme_with("edge", "jia", [{"metric": "rd_intensity", "quantity": q}])
    frame = uf.to_frame(programme)
    assert (frame["value"] + 1).tolist() == [largest + 1]
    assert (frame["value"] / 2).tolist() == [largest / 2]
    assert (frame["high"] - frame["low"]).tolist() == [largest - finest]


def test_the_float_view_of_a_rollup_computes_in_pandas() -> None:
    """Roll-up sums keep room for any total (38 digits); their float view takes arithmetic."""
    sums = uf.rollup(example_programme("jia"))
    floats = uf.float_view(sums)
    assert list(floats.columns) == list(sums.columns)
    assert (floats["value"] + 1).tolist() == [float(v) + 1 for v in sums["value"]]
