"""``unitedfront indicators``: a programme's figures as a table, CSV or JSON; usage errors."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import rich.cells

from tests._cli_helpers import EXIT_OK, one_line_error, run
from unitedfront import Theme, datasets
from unitedfront._cli.commands.indicators import COLUMNS


def test_indicators_as_json_hold_exact_figures_as_strings() -> None:
    """Figures are decimal strings exactly as held; bounds say whether they are included."""
    records = json.loads(run("indicators", "linyi-2024", "--format", "json").stdout)
    assert len(records) == len(list(datasets.load("linyi-2024").iter_indicators()))
    assert all(list(r) == list(COLUMNS) for r in records)
    by_text = {r["text"]: r for r in records}
    suggestions = by_text["470余条"]
    assert {k: suggestions[k] for k in ("value", "low", "high", "qualifier", "unit")} == {
        "value": "470",
        "low": "470",
        "high": "480",
        "qualifier": "more_than",
        "unit": "条",
    }
    assert suggestions["low_inclusive"] is False and suggestions["high_inclusive"] is False
    assert suggestions["interval"] == "(470, 480) 条"
    assert suggestions["theme"] == "advice"
    for r in records:
        for key in ("value", "low", "high"):
            assert r[key] is None or isinstance(r[key], str)


def test_indicators_keep_a_figure_written_with_trailing_zeros() -> None:
    """A figure is written as the data holds it, never through a float."""
    ningbo = json.loads(run("indicators", "ningbo-acfic-2023", "-f", "json").stdout)
    held = {
        ref.indicator.id: ref.indicator.quantity
        for ref in datasets.load("ningbo-acfic-2023").iter_indicators()
    }
    for r in ningbo:
        q = held[r["indicator"]]
        assert r["value"] == format(q.value, "f")
        assert Decimal(r["value"]) == q.value


def test_indicators_filter_by_theme_and_metric() -> None:
    """--theme keeps figures under actions of that theme; --metric those of that metric."""
    advice = json.loads(run("indicators", "linyi-2024", "-t", "advice", "-f", "json").stdout)
    expected = [
        ref.indicator.id
        for ref in datasets.load("linyi-2024").iter_indicators()
        if ref.action is not None and ref.action.theme is Theme.ADVICE
    ]
    assert [r["indicator"] for r in advice] == expected
    visits = run("indicators", "linyi-2024", "--metric", "enterprises_visited", "-f", "json")
    assert [r["text"] for r in json.loads(visits.stdout)] == ["1234家"]
    both = run("indicators", "linyi-2024", "-t", "innovation", "-m", "enterprises_visited")
    assert both.exit_code == EXIT_OK
    assert both.stdout.splitlines() == ["as written  interval  kind  indicator"]
    assert both.stderr == "linyi-2024: no figure matches\n"


def test_indicators_as_csv_have_a_header_and_a_row_per_figure() -> None:
    result = run("indicators", "weihai-2024", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == list(COLUMNS)
    assert len(rows) - 1 == len(list(datasets.load("weihai-2024").iter_indicators()))
    assert all(len(row) == len(COLUMNS) for row in rows)


def test_the_indicator_table_fits_80_columns_and_wraps_names() -> None:
    """Figures stay on one line; a long name wraps under its column."""
    result = run("indicators", "linyi-2024", "--theme", "advice")
    lines = result.stdout.splitlines()
    assert lines[0] == "as written  interval         kind    indicator"
    assert (
        lines[1] == "63处        [63, 63] 处      actual  advice-platforms: Research workstations,"
    )
    assert (
        lines[2]
        == "                                     advice studios and other advisory platforms"
    )
    assert max(rich.cells.cell_len(line) for line in lines) <= 80


def test_an_unknown_metric_exits_2_naming_the_closest_codes() -> None:
    expected = (
        "no metric 'enterprise_visited' in the vocabulary; did you mean 'enterprises_visited'"
    )
    for args in (["indicators", "linyi-2024", "-m"], ["compare"]):
        assert one_line_error(run(*args, "enterprise_visited")).startswith(expected)
