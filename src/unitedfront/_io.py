"""Reading programme files: bytes → checked text → data → a validated Programme."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from unitedfront.errors import LoadError

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from unitedfront._model import Programme

__all__ = ["format_loc", "load_file", "programme_from_data"]


def format_loc(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a field path: ``actions[2].measures[0].id``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _describe(error: ErrorDetails) -> str:
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown field"
    return message


def programme_from_data(data: Any, *, file: str | None = None) -> Programme:
    """Validate already-parsed data as a programme; errors name the file and field path."""
    from unitedfront._model import Programme

    try:
        return Programme.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        first = errors[0]
        path = format_loc(first["loc"])
        message = _describe(first)
        if len(errors) > 1:
            message += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
        raise LoadError(message, file=file, path=path or None) from exc


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a programme may hold")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LoadError("starts with a UTF-8 byte-order mark; save the file without it", file=file)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = _line_col(prefix, len(prefix))
        raise LoadError(
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            file=file,
            line=line,
            column=column,
        ) from None


def load_file(path: str | os.PathLike[str]) -> Programme:
    """Read and validate a programme from a JSON file of the user's.

    Any problem raises :class:`~unitedfront.errors.LoadError` naming the file and, where
    it applies, the line and column or the field path of what is wrong.
    """
    file = os.fspath(path)
    try:
        raw = Path(file).read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot be read: {exc.strerror or exc}", file=file) from None
    text = _decode(raw, file)
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise LoadError(
            f"is not valid JSON: {exc.msg}", file=file, line=exc.lineno, column=exc.colno
        ) from None
    except ValueError as exc:
        raise LoadError(str(exc), file=file) from None
    return programme_from_data(data, file=file)
