"""The ``unitedfront`` command line; needs the ``cli`` extra (typer and rich).

Commands (``unitedfront COMMAND --help`` shows each one's options and an example):

- ``list``: the bundled programmes, with their counts;
- ``show ID``: a programme as a tree, with every figure;
- ``indicators ID``: a programme's figures as a table, CSV or JSON;
- ``compare METRIC``: every figure of one metric, place beside place;
- ``coverage``: how many actions, measures and figures each place has per theme;
- ``report``: every bundled programme summarised and validated, and the metrics two or
  more of them share compared side by side;
- ``validate FILE...``: every finding of :func:`unitedfront.validate`, one line each;
- ``extract FILE``: the figures of a Chinese text, as a draft programme file;
- ``schema``: the JSON Schema of a programme file.

``ID`` is a bundled dataset id (``linyi-2024``) or the path of a programme file of your
own (``yantai-2024.json``). ``compare``, ``coverage`` and ``report`` take ``--with FILE``
to set programmes of your own beside the bundled ones. Output is deterministic: sorted,
with no dates or times of its own; ``--format json`` writes figures as decimal strings,
exactly as the data holds them.

Exit codes, the highest that applies:

- ``0``: done; for ``validate`` and ``report``, no programme has a validation error
  (warnings and infos may remain);
- ``1``: ``validate`` or ``report`` read everything, and a programme has a validation error;
- ``2``: something given cannot be read or found: a file that is missing, too large, not
  UTF-8, not valid JSON/YAML/TOML, or does not fit the model; an unknown dataset id or
  metric; a missing optional dependency; also a usage error;
- ``3``: an internal error, which is a bug to report.

Every error is one line on standard error, never a traceback.

Each command is a plain function registered with :func:`_command`; :func:`build_app`
turns them into one typer application.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Final, NoReturn, TypeVar

try:
    import rich.cells
    import rich.console
    import rich.text
    import typer
except ModuleNotFoundError as _missing:  # the cli extra is not installed: main() says so
    _MISSING: str | None = _missing.name or "typer"
else:
    _MISSING = None

from unitedfront._analysis._columns import (
    COMPARE_COLUMNS as _ANALYSIS_COMPARE_COLUMNS,
    COVERAGE_COLUMNS as _ANALYSIS_COVERAGE_COLUMNS,
    INTERVAL_NAMES,
)
from unitedfront._model import IndicatorKind, Theme
from unitedfront.errors import LoadError, MissingExtraError, UnitedFrontError

if TYPE_CHECKING:
    from unitedfront._model import Programme
    from unitedfront._quantity import Quantity
    from unitedfront._validate import Finding, Report

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "PLACEHOLDER",
    "build_app",
    "draft_programme",
    "main",
    "report_lines",
]

EXIT_OK = 0
"""Done; no programme validated has an error."""
EXIT_FINDINGS = 1
"""Everything was read; a programme validated has an error."""
EXIT_UNREADABLE = 2
"""Something given cannot be read or found, or the command line is wrong."""
EXIT_INTERNAL = 3
"""An unexpected error inside unitedfront: a bug."""

_F = TypeVar("_F", bound=Callable[..., Any])
_COMMANDS: list[Callable[..., Any]] = []


def _command(function: _F) -> _F:
    """Register a function as a command, named after the function (``_`` becomes ``-``)."""
    _COMMANDS.append(function)
    return function


class OutputFormat(StrEnum):
    """How ``validate`` prints its findings."""

    TEXT = "text"
    JSON = "json"


class TableFormat(StrEnum):
    """How the listing commands print their rows."""

    TABLE = "table"
    """Aligned columns for people (the terminal's width, 80 columns in a pipe)."""
    CSV = "csv"
    """Comma-separated values with a header row; figures as decimal text."""
    JSON = "json"
    """A JSON list of objects; figures as decimal strings, exactly as held."""


_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}

# --------------------------------------------------------------------------- shared pieces


def _consoles() -> tuple[rich.console.Console, rich.console.Console]:
    # Built per call so that the streams in use now (a test runner's, a pipe) are used.
    options: dict[str, Any] = {"highlight": False, "soft_wrap": True, "emoji": False}
    out = rich.console.Console(file=sys.stdout, **options)
    err = rich.console.Console(file=sys.stderr, **options)
    return out, err


def _fail(message: str, code: int = EXIT_UNREADABLE) -> NoReturn:
    """Print one line on standard error and leave with ``code``."""
    _, err = _consoles()
    err.print(" ".join(message.split()), markup=False)
    raise typer.Exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn the library's own exceptions into one line on standard error and exit 2."""
    try:
        yield
    except UnitedFrontError as exc:
        _fail(str(exc))


def _programme(spec: str) -> Programme:
    """A bundled programme by id, or a programme file when ``spec`` looks like a path."""
    from unitedfront import datasets
    from unitedfront._io import SUFFIXES, load_file

    if Path(spec).suffix.lower() in SUFFIXES or "/" in spec or os.sep in spec:
        return load_file(spec)
    return datasets.load(spec)


def _programmes(files: Sequence[Path] | None) -> list[Programme]:
    """The bundled programmes, then those read from ``files``; ids must not repeat."""
    from unitedfront import datasets
    from unitedfront._io import load_file

    programmes = list(datasets.load_all())
    seen = {p.id for p in programmes}
    for path in files or ():
        programme = load_file(path)
        if programme.id in seen:
            _fail(
                f"{os.fspath(path)}: the programme id {programme.id!r} is already taken "
                "by another programme; give yours an id of its own"
            )
        seen.add(programme.id)
        programmes.append(programme)
    return programmes


