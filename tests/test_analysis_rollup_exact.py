"""``rollup``: exact sums whatever the column types, refusals, and the columns it gives.

A frame's figure columns decide how ``rollup`` adds: when no sum can exceed what the
backend's type holds, the backend adds; otherwise Python adds with ``Decimal``. Either way
the totals are exact. These tests use Arrow frames whose figure columns hold fewer digits
before the point (``decimal128(38, 30)``: 8) or are integers, so that sums near and beyond
what the type holds are reached with ordinary figures.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings, strategies as st

import unitedfront as uf
from tests._examples import quantity
from tests._rollup_helpers import (
    Figure,
    interval_of as _total,
    programme as _programme,
    rollup_rows as _rollup,
    row as _row,
)
from unitedfront import Programme
from unitedfront._analysis._rollup import rollup_columns
from unitedfront.errors import AnalysisError

_FIGURES = ("value", "low", "high")
#: Eight digits before the point: 90,000,000 fits, two of them added do not.
_NARROW = pa.decimal128(38, 30)


def _county(i: int) -> dict[str, Any]:
    """A county of Jia (``9901xx``)."""
    return {"code": f"9901{i:02d}", "name": "县", "level": "county", "parent": "990100"}


def _city(i: int) -> dict[str, Any]:
    """A prefecture of the example province (``99xx00``)."""
    return {"code": f"99{i:02d}00", "name": "市", "level": "prefecture", "parent": "990000"}


def _frame(programmes: list[Programme]) -> pa.Table:
    return uf.to_frame(programmes, backend="pyarrow")


def _cast(table: pa.Table, type: pa.DataType, names: tuple[str, ...] = _FIGURES) -> pa.Table:
    """The table with the figure columns ``names`` cast to ``type``."""
    for name in names:
        i = table.schema.get_field_index(name)
        table = table.set_column(i, pa.field(name, type), table[name].cast(type))
    return table


def _set(table: pa.Table, **columns: list[Decimal | None]) -> pa.Table:
    """The table with these figure columns replaced, as ``decimal128(38, 10)``."""
    for name, values in columns.items():
        i = table.schema.get_field_index(name)
        table = table.set_column(i, name, pa.array(values, pa.decimal128(38, 10)))
    return table


# ------------------------------------------------------------------ sums added in Python


def test_sums_that_could_overflow_the_backend_are_added_in_python() -> None:
    """20 counties of 9000万元 in a column of 8 digits before the point: 18亿, exactly."""
    programmes = [
        _programme(_county(i), id=f"p{i}", credit_granted="9000万元") for i in range(1, 21)
    ]
    row = _row(_rollup(_cast(_frame(programmes), _NARROW)), "credit_granted")
    assert _total(row) == (Decimal(1_800_000_000), Decimal(1_800_000_000), Decimal(1_800_000_000),
                           True, True)  # fmt: skip
    assert (row["status"], row["qualifier"], row["unit"]) == ("summed", "exact", "元")
    assert row["contributors"] == [f"9901{i:02d}" for i in range(1, 21)]
    assert (row["excluded"], row["note"]) == ([], None)
    assert (row["period_start"], row["period_end"]) == (date(2024, 1, 1), date(2024, 12, 31))


def test_two_figures_just_under_the_columns_limit_add_up_exactly() -> None:
    """Two figures of 9000万 already exceed 8 digits; a small third one changes nothing."""
    programmes = [
        _programme("jia", credit_granted="9000万元"),
        _programme("yi", credit_granted="9000万元"),
        _programme(_city(3), id="bing", credit_granted="1万元"),
    ]
    row = _row(_rollup(_cast(_frame(programmes), _NARROW)), "credit_granted")
    assert row["value"] == Decimal(180_010_000)
    assert row["contributors"] == ["990100", "990200", "990300"]
    two = _row(_rollup(_cast(_frame(programmes[:2]), _NARROW)), "credit_granted")
    assert _total(two) == (Decimal(180_000_000), Decimal(180_000_000), Decimal(180_000_000),
                           True, True)  # fmt: skip


def test_large_negative_figures_are_added_in_python_too() -> None:
    """What a sum can reach depends on the magnitudes: a large negative figure counts."""
    minus = quantity("-9000万元", -90_000_000, "元")
    programmes = [
        _programme("jia", credit_granted=minus),
        _programme("yi", credit_granted=minus),
        _programme(_city(3), id="bing", credit_granted="1元"),
    ]
    row = _row(_rollup(_cast(_frame(programmes), _NARROW)), "credit_granted")
    assert _total(row) == (Decimal(-179_999_999), Decimal(-179_999_999), Decimal(-179_999_999),
                           True, True)  # fmt: skip


def test_the_column_that_holds_the_fewest_digits_decides() -> None:
    """Only ``value`` is narrow: its sums, too, are added in Python."""
    programmes = [_programme(key, credit_granted="9000万元") for key in ("jia", "yi")]
    table = _cast(_frame(programmes), _NARROW, ("value",))
    row = _row(_rollup(table), "credit_granted")
    assert _total(row) == (Decimal(180_000_000), Decimal(180_000_000), Decimal(180_000_000),
                           True, True)  # fmt: skip


def test_sums_added_in_python_follow_every_rule_the_backend_follows() -> None:
    """Flows of one place add over time, own and nested figures are left out, open bounds
    stay open, snapshots are totalled by date and kinds apart: all with Python's sums."""
    programmes = [
        _programme("province", credit_granted="9000万元"),
        _programme(
            "jia",
            credit_granted=[
                {"quantity": "6000万元", "period": "2024-01/2024-06"},
                {"quantity": "7000余万元", "period": "2024-07/2024-12"},
                {"quantity": "5000万元", "scope": "jia-county"},
                {"quantity": "9000万元", "kind": "target"},
            ],
            enterprises_visited="不到100家",
        ),
        _programme(
            "yi",
            credit_granted="超8000万元",
            enterprises_visited="20家",
            direct_chambers=[
                {"quantity": "40个", "as_of": "2023-12-31"},
                {"quantity": "45个", "as_of": "2024-12-31"},
            ],
        ),
    ]
    wide = _frame(programmes)
    narrow = _cast(wide, _NARROW)
    result = _rollup(narrow)
    assert result == _rollup(wide)
    credit = _row(result, "credit_granted", kind="actual")
    assert _total(credit) == (Decimal(210_000_000), Decimal(210_000_000), None, False, False)
    assert (credit["qualifier"], credit["contributors"]) == ("sum", ["990100", "990200"])
    assert credit["excluded"] == [
        "990000: the province's own figure; its places are totalled instead",
        "990102: within 990100, whose own figure is totalled",
    ]
    assert credit["note"] == "2 place(s) left out; see excluded"
    target = _row(result, "credit_granted", kind="target")
    assert _total(target) == (Decimal(90_000_000), Decimal(90_000_000), Decimal(90_000_000),
                              True, True)  # fmt: skip
    visited = _row(result, "enterprises_visited")
    assert _total(visited) == (Decimal(120), None, Decimal(120), False, False)
    chambers = [r for r in result if r["metric"] == "direct_chambers"]
    assert [(r["as_of"], r["value"]) for r in chambers] == [
        (date(2023, 12, 31), Decimal(40)),
        (date(2024, 12, 31), Decimal(45)),
    ]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=99_999_999),
            st.sampled_from(["", "超", "不到", "近"]),
            st.booleans(),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_python_and_the_backend_give_the_same_totals(
    figures: list[tuple[int, str, bool]],
) -> None:
    """Whichever adds, the roll-up is the same; and it is ``unitedfront.total``'s."""
    texts = [f"{word}{number}元" for number, word, _ in figures]
    programmes = [
        _programme(_city(i + 1), id=f"p{i}", credit_granted=text, events_held=f"{i + 1}场")
        for i, text in enumerate(texts)
    ]
    # A figure of another province makes every sum of the narrow frame a Python sum.
    programmes.append(_programme("bing", credit_granted="99999999元"))
    wide = _frame(programmes)
    result = _rollup(_cast(wide, _NARROW))
    assert result == _rollup(wide)
    row = _row(result, "credit_granted", province="990000")
    expected = uf.total(uf.parse_quantity(t) for t in texts)
    assert _total(row) == (
        expected.value,
        expected.low,
        expected.high,
        expected.low_inclusive,
        expected.high_inclusive,
    )
    assert row["qualifier"] == expected.qualifier.value


