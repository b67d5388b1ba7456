"""``unitedfront extract``: a draft programme file of every figure in a text.

The drafting itself is tested in ``test_drafting.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests._cli_helpers import BRIEFING, EXIT_OK, one_line_error, run
from unitedfront import _normalize, load_file
from unitedfront.errors import LoadError, MissingExtraError


def test_extract_writes_a_draft_of_every_figure_to_stdout() -> None:
    """The draft of the library, as JSON, and a line saying what was left open."""
    from unitedfront import draft

    result = run("extract", str(BRIEFING))
    assert result.exit_code == EXIT_OK
    record = json.loads(result.stdout)
    expected = draft(BRIEFING.read_text(encoding="utf-8"), source_id="example-city-briefing")
    assert record == json.loads(json.dumps(expected.to_dict(), ensure_ascii=False))
    first = record["indicators"][0]
    assert (first["quantity"], first["kind"], first["metric"]) == (
        "860余家",
        "actual",
        "enterprises_visited",
    )
    assert first["evidence"] == {
        "source": "example-city-briefing",
        "quote": "上半年共走访民营企业860余家",
    }
    assert result.stderr == (
        f"{BRIEFING}: 13 figures, 2 fields left open (jurisdiction, sources[0].published)\n"
    )


def test_published_dates_the_draft_and_its_relative_cues(tmp_path: Path) -> None:
    """--published is the library's published=: the source's date, and 今年以来 runs to it."""
    text = tmp_path / "briefing.txt"
    text.write_text("禹城市工商联\n今年以来，全市走访民营企业120家。\n", encoding="utf-8")
    result = run("extract", str(text), "--published", "2023-07-19")
    assert result.exit_code == EXIT_OK
    record = json.loads(result.stdout)
    assert record["sources"][0]["published"] == "2023-07-19"
    assert record["indicators"][0]["period"] == "2023-01-01/2023-07-19"
    assert "sources[0].published" not in result.stderr


def test_a_published_date_that_is_not_a_date_is_refused() -> None:
    result = run("extract", str(BRIEFING), "--published", "19 July")
    assert result.exit_code != EXIT_OK
    assert "--published" in result.stderr


def test_the_draft_leaves_open_what_the_text_does_not_give(tmp_path: Path) -> None:
    """The fictional city is not a place: it stays TODO, and the filled draft validates."""
    out = tmp_path / "draft.json"
    result = run("extract", str(BRIEFING), "-o", str(out))
    assert result.exit_code == EXIT_OK and result.stdout == ""
    assert result.stderr == (
        f"{BRIEFING}: 13 figures written to {out}, 2 fields left open (jurisdiction, "
        "sources[0].published); review them, then: unitedfront validate "
        f"{out} --source example-city-briefing={BRIEFING}\n"
    )
    record = json.loads(out.read_text(encoding="utf-8"))
    assert all(value.startswith("TODO") for value in record["jurisdiction"].values())
    with pytest.raises(LoadError, match=r"jurisdiction"):
        load_file(out)
    out.write_text(json.dumps(fill(record), ensure_ascii=False), encoding="utf-8")
    checked = run("validate", "-q", str(out), "--source", f"example-city-briefing={BRIEFING}")
    assert checked.exit_code == EXIT_OK
    assert checked.stdout.splitlines()[-1].startswith(f"{out}: ok: 0 errors")


def fill(draft: dict[str, Any]) -> dict[str, Any]:
    """The draft with its place filled."""
    place = {"code": "371700", "name": "示例市", "level": "prefecture", "parent": "370000"}
    return {**draft, "jurisdiction": place}


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
    assert [(c["quantity"], c["evidence"]["quote"]) for c in draft["indicators"]] == [
        ("3300家", "全年走访企业3300家"),
        ("1500多个", "协调解决问题1500多个"),
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
