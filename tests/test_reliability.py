"""Reliability: thread safety, immutability, deterministic output, and hostile input.

- Concurrency: the bundled programmes load correctly when many threads ask at once.
- Immutability: a loaded programme cannot be changed, at any depth.
- Determinism: every output (JSON, reports, frames written to files, the command line)
  is the same bytes on every run, whatever ``PYTHONHASHSEED`` is.
- Security: a dataset id is never a path, YAML is read with safe loading only, the file
  limits hold, and the source has no unsafe calls (eval, pickle, shell=True …).
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import dataclasses
import hashlib
import io
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st
from pydantic import BaseModel, ValidationError

from unitedfront import (
    Programme,
    datasets,
    find_quantities,
    load_file,
    normalize_source,
    parse_quantity,
    strip_pinyin,
    to_simplified,
    validate,
    write,
)
from unitedfront._io import MAX_DEPTH, MAX_FILE_BYTES, MAX_NUMBER_CHARS
from unitedfront._normalize import fold_width
from unitedfront._records import Record
from unitedfront.errors import (
    LoadError,
    NotTextError,
    QuantityParseError,
    UnknownDatasetError,
)

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "unitedfront"
PACKAGE_DATA = Path(str(files("unitedfront").joinpath("data"))).resolve()


def _packaged_bytes(id: str) -> bytes:
    return files("unitedfront").joinpath("data", "programmes", f"{id}.json").read_bytes()


def _fresh(id: str) -> Programme:
    return Programme.model_validate_json(_packaged_bytes(id))


# --------------------------------------------------------------------------- concurrency


def test_sixteen_threads_loading_at_once_get_one_equal_unmutated_programme_per_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(datasets, "_cache", {})  # every thread races the first load
    ids = datasets.available()
    barrier = threading.Barrier(16)
    results: list[dict[str, Programme]] = [{} for _ in range(16)]
    errors: list[BaseException] = []

    def work(slot: int) -> None:
        try:
            barrier.wait()
            # Each thread walks the ids from a different place, so loads overlap.
            for k in range(len(ids)):
                id = ids[(slot + k) % len(ids)]
                results[slot][id] = datasets.load(id)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    for id in ids:
        fresh = _fresh(id)
        loaded = [result[id] for result in results]
        assert all(programme is loaded[0] for programme in loaded), id
        assert loaded[0] == fresh
        assert loaded[0].model_dump_json() == fresh.model_dump_json()


# --------------------------------------------------------------------------- immutability


def _frozen_error(model: BaseModel | Record, field: str, value: Any) -> None:
    if isinstance(model, Record):  # a frozen dataclass: the values a programme holds
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(model, field, value)
        return
    with pytest.raises(ValidationError) as caught:
        setattr(model, field, value)
    assert [error["type"] for error in caught.value.errors()] == ["frozen_instance"]


def test_no_field_of_a_loaded_programme_can_be_assigned_at_any_depth() -> None:
    programme = datasets.load("linyi-2024")
    action = programme.actions[0]
    measure = next(m for a in programme.actions for m in a.measures if m.indicators)
    indicator = measure.indicators[0]
    quantity = indicator.quantity
    before = programme.model_dump_json()

    _frozen_error(programme, "id", "changed-2024")
    _frozen_error(programme, "actions", ())
    _frozen_error(programme.jurisdiction, "code", "000000")
    _frozen_error(action, "id", "changed")
    _frozen_error(measure, "indicators", ())
    _frozen_error(indicator, "quantity", quantity)
    _frozen_error(quantity, "value", Decimal(1))
    _frozen_error(quantity, "unit", "元")
    _frozen_error(indicator.evidence, "quote", "")
    _frozen_error(indicator.name, "zh", "改")
    with pytest.raises(AttributeError):
        object.__setattr__(indicator, "colour", "red")  # no __dict__ to add a field to
    with pytest.raises(AttributeError):
        programme.actions.append(action)  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        programme.actions[0] = action  # type: ignore[index]
    assert programme.model_dump_json() == before


def _containers(value: Any, path: str) -> Iterator[tuple[str, type]]:
    """(path, type) of every list, dict or set anywhere inside a model."""
    if isinstance(value, BaseModel | Record):
        for name in type(value).model_fields:
            yield from _containers(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _containers(item, f"{path}[{i}]")
    elif isinstance(value, (list, dict, set, bytearray)):
        yield path, type(value)


@pytest.mark.parametrize("id", datasets.available())
def test_every_collection_in_a_bundled_programme_is_a_tuple(id: str) -> None:
    programme = datasets.load(id)
    assert type(programme.actions) is tuple
    assert all(type(a.measures) is tuple for a in programme.actions)
    assert list(_containers(programme, id)) == []


# --------------------------------------------------------------------------- determinism

CLI_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("report",),
    ("list",),
    ("indicators", "linyi-2024", "--format", "json"),
    ("compare", "enterprises_visited", "--format", "json"),
)


def _run_cli(argv: tuple[str, ...]) -> tuple[int, str]:
    from unitedfront._cli import main

    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n", write_through=True)
    code = 0
    with contextlib.redirect_stdout(stream):
        try:
            main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    stream.flush()
    return code, hashlib.sha256(buffer.getvalue()).hexdigest()


def _outputs() -> dict[str, Any]:
    """A digest of every output the library writes, for the bundled programmes."""
    out: dict[str, Any] = {}
    programmes = datasets.load_all()
    for programme in programmes:
        out[f"{programme.id}.json"] = programme.model_dump_json()
        out[f"{programme.id}.report"] = validate(programme).to_json()
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".csv", ".jsonl", ".parquet"):
            for path in write(programmes, Path(folder, f"frame{suffix}")):
                out[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    for argv in CLI_COMMANDS:
        out[" ".join(argv)] = _run_cli(argv)
    return out


def _cli_env(hash_seed: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "PYTHONPATH"}
    }
    env.update(PYTHONHASHSEED=hash_seed, COLUMNS="100", LINES="50", PYTHONIOENCODING="utf-8")
    return env


_CHILD = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); "
    "from tests.test_reliability import _outputs; "
    "print(json.dumps(_outputs(), sort_keys=True))"
)


@pytest.mark.slow
def test_outputs_are_the_same_bytes_on_every_run_and_hash_seed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in _cli_env("0").items():
        monkeypatch.setenv(name, value)
    first = _outputs()
    assert _outputs() == first
    exit_codes, digests = zip(*(first[" ".join(argv)] for argv in CLI_COMMANDS), strict=True)
    assert exit_codes == (0, 0, 0, 0)
    assert hashlib.sha256(b"").hexdigest() not in digests
    expected = json.loads(json.dumps(first, sort_keys=True))
    for seed in ("0", "1", "12345"):
        child = subprocess.run(
            [sys.executable, "-c", _CHILD, str(ROOT)],
            capture_output=True,
            cwd=ROOT,
            env=_cli_env(seed),
            check=False,
        )
        assert child.returncode == 0, child.stderr.decode()
        assert json.loads(child.stdout) == expected, f"PYTHONHASHSEED={seed}"


@pytest.mark.slow
@pytest.mark.parametrize("argv", CLI_COMMANDS, ids=" ".join)
def test_the_console_script_prints_the_same_bytes_whatever_the_hash_seed(
    argv: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in _cli_env("0").items():
        monkeypatch.setenv(name, value)
    in_process = _run_cli(argv)
    for seed in ("0", "1", "12345"):
        child = subprocess.run(
            [sys.executable, "-m", "unitedfront", *argv],
            capture_output=True,
            cwd=ROOT,
            env=_cli_env(seed),
            check=False,
        )
        assert (child.returncode, hashlib.sha256(child.stdout).hexdigest()) == in_process, (
            f"PYTHONHASHSEED={seed}: {child.stderr.decode()}"
        )
    assert in_process[1] != hashlib.sha256(b"").hexdigest()


# --------------------------------------------------------------------------- dataset ids

HOSTILE_IDS: tuple[object, ...] = (
    "../linyi-2024",
    "../../../../etc/passwd",
    "linyi-2024/../linyi-2024",
    "programmes/linyi-2024",
    "./linyi-2024",
    "/etc/passwd",
    str(PACKAGE_DATA / "programmes" / "linyi-2024.json"),
    "linyi-2024.json",
    "linyi-2024\x00",
    "linyi-2024\x00.json",
    "%2e%2e%2flinyi-2024",
    "..%2F..%2Fetc%2Fpasswd",
    "..\\..\\windows\\win.ini",
    "C:\\Windows\\win.ini",
    "file:///etc/passwd",
    "~/linyi-2024",
    "linyi\u20132024",
    "ｌｉｎｙｉ-2024",
    "",
    "a" * 100_000,
    "-" * 300,
    None,
    2024,
    b"linyi-2024",
    Path("linyi-2024"),
    ("linyi-2024",),
)


@contextlib.contextmanager
def _recording_opens(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record the path of every file opened through open(), io.open, Path.open, os.open."""
    opened: list[str] = []
    real_open, real_os_open, real_path_open = builtins.open, os.open, pathlib.Path.open

    def spy_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(os.fsdecode(file) if isinstance(file, (str, bytes, Path)) else repr(file))
        return real_open(file, *args, **kwargs)

    def spy_os_open(path: Any, *args: Any, **kwargs: Any) -> int:
        opened.append(os.fsdecode(path))
        return real_os_open(path, *args, **kwargs)

    def spy_path_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(self))
        return real_path_open(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    monkeypatch.setattr(pathlib.Path, "open", spy_path_open)
    yield opened


@pytest.mark.parametrize("id", HOSTILE_IDS, ids=lambda id: repr(id)[:40])
def test_a_dataset_id_is_never_a_path(id: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(datasets, "_cache", {})
    with _recording_opens(monkeypatch) as opened:
        with pytest.raises(UnknownDatasetError, match=r"^no bundled dataset .*Available: "):
            datasets.load(id)
        with pytest.raises(UnknownDatasetError, match=r"^no bundled dataset .*Available: "):
            datasets.card(id)
    assert opened == []


@pytest.mark.parametrize("id", [["linyi-2024"], {"id": "linyi-2024"}, {"linyi-2024"}], ids=repr)
def test_an_unhashable_dataset_id_is_an_unknown_dataset(id: Any) -> None:
    with pytest.raises(UnknownDatasetError):
        datasets.load(id)


def test_loading_a_dataset_opens_only_files_inside_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(datasets, "_cache", {})
    with _recording_opens(monkeypatch) as opened:
        for id in datasets.available():
            datasets.load(id.upper())
            datasets.card(f"  {id}  ")
    assert opened
    for path in opened:
        assert Path(path).resolve().is_relative_to(PACKAGE_DATA), path


# --------------------------------------------------------------------------- YAML

UNSAFE_YAML = (
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/object:pathlib.Path {{}}",
    "!!python/name:os.system",
    "!!python/module:os",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
    "!!binary aGVsbG8=",
    "!!set {{a, b}}",
)


@pytest.mark.parametrize("value", UNSAFE_YAML)
def test_yaml_with_a_python_tag_is_refused_and_nothing_runs(value: str, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    file = tmp_path / "programme.yaml"
    file.write_text(f"id: demo-2024\ntitle: {value.format(marker=marker)}\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_file(file)
    error = caught.value
    assert (error.file, error.line, error.column) == (str(file), 2, 8)
    assert "uses the tag tag:yaml.org,2002:" in error.message
    assert error.message.endswith(
        "only the core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) are allowed"
    )
    assert not marker.exists()


def test_yaml_is_read_without_any_unsafe_loader(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import yaml

    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("an unsafe YAML loader was used")

    for name in ("Loader", "UnsafeLoader", "FullLoader", "CLoader", "CUnsafeLoader", "CFullLoader"):
        if hasattr(yaml, name):
            monkeypatch.setattr(yaml, name, refuse)
    for name in ("load", "load_all", "unsafe_load", "full_load", "unsafe_load_all"):
        monkeypatch.setattr(yaml, name, refuse)
    data = json.loads(_packaged_bytes("ningbo-acfic-2023"))
    file = tmp_path / "programme.yaml"
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert load_file(file) == datasets.load("ningbo-acfic-2023")


@pytest.mark.parametrize("value", ["!!int", '!!int ""', "!!int +", "!!float _", "!!bool x"])
def test_a_core_tag_on_a_value_it_cannot_hold_is_a_load_error(value: str, tmp_path: Path) -> None:
    file = tmp_path / "programme.yaml"
    file.write_text(f"id: {value}\n", encoding="utf-8")
    with pytest.raises(LoadError, match="which cannot be read as !!") as caught:
        load_file(file)
    assert (caught.value.line, caught.value.column) == (1, 5)


# --------------------------------------------------------------------------- limits


def test_the_documented_limits_have_their_values() -> None:
    assert (MAX_FILE_BYTES, MAX_DEPTH, MAX_NUMBER_CHARS) == (16 * 1024 * 1024, 32, 100)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    file = tmp_path / "big.json"
    with file.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no 16 MiB written
    with _recording_opens(monkeypatch) as opened, pytest.raises(LoadError) as caught:
        load_file(file)
    assert caught.value.message == (
        "is 16777217 bytes, more than the 16777216 bytes (16 MiB) a programme file may have"
    )
    assert opened == []


def _nested(suffix: str, depth: int) -> str:
    if suffix == ".json":
        return '{"id": ' + "[" * depth + "]" * depth + "}"
    if suffix == ".yaml":
        return "id: " + "[" * depth + "]" * depth + "\n"
    return "id = " + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".toml"])
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000])
def test_nesting_deeper_than_the_limit_is_refused_without_exhausting_the_stack(
    suffix: str, depth: int, tmp_path: Path
) -> None:
    file = tmp_path / f"deep{suffix}"
    file.write_text(_nested(suffix, depth), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_file(file)
    assert f"nested deeper than {MAX_DEPTH} levels; no programme needs that many" in str(
        caught.value
    )


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".toml"])
def test_nesting_at_the_limit_is_not_refused_for_its_depth(suffix: str, tmp_path: Path) -> None:
    file = tmp_path / f"deep{suffix}"
    file.write_text(_nested(suffix, MAX_DEPTH - 1), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_file(file)
    assert "nested deeper" not in str(caught.value)


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (".json", '{"id": ' + "9" * (MAX_NUMBER_CHARS + 1) + "}"),
        (".yaml", "id: " + "9" * (MAX_NUMBER_CHARS + 1) + "\n"),
    ],
)
def test_a_number_longer_than_the_limit_is_refused(suffix: str, text: str, tmp_path: Path) -> None:
    file = tmp_path / f"number{suffix}"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_file(file)
    assert caught.value.message == (
        f"holds a number {MAX_NUMBER_CHARS + 1} characters long (more than "
        f"{MAX_NUMBER_CHARS}); no field takes a number that large"
    )


