"""``unitedfront validate FILE...``: every finding of :func:`unitedfront.validate`, one a line."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from unitedfront._cli.params import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    argument,
    command as declare,
    format_option,
    is_path,
)
from unitedfront._cli.present import fail, plural, say
from unitedfront.errors import LoadError, UnitedFrontError

if TYPE_CHECKING:
    from unitedfront._model import Programme
    from unitedfront._validate import Finding, Report

_STYLES: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow"},
    "info": {"fg": "cyan"},
}


def _finding_line(file: str, finding: Finding) -> str:
    severity = finding.severity.value
    rest = str(finding)[len(finding.code) + 1 + len(severity) :]
    return f"{file}: {finding.code} {click.style(severity, **_STYLES[severity])}{rest}"


def _quotes(report: Report) -> str:
    """How many quotes were looked for in their sources, and how to check them if none."""
    checked = f"{report.quotes_checked} of {plural(report.quotes, 'quote')} checked"
    if report.quotes_checked or not report.quotes:
        return f"{checked} against the source texts"
    return f"{checked} against the source texts (give them with --source DIR)"


def summary(file: str, report: Report) -> str:
    """The last line for a file: ok or not, the counts, and the quotes checked."""
    from unitedfront._display import _counts

    status = "ok" if report.ok else "not ok"
    return f"{file}: {status}: {_counts(report)}; {_quotes(report)}"


def _read_source(id: str, path: Path) -> str:
    """A source text: UTF-8, a byte-order mark tolerated, within the size limit."""
    from unitedfront._extract import read_text

    return read_text(
        path, lambda offset: f"source text {id!r} is not valid UTF-8 (byte offset {offset})"
    )


def _in_folder(folder: Path, programme: Programme) -> dict[str, Path]:
    """The files of ``folder`` named after the programme's sources (file stem = source id)."""
    found: dict[str, Path] = {}
    ids = set(programme.source_ids)
    for path in sorted(folder.iterdir()):
        if path.stem in ids and path.is_file():
            if path.stem in found:
                fail(
                    f"{folder}: two texts for source {path.stem!r} "
                    f"({found[path.stem].name}, {path.name}); keep one"
                )
            found[path.stem] = path
    return found


def _source_texts(specs: Sequence[str], programme: Programme) -> dict[str, str] | None:
    """The source texts the ``--source`` options give, by source id; ``None`` if none."""
    if not specs:
        return None
    paths: dict[str, Path] = {}
    for spec in specs:
        id, sep, path = spec.partition("=")
        if sep:
            paths[id] = Path(path)
        else:
            paths.update(_in_folder(Path(spec), programme))
    return {id: _read_source(id, path) for id, path in paths.items()}


def _check_source_specs(specs: Sequence[str]) -> None:
    for spec in specs:
        id, sep, path = spec.partition("=")
        if sep and id and path:
            continue
        if not sep and Path(spec).is_dir():
            continue
        if not sep and not Path(spec).exists() and ("/" in spec or os.sep in spec):
            fail(f"{spec}: no such folder")
        raise click.BadParameter(
            f"{spec!r} is neither a folder nor ID=PATH (for example texts/ or "
            "briefing=texts/briefing.txt)",
            param_hint="'--source'",
        )


def _load(spec: str) -> Programme:
    """A programme file, or the bundled dataset of that id when ``spec`` is not a file."""
    from unitedfront import datasets
    from unitedfront._io import load_file

    if is_path(spec) or os.path.lexists(spec):
        return load_file(spec)
    return datasets.load(spec)


def _error_dict(exc: UnitedFrontError) -> dict[str, Any]:
    """The first problem's fields (as before), and every problem under ``problems``."""
    if isinstance(exc, LoadError):
        problems = [
            {"message": p.message, "line": p.line, "column": p.column, "path": p.path}
            for p in exc.problems
        ]
        return {**problems[0], "problems": problems}
    only = {"message": str(exc), "line": None, "column": None, "path": None}
    return {**only, "problems": [only]}


@declare("validate")
@argument(
    "files",
    "FILE",
    "Programme files (.json, .yaml, .yml, .toml), or ids of bundled datasets.",
    nargs=-1,
    required=True,
)
@format_option(
    "text: a line per finding and a summary per file; json: a JSON object per file per line.",
    choices=("text", "json"),
)
@click.option(
    "--source",
    "-s",
    multiple=True,
    metavar="DIR|ID=PATH",
    help="Source texts to look the quotes up in: a folder of texts named after their "
    "source ids (briefing.txt for the source briefing), or one text as ID=PATH. Repeat "
    "for several.",
)
@click.option("--source-dir", multiple=True, metavar="DIR", hidden=True)
@click.option("--quiet", "-q", is_flag=True, help="Leave out infos; show errors and warnings.")
def command(
    files: tuple[str, ...],
    output_format: str,
    source: tuple[str, ...],
    source_dir: tuple[str, ...],
    quiet: bool,
) -> None:
    """Check programme files and report every finding, one line each.

    Quotes are looked up in their sources only when the texts are given with --source;
    the last line of each file says how many were checked. Exits with 0 when no file has
    an error, 1 when one has, 2 when one cannot be read.

    Example: unitedfront validate yantai-2024.json --source texts/
    """
    from unitedfront._validate import Severity, validate

    specs = [*source, *source_dir]
    _check_source_specs(specs)
    status = EXIT_OK
    for file in files:
        try:
            programme = _load(file)
            report = validate(programme, sources=_source_texts(specs, programme))
        except UnitedFrontError as exc:
            status = max(status, EXIT_UNREADABLE)
            say(str(exc))
            if output_format == "json":
                click.echo(
                    json.dumps({"file": file, "error": _error_dict(exc)}, ensure_ascii=False)
                )
            continue
        if not report.ok:
            status = max(status, EXIT_FINDINGS)
        if output_format == "json":
            quotes = {"total": report.quotes, "checked": report.quotes_checked}
            data = {"file": file, **report.to_dict(), "quotes": quotes}
            click.echo(json.dumps(data, ensure_ascii=False))
            continue
        for finding in report:
            if quiet and finding.severity is Severity.INFO:
                continue
            click.echo(_finding_line(file, finding))
        click.echo(summary(file, report))
    if status:
        raise click.exceptions.Exit(status)
