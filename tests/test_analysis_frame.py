"""The indicator frame (``to_frame``) and the checklist: columns, types, exact figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings, strategies as st

import unitedfront as uf
from tests._examples import (
    KINDS,
    example_programme,
    example_programmes,
    native,
    programme_with,
    quantity,
    rows,
)
from unitedfront import Programme, Qualifier, Quantity
from unitedfront._analysis._columns import FRAME_COLUMNS
from unitedfront.errors import AnalysisError

NAMES = [c.name for c in FRAME_COLUMNS]
CATEGORY = pa.dictionary(pa.int32(), pa.string())
CHOICE = pa.dictionary(pa.int8(), pa.string())
DECIMAL = pa.decimal128(18, 4)


def test_the_columns_are_in_the_documented_order_with_their_types() -> None:
    """Every backend has the same columns in the same order; figures are 18,4 decimals."""
    table = uf.to_frame(example_programmes(), backend="pyarrow")
    assert table.column_names == NAMES
    types = {f.name: f.type for f in table.schema}
    assert types["value"] == types["low"] == types["high"] == DECIMAL
    assert types["period_start"] == pa.date32() and types["as_of"] == pa.date32()
    assert types["year"] == pa.int32()
    assert types["low_inclusive"] == pa.bool_() and types["cumulative"] == pa.bool_()
    # Texts that repeat over many rows are held once each; a row's own texts are plain.
    assert types["programme"] == types["metric"] == types["path"] == CATEGORY
    assert types["kind"] == types["theme"] == types["qualifier"] == CHOICE
    assert types["indicator"] == types["quote"] == pa.string()
    assert table.schema.field("quote").metadata == {
        b"description": b"The shortest phrase of the source that holds the figure."
    }


def test_pandas_gets_pyarrow_backed_dtypes() -> None:
    frame = uf.to_frame(example_programmes())
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == NAMES
    assert frame["value"].dtype == pd.ArrowDtype(DECIMAL)
    assert frame["year"].dtype == pd.ArrowDtype(pa.int32())
    assert frame["value"].iloc[0] == Decimal(4221)
    assert frame["quote"].dtype == pd.ArrowDtype(pa.string())


def test_pandas_gets_categoricals_sorted_by_their_text() -> None:
    """A dictionary-encoded column is a Categorical whose categories sort as texts, so that
    sorting and grouping by it go by text as for a plain one."""
    frame = uf.to_frame(example_programmes())
    programme = frame["programme"]
    assert isinstance(programme.dtype, pd.CategoricalDtype)
    assert list(programme.cat.categories) == sorted(set(programme))
    ordered = frame.sort_values("jurisdiction_en", kind="stable")["jurisdiction_en"]
    assert list(ordered.dropna()) == sorted(frame["jurisdiction_en"].dropna())


def test_polars_gets_decimal_columns() -> None:
    frame = uf.to_frame(example_programmes(), backend="polars")
    assert isinstance(frame, pl.DataFrame)
    assert frame.schema["value"] == pl.Decimal(18, 4)
    assert frame.schema["period_end"] == pl.Date
    assert frame.schema["programme"] == pl.Categorical and frame.schema["quote"] == pl.String
    assert frame["value"].to_list()[:2] == [Decimal(4221), Decimal(3702)]


def test_one_row_per_indicator_in_the_order_and_paths_of_iter_indicators() -> None:
    programmes = example_programmes()
    table = uf.to_frame(programmes, backend="pyarrow")
    expected = [(p.id, ref.path) for p in programmes for ref in p.iter_indicators()]
    assert list(zip(table["programme"].to_pylist(), table["path"].to_pylist(), strict=True)) == (
        expected
    )


def test_a_row_holds_the_place_period_action_and_figure() -> None:
    row = uf.to_frame(example_programme("jia"), backend="pyarrow").to_pylist()[2]
    assert row == {
        "programme": "jia-2024",
        "jurisdiction": "990100",
        "jurisdiction_zh": "甲市",
        "jurisdiction_en": "Jia",
        "province": "990000",
        "period_start": None,
        "period_end": None,
        "period": None,
        "as_of": None,
        "temporal": None,
        "year": None,
        "action": "private-economy",
        "action_zh": "壮大民企行动",
        "action_en": "Growing private firms",
        "theme": "private_economy",
        "measure": None,
        "measure_zh": None,
        "measure_en": None,
        "indicator": "training",
        "indicator_zh": "1400余人次",
        "indicator_en": "training",
        "metric": "entrepreneur_training_attendances",
        "kind": "actual",
        "text": "1400余人次",
        "qualifier": "more_than",
        "value": Decimal("1400.0000"),
        "low": Decimal("1400.0000"),
        "high": Decimal("1500.0000"),
        "low_inclusive": False,
        "high_inclusive": False,
        "unit": "人次",
        "ordinal": False,
        "cumulative": False,
        "span": None,
        "scope": None,
        "scope_zh": None,
        "scope_en": None,
        "source": "report",
        "quote": "1400余人次",
        "path": "actions[1].indicators[0]",
    }


def test_a_figure_keeps_its_own_time_and_is_never_given_the_programme_s() -> None:
    """A figure without a period has none in the frame, whatever the programme's period."""
    programme = programme_with(
        "p",
        "jia",
        [
            {"metric": "events_held", "quantity": "12场", "period": "2023-01/2023-06"},
            {"metric": "events_held", "quantity": "3场", "scope": "jia-county"},
            {"metric": "direct_chambers", "quantity": "40个", "as_of": "2023-09-30"},
        ],
        period="2023",
    )
    rows = uf.to_frame(programme, backend="pyarrow").to_pylist()
    assert [(r["period"], r["period_start"], r["period_end"]) for r in rows] == [
        ("2023-01/2023-06", date(2023, 1, 1), date(2023, 6, 30)),
        (None, None, None),
        (None, None, None),
    ]
    assert [r["year"] for r in rows] == [2023, None, 2023]
    assert [r["temporal"] for r in rows] == ["flow", None, "snapshot"]
    assert rows[2]["as_of"] == date(2023, 9, 30)
    assert (rows[1]["scope"], rows[1]["scope_zh"], rows[1]["scope_en"]) == (
        "990102",
        "甲县",
        "Jia County",
    )
    assert rows[1]["jurisdiction"] == "990100"


