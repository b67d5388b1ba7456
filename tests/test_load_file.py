"""load_file(): a user's JSON, YAML or TOML file becomes a programme, or a precise LoadError.

``tests/data/bad/`` holds malformed files; ``expected.json`` gives for each the message,
line, column and field path it must fail with, or, for a file that reads but does not
validate, the rule codes ``validate`` must report.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pytest

from unitedfront import LoadError, MissingExtraError, Programme, _io, datasets, load_file, validate

BAD = Path(__file__).parent / "data" / "bad"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (BAD / "expected.json").read_text(encoding="utf-8")
)
UNREADABLE = sorted(name for name, e in EXPECTED.items() if "message" in e)
INVALID = sorted(name for name, e in EXPECTED.items() if "codes" in e)


def test_the_bad_files_and_their_expectations_match() -> None:
    """Every file in tests/data/bad has an expectation, and there are at least 30."""
    on_disk = {p.name for p in BAD.iterdir() if p.name != "expected.json"}
    assert on_disk == set(EXPECTED)
    assert len(UNREADABLE) >= 30


@pytest.mark.parametrize("name", UNREADABLE)
def test_a_bad_file_fails_with_its_message_and_place(name: str) -> None:
    expected = EXPECTED[name]
    path = BAD / name
    with pytest.raises(LoadError) as info:
        load_file(path)
    error = info.value
    assert expected["message"] in error.message
    assert (error.line, error.column, error.path) == (
        expected["line"],
        expected["column"],
        expected["path"],
    )
    assert error.file == str(path)
    assert str(error).startswith(
        str(path) + (f":{error.line}:{error.column}: " if error.line else ": ")
    )


@pytest.mark.parametrize("name", INVALID)
def test_a_file_that_reads_but_does_not_validate_gives_its_findings(name: str) -> None:
    report = validate(load_file(BAD / name))
    assert not report.ok
    assert list(report.codes) == EXPECTED[name]["codes"]


# --------------------------------------------------------------------------- good files


@pytest.fixture(params=datasets.available())
def dataset_file(request: pytest.FixtureRequest) -> Iterator[tuple[str, Path]]:
    resource = files("unitedfront").joinpath(f"data/programmes/{request.param}.json")
    with as_file(resource) as path:
        yield str(request.param), path


def test_every_bundled_dataset_reads_through_the_strict_loader(
    dataset_file: tuple[str, Path],
) -> None:
    id, path = dataset_file
    assert load_file(path) == datasets.load(id)


def test_a_programme_reads_the_same_from_yaml(
    dataset_file: tuple[str, Path], tmp_path: Path
) -> None:
    import yaml

    id, _ = dataset_file
    programme = datasets.load(id)
    target = tmp_path / f"{id}.yaml"
    target.write_text(
        yaml.safe_dump(programme.model_dump(mode="json"), allow_unicode=True), encoding="utf-8"
    )
    assert load_file(target) == programme


def test_yaml_and_toml_take_dates_quantities_and_the_yml_suffix(tmp_path: Path) -> None:
    yaml_text = (
        "id: demo-2024\ntitle: 示例\nkind: plan\nframework: other\n"
        "jurisdiction: {code: '370000', name: 山东省, level: province}\n"
        "issuer: 省工商联\nperiod: 2024\n"
        "sources: [{id: doc, title: 原文, published: 2024-03-20}]\n"
        "indicators:\n  - {id: n, name: 建议, kind: actual, quantity: 470余条,\n"
        "     evidence: {source: doc, quote: 建议470余条}}\n"
    )
    toml_text = (
        'id = "demo-2024"\ntitle = "示例"\nkind = "plan"\nframework = "other"\n'
        'issuer = "省工商联"\nperiod = 2024\n'
        'jurisdiction = {code = "370000", name = "山东省", level = "province"}\n'
        '[[sources]]\nid = "doc"\ntitle = "原文"\npublished = 2024-03-20\n'
        '[[indicators]]\nid = "n"\nname = "建议"\nkind = "actual"\nquantity = "470余条"\n'
        'evidence = {source = "doc", quote = "建议470余条"}\n'
    )
    (tmp_path / "a.yml").write_text(yaml_text, encoding="utf-8")
    (tmp_path / "a.TOML").write_text(toml_text, encoding="utf-8")
    from_yaml = load_file(tmp_path / "a.yml")
    from_toml = load_file(str(tmp_path / "a.TOML"))
    assert from_yaml == from_toml
    assert str(from_yaml.sources[0].published) == "2024-03-20"
    assert str(from_yaml.indicators[0].quantity.interval) == "(470, 480) 条"


# --------------------------------------------------------------------------- limits


def _nested_notes(depth: int) -> str:
    """A programme whose notes nest lists so that the deepest list sits at ``depth``."""
    base = json.loads((BAD / "valid-file-unknown-metric.json").read_text(encoding="utf-8"))
    text = json.dumps(base, ensure_ascii=False)
    lists = depth - 2  # the top-level mapping and the notes list itself
    return text[:-1] + ', "notes": [' + "[" * lists + "]" * lists + "]}"


def test_nesting_up_to_the_limit_reaches_the_model(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(_nested_notes(_io.MAX_DEPTH), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_file(path)
    assert info.value.path is not None and info.value.path.startswith("notes[0]")


def test_nesting_beyond_the_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(_nested_notes(_io.MAX_DEPTH + 1), encoding="utf-8")
    with pytest.raises(LoadError, match="nested deeper than 32 levels"):
        load_file(path)


def test_a_file_over_the_size_limit_is_refused_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:  # sparse: takes no space on disk
        handle.truncate(_io.MAX_FILE_BYTES + 1)

    def no_reading(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(_io, "open", no_reading, raising=False)
    with pytest.raises(LoadError) as info:
        load_file(path)
    assert info.value.message == (
        "is 16777217 bytes, more than the 16777216 bytes (16 MiB) a programme file may have"
    )


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc")
def test_a_file_that_grows_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/proc files report size 0 but hold text: reading stops at the limit all the same."""
    monkeypatch.setattr(_io, "MAX_FILE_BYTES", 10)
    link = tmp_path / "status.json"
    link.symlink_to("/proc/self/status")
    with pytest.raises(LoadError, match="grew beyond the 10 bytes"):
        load_file(link)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_file(tmp_path / "nowhere.json")
    assert str(info.value) == f"{tmp_path / 'nowhere.json'}: no such file"


