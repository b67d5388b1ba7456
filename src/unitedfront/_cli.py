"""The ``unitedfront`` command line; needs the ``cli`` extra (typer and rich).

``unitedfront validate FILE...`` reads programme files and reports every finding of
:func:`unitedfront.validate`, one line each (or JSON Lines with ``--format json``).

Exit codes, the highest that applies to any file:

- ``0``: every file was read and no file has an error (warnings and infos may remain);
- ``1``: every file was read, and at least one has a validation error;
- ``2``: a file (or a source text) cannot be read as a programme: it is missing, too
  large, not UTF-8, not valid JSON/YAML/TOML, or does not fit the model (a wrong type,
  an unknown field, a quantity that does not parse); also a usage error;
- ``3``: an internal error, which is a bug to report.

Each command is a plain function registered with :func:`_command`; :func:`build_app`
turns them into one typer application, so further commands join the same module.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

try:
    import rich.console
    import rich.text
    import typer
except ModuleNotFoundError as _missing:  # the cli extra is not installed: main() says so
    _MISSING: str | None = _missing.name or "typer"
else:
    _MISSING = None

from unitedfront.errors import LoadError, UnitedFrontError

if TYPE_CHECKING:
    from unitedfront._model import Programme
    from unitedfront._validate import Finding, Report

__all__ = ["EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "EXIT_UNREADABLE", "build_app", "main"]

EXIT_OK = 0
"""Every file was read; none has a validation error."""
EXIT_FINDINGS = 1
"""Every file was read; at least one has a validation error."""
EXIT_UNREADABLE = 2
"""A file or source text cannot be read as a programme, or the command line is wrong."""
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


_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _consoles() -> tuple[rich.console.Console, rich.console.Console]:
    # Built per call so that the streams in use now (a test runner's, a pipe) are used.
    options: dict[str, Any] = {"highlight": False, "soft_wrap": True, "emoji": False}
    out = rich.console.Console(file=sys.stdout, **options)
    err = rich.console.Console(file=sys.stderr, **options)
    return out, err


def _finding_line(file: str, finding: Finding) -> rich.text.Text:
    line = rich.text.Text(f"{file}: {finding.code} ")
    line.append(finding.severity.value, style=_STYLES[finding.severity.value])
    line.append(str(finding)[len(finding.code) + 1 + len(finding.severity.value) :])
    return line


def _summary(file: str, report: Report) -> str:
    def count(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    parts = [
        count(len(report.errors), "error"),
        count(len(report.warnings), "warning"),
        count(len(report.infos), "info"),
    ]
    if report.explained:
        parts.append(f"{len(report.explained)} explained")
    return f"{file}: {'ok' if report.ok else 'not ok'}: {', '.join(parts)}"


def _read_source(spec: str, path: Path) -> str:
    """A source text from a file: UTF-8, a byte-order mark tolerated, within the size limit."""
    from unitedfront._io import _read

    file = os.fspath(path)
    raw = _read(file).removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"source text {spec!r} is not valid UTF-8 (byte offset {exc.start})", file=file
        ) from None


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
        typer.Argument(
            metavar="FILE",
            help="Programme files: .json, .yaml, .yml (needs the yaml extra) or .toml.",
            show_default=False,
        ),
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
    """Work with United Front programmes: check files of your own against the model.

    Example: unitedfront validate yantai-2024.json
    """


def build_app() -> typer.Typer:
    """The typer application with every registered command."""
    app = typer.Typer(
        name="unitedfront",
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
