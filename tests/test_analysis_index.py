"""The composite index and its sensitivity analysis."""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings, strategies as st

import unitedfront as uf
from tests._examples import (
    KINDS,
    example_programmes,
    native,
    programme_with,
    rows,
)
from unitedfront import UnitMismatchError
from unitedfront.errors import AnalysisError

PAIRS = ["villages_paired", "enterprises_paired_with_villages"]


# These tests are about the index's arithmetic and its choice of figures, not about
# whether figures are alike: they accept unlike figures (whose refusal
# tests/test_alike.py pins) unless a test says otherwise.
def _index(data: Any, metrics: list[str], **options: Any) -> list[dict[str, Any]]:
    options.setdefault("unlike", "accept")
    return rows(uf.composite_index(data, metrics, backend="pyarrow", **options))


def _places(n: int) -> list[dict[str, Any]]:
    return [
        {"code": f"99{i + 1:02d}00", "name": f"市{i}", "level": "prefecture", "parent": "990000"}
        for i in range(n)
    ]


def _frame(values: list[list[int]], metrics: list[str]) -> pa.Table:
    """A frame of one figure per place (row) and metric (column)."""
    programmes = [
        programme_with(
            f"p{i}",
            where,
            [
                {"metric": m, "quantity": f"{v}个", "period": "2024"}
                for m, v in zip(metrics, row, strict=True)
            ],
        )
        for i, (where, row) in enumerate(zip(_places(len(values)), values, strict=True))
    ]
    return uf.to_frame(programmes, backend="pyarrow")


def _minmax_mean(values: list[list[int]]) -> list[Fraction]:
    """The hand computation: min-max onto [0, 100] per metric, then the plain mean."""
    columns = list(zip(*values, strict=True))
    scores = []
    for row in values:
        parts = []
        for x, column in zip(row, columns, strict=True):
            lo, hi = min(column), max(column)
            parts.append(Fraction(50) if hi == lo else Fraction(100 * (x - lo), hi - lo))
        scores.append(sum(parts, Fraction(0)) / len(parts))
    return scores


def test_equal_weights_and_min_max_match_a_hand_computation() -> None:
    got = _index(example_programmes(), PAIRS)
    # Villages: Jia 3702, Yi 668, Bing 120. Enterprises: Jia 4221, Yi 822, Bing 500.
    yi = (Fraction(100 * 548, 3582) + Fraction(100 * 322, 3721)) / 2
    assert [(r["jurisdiction_en"], r["rank"]) for r in got] == [
        ("Jia", 1),
        ("Yi", 2),
        ("Bing", 3),
    ]
    assert [r["score"] for r in got] == pytest.approx([100.0, float(yi), 0.0], rel=1e-12)
    assert got[1]["score_villages_paired"] == pytest.approx(100 * 548 / 3582, rel=1e-12)
    assert [r["missing"] for r in got] == [[], [], []]
    assert [r["metrics"] for r in got] == [2, 2, 2]


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=2, max_value=6).flatmap(
        lambda n: st.lists(
            st.lists(st.integers(min_value=0, max_value=9999), min_size=3, max_size=3),
            min_size=n,
            max_size=n,
        )
    )
)
def test_min_max_with_equal_weights_is_the_mean_of_the_rescaled_figures(
    values: list[list[int]],
) -> None:
    metrics = ["events_held", "problems_resolved", "suggestions_adopted"]
    got = {r["jurisdiction"]: r["score"] for r in _index(_frame(values, metrics), metrics)}
    expected = _minmax_mean(values)
    for place, score in zip(_places(len(values)), expected, strict=True):
        assert got[place["code"]] == pytest.approx(float(score), rel=1e-12, abs=1e-12)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=1, max_value=9999), min_size=2, max_size=2),
        min_size=2,
        max_size=6,
    ),
    st.randoms(use_true_random=False),
    st.sampled_from(["minmax", "zscore", "rank"]),
)
def test_the_index_does_not_depend_on_the_order_of_the_rows(
    values: list[list[int]], shuffle: random.Random, normalize: str
) -> None:
    metrics = ["events_held", "problems_resolved"]
    table = _frame(values, metrics)
    order = list(range(table.num_rows))
    shuffle.shuffle(order)
    shuffled = table.take(pa.array(order))
    assert _index(shuffled, metrics, normalize=normalize) == _index(
        table, metrics, normalize=normalize
    )


