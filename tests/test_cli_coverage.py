"""``unitedfront coverage``: the rows of :func:`unitedfront.coverage`, places beside themes."""

from __future__ import annotations

import json
from pathlib import Path

import rich.cells

from tests._cli_helpers import EXIT_OK, run
from tests.test_cli_compare import _place_twice
from unitedfront import Theme, coverage, datasets, load_file


def _blocks(stdout: str) -> dict[str, dict[str, str]]:
    """The table's cells by place, then theme, read from every block."""
    lines = stdout.splitlines()
    found: dict[str, dict[str, str]] = {}
    header: list[str] = []
    for line in lines[1:]:
        words = line.replace("Inner Mongolia", "Inner-Mongolia").split()
        if not words:
            continue
        if words[0] == "theme":
            header = words[1:]
            continue
        for place, cell in zip(header, words[1:], strict=True):
            found.setdefault(place, {})[words[0]] = cell
    return found


def test_coverage_shows_themes_by_place() -> None:
    result = run("coverage")
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0] == "actions/measures/indicators under each theme, by place"
    cells = _blocks(result.stdout)
    assert [cells[p]["advice"] for p in ["Ningbo", "Shandong", "Weihai", "Linyi", "Shenzhen"]] == [
        "1/5/8",
        "0/0/0",
        "1/9/5",
        "1/3/10",
        "0/0/0",
    ]
    assert [cells[p]["programme-wide"] for p in ["Ningbo", "Weihai", "Linyi"]] == [
        "-",
        "0/0/3",
        "-",
    ]
    assert list(cells["Linyi"]) == [*(t.value for t in Theme), "programme-wide"]


def test_coverage_of_many_places_is_cut_into_blocks_that_fit_the_width() -> None:
    """Places that do not fit beside the themes go on in a further block; none is lost."""
    result = run("coverage")
    assert max(rich.cells.cell_len(line) for line in result.stdout.splitlines()) <= 80
    blocks = [line for line in result.stdout.splitlines() if line.startswith("theme ")]
    assert len(blocks) >= 2
    places = {
        r["jurisdiction"] for r in coverage(datasets.load_all(), backend="pyarrow").to_pylist()
    }
    assert len(_blocks(result.stdout)) == len(places)


def test_coverage_as_json_is_one_record_per_place_and_theme() -> None:
    records = json.loads(run("coverage", "-f", "json").stdout)
    columns = coverage(datasets.load_all(), backend="pyarrow").column_names
    assert all(list(r) == columns for r in records)
    places = {p.jurisdiction.code for p in datasets.load_all()}
    wide = {r["jurisdiction"] for r in records if r["theme"] is None}
    assert len(records) == len(places) * len(Theme) + len(wide)
    weihai = [r for r in records if r["jurisdiction_en"] == "Weihai" and r["theme"] is None]
    assert weihai == [
        {
            "jurisdiction": "371000",
            "jurisdiction_zh": "威海市",
            "jurisdiction_en": "Weihai",
            "theme": None,
            "actions": 0,
            "measures": 0,
            "indicators": 3,
        }
    ]


def test_the_rows_of_coverage_are_those_of_the_analysis_function(tmp_path: Path) -> None:
    """Same rows as unitedfront.coverage, a place of two programmes labelled as it labels it."""
    first, second = _place_twice(tmp_path)
    shown = json.loads(run("coverage", "-w", str(first), "-w", str(second), "-f", "json").stdout)
    found = [*datasets.load_all(), load_file(first), load_file(second)]
    assert shown == coverage(found, backend="pyarrow").to_pylist()
    assert {r["jurisdiction_en"] for r in shown if r["jurisdiction"] == "371700"} == {
        "Example City"
    }
