"""Whether two figures are alike, and the refusals of everything that would mix unlike ones."""

from __future__ import annotations

from datetime import date
from itertools import combinations
from typing import Any

import pytest
from hypothesis import example, given, settings, strategies as st

import unitedfront as uf
from tests._examples import programme_with, rows
from unitedfront import Comparability, Temporal, UnlikeFiguresError, comparability, datasets
from unitedfront._alike import (
    DATE_TOLERANCE,
    VERDICT_NAMES,
    figure_label,
    temporal_of,
    verdicts,
)
from unitedfront._metrics import unit_kind


def _row(**fields: Any) -> dict[str, Any]:
    """A compare row of enterprises_visited, counted in 家, changed by ``fields``."""
    base: dict[str, Any] = {
        "metric": "enterprises_visited",
        "kind": "actual",
        "unit": "家",
        "temporal": "flow",
        "period_start": date(2024, 1, 1),
        "period_end": date(2024, 12, 31),
        "as_of": None,
        "span": None,
        "jurisdiction": "371000",
        "programme": "p",
        "indicator": "i",
        "text": "10家",
    }
    return {**base, **fields}


RT = {"temporal": "running_total", "cumulative": True, "period_start": None, "period_end": None}
SN = {"temporal": "snapshot", "period_start": None, "period_end": None}

# (changes to the second figure, the reasons it is not alike to _row(); none when alike)
CASES = [
    ({}, ()),  # the same figure
    ({"unit": "个"}, ()),  # measure words of counted things do not matter
    ({"metric": "chambers_visited"},
     ("different metrics (enterprises_visited and chambers_visited)",)),
    ({"kind": "target"}, ("different kinds (actual and target)",)),
    ({"unit": "人次"}, ("different kinds of unit (count and person_times)",)),
    ({"period_start": date(2023, 1, 1), "period_end": date(2023, 12, 31)},
     ("different periods (2024-01-01/2024-12-31 and 2023-01-01/2023-12-31)",)),
    ({"period_start": None, "period_end": None}, ("p/i (10家) has no period",)),
    ({**RT, "as_of": date(2024, 7, 19)}, ("different temporal natures (flow and running_total)",)),
    ({"temporal": None}, ("the temporal nature of p/i (10家) is not recorded",)),
    ({"jurisdiction": "370000"},
     ("different levels of place (prefecture 371000 and province 370000)",)),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "reasons"), CASES)
def test_two_flows_are_alike_only_with_the_same_metric_kind_unit_period_and_level(
    changes: dict[str, Any], reasons: tuple[str, ...]
) -> None:
    """Each difference gives its own reason; a difference that does not matter gives none."""
    verdict = comparability(_row(), _row(**changes))
    assert verdict == Comparability(not reasons, reasons)
    assert str(verdict) == ("alike" if not reasons else "unlike: " + "; ".join(reasons))