def test_integer_columns_are_added_exactly_up_to_and_beyond_64_bits() -> None:
    """Two figures of 2**62 make 2**63, one more than an int64 holds."""
    big: list[Decimal | None] = [Decimal(2**62)] * 2  # set after the frame: too wide for it
    programmes = [_programme(key, credit_granted="1元") for key in ("jia", "yi")]
    table = _set(_frame(programmes), value=big, low=big, high=big)
    row = _row(_rollup(_cast(table, pa.int64())), "credit_granted")
    assert _total(row) == (Decimal(2**63), Decimal(2**63), Decimal(2**63), True, True)
    halves: list[Figure] = [
        {"quantity": "12场", "period": "2024-01/2024-06"},
        {"quantity": "超3场", "period": "2024-07/2024-12"},
    ]
    small = [_programme(key, events_held=halves) for key in ("jia", "yi")]
    result = _rollup(_cast(_frame(small), pa.int64()))
    assert result == _rollup(_frame(small))
    assert _total(_row(result, "events_held")) == (Decimal(30), Decimal(30), None, False, False)


def test_a_total_too_large_for_the_result_is_refused_not_rounded() -> None:
    huge = Decimal("9" + "0" * 27)  # 28 digits: the most a decimal128(38, 10) holds
    table = _set(
        _frame([_programme(key, credit_granted="1元") for key in ("jia", "yi")]),
        value=[huge, huge],
        low=[huge, huge],
        high=[huge, huge],
    )
    with pytest.raises(AnalysisError) as caught:
        uf.rollup(table)
    assert str(caught.value) == (
        "the roll-up, row 0: the value 18000000000000000000000000000.0000000000 does not fit a "
        "decimal column of 28 digits before the point and 10 after it; it is refused rather "
        "than rounded"
    )


