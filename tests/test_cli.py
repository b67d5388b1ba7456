"""The ``unitedfront`` command: every command's output, formats, exit codes and errors.

``validate`` has its own tests in ``test_cli_validate.py``. Commands run through typer's
runner, at the width a pipe gets (80 columns), and once through a real process.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import rich.cells
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from tests.strategies import ZH_NAMES, quantities
from unitedfront import (
    Theme,
    _cli,
    _normalize,
    datasets,
    find_quantities,
    get_metric,
    load_file,
    normalize_source,
    validate,
)
from unitedfront._cli import (
    COMPARE_COLUMNS,
    COVERAGE_COLUMNS,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    INDICATOR_COLUMNS,
    build_app,
    compare_records,
    coverage_records,
    draft_programme,
)
from unitedfront._io import programme_from_data
from unitedfront.errors import LoadError, MissingExtraError, UnknownDatasetError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "data"
BRIEFING = EXAMPLES / "example-city-briefing.txt"
EXAMPLE_CITY = EXAMPLES / "example-city-2024.json"
BAD = Path(__file__).parent / "data" / "bad"

runner = CliRunner()


def run(*args: str, columns: int = 80) -> Any:
    return runner.invoke(
        build_app(), list(args), prog_name="unitedfront", env={"COLUMNS": str(columns)}
    )


def one_line_error(result: Any, code: int = EXIT_UNREADABLE) -> str:
    """Assert a failed run: the exit code, nothing on stdout, one line on stderr."""
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")
    assert "Traceback" not in result.output
    return str(result.stderr.rstrip("\n"))


def unknown_message(id: str) -> str:
    with pytest.raises(UnknownDatasetError) as info:
        datasets.load(id)
    return str(info.value)


# --------------------------------------------------------------------------- list


def test_list_shows_each_programme_with_its_counts() -> None:
    """One row per bundled programme: id, place, kind, framework, period, the counts."""
    result = run("list")
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "place", "kind", "framework", "period", "act", "mea", "ind"]
    assert lines[-1] == "act, mea, ind: actions, measures and indicators"
    for line, p in zip(lines[1:-1], datasets.load_all(), strict=True):
        counts = [len(p.actions), len(list(p.iter_measures())), len(list(p.iter_indicators()))]
        place = p.jurisdiction.name.en
        assert line.split() == [p.id, place, p.kind, p.framework, str(p.period), *map(str, counts)]


def test_list_as_csv_and_json_hold_the_same_records() -> None:
    """CSV and JSON carry the same fields, the place's code and both its names."""
    records = json.loads(run("list", "--format", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(run("list", "-f", "csv").stdout)))
    assert [r["id"] for r in records] == list(datasets.available())
    assert rows == [{k: str(v) for k, v in r.items()} for r in records]
    assert records[0] == {
        "id": "linyi-2024",
        "jurisdiction": "371300",
        "jurisdiction_zh": "临沂市",
        "jurisdiction_en": "Linyi",
        "kind": "report",
        "framework": "five_actions",
        "period": "2024",
        "actions": 5,
        "measures": 15,
        "indicators": 50,
    }


# --------------------------------------------------------------------------- show


def test_show_prints_the_programme_as_a_tree_with_its_figures() -> None:
    """The tree starts with the title and lists every figure with its interval."""
    result = run("show", "linyi-2024", columns=200)
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0].startswith("临沂")
    assert lines[1].startswith("linyi-2024 · 临沂市 371300 · report · 2024")
    assert "1234家 [1234, 1234] 家 · Enterprises visited (enterprises_visited)" in result.stdout
    figures = [line for line in lines if re.search(r"[\[(].*[\])] .*· ", line)]
    assert len(figures) == len(list(datasets.load("linyi-2024").iter_indicators()))


def test_show_wraps_a_tree_to_the_width_without_losing_words() -> None:
    """At 80 columns no line is wider, and the long title wraps rather than being cut."""
    result = run("show", "ningbo-acfic-2023")
    lines = result.stdout.splitlines()
    assert max(rich.cells.cell_len(line) for line in lines) <= 80
    assert "two healthy developments" in " ".join(lines)


