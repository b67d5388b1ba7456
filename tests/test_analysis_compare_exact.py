"""Exact behaviour of ``compare``, ``coverage``, ``checklist`` and the decimal columns.

The edges the other analysis tests leave open: every refusal's exact message, the place a
scoped figure is listed under, frames that hold only the columns a function needs, the
names a place is labelled with, themes outside the vocabulary, and figures that do or do
not fit the decimal column. Only pandas and pyarrow frames are used here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

import unitedfront as uf
from tests._examples import (
    example_programme,
    example_programmes,
    place,
    programme_with,
    quantity,
    rows,
)
from unitedfront import Programme
from unitedfront._analysis._columns import Column, build_table
from unitedfront._analysis._common import COUNTED, unit_key
from unitedfront.errors import AnalysisError

THEMES = (
    "advice",
    "innovation",
    "private_economy",
    "investment_talent",
    "common_prosperity",
    "organisation",
    "general",
)
COVERAGE_NAMES = [
    "jurisdiction",
    "jurisdiction_zh",
    "jurisdiction_en",
    "theme",
    "actions",
    "measures",
    "indicators",
]


@pytest.fixture(scope="module")
def table() -> pa.Table:
    return uf.to_frame(example_programmes(), backend="pyarrow")


# --------------------------------------------------------------------------- compare


@pytest.mark.parametrize(
    ("metric", "kind", "message"),
    [
        ([], None, "no metric given"),
        (["villages_paired", 3], None, "each metric must be a string, got int"),
        ("villages_paired", [], "no kind given"),
        ("villages_paired", ["actual", 1], "each kind must be a string, got int"),
        (
            "villages_paired",
            "plan",
            "unknown indicator kind 'plan'; choose from "
            "actual, baseline, rank, statistic, structure, target",
        ),
    ],
)
def test_compare_names_what_is_wrong_with_the_metric_or_kind(
    table: pa.Table, metric: Any, kind: Any, message: str
) -> None:
    with pytest.raises(AnalysisError) as caught:
        uf.compare(table, metric, kind=kind)
    assert str(caught.value) == message


def test_a_figure_scoped_to_another_province_is_listed_under_that_province() -> None:
    """Scope decides the place and so the province, not the programme's jurisdiction."""
    programme = programme_with(
        "p",
        "jia",
        [
            {"metric": "villages_paired", "quantity": "40个", "scope": "bing"},
            {"metric": "villages_paired", "quantity": "7个"},
        ],
    )
    for backend in ("pyarrow", "pandas"):
        got = rows(uf.compare(programme, "villages_paired", backend=backend))
        assert [
            (r["jurisdiction"], r["jurisdiction_zh"], r["province"], r["programme"], r["text"])
            for r in got
        ] == [
            ("980100", "丙市", "980000", "p", "40个"),
            ("990100", "甲市", "990000", "p", "7个"),
        ]


def test_compare_works_on_a_frame_of_only_the_columns_it_needs(table: pa.Table) -> None:
    """Optional columns are left out of the result; place and province are still derived."""
    needed = [
        "metric",
        "jurisdiction",
        "kind",
        "value",
        "low",
        "high",
        "low_inclusive",
        "high_inclusive",
        "unit",
        "period_start",
        "period_end",
        "as_of",
    ]
    columns = [
        "metric",
        "jurisdiction",
        "province",
        "period_start",
        "period_end",
        "as_of",
        "kind",
        "value",
        "low",
        "high",
        "low_inclusive",
        "high_inclusive",
        "unit",
        "comparable",
    ]
    small = table.select(needed)
    for frame in (small, small.to_pandas(types_mapper=pd.ArrowDtype)):
        result = uf.compare(frame, "villages_paired")
        assert list(
            result.columns if isinstance(result, pd.DataFrame) else result.column_names
        ) == (columns)
        got = [{name: r[name] for name in columns} for r in rows(result)]
        assert got == [
            {
                "metric": "villages_paired",
                "jurisdiction": code,
                "province": province,
                "period_start": None,
                "period_end": None,
                "as_of": date(2024, 12, 31),
                "kind": "actual",
                "value": value,
                "low": value,
                "high": value,
                "low_inclusive": True,
                "high_inclusive": True,
                "unit": "个",
                # Without temporal or cumulative columns, a date alone reads as a stock.
                "comparable": "alike",
            }
            for code, province, value in [
                ("980100", "980000", Decimal(120)),
                ("990100", "990000", Decimal(3702)),
                ("990200", "990000", Decimal(668)),
            ]
        ]


