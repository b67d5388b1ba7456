"""The composite index and its sensitivity analysis: exact messages, labels, schemas and options."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

import unitedfront as uf
from tests._examples import example_programmes, programme_with, rows
from unitedfront import UnitMismatchError
from unitedfront.errors import AnalysisError

PAIRS = ["villages_paired", "enterprises_paired_with_villages"]
THREE = ["villages_paired", "entrepreneur_training_attendances", "enterprises_visited"]


# These tests are about the index's arithmetic and its choice of figures, not about
# whether figures are alike: they accept unlike figures (whose refusal
# tests/test_alike.py pins) unless a test says otherwise.
def _index(data: Any, metrics: list[str], **options: Any) -> list[dict[str, Any]]:
    options.setdefault("unlike", "accept")
    return rows(uf.composite_index(data, metrics, backend="pyarrow", **options))


def _sensitivity(data: Any, metrics: list[str], **options: Any) -> list[dict[str, Any]]:
    options.setdefault("unlike", "accept")
    return rows(uf.sensitivity(data, metrics, backend="pyarrow", **options))


def _place(code: str, zh: str, en: str | None = None) -> dict[str, Any]:
    name: dict[str, Any] = {"zh": zh} if en is None else {"zh": zh, "en": en}
    return {"code": code, "name": name, "level": "prefecture", "parent": "990000"}


def _city(i: int) -> dict[str, Any]:
    return _place(f"99{i:02d}00", f"市{i}", f"City {i}")


def _grid(values: list[list[int]], metrics: list[str]) -> pa.Table:
    """One programme per row, in the cities 990100, 990200, ..., one figure per metric."""
    programmes = [
        programme_with(
            f"p{i}",
            _city(i + 1),
            [{"metric": m, "quantity": f"{v}个"} for m, v in zip(metrics, row, strict=True)],
        )
        for i, row in enumerate(values)
    ]
    return uf.to_frame(programmes, backend="pyarrow")


def _message(call: Any, *args: Any, **options: Any) -> str:
    with pytest.raises(AnalysisError) as caught:
        call(*args, **options)
    return str(caught.value)


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"normalize": "log"},
            "unknown normalization 'log'; choose from minmax, zscore, rank",
        ),
        (
            {"aggregate": "median"},
            "unknown aggregation 'median'; choose from arithmetic, geometric",
        ),
        (
            {"bounds": (5, 5)},
            "bounds must be (low, high) with low < high, got (5, 5)",
        ),
        (
            {"aggregate": "geometric", "normalize": "zscore"},
            "geometric aggregation needs positive values, and z-scores are negative for "
            "every place below the mean; use normalize='minmax' or 'rank'",
        ),
        (
            {"aggregate": "geometric"},
            "geometric aggregation needs positive values, and min-max onto (0, 100) gives "
            "the lowest place 0 or less; use bounds=(1, 100)",
        ),
        (
            {"weights": {"villages_paired": 0, "enterprises_paired_with_villages": 0}},
            "the weights are all zero",
        ),
        (
            {"weights": {"villages_paired": "1", "enterprises_paired_with_villages": 1}},
            "the weight of villages_paired must be a number, got '1'",
        ),
        (
            {"weights": {"villages_paired": True, "enterprises_paired_with_villages": 1}},
            "the weight of villages_paired must be a number, got True",
        ),
        (
            {"weights": {"events_held": 1, "problems_resolved": 1}},
            "no weight for villages_paired, enterprises_paired_with_villages; "
            "weights for metrics not in the index: events_held, problems_resolved",
        ),
        (
            {"directions": {"villages_paired": 2}},
            "the direction of villages_paired must be 1 (more is better) or -1, not 2",
        ),
        (
            {"directions": {"villages_paired": -1, "events_held": 1, "areas": -1}},
            "directions given for metrics not in the index: areas, events_held",
        ),
        (
            {"kind": "planned"},
            "unknown indicator kind 'planned'; choose from "
            "actual, baseline, rank, statistic, structure, target",
        ),
        ({"kind": ["actual", 1]}, "each kind must be a string, got int"),
        ({"kind": []}, "no kind given"),
    ],
)
def test_bad_options_are_refused_with_a_message_naming_them(
    options: dict[str, Any], message: str
) -> None:
    assert _message(uf.composite_index, example_programmes(), PAIRS, **options) == message


def test_bad_metric_lists_are_refused_with_a_message_naming_them() -> None:
    twice = [PAIRS[0], PAIRS[1], PAIRS[0]]
    assert _message(uf.composite_index, example_programmes(), twice) == (
        "a metric is named twice: villages_paired, enterprises_paired_with_villages, "
        "villages_paired"
    )
    assert _message(uf.composite_index, example_programmes(), [PAIRS[0], 3]) == (
        "each metric must be a string, got int"
    )
    assert _message(uf.composite_index, example_programmes(), []) == "no metric given"


@pytest.mark.parametrize(
    ("call", "name"), [(uf.composite_index, "composite_index"), (uf.sensitivity, "sensitivity")]
)
def test_a_frame_lacking_columns_is_refused_naming_the_function(call: Any, name: str) -> None:
    table = uf.to_frame(example_programmes(), backend="pyarrow").drop_columns(["as_of", "unit"])
    assert _message(call, table, PAIRS) == (
        f"{name} needs the columns 'unit', 'as_of', which the frame lacks; "
        "make the frame with unitedfront.to_frame"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"normalize": ()}, "give at least one normalization and one aggregation"),
        ({"aggregate": []}, "give at least one normalization and one aggregation"),
        ({"spread": 1}, "spread must be a number in [0, 1), got 1"),
        ({"spread": "0.1"}, "spread must be a number in [0, 1), got '0.1'"),
        ({"spread": True}, "spread must be a number in [0, 1), got True"),
        ({"scenarios": 2.5}, "scenarios must be a positive whole number, got 2.5"),
        ({"scenarios": True}, "scenarios must be a positive whole number, got True"),
        ({"scenarios": 0}, "scenarios must be a positive whole number, got 0"),
    ],
)
def test_bad_sensitivity_settings_are_refused_with_a_message_naming_them(
    options: dict[str, Any], message: str
) -> None:
    assert _message(uf.sensitivity, example_programmes(), PAIRS, **options) == message


def test_a_metric_with_and_without_a_measuring_unit_is_refused_naming_the_places() -> None:
    metric = "entrepreneur_training_attendances"
    programmes = [
        programme_with("a", _city(1), [{"metric": metric, "quantity": "5人次", "period": "2024"}]),
        programme_with("b", _city(2), [{"metric": metric, "quantity": "7", "period": "2024"}]),
        programme_with("c", _city(3), [{"metric": metric, "quantity": "9人次", "period": "2024"}]),
    ]
    with pytest.raises(UnitMismatchError) as caught:
        uf.composite_index(programmes, [metric])
    assert str(caught.value) == (
        "the figures of entrepreneur_training_attendances are in different units: "
        "no unit (990200), 人次 (990100); an index needs one unit per metric"
    )


# --------------------------------------------------------------------------- the figures used


def test_the_latest_figure_is_chosen_by_its_as_of_date_within_one_period() -> None:
    figures = [
        {"metric": "villages_paired", "quantity": "30个", "as_of": "2024-06-30"},
        {"metric": "villages_paired", "quantity": "50个", "as_of": "2024-12-31"},
    ]
    programmes = [
        programme_with("a", _city(1), figures),
        programme_with(
            "b", _city(2), [{"metric": "villages_paired", "quantity": "40个", "period": "2024"}]
        ),
    ]
    got = _index(programmes, ["villages_paired"])
    assert [(r["jurisdiction"], r["score"]) for r in got] == [("990100", 100.0), ("990200", 0.0)]


def test_the_latest_date_is_taken_per_metric_not_per_place() -> None:
    programmes = [
        programme_with(
            "a",
            _city(1),
            [
                {"metric": "villages_paired", "quantity": "30个", "period": "2023"},
                {"metric": "events_held", "quantity": "5场", "period": "2024"},
            ],
        ),
        programme_with(
            "b",
            _city(2),
            [
                {"metric": "villages_paired", "quantity": "10个", "period": "2024"},
                {"metric": "events_held", "quantity": "9场", "period": "2024"},
            ],
        ),
    ]
    got = _index(programmes, ["villages_paired", "events_held"])
    assert [(r["jurisdiction"], r["metrics"], r["score"]) for r in got] == [
        ("990100", 2, 50.0),
        ("990200", 2, 50.0),
    ]
    assert got[0]["score_villages_paired"] == 100.0


def test_only_places_with_figures_of_the_kinds_asked_for_are_listed() -> None:
    programmes = [
        programme_with(
            "a", _city(1), [{"metric": "villages_paired", "quantity": "30个", "period": "2024"}]
        ),
        programme_with(
            "b",
            _city(2),
            [{"metric": "villages_paired", "quantity": "90个", "kind": "target", "period": "2024"}],
        ),
    ]
    actual = _index(programmes, ["villages_paired"])
    assert [(r["jurisdiction"], r["score"]) for r in actual] == [("990100", 50.0)]
    every = _index(programmes, ["villages_paired"], kind=None)
    assert [(r["jurisdiction"], r["score"], r["rank"]) for r in every] == [
        ("990200", 100.0, 1),
        ("990100", 0.0, 2),
    ]


# --------------------------------------------------------------------------- place names


def test_a_scoped_figure_is_listed_under_the_scope_with_its_names() -> None:
    programmes = [
        programme_with(
            "a",
            "jia",
            [
                {"metric": "villages_paired", "quantity": "30个", "period": "2024"},
                {
                    "metric": "villages_paired",
                    "quantity": "60个",
                    "scope": "bing",
                    "period": "2024",
                },
            ],
        )
    ]
    got = _index(programmes, ["villages_paired"])
    assert [(r["jurisdiction"], r["jurisdiction_zh"], r["jurisdiction_en"]) for r in got] == [
        ("980100", "丙市", "Bing"),
        ("990100", "甲市", "Jia"),
    ]


def test_a_place_without_the_metrics_keeps_its_names() -> None:
    programmes = [
        *example_programmes(),
        programme_with("ding", _place("990900", "丁市", "Ding"), [
            {"metric": "events_held", "quantity": "5场", "period": "2024"}
        ]),
    ]  # fmt: skip
    last = _index(programmes, PAIRS)[-1]
    assert last == {
        "jurisdiction": "990900",
        "jurisdiction_zh": "丁市",
        "jurisdiction_en": "Ding",
        "score": None,
        "rank": None,
        "metrics": 0,
        "missing": PAIRS,
        "figures": [],
        "unlike": [],
        "score_villages_paired": None,
        "score_enterprises_paired_with_villages": None,
    }


@pytest.mark.parametrize("reverse", [False, True])
def test_a_place_named_two_ways_takes_the_first_names_whatever_the_order(reverse: bool) -> None:
    # 乙 (U+4E59) sorts before 甲 (U+7532): the Chinese name decides before the English one.
    named = [("乙城", "Zed"), ("甲城", "Alpha"), ("乙城", "Beta")]
    programmes = [
        programme_with(
            f"p{i}",
            _place("990100", zh, en),
            [{"metric": "villages_paired", "quantity": "3个", "period": "2024"}],
        )
        for i, (zh, en) in enumerate(named)
    ]
    programmes.append(
        programme_with(
            "q", _city(2), [{"metric": "villages_paired", "quantity": "1个", "period": "2024"}]
        )
    )
    if reverse:
        programmes.reverse()
    got = _index(programmes, ["villages_paired"])
    assert [(r["jurisdiction"], r["jurisdiction_zh"], r["jurisdiction_en"]) for r in got] == [
        ("990100", "乙城", "Beta"),
        ("990200", "市2", "City 2"),
    ]


@pytest.mark.parametrize("reverse", [False, True])
def test_a_place_named_with_and_without_an_english_name_keeps_the_english_name(
    reverse: bool,
) -> None:
    named = [_place("990100", "甲市", "Alpha"), _place("990100", "甲市")]
    programmes = [
        programme_with(
            f"p{i}", place, [{"metric": "villages_paired", "quantity": "3个", "period": "2024"}]
        )
        for i, place in enumerate(named)
    ]
    programmes.append(
        programme_with(
            "q", _city(2), [{"metric": "villages_paired", "quantity": "1个", "period": "2024"}]
        )
    )
    if reverse:
        programmes.reverse()
    got = _index(programmes, ["villages_paired"])
    assert [(r["jurisdiction"], r["jurisdiction_zh"], r["jurisdiction_en"]) for r in got] == [
        ("990100", "甲市", "Alpha"),
        ("990200", "市2", "City 2"),
    ]


# --------------------------------------------------------------------------- the method


def test_a_metric_no_place_has_leaves_the_others_scored() -> None:
    table = _grid([[10], [30]], ["villages_paired"])
    got = _index(table, ["events_held", "villages_paired"], missing="reweight")
    assert [(r["jurisdiction"], r["score"], r["rank"], r["missing"]) for r in got] == [
        ("990200", 100.0, 1, ["events_held"]),
        ("990100", 0.0, 2, ["events_held"]),
    ]


def test_z_scores_of_equal_figures_are_zero_and_of_a_unit_spread_are_plus_minus_one() -> None:
    table = _grid([[7, 1], [7, 3]], ["villages_paired", "events_held"])
    got = _index(table, ["villages_paired", "events_held"], normalize="zscore")
    assert [
        (r["jurisdiction"], r["score_villages_paired"], r["score_events_held"]) for r in got
    ] == [
        ("990200", 0.0, 1.0),
        ("990100", 0.0, -1.0),
    ]


def test_a_place_whose_metrics_all_weigh_zero_has_no_score() -> None:
    programmes = [
        programme_with(
            "a", _city(1), [{"metric": "events_held", "quantity": "5场", "period": "2024"}]
        ),
        programme_with(
            "b",
            _city(2),
            [
                {"metric": "events_held", "quantity": "9场", "period": "2024"},
                {"metric": "villages_paired", "quantity": "4个", "period": "2024"},
            ],
        ),
        programme_with(
            "c", _city(3), [{"metric": "villages_paired", "quantity": "8个", "period": "2024"}]
        ),
    ]
    weights = {"events_held": 0, "villages_paired": 1}
    got = _index(
        programmes, ["events_held", "villages_paired"], weights=weights, missing="reweight"
    )
    assert [(r["jurisdiction"], r["score"], r["rank"]) for r in got] == [
        ("990300", 100.0, 1),
        ("990200", 0.0, 2),
        ("990100", None, None),
    ]


def test_the_columns_carry_their_descriptions() -> None:
    index = uf.composite_index(example_programmes(), PAIRS, backend="pyarrow")
    described = {f.name: f.metadata[b"description"].decode() for f in index.schema}
    assert described == {
        "jurisdiction": "GB/T 2260 code of the place.",
        "jurisdiction_zh": "Its Chinese name.",
        "jurisdiction_en": "Its English name, if given.",
        "score": "The composite score.",
        "rank": "1 for the highest score; empty without a score.",
        "metrics": "How many of the index's metrics the place has.",
        "missing": "The metrics the place lacks.",
        "figures": "The figure taken for each metric, with its time.",
        "unlike": "Figures not alike to another place's, accepted by the caller.",
        "score_villages_paired": "The normalized value of villages_paired.",
        "score_enterprises_paired_with_villages": (
            "The normalized value of enterprises_paired_with_villages."
        ),
    }
    ranges = uf.sensitivity(example_programmes(), PAIRS, scenarios=2, backend="pyarrow")
    described = {f.name: f.metadata[b"description"].decode() for f in ranges.schema}
    assert described == {
        "jurisdiction": "GB/T 2260 code of the place.",
        "jurisdiction_zh": "Its Chinese name.",
        "jurisdiction_en": "Its English name, if given.",
        "nominal_rank": "Rank in the nominal index.",
        "median_rank": "Median rank over the scenarios.",
        "min_rank": "Best rank over the scenarios.",
        "max_rank": "Worst rank over the scenarios.",
        "scenarios": "How many scenarios ranked the place.",
        "missing": "The metrics the place lacks.",
        "unlike": "Figures not alike to another place's, accepted by the caller.",
    }


# --------------------------------------------------------------------------- sensitivity


def test_sensitivity_defaults_to_200_scenarios_seed_0_and_a_pandas_frame() -> None:
    metrics = ["villages_paired", "entrepreneur_training_attendances"]
    result = uf.sensitivity(example_programmes(), metrics, unlike="accept")
    assert isinstance(result, pd.DataFrame)
    assert result["scenarios"].tolist() == [200, 200, 200]
    once = _sensitivity(example_programmes(), metrics, scenarios=1)
    assert once == _sensitivity(example_programmes(), metrics, scenarios=1, seed=0)
    assert [(r["jurisdiction_en"], r["min_rank"]) for r in once] == [
        ("Bing", 1),
        ("Jia", 3),
        ("Yi", 2),
    ]


def test_one_scenario_is_allowed() -> None:
    got = _sensitivity(example_programmes(), PAIRS, scenarios=1, normalize="minmax")
    assert [(r["jurisdiction_en"], r["min_rank"], r["max_rank"], r["scenarios"]) for r in got] == [
        ("Jia", 1, 1, 1),
        ("Yi", 2, 2, 1),
        ("Bing", 3, 3, 1),
    ]


def test_a_single_aggregation_may_be_named_by_itself() -> None:
    got = _sensitivity(
        example_programmes(), PAIRS, normalize="rank", aggregate="geometric", scenarios=5
    )
    assert [(r["jurisdiction_en"], r["nominal_rank"], r["min_rank"]) for r in got] == [
        ("Jia", 1, 1),
        ("Yi", 2, 2),
        ("Bing", 3, 3),
    ]


def test_the_rows_follow_the_nominal_rank_not_the_code() -> None:
    # Min-max ranks 990300 first and 990100 last; ranking the figures would tie 990200 and
    # 990300 first.
    table = _grid([[0, 0], [2, 100], [100, 99]], ["villages_paired", "events_held"])
    metrics = ["villages_paired", "events_held"]
    got = _sensitivity(table, metrics, normalize="minmax", spread=0, scenarios=5)
    assert [
        (r["jurisdiction"], r["nominal_rank"], r["median_rank"], r["min_rank"], r["max_rank"])
        for r in got
    ] == [
        ("990300", 1, 1.0, 1, 1),
        ("990200", 2, 2.0, 2, 2),
        ("990100", 3, 3.0, 3, 3),
    ]


def test_the_nominal_index_uses_the_weights_directions_and_kinds_given() -> None:
    programmes = [
        programme_with(
            f"p{i}",
            _city(i + 1),
            [
                {"metric": "villages_paired", "quantity": f"{v}个"},
                {"metric": "events_held", "quantity": f"{e}场"},
                {"metric": "events_held", "quantity": f"{e + 100}场", "kind": "target"},
            ],
        )
        for i, (v, e) in enumerate([(10, 1), (20, 4), (30, 2)])
    ]
    metrics = ["villages_paired", "events_held"]
    backwards = {"villages_paired": -1}
    weighted: dict[str, Any] = {"weights": {"villages_paired": 1, "events_held": 4}}
    # Fewer villages is better; events weighed four times put 990300 before 990100.
    for options, expected in [
        ({"directions": backwards}, ["990200", "990100", "990300"]),
        ({"directions": backwards, **weighted}, ["990200", "990300", "990100"]),
    ]:
        index = _index(programmes, metrics, normalize="minmax", **options)
        assert [(r["jurisdiction"], r["rank"]) for r in index] == [
            (code, rank) for rank, code in enumerate(expected, start=1)
        ]
        got = _sensitivity(
            programmes, metrics, normalize="minmax", spread=0, scenarios=3, **options
        )
        assert [(r["jurisdiction"], r["nominal_rank"], r["max_rank"]) for r in got] == [
            (code, rank, rank) for rank, code in enumerate(expected, start=1)
        ]


def test_a_seeded_run_gives_the_same_ranges_from_one_release_to_the_next() -> None:
    # A published analysis names its seed; the same seed must give the same ranges later.
    table = _grid(
        [[3702, 1400, 1234], [668, 1804, 3300], [120, 2000, 900], [2000, 1500, 2500]], THREE
    )
    got = _sensitivity(table, THREE, normalize="minmax", spread=0.6, scenarios=40, seed=11)
    assert [
        (r["jurisdiction"], r["nominal_rank"], r["median_rank"], r["min_rank"], r["max_rank"])
        for r in got
    ] == [
        ("990200", 1, 1.0, 1, 3),
        ("990400", 2, 2.0, 2, 4),
        ("990100", 3, 3.0, 1, 4),
        ("990300", 4, 4.0, 2, 4),
    ]