def _number(value: Decimal | None) -> str | None:
    """A figure as exact decimal text, never in exponent form (``1E+8`` → ``100000000``)."""
    return None if value is None else format(value, "f")


def _name(text: Any) -> str:
    """English where the data has it, else Chinese."""
    return str(text.en or text.zh)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _print_json(records: Sequence[dict[str, Any]]) -> None:
    _write(json.dumps(list(records), ensure_ascii=False, indent=2) + "\n")


def _print_csv(columns: Sequence[str], records: Sequence[dict[str, Any]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(record[c]) for c in columns] for record in records)
    _write(buffer.getvalue())


def _emit(
    fmt: TableFormat,
    columns: Sequence[str],
    records: Sequence[dict[str, Any]],
    table: Callable[[int], list[tuple[str, str]]],
    empty: str | None = None,
) -> None:
    """Records as JSON or CSV, or the (line, style) pairs ``table`` lays out for a width.

    A table of no records is followed by ``empty``, when given, on standard error.
    """
    if fmt is TableFormat.JSON:
        _print_json(records)
    elif fmt is TableFormat.CSV:
        _print_csv(columns, records)
    else:
        out, err = _consoles()
        for line, style in table(out.width):
            out.print(rich.text.Text(line, style=style))
        if empty is not None and not records:
            err.print(empty, markup=False)


# The parameters the commands share. The functions are called when the application is
# built, not on import, so that this module imports without typer.

_ID_HELP = "A bundled dataset id (see: unitedfront list), or a programme file."
_WITH_HELP = "A programme file of your own to set beside the bundled ones. Repeat for several."
_EVERY_FIELD = "table for people; csv or json with every field."


def _formats(help: str) -> Any:
    return typer.Option("--format", "-f", help=help, show_default=True)


def _argument(metavar: str, help: str) -> Any:
    return typer.Argument(metavar=metavar, help=help, show_default=False)


def _with_files() -> Any:
    return typer.Option("--with", "-w", metavar="FILE", help=_WITH_HELP, show_default=False)


def _check_metric(code: str) -> None:
    """Leave with one line on standard error if ``code`` is not in the metric vocabulary."""
    from unitedfront._metrics import get_metric

    try:
        get_metric(code)
    except KeyError as exc:
        _fail(str(exc.args[0]))


# --------------------------------------------------------------------------- records


def _figure(q: Quantity) -> dict[str, Any]:
    return {
        "text": q.text,
        "qualifier": q.qualifier.value,
        "value": _number(q.value),
        "low": _number(q.low),
        "high": _number(q.high),
        "low_inclusive": q.low_inclusive,
        "high_inclusive": q.high_inclusive,
        "unit": q.unit,
        "interval": q.interval,
    }


def _with_after(columns: Sequence[str], after: str, extra: str) -> tuple[str, ...]:
    """``columns`` with ``extra`` inserted after the column ``after``."""
    at = columns.index(after) + 1
    return (*columns[:at], extra, *columns[at:])


def _when(record: dict[str, Any]) -> str:
    """The period of a figure, or the date a figure was taken when the source gives one."""
    return f"as of {record['as_of']}" if record["as_of"] else str(record["period"])


#: Columns of ``indicators``, in order.
INDICATOR_COLUMNS: Final = (
    "programme",
    "path",
    "action",
    "theme",
    "measure",
    "indicator",
    "indicator_zh",
    "indicator_en",
    "metric",
    "kind",
    "period",
    "as_of",
    "cumulative",
    "scope",
    "text",
    "qualifier",
    *INTERVAL_NAMES,
    "unit",
    "ordinal",
    "interval",
    "source",
    "quote",
)


def _indicator_records(
    programme: Programme, theme: Theme | None, metric: str | None
) -> list[dict[str, Any]]:
    records = []
    for ref in programme.iter_indicators():
        ind = ref.indicator
        action_theme = ref.action.theme if ref.action else None
        if theme is not None and action_theme is not theme:
            continue
        if metric is not None and ind.metric != metric:
            continue
        figure = _figure(ind.quantity)
        records.append(
            {
                "programme": programme.id,
                "path": ref.path,
                "action": ref.action.id if ref.action else None,
                "theme": action_theme.value if action_theme else None,
                "measure": ref.measure.id if ref.measure else None,
                "indicator": ind.id,
                "indicator_zh": ind.name.zh,
                "indicator_en": ind.name.en,
                "metric": ind.metric,
                "kind": ind.kind.value,
                "period": str(ind.period or programme.period),
                "as_of": ind.as_of.isoformat() if ind.as_of else None,
                "cumulative": ind.cumulative,
                "scope": ind.scope.code if ind.scope else None,
                **{k: figure[k] for k in ("text", "qualifier", "value", "low", "high")},
                "low_inclusive": figure["low_inclusive"],
                "high_inclusive": figure["high_inclusive"],
                "unit": figure["unit"],
                "ordinal": ind.quantity.ordinal,
                "interval": figure["interval"],
                "source": ind.evidence.source,
                "quote": ind.evidence.quote,
            }
        )
    return records


#: Columns of ``compare``, in order: those of :func:`unitedfront.compare`, with the interval
#: after ``cumulative``.
COMPARE_COLUMNS: Final = _with_after(_ANALYSIS_COMPARE_COLUMNS, "cumulative", "interval")


