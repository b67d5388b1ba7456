"""How the commands print: the consoles, one-line errors, records as a table, CSV or JSON.

The table layout measures text in terminal cells (a Han character takes two), pads
columns to line up, and wraps the last column's words under it to fit a width.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any, Final, NoReturn

import click
import rich.cells

from unitedfront._cli.params import EXIT_UNREADABLE
from unitedfront.errors import UnitedFrontError

__all__ = [
    "REPORT_WIDTH",
    "Line",
    "cell",
    "emit",
    "fail",
    "library_errors",
    "lines",
    "plural",
    "print_lines",
    "styled",
    "width",
    "wrap",
    "write",
]

#: The width the report is laid out for.
REPORT_WIDTH: Final = 80

#: A (line, style) pair: what the table layouts return; the style is ``""``, ``"bold"``
#: or ``"dim"``, shown only on a terminal.
Line = tuple[str, str]


def width() -> int:
    """The terminal's width in columns (``COLUMNS`` if set; 80 in a pipe)."""
    return shutil.get_terminal_size((REPORT_WIDTH, 24)).columns


def say(message: str) -> None:
    """Print one line on standard error."""
    click.echo(message, err=True)


def fail(message: str, code: int = EXIT_UNREADABLE) -> NoReturn:
    """Print one line on standard error and leave with ``code``."""
    say(" ".join(message.split()))
    raise click.exceptions.Exit(code)


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn the library's own exceptions into one line on standard error and exit 2."""
    try:
        yield
    except UnitedFrontError as exc:
        fail(str(exc))


def write(text: str) -> None:
    """Write text to standard output as it is."""
    click.echo(text, nl=False)


def cell(value: Any) -> Any:
    """A value as JSON holds it: figures as exact decimal text, dates as ISO 8601."""
    if isinstance(value, Decimal):
        return format(value, "f")  # never in exponent form: 1E+8 is 100000000
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _csv_cell(value: Any) -> str:
    value = cell(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(map(str, value))
    return str(value)


def emit(
    fmt: str,
    columns: Sequence[str],
    records: Sequence[dict[str, Any]],
    table: Callable[[int], list[Line]],
    empty: str | None = None,
) -> None:
    """Records as JSON or CSV, or the (line, style) pairs ``table`` lays out for a width.

    A table of no records is followed by ``empty``, when given, on standard error.
    """
    if fmt == "json":
        data = [{c: cell(r[c]) for c in columns} for r in records]
        write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_csv_cell(r[c]) for c in columns] for r in records)
        write(buffer.getvalue())
    else:
        print_lines(table(width()))
        if empty is not None and not records:
            say(empty)


def print_lines(pairs: Sequence[Line]) -> None:
    """Print (line, style) pairs on standard output; styles only on a terminal."""
    for line, style in pairs:
        click.echo(click.style(line, bold=style == "bold", dim=style == "dim") if style else line)


def plural(n: int, word: str, plural: str | None = None) -> str:
    """``n`` and the word, in the plural unless ``n`` is 1."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


# --------------------------------------------------------------------------- text tables


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - rich.cells.cell_len(text))
    return gap + text if right else text + gap


def wrap(text: str, indent: int = 0, width: int = REPORT_WIDTH) -> list[str]:
    """Words wrapped into lines of at most ``width`` cells, each indented."""
    out: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and indent + rich.cells.cell_len(candidate) > width:
            out.append(" " * indent + line)
            line = word
        else:
            line = candidate
    return [*out, " " * indent + line] if line else out


def _row_lines(
    rows: Sequence[Sequence[str]],
    right: Sequence[bool],
    gaps: Sequence[int],
    indent: int,
    width: int | None,
) -> list[list[str]]:
    """The lines of each row (more than one where the last column wraps)."""
    widths = [max(rich.cells.cell_len(row[i]) for row in rows) for i in range(len(right))]
    out = []
    for row in rows:
        line = " " * indent
        for i, (text, size, flush_right) in enumerate(zip(row[:-1], widths, right, strict=False)):
            line += _pad(text, size, flush_right) + " " * gaps[i]
        last = row[-1]
        start = rich.cells.cell_len(line)
        if width is None or start + rich.cells.cell_len(last) <= width or width - start < 20:
            out.append([(line + _pad(last, widths[-1], right[-1])).rstrip()])
            continue
        wrapped = wrap(last, indent=start, width=width)
        out.append([line + wrapped[0].lstrip(), *wrapped[1:]])
    return out


def lines(
    rows: Sequence[Sequence[str]],
    right: Sequence[bool],
    gaps: Sequence[int],
    indent: int = 2,
    width: int | None = None,
) -> list[str]:
    """Rows of cells as aligned lines; widths in terminal cells (a Han character is two).

    ``gaps[i]`` spaces separate column ``i`` from column ``i + 1``. Given a ``width``, the
    last column's words wrap onto further lines, under the column, to stay within it.
    """
    return [line for row in _row_lines(rows, right, gaps, indent, width) for line in row]


def styled(
    rows: Sequence[Sequence[str]],
    right: Sequence[bool],
    gaps: Sequence[int],
    width: int | None = None,
) -> list[Line]:
    """A header row and rows as aligned (line, style) pairs, the header in bold."""
    laid_out = _row_lines(rows, right, gaps, 0, width)
    return [(line, "bold" if i == 0 else "") for i, row in enumerate(laid_out) for line in row]
