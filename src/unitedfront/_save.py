"""Writing programme files as people write them: the other half of :func:`~unitedfront.load_file`.

:func:`save_file` writes a programme in JSON, YAML or TOML, chosen by the file's suffix,
the way a person writes one by hand:

- a quantity is its text (``"612家"``) whenever reading that text gives back exactly the
  same quantity; otherwise (a quantity made from its parts) all its fields are written;
- a text with no English translation is its Chinese string (``"威海企业家日"``); a period
  is its ISO 8601 text (``"2024"``, ``"2023-01/2023-06"``);
- a field holding its default (an empty list, ``null``, ``false``, a measure's ``other``
  category) is left out.

Reading the file back with :func:`~unitedfront.load_file` gives a programme equal to the
one written, field for field. YAML needs the ``yaml`` extra (PyYAML) and TOML the ``toml``
extra (tomli-w); a missing one raises :class:`~unitedfront.errors.MissingExtraError`.
"""

from __future__ import annotations

import json
import os
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from unitedfront._io import SUFFIXES
from unitedfront._records import Record
from unitedfront.errors import LoadError, MissingExtraError

if TYPE_CHECKING:
    from unitedfront._model import Programme

__all__ = ["as_written", "save_file"]


def _quantity(quantity: Any) -> Any:
    """A quantity as its text when the text reads back to exactly it, else its fields."""
    fields = quantity.model_dump(mode="json")
    try:
        again = type(quantity).model_validate(quantity.text)
    except (ValueError, ValidationError):
        again = None
    if again is not None and again.model_dump(mode="json") == fields:
        return quantity.text
    return _model(quantity)


def _model(model: BaseModel | Record) -> dict[str, Any]:
    """A model's fields that differ from their defaults, by name, in declaration order."""
    out: dict[str, Any] = {}
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if not field.is_required() and value == field.get_default(call_default_factory=True):
            continue
        out[name] = as_written(value)
    return out


def as_written(value: Any) -> Any:
    """A model object (or a value inside one) as plain data, as a person would write it.

    Mappings, lists, text, numbers, booleans and dates; figures (``Decimal``) as text, so
    that no writer turns them into floats.

    >>> from unitedfront import parse_quantity
    >>> as_written(parse_quantity("近1700家"))
    '近1700家'
    """
    from unitedfront._model import Period, Text
    from unitedfront._quantity import Quantity

    if isinstance(value, Quantity):
        return _quantity(value)
    if isinstance(value, Text):
        return value.zh if value.en is None else {"zh": value.zh, "en": value.en}
    if isinstance(value, Period):
        return str(value)
    if isinstance(value, BaseModel | Record):
        return _model(value)
    if isinstance(value, list | tuple):
        return [as_written(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


def _dates_as_text(value: Any) -> Any:
    """The data with every date as ISO 8601 text, for JSON."""
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _json(data: dict[str, Any]) -> str:
    return json.dumps(_dates_as_text(data), ensure_ascii=False, indent=2) + "\n"


def _yaml(data: dict[str, Any]) -> str:
    try:
        import yaml
    except ImportError:
        raise MissingExtraError("pyyaml", "yaml", "Writing YAML files") from None

    class Dumper(yaml.SafeDumper):
        # The reader refuses anchors and aliases: never write one.
        def ignore_aliases(self, data: Any) -> bool:
            return True

    text: str = yaml.dump(
        data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2
    )
    return text


def _toml(data: dict[str, Any]) -> str:
    try:
        import tomli_w
    except ImportError:
        raise MissingExtraError("tomli-w", "toml", "Writing TOML files") from None
    text: str = tomli_w.dumps(data)
    return text


_WRITERS = {"JSON": _json, "YAML": _yaml, "TOML": _toml}


def save_file(programme: Programme, path: str | os.PathLike[str]) -> Path:
    """Write a programme to a JSON, YAML or TOML file, as a person would write it.

    The format follows the suffix, as for :func:`~unitedfront.load_file`: ``.json``,
    ``.yaml`` or ``.yml`` (needs the ``yaml`` extra), ``.toml`` (needs the ``toml``
    extra). Quantities are written as their text (``"612家"``), texts without a
    translation as their Chinese, periods as ISO 8601 text, and fields holding their
    defaults are left out. :func:`~unitedfront.load_file` reads the file back to an equal
    programme. The file is written as UTF-8 with ``\\n`` line ends; an existing file is
    replaced.

    Args:
        programme: The programme to write.
        path: The file to write; its suffix picks the format.

    Returns:
        The path written.

    Raises:
        LoadError: The suffix names no format the library reads.
        MissingExtraError: The format needs an extra that is not installed.

    >>> import tempfile, pathlib
    >>> from unitedfront import datasets, load_file
    >>> weihai = datasets.load("weihai-2024")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = save_file(weihai, pathlib.Path(folder, "weihai.toml"))
    ...     print(load_file(written) == weihai)
    True
    """
    target = Path(path)
    kind = SUFFIXES.get(target.suffix.lower())
    if kind is None:
        known = ", ".join(SUFFIXES)
        raise LoadError(
            f"has the suffix {target.suffix or '(none)'!r}; a programme file ends in one of "
            f"{known}",
            file=os.fspath(path),
        )
    text = _WRITERS[kind](_model(programme))
    with open(target, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return target