# --------------------------------------------------------------------------- coverage


def _coverage_rows(result: Any) -> list[tuple[Any, ...]]:
    return [tuple(r[name] for name in COVERAGE_NAMES) for r in rows(result)]


def test_coverage_of_a_programme_in_the_backend_asked_for_with_the_place_names() -> None:
    programme = example_programme("jia")
    expected = [
        ("990100", "甲市", "Jia", theme, *counts)
        for theme, counts in zip(
            THEMES,
            [(0, 0, 0), (0, 0, 0), (1, 0, 1), (0, 0, 0), (1, 1, 2), (0, 0, 0), (0, 0, 0)],
            strict=True,
        )
    ]
    table = uf.coverage(programme, backend="pyarrow")
    assert isinstance(table, pa.Table)
    assert table.column_names == COVERAGE_NAMES
    assert _coverage_rows(table) == expected
    frame = uf.coverage(programme, backend="pandas")
    assert isinstance(frame, pd.DataFrame)
    assert _coverage_rows(frame) == expected
    # The same programme as a frame: every measure and action here carries a figure.
    assert _coverage_rows(uf.coverage(uf.to_frame(programme, backend="pyarrow"))) == expected


def test_coverage_of_a_frame_labels_each_place_with_its_names(table: pa.Table) -> None:
    got = _coverage_rows(uf.coverage(table.to_pandas(types_mapper=pd.ArrowDtype)))
    assert sorted({r[:3] for r in got}) == [
        ("980100", "丙市", "Bing"),
        ("990100", "甲市", "Jia"),
        ("990200", "乙市", "Yi"),
    ]
    assert [r[0] for r in got] == ["980100"] * 7 + ["990100"] * 7 + ["990200"] * 7


def test_coverage_of_no_programmes_is_empty_with_the_columns() -> None:
    table = uf.coverage([], backend="pyarrow")
    assert isinstance(table, pa.Table)
    assert table.num_rows == 0
    assert table.column_names == COVERAGE_NAMES
    assert [str(t) for t in table.schema.types] == ["string"] * 4 + ["int64"] * 3


def test_coverage_names_what_is_wrong_with_its_input(table: pa.Table) -> None:
    with pytest.raises(AnalysisError) as caught:
        uf.coverage(42)
    assert str(caught.value) == (
        "coverage takes programmes or a frame made by unitedfront.to_frame, not a int"
    )
    with pytest.raises(AnalysisError) as caught:
        uf.coverage(table.drop_columns(["theme"]))
    assert str(caught.value) == (
        "coverage needs the column 'theme', which the frame lacks; "
        "make the frame with unitedfront.to_frame"
    )


def test_a_place_named_differently_by_two_programmes_gets_the_same_label_in_any_order() -> None:
    """The label is the fullest names (an English name before none), then those that sort
    first: never the input's order."""
    jia = programme_with("named", "jia", [{"metric": "villages_paired", "quantity": "7个"}])
    unnamed = programme_with(
        "unnamed",
        {**place("jia"), "name": {"zh": "甲市"}},
        [{"metric": "villages_paired", "quantity": "9个"}],
    )
    renamed = programme_with(
        "renamed",
        {**place("jia"), "name": {"zh": "甲城", "en": "Jia City"}},
        [{"metric": "villages_paired", "quantity": "8个"}],
    )
    for pair, label in [((jia, unnamed), ("甲市", "Jia")), ((jia, renamed), ("甲城", "Jia City"))]:
        for programmes in (list(pair), list(reversed(pair))):
            for data in (programmes, uf.to_frame(programmes, backend="pyarrow")):
                got = _coverage_rows(uf.coverage(data, backend="pyarrow"))
                assert {r[1:3] for r in got} == {label}
                assert [r for r in got if r[3] == "common_prosperity"] == [
                    ("990100", *label, "common_prosperity", 2, 0, 2)
                ]


