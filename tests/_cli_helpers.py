"""Running the command line in the test process, as a shell would see it, and its paths."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from unitedfront import datasets
from unitedfront._cli import main
from unitedfront.errors import UnknownDatasetError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "data"
BRIEFING = EXAMPLES / "example-city-briefing.txt"
EXAMPLE_CITY = EXAMPLES / "example-city-2024.json"
BAD = Path(__file__).parent / "data" / "bad"

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3


@attrs.frozen
class Result:
    """What a run printed, and how it ended."""

    exit_code: int
    stdout: str
    stderr: str
    output: str
    """Standard output and standard error as they were interleaved."""


def run(*args: str, columns: int = 80) -> Result:
    """Run ``unitedfront ARGS`` through :func:`unitedfront._cli.main`, at ``columns`` wide."""
    runner = CliRunner()
    with runner.isolation(env={"COLUMNS": str(columns)}) as (out, err, mixed):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        else:  # pragma: no cover - main always leaves with SystemExit
            code = 0
        sys.stdout.flush()
        sys.stderr.flush()
        return Result(
            code,
            out.getvalue().decode("utf-8"),
            err.getvalue().decode("utf-8"),
            mixed.getvalue().decode("utf-8"),
        )


def one_line_error(result: Result, code: int = EXIT_UNREADABLE) -> str:
    """Assert a failed run: the exit code, nothing on stdout, one line on stderr."""
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")
    assert "Traceback" not in result.output
    return result.stderr.rstrip("\n")


def unknown_message(id: str) -> str:
    """The message :func:`datasets.load` gives for an unknown id."""
    with pytest.raises(UnknownDatasetError) as info:
        datasets.load(id)
    return str(info.value)