def test_z_scores_and_ranks() -> None:
    table = _frame([[10], [20], [30], [30]], ["events_held"])
    z = [r["score"] for r in _index(table, ["events_held"], normalize="zscore")]
    sd = math.sqrt(((10 - 22.5) ** 2 + (20 - 22.5) ** 2 + 2 * (30 - 22.5) ** 2) / 4)
    assert z == pytest.approx([7.5 / sd, 7.5 / sd, -2.5 / sd, -12.5 / sd], rel=1e-12)
    ranked = _index(table, ["events_held"], normalize="rank")
    assert [(r["score"], r["rank"]) for r in ranked] == [(3.5, 1), (3.5, 1), (2.0, 3), (1.0, 4)]


def test_weights_are_scaled_to_sum_to_one() -> None:
    got = _index(example_programmes(), PAIRS, weights={PAIRS[0]: 3, PAIRS[1]: 1})
    yi = (3 * Fraction(100 * 548, 3582) + Fraction(100 * 322, 3721)) / 4
    assert got[1]["score"] == pytest.approx(float(yi), rel=1e-12)


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"villages_paired": 1}, "no weight for enterprises_paired_with_villages"),
        (
            {"villages_paired": 1, "enterprises_paired_with_villages": 1, "events_held": 2},
            "weights for metrics not in the index: events_held",
        ),
        (
            {"villages_paired": -1, "enterprises_paired_with_villages": 1},
            "the weight of villages_paired must be a finite number >= 0, got -1",
        ),
        (
            {"villages_paired": 0, "enterprises_paired_with_villages": 0},
            "the weights are all zero",
        ),
    ],
)
def test_bad_weights_are_refused(weights: dict[str, int], message: str) -> None:
    with pytest.raises(AnalysisError, match=message):
        uf.composite_index(example_programmes(), PAIRS, weights=weights)


def test_geometric_aggregation_needs_positive_values() -> None:
    with pytest.raises(AnalysisError, match=r"use bounds=\(1, 100\)"):
        uf.composite_index(example_programmes(), PAIRS, aggregate="geometric")
    with pytest.raises(AnalysisError, match="z-scores are negative"):
        uf.composite_index(example_programmes(), PAIRS, aggregate="geometric", normalize="zscore")
    got = _index(example_programmes(), PAIRS, aggregate="geometric", bounds=(1, 100))
    yi_villages = 1 + 99 * 548 / 3582
    yi_enterprises = 1 + 99 * 322 / 3721
    assert got[1]["score"] == pytest.approx(math.sqrt(yi_villages * yi_enterprises), rel=1e-12)
    assert [r["score"] for r in got][::2] == pytest.approx([100.0, 1.0])


def test_unknown_options_are_refused() -> None:
    with pytest.raises(AnalysisError, match="unknown normalization 'log'"):
        uf.composite_index(example_programmes(), PAIRS, normalize="log")  # type: ignore[arg-type]
    with pytest.raises(AnalysisError, match="unknown aggregation 'median'"):
        uf.composite_index(example_programmes(), PAIRS, aggregate="median")  # type: ignore[arg-type]
    with pytest.raises(AnalysisError, match="unknown missing-value rule 'zero'"):
        uf.composite_index(example_programmes(), PAIRS, missing="zero")  # type: ignore[arg-type]
    with pytest.raises(AnalysisError, match="a metric is named twice"):
        uf.composite_index(example_programmes(), [PAIRS[0], PAIRS[0]])
    with pytest.raises(uf.UnknownMetricError, match="no metric 'pairs'"):
        uf.composite_index(example_programmes(), ["pairs"])