def test_a_theme_outside_the_vocabulary_is_kept_after_the_canonical_ones() -> None:
    """A frame made with another vocabulary loses no figure: its theme gets a row of its own,
    after the canonical themes and the row of programme-wide figures."""
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
    table = uf.to_frame(Programme.model_validate(data), backend="pyarrow")
    themes = ["local_theme" if t == "private_economy" else t for t in table["theme"].to_pylist()]
    table = table.set_column(
        table.column_names.index("theme"), "theme", pa.array(themes, pa.string())
    )
    for frame in (table, table.to_pandas(types_mapper=pd.ArrowDtype)):
        got = _coverage_rows(uf.coverage(frame))
        assert [r[3] for r in got] == [*THEMES, None, "local_theme"]
        assert got[-2:] == [
            ("990200", "乙市", "Yi", None, 0, 0, 1),
            ("990200", "乙市", "Yi", "local_theme", 1, 0, 1),
        ]
        assert got[2] == ("990200", "乙市", "Yi", "private_economy", 0, 0, 0)


# --------------------------------------------------------------------------- checklist


def test_the_checklist_is_a_pandas_frame_by_default() -> None:
    frame = uf.checklist(example_programme("jia"))
    assert isinstance(frame, pd.DataFrame)
    assert frame["measure"].tolist() == ["pairing"]


def test_a_measure_without_a_status_has_an_empty_status() -> None:
    data = example_programme("yi").model_dump(mode="json")
    measure = data["actions"][0]["measures"][0]
    del measure["status"], measure["due"]
    got = uf.checklist(Programme.model_validate(data), backend="pyarrow").to_pylist()
    assert [(r["measure"], r["due"], r["status"], r["indicators"]) for r in got] == [
        ("pairing", None, None, 2)
    ]


# --------------------------------------------------------------------------- decimal columns


def test_the_refusal_names_the_figure_that_does_not_fit_not_an_earlier_one() -> None:
    """Earlier figures with decimals that fit (12.5, 0.0001) are not blamed."""
    programme = programme_with(
        "two",
        "jia",
        [
            {"metric": "rd_intensity", "quantity": quantity("12.5%", "12.5", "%")},
            {"metric": "rd_intensity", "quantity": quantity("1E-4%", "1E-4", "%")},
            {"metric": "rd_intensity", "quantity": quantity("1E-5%", "1E-5", "%")},
        ],
    )
    with pytest.raises(AnalysisError) as caught:
        uf.to_frame(programme, backend="pyarrow")
    assert str(caught.value) == (
        "programme 'two', actions[0].indicators[2]: the value 0.00001 does not fit a decimal "
        "column of 14 digits before the point and 4 after it; it is refused rather than "
        "rounded"
    )


_FIGURE = (Column("value", "decimal", "A figure."),)


def test_a_computed_figure_with_many_trailing_zeros_is_written_at_the_scale() -> None:
    """Zeros beyond what Arrow reads are dropped exactly; the figure is the same number."""
    long = Decimal("1." + "0" * 40)
    table = build_table(_FIGURE, {"value": [Decimal("2.5"), long, None]}, "the roll-up")
    assert table["value"].to_pylist() == [Decimal("2.5"), Decimal(1), None]
    assert table.schema.field("value").type == pa.decimal128(38, 10)


@pytest.mark.parametrize("figure", ["1E+28", "-1E+28", "1E+37", "1E+40"])
def test_a_computed_figure_of_more_than_28_digits_before_the_point_is_refused(
    figure: str,
) -> None:
    values = [Decimal("9999999999999999999999999999.9999999999"), Decimal(figure)]
    with pytest.raises(AnalysisError) as caught:
        build_table(_FIGURE, {"value": values}, "the roll-up")
    assert str(caught.value) == (
        f"the roll-up, row 1: the value {figure} does not fit a decimal column of 28 digits "
        "before the point and 10 after it; it is refused rather than rounded"
    )


# --------------------------------------------------------------------------- units