def _compare_key(record: dict[str, Any]) -> tuple[Any, ...]:
    # As unitedfront.compare sorts: metric, place, date (a missing as_of last), kind, ids.
    return (
        record["metric"],
        record["jurisdiction"],
        record["period_end"],
        record["as_of"] is None,
        record["as_of"] or "",
        record["kind"],
        record["programme"],
        record["indicator"],
    )


def compare_records(
    programmes: Iterable[Programme],
    metrics: Iterable[str] | None = None,
    kind: IndicatorKind | None = None,
) -> list[dict[str, Any]]:
    """Every figure of the metrics (all metrics when ``None``), place beside place.

    The rows and their order are those of :func:`unitedfront.compare`, built from the
    programmes directly (no frame library needed) with figures as exact decimal text.
    ``jurisdiction`` is the place a figure is about: its scope, else its programme's.
    """
    wanted = None if metrics is None else set(metrics)
    records = []
    for p in programmes:
        for ref in p.iter_indicators():
            ind = ref.indicator
            if ind.metric is None or (wanted is not None and ind.metric not in wanted):
                continue
            if kind is not None and ind.kind is not kind:
                continue
            place = ind.scope or p.jurisdiction
            period = ind.period or p.period
            year = ind.as_of.year if ind.as_of else period.end.year
            records.append(
                {
                    "metric": ind.metric,
                    "jurisdiction": place.code,
                    "jurisdiction_zh": place.name.zh,
                    "jurisdiction_en": place.name.en,
                    "province": place.province_code,
                    "programme": p.id,
                    "period_start": period.start.isoformat(),
                    "period_end": period.end.isoformat(),
                    "period": str(period),
                    "as_of": ind.as_of.isoformat() if ind.as_of else None,
                    "year": year,
                    "kind": ind.kind.value,
                    "indicator": ind.id,
                    "indicator_zh": ind.name.zh,
                    "indicator_en": ind.name.en,
                    **{k: v for k, v in _figure(ind.quantity).items() if k != "interval"},
                    "cumulative": ind.cumulative,
                    "interval": ind.quantity.interval,
                    "source": ind.evidence.source,
                    "quote": ind.evidence.quote,
                }
            )
    return sorted(records, key=_compare_key)


#: Columns of ``coverage``, in order (those of :func:`unitedfront.coverage`).
COVERAGE_COLUMNS: Final = tuple(c.name for c in _ANALYSIS_COVERAGE_COLUMNS)


def coverage_records(programmes: Iterable[Programme]) -> list[dict[str, Any]]:
    """Places × themes: actions, measures and figures, as :func:`unitedfront.coverage` counts.

    Every theme appears for every place (the programmes' jurisdictions), with zeros where
    a place has nothing; figures that belong to no action are counted on a row whose
    ``theme`` is ``None``, after the themes, where a place has any.
    """
    counts: dict[tuple[str, str | None], list[int]] = {}
    names: dict[str, tuple[str, str | None]] = {}
    for p in sorted(programmes, key=lambda p: p.id):
        code = p.jurisdiction.code
        names.setdefault(code, (p.jurisdiction.name.zh, p.jurisdiction.name.en))
        if p.indicators:
            counts.setdefault((code, None), [0, 0, 0])[2] += len(p.indicators)
        for action in p.actions:
            row = counts.setdefault((code, action.theme.value), [0, 0, 0])
            row[0] += 1
            row[1] += len(action.measures)
            row[2] += len(action.indicators) + sum(len(m.indicators) for m in action.measures)
    records = []
    for code in sorted(names):
        themes: list[str | None] = [t.value for t in Theme]
        if (code, None) in counts:
            themes.append(None)
        for theme in themes:
            actions, measures, indicators = counts.get((code, theme), (0, 0, 0))
            records.append(
                {
                    "jurisdiction": code,
                    "jurisdiction_zh": names[code][0],
                    "jurisdiction_en": names[code][1],
                    "theme": theme,
                    "actions": actions,
                    "measures": measures,
                    "indicators": indicators,
                }
            )
    return records


# --------------------------------------------------------------------------- list, show


@_command
def list_(
    output_format: Annotated[
        TableFormat, _formats("table for people; csv or json for programs.")
    ] = TableFormat.TABLE,
) -> None:
    """The bundled programmes: id, place, kind, framework, period and their counts.

    Example: unitedfront list --format csv
    """
    from unitedfront import datasets

    records: list[dict[str, Any]] = [
        {
            "id": p.id,
            "jurisdiction": p.jurisdiction.code,
            "jurisdiction_zh": p.jurisdiction.name.zh,
            "jurisdiction_en": p.jurisdiction.name.en,
            "kind": p.kind.value,
            "framework": p.framework.value,
            "period": str(p.period),
            "actions": len(p.actions),
            "measures": sum(1 for _ in p.iter_measures()),
            "indicators": sum(1 for _ in p.iter_indicators()),
        }
        for p in datasets.load_all()
    ]

    def table(width: int) -> list[tuple[str, str]]:
        header = ["id", "place", "kind", "framework", "period", "act", "mea", "ind"]
        rows = [header]
        for r in records:
            place = r["jurisdiction_en"] or r["jurisdiction_zh"]
            row: list[str] = [r["id"], place, r["kind"], r["framework"], r["period"]]
            rows.append(row + [str(r[k]) for k in ("actions", "measures", "indicators")])
        lines = _styled(rows, [False] * 5 + [True] * 3, gaps=[2] * 5 + [1, 1])
        return [*lines, ("act, mea, ind: actions, measures and indicators", "dim")]

    _emit(output_format, list(records[0]) if records else [], records, table)


