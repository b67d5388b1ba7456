"""``rollup``: totals over places and time that follow each metric's aggregation rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings, strategies as st

import unitedfront as uf
from tests._examples import KINDS, native, rows
from tests._rollup_helpers import (
    interval_of as _total,
    programme as _programme,
    rollup_rows as _rollup,
    row as _row,
)
from unitedfront._analysis._rollup import rollup_columns
from unitedfront.errors import AnalysisError


def test_flows_of_periods_that_do_not_overlap_add_up_over_time_and_places() -> None:
    result = _rollup(
        [
            _programme(
                "jia",
                events_held=[
                    {"quantity": "10场", "period": "2024-01/2024-06"},
                    {"quantity": "20场", "period": "2024-07/2024-12"},
                ],
            ),
            _programme("yi", events_held="5场"),
        ]
    )
    row = _row(result, "events_held")
    assert (row["province"], row["status"], row["temporal"]) == ("990000", "summed", "flow")
    assert row["value"] == Decimal(35) and row["qualifier"] == "exact"
    assert row["contributors"] == ["990100", "990200"] and row["excluded"] == []
    assert (row["period_start"], row["period_end"], row["as_of"]) == (
        date(2024, 1, 1),
        date(2024, 12, 31),
        None,
    )


def test_a_place_whose_flows_overlap_is_left_out_not_double_counted() -> None:
    result = _rollup(
        [
            _programme(
                "jia", events_held=["10场", {"quantity": "4场", "period": "2024-03/2024-04"}]
            ),
            _programme("yi", events_held="5场"),
        ]
    )
    row = _row(result, "events_held")
    assert row["value"] == Decimal(5)
    assert row["contributors"] == ["990200"]
    assert row["excluded"] == ["990100: figures of overlapping periods"]
    assert row["note"] == "1 place(s) left out; see excluded"


def test_a_running_total_takes_each_places_latest_figure_and_never_adds_itself() -> None:
    result = _rollup(
        [
            _programme(
                "jia",
                id="jia-2023",
                period="2023",
                villages_paired={"quantity": "3500个", "as_of": "2023-12-31"},
            ),
            _programme(
                "jia", id="jia-2024", villages_paired={"quantity": "3702个", "as_of": "2024-07-19"}
            ),
            _programme("yi", villages_paired="668个"),
        ]
    )
    row = _row(result, "villages_paired")
    assert row["value"] == Decimal(3702 + 668)
    assert row["temporal"] == "running_total"
    assert row["as_of"] == date(2024, 12, 31)  # the latest of the figures taken
    assert row["contributors"] == ["990100", "990200"]


def test_two_different_running_totals_for_one_date_are_a_conflict() -> None:
    result = _rollup(
        [
            _programme("jia", villages_paired=["3702个", "3700个"]),
            _programme("yi", villages_paired="668个"),
        ]
    )
    row = _row(result, "villages_paired")
    assert row["value"] == Decimal(668)
    assert row["excluded"] == ["990100: several figures for one date"]


def test_snapshots_are_totalled_date_by_date_never_across_dates() -> None:
    result = _rollup(
        [
            _programme(
                "jia",
                direct_chambers=[
                    {"quantity": "40个", "as_of": "2023-12-31"},
                    {"quantity": "45个", "as_of": "2024-12-31"},
                ],
            ),
            _programme("yi", direct_chambers={"quantity": "30个", "as_of": "2024-12-31"}),
        ]
    )
    rows_ = [r for r in result if r["metric"] == "direct_chambers"]
    assert [(r["as_of"], r["value"], r["contributors"]) for r in rows_] == [
        (date(2023, 12, 31), Decimal(40), ["990100"]),
        (date(2024, 12, 31), Decimal(75), ["990100", "990200"]),
    ]


def test_shares_ranks_and_unknown_metrics_are_reported_not_added() -> None:
    result = _rollup(
        [
            _programme(
                "jia",
                rd_intensity={"quantity": "2.5%", "kind": "statistic"},
                innovation_capability_rank={"quantity": "第35位", "kind": "rank"},
                made_up_measure="3个",
            ),
            _programme("yi", rd_intensity={"quantity": "3.1%", "kind": "statistic"}),
        ]
    )
    share = _row(result, "rd_intensity")
    assert (share["status"], share["value"], share["contributors"]) == ("not_summable", None, [])
    assert share["excluded"] == ["990100: not summable", "990200: not summable"]
    assert share["note"] == "rd_intensity (share) may not be added across places"
    rank = _row(result, "innovation_capability_rank")
    assert rank["status"] == "not_summable" and rank["value"] is None
    unknown = _row(result, "made_up_measure")
    assert (unknown["status"], unknown["temporal"]) == ("unknown_metric", None)
    assert unknown["note"] == "'made_up_measure' is not in the metric vocabulary; nothing is added"


def test_an_ordinal_figure_makes_its_series_not_summable() -> None:
    result = _rollup(
        [
            _programme("jia", events_held="第3场"),
            _programme("yi", events_held="5场"),
        ]
    )
    row = _row(result, "events_held")
    assert row["status"] == "not_summable"
    assert row["note"] == "ordinal figures (ranks, editions) are not added"


def test_a_provinces_own_figure_and_nested_counties_are_not_added_to_its_cities() -> None:
    province = _programme("province", events_held="100场")
    jia = _programme("jia", events_held=["30场", {"quantity": "8场", "scope": "jia-county"}])
    yi = _programme("yi", events_held="20场")
    row = _row(_rollup([province, jia, yi]), "events_held")
    assert row["value"] == Decimal(50)
    assert row["contributors"] == ["990100", "990200"]
    assert row["excluded"] == [
        "990000: the province's own figure; its places are totalled instead",
        "990102: within 990100, whose own figure is totalled",
    ]


def test_a_county_counts_when_its_prefecture_has_no_figure() -> None:
    yi = _programme("yi", events_held={"quantity": "8场", "scope": "jia-county"})
    row = _row(_rollup([yi]), "events_held")
    assert (row["value"], row["contributors"]) == (Decimal(8), ["990102"])


def test_at_the_jurisdiction_level_each_place_is_totalled_on_its_own() -> None:
    province = _programme("province", events_held="100场")
    jia = _programme(
        "jia",
        events_held=[
            {"quantity": "30场", "period": "2024-01/2024-06"},
            {"quantity": "5场", "period": "2024-07/2024-12"},
        ],
    )
    result = _rollup([province, jia], level="jurisdiction")
    assert [(r["jurisdiction"], r["value"], r["contributors"]) for r in result] == [
        ("990000", Decimal(100), ["990000"]),
        ("990100", Decimal(35), ["990100"]),
    ]
    assert rollup_columns("jurisdiction")[0].name == "jurisdiction"


def test_totals_are_intervals_like_total() -> None:
    """Lows add, highs add, open bounds stay open, unbounded stays unbounded."""
    texts = {"jia": "470余条", "yi": "320多条", "bing": "15条"}
    programmes = [_programme(key, suggestions_collected=text) for key, text in texts.items()]
    result = _rollup(programmes, level="jurisdiction")
    result_province = _rollup(programmes[:2])
    row = _row(result_province, "suggestions_collected")
    expected = uf.total([uf.parse_quantity(texts["jia"]), uf.parse_quantity(texts["yi"])])
    assert _total(row) == (
        expected.value,
        expected.low,
        expected.high,
        expected.low_inclusive,
        expected.high_inclusive,
    )
    assert _total(row) == (Decimal(790), Decimal(790), Decimal(810), False, False)
    assert row["qualifier"] == "sum"
    assert len(result) == 3
    over = _rollup(
        [
            _programme("jia", events_held="超100场"),
            _programme("yi", events_held="20场"),
        ]
    )
    assert _total(_row(over, "events_held")) == (
        Decimal(120),
        Decimal(120),
        None,
        False,
        False,
    )


def test_measure_words_of_a_counted_metric_add_up_but_measuring_units_do_not() -> None:
    result = _rollup(
        [
            _programme("jia", experts_engaged="18位", entrepreneur_training_attendances="300人次"),
            _programme("yi", experts_engaged="100余名", entrepreneur_training_attendances="20次"),
        ]
    )
    experts = _row(result, "experts_engaged")
    assert (experts["unit"], experts["value"], experts["high"]) == (
        "位/名",
        Decimal(118),
        Decimal(218),
    )
    training = [r for r in result if r["metric"] == "entrepreneur_training_attendances"]
    assert sorted((r["unit"], r["value"]) for r in training) == [
        ("人次", Decimal(300)),
        ("次", Decimal(20)),
    ]


def test_each_kind_is_totalled_apart_and_kind_filters() -> None:
    programmes = [_programme("jia", events_held=["10场", {"quantity": "12场", "kind": "target"}])]
    result = _rollup(programmes)
    assert sorted((r["kind"], r["value"]) for r in result) == [
        ("actual", Decimal(10)),
        ("target", Decimal(12)),
    ]
    assert [r["kind"] for r in _rollup(programmes, kind="target")] == ["target"]


def test_large_figures_add_up_exactly() -> None:
    big = "12345678901234.0001"  # the most digits the frame's figures hold
    q = uf.Quantity(
        text=big,
        value=Decimal(big),
        qualifier=uf.Qualifier.EXACT,
        low=Decimal(big),
        high=Decimal(big),
        low_inclusive=True,
        high_inclusive=True,
        unit="元",
    )
    programmes = [_programme(key, credit_granted=q) for key in ("jia", "yi")]
    row = _row(_rollup(programmes), "credit_granted")
    assert row["value"] == Decimal("24691357802468.0002")


def test_sums_that_could_overflow_the_backend_are_added_in_python() -> None:
    """A decimal(38, 30) column holds 8 digits before the point: the backend sum could
    wrap around, so the figures are added in Python, exactly."""
    programmes = [
        _programme(
            {"code": f"9901{i:02d}", "name": "县", "level": "county", "parent": "990100"},
            id=f"p{i}",
            credit_granted="9000万元",
        )
        for i in range(1, 21)
    ]
    frame = uf.to_frame(programmes, backend="polars").with_columns(
        pl.col(name).cast(pl.Decimal(38, 30)) for name in ("value", "low", "high")
    )
    row = _row(rows(uf.rollup(frame)), "credit_granted")
    assert row["value"] == Decimal(20 * 90_000_000)
    assert len(row["contributors"]) == 20


def test_float_figures_are_refused() -> None:
    frame = uf.to_frame(
        [_programme("jia", events_held="10场")],
        backend="polars",
    ).with_columns(pl.col("value").cast(pl.Float64))
    with pytest.raises(AnalysisError, match=r"the 'value' column must hold decimals or integers"):
        uf.rollup(frame)


def test_an_unknown_level_or_kind_is_refused() -> None:
    programmes = [_programme("jia", events_held="1场")]
    with pytest.raises(AnalysisError, match="unknown level 'city'"):
        uf.rollup(programmes, level="city")  # type: ignore[arg-type]
    with pytest.raises(AnalysisError, match="unknown indicator kind 'plan'"):
        uf.rollup(programmes, kind="plan")


@pytest.fixture(scope="module")
def mixed() -> pa.Table:
    """Figures that exercise every rule at once."""
    return uf.to_frame(
        [
            _programme("province", events_held="100场"),
            _programme(
                "jia",
                events_held=["30余场", {"quantity": "8场", "scope": "jia-county"}],
                villages_paired={"quantity": "3702个", "as_of": "2024-06-30", "cumulative": True},
                direct_chambers={"quantity": "40个", "as_of": "2024-12-31"},
                rd_intensity={"quantity": "2.5%", "kind": "statistic"},
            ),
            _programme(
                "jia",
                id="jia-2023",
                period="2023",
                villages_paired={"quantity": "3500个", "as_of": "2023-06-30", "cumulative": True},
            ),
            _programme(
                "yi",
                events_held=["超20场", {"quantity": "3场", "period": "2024-05"}],
                villages_paired={"quantity": "668个", "as_of": "2024-06-30", "cumulative": True},
                direct_chambers={"quantity": "30个", "as_of": "2024-12-31"},
            ),
            _programme("bing", events_held="7场"),
        ],
        backend="pyarrow",
    )


@pytest.mark.parametrize("kind", KINDS)
def test_every_backend_gives_the_same_rollup(mixed: pa.Table, kind: str) -> None:
    expected = rows(uf.rollup(mixed))
    got = rows(uf.rollup(native(mixed, kind)))
    assert got == expected
    events = _row(got, "events_held", province="990000")
    assert events["contributors"] == ["990100"]
    assert events["excluded"] == [
        "990000: the province's own figure; its places are totalled instead",
        "990102: within 990100, whose own figure is totalled",
        "990200: figures of overlapping periods",
    ]
    assert _total(events) == (Decimal(30), Decimal(30), Decimal(40), False, False)
    villages = _row(got, "villages_paired")
    assert villages["value"] == Decimal(3702 + 668)
    assert [r["province"] for r in got if r["metric"] == "events_held"] == ["980000", "990000"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=10_000),
            st.sampled_from(["", "余", "超", "近"]),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_province_total_is_the_total_of_its_places_figures(
    figures: list[tuple[int, str]],
) -> None:
    """For one figure per city, the roll-up equals ``unitedfront.total`` of the figures."""
    texts = []
    for number, word in figures:
        if word == "余":
            texts.append(f"{number * 10}余家")
        elif word:
            texts.append(f"{word}{number}家")
        else:
            texts.append(f"{number}家")
    programmes = [
        _programme(
            {"code": f"99{i + 1:02d}00", "name": "市", "level": "prefecture", "parent": "990000"},
            id=f"p{i}",
            enterprises_visited=text,
        )
        for i, text in enumerate(texts)
    ]
    row = _row(_rollup(programmes), "enterprises_visited")
    expected = uf.total(uf.parse_quantity(t) for t in texts)
    assert _total(row) == (
        expected.value,
        expected.low,
        expected.high,
        expected.low_inclusive,
        expected.high_inclusive,
    )
    assert row["qualifier"] == expected.qualifier.value
