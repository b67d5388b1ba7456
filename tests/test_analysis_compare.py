"""``compare`` and ``coverage`` on every kind of frame, giving back the caller's kind."""

from __future__ import annotations

from decimal import Decimal

import dask.dataframe as dd
import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import unitedfront as uf
from tests._examples import (
    KINDS,
    example_programme,
    example_programmes,
    native,
    programme_with,
    rows,
)
from unitedfront.errors import AnalysisError

#: The type each kind of input comes back as.
RETURNED: dict[str, type] = {
    "pandas": pd.DataFrame,
    "polars": pl.DataFrame,
    "polars-lazy": pl.LazyFrame,
    "pyarrow": pa.Table,
    "duckdb": duckdb.DuckDBPyRelation,
    "dask": dd.DataFrame,
}


@pytest.fixture(scope="module")
def table() -> pa.Table:
    programmes = [
        *example_programmes(),
        programme_with(
            "jia-2023",
            "jia",
            [
                {"metric": "villages_paired", "quantity": "3500个", "as_of": "2023-12-31"},
                {"metric": "villages_paired", "quantity": "40个", "scope": "jia-county"},
                {"metric": "villages_paired", "quantity": "4000个", "kind": "target"},
            ],
            period="2023",
        ),
    ]
    return uf.to_frame(programmes, backend="pyarrow")


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_compare_gives_back_the_callers_kind_of_frame(table: pa.Table, kind: str) -> None:
    result = uf.compare(native(table, kind), "villages_paired")
    assert isinstance(result, RETURNED[kind])


def test_compare_lists_every_figure_of_the_metric_place_by_place(
    table: pa.Table, kind: str
) -> None:
    """The same rows, in the same order, whatever the kind of frame."""
    got = rows(uf.compare(native(table, kind), "villages_paired"))
    assert [
        (r["jurisdiction"], r["jurisdiction_en"], r["province"], r["kind"], r["text"], r["value"])
        for r in got
    ] == [
        ("980100", "Bing", "980000", "actual", "120个", Decimal(120)),
        ("990100", "Jia", "990000", "actual", "3500个", Decimal(3500)),
        ("990100", "Jia", "990000", "actual", "3702个", Decimal(3702)),
        ("990100", "Jia", "990000", "target", "4000个", Decimal(4000)),
        ("990102", "Jia County", "990000", "actual", "40个", Decimal(40)),
        ("990200", "Yi", "990000", "actual", "668个", Decimal(668)),
    ]


def test_compare_keeps_the_interval_of_each_figure(table: pa.Table, kind: str) -> None:
    got = rows(uf.compare(native(table, kind), "entrepreneur_training_attendances"))
    assert [
        (r["text"], r["low"], r["high"], r["low_inclusive"], r["high_inclusive"]) for r in got
    ] == [
        ("超2000人次", Decimal(2000), None, False, False),
        ("1400余人次", Decimal(1400), Decimal(1500), False, False),
        ("1804人次", Decimal(1804), Decimal(1804), True, True),
    ]


def test_compare_filters_by_kind_and_takes_several_metrics(table: pa.Table) -> None:
    got = rows(
        uf.compare(table, ["villages_paired", "enterprises_paired_with_villages"], kind="target")
    )
    assert [(r["metric"], r["value"]) for r in got] == [("villages_paired", Decimal(4000))]
    both = rows(uf.compare(table, ("villages_paired", "enterprises_paired_with_villages")))
    assert [r["metric"] for r in both][:3] == ["enterprises_paired_with_villages"] * 3


def test_compare_from_programmes_uses_the_backend_asked_for() -> None:
    result = uf.compare(example_programmes(), "villages_paired", backend="polars")
    assert isinstance(result, pl.DataFrame)
    assert result["value"].to_list() == [Decimal(120), Decimal(3702), Decimal(668)]
    assert isinstance(uf.compare(example_programmes(), "villages_paired"), pd.DataFrame)