def test_a_link_to_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    file = tmp_path / "endless.json"
    file.symlink_to("/dev/zero")
    with pytest.raises(LoadError) as caught:
        load_file(file)
    assert caught.value.message == "is not a regular file"


_TOKENS = (
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "=",
    "- ",
    "\n",
    '"id"',
    "id",
    '"x"',
    "'x'",
    "null",
    "NaN",
    "1e999",
    ".nan",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!!str ",
    "---\n",
    '"""',
    "[[",
    "]]",
    "\ufeff",
    "\x00",
    "9" * 120,
)


TEXT_FUNCTIONS = {
    "find_quantities": find_quantities,
    "normalize_source": normalize_source,
    "strip_pinyin": strip_pinyin,
    "to_simplified": to_simplified,
    "fold_width": fold_width,
}


@pytest.mark.parametrize("name", TEXT_FUNCTIONS)
@pytest.mark.parametrize(
    "value", [None, b"1234\xe5\xae\xb6", 1234, Decimal("12"), ["1234家"]], ids=repr
)
def test_a_text_function_given_something_else_says_so_with_its_own_error(
    name: str, value: Any
) -> None:
    with pytest.raises(NotTextError, match=rf"^{name} expects text \(str\), got ") as caught:
        TEXT_FUNCTIONS[name](value)
    assert isinstance(caught.value, TypeError)  # what Python code expects of a wrong type