def test_show_reads_a_programme_file() -> None:
    """A path (it has a suffix or a slash) is read as a programme file."""
    result = run("show", str(EXAMPLE_CITY), columns=200)
    assert result.exit_code == EXIT_OK
    assert "860余家 (860, 870) 家 · Private enterprises visited" in result.stdout


@pytest.mark.parametrize("command", ["show", "indicators"])
def test_an_unknown_dataset_id_exits_2_with_the_loaders_message(command: str) -> None:
    """The message is UnknownDatasetError's: the closest id and every id there is."""
    message = one_line_error(run(command, "linyi"))
    assert message == unknown_message("linyi")
    assert "Did you mean 'linyi-2024'?" in message


def test_a_broken_programme_file_exits_2_with_the_load_error() -> None:
    """The error names the file, the line and column, and what is wrong."""
    path = BAD / "json-trailing-comma.json"
    with pytest.raises(LoadError) as info:
        load_file(path)
    assert one_line_error(run("show", str(path))) == str(info.value)


# --------------------------------------------------------------------------- indicators


def test_indicators_as_json_hold_exact_figures_as_strings() -> None:
    """Figures are decimal strings exactly as held; bounds say whether they are included."""
    records = json.loads(run("indicators", "linyi-2024", "--format", "json").stdout)
    assert len(records) == len(list(datasets.load("linyi-2024").iter_indicators()))
    assert all(list(r) == list(INDICATOR_COLUMNS) for r in records)
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
    assert rows[0] == list(INDICATOR_COLUMNS)
    assert len(rows) - 1 == len(list(datasets.load("weihai-2024").iter_indicators()))
    assert all(len(row) == len(INDICATOR_COLUMNS) for row in rows)


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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["indicators", "linyi-2024", "--theme", "welfare"],
            "unitedfront indicators: Invalid value for '--theme' / '-t':",
        ),
        (["list", "--format", "xml"], "unitedfront list: Invalid value for '--format' / '-f':"),
        (["show"], "unitedfront show: Missing argument 'ID'. (see: unitedfront show --help)"),
        (["explain"], "unitedfront: No such command 'explain'. (see: unitedfront --help)"),
    ],
)
def test_a_usage_error_is_one_line_and_exits_2(args: list[str], message: str) -> None:
    assert one_line_error(run(*args)).startswith(message)


# --------------------------------------------------------------------------- compare


def test_compare_sets_every_figure_of_a_metric_side_by_side() -> None:
    """One row per figure, sorted by place code; * marks a running total."""
    result = run("compare", "villages_paired")
    assert result.exit_code == EXIT_OK
    assert result.stdout.splitlines() == [
        "place   kind    as written  interval         period or date    programme",
        "Ningbo  actual  668個       [668, 668] 个    2023              ningbo-acfic-2023",
        "Linyi   actual  3702个*     [3702, 3702] 个  as of 2024-07-19  linyi-2024",
    ]


def test_compare_as_json_and_csv() -> None:
    records = json.loads(run("compare", "enterprises_visited", "-f", "json").stdout)
    assert [list(r) for r in records] == [list(COMPARE_COLUMNS)] * 2
    assert [(r["jurisdiction_en"], r["value"], r["as_of"]) for r in records] == [
        ("Ningbo", "3300", None),
        ("Linyi", "1234", "2024-07-19"),
    ]
    rows = list(
        csv.DictReader(io.StringIO(run("compare", "enterprises_visited", "-f", "csv").stdout))
    )
    assert [r["text"] for r in rows] == ["3300家", "1234家"]
    assert rows[0]["as_of"] == "" and rows[1]["cumulative"] == "false"


def test_compare_keeps_only_the_kind_asked_for() -> None:
    result = run("compare", "enterprises_visited", "--kind", "target", "-f", "json")
    assert json.loads(result.stdout) == []
    table = run("compare", "enterprises_visited", "--kind", "target")
    assert table.stderr == "no programme has a figure of 'enterprises_visited'\n"


