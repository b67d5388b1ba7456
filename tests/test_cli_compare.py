"""``unitedfront compare``: the rows and columns of :func:`unitedfront.compare`, laid out."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests._cli_helpers import EXAMPLE_CITY, EXIT_OK, one_line_error, run
from unitedfront import compare, datasets, load_file
from unitedfront._cli.present import cell


def _library_rows(*files: Path, metric: str) -> list[dict[str, Any]]:
    """The rows unitedfront.compare gives for the bundled programmes and ``files``."""
    found = [*datasets.load_all(), *(load_file(f) for f in files)]
    table = compare(found, metric, backend="pyarrow")
    return [{k: cell(v) for k, v in row.items()} for row in table.to_pylist()]


def test_compare_sets_every_figure_of_a_metric_side_by_side() -> None:
    """One row per figure, sorted by place code; * marks a running total."""
    result = run("compare", "villages_paired")
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    header = "place kind as written interval period or date programme comparable"
    assert lines[0].split() == header.split()
    firsts = ("Ningbo", "Linyi")
    assert [line.split() for line in lines[1:] if line.split()[0] in firsts] == [
        [
            "Ningbo",
            "actual",
            "668個*",
            "[668,",
            "668]",
            "个",
            "not",
            "dated",
            "ningbo-acfic-2023",
            "unlike",
        ],
        [
            "Linyi",
            "actual",
            "3702个*",
            "[3702,",
            "3702]",
            "个",
            "as",
            "of",
            "2024-07-19",
            "linyi-2024",
            "unlike",
        ],
    ]
    codes = [r["jurisdiction"] for r in _library_rows(metric="villages_paired")]
    assert codes == sorted(codes) and len(lines) == len(codes) + 1


def test_compare_as_json_and_csv() -> None:
    records = json.loads(run("compare", "enterprises_visited", "-f", "json").stdout)
    columns = compare(datasets.load_all(), "enterprises_visited", backend="pyarrow").column_names
    assert [list(r) for r in records] == [columns] * 2
    assert [(r["jurisdiction_en"], r["value"], r["as_of"]) for r in records] == [
        ("Ningbo", "3300", None),
        ("Linyi", "1234", "2024-07-19"),
    ]
    rows = list(
        csv.DictReader(io.StringIO(run("compare", "enterprises_visited", "-f", "csv").stdout))
    )
    assert [r["text"] for r in rows] == ["3300家", "1234家"]
    assert rows[0]["as_of"] == "" and rows[1]["cumulative"] == "true"
    assert rows[0]["comparable"] == (
        "unlike linyi-2024/private-economy-enterprises-visited (1234家): "
        "ningbo-acfic-2023/enterprises-visited (3300家) is not dated"
    )


def test_compare_keeps_only_the_kind_asked_for() -> None:
    result = run("compare", "enterprises_visited", "--kind", "target", "-f", "json")
    assert json.loads(result.stdout) == []
    table = run("compare", "enterprises_visited", "--kind", "target")
    assert table.stderr == "no programme has a figure of 'enterprises_visited'\n"


def test_compare_sets_a_programme_file_beside_the_bundled_ones() -> None:
    result = run("compare", "enterprises_visited", "--with", str(EXAMPLE_CITY))
    assert result.stdout.splitlines()[-1] == (
        "Example City  actual  860余家     (860, 870) 家    2024-01/2024-06   example-city-2024  "
        "unlike"
    )


def test_a_file_with_a_bundled_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "linyi.json"
    data = json.loads(EXAMPLE_CITY.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "id": "linyi-2024"}, ensure_ascii=False), "utf-8")
    message = one_line_error(run("coverage", "--with", str(path)))
    assert message == (
        f"{path}: the programme id 'linyi-2024' is already taken by another programme; "
        "give yours an id of its own"
    )


def test_the_rows_of_compare_are_those_of_the_analysis_function() -> None:
    """Same rows, columns, order and figures as unitedfront.compare, for every metric."""
    codes = sorted(
        r.indicator.metric
        for p in datasets.load_all()
        for r in p.iter_indicators()
        if r.indicator.metric is not None
    )
    for code in dict.fromkeys(codes):
        shown = json.loads(run("compare", code, "-f", "json").stdout)
        theirs = _library_rows(metric=code)
        assert [list(r) for r in shown] == [list(r) for r in theirs], code
        for mine, row in zip(shown, theirs, strict=True):
            for key in ("value", "low", "high"):
                if row[key] is not None:  # the frame pads figures to its scale
                    assert float(mine[key]) == float(row[key]), (code, key)
            assert {k: v for k, v in mine.items() if k not in ("value", "low", "high")} == {
                k: v for k, v in row.items() if k not in ("value", "low", "high")
            }, code


def _place_twice(tmp_path: Path) -> tuple[Path, Path]:
    """Two programmes of one place, the first without the place's English name."""
    data = json.loads(EXAMPLE_CITY.read_text(encoding="utf-8"))
    bare = {**data, "id": "example-city-2023"}
    bare["jurisdiction"] = {**data["jurisdiction"], "name": {"zh": "示例市"}}
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps(bare, ensure_ascii=False), encoding="utf-8")
    second.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return first, second


def test_a_place_of_two_programmes_has_the_rows_the_library_gives(tmp_path: Path) -> None:
    """Two programmes of one place, one without its English name: the library's rows."""
    first, second = _place_twice(tmp_path)
    args = ["enterprises_visited", "--with", str(first), "--with", str(second)]
    shown = json.loads(run("compare", *args, "-f", "json").stdout)
    theirs = _library_rows(first, second, metric="enterprises_visited")
    mine = [(r["programme"], r["jurisdiction_zh"], r["jurisdiction_en"]) for r in shown]
    assert mine == [(r["programme"], r["jurisdiction_zh"], r["jurisdiction_en"]) for r in theirs]
    assert ("example-city-2024", "示例市", "Example City") in mine


def test_figures_keep_the_form_the_data_holds() -> None:
    """A figure is its model's decimal, not the frame's fixed scale (3300, not 3300.0000000000)."""
    shown = json.loads(run("compare", "enterprises_visited", "-f", "json").stdout)
    assert [(r["value"], r["low"], r["high"]) for r in shown] == [
        ("3300", "3300", "3300"),
        ("1234", "1234", "1234"),
    ]


@pytest.mark.parametrize("code", ["ENTERPRISES_VISITED", "enterprise_visited"])
def test_a_mistyped_metric_suggests_the_code_meant(code: str) -> None:
    """Upper case or a near code: one line from the library, naming the right code first."""
    message = one_line_error(run("compare", code))
    assert message.startswith(
        f"no metric {code!r} in the vocabulary; did you mean 'enterprises_visited'"
    )