def test_parse_quantity_given_something_else_says_so_as_a_parse_error() -> None:
    with pytest.raises(QuantityParseError, match="expected text, got bytes"):
        parse_quantity(b"1234")  # type: ignore[arg-type]  # what an untyped caller may do


@settings(max_examples=150, deadline=None)
@given(
    suffix=st.sampled_from([".json", ".yaml", ".yml", ".toml"]),
    body=st.one_of(
        st.binary(max_size=200),
        st.lists(st.sampled_from(_TOKENS), max_size=40).map(lambda t: "".join(t).encode()),
    ),
)
def test_any_file_content_gives_a_programme_or_a_load_error(suffix: str, body: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder, f"programme{suffix}")
        file.write_bytes(body)
        outcome: Programme | LoadError
        try:
            outcome = load_file(file)
        except LoadError as exc:
            outcome = exc
    if isinstance(outcome, LoadError):
        assert outcome.file == str(file)
        assert str(outcome).startswith(f"{file}")
    else:
        assert isinstance(outcome, Programme)


# --------------------------------------------------------------------------- the source


def _call_name(node: ast.Call) -> str:
    """The dotted name a call is made through: ``yaml.load``, ``eval``, ``a.b.c``."""
    parts: list[str] = []
    func: ast.expr = node.func
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name):
        parts.append(func.id)
    return ".".join(reversed(parts))


