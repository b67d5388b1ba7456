"""Writing the indicator frame to Parquet, CSV (with a Frictionless data package) and JSON Lines.

Every format holds the columns of :func:`unitedfront.to_frame` in the same order. CSV and
JSON Lines write figures as decimal text exactly as the model holds them (``287.10`` stays
``287.10``); Parquet stores them as ``decimal128(18, 4)``, as :func:`unitedfront.to_frame`
holds them. The same programmes always give the same bytes.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from unitedfront._analysis._columns import FRAME_COLUMNS, FRAME_NAMES, Column, as_programmes
from unitedfront._analysis._deps import need
from unitedfront._model import Programme
from unitedfront.errors import AnalysisError

__all__ = ["datapackage", "write"]

_SUFFIXES: Final = (".parquet", ".csv", ".jsonl")
#: The Frictionless Table Schema type of each column type.
_FIELD_TYPES: Final = {
    "string": "string",
    "category": "string",
    "choice": "string",
    "date": "date",
    "int32": "integer",
    "int64": "integer",
    "decimal": "number",
    "figure": "number",
    "bool": "boolean",
}


def _text(value: Any) -> str | None:
    """A value as the text CSV and JSON Lines hold; ``None`` for a missing value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _rows(programmes: tuple[Programme, ...]) -> Iterator[list[Any]]:
    from unitedfront._analysis._columns import indicator_columns

    columns = indicator_columns(programmes)
    ordered = [columns[name] for name in FRAME_NAMES]
    for row in zip(*ordered, strict=True):
        yield list(row)


def _write_csv(programmes: tuple[Programme, ...], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(FRAME_NAMES)
        for row in _rows(programmes):
            writer.writerow(["" if (t := _text(v)) is None else t for v in row])


def _write_jsonl(programmes: tuple[Programme, ...], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for row in _rows(programmes):
            # Booleans, nulls and whole numbers (the year) as JSON has them; figures and
            # dates as strings.
            record = {
                name: value if value is None or isinstance(value, bool | int) else _text(value)
                for name, value in zip(FRAME_NAMES, row, strict=True)
            }
            f.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")


def _write_parquet(programmes: tuple[Programme, ...], path: Path) -> None:
    need("pyarrow", purpose="writing Parquet")
    import pyarrow.parquet as pq

    from unitedfront._analysis._frame import indicator_table

    pq.write_table(indicator_table(programmes), path, compression="zstd")


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": _FIELD_TYPES[column.type],
        "description": column.description,
    }
    if column.type == "decimal" or column.type == "figure":
        field["bareNumber"] = True
    elif column.type == "bool":
        field["trueValues"] = ["true"]
        field["falseValues"] = ["false"]
    elif column.type == "date":
        field["format"] = "default"
    return field


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-") or "indicators"


def datapackage(csv_name: str, columns: Iterable[Column] = FRAME_COLUMNS) -> dict[str, Any]:
    """A Frictionless tabular data package describing an indicator CSV file of this name.

    >>> pkg = datapackage("cities.csv")
    >>> resource = pkg["resources"][0]
    >>> value = next(f for f in resource["schema"]["fields"] if f["name"] == "value")
    >>> resource["path"], value["type"], value["bareNumber"]
    ('cities.csv', 'number', True)
    """
    name = _slug(Path(csv_name).stem)
    return {
        "profile": "tabular-data-package",
        "name": name,
        "resources": [
            {
                "name": name,
                "path": csv_name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
                "schema": {"fields": [_field(c) for c in columns], "missingValues": [""]},
            }
        ],
    }


def _write_datapackage(csv_path: Path) -> Path:
    """Write (or update) ``datapackage.json`` beside the CSV; other resources in it are kept."""
    target = csv_path.with_name("datapackage.json")
    package = datapackage(csv_path.name)
    if target.exists():
        try:
            existing = json.loads(target.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise AnalysisError(
                f"{target} exists and is not a JSON data package ({exc}); "
                "it is left as it is: move it away to write the CSV's data package"
            ) from None
        resources = existing.get("resources") if isinstance(existing, dict) else None
        if not isinstance(resources, list):
            raise AnalysisError(
                f"{target} exists and is not a data package (no 'resources' list); "
                "it is left as it is: move it away to write the CSV's data package"
            )
        ours = package["resources"][0]
        kept = [
            r for r in resources if not (isinstance(r, dict) and (r.get("path") == ours["path"]))
        ]
        existing["resources"] = sorted(
            [*kept, ours], key=lambda r: str(r.get("name", "")) if isinstance(r, dict) else ""
        )
        package = existing
    target.write_text(
        json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n"
    )
    return target


def write(programmes: Programme | Iterable[Programme], path: str | Path) -> tuple[Path, ...]:
    """Write the indicator frame of the programmes to a file, its format chosen by suffix.

    - ``.parquet``: the Arrow table of :func:`to_frame` (figures as ``decimal128(18, 4)``,
      each column carrying its description), zstd-compressed.
    - ``.csv``: UTF-8, a header row, ``,`` between fields and ``\\n`` after each row;
      figures written exactly as held (``287.10``), dates as ``YYYY-MM-DD``, booleans as
      ``true``/``false``, a missing value as an empty field. A Frictionless data package
      ``datapackage.json`` describing the CSV's fields is written beside it; if one is
      there already, the CSV's resource in it is replaced and the others are kept.
    - ``.jsonl``: one JSON object per indicator, keys in column order; figures and dates
      as strings (``"287.10"``), ``year`` a number, booleans and nulls as JSON has them.

    The same programmes always give the same bytes.

    Args:
        programmes: A programme or an iterable of programmes.
        path: The file to write; its suffix picks the format.

    Returns:
        The paths written: the file, and for CSV the data package after it.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in _SUFFIXES:
        raise AnalysisError(
            f"cannot tell the format of {str(target)!r} from its suffix; "
            f"use one of {', '.join(_SUFFIXES)}"
        )
    items = as_programmes(programmes)
    if suffix == ".parquet":
        _write_parquet(items, target)
        return (target,)
    if suffix == ".jsonl":
        _write_jsonl(items, target)
        return (target,)
    _write_csv(items, target)
    return (target, _write_datapackage(target))