@pytest.mark.parametrize("name", _FIGURES)
def test_float_figures_are_refused(name: str) -> None:
    table = _cast(_frame([_programme("jia", events_held="10场")]), pa.float64(), (name,))
    with pytest.raises(AnalysisError) as caught:
        uf.rollup(table)
    assert str(caught.value) == (
        f"rollup adds figures exactly, so the {name!r} column must hold decimals or integers, "
        "not Float64; make the frame with unitedfront.to_frame"
    )


# ------------------------------------------------------------------ rows and refusals


def test_a_figure_unbounded_below_leaves_the_total_unbounded_below() -> None:
    result = _rollup(
        [
            _programme("jia", enterprises_visited="不到100家"),
            _programme("yi", enterprises_visited="20家"),
        ]
    )
    row = _row(result, "enterprises_visited")
    assert _total(row) == (Decimal(120), None, Decimal(120), False, False)
    assert row["qualifier"] == "sum"


def test_figures_without_a_unit_are_totalled_with_an_empty_unit() -> None:
    result = _rollup([_programme("jia", events_held="12"), _programme("yi", events_held="3")])
    row = _row(result, "events_held")
    assert (row["unit"], row["value"], row["status"]) == (None, Decimal(15), "summed")


def test_periods_that_share_one_day_overlap_and_a_series_may_have_no_contributor() -> None:
    result = _rollup(
        [
            _programme(
                "jia",
                events_held=[
                    {"quantity": "10场", "period": "2024-06"},
                    {"quantity": "1场", "period": "2024-06-30"},
                ],
            )
        ]
    )
    assert result == [
        {
            "province": "990000",
            "metric": "events_held",
            "kind": "actual",
            "unit": "场",
            "temporal": "flow",
            "status": "no_contributor",
            "note": "every place with figures was left out; see excluded",
            "period_start": None,
            "period_end": None,
            "as_of": None,
            "value": None,
            "low": None,
            "high": None,
            "low_inclusive": None,
            "high_inclusive": None,
            "qualifier": None,
            "contributors": [],
            "excluded": ["990100: figures of overlapping periods"],
            "unlike": [],
        }
    ]