_BANNED_CALLS = frozenset(
    {
        "eval",
        "exec",
        "compile",
        "__import__",
        "yaml.load",
        "yaml.load_all",
        "yaml.unsafe_load",
        "yaml.unsafe_load_all",
        "yaml.full_load",
        "yaml.full_load_all",
        "os.system",
        "os.popen",
        "os.execv",
        "os.execvp",
        "os.spawnl",
        "pickle.load",
        "pickle.loads",
        "marshal.loads",
        "shelve.open",
    }
)
_BANNED_MODULES = frozenset({"pickle", "cPickle", "dill", "marshal", "shelve", "subprocess"})
_BANNED_NAMES = frozenset({"Loader", "UnsafeLoader", "FullLoader", "CLoader", "CUnsafeLoader"})


def _unsafe(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in _BANNED_MODULES:
                    yield node.lineno, f"import {alias.name}"
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[0] in _BANNED_MODULES:
                yield node.lineno, f"from {node.module} import"
        elif isinstance(node, ast.Call):
            name = _call_name(node)
            if name in _BANNED_CALLS:
                yield node.lineno, f"{name}()"
            if any(
                k.arg == "shell" and not (isinstance(k.value, ast.Constant) and not k.value.value)
                for k in node.keywords
            ):
                yield node.lineno, f"{name}(shell=...)"
            if name == "getattr" and len(node.args) > 1:
                attribute = node.args[1]
                if isinstance(attribute, ast.Constant) and attribute.value in (
                    _BANNED_NAMES | _BANNED_CALLS
                ):
                    yield node.lineno, f"getattr(..., {attribute.value!r})"
            if name.endswith("import_module") and not (
                node.args and isinstance(node.args[0], (ast.Constant, ast.JoinedStr, ast.Subscript))
            ):
                yield node.lineno, f"{name}() of a computed name"
        elif isinstance(node, ast.Attribute) and node.attr in _BANNED_NAMES:
            yield node.lineno, f".{node.attr}"


def test_the_source_makes_no_unsafe_call() -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}: {what}"
        for path in sorted(SRC.rglob("*.py"))
        for line, what in _unsafe(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_the_lazy_imports_come_only_from_fixed_tables() -> None:
    import unitedfront

    # import_module is given a name from _EXPORTS or _SUBMODULES only, never user text.
    assert set(unitedfront._EXPORTS.values()) <= {
        f"unitedfront.{p.stem}" for p in SRC.glob("*.py")
    } | {"unitedfront._analysis"}
    with pytest.raises(AttributeError, match="has no attribute 'os'"):
        _ = unitedfront.os
    with pytest.raises(AttributeError):
        _ = getattr(unitedfront, "../_io")


@pytest.mark.parametrize(
    "source",
    [
        "eval(text)",
        "exec(code)",
        "import pickle",
        "from marshal import loads",
        "yaml.load(text, Loader=yaml.Loader)",
        "subprocess.run(cmd, shell=True)",
        "run(cmd, shell=flag)",
        "__import__(name)",
        "importlib.import_module(name)",
        "os.system(cmd)",
        "getattr(yaml, 'UnsafeLoader')",
        "getattr(builtins, 'eval')",
    ],
)
def test_the_source_check_sees_each_unsafe_form(source: str) -> None:
    assert list(_unsafe(ast.parse(source))) != []
