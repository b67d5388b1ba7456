"""``unitedfront validate``: findings one per line or as JSON, exit codes, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pytest

from tests._cli_helpers import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    one_line_error,
    run,
)
from unitedfront import datasets, load_file, validate
from unitedfront.errors import LoadError

BAD = Path(__file__).parent / "data" / "bad"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (BAD / "expected.json").read_text(encoding="utf-8")
)
UNREADABLE = sorted(name for name, e in EXPECTED.items() if "message" in e)
INVALID = sorted(name for name, e in EXPECTED.items() if "codes" in e)

#: What the last line of a file says when no source text was given.
UNCHECKED = "checked against the source texts (give them with --source DIR)"


@pytest.fixture(scope="module")
def shandong() -> Iterator[Path]:
    resource = files("unitedfront").joinpath("data/programmes/shandong-acfic-2019.json")
    with as_file(resource) as path:
        yield path


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A small programme with one info finding (an indicator name without English)."""
    path = tmp_path / "demo.json"
    data = json.loads((BAD / "valid-file-unknown-metric.json").read_text(encoding="utf-8"))
    data["indicators"][0]["metric"] = "enterprises_visited"
    data["indicators"][0]["name"] = "走访企业"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- bad files


@pytest.mark.parametrize("name", UNREADABLE)
def test_an_unreadable_file_exits_2_with_one_line_on_stderr(name: str) -> None:
    path = str(BAD / name)
    result = run("validate", path)
    with pytest.raises(LoadError) as info:
        load_file(path)
    assert result.exit_code == EXIT_UNREADABLE
    assert result.stderr == f"{info.value}\n"
    assert result.stdout == ""
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", INVALID)
def test_a_file_with_validation_errors_exits_1(name: str) -> None:
    path = str(BAD / name)
    result = run("validate", path)
    assert result.exit_code == EXIT_FINDINGS
    codes = EXPECTED[name]["codes"]
    assert [line.split()[1] for line in result.stdout.splitlines()[:-1]] == codes
    assert result.stdout.splitlines()[-1].startswith(f"{path}: not ok: 1 error")


# --------------------------------------------------------------------------- text output


def test_a_clean_file_exits_0_with_a_summary(shandong: Path) -> None:
    result = run("validate", str(shandong))
    assert result.exit_code == EXIT_OK
    quotes = validate(load_file(shandong)).quotes
    assert (
        result.stdout
        == f"{shandong}: ok: 0 errors, 0 warnings, 0 infos; 0 of {quotes} quotes {UNCHECKED}\n"
    )


def test_each_finding_is_one_line_prefixed_with_its_file(demo: Path) -> None:
    result = run("validate", str(demo))
    assert result.exit_code == EXIT_OK
    assert result.stdout.splitlines() == [
        f"{demo}: UF601 info indicators[0].name [visits]: the indicator name '走访企业' has no "
        "English text",
        f"{demo}: ok: 0 errors, 0 warnings, 1 info; 0 of 1 quote checked against the source "
        "texts (give them with --source DIR)",
    ]


def test_quiet_leaves_out_infos(demo: Path) -> None:
    result = run("validate", "--quiet", str(demo))
    assert result.stdout.splitlines() == [
        f"{demo}: ok: 0 errors, 0 warnings, 1 info; 0 of 1 quote {UNCHECKED}"
    ]


def test_the_worst_file_decides_the_exit_code(demo: Path) -> None:
    invalid = str(BAD / "valid-file-unknown-metric.json")
    unreadable = str(BAD / "json-nan.json")
    assert run("validate", str(demo), invalid).exit_code == EXIT_FINDINGS
    result = run("validate", unreadable, invalid, str(demo))
    assert result.exit_code == EXIT_UNREADABLE
    assert f"{demo}: ok:" in result.stdout  # later files are still checked


# --------------------------------------------------------------------------- sources


def test_quotes_are_checked_against_a_source_given_by_id(demo: Path, tmp_path: Path) -> None:
    text = tmp_path / "doc.txt"
    text.write_text("全年走訪企業１２３４家。", encoding="utf-8")
    assert run("validate", "-q", str(demo), "--source", f"doc={text}").exit_code == EXIT_OK
    text.write_text("全年走访企业1235家。", encoding="utf-8")
    result = run("validate", "-q", str(demo), "--source", f"doc={text}")
    assert result.exit_code == EXIT_FINDINGS
    assert (
        f"{demo}: UF202 error indicators[0].evidence [visits]: the quote '走访企业1234家' does "
        "not occur in source 'doc'" in result.stdout
    )


def test_a_source_folder_supplies_texts_by_id(demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "doc.txt").write_bytes("\ufeff走访企业1234家".encode())  # a BOM is tolerated
    result = run("validate", str(demo), "--source-dir", str(folder))
    assert result.exit_code == EXIT_OK
    assert "UF204" not in result.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("validate", str(demo), "--source-dir", str(empty))
    assert "UF204 info sources[0] [doc]" in result.stdout


def test_a_missing_source_folder_exits_2(demo: Path, tmp_path: Path) -> None:
    result = run("validate", str(demo), "--source-dir", str(tmp_path / "none"))
    assert result.exit_code == EXIT_UNREADABLE
    assert result.stderr == f"{tmp_path / 'none'}: no such folder\n"


def test_a_malformed_source_option_is_a_usage_error(demo: Path) -> None:
    result = run("validate", str(demo), "--source", "doc")
    assert result.exit_code == 2
    assert "'doc' is neither a folder nor ID=PATH" in one_line_error(result)
    assert "Traceback" not in result.output


def test_a_missing_source_text_exits_2(demo: Path, tmp_path: Path) -> None:
    result = run("validate", str(demo), "--source", f"doc={tmp_path / 'no.txt'}")
    assert result.exit_code == EXIT_UNREADABLE
    assert result.stderr == f"{tmp_path / 'no.txt'}: no such file\n"


