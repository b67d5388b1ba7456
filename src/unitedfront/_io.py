"""Reading programme files: bytes → checked text → data → a validated Programme.

:func:`load_file` reads a programme a user wrote, in JSON (``.json``), YAML (``.yaml``,
``.yml``; needs the ``yaml`` extra) or TOML (``.toml``). It trusts nothing in the file,
and either returns a valid :class:`~unitedfront.Programme` or raises
:class:`~unitedfront.errors.LoadError` naming the file and, where it applies, the line and
column (``file.json:12:7``) or the field path (``actions[2].measures[0].id``).

Limits, each refused with its own message:

- a file larger than :data:`MAX_FILE_BYTES` (16 MiB; the largest bundled programme is a
  few hundred KiB) is refused from its size on disk before it is read, and reading stops
  there too should the file grow meanwhile; anything but a regular file (a directory,
  a pipe, a device) is refused;
- the text must be UTF-8 without a byte-order mark;
- nesting deeper than :data:`MAX_DEPTH` (32 levels of mappings and lists; a programme
  needs about ten) is refused before the file is parsed, so no input can exhaust the
  parser's stack;
- a number literal longer than :data:`MAX_NUMBER_CHARS` characters, or one too large for
  a float, is refused; ``NaN`` and ``Infinity`` (JSON), ``.nan`` and ``.inf`` (YAML),
  ``nan`` and ``inf`` (TOML) are refused; a float where a figure is expected is refused
  by the model (figures are exact: write ``"3.5"`` or ``3``);
- JSON and YAML mappings may not repeat a key (keeping the last would lose data);
- YAML is read with safe loading only: anchors and aliases are refused outright (so no
  alias can multiply the data), and so is any explicit tag but the core ones (``!!str``,
  ``!!int``, ``!!float``, ``!!bool``, ``!!null``, ``!!seq``, ``!!map``); a file holds one
  document;
- the top level must be a mapping of a programme's fields.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     bad = pathlib.Path(folder, "bad.json")
...     _ = bad.write_text('{"id": "x",\\n "id": "y"}', encoding="utf-8")
...     try:
...         load_file(bad)
...     except LoadError as exc:
...         print(exc.line, exc.column, exc.message)
2 2 duplicate key 'id' (first at line 1, column 2)
"""

from __future__ import annotations

import difflib
import gc
import json
import math
import os
import re
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from pydantic import ValidationError

from unitedfront._records import ModelClass, is_model_class
from unitedfront.errors import LoadError, LoadProblem, MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from pydantic_core import ErrorDetails

    from unitedfront._model import Programme

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NUMBER_CHARS",
    "PLACEHOLDER",
    "SUFFIXES",
    "format_loc",
    "load_file",
    "programme_from_data",
]

#: Largest programme file :func:`load_file` reads, in bytes (16 MiB).
MAX_FILE_BYTES = 16 * 1024 * 1024
#: Deepest nesting of mappings and lists a programme file may have.
MAX_DEPTH = 32
#: Longest number literal, in characters, a programme file may hold.
MAX_NUMBER_CHARS = 100
#: The file suffixes :func:`load_file` reads, and the format each names.
SUFFIXES = {".json": "JSON", ".yaml": "YAML", ".yml": "YAML", ".toml": "TOML"}


def kind_by_suffix(file: str, suffixes: Mapping[str, str], takes: str) -> str:
    """The format a file's suffix names in ``suffixes``; ``LoadError`` naming the file if none.

    ``takes`` says in the message who takes which files ("a programme file ends").
    """
    suffix = Path(file).suffix.lower()
    kind = suffixes.get(suffix)
    if kind is None:
        known = ", ".join(suffixes)
        raise LoadError(
            f"has the suffix {suffix or '(none)'!r}; {takes} in one of {known}", file=file
        )
    return kind