@_command
def show(
    id: Annotated[str, _argument("ID", _ID_HELP)],
) -> None:
    """Show a programme as a tree: its actions, measures and every figure.

    Example: unitedfront show linyi-2024
    """
    from unitedfront._display import rich_tree

    with _errors():
        tree = rich_tree(_programme(id))
    out = rich.console.Console(file=sys.stdout, highlight=False, emoji=False)
    out.print(tree)


# --------------------------------------------------------------------------- indicators


@_command
def indicators(
    id: Annotated[str, _argument("ID", _ID_HELP)],
    theme: Annotated[
        Theme | None,
        typer.Option("--theme", "-t", help="Only figures under actions of this theme."),
    ] = None,
    metric: Annotated[
        str | None,
        typer.Option("--metric", "-m", help="Only figures of this metric code."),
    ] = None,
    output_format: Annotated[TableFormat, _formats(_EVERY_FIELD)] = TableFormat.TABLE,
) -> None:
    """List a programme's figures: the quantity as written, its interval and its quote.

    Example: unitedfront indicators linyi-2024 --theme advice
    """
    with _errors():
        programme = _programme(id)
    if metric is not None:
        _check_metric(metric)
    records = _indicator_records(programme, theme, metric)

    def table(width: int) -> list[tuple[str, str]]:
        rows = [["as written", "interval", "kind", "indicator"]]
        for r in records:
            name = r["indicator_en"] or r["indicator_zh"]
            metric = f" [{r['metric']}]" if r["metric"] else ""
            rows.append([r["text"], r["interval"], r["kind"], f"{r['indicator']}: {name}{metric}"])
        return _styled(rows, [False] * 4, gaps=[2] * 3, width=width)

    _emit(output_format, INDICATOR_COLUMNS, records, table, f"{programme.id}: no figure matches")


# --------------------------------------------------------------------------- compare, coverage


def _compare_table(records: Sequence[dict[str, Any]], width: int) -> list[tuple[str, str]]:
    rows = [["place", "kind", "as written", "interval", "period or date", "programme"]]
    for r in records:
        text = r["text"] + ("*" if r["cumulative"] else "")
        place = r["jurisdiction_en"] or r["jurisdiction_zh"]
        rows.append([place, r["kind"], text, r["interval"], _when(r), r["programme"]])
    return _styled(rows, [False] * 6, gaps=[2] * 5, width=width)


@_command
def compare(
    metric: Annotated[
        str,
        _argument("METRIC", "A metric code of the vocabulary (see the Metrics page of the docs)."),
    ],
    kind: Annotated[
        IndicatorKind | None,
        typer.Option("--kind", "-k", help="Only figures of this kind."),
    ] = None,
    with_: Annotated[list[Path] | None, _with_files()] = None,
    output_format: Annotated[TableFormat, _formats(_EVERY_FIELD)] = TableFormat.TABLE,
) -> None:
    """Compare one metric across the bundled programmes: every figure, place beside place.

    A figure marked * is a running total (累计). Figures are never combined.

    Example: unitedfront compare enterprises_visited
    """
    _check_metric(metric)
    with _errors():
        programmes = _programmes(with_)
    records = compare_records(programmes, [metric], kind)
    empty = f"no programme has a figure of {metric!r}"
    _emit(output_format, COMPARE_COLUMNS, records, partial(_compare_table, records), empty)


_THEME_LABEL: Final = "programme-wide"


@_command
def coverage(
    with_: Annotated[list[Path] | None, _with_files()] = None,
    output_format: Annotated[
        TableFormat, _formats("table for people; csv or json, one row per place and theme.")
    ] = TableFormat.TABLE,
) -> None:
    """Which place covers which theme: actions/measures/figures per place and theme.

    Example: unitedfront coverage --format csv
    """
    with _errors():
        programmes = _programmes(with_)
    records = coverage_records(programmes)

    def table(width: int) -> list[tuple[str, str]]:
        places: dict[str, str] = {}
        for r in records:
            places.setdefault(r["jurisdiction"], r["jurisdiction_en"] or r["jurisdiction_zh"])
        cells: dict[str | None, dict[str, str]] = {}
        for r in records:
            cell = f"{r['actions']}/{r['measures']}/{r['indicators']}"
            cells.setdefault(r["theme"], {})[r["jurisdiction"]] = cell
        rows = [["theme", *places.values()]]
        for theme, row in cells.items():
            rows.append([theme or _THEME_LABEL, *(row.get(code, "-") for code in places)])
        lines = _styled(rows, [False] + [True] * len(places), gaps=[2] * len(places))
        return [("actions/measures/indicators under each theme, by place", "dim"), *lines]

    _emit(output_format, COVERAGE_COLUMNS, records, table)


# --------------------------------------------------------------------------- report

#: The width the report is laid out for.
REPORT_WIDTH: Final = 80


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - rich.cells.cell_len(text))
    return gap + text if right else text + gap