def test_compare_sets_a_programme_file_beside_the_bundled_ones() -> None:
    result = run("compare", "enterprises_visited", "--with", str(EXAMPLE_CITY))
    assert result.stdout.splitlines()[-1] == (
        "Example City  actual  860余家     (860, 870) 家    2024-01/2024-06   example-city-2024"
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
    """Same rows, same order, same figures as unitedfront.compare (which needs pyarrow)."""
    pytest.importorskip("pyarrow")
    pytest.importorskip("narwhals")
    from unitedfront import compare

    programmes = datasets.load_all()
    records = compare_records(programmes)
    metrics = sorted({r["metric"] for r in records})
    table = compare(programmes, metrics, backend="pyarrow").to_pylist()
    assert len(table) == len(records)
    for mine, theirs in zip(records, table, strict=True):
        for key, value in theirs.items():
            if isinstance(value, Decimal):
                assert Decimal(mine[key]) == value, key
            elif isinstance(value, date):
                assert mine[key] == value.isoformat(), key
            else:
                assert mine[key] == value, key


# --------------------------------------------------------------------------- coverage


def test_coverage_shows_themes_by_place() -> None:
    result = run("coverage")
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0] == "actions/measures/indicators under each theme, by place"
    assert lines[1].split() == ["theme", "Ningbo", "Shandong", "Weihai", "Linyi", "Shenzhen"]
    assert lines[2].split() == ["advice", "1/5/8", "0/0/0", "1/9/5", "1/3/10", "0/0/0"]
    assert lines[-1].split() == ["programme-wide", "-", "-", "0/0/3", "-", "-"]
    assert [line.split()[0] for line in lines[2:-1]] == [t.value for t in Theme]


def test_coverage_as_json_is_one_record_per_place_and_theme() -> None:
    records = json.loads(run("coverage", "-f", "json").stdout)
    assert all(list(r) == list(COVERAGE_COLUMNS) for r in records)
    assert len(records) == 5 * len(Theme) + 1
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


def test_the_rows_of_coverage_are_those_of_the_analysis_function() -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("narwhals")
    from unitedfront import coverage

    programmes = datasets.load_all()
    table = coverage(programmes, backend="pyarrow").to_pylist()
    assert coverage_records(programmes) == table


def test_the_columns_of_compare_and_coverage_are_those_of_the_analysis_functions() -> None:
    """CSV and JSON name the analysis functions' columns in their order; compare adds interval."""
    pytest.importorskip("pyarrow")
    pytest.importorskip("narwhals")
    from unitedfront import compare, coverage

    programmes = datasets.load_all()
    compared = compare(programmes, "enterprises_visited", backend="pyarrow").column_names
    assert list(COMPARE_COLUMNS) == [*compared[:24], "interval", *compared[24:]]
    assert compared[23] == "cumulative"
    assert list(COVERAGE_COLUMNS) == coverage(programmes, backend="pyarrow").column_names


# --------------------------------------------------------------------------- report


@pytest.fixture(scope="module")
def report() -> Any:
    return run("report")


def test_the_report_exits_0_and_fits_80_columns(report: Any) -> None:
    assert report.exit_code == EXIT_OK
    assert report.stderr == ""
    lines = report.stdout.splitlines()
    assert max(rich.cells.cell_len(line) for line in lines) <= 80
    assert lines[0].startswith("unitedfront ") and lines[0].endswith(": 5 programmes, side by side")