def format_loc(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a field path: ``actions[2].measures[0].id``.

    >>> format_loc(("actions", 2, "measures", 0, "id"))
    'actions[2].measures[0].id'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_KINDS = {
    dict: "a mapping",
    list: "a list",
    str: "text",
    int: "an integer",
    float: "a float",
    bool: "a boolean",
    type(None): "null",
}


# Error types whose message is clearer with what the file gave.
_SHOW_INPUT = frozenset(
    {
        "enum",
        "literal_error",
        "string_pattern_mismatch",
        "greater_than",
        "greater_than_equal",
        "less_than",
        "less_than_equal",
    }
)


def _received(value: Any) -> str:
    """What the file gave, for a message: ``'actuals'``, ``a list``."""
    if isinstance(value, str) and len(value) <= 40:
        return repr(value)
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) <= 40:
        return str(value)
    return _KINDS.get(type(value), type(value).__name__)


#: What a value still to be filled in starts with, in a draft (``unitedfront extract``).
PLACEHOLDER = "TODO"


def _choices(expected: str) -> list[str]:
    """The values pydantic lists as expected: ``"'plan' or 'report'"`` → ``['plan', 'report']``."""
    return re.findall(r"'([^']*)'", expected)


def _closest(given: str, choices: list[str]) -> str | None:
    """The choice a mistyped value most likely meant: same but for case, spaces or dashes,
    else the nearest spelling."""
    plain = re.sub(r"[\s-]+", "_", given.strip().lower())
    if plain in choices:
        return plain
    close = difflib.get_close_matches(plain, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _model_in(annotation: Any) -> ModelClass | None:
    """The model a field's type holds: ``Action`` in ``tuple[Action, ...]``, ``Text | None``."""
    if is_model_class(annotation):
        return annotation
    for inner in get_args(annotation):
        found = _model_in(inner)
        if found is not None:
            return found
    return None


def _fields_at(loc: tuple[int | str, ...]) -> list[str]:
    """The field names of the model an unknown field was found in, by its location."""
    from unitedfront._model import Programme

    model: ModelClass | None = Programme
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if model is not None else None
        model = _model_in(field.annotation) if field is not None else None
    return list(model.model_fields) if model is not None else []


def _describe(error: ErrorDetails) -> str:
    kind = error["type"]
    given = error.get("input")
    if kind == "unexpected_keyword_argument":
        # An unknown field of a dataclass-based value (a Text, an Indicator …) is one.
        kind = "extra_forbidden"
    elif kind == "dataclass_type":
        # Worded as for the other models, so that every entity reads alike.
        kind = "model_type"
        message = error["msg"].replace(
            "a dictionary or an instance of", "a valid dictionary or instance of"
        )
        error = {**error, "msg": message}
    if kind == "extra_forbidden":
        name = error["loc"][-1] if error["loc"] else None
        close = (
            difflib.get_close_matches(name, _fields_at(error["loc"]), n=1, cutoff=0.6)
            if isinstance(name, str)
            else []
        )
        return f"unknown field; did you mean {close[0]!r}?" if close else "unknown field"
    if kind == "missing":
        return "required field missing"
    if isinstance(given, str) and given.lstrip().startswith(PLACEHOLDER):
        shown = given if len(given) <= 80 else given[:77] + "..."
        return f"still holds the placeholder {shown!r}: write the value in its place"
    expected = (error.get("ctx") or {}).get("expected")
    if kind in ("enum", "literal_error") and isinstance(given, str) and expected:
        field = next((p for p in reversed(error["loc"]) if isinstance(p, str)), "value")
        best = _closest(given, _choices(str(expected)))
        hint = f"; did you mean {best!r}?" if best is not None else ";"
        return f"unknown {field} {given!r}{hint} expected {expected}"
    message = error["msg"].removeprefix("Value error, ")
    if kind.endswith("_type") or kind in _SHOW_INPUT:
        message += f"; got {_received(given)}"
    return message


def programme_from_data(data: Any, *, file: str | None = None) -> Programme:
    """Validate already-parsed data as a programme; errors name the file and field paths.

    Every field that is wrong is reported, in one :class:`~unitedfront.errors.LoadError`
    whose ``problems`` list them in the order of the file.
    """
    from unitedfront._model import Programme

    if not isinstance(data, dict):
        kind = "null" if data is None else type(data).__name__
        raise LoadError(
            f"the top level must be a mapping of a programme's fields, not {kind}", file=file
        )
    try:
        return Programme.model_validate(data)
    except ValidationError as exc:
        problems = [
            LoadProblem(_describe(error), path=format_loc(error["loc"]) or None)
            for error in exc.errors(include_url=False)
        ]
        raise LoadError(problems[0].message, file=file, problems=problems) from None


# --------------------------------------------------------------------------- bytes and text


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _read(file: str) -> bytes:
    try:
        info = os.stat(file)
    except FileNotFoundError:
        raise LoadError("no such file", file=file) from None
    except NotADirectoryError:
        raise LoadError("no such file (a folder on its path is a file)", file=file) from None
    except PermissionError:
        raise LoadError("cannot be read: permission denied", file=file) from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise LoadError(f"cannot be read: {reason}", file=file) from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError("is a directory, not a file", file=file)
    if not stat.S_ISREG(info.st_mode):
        raise LoadError("is not a regular file", file=file)
    if info.st_size > MAX_FILE_BYTES:
        raise LoadError(
            f"is {info.st_size} bytes, more than the {MAX_FILE_BYTES} bytes (16 MiB) "
            "a programme file may have",
            file=file,
        )
    try:
        with open(file, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise LoadError(f"cannot be read: {exc.strerror or exc}", file=file) from None
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError(
            f"grew beyond the {MAX_FILE_BYTES} bytes (16 MiB) a programme file may have "
            "while it was read",
            file=file,
        )
    return raw


_BOMS = {
    b"\xef\xbb\xbf": "UTF-8",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def _decode(raw: bytes, file: str) -> str:
    for bom, encoding in _BOMS.items():
        if raw.startswith(bom):
            advice = "save the file without it" if encoding == "UTF-8" else "save it as UTF-8"
            raise LoadError(f"starts with a {encoding} byte-order mark; {advice}", file=file)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = _line_col(prefix, len(prefix))
        raise LoadError(
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save the file as UTF-8",
            file=file,
            line=line,
            column=column,
        ) from None


def _fail(message: str, file: str, text: str, offset: int) -> LoadError:
    line, column = _line_col(text, offset)
    return LoadError(message, file=file, line=line, column=column)


def _too_deep(kind: str) -> str:
    return f"{kind} nested deeper than {MAX_DEPTH} levels; no programme needs that many"


def _check_number(literal: str) -> str | None:
    """Why a number literal is refused, or None if it is fine."""
    if len(literal) > MAX_NUMBER_CHARS:
        return (
            f"holds a number {len(literal)} characters long (more than {MAX_NUMBER_CHARS}); "
            "no field takes a number that large"
        )
    if not math.isfinite(float(literal)):
        return f"holds the number {literal}, too large for any field"
    return None


# --------------------------------------------------------------------------- JSON

# One token of JSON: a string (with the colon that makes it a key), a bracket, a number
# or one of the constants Python's json module would otherwise accept. A string token
# matches even when unterminated (up to the end), so that no input makes the scan
# retry from every quote: the scan stays linear, and json.loads reports the error.
_JSON_TOKEN = re.compile(
    r'(?P<string>"[^"\\]*(?:\\[\s\S][^"\\]*)*(?:\\|"|\Z))(?P<colon>\s*:)?'
    r"|(?P<open>[\[{])|(?P<close>[\]}])"
    r"|(?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"|(?P<constant>NaN|-?Infinity)"
)


class _RefusedError(ValueError):
    """Raised from the json module's hooks; the scan has the position."""


def _scan_json(text: str, file: str) -> LoadError | None:
    """Check nesting, duplicate keys, constants and number sizes in one pass.

    Too deep a nesting is raised at once, since the json module would exhaust the stack;
    any other problem is returned, with its place, for the caller to weigh against a
    syntax error that comes earlier.
    """
    keys: list[dict[str, int] | None] = []
    for match in _JSON_TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "string" or kind == "colon":
            if match.group("colon") is None or not keys or keys[-1] is None:
                continue
            token = match.group("string")
            try:
                key = json.loads(token) if "\\" in token else token[1:-1]
            except ValueError:
                continue  # a syntax error; json.loads will say where
            seen = keys[-1]
            if key in seen:
                line, column = _line_col(text, seen[key])
                return _fail(
                    f"duplicate key {key!r} (first at line {line}, column {column})",
                    file,
                    text,
                    match.start(),
                )
            seen[key] = match.start()
        elif kind == "open":
            keys.append({} if match.group() == "{" else None)
            if len(keys) > MAX_DEPTH:
                raise _fail(_too_deep("mappings and lists"), file, text, match.start())
        elif kind == "close":
            if keys:
                keys.pop()
        elif kind == "constant":
            return _fail(
                f"holds {match.group()}, which is not a number a programme may hold",
                file,
                text,
                match.start(),
            )
        elif kind == "number":
            literal = match.group()
            # Only a long literal, or one with an exponent, can be too large.
            if len(literal) > MAX_NUMBER_CHARS or "e" in literal or "E" in literal:
                problem = _check_number(literal)
                if problem:
                    return _fail(problem, file, text, match.start())
    return None


def _refuse(*_: Any) -> Any:
    raise _RefusedError


def _json_int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARS:
        raise _RefusedError
    return int(literal)


def _json_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value) or len(literal) > MAX_NUMBER_CHARS:
        raise _RefusedError
    return value


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _RefusedError
    return data


def _load_json(text: str, file: str) -> Any:
    problem = _scan_json(text, file)
    try:
        data = json.loads(
            text,
            parse_constant=_refuse,
            parse_int=_json_int,
            parse_float=_json_float,
            object_pairs_hook=_unique_pairs,
        )
    except json.JSONDecodeError as exc:
        if problem is not None and (problem.line or 0, problem.column or 0) < (
            exc.lineno,
            exc.colno,
        ):
            raise problem from None
        raise LoadError(
            f"is not valid JSON: {exc.msg.removesuffix(' at')}",
            file=file,
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except _RefusedError:
        raise (problem or LoadError("holds a value a programme may not hold", file=file)) from None
    except RecursionError:  # pragma: no cover - the scan refuses deep nesting first
        raise LoadError(_too_deep("mappings and lists"), file=file) from None
    if problem is not None:
        raise problem
    return data


# --------------------------------------------------------------------------- YAML

_YAML_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_YAML_CORE + t for t in ("str", "int", "float", "bool", "null"))
# Implicitly resolved plain scalars may also be dates (``published: 2024-03-20``).
_RESOLVED_TAGS = _SCALAR_TAGS | {_YAML_CORE + "timestamp"}
_CORE_TAGS_ONLY = (
    "only the core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) are allowed"
)
# Characters YAML does not allow in a stream (the YAML 1.1 printable set, inverted).
_YAML_UNPRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


class _Map:
    __slots__ = ("data", "key", "where")

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.key: str | None = None
        self.where: dict[str, tuple[int, int]] = {}


def _load_yaml(text: str, file: str) -> Any:
    try:
        import yaml
    except ImportError:
        raise MissingExtraError("pyyaml", "yaml", "Reading YAML files") from None

    bad = _YAML_UNPRINTABLE.search(text)
    if bad:
        raise _fail(
            f"holds the character U+{ord(bad.group()):04X}, which YAML does not allow",
            file,
            text,
            bad.start(),
        )
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        return _build_yaml(loader, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "cannot be parsed"
        raise LoadError(
            f"is not valid YAML: {problem}",
            file=file,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise LoadError(f"is not valid YAML: {exc}", file=file) from None
    finally:
        loader.dispose()


def _build_yaml(loader: Any, file: str) -> Any:
    """Build the data from the parser's events, without recursion, anchors or aliases."""
    from yaml import events
    from yaml.nodes import ScalarNode

    def position(event: Any) -> tuple[int, int]:
        return event.start_mark.line + 1, event.start_mark.column + 1

    def fail(message: str, event: Any) -> LoadError:
        line, column = position(event)
        return LoadError(message, file=file, line=line, column=column)

    stack: list[_Map | list[Any]] = []
    root: list[Any] = []
    documents = 0

    def add(value: Any, event: Any) -> None:
        if not stack:
            root.append(value)
            return
        top = stack[-1]
        if isinstance(top, list):
            top.append(value)
            return
        assert top.key is not None
        top.data[top.key] = value
        top.key = None

    while True:
        event = loader.get_event()
        if isinstance(event, events.StreamEndEvent):
            break
        if isinstance(event, events.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise fail("holds more than one YAML document; put one programme per file", event)
            continue
        if isinstance(event, (events.StreamStartEvent, events.DocumentEndEvent)):
            continue
        if isinstance(event, events.AliasEvent):
            raise fail(
                f"uses the alias *{event.anchor}; anchors and aliases are not allowed in "
                "programme files, write the value out",
                event,
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise fail(
                f"defines the anchor &{anchor}; anchors and aliases are not allowed in "
                "programme files",
                event,
            )
        top = stack[-1] if stack else None
        expects_key = isinstance(top, _Map) and top.key is None
        if isinstance(event, events.ScalarEvent):
            tag = event.tag
            if expects_key:
                assert isinstance(top, _Map)
                if tag not in (None, "!", _YAML_CORE + "str"):
                    raise fail(f"a mapping key has the tag {tag}; keys must be text", event)
                key = event.value
                if key in top.data:
                    line, column = top.where[key]
                    raise fail(
                        f"duplicate key {key!r} (first at line {line}, column {column})", event
                    )
                top.key = key
                top.where[key] = position(event)
                continue
            if tag is None or tag == "!":
                tag = loader.resolve(ScalarNode, event.value, event.implicit)
                if tag not in _RESOLVED_TAGS:
                    tag = _YAML_CORE + "str"  # '<<' and '=' are text here
            elif tag not in _SCALAR_TAGS:
                raise fail(f"uses the tag {tag}; {_CORE_TAGS_ONLY}", event)
            if tag == _YAML_CORE + "int" or tag == _YAML_CORE + "float":
                problem = (
                    f"holds a number {len(event.value)} characters long (more than "
                    f"{MAX_NUMBER_CHARS}); no field takes a number that large"
                    if len(event.value) > MAX_NUMBER_CHARS
                    else None
                )
                if problem:
                    raise fail(problem, event)
            marks: tuple[Any, Any] = (event.start_mark, event.end_mark)
            node = ScalarNode(tag, event.value, *marks, style=event.style)
            try:
                value = loader.yaml_constructors[tag](loader, node)
            except (ValueError, IndexError, KeyError):
                kind = tag.removeprefix(_YAML_CORE)
                message = f"holds {event.value!r}, which cannot be read as !!{kind}"
                raise fail(message, event) from None
            if isinstance(value, float) and not math.isfinite(value):
                raise fail(
                    f"holds {event.value}, which is not a number a programme may hold", event
                )
            add(value, event)
        elif isinstance(event, (events.MappingStartEvent, events.SequenceStartEvent)):
            mapping = isinstance(event, events.MappingStartEvent)
            if expects_key:
                raise fail("a mapping key is itself a mapping or list; keys must be text", event)
            allowed = _YAML_CORE + ("map" if mapping else "seq")
            if event.tag not in (None, "!", allowed):
                raise fail(f"uses the tag {event.tag}; {_CORE_TAGS_ONLY}", event)
            if len(stack) >= MAX_DEPTH:
                raise fail(_too_deep("mappings and lists"), event)
            stack.append(_Map() if mapping else [])
        elif isinstance(event, (events.MappingEndEvent, events.SequenceEndEvent)):
            done = stack.pop()
            add(done.data if isinstance(done, _Map) else done, event)
    if not root:
        raise LoadError("holds no YAML document", file=file)
    return root[0]


# --------------------------------------------------------------------------- TOML

# Strings, comments and brackets of TOML: enough to measure nesting before parsing. As
# for JSON, every string alternative matches even when unterminated, keeping the scan linear.
_TOML_TOKEN = re.compile(
    r'"""[\s\S]*?(?:"""|\Z)|\'\'\'[\s\S]*?(?:\'\'\'|\Z)'
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"?|\'[^\'\n]*\'?|#[^\n]*'
    r"|(?P<open>[\[{])|(?P<close>[\]}])"
)
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _load_toml(text: str, file: str) -> Any:
    import tomllib

    depth = 0
    for match in _TOML_TOKEN.finditer(text):
        if match.lastgroup == "open":
            depth += 1
            if depth > MAX_DEPTH:
                raise _fail(_too_deep("arrays and tables"), file, text, match.start())
        elif match.lastgroup == "close":
            depth = max(0, depth - 1)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) if position else None
        column = int(position.group(2)) if position else None
        message = _TOML_POSITION.sub("", message).strip()
        raise LoadError(
            f"is not valid TOML: {message}", file=file, line=line, column=column
        ) from None
    except RecursionError:  # pragma: no cover - the scan refuses deep nesting first
        raise LoadError(_too_deep("arrays and tables"), file=file) from None
    except ValueError as exc:  # an integer beyond Python's conversion limit
        raise LoadError(f"holds a value that cannot be read: {exc}", file=file) from None


# --------------------------------------------------------------------------- data


def _check_data(data: Any, file: str) -> None:
    """Walk the parsed data without recursion: depth, and numbers that are not finite."""
    pending: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while pending:
        value, loc = pending.pop()
        if isinstance(value, dict):
            children: Any = value.items()
        elif isinstance(value, list):
            children = enumerate(value)
        else:
            if isinstance(value, float) and not math.isfinite(value):
                raise LoadError(
                    f"holds {value}, which is not a number a programme may hold",
                    file=file,
                    path=format_loc(loc) or None,
                )
            continue
        if len(loc) >= MAX_DEPTH:
            raise LoadError(_too_deep("mappings and lists"), file=file, path=format_loc(loc))
        pending.extend((child, (*loc, key)) for key, child in children)


_LOADERS: dict[str, Callable[[str, str], Any]] = {
    "JSON": _load_json,
    "YAML": _load_yaml,
    "TOML": _load_toml,
}


_pause_lock = threading.Lock()
_pauses = 0  # how many bulk loads are running now, in any thread
_resume = False  # whether the collector was running when the first of them began


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a bulk load builds its objects.

    A programme's objects hold no reference cycles, so the collector finds nothing to
    free among them, but while thousands are being built it would walk all those built so
    far again and again. Paused here and resumed in a ``finally`` however the load ends
    (an error included); left paused if it was paused already. Loads in several threads
    at once share one pause: the collector resumes when the last of them ends.
    """
    global _pauses, _resume
    with _pause_lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


def load_file(path: str | os.PathLike[str]) -> Programme:
    """Read and validate a programme from a user's JSON, YAML or TOML file.

    The format follows the suffix: ``.json``, ``.yaml`` or ``.yml`` (needs the ``yaml``
    extra), ``.toml``. The file is checked against the limits in this module's
    documentation before it is parsed. Any problem raises
    :class:`~unitedfront.errors.LoadError` naming the file and, where it applies, the line
    and column or the field path of what is wrong; a missing extra raises
    :class:`~unitedfront.errors.MissingExtraError`. The programme is validated with the
    cyclic garbage collector paused (:func:`collector_paused`).
    """
    file = os.fspath(path)
    kind = kind_by_suffix(file, SUFFIXES, "a programme file ends")
    if kind == "YAML":
        try:
            import yaml  # noqa: F401
        except ImportError:
            raise MissingExtraError("pyyaml", "yaml", "Reading YAML files") from None
    text = _decode(_read(file), file)
    data = _LOADERS[kind](text, file)
    _check_data(data, file)
    with collector_paused():
        return programme_from_data(data, file=file)
