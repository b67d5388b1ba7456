"""``unitedfront extract``: a draft programme file of every figure in a text.

The drafting itself is tested in ``test_extract.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests._cli_helpers import BRIEFING, EXIT_OK, one_line_error, run
from unitedfront import _normalize, find_quantities, load_file, normalize_source
from unitedfront.errors import LoadError, MissingExtraError


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