def test_the_report_summarises_and_validates_every_programme(report: Any) -> None:
    """A row per programme: its counts and its validation findings."""
    lines = report.stdout.splitlines()
    start = lines.index("Programmes") + 1
    header = "id kind period act mea ind omit err warn info expl"
    assert " ".join(lines[start].split()) == header
    for line, p in zip(lines[start + 1 :], datasets.load_all(), strict=False):
        r = validate(p)
        counts = [len(p.actions), len(list(p.iter_measures())), len(list(p.iter_indicators()))]
        counts += [len(p.omitted), len(r.errors), len(r.warnings), len(r.infos), len(r.explained)]
        assert line.split() == [p.id, p.kind, str(p.period), *map(str, counts)]
    indicators = sum(len(list(p.iter_indicators())) for p in datasets.load_all())
    assert lines[2].startswith(f"{indicators} figures recorded as indicators, and ")


def test_the_report_compares_every_metric_two_programmes_share(report: Any) -> None:
    """Each shared metric gets a heading and a row per figure; no other metric appears."""
    sharing: dict[str, set[str]] = {}
    for p in datasets.load_all():
        for ref in p.iter_indicators():
            if ref.indicator.metric:
                sharing.setdefault(ref.indicator.metric, set()).add(p.id)
    shared = sorted(m for m, ids in sharing.items() if len(ids) >= 2)
    text = report.stdout
    assert f"Metrics two or more programmes share: {len(shared)}\n" in text
    headings = re.findall(r"^([a-z_]+): ", text, flags=re.MULTILINE)
    assert headings == shared
    assert "\nenterprises_visited: Enterprises visited (走访企业数)\n" in text
    block = text.split("villages_paired: ")[1].splitlines()[1:3]
    assert [line.split() for line in block] == [
        ["Ningbo", "actual", "668個", "[668,", "668]", "个", "2023"],
        ["Linyi", "actual", "3702个*", "[3702,", "3702]", "个", "as", "of", "2024-07-19"],
    ]


def test_the_report_is_the_same_every_time(report: Any) -> None:
    """No dates or times of its own: the same data gives the same bytes."""
    assert run("report").stdout == report.stdout
    assert date.today().isoformat() not in report.stdout
    assert get_metric("villages_paired").name.zh in report.stdout


def test_the_report_exits_1_when_a_programme_has_an_error() -> None:
    result = run("report", "--with", str(BAD / "valid-file-unknown-metric.json"))
    assert result.exit_code == EXIT_FINDINGS
    row = next(line for line in result.stdout.splitlines() if line.startswith("  demo-2024"))
    assert row.split()[-4:] == ["1", "0", "0", "0"]


# --------------------------------------------------------------------------- extract


def test_extract_writes_a_draft_of_every_figure_to_stdout() -> None:
    result = run("extract", str(BRIEFING))
    assert result.exit_code == EXIT_OK
    draft = json.loads(result.stdout)
    text = normalize_source(BRIEFING.read_text(encoding="utf-8"))
    found = find_quantities(text)
    candidates = draft["indicators"]
    assert [c["quantity"] for c in candidates] == [m.text for m in found]
    assert [c["id"] for c in candidates] == [f"figure-{n:03d}" for n in range(1, 14)]
    assert candidates[0] == {
        "id": "figure-001",
        "name": "上半年共走访民营企业",
        "metric": None,
        "kind": "actual",
        "quantity": "860余家",
        "evidence": {"source": "example-city-briefing", "quote": "上半年共走访民营企业860余家"},
    }
    assert result.stderr == f"{BRIEFING}: 13 candidate figures\n"


def test_the_draft_has_placeholders_and_loads_once_they_are_filled(tmp_path: Path) -> None:
    """Unfilled, the draft is refused; filled, it loads and its quotes pass validation."""
    out = tmp_path / "draft.json"
    result = run("extract", str(BRIEFING), "-o", str(out))
    assert result.exit_code == EXIT_OK and result.stdout == ""
    assert result.stderr == (
        f"{BRIEFING}: 13 candidate figures written to {out}; fill every TODO value, then: "
        f"unitedfront validate {out} --source example-city-briefing={BRIEFING}\n"
    )
    draft = json.loads(out.read_text(encoding="utf-8"))
    todo = {key for key, value in draft.items() if str(value).startswith("TODO")}
    assert todo == {"id", "title", "kind", "framework", "issuer", "period"}
    assert list(draft["jurisdiction"]) == ["code", "name", "level"]
    assert all(value.startswith("TODO") for value in draft["jurisdiction"].values())
    assert draft["sources"] == [
        {"id": "example-city-briefing", "title": "TODO: the title of the source text"}
    ]
    with pytest.raises(LoadError, match=r"draft.json: id: String should match pattern"):
        load_file(out)
    filled = fill(draft)
    out.write_text(json.dumps(filled, ensure_ascii=False), encoding="utf-8")
    checked = run("validate", "-q", str(out), "--source", f"example-city-briefing={BRIEFING}")
    assert checked.exit_code == EXIT_OK
    assert checked.stdout.splitlines()[-1].startswith(f"{out}: ok: 0 errors, 0 warnings")


