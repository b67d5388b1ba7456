r"""Judge mutants in fresh processes: those mutmut cannot switch on, or cannot test.

mutmut runs each mutant in a process forked after the tests were collected, and switches
the mutant on for calls made from then on. A function that builds a table when its module
is imported (the parser's unit words and folding tables) has already run by then, so
mutmut reports its mutants as reached by no test. This script judges them the slow way:
for each, it writes the mutant into the sources of a scratch copy of the repository
(``mutmut apply``), runs the tests in a fresh process, and puts the sources back.

Run from the root of the repository that holds the ``mutants/`` folder of a finished
``mutmut run``, after ``mutmut results --all true > mutants.txt``::

    uv run python fuzz/mutation_apply.py mutants.txt --status "no tests"

The same serves the mutants only tests left out of the mutation run can reach (those that
use polars, DuckDB or dask, whose thread pools do not survive mutmut's fork)::

    uv run python fuzz/mutation_apply.py mutants.txt --status survived \
        --match '_analysis._frame' --tests tests/test_analysis_frame.py \
        tests/test_analysis_compare.py

It prints one line per mutant (killed or survived) and a count per module; with
``--write FILE`` it writes the same ``name: status`` lines that ``mutmut results`` gives,
for ``fuzz/mutation_score.py`` to read with ``--also FILE``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

TESTS = (
    "tests/test_parse.py",
    "tests/test_find.py",
    "tests/test_total.py",
    "tests/test_model.py",
    "tests/test_schema.py",
    "tests/test_validate.py",
)
_LINE = re.compile(r"^\s*(?P<name>\S+__mutmut_\d+): (?P<status>.+?)\s*$")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("results", type=Path, help="the output of `mutmut results --all true`")
    parser.add_argument("--status", default="no tests", help="which mutants to judge")
    parser.add_argument("--match", default="", help="only mutants whose name this regex finds")
    parser.add_argument("--tests", nargs="+", default=list(TESTS), help="the tests to run")
    parser.add_argument("--write", type=Path, help="write `name: status` lines here")
    parser.add_argument("--mutmut", default="mutmut", help="the mutmut command")
    args = parser.parse_args(argv)
    names = [
        m["name"]
        for line in args.results.read_text(encoding="utf-8").splitlines()
        if (m := _LINE.match(line))
        and m["status"] == args.status
        and re.search(args.match, m["name"])
    ]
    root = Path.cwd()
    outcome: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="uf-mutant-") as scratch:
        copy = Path(scratch, "repo")
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".venv", ".git", "site"))
        pristine = Path(scratch, "src")
        shutil.copytree(copy / "src", pristine)

        def tests_pass() -> bool:
            done = subprocess.run(
                [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *args.tests],
                cwd=copy,
                capture_output=True,
                check=False,
                # the copy's sources first, ahead of any installed unitedfront
                env={**os.environ, "PYTHONPATH": str(copy / "src")},
            )
            return done.returncode == 0

        if not tests_pass():  # a mutant is killed only if the sources as they are pass
            print("the tests fail without any mutant: fix that first", file=sys.stderr)
            return 2
        for name in names:
            subprocess.run([args.mutmut, "apply", name], cwd=copy, check=True, capture_output=True)
            outcome[name] = "survived" if tests_pass() else "killed"
            print(f"{name}: {outcome[name]}", flush=True)
            shutil.rmtree(copy / "src")
            shutil.copytree(pristine, copy / "src")
    counts = Counter((name.split(".x")[0], status) for name, status in outcome.items())
    for (module, status), n in sorted(counts.items()):
        print(f"{module}: {n} {status}")
    if args.write:
        args.write.write_text("".join(f"{n}: {s}\n" for n, s in outcome.items()), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