def test_measure_words_of_counted_things_share_one_key_and_measuring_units_keep_theirs() -> None:
    assert [unit_key(u) for u in ("位", "名", "家", "个", None)] == [COUNTED] * 5
    assert [unit_key(u) for u in ("元", "人次", "%")] == ["元", "人次", "%"]


# --------------------------------------------------------------------------- input


def test_programmes_given_as_a_generator_are_read_like_a_list() -> None:
    got = uf.compare(iter(example_programmes()), "villages_paired", backend="pyarrow")
    assert isinstance(got, pa.Table)
    assert got["jurisdiction"].to_pylist() == ["980100", "990100", "990200"]
    assert got["value"].to_pylist() == [Decimal(120), Decimal(3702), Decimal(668)]


def test_a_frame_lacking_one_column_is_refused_with_that_column_named(table: pa.Table) -> None:
    with pytest.raises(AnalysisError) as caught:
        uf.compare(table.drop_columns(["as_of"]), "villages_paired")
    assert str(caught.value) == (
        "compare needs the column 'as_of', which the frame lacks; "
        "make the frame with unitedfront.to_frame"
    )


def test_text_is_neither_programmes_nor_a_frame() -> None:
    with pytest.raises(AnalysisError) as caught:
        uf.compare("990100", "villages_paired")
    assert str(caught.value) == (
        "compare takes programmes or a frame made by unitedfront.to_frame, not a str"
    )