def fill(draft: dict[str, Any]) -> dict[str, Any]:
    """The draft with every placeholder filled."""
    place = {"code": "371700", "name": "示例市", "level": "prefecture", "parent": "370000"}
    return {
        **draft,
        "id": "example-city-2024",
        "title": "示例市工作简报",
        "kind": "report",
        "framework": "other",
        "jurisdiction": place,
        "issuer": "示例市工商联",
        "period": "2024",
        "sources": [{**draft["sources"][0], "title": "工作简报"}],
    }


def test_extract_will_not_overwrite_a_file_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "draft.json"
    out.write_text("mine", encoding="utf-8")
    message = one_line_error(run("extract", str(BRIEFING), "-o", str(out)))
    assert message == f"{out}: already exists; pass --force to overwrite it"
    assert out.read_text(encoding="utf-8") == "mine"
    assert run("extract", str(BRIEFING), "-o", str(out), "--force").exit_code == EXIT_OK
    assert json.loads(out.read_text(encoding="utf-8"))["indicators"]


def test_extract_reads_traditional_script(tmp_path: Path) -> None:
    source = tmp_path / "ningbo-note.txt"
    source.write_text("全年走訪企業３３００家，協調解決問題1500多個。", encoding="utf-8")
    draft = json.loads(run("extract", str(source)).stdout)
    assert draft["sources"][0]["id"] == "ningbo-note"
    assert [(c["name"], c["quantity"], c["evidence"]["quote"]) for c in draft["indicators"]] == [
        ("全年走访企业", "3300家", "全年走访企业3300家"),
        ("协调解决问题", "1500多个", "协调解决问题1500多个"),
    ]


def _without_opencc() -> Any:
    raise MissingExtraError("opencc", "opencc", "Converting traditional to simplified Chinese")


def test_without_opencc_traditional_text_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_normalize, "_converter", _without_opencc)
    source = tmp_path / "note.txt"
    source.write_text("全年走訪企業3300家，協調解決問題1500多個。", encoding="utf-8")
    assert one_line_error(run("extract", str(source))) == (
        f"{source}: the text is in traditional script (it has 訪, 業, 協); converting it "
        "needs the optional dependency 'opencc'; install it with: pip install "
        "'unitedfront[opencc]'"
    )


def test_without_opencc_simplified_text_reads_as_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    with_opencc = run("extract", str(BRIEFING)).stdout
    monkeypatch.setattr(_normalize, "_converter", _without_opencc)
    assert run("extract", str(BRIEFING)).stdout == with_opencc