def _columns(
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
        for i, (cell, size, flush_right) in enumerate(zip(row[:-1], widths, right, strict=False)):
            line += _pad(cell, size, flush_right) + " " * gaps[i]
        last = row[-1]
        start = rich.cells.cell_len(line)
        if width is None or start + rich.cells.cell_len(last) <= width or width - start < 20:
            out.append([(line + _pad(last, widths[-1], right[-1])).rstrip()])
            continue
        wrapped = _wrap(last, indent=start, width=width)
        out.append([line + wrapped[0].lstrip(), *wrapped[1:]])
    return out


def _styled(
    rows: Sequence[Sequence[str]],
    right: Sequence[bool],
    gaps: Sequence[int],
    width: int | None = None,
) -> list[tuple[str, str]]:
    """A header row and rows as aligned (line, style) pairs, the header in bold."""
    laid_out = _row_lines(rows, right, gaps, 0, width)
    return [(line, "bold" if i == 0 else "") for i, row in enumerate(laid_out) for line in row]


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _wrap(text: str, indent: int = 0, width: int = REPORT_WIDTH) -> list[str]:
    """Words wrapped into lines of at most ``width`` cells, each indented."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and indent + rich.cells.cell_len(candidate) > width:
            lines.append(" " * indent + line)
            line = word
        else:
            line = candidate
    return [*lines, " " * indent + line] if line else lines


def report_lines(
    programmes: Sequence[Programme], reports: Sequence[Report], *, version: str
) -> list[tuple[str, str]]:
    """The ``report`` command's text, as (line, style) pairs; the same input gives the same text.

    First each programme with its counts and validation status, then every metric that
    two or more programmes have a figure of, with each figure as written, its interval,
    its kind, and its period or the date it was taken. Laid out for 80 columns.
    """
    from unitedfront._metrics import get_metric

    plain, bold = "", "bold"
    n_indicators = sum(sum(1 for _ in p.iter_indicators()) for p in programmes)
    n_omitted = sum(len(p.omitted) for p in programmes)
    totals = [sum(len(getattr(r, k)) for r in reports) for k in ("errors", "warnings", "infos")]
    explained = sum(len(r.explained) for r in reports)
    out: list[tuple[str, str]] = [
        (f"unitedfront {version}: {_plural(len(programmes), 'programme')}, side by side", bold),
        ("", plain),
    ]
    summary = (
        f"{_plural(n_indicators, 'figure')} recorded as indicators, and "
        f"{_plural(n_omitted, 'figure')} of the sources left out on purpose (dates, names, "
        f"editions). Validation: {_plural(totals[0], 'error')}, "
        f"{_plural(totals[1], 'warning')}, {_plural(totals[2], 'info')}; "
        f"{_plural(explained, 'finding')} explained by the data."
    )
    out += [(line, plain) for line in _wrap(summary)]
    out += [("", plain), ("Programmes", bold)]
    header = ["id", "kind", "period", "act", "mea", "ind", "omit", "err", "warn", "info"]
    header.append("expl")
    rows = [header]
    for p, r in zip(programmes, reports, strict=True):
        counts = (
            len(p.actions),
            sum(1 for _ in p.iter_measures()),
            sum(1 for _ in p.iter_indicators()),
            len(p.omitted),
            len(r.errors),
            len(r.warnings),
            len(r.infos),
            len(r.explained),
        )
        rows.append([p.id, p.kind.value, str(p.period), *(str(c) for c in counts)])
    lines = _columns(rows, [False] * 3 + [True] * 8, gaps=[2, 2, 2] + [1] * 7)
    out.append((lines[0], bold))
    out += [(line, plain) for line in lines[1:]]
    legend = (
        "act, mea, ind: actions, measures and indicators; omit: figures left out on "
        "purpose; err, warn, info: validation findings; expl: findings explained."
    )
    out += [(line, "dim") for line in _wrap(legend, indent=2)]

    records = compare_records(programmes)
    sharing: dict[str, set[str]] = {}
    for rec in records:
        sharing.setdefault(rec["metric"], set()).add(rec["programme"])
    shared = sorted(code for code, ids in sharing.items() if len(ids) >= 2)
    out += [("", plain), (f"Metrics two or more programmes share: {len(shared)}", bold)]
    intro = (
        "Each figure as written, the interval it implies, its kind, and its period or "
        "the date it was taken. * marks a running total (累计). Figures of different "
        "periods or kinds are not alike; see: unitedfront compare METRIC."
    )
    out += [(line, plain) for line in _wrap(intro)]
    if not shared:
        return out
    table = [["place", "kind", "as written", "interval", "period or date"]]
    groups: list[tuple[str, int]] = []
    for code in shared:
        first = len(table)
        for rec in records:
            if rec["metric"] == code:
                text = rec["text"] + ("*" if rec["cumulative"] else "")
                place = rec["jurisdiction_en"] or rec["jurisdiction_zh"]
                table.append([place, rec["kind"], text, rec["interval"], _when(rec)])
        groups.append((code, len(table) - first))
    lines = _columns(table, [False] * 5, gaps=[2] * 4, indent=4)
    out += [("", plain), (lines[0], bold)]
    at = 1
    for code, count in groups:
        metric = get_metric(code)
        heading = f"{code}: {_name(metric.name)} ({metric.name.zh})"
        if rich.cells.cell_len(heading) > REPORT_WIDTH:
            heading = f"{code}: {_name(metric.name)}"
        out.append((heading, bold))
        out += [(line, plain) for line in lines[at : at + count]]
        at += count
    return out


@_command
def report(
    with_: Annotated[list[Path] | None, _with_files()] = None,
) -> None:
    """Summarise and validate every bundled programme, and compare the metrics they share.

    Exits with 1 when a programme has a validation error (see: unitedfront validate).

    Example: unitedfront report
    """
    from importlib.metadata import PackageNotFoundError, version

    from unitedfront._validate import validate as check

    with _errors():
        programmes = _programmes(with_)
    reports = [check(p) for p in programmes]
    try:
        number = version("unitedfront")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        number = "(not installed)"
    out, _ = _consoles()
    for line, style in report_lines(programmes, reports, version=number):
        out.print(rich.text.Text(line, style=style))
    if not all(r.ok for r in reports):
        raise typer.Exit(EXIT_FINDINGS)


# --------------------------------------------------------------------------- validate


def _finding_line(file: str, finding: Finding) -> rich.text.Text:
    line = rich.text.Text(f"{file}: {finding.code} ")
    line.append(finding.severity.value, style=_STYLES[finding.severity.value])
    line.append(str(finding)[len(finding.code) + 1 + len(finding.severity.value) :])
    return line


def _summary(file: str, report: Report) -> str:
    parts = [
        _plural(len(report.errors), "error"),
        _plural(len(report.warnings), "warning"),
        _plural(len(report.infos), "info"),
    ]
    if report.explained:
        parts.append(f"{len(report.explained)} explained")
    return f"{file}: {'ok' if report.ok else 'not ok'}: {', '.join(parts)}"


def _read_source(spec: str, path: Path) -> str:
    """A source text from a file: UTF-8, a byte-order mark tolerated, within the size limit."""
    return _read_text(
        path, lambda offset: f"source text {spec!r} is not valid UTF-8 (byte offset {offset})"
    )


def _source_texts(
    specs: Sequence[str], folder: Path | None, programme: Programme
) -> dict[str, str] | None:
    if not specs and folder is None:
        return None
    texts: dict[str, str] = {}
    if folder is not None:
        for source in programme.sources:
            candidate = folder / f"{source.id}.txt"
            if candidate.is_file():
                texts[source.id] = _read_source(source.id, candidate)
    for spec in specs:
        id, _, path = spec.partition("=")
        texts[id] = _read_source(id, Path(path))
    return texts


def _check_source_specs(specs: Sequence[str]) -> None:
    for spec in specs:
        id, sep, path = spec.partition("=")
        if not sep or not id or not path:
            raise typer.BadParameter(
                f"{spec!r} is not ID=PATH (for example briefing=texts/briefing.txt)",
                param_hint="'--source'",
            )


@_command
def validate(
    files: Annotated[
        list[Path],
        _argument("FILE", "Programme files: .json, .yaml, .yml (needs the yaml extra) or .toml."),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: one line per finding and a summary per file; json: one JSON "
            "object per file per line.",
        ),
    ] = OutputFormat.TEXT,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            "-s",
            metavar="ID=PATH",
            help="The raw text of the source with this id, to check quotes against. "
            "Repeat for several sources.",
            show_default=False,
        ),
    ] = None,
    source_dir: Annotated[
        Path | None,
        typer.Option(
            "--source-dir",
            metavar="DIR",
            help="A folder holding source texts as ID.txt, for every source id found there.",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Leave out infos; show errors and warnings."),
    ] = False,
) -> None:
    """Check programme files and report every finding, one line each.

    Exits with 0 when no file has an error, 1 when one has, 2 when one cannot be read.

    Example: unitedfront validate yantai-2024.json --source briefing=briefing.txt
    """
    from unitedfront._io import load_file
    from unitedfront._validate import Severity, validate as check

    specs = list(source or [])
    _check_source_specs(specs)
    out, err = _consoles()
    if source_dir is not None and not source_dir.is_dir():
        err.print(f"{source_dir}: no such folder", markup=False)
        raise typer.Exit(EXIT_UNREADABLE)
    status = EXIT_OK
    for path in files:
        file = os.fspath(path)
        try:
            programme = load_file(path)
            report = check(programme, sources=_source_texts(specs, source_dir, programme))
        except UnitedFrontError as exc:
            status = max(status, EXIT_UNREADABLE)
            err.print(str(exc), markup=False)
            if output_format is OutputFormat.JSON:
                typer.echo(
                    json.dumps({"file": file, "error": _error_dict(exc)}, ensure_ascii=False)
                )
            continue
        if not report.ok:
            status = max(status, EXIT_FINDINGS)
        if output_format is OutputFormat.JSON:
            typer.echo(json.dumps({"file": file, **report.to_dict()}, ensure_ascii=False))
            continue
        for finding in report:
            if quiet and finding.severity is Severity.INFO:
                continue
            out.print(_finding_line(file, finding))
        out.print(_summary(file, report), markup=False)
    if status:
        raise typer.Exit(status)


def _error_dict(exc: UnitedFrontError) -> dict[str, Any]:
    if isinstance(exc, LoadError):
        return {
            "message": exc.message,
            "line": exc.line,
            "column": exc.column,
            "path": exc.path,
        }
    return {"message": str(exc), "line": None, "column": None, "path": None}


# --------------------------------------------------------------------------- extract

#: What every value the text cannot supply starts with, in a draft from ``extract``.
PLACEHOLDER: Final = "TODO"

# Characters common in traditional-script text that simplified text never uses. Without
# the opencc extra, a text holding any of them cannot be converted, and extract says so.
_TRADITIONAL_ONLY: Final = frozenset(
    "們個與會發業經濟國來這為說開關動務設員進還對時從當現實產應過將區縣鎮鄉議聯黨協組織導領"
    "傳統戰線構機係級單園補質費貿資權億萬餘兩條處項場屆輪類種間臺輛張節課學隊雙塊頭隻顆筆層"
    "則鐘週歲噸畝戶約數達總計點內營無義體農幹幫專門廣東蘇澤長風環態愛眾結報廳財稅價錢銀樣"
    "檢驗證據劃規鄰鐵書記題問調訪談話語講論"
)
# Marks that end a clause; "," and ":" only when they do not sit between two digits.
_CLAUSE_ENDS: Final = frozenset("。！？；，、：!?;,:")
_NAME_TRIM: Final = " \"'“”‘’《》()（）【】[]"
#: Most characters a candidate's quote and name take.
QUOTE_CHARS: Final = 40
NAME_CHARS: Final = 24


def _read_text(path: Path, not_utf8: Callable[[int], str] | None = None) -> str:
    """A text file: UTF-8, a byte-order mark tolerated, within the size limit of a file.

    Text that is not UTF-8 raises :class:`LoadError` with the message ``not_utf8`` gives
    for the byte offset of the first byte that is not.
    """
    from unitedfront._io import _read

    file = os.fspath(path)
    raw = _read(file).removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = (
            not_utf8(exc.start)
            if not_utf8 is not None
            else f"is not valid UTF-8 (byte offset {exc.start}); save the text as UTF-8"
        )
        raise LoadError(message, file=file) from None


def _normalise_simplified(text: str) -> str:
    """:func:`normalize_source` without the conversion of script (for simplified text)."""
    from unitedfront._normalize import fold_width, strip_pinyin

    text = fold_width(strip_pinyin(unicodedata.normalize("NFC", text)))
    return " ".join(text.split())


def _normalise(raw: str, file: str) -> str:
    from unitedfront._normalize import normalize_source

    try:
        return normalize_source(raw)
    except MissingExtraError:
        found = "".join(dict.fromkeys(c for c in raw if c in _TRADITIONAL_ONLY))
        if found:
            _fail(
                f"{file}: the text is in traditional script (it has {', '.join(found[:3])}); "
                "converting it needs the optional dependency 'opencc'; install it with: "
                "pip install 'unitedfront[opencc]'"
            )
        return _normalise_simplified(raw)


def _ends_clause(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in _CLAUSE_ENDS:
        return False
    between_digits = 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
    return not (ch in ",:" and between_digits)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause holding ``text[start:end]``, without its end marks."""
    a = start
    while a > 0 and not _ends_clause(text, a - 1):
        a -= 1
    b = end
    while b < len(text) and not _ends_clause(text, b):
        b += 1
    while a < start and text[a].isspace():
        a += 1
    while b > end and text[b - 1].isspace():
        b -= 1
    return a, b


def _quote(text: str, start: int, end: int, clause: tuple[int, int]) -> str:
    """The clause around a figure, cut to :data:`QUOTE_CHARS`, keeping the words before it."""
    a, b = clause
    budget = QUOTE_CHARS - (end - start)
    if budget <= 0:
        return text[start:end]
    after = min(b - end, budget // 4)
    before = min(start - a, budget - after)
    after = min(b - end, budget - before)
    return text[start - before : end + after].strip()


def _slug(stem: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug[:80].strip("-") or "source"


def draft_programme(text: str, source_id: str = "source") -> dict[str, Any]:
    """A draft programme file holding every figure of a normalised text as an indicator.

    Each figure :func:`~unitedfront.find_quantities` finds becomes a candidate indicator:
    id ``figure-001``, ``figure-002`` …, the quantity as written, kind ``actual``, metric
    ``None``, the words before the figure in its clause as its name, and as its evidence
    the clause around it, cut to at most 40 characters. What the text cannot tell (the
    programme's id, title, kind, framework, jurisdiction, issuer, period and the source's
    title) is left as values starting with ``TODO``; the draft loads with
    :func:`~unitedfront.load_file` once they are filled.

    >>> draft = draft_programme("全年走访企业1234家,协调解决问题近300个。", "briefing")
    >>> [(i["id"], i["name"], i["quantity"], i["evidence"]["quote"]) for i in draft["indicators"]]
    [('figure-001', '全年走访企业', '1234家', '全年走访企业1234家'), ('figure-002', '协调解决问题', '近300个', '协调解决问题近300个')]
    """  # noqa: E501
    from unitedfront._parse import find_quantities, parse_quantity
    from unitedfront.errors import QuantityParseError

    matches = find_quantities(text)
    candidates = []
    for n, m in enumerate(matches):
        a, b = _clause(text, m.start, m.end)
        previous = matches[n - 1].end if n > 0 else 0
        following = matches[n + 1].start if n + 1 < len(matches) else len(text)
        name = text[max(a, previous) : m.start].strip(_NAME_TRIM)[-NAME_CHARS:]
        if not name:
            name = text[m.end : min(b, following)].strip(_NAME_TRIM)[:NAME_CHARS]
        try:
            reads_alike = parse_quantity(m.text) == m.quantity
        except QuantityParseError:  # pragma: no cover - every match parses on its own
            reads_alike = False
        # The text is what a person edits; the structured form only if the text alone
        # would read differently, so that nothing found is lost or changed.
        quantity: Any = m.text if reads_alike else m.quantity.model_dump(mode="json")
        candidates.append(
            {
                "id": f"figure-{n + 1:03d}",
                "name": name.strip() or m.text,
                "metric": None,
                "kind": "actual",
                "quantity": quantity,
                "evidence": {"source": source_id, "quote": _quote(text, m.start, m.end, (a, b))},
            }
        )
    todo = PLACEHOLDER
    return {
        "id": f"{todo}: a lowercase slug such as yantai-2024",
        "title": f"{todo}: the title of the programme, in Chinese",
        "kind": f"{todo}: report or plan",
        "framework": f"{todo}: five_actions, two_healthy, acfic_plus or other",
        "jurisdiction": {
            "code": f"{todo}: its GB/T 2260 code, such as 370600",
            "name": f"{todo}: the place, in Chinese",
            "level": f"{todo}: province, prefecture or county",
        },
        "issuer": f"{todo}: the body that issued it, in Chinese",
        "period": f"{todo}: the period it covers, such as 2024",
        "sources": [{"id": source_id, "title": f"{todo}: the title of the source text"}],
        "actions": [],
        "indicators": candidates,
        "omitted": [],
    }


@_command
def extract(
    file: Annotated[
        Path, _argument("FILE", "A Chinese text, UTF-8 (simplified or traditional script).")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="OUT",
            help="Write the draft here instead of to standard output.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUT if it exists.")] = False,
) -> None:
    """Draft a programme file from a text: every figure found, with its quote.

    Each figure becomes an indicator (figure-001, figure-002 …) with its quantity as
    written, its name (the words before it) and its quote (its clause, at most 40
    characters). Fill every value that starts with TODO, give each figure its metric and
    kind, move what is not a figure to omitted, then check the file with validate. The
    source id is the file's name as a slug, so validate --source-dir finds the text.

    Example: unitedfront extract briefing.txt -o yantai-2024.json
    """
    spec = os.fspath(file)
    if output is not None and output.exists() and not force:
        _fail(f"{os.fspath(output)}: already exists; pass --force to overwrite it")
    with _errors():
        text = _normalise(_read_text(file), spec)
        draft = draft_programme(text, _slug(file.stem))
    content = json.dumps(draft, ensure_ascii=False, indent=2) + "\n"
    found = _plural(len(draft["indicators"]), "candidate figure")
    _, err = _consoles()
    if output is None:
        _write(content)
        err.print(f"{spec}: {found}", markup=False)
        return
    try:
        output.write_text(content, encoding="utf-8")
    except OSError as exc:
        _fail(f"{os.fspath(output)}: cannot be written: {exc.strerror or exc}")
    source_id = draft["sources"][0]["id"]
    err.print(
        f"{spec}: {found} written to {os.fspath(output)}; fill every {PLACEHOLDER} value, "
        f"then: unitedfront validate {os.fspath(output)} --source {source_id}={spec}",
        markup=False,
    )


# --------------------------------------------------------------------------- schema


@_command
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) a programme file follows.

    Example: unitedfront schema > programme.schema.json
    """
    from unitedfront._schema import json_schema

    _write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


# --------------------------------------------------------------------------- the app


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"unitedfront {version('unitedfront')}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = None,
) -> None:
    """Work with United Front programmes: the bundled datasets, and files of your own.

    Start with: unitedfront report

    Example: unitedfront validate yantai-2024.json
    """


def _base(name: str) -> type[Exception]:
    """The click exception class ``typer.BadParameter`` derives from (click or typer's copy)."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


def _group_class() -> type[Any]:
    """A typer group that reports usage errors in one line on standard error."""
    from typer.core import TyperGroup

    click_exception, usage_error = _base("ClickException"), _base("UsageError")

    class OneLineErrors(TyperGroup):
        def main(
            self,
            args: Sequence[str] | None = None,
            prog_name: str | None = None,
            complete_var: str | None = None,
            standalone_mode: bool = True,
            windows_expand_args: bool = True,
            **extra: Any,
        ) -> Any:
            try:
                result = super().main(
                    args=args,
                    prog_name=prog_name,
                    complete_var=complete_var,
                    standalone_mode=False,
                    windows_expand_args=windows_expand_args,
                    **extra,
                )
                code = result if isinstance(result, int) else EXIT_OK
            except click_exception as exc:
                error: Any = exc
                ctx = getattr(error, "ctx", None)
                if type(error).__name__ == "NoArgsIsHelpError" and ctx is not None:
                    text = ctx.get_help()  # typer's rich help prints itself and returns ""
                    if text:
                        typer.echo(text)
                else:
                    where = ctx.command_path if ctx is not None else "unitedfront"
                    hint = f" (see: {where} --help)" if isinstance(error, usage_error) else ""
                    message = " ".join(error.format_message().split())
                    typer.echo(f"{where}: {message}{hint}", err=True)
                code = error.exit_code
            except typer.Abort:
                typer.echo("unitedfront: aborted", err=True)
                code = EXIT_FINDINGS
            if not standalone_mode:
                return code
            sys.exit(code)

    return OneLineErrors


def build_app() -> typer.Typer:
    """The typer application with every registered command."""
    app = typer.Typer(
        name="unitedfront",
        cls=_group_class(),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    for function in _COMMANDS:
        app.command(name=function.__name__.strip("_").replace("_", "-"))(function)
    return app


def _tolerant_streams() -> None:
    # A terminal that cannot show Chinese gets escapes instead of a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the ``unitedfront`` console script and ``python -m unitedfront``)."""
    if _MISSING is not None:
        print(
            f"unitedfront: the command line needs {_MISSING!r}, which is not installed; "
            "install it with: pip install 'unitedfront[cli]'",
            file=sys.stderr,
        )
        raise SystemExit(EXIT_UNREADABLE)
    _tolerant_streams()
    app = build_app()
    try:
        app(args=list(argv) if argv is not None else None, prog_name="unitedfront")
    except BrokenPipeError:  # output piped into a program that stopped reading
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # pragma: no cover
            pass
        raise SystemExit(EXIT_FINDINGS) from None
    except Exception as exc:
        print(f"unitedfront: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_INTERNAL) from None