def test_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(LoadError, match="is a directory, not a file"):
        load_file(folder)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_rather_than_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(LoadError, match="is not a regular file"):
        load_file(pipe)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(LoadError, match="cannot be read: permission denied"):
            load_file(path)
    finally:
        path.chmod(0o600)


def test_a_path_with_a_nul_character() -> None:
    with pytest.raises(LoadError, match="cannot be read"):
        load_file("bad\0name.json")


def test_yaml_without_its_extra_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("id: x\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'unitedfront\[yaml\]'"):
        load_file(path)


def test_a_duplicate_key_names_both_places(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"id": "a",\n "title": "x",\n "id": "b"}', encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_file(path)
    assert str(info.value) == f"{path}:3:2: duplicate key 'id' (first at line 1, column 2)"


def test_a_syntax_error_before_a_duplicate_key_is_reported_first(tmp_path: Path) -> None:
    path = tmp_path / "both.json"
    path.write_text('{"id": "a" "x": 1,\n "id": "b"}', encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_file(path)
    assert (info.value.line, info.value.column) == (1, 12)
    assert info.value.message == "is not valid JSON: Expecting ',' delimiter"


def test_loading_returns_a_programme() -> None:
    programme = load_file(BAD / "valid-file-unknown-metric.json")
    assert isinstance(programme, Programme)
    assert programme.indicators[0].metric == "enterprises_visitd"


# --------------------------------------------------------------------------- the collector


def _collector_while_validating(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    seen: list[bool] = []
    validate_data = _io.programme_from_data

    def watched(data: Any, *, file: str | None = None) -> Programme:
        seen.append(gc.isenabled())
        return validate_data(data, file=file)

    monkeypatch.setattr(_io, "programme_from_data", watched)
    return seen


def test_the_collector_is_paused_while_a_file_is_validated_and_resumed_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = _collector_while_validating(monkeypatch)
    assert gc.isenabled()
    with as_file(files("unitedfront").joinpath("data/programmes/linyi-2024.json")) as path:
        load_file(path)
    with pytest.raises(LoadError):
        load_file(Path(__file__).parent / "data" / "bad" / "json-bad-enum.json")
    assert seen == [False, False]
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    try:
        with _io.collector_paused(), _io.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(RuntimeError), _io.collector_paused():
        raise RuntimeError
    assert gc.isenabled()