def test_compare_refuses_an_unknown_metric_or_kind(table: pa.Table) -> None:
    with pytest.raises(uf.UnknownMetricError, match=r"no metric 'villages' in the vocabulary"):
        uf.compare(table, "villages")
    with pytest.raises(AnalysisError, match=r"unknown indicator kind 'plan'"):
        uf.compare(table, "villages_paired", kind="plan")


def test_compare_refuses_a_frame_without_the_columns_it_needs(table: pa.Table) -> None:
    with pytest.raises(AnalysisError) as caught:
        uf.compare(table.drop_columns(["low", "high"]), "villages_paired")
    assert str(caught.value) == (
        "compare needs the columns 'low', 'high', which the frame lacks; "
        "make the frame with unitedfront.to_frame"
    )


def test_compare_refuses_what_is_neither_programmes_nor_a_frame() -> None:
    with pytest.raises(AnalysisError, match="compare takes programmes or a frame"):
        uf.compare(42, "villages_paired")


def test_compare_of_a_metric_nobody_reports_is_empty(table: pa.Table, kind: str) -> None:
    assert rows(uf.compare(native(table, kind), "credit_granted")) == []


# --------------------------------------------------------------------------- coverage


def test_coverage_gives_back_the_callers_kind_of_frame(table: pa.Table, kind: str) -> None:
    assert isinstance(uf.coverage(native(table, kind)), RETURNED[kind])


def test_coverage_counts_per_place_and_theme_with_zeros_for_gaps(
    table: pa.Table, kind: str
) -> None:
    got = rows(uf.coverage(native(table, kind)))
    assert len(got) == 3 * 7  # three places, every theme
    jia = {
        r["theme"]: (r["actions"], r["measures"], r["indicators"])
        for r in got
        if r["jurisdiction"] == "990100"
    }
    # Jia: one programme with an action of a measure (2 figures) and an action (1 figure);
    # another whose one action (common prosperity) holds 3 figures directly.
    assert jia == {
        "advice": (0, 0, 0),
        "innovation": (0, 0, 0),
        "private_economy": (1, 0, 1),
        "investment_talent": (0, 0, 0),
        "common_prosperity": (2, 1, 5),
        "organisation": (0, 0, 0),
        "general": (0, 0, 0),
    }
    assert {r["jurisdiction_en"] for r in got} == {"Jia", "Yi", "Bing"}


def test_coverage_of_programmes_counts_measures_without_figures() -> None:
    programme = uf.Programme.model_validate(
        {
            **example_programme("yi").model_dump(mode="json"),
            "actions": [
                {
                    "id": "advice",
                    "name": "建言",
                    "theme": "advice",
                    "measures": [{"id": "m1", "name": "一"}, {"id": "m2", "name": "二"}],
                },
                {"id": "empty", "name": "空", "theme": "general"},
            ],
        }
    )
    got = {r["theme"]: r for r in rows(uf.coverage(programme, backend="pyarrow"))}
    assert (got["advice"]["actions"], got["advice"]["measures"]) == (1, 2)
    assert (got["general"]["actions"], got["general"]["indicators"]) == (1, 0)
    # A frame has a row per figure only: a programme without figures is not in it at all.
    assert rows(uf.coverage(uf.to_frame(programme, "pyarrow"))) == []


def test_coverage_counts_programme_wide_figures_under_an_empty_theme() -> None:
    data = example_programme("yi").model_dump(mode="json")
    data["indicators"] = [
        {
            "id": "wide",
            "name": "总数",
            "kind": "actual",
            "quantity": "3项",
            "evidence": {"source": "report", "quote": "3项"},
        }
    ]
    got = rows(uf.coverage(uf.Programme.model_validate(data), backend="pyarrow"))
    wide = [r for r in got if r["theme"] is None]
    assert [(r["actions"], r["measures"], r["indicators"]) for r in wide] == [(0, 0, 1)]


def test_coverage_from_programmes_defaults_to_pandas() -> None:
    assert isinstance(uf.coverage(example_programmes()), pd.DataFrame)


def test_each_kind_of_frame_reads_back_as_the_same_rows(table: pa.Table, kind: str) -> None:
    """The conversions these tests rely on are faithful for every kind of frame."""
    assert rows(native(table, kind)) == table.to_pylist()