def test_the_traditional_characters_are_never_simplified_ones() -> None:
    """Each character the fallback looks for changes under traditional-to-simplified."""
    pytest.importorskip("opencc")
    from unitedfront import to_simplified

    for char in sorted(_cli._TRADITIONAL_ONLY):
        assert to_simplified(char) != char, char
    assert not set(BRIEFING.read_text(encoding="utf-8")) & _cli._TRADITIONAL_ONLY


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\xe8\xb5\xb0\xff", "is not valid UTF-8 (byte offset 3); save the text as UTF-8"),
    ],
)
def test_extract_refuses_a_text_it_cannot_read(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "text.txt"
    if content is not None:
        path.write_bytes(content)
    assert one_line_error(run("extract", str(path))) == f"{path}: {message}"


def test_extract_reports_a_folder_it_cannot_write_to(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "draft.json"
    message = one_line_error(run("extract", str(BRIEFING), "-o", str(out)))
    assert message == f"{out}: cannot be written: No such file or directory"


_PIECES = st.one_of(
    st.sampled_from(ZH_NAMES),
    st.sampled_from(["，", "。", "、", "；", "：", " ", "“五大行动”", "2024年", "6月27日"]),
    quantities(units=("家", "个", "人次", "条", "元"), tidy=True).map(lambda q: q.text),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_every_candidate_is_quoted_and_named_within_its_text(raw: str) -> None:
    """Whatever the text: a quote per figure that holds it, found in the text, at most 40."""
    text = normalize_source(raw)
    draft = draft_programme(text, "doc")
    found = find_quantities(text)
    assert len(draft["indicators"]) == len(found)
    for n, (candidate, match) in enumerate(zip(draft["indicators"], found, strict=True)):
        quote = candidate["evidence"]["quote"]
        assert candidate["id"] == f"figure-{n + 1:03d}"
        assert match.text in quote and quote in text
        assert len(quote) <= max(40, len(match.text))
        assert candidate["name"].strip() and len(candidate["name"]) <= 24
    programme = programme_from_data(fill(draft))
    report = validate(programme, sources={"doc": raw})
    assert not {"UF201", "UF202"} & set(report.codes)


# --------------------------------------------------------------------------- schema, help


def test_schema_prints_the_shipped_json_schema() -> None:
    result = run("schema")
    shipped = files("unitedfront").joinpath("schema/programme.schema.json")
    assert result.exit_code == EXIT_OK
    assert result.stdout == shipped.read_text(encoding="utf-8")


COMMANDS = ["list", "show", "indicators", "compare", "coverage", "report", "validate"]
COMMANDS += ["extract", "schema"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help", columns=100)
    assert result.exit_code == EXIT_OK
    assert f"Example: unitedfront {command}" in result.stdout


def test_the_top_level_help_lists_every_command() -> None:
    result = run("--help", columns=100)
    listed = re.findall(r"^│ ([a-z-]+) ", result.stdout, flags=re.MULTILINE)
    assert [c for c in listed if c in COMMANDS] == COMMANDS
    assert "Start with: unitedfront report" in result.stdout


def test_no_arguments_shows_the_help() -> None:
    result = run()
    assert result.exit_code == 2
    assert "Usage: unitedfront [OPTIONS] COMMAND [ARGS]..." in result.stdout


# --------------------------------------------------------------------------- a real process


def _python_m(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unitedfront", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


def test_through_a_real_process(report: Any) -> None:
    """The report and an error, exactly as a shell sees them."""
    done = _python_m("report")
    assert done.returncode == EXIT_OK
    assert done.stdout == report.stdout
    assert done.stderr == ""
    done = _python_m("show", "weihai")
    assert done.returncode == EXIT_UNREADABLE
    assert done.stdout == ""
    assert done.stderr == unknown_message("weihai") + "\n"


# --------------------------------------------------------------------------- the docs page


def _documented_runs() -> list[Any]:
    """The ``$ unitedfront ...`` lines of docs/cli.md's console blocks and the lines shown."""
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    runs: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", page, flags=re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ unitedfront "):
                runs.append((line.removeprefix("$ unitedfront "), []))
            elif runs:
                runs[-1][1].append(line)
    return [pytest.param(command, shown, id=command) for command, shown in runs]


@pytest.mark.parametrize(("command", "shown"), _documented_runs())
def test_the_command_line_page_shows_real_output(
    command: str, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every line docs/cli.md shows under a command is a line the command prints, in order."""
    monkeypatch.chdir(ROOT)
    printed = iter(line.rstrip() for line in run(*command.split()).output.splitlines())
    for line in shown:
        if line.strip() not in ("", "..."):
            assert any(line.rstrip() == candidate for candidate in printed), line
