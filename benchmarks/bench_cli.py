"""How long each ``unitedfront`` command takes as a whole process, against ``python -c pass``.

Run from the repository root::

    uv run python benchmarks/bench_cli.py            # 9 runs of each command
    uv run python benchmarks/bench_cli.py --repeat 21 --only list,compare

Each command runs as a user runs it, a fresh process of the ``unitedfront`` console script
(or ``python -m unitedfront`` where the script is not installed), with its output thrown
away. The commands and the baseline take turns, so that a busy machine slows them alike;
the figures are medians. The last column is the command's time over the baseline's: the
part of a run that is Python itself starting is the baseline.

Nothing is asserted: the figures are for reading. It needs nothing but the standard
library and an installed ``unitedfront`` with the ``cli`` extra.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "data" / "example-city-2024.json"
BRIEFING = ROOT / "examples" / "data" / "example-city-briefing.txt"

#: Each command as a user types it (after ``unitedfront``).
COMMANDS: dict[str, tuple[str, ...]] = {
    "--version": ("--version",),
    "--help": ("--help",),
    "list": ("list",),
    "metrics": ("metrics",),
    "themes": ("themes",),
    "show": ("show", "linyi-2024"),
    "indicators": ("indicators", "linyi-2024"),
    "compare": ("compare", "enterprises_visited"),
    "coverage": ("coverage",),
    "report": ("report",),
    "validate": ("validate", str(EXAMPLE)),
    "extract": ("extract", str(BRIEFING)),
    "schema": ("schema",),
}


def _program() -> list[str]:
    """The console script beside this Python, else ``python -m unitedfront``."""
    script = Path(sys.executable).parent / "unitedfront"
    if script.exists():
        return [str(script)]
    found = shutil.which("unitedfront")
    return [found] if found else [sys.executable, "-m", "unitedfront"]


def _seconds(argv: Sequence[str]) -> float:
    env = dict(os.environ, COLUMNS="80")
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def main(arguments: Sequence[str] | None = None) -> None:
    """Time the commands and print a table of medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="runs of each command")
    parser.add_argument("--only", help="comma-separated command names (default: all)")
    options = parser.parse_args(arguments)
    names = list(COMMANDS) if options.only is None else options.only.split(",")
    unknown = [name for name in names if name not in COMMANDS]
    if unknown:
        parser.error(f"unknown command {unknown[0]!r}; choose from {', '.join(COMMANDS)}")
    program = _program()
    baseline = [sys.executable, "-c", "pass"]
    runs: dict[str, list[float]] = {name: [] for name in ["python -c pass", *names]}
    for argv in (baseline, *(program + list(COMMANDS[name]) for name in names)):
        _seconds(argv)  # once, unmeasured, so that the file system cache is warm
    for _ in range(options.repeat):
        runs["python -c pass"].append(_seconds(baseline))
        for name in names:
            runs[name].append(_seconds(program + list(COMMANDS[name])))
    base = statistics.median(runs["python -c pass"])
    print(f"{' '.join(program)}: medians of {options.repeat} runs")
    print(f"{'command':<16} {'median s':>9} {'x python':>9}")
    for name, times in runs.items():
        median = statistics.median(times)
        print(f"{name:<16} {median:>9.3f} {median / base:>9.1f}")


if __name__ == "__main__":
    main()