# (first running total, second running total, reasons)
RUNNING = [
    ({"as_of": date(2024, 6, 30)}, {"as_of": date(2024, 7, 19)}, ()),  # 19 days apart
    ({"as_of": date(2024, 6, 30)}, {"as_of": date(2024, 6, 30) + DATE_TOLERANCE}, ()),
    ({"as_of": date(2024, 6, 30)}, {"as_of": date(2024, 8, 1)},
     ("dates 2024-06-30 and 2024-08-01 are more than 31 days apart",)),
    ({"as_of": date(2024, 6, 27), "period_start": date(2024, 1, 1),
      "period_end": date(2024, 6, 27)},
     {"as_of": date(2024, 7, 19)},
     ("only p/i (10家) gives its start (2024-01-01): the other may count from any earlier date",)),
    ({"as_of": date(2024, 7, 19), "span": "P3Y"}, {"as_of": date(2024, 7, 19), "span": "P2Y"},
     ("running totals over different spans (P3Y and P2Y)",)),
    ({"as_of": date(2024, 7, 19)}, {"as_of": None}, ("p/i (10家) is not dated",)),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b", "reasons"), RUNNING)
def test_running_totals_are_alike_at_close_dates_from_the_same_start(
    a: dict[str, Any], b: dict[str, Any], reasons: tuple[str, ...]
) -> None:
    """Dates within DATE_TOLERANCE; starts and spans given by both and equal, or by neither."""
    assert comparability(_row(**{**RT, **a}), _row(**{**RT, **b})).reasons == reasons


def test_snapshots_are_alike_at_close_dates() -> None:
    """A stock of 30 June and one of 19 July are alike; one of 2023 is not."""
    june, july = _row(**SN, as_of=date(2024, 6, 30)), _row(**SN, as_of=date(2024, 7, 19))
    assert comparability(june, july).alike
    assert not comparability(june, _row(**SN, as_of=date(2023, 6, 30))).alike


def test_indicators_are_judged_as_their_frame_rows_are() -> None:
    """The function takes model objects too, with the same verdict."""
    linyi, ningbo = datasets.load("linyi-2024"), datasets.load("ningbo-acfic-2023")
    a = linyi.find("private-economy-enterprises-visited")
    b = ningbo.find("enterprises-visited")
    assert isinstance(a, uf.Indicator) and isinstance(b, uf.Indicator)
    assert comparability(a, b).reasons == ("enterprises-visited (3300家) is not dated",)
    assert comparability(a, a).alike


def test_a_frame_without_the_temporal_column_is_read_as_the_model_reads_a_file() -> None:
    """cumulative is a running total, a period alone a flow, a date alone a snapshot."""
    assert temporal_of({"cumulative": True}) is Temporal.RUNNING_TOTAL
    assert temporal_of({"period_end": date(2024, 12, 31)}) is Temporal.FLOW
    assert temporal_of({"as_of": date(2024, 12, 31)}) is Temporal.SNAPSHOT
    assert temporal_of({}) is None
    assert temporal_of({"temporal": None, "cumulative": True}) is None


def test_each_row_of_compare_says_whether_it_is_alike_to_the_others() -> None:
    """alone, alike, or unlike with each other figure and why."""
    assert verdicts([_row()]) == ["alone"]
    assert verdicts([_row(), _row(unit="个")]) == ["alike", "alike"]
    assert verdicts([_row(), _row(kind="target", indicator="t")]) == [
        "unlike p/t (10家): different kinds (actual and target)",
        "unlike p/i (10家): different kinds (target and actual)",
    ]


def test_compare_of_the_bundled_programmes_marks_no_false_equivalence() -> None:
    """Linyi's 1234 to the press conference is not set beside Ningbo's undated 3300."""
    got = rows(uf.compare(datasets.load_all(), "enterprises_visited", backend="pyarrow"))
    assert [r["comparable"].split(" ")[0] for r in got] == ["unlike", "unlike"]
    got = rows(uf.compare(datasets.load_all(), "cooperation_intentions", backend="pyarrow"))
    assert [r["comparable"] for r in got] == ["alone"]


def test_compare_numbers_the_rows_of_a_pandas_input_afresh() -> None:
    """The input's row labels are not carried into the result."""
    frame = uf.to_frame(datasets.load_all())
    frame.index = frame.index + 1000
    result = uf.compare(frame, "villages_paired")
    assert len(result) >= 2
    assert list(result.index) == list(range(len(result)))


# --------------------------------------------------------------------------- properties

PLACES = [
    {"code": f"99{i:02d}00", "name": f"市{i}", "level": "prefecture", "parent": "990000"}
    for i in range(1, 5)
]
DATES = ["2024-06-30", "2024-07-19", "2024-12-31", "2023-12-31"]
TIMES: st.SearchStrategy[dict[str, Any]] = st.one_of(
    st.sampled_from(DATES).map(lambda d: {"as_of": d}),
    st.just({}),
    st.sampled_from(["2023", "2024", "2024-01/2024-06"]).map(lambda p: {"period": p}),
    st.sampled_from(DATES).map(lambda d: {"as_of": d}),
    st.tuples(st.sampled_from(DATES), st.sampled_from([None, "P3Y"])).map(
        lambda t: {"as_of": t[0], "cumulative": True, **({"span": t[1]} if t[1] else {})}
    ),
)
FIGURES = st.lists(
    st.tuples(
        st.sampled_from(range(len(PLACES))),
        st.integers(1, 5000),
        st.sampled_from(["个", "家", "个", "人次"]),
        st.sampled_from(["actual", "actual", "actual", "target"]),
        TIMES,
    ),
    min_size=1,
    max_size=4,
)


def _programmes(figures: list[tuple[Any, ...]]) -> list[uf.Programme]:
    return [
        programme_with(
            f"p{i}",
            PLACES[place],
            [{"metric": "villages_paired", "quantity": f"{n}{unit}", "kind": kind, **time}],
        )
        for i, (place, n, unit, kind, time) in enumerate(figures)
    ]


@settings(max_examples=300, deadline=None)
@given(FIGURES)
def test_no_two_rows_compare_marks_alike_differ_in_nature_unit_or_time(
    figures: list[tuple[Any, ...]],
) -> None:
    """Rows marked alike share temporal nature, unit kind, and period or close dates."""
    got = rows(uf.compare(_programmes(figures), "villages_paired", backend="pyarrow"))
    alike = [r for r in got if r["comparable"] == "alike"]
    for a, b in combinations(alike, 2):
        assert a["temporal"] == b["temporal"] and a["temporal"] is not None
        assert unit_kind(uf.parse_quantity(a["text"])) is unit_kind(uf.parse_quantity(b["text"]))
        assert a["kind"] == b["kind"]
        if a["temporal"] == "flow":
            assert (a["period_start"], a["period_end"]) == (b["period_start"], b["period_end"])
        else:
            assert abs(a["as_of"] - b["as_of"]) <= DATE_TOLERANCE
            assert a["span"] == b["span"]


@settings(max_examples=60, deadline=None)
@given(FIGURES)
# A place with a flow and a snapshot of one value at its latest date: the index takes one.
@example(
    [
        (0, 1, "个", "actual", {"period": "2024-01/2024-06"}),
        (1, 1, "个", "actual", {"as_of": "2024-06-30"}),
        (0, 1, "个", "actual", {"as_of": "2024-06-30"}),
    ]
)
def test_the_index_never_scores_unlike_figures_without_the_recorded_choice(
    figures: list[tuple[Any, ...]],
) -> None:
    """Refused, or built from alike figures; accepted unlike figures are listed on the row."""
    programmes = _programmes(figures)
    frame = [r for r in rows(uf.to_frame(programmes, backend="pyarrow")) if r["kind"] == "actual"]
    try:
        index = rows(uf.composite_index(programmes, ["villages_paired"], backend="pyarrow"))
    except UnlikeFiguresError:
        index = rows(
            uf.composite_index(programmes, ["villages_paired"], unlike="accept", backend="pyarrow")
        )
        assert any(r["unlike"] for r in index)
        return
    except (uf.AnalysisError, uf.UnitMismatchError):
        return  # refused for another reason: two figures for one date, or two units
    assert all(not r["unlike"] for r in index)
    # Every place's figure that was scored (the one its row names) is alike to every other
    # place's; a place may have several figures at its latest date.
    by_label = {figure_label(f): f for f in frame}
    scored = [
        by_label[named.partition(" = ")[2].rsplit(": ", 1)[0]]
        for r in index
        if r["score"] is not None
        for named in r["figures"]
    ]
    for a, b in combinations(scored, 2):
        assert comparability(a, b).alike, (a, b)


def test_the_refusals_name_the_figures_and_the_reason() -> None:
    """Index, sensitivity and plot refuse; the roll-up leaves the total out and says why."""
    programmes = datasets.load_all()
    pairs = ["villages_paired", "enterprises_paired_with_villages"]
    reason = r"ningbo-acfic-2023/villages-paired \(668個\) is not dated"
    with pytest.raises(UnlikeFiguresError, match=reason):
        uf.composite_index(programmes, pairs)
    with pytest.raises(UnlikeFiguresError, match=reason):
        uf.sensitivity(programmes, pairs, scenarios=2)
    with pytest.raises(uf.AnalysisError, match="unknown choice unlike='maybe'"):
        uf.composite_index(programmes, pairs, unlike="maybe")  # type: ignore[arg-type]
    totals = rows(uf.rollup(programmes, level="province", backend="pyarrow"))
    (reports,) = [r for r in totals if r["metric"] == "reports_adopted"]
    assert reports["status"] == "not_alike"
    assert "gives its start (2024-01-01)" in reports["note"]


def test_a_malformed_row_is_refused_naming_the_figure_the_column_and_the_value() -> None:
    """Dates that are not dates, natures outside Temporal, and non-rows are AnalysisErrors."""
    with pytest.raises(uf.AnalysisError, match=r"p/i \(10家\): as_of '2024-13-45' is not a date"):
        comparability(_row(**SN, as_of="2024-13-45"), _row())
    with pytest.raises(uf.AnalysisError, match="temporal 'weekly' is none of flow"):
        comparability(_row(temporal="weekly"), _row())
    with pytest.raises(uf.AnalysisError, match="not str"):
        comparability("a row", _row())  # type: ignore[arg-type]
    assert comparability(_row(as_of="2024-07-19", **SN), _row(**SN, as_of=date(2024, 7, 19)))


def _pairwise(rows: list[dict[str, Any]]) -> list[str]:
    """The verdicts by their definition: each row against every other of its metric."""
    out = []
    for i, row in enumerate(rows):
        others = [o for j, o in enumerate(rows) if j != i and o["metric"] == row["metric"]]
        if not others:
            out.append("alone")
            continue
        unlike = [
            f"{figure_label(o)}: " + ", ".join(v.reasons)
            for o in others
            if not (v := comparability(row, o))
        ]
        if len(unlike) > VERDICT_NAMES:
            unlike = [*unlike[:VERDICT_NAMES], f"{len(unlike) - VERDICT_NAMES} more figures"]
        out.append("alike" if not unlike else "unlike " + "; unlike ".join(unlike))
    return out


ROW_CHANGES = st.fixed_dictionaries(
    {},
    optional={
        "metric": st.sampled_from(["enterprises_visited", "chambers_visited", None]),
        "kind": st.sampled_from(["actual", "target"]),
        "unit": st.sampled_from(["家", "个", "人次", "%"]),
        "temporal": st.sampled_from(["flow", "running_total", "snapshot", None]),
        "period_start": st.sampled_from([date(2024, 1, 1), date(2023, 1, 1), None]),
        "period_end": st.sampled_from([date(2024, 12, 31), date(2024, 6, 30), None]),
        "as_of": st.sampled_from([date(2024, 7, 19), date(2024, 12, 31), None]),
        "span": st.sampled_from(["P3Y", None]),
        "jurisdiction": st.sampled_from(["370000", "371000", "371002", "371300", None]),
        "programme": st.sampled_from(["p", "q", "p\x00"]),
        "indicator": st.sampled_from(["i", "j", "i\x00first\x00"]),
        "text": st.sampled_from(["10家", "20个", None]),
        "ordinal": st.booleans(),
    },
)


@settings(max_examples=200, deadline=None)
@given(st.lists(ROW_CHANGES, max_size=14))
def test_verdicts_are_each_row_checked_against_every_other_of_its_metric(
    changes: list[dict[str, Any]],
) -> None:
    """Reading each kind of figure once gives the verdicts of every pair, word for word."""
    rows_ = [_row(**c) for c in changes]
    assert verdicts(rows_) == _pairwise(rows_)


def test_a_verdict_names_ten_unlike_figures_and_counts_the_rest() -> None:
    """However many figures a row is unlike, its verdict names ten and counts the others."""
    rows_ = [_row(indicator=f"i{n}", period_start=date(2000 + n, 1, 1)) for n in range(25)]
    first = verdicts(rows_)[0]
    assert first.count("; unlike ") == VERDICT_NAMES
    assert first.startswith("unlike p/i1 (10家): different periods")
    assert first.endswith("; unlike 14 more figures")
    assert "p/i11 (10家)" not in first