# --------------------------------------------------------------------------- JSON output


def test_json_output_is_one_object_per_file(demo: Path) -> None:
    bad = str(BAD / "json-duplicate-key.json")
    result = run("validate", "--format", "json", str(demo), bad)
    assert result.exit_code == EXIT_UNREADABLE
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["file"] == str(demo)
    assert first["format"] == 1 and first["ok"] is True
    assert first["counts"] == {"error": 0, "warning": 0, "info": 1, "explained": 0}
    assert [f["code"] for f in first["findings"]] == ["UF601"]
    problem = {
        "message": "duplicate key 'kind' (first at line 4, column 3)",
        "line": 5,
        "column": 3,
        "path": None,
    }
    assert second == {"file": bad, "error": {**problem, "problems": [problem]}}


def test_json_output_lists_every_problem_of_a_file(tmp_path: Path) -> None:
    """A file with three mistakes gives all three in JSON, as the text output does."""
    path = tmp_path / "city.json"
    path.write_text(
        json.dumps(
            {
                "id": "TODO",
                "title": {"zh": "某市"},
                "kind": "report",
                "framework": "other",
                "jurisdiction": {"code": "371000", "name": {"zh": "威海市"}, "level": "prefecture"},
                "period": {"start": "2024-01-01", "end": "2024-12-31"},
                "actions": [{"id": "a", "name": {"zh": "甲"}, "theme": "privat_economy"}],
                "sources": [{"id": "s", "title": "t", "publisher": "p", "script": "zh-Hans"}],
            }
        ),
        encoding="utf-8",
    )
    result = run("validate", "--format", "json", str(path))
    assert result.exit_code == EXIT_UNREADABLE
    error = json.loads(result.stdout)["error"]
    paths = [p["path"] for p in error["problems"]]
    assert paths == ["id", "issuer", "actions[0].theme"]
    assert error["path"] == "id"
    assert "did you mean 'private_economy'" in error["problems"][2]["message"]


def test_python_dash_m_runs_the_command_line(demo: Path) -> None:
    """Once through a real process: exit codes and streams as a shell sees them."""
    bad = str(BAD / "yaml-alias-bomb.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "unitedfront", "validate", str(demo), bad],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == EXIT_UNREADABLE
    assert done.stderr == (
        f"{bad}:1:4: defines the anchor &a; anchors and aliases are not allowed in programme "
        "files\n"
    )
    assert (
        done.stdout.splitlines()[-1]
        == f"{demo}: ok: 0 errors, 0 warnings, 1 info; 0 of 1 quote {UNCHECKED}"
    )
    done = subprocess.run(
        [sys.executable, "-m", "unitedfront", "validate", "-f", "json", str(demo)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == EXIT_OK
    assert json.loads(done.stdout)["programme"] == "demo-2024"


# --------------------------------------------------------------------------- quotes checked


def test_without_sources_the_last_line_says_no_quote_was_checked_and_how(demo: Path) -> None:
    result = run("validate", str(demo))
    assert result.stdout.splitlines()[-1].endswith(
        "; 0 of 1 quote checked against the source texts (give them with --source DIR)"
    )


def test_with_a_folder_of_sources_the_last_line_says_how_many_were_checked(
    demo: Path, tmp_path: Path
) -> None:
    """The texts are matched to the sources by file stem; the count is the report's."""
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "doc.md").write_text("全年走访企业1234家。", encoding="utf-8")
    (folder / "other.txt").write_text("不相干", encoding="utf-8")
    result = run("validate", str(demo), "--source", str(folder))
    assert result.exit_code == EXIT_OK
    assert result.stdout.splitlines()[-1] == (
        f"{demo}: ok: 0 errors, 0 warnings, 1 info; 1 of 1 quote checked against the source texts"
    )
    report = validate(load_file(demo), sources={"doc": "全年走访企业1234家。"})
    assert (report.quotes, report.quotes_checked) == (1, 1)


def test_the_json_line_carries_the_quote_counts(demo: Path, tmp_path: Path) -> None:
    text = tmp_path / "doc.txt"
    text.write_text("全年走访企业1234家。", encoding="utf-8")
    unchecked = json.loads(run("validate", "-f", "json", str(demo)).stdout)
    checked = json.loads(run("validate", "-f", "json", str(demo), "-s", f"doc={text}").stdout)
    assert unchecked["quotes"] == {"total": 1, "checked": 0}
    assert checked["quotes"] == {"total": 1, "checked": 1}


def test_two_texts_for_one_source_in_a_folder_are_refused(demo: Path, tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("走访企业1234家", encoding="utf-8")
    (tmp_path / "doc.md").write_text("走访企业1234家", encoding="utf-8")
    message = one_line_error(run("validate", str(demo), "--source", str(tmp_path)))
    assert message == f"{tmp_path}: two texts for source 'doc' (doc.md, doc.txt); keep one"


@pytest.mark.parametrize("id", ["linyi-2024", "Linyi-2024"])
def test_a_dataset_id_validates_the_bundled_dataset(id: str) -> None:
    programme = datasets.load(id)
    result = run("validate", id)
    assert result.exit_code == EXIT_OK
    quotes = validate(programme).quotes
    assert (
        result.stdout
        == f"{id}: ok: 0 errors, 0 warnings, 0 infos; 0 of {quotes} quotes {UNCHECKED}\n"
    )


def test_a_name_that_is_neither_a_file_nor_a_dataset_says_so(tmp_path: Path) -> None:
    message = one_line_error(run("validate", "linyi"))
    assert message.startswith("no bundled dataset 'linyi'. Did you mean 'linyi-2024'?")
    assert "suffix" not in message