def test_an_unbounded_side_is_a_null_bound() -> None:
    rows = uf.to_frame(example_programme("bing"), backend="pyarrow").to_pylist()
    over = rows[2]
    assert (over["text"], over["low"], over["high"]) == ("超2000人次", Decimal(2000), None)
    assert (over["low_inclusive"], over["high_inclusive"]) == (False, False)


def test_figures_with_four_decimal_places_are_kept_exactly() -> None:
    q = quantity("0.0001%", "0.0001", "%")
    programme = programme_with("p", "jia", [{"metric": "rd_intensity", "quantity": q}])
    value = uf.to_frame(programme, backend="pyarrow")["value"][0].as_py()
    assert value == Decimal("1E-4")


def test_a_figure_with_more_decimal_places_is_refused_not_rounded() -> None:
    q = quantity("0.00001%", "0.00001", "%")
    programme = programme_with("tiny", "jia", [{"metric": "rd_intensity", "quantity": q}])
    with pytest.raises(AnalysisError) as caught:
        uf.to_frame(programme, backend="pyarrow")
    assert str(caught.value) == (
        "programme 'tiny', actions[0].indicators[0]: the value 0.00001 does not fit a decimal "
        "column of 14 digits before the point and 4 after it; it is refused rather than "
        "rounded"
    )


def test_a_figure_of_fifteen_digits_is_refused_not_rounded() -> None:
    """100万亿 (10^14) is one digit more than the figure columns hold."""
    q = quantity("100万亿元", "100000000000000", "元")
    programme = programme_with("huge", "jia", [{"metric": "rd_intensity", "quantity": q}])
    with pytest.raises(AnalysisError, match=r"the value 100000000000000 does not fit"):
        uf.to_frame(programme, backend="pandas")