def test_a_summable_metric_in_percent_is_refused_with_its_unit() -> None:
    result = _rollup([_programme("jia", events_held="5%"), _programme("yi", events_held="7%")])
    row = _row(result, "events_held")
    assert (row["status"], row["unit"], row["value"]) == ("not_summable", "%", None)
    assert row["note"] == "figures in % are shares or their differences and are not added"
    assert row["excluded"] == ["990100: not summable", "990200: not summable"]


def test_a_refused_series_spans_the_periods_of_all_its_figures() -> None:
    """Figures outside the vocabulary are never added, and none of them is dropped either."""
    result = _rollup(
        [
            _programme("jia", id="jia-2023", period="2023", made_up_measure="3个"),
            _programme("jia", id="jia-2024", made_up_measure="5个"),
            _programme("yi", made_up_measure={"quantity": "4个", "period": "2024-03"}),
        ]
    )
    row = _row(result, "made_up_measure")
    assert (row["status"], row["temporal"], row["value"]) == ("unknown_metric", None, None)
    assert (row["period_start"], row["period_end"]) == (date(2023, 1, 1), date(2024, 12, 31))
    assert row["excluded"] == ["990100: not summable", "990200: not summable"]


@pytest.mark.parametrize("level", ["province", "jurisdiction"])
def test_a_kind_without_figures_gives_an_empty_rollup_with_every_column(level: str) -> None:
    programmes = [_programme("jia", events_held="10场"), _programme("yi", events_held="5场")]
    table = uf.rollup(programmes, level, kind="baseline", backend="pyarrow")  # type: ignore[arg-type]
    assert table.num_rows == 0
    assert table.column_names == [c.name for c in rollup_columns(level)]  # type: ignore[arg-type]


def test_bad_kinds_and_frames_are_refused_naming_what_is_wrong() -> None:
    programmes = [_programme("jia", events_held="10场")]
    with pytest.raises(AnalysisError) as caught:
        uf.rollup(programmes, kind=[5])  # type: ignore[list-item]
    assert str(caught.value) == "each kind must be a string, got int"
    with pytest.raises(AnalysisError) as caught:
        uf.rollup(programmes, kind=[])
    assert str(caught.value) == "no kind given"
    frame = _frame(programmes).drop_columns(["as_of", "ordinal"])
    with pytest.raises(AnalysisError) as caught:
        uf.rollup(frame)
    assert str(caught.value) == (
        "rollup needs the columns 'ordinal', 'as_of', which the frame lacks; "
        "make the frame with unitedfront.to_frame"
    )
    with pytest.raises(AnalysisError) as caught:
        uf.rollup(42)
    assert str(caught.value) == (
        "rollup takes programmes or a frame made by unitedfront.to_frame, not a int"
    )


# ------------------------------------------------------------------ columns


def test_the_documentation_lists_every_rollup_column_with_its_type_and_meaning() -> None:
    """The table in the documentation is the schema of the result, in order."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "analysis.md").read_text("utf-8")
    table = uf.rollup([_programme("jia", events_held="10场")], backend="pyarrow")
    documented = []
    for field in table.schema:
        arrow = str(field.type).replace("date32[day]", "date32").replace("list<item: ", "list<")
        description = field.metadata[b"description"].decode()
        documented.append(f"| `{field.name}` | `{arrow}` | {description} |")
    assert "\n".join(documented) in text
    assert [c.name for c in rollup_columns("province")] == table.column_names


def test_at_the_jurisdiction_level_the_first_column_names_the_place() -> None:
    by_place = uf.rollup([_programme("jia", events_held="10场")], "jurisdiction", backend="pyarrow")
    by_province = uf.rollup([_programme("jia", events_held="10场")], backend="pyarrow")
    first = by_place.schema.field(0)
    assert (first.name, first.type, first.metadata) == (
        "jurisdiction",
        pa.string(),
        {b"description": b"Code of the jurisdiction whose figures are totalled."},
    )
    assert by_place.schema.remove(0) == by_province.schema.remove(0)
    assert by_place.schema.remove(0).metadata == by_province.schema.remove(0).metadata