def test_a_rank_metric_counts_lower_as_better() -> None:
    table = uf.to_frame(
        [
            programme_with(
                f"p{i}",
                where,
                [
                    {
                        "metric": "innovation_capability_rank",
                        "quantity": text,
                        "kind": "rank",
                        "period": "2024",
                    }
                ],
            )
            for i, (where, text) in enumerate(zip(_places(2), ["第3位", "第35位"], strict=True))
        ],
        backend="pyarrow",
    )
    got = _index(table, ["innovation_capability_rank"], kind="rank")
    assert [(r["jurisdiction"], r["score"]) for r in got] == [("990100", 100.0), ("990200", 0.0)]
    flipped = _index(
        table,
        ["innovation_capability_rank"],
        kind="rank",
        directions={"innovation_capability_rank": 1},
    )
    assert [r["jurisdiction"] for r in flipped] == ["990200", "990100"]


def test_missing_values_are_reported_never_taken_as_zero() -> None:
    programmes = [
        *example_programmes(),
        programme_with(
            "ding", _places(9)[8], [{"metric": PAIRS[0], "quantity": "5000个", "period": "2024"}]
        ),
    ]
    excluded = _index(programmes, PAIRS)
    last = excluded[-1]
    assert (last["jurisdiction"], last["score"], last["rank"]) == ("990900", None, None)
    assert last["missing"] == ["enterprises_paired_with_villages"]
    assert last["metrics"] == 1
    reweighted = _index(programmes, PAIRS, missing="reweight")
    first = reweighted[0]
    assert (first["jurisdiction"], first["score"], first["rank"]) == ("990900", 100.0, 1)
    assert first["missing"] == ["enterprises_paired_with_villages"]


def test_a_place_with_none_of_the_metrics_is_listed_with_all_missing() -> None:
    programmes = [
        *example_programmes(),
        programme_with(
            "ding", _places(9)[8], [{"metric": "events_held", "quantity": "5场", "period": "2024"}]
        ),
    ]
    last = _index(programmes, PAIRS)[-1]
    assert (last["jurisdiction"], last["metrics"], last["missing"]) == ("990900", 0, PAIRS)


def test_the_latest_figure_of_the_kind_asked_for_is_used() -> None:
    programmes = [
        programme_with(
            "a",
            _places(1)[0],
            [
                {"metric": "events_held", "quantity": "10场", "period": "2023"},
                {"metric": "events_held", "quantity": "30场", "period": "2024"},
                {"metric": "events_held", "quantity": "99场", "kind": "target", "period": "2024"},
            ],
        ),
        programme_with(
            "b", _places(2)[1], [{"metric": "events_held", "quantity": "20场", "period": "2024"}]
        ),
    ]
    got = _index(programmes, ["events_held"])
    assert [(r["jurisdiction"], r["score"]) for r in got] == [("990100", 100.0), ("990200", 0.0)]


def test_two_different_figures_for_one_place_and_date_are_refused() -> None:
    programme = programme_with(
        "a",
        _places(1)[0],
        [
            {"metric": "events_held", "quantity": "10场", "period": "2024"},
            {"metric": "events_held", "quantity": "12场", "period": "2024"},
        ],
    )
    with pytest.raises(AnalysisError) as caught:
        uf.composite_index(programme, ["events_held"])
    assert str(caught.value) == (
        "990100 has different figures of events_held for its latest date 2024-12-31: "
        "10 and 12; filter the frame to the one the index should use"
    )


def test_a_metric_in_two_measuring_units_is_refused() -> None:
    programmes = [
        programme_with(
            "a",
            _places(1)[0],
            [
                {
                    "metric": "entrepreneur_training_attendances",
                    "quantity": "5人次",
                    "period": "2024",
                }
            ],
        ),
        programme_with(
            "b",
            _places(2)[1],
            [{"metric": "entrepreneur_training_attendances", "quantity": "5次", "period": "2024"}],
        ),
    ]
    with pytest.raises(UnitMismatchError, match="entrepreneur_training_attendances are in"):
        uf.composite_index(programmes, ["entrepreneur_training_attendances"])


