"""The benchmark suite still runs and still measures like against like.

``benchmarks/run.py`` checks, before it prints a figure, that the hand-written polars gives
the same frame, rows and totals as ours and that msgspec reads the same corpus; a change to
the model or the analysis that broke either would otherwise surface only at the next full
run. This runs it on a tiny corpus: the figures are meaningless, the checks are not.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def test_the_suite_runs_its_checks_and_prints_one_row_per_figure() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "benchmarks/run.py",
            "--indicators",
            "240",
            "--repeat",
            "1",
            "--only",
            "validate,analysis,memory,scan",
            "--markdown",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    figures = [row.split(" | ")[0].removeprefix("| ") for row in rows[2:]]
    validate = [f"3{x}{mark}" for x in "abcde" for mark in ("", "'")]
    assert [figure.split()[0] for figure in figures] == [
        *validate,
        *("6a", "6b", "6c"),
        *("7a", "7b", "7c", "7d"),
        *(f"8{x}{mark}" for x in "abcd" for mark in ("", "'")),
    ]
    for row in rows[2:]:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert len(cells) == 6
        assert cells[5] in {"yes", "NO", "NO; yes", "yes; yes", "NO; NO", "yes; NO", "-"}


def test_an_unknown_figure_is_refused_naming_the_choices() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--only", "speed"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "unknown figure(s) speed" in done.stderr
    assert "validate" in done.stderr