def test_an_unknown_backend_is_refused_with_the_choices_named(table: pa.Table) -> None:
    calls: list[Callable[[], object]] = [
        lambda: uf.to_frame(example_programmes(), backend="spark"),  # type: ignore[arg-type]
        lambda: uf.compare(table, "villages_paired", backend="spark"),  # type: ignore[arg-type]
        lambda: uf.coverage(example_programmes(), backend="spark"),  # type: ignore[arg-type]
        lambda: uf.checklist(example_programmes(), backend="spark"),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(AnalysisError) as caught:
            call()
        assert str(caught.value) == (
            "unknown backend 'spark'; choose one of 'pandas', 'polars', 'pyarrow'"
        )


def test_a_backend_that_is_not_installed_matters_only_for_programmes(
    table: pa.Table, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frame is analysed whatever backend is named; programmes need it installed."""
    import importlib.util

    from unitedfront._analysis import _deps

    real = importlib.util.find_spec
    monkeypatch.setattr(_deps, "find_spec", lambda name: None if name == "pandas" else real(name))
    assert rows(uf.compare(table, "villages_paired", backend="pandas"))[0]["value"] == 120
    with pytest.raises(uf.MissingExtraError) as caught:
        uf.compare(example_programmes(), "villages_paired", backend="pandas")
    assert str(caught.value) == (
        "a pandas frame needs the optional dependency 'pandas'; "
        "install it with: pip install 'unitedfront[pandas]'"
    )


def test_a_metric_is_named_by_a_string() -> None:
    from unitedfront._analysis._common import metric_or_error

    with pytest.raises(AnalysisError) as caught:
        metric_or_error(3)  # type: ignore[arg-type]
    assert str(caught.value) == "a metric is named by its code (a string), not 3"
    assert metric_or_error("villages_paired").code == "villages_paired"


def test_without_the_scope_names_a_scoped_figure_has_no_place_name() -> None:
    """The programme's name is never put on a figure about another place."""
    programme = programme_with(
        "p",
        "jia",
        [
            {"metric": "villages_paired", "quantity": "40个", "scope": "jia-county"},
            {"metric": "villages_paired", "quantity": "7个"},
        ],
    )
    full = uf.to_frame(programme, backend="pyarrow")
    cases: list[tuple[pa.Table, list[tuple[str, str | None, str | None]]]] = [
        (
            full.drop_columns(["scope_zh", "scope_en"]),
            [("990100", "甲市", "Jia"), ("990102", None, None)],
        ),
        (full.drop_columns(["scope_en"]), [("990100", "甲市", "Jia"), ("990102", "甲县", None)]),
        (
            full.drop_columns(["scope", "scope_zh", "scope_en"]),
            [("990100", "甲市", "Jia"), ("990100", "甲市", "Jia")],
        ),
    ]
    for frame, expected in cases:
        got = rows(uf.compare(frame, "villages_paired", backend="pyarrow"))
        assert [(r["jurisdiction"], r["jurisdiction_zh"], r["jurisdiction_en"]) for r in got] == (
            expected
        )


def test_a_figure_that_fits_is_written_exactly_whatever_zeros_it_carries() -> None:
    """Twenty-one digits before the point, ten after and twenty zeros: the same number."""
    from unitedfront._analysis._columns import decimal_array

    long = Decimal("123456789012345678901.1234567890" + "0" * 20)
    array = decimal_array([long, None], "value", iter(["row 0", "row 1"]))
    assert array.type == pa.decimal128(38, 10)
    assert array.to_pylist() == [Decimal("123456789012345678901.1234567890"), None]
    table = build_table(_FIGURE, {"value": [long]}, "the roll-up")
    assert table["value"].to_pylist() == [long]


def test_the_year_of_a_stock_figure_is_that_of_its_date() -> None:
    """A dated stock's year is its date's; an undated figure has no year, not the programme's."""
    programme = programme_with(
        "p",
        "jia",
        [
            {"metric": "direct_chambers", "quantity": "40个", "as_of": "2023-12-31"},
            {"metric": "direct_chambers", "quantity": "41个"},
        ],
    )
    got = uf.to_frame(programme, backend="pyarrow").to_pylist()
    assert [(r["as_of"], r["period_end"], r["year"]) for r in got] == [
        (date(2023, 12, 31), None, 2023),
        (None, None, None),
    ]


def test_what_is_not_a_programme_is_refused_with_what_it_is() -> None:
    with pytest.raises(AnalysisError) as caught:
        uf.to_frame(42)  # type: ignore[arg-type]
    assert str(caught.value) == "expected a Programme or an iterable of programmes, got int"
    with pytest.raises(AnalysisError) as caught:
        uf.checklist([example_programme("jia"), "yi"])  # type: ignore[list-item]
    assert str(caught.value) == (
        "item 1 is a str, not a Programme; pass programmes (unitedfront.datasets.load) "
        "or a frame made by unitedfront.to_frame"
    )


@pytest.mark.parametrize(
    ("missing", "call", "message"),
    [
        (
            "pyarrow",
            lambda: uf.to_frame(example_programmes(), backend="pandas"),
            "an indicator frame needs the optional dependency 'pyarrow'; "
            "install it with: pip install 'unitedfront[pyarrow]'",
        ),
        (
            "pyarrow",
            lambda: uf.coverage(pa.table({"a": [1]})),
            "coverage needs the optional dependency 'pyarrow'; "
            "install it with: pip install 'unitedfront[pyarrow]'",
        ),
        (
            "narwhals",
            lambda: uf.compare(pd.DataFrame({"a": [1]}), "villages_paired"),
            "compare needs the optional dependency 'narwhals'; "
            "install it with: pip install 'unitedfront[pyarrow]'",
        ),
    ],
)
def test_a_missing_dependency_is_named_with_the_extra_that_installs_it(
    missing: str, call: Callable[[], object], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    from unitedfront._analysis import _deps

    real = importlib.util.find_spec
    monkeypatch.setattr(_deps, "find_spec", lambda name: None if name == missing else real(name))
    with pytest.raises(uf.MissingExtraError) as caught:
        call()
    assert str(caught.value) == message


def test_a_frame_without_chinese_names_keeps_the_english_ones() -> None:
    """Each language is handled on its own: the scope's English name still wins."""
    programme = programme_with(
        "p",
        "jia",
        [
            {"metric": "villages_paired", "quantity": "40个", "scope": "jia-county"},
            {"metric": "villages_paired", "quantity": "7个"},
        ],
    )
    frame = uf.to_frame(programme, backend="pyarrow").drop_columns(["jurisdiction_zh", "scope_zh"])
    got = rows(uf.compare(frame, "villages_paired", backend="pyarrow"))
    assert [(r["jurisdiction"], r["jurisdiction_en"]) for r in got] == [
        ("990100", "Jia"),
        ("990102", "Jia County"),
    ]
    assert "jurisdiction_zh" not in got[0]
