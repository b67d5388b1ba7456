"""The mutation score of each mutated module, from the results of a mutmut run.

Run from the repository root after ``mutmut run`` (see ``docs/reliability.md``)::

    uv run --with 'mutmut>=3.8' mutmut results --all true > mutants.txt
    uv run python fuzz/mutation_score.py mutants.txt

It prints, for each module, the mutants mutmut made and what became of them, and the
score: the share of mutants the tests detected (killed, or made to run past the time
limit). A mutant no test reaches counts against the score like one that survived. Then
it lists every survivor, for ``mutmut show NAME`` and the list in ``docs/reliability.md``.
The exit status is 1 when a module scores under ``--floor`` (90% unless given).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

#: mutmut's statuses that mean the tests noticed the mutant.
DETECTED = frozenset({"killed", "timeout"})
#: Statuses of mutants not judged (a run interrupted, or a line marked ``pragma: no
#: mutate``): reported, not scored.
UNJUDGED = frozenset({"not checked", "check was interrupted by user", "skipped"})
_LINE = re.compile(r"^\s*(?P<name>\S+?)__mutmut_\d+: (?P<status>.+?)\s*$")


def module_of(name: str) -> str:
    """``unitedfront._parse.x__cn_int`` or ``unitedfront._validate.xǁRuleǁcheck`` → module."""
    return re.split(r"\.x(?:_|ǁ)", name, maxsplit=1)[0]


def read(lines: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Mutant names and statuses by module; a name given twice takes its last status."""
    status_of: dict[str, str] = {}
    for line in lines:
        m = _LINE.match(line)
        if m is not None:
            status_of[line.strip().split(": ", 1)[0]] = m["status"]
    by_module: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for full, status in status_of.items():
        by_module[module_of(full)].append((full, status))
    return dict(by_module)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("results", type=Path, help="the output of `mutmut results --all true`")
    parser.add_argument(
        "--also",
        type=Path,
        action="append",
        default=[],
        help="`name: status` lines that replace mutmut's (from fuzz/mutation_apply.py)",
    )
    parser.add_argument("--floor", type=float, default=90.0, help="lowest passing score, in %%")
    args = parser.parse_args(argv)
    lines = args.results.read_text(encoding="utf-8").splitlines()
    for extra in args.also:
        lines += extra.read_text(encoding="utf-8").splitlines()  # later lines win
    by_module = read(lines)
    if not by_module:
        print(f"{args.results}: no mutant results found", file=sys.stderr)
        return 2
    header = f"{'module':34} {'mutants':>7} {'killed':>7} {'timeout':>7} {'survived':>8}"
    header += f" {'no test':>7} {'other':>5} {'score':>7}"
    print(header)
    print("-" * len(header))
    below: list[str] = []
    totals: Counter[str] = Counter()
    for module in sorted(by_module):
        counts = Counter(status for _, status in by_module[module])
        totals.update(counts)
        judged = sum(n for status, n in counts.items() if status not in UNJUDGED)
        detected = sum(counts[status] for status in DETECTED)
        score = 100 * detected / judged if judged else 0.0
        other = judged - detected - counts["survived"] - counts["no tests"]
        if judged and score < args.floor:
            below.append(module)
        print(
            f"{module:34} {judged:7} {counts['killed']:7} {counts['timeout']:7} "
            f"{counts['survived']:8} {counts['no tests']:7} {other:5} {score:6.1f}%"
        )
    judged = sum(n for status, n in totals.items() if status not in UNJUDGED)
    detected = sum(totals[status] for status in DETECTED)
    print("-" * len(header))
    overall = 100 * detected / judged if judged else 0.0
    print(f"{'all':34} {judged:7} {'':7} {'':7} {'':8} {'':7} {'':5} {overall:6.1f}%")
    unjudged = sum(totals[status] for status in UNJUDGED)
    if unjudged:
        print(f"\n{unjudged} mutants not judged (not run yet, interrupted, or skipped).")
    print("\nnot detected:")
    for module in sorted(by_module):
        for name, status in by_module[module]:
            if status not in DETECTED and status not in UNJUDGED:
                print(f"  {name}: {status}")
    if below:
        print(f"\nunder {args.floor:g}%: {', '.join(below)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