@pytest.mark.parametrize("kind", KINDS)
def test_every_backend_gives_the_same_index(kind: str) -> None:
    table = uf.to_frame(example_programmes(), backend="pyarrow")
    result = uf.composite_index(native(table, kind), PAIRS)
    assert (
        type(result).__module__.split(".")[0] == type(native(table, kind)).__module__.split(".")[0]
    )
    assert rows(result) == _index(table, PAIRS)


# --------------------------------------------------------------------------- sensitivity


def _sensitivity(data: Any, **options: Any) -> list[dict[str, Any]]:
    metrics = ["villages_paired", "entrepreneur_training_attendances", "enterprises_visited"]
    options.setdefault("unlike", "accept")
    return rows(uf.sensitivity(data, metrics, backend="pyarrow", **options))


@pytest.fixture(scope="module")
def four() -> pa.Table:
    values = [[3702, 1400, 1234], [668, 1804, 3300], [120, 2000, 900], [2000, 1500, 2500]]
    programmes = [
        programme_with(
            f"p{i}",
            where,
            [
                {"metric": "villages_paired", "quantity": f"{v}个"},
                {"metric": "entrepreneur_training_attendances", "quantity": f"{t}人次"},
                {"metric": "enterprises_visited", "quantity": f"{e}家"},
            ],
        )
        for i, (where, (v, t, e)) in enumerate(zip(_places(4), values, strict=True))
    ]
    return uf.to_frame(programmes, backend="pyarrow")


def test_sensitivity_is_repeatable_with_a_seed(four: pa.Table) -> None:
    first = _sensitivity(four, seed=7, scenarios=100)
    assert first == _sensitivity(four, seed=7, scenarios=100)
    for r in first:
        assert r["min_rank"] <= r["median_rank"] <= r["max_rank"]
        assert r["scenarios"] == 100


def test_the_nominal_rank_is_the_composite_index_rank(four: pa.Table) -> None:
    metrics = ["villages_paired", "entrepreneur_training_attendances", "enterprises_visited"]
    nominal = {r["jurisdiction"]: r["rank"] for r in _index(four, metrics)}
    got = {r["jurisdiction"]: r["nominal_rank"] for r in _sensitivity(four)}
    assert got == nominal


def test_without_perturbation_every_scenario_is_the_nominal_index(four: pa.Table) -> None:
    got = _sensitivity(four, normalize="minmax", spread=0, scenarios=20)
    for r in got:
        assert r["min_rank"] == r["max_rank"] == r["nominal_rank"] == r["median_rank"]


def test_perturbing_the_method_moves_ranks(four: pa.Table) -> None:
    got = _sensitivity(four, spread=0.5, scenarios=200, seed=1)
    assert any(r["min_rank"] < r["max_rank"] for r in got)


def test_sensitivity_refuses_bad_settings(four: pa.Table) -> None:
    with pytest.raises(AnalysisError, match="geometric aggregation needs positive values"):
        _sensitivity(four, aggregate=("arithmetic", "geometric"))
    with pytest.raises(AnalysisError, match=r"spread must be a number in \[0, 1\), got 1.5"):
        _sensitivity(four, spread=1.5)
    with pytest.raises(AnalysisError, match="scenarios must be a positive whole number"):
        _sensitivity(four, scenarios=0)
    with pytest.raises(AnalysisError, match="give at least one normalization"):
        _sensitivity(four, normalize=())


def test_a_place_lacking_a_metric_has_no_rank_range_and_says_why() -> None:
    programmes = [
        *example_programmes(),
        programme_with(
            "ding",
            _places(9)[8],
            [{"metric": "villages_paired", "quantity": "9个", "period": "2024"}],
        ),
    ]
    last = _sensitivity(programmes, scenarios=10)[-1]
    assert (last["jurisdiction"], last["nominal_rank"], last["min_rank"], last["scenarios"]) == (
        "990900",
        None,
        None,
        0,
    )
    assert last["missing"] == ["entrepreneur_training_attendances", "enterprises_visited"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_backend_gives_the_same_sensitivity(four: pa.Table, kind: str) -> None:
    assert _sensitivity(native(four, kind), scenarios=30) == _sensitivity(four, scenarios=30)