def test_trailing_zeros_beyond_the_scale_are_not_a_loss() -> None:
    q = quantity("1.000000000000%", "1.000000000000", "%")
    programme = programme_with("p", "jia", [{"metric": "rd_intensity", "quantity": q}])
    assert uf.to_frame(programme, backend="pyarrow")["value"][0].as_py() == Decimal(1)


@settings(max_examples=60, deadline=None)
@given(
    st.decimals(
        min_value=Decimal("-99999999999999.9999"),
        max_value=Decimal("99999999999999.9999"),
        places=4,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_every_figure_with_up_to_four_decimal_places_survives_exactly(number: Decimal) -> None:
    """Whatever the figure, the frame holds exactly the number the model holds."""
    q = Quantity(
        text=str(number),
        value=number,
        qualifier=Qualifier.EXACT,
        low=number,
        high=number,
        low_inclusive=True,
        high_inclusive=True,
    )
    programme = programme_with("p", "jia", [{"metric": "events_held", "quantity": q}])
    for backend in ("pyarrow", "polars", "pandas"):
        frame: Any = uf.to_frame(programme, backend=backend)
        held = frame["value"][0] if backend != "pyarrow" else frame["value"][0].as_py()
        assert held == number


def test_a_single_programme_and_a_list_give_the_same_frame() -> None:
    one = example_programme("yi")
    assert uf.to_frame(one, backend="pyarrow").equals(uf.to_frame([one], backend="pyarrow"))
    assert uf.to_frame(iter([one]), backend="pyarrow").num_rows == 3


def test_no_programmes_give_an_empty_frame_with_the_columns() -> None:
    table = uf.to_frame([], backend="pyarrow")
    assert table.num_rows == 0 and table.column_names == NAMES


def test_an_unknown_backend_is_refused() -> None:
    with pytest.raises(AnalysisError, match="unknown backend 'spark'; choose one of 'pandas'"):
        uf.to_frame(example_programmes(), backend="spark")  # type: ignore[arg-type]


def test_something_that_is_not_a_programme_is_refused() -> None:
    with pytest.raises(AnalysisError, match=r"item 1 is a str, not a Programme"):
        uf.to_frame([example_programme("jia"), "yi"])  # type: ignore[list-item]
    with pytest.raises(AnalysisError, match="expected a Programme or an iterable"):
        uf.to_frame(42)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- checklist


def _checklist_programme() -> Programme:
    return Programme.model_validate(
        {
            "id": "list",
            "title": "清单",
            "kind": "plan",
            "framework": "two_healthy",
            "jurisdiction": {
                "code": "990100",
                "name": {"zh": "甲市", "en": "Jia"},
                "level": "prefecture",
            },
            "issuer": "工商联",
            "period": "2021/2022",
            "actions": [
                {
                    "id": "brands",
                    "name": {"zh": "品牌", "en": "Brands"},
                    "theme": "private_economy",
                    "lead": [{"zh": "工商联", "en": "Federation"}],
                    "measures": [
                        {
                            "id": "forum",
                            "name": {"zh": "论坛", "en": "Forum"},
                            "category": "activity",
                            "partners": [{"zh": "科技局"}],
                            "initiatives": [{"zh": "企业家日"}],
                            "due": "2021-12-31",
                            "status": "done",
                        },
                        {
                            "id": "station",
                            "name": {"zh": "服务站", "en": "Service station"},
                            "category": "platform",
                            "lead": [{"zh": "统战部", "en": "United Front Work Department"}],
                            "status": "in_progress",
                        },
                    ],
                }
            ],
            "sources": [{"id": "s", "title": "来源"}],
        }
    )


def test_the_checklist_lists_each_measure_with_its_lead_due_date_and_status() -> None:
    rows = uf.checklist(_checklist_programme(), backend="pyarrow").to_pylist()
    assert [(r["measure"], r["lead"], r["lead_en"], r["due"], r["status"]) for r in rows] == [
        ("forum", ["工商联"], ["Federation"], date(2021, 12, 31), "done"),
        ("station", ["统战部"], ["United Front Work Department"], None, "in_progress"),
    ]
    assert rows[0]["partners"] == ["科技局"] and rows[0]["initiatives"] == ["企业家日"]
    assert (rows[0]["category"], rows[0]["indicators"], rows[0]["theme"]) == (
        "activity",
        0,
        "private_economy",
    )


@pytest.mark.parametrize("backend", ["pandas", "polars", "pyarrow"])
def test_the_checklist_comes_in_each_backend(backend: str) -> None:
    frame: Any = uf.checklist(_checklist_programme(), backend=backend)  # type: ignore[arg-type]
    assert list(frame.columns if backend != "pyarrow" else frame.column_names)[:3] == [
        "programme",
        "jurisdiction",
        "action",
    ]
    assert len(frame) == 2


def test_the_documentation_lists_every_column_with_its_type() -> None:
    from pathlib import Path

    from unitedfront._analysis._columns import arrow_type

    text = (Path(__file__).resolve().parents[1] / "docs" / "analysis.md").read_text("utf-8")
    for column in FRAME_COLUMNS:
        arrow = str(arrow_type(column.type)).replace("date32[day]", "date32")
        arrow = arrow.replace(", ordered=0", "")
        assert f"| `{column.name}` | `{arrow}` |" in text, column.name


def _as_plain_text(table: pa.Table) -> pa.Table:
    """The frame with its dictionary-encoded columns as plain texts, as a frame of one's
    own (or one made before the columns were encoded) holds them."""
    fields = [
        f.with_type(f.type.value_type) if pa.types.is_dictionary(f.type) else f
        for f in table.schema
    ]
    return table.cast(pa.schema(fields))


@pytest.mark.parametrize(
    # Dask computes each step apart: a dozen seconds.
    "kind",
    [pytest.param(k, marks=pytest.mark.slow) if k == "dask" else k for k in KINDS],
)
def test_the_analysis_is_the_same_on_categorical_and_plain_text_columns(kind: str) -> None:
    """Grouping, joining, filtering and sorting go by text whether the frame's texts are
    categorical (pandas, polars, Arrow dictionaries) or plain, in every backend."""
    table = uf.to_frame(example_programmes(), backend="pyarrow")
    plain = _as_plain_text(table)
    assert any(pa.types.is_dictionary(f.type) for f in table.schema)
    metric = "villages_paired"
    runs: list[Callable[[Any], Any]] = [
        lambda data: uf.compare(data, metric),
        lambda data: uf.compare(data, [metric, "entrepreneur_training_attendances"]),
        lambda data: uf.rollup(data),
        lambda data: uf.rollup(data, "jurisdiction"),
        lambda data: uf.coverage(data),
        lambda data: uf.composite_index(data, [metric]),
    ]
    for run in runs:
        assert rows(run(native(table, kind))) == rows(run(native(plain, kind)))


@pytest.mark.parametrize("backend", ["pandas", "polars", "pyarrow"])
def test_a_frame_concatenates_with_another_of_other_programmes(backend: str) -> None:
    """Two frames of different programmes (their own dictionaries) make one frame of the
    same columns and types, holding the rows of both."""
    programmes = example_programmes()
    first = uf.to_frame(programmes[:1], backend=backend)  # type: ignore[arg-type]
    second = uf.to_frame(programmes[1:], backend=backend)  # type: ignore[arg-type]
    whole = uf.to_frame(programmes, backend="pyarrow")
    if backend == "pyarrow":
        joined = pa.concat_tables([first, second])
        assert joined.schema == whole.schema
    elif backend == "polars":
        joined = pl.concat([first, second]).to_arrow()
        assert pl.concat([first, second]).schema == uf.to_frame(programmes, backend="polars").schema
    else:
        joined = pa.Table.from_pandas(pd.concat([first, second]), preserve_index=False)
    assert _as_plain_text(joined).to_pylist() == _as_plain_text(whole).to_pylist()
