"""How much a person's review changed a draft: the measure of drafting on new material.

Run from the repository root::

    uv run python benchmarks/review_changes.py DRAFT.json DATASET.json

``DRAFT.json`` is what ``unitedfront extract`` (or ``draft(...).to_json()``) wrote for a text;
``DATASET.json`` is the programme file after review. Every figure of the draft (the
indicators at any level) is matched to a figure of the dataset: first by the same quote and
expression, then by the same expression under quotes of which one holds the other, then by
the same quote, then by an expression that is left only once on both sides. It prints one
line, counting:

- **added**: figures of the dataset that no draft figure matches (missed, or listed by the
  draft as not a figure);
- **dropped**: draft figures that match no figure of the dataset (not figures, or left out);
- **re-read**: matched figures whose expression changed;
- **re-typed**: matched figures whose kind changed;
- **re-dated**: matched figures whose period, as-of date, cumulative mark or span changed,
  or whose temporal nature changed where the draft gave one;
- **re-metricked**: matched figures whose metric changed (a suggestion removed included).

Expressions and quotes are compared after ``normalize_source``, so that a draft of a text
in traditional script matches its dataset. Nothing is written; the exit status is 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unitedfront import normalize_source

#: The fields of a figure's time: changed together they count as one re-dating.
TIME_FIELDS = ("period", "as_of", "cumulative", "span")


@dataclass(frozen=True)
class Figure:
    """One indicator of a programme file, with what the review may change."""

    text: str
    quote: str
    record: dict[str, Any]

    def time(self, temporal: bool) -> tuple[Any, ...]:
        fields = (*TIME_FIELDS, "temporal") if temporal else TIME_FIELDS
        return tuple(self.record.get(name) or None for name in fields)


def _indicators(holder: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from holder.get("indicators") or ()
    for action in holder.get("actions") or ():
        yield from _indicators(action)
    for measure in holder.get("measures") or ():
        yield from _indicators(measure)


def figures(programme: dict[str, Any]) -> list[Figure]:
    """Every indicator of a programme file (programme, action and measure level)."""
    return [
        Figure(
            normalize_source(str(record.get("quantity", ""))),
            normalize_source(str((record.get("evidence") or {}).get("quote", ""))),
            record,
        )
        for record in _indicators(programme)
    ]


def _nested(a: Figure, b: Figure) -> bool:
    return a.text == b.text and (a.quote in b.quote or b.quote in a.quote)


def match(draft: list[Figure], final: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Pairs of (draft figure, dataset figure), each figure in one pair at most."""
    left, right = list(draft), list(final)
    pairs: list[tuple[Figure, Figure]] = []
    rules: list[Callable[[Figure, Figure], bool]] = [
        lambda a, b: a.text == b.text and a.quote == b.quote,
        _nested,
        lambda a, b: a.quote == b.quote,
        lambda a, b: (
            a.text == b.text
            and sum(f.text == a.text for f in left) == 1
            and sum(f.text == a.text for f in right) == 1
        ),
    ]
    for rule in rules:
        for a in list(left):
            found = next((b for b in right if rule(a, b)), None)
            if found is not None:
                pairs.append((a, found))
                left.remove(a)
                right.remove(found)
    return pairs


@dataclass(frozen=True)
class Changes:
    """What the review changed, counted field by field."""

    drafted: int
    reviewed: int
    added: int
    dropped: int
    reread: int
    retyped: int
    redated: int
    remetricked: int

    @property
    def total(self) -> int:
        return (
            self.added + self.dropped + self.reread + self.retyped + self.redated + self.remetricked
        )

    def summary(self) -> str:
        return (
            f"{self.drafted} drafted, {self.reviewed} reviewed figures: {self.total} changes "
            f"(added {self.added}, dropped {self.dropped}, re-read {self.reread}, "
            f"re-typed {self.retyped}, re-dated {self.redated}, re-metricked {self.remetricked})"
        )


def changes(draft: dict[str, Any], final: dict[str, Any]) -> Changes:
    """Compare a draft programme file with the reviewed one."""
    drafted, reviewed = figures(draft), figures(final)
    pairs = match(drafted, reviewed)
    return Changes(
        drafted=len(drafted),
        reviewed=len(reviewed),
        added=len(reviewed) - len(pairs),
        dropped=len(drafted) - len(pairs),
        reread=sum(a.text != b.text for a, b in pairs),
        retyped=sum(a.record.get("kind") != b.record.get("kind") for a, b in pairs),
        redated=sum(
            a.time("temporal" in a.record) != b.time("temporal" in a.record) for a, b in pairs
        ),
        remetricked=sum(a.record.get("metric") != b.record.get("metric") for a, b in pairs),
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SystemExit(f"{path}: cannot read a programme file: {exc}") from exc
    if not isinstance(loaded, dict):
        raise SystemExit(f"{path}: a programme file is a JSON object")
    return loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", type=Path, help="the draft, as extract wrote it")
    parser.add_argument("dataset", type=Path, help="the programme file after review")
    args = parser.parse_args(argv)
    result = changes(_read(args.draft), _read(args.dataset))
    print(f"{args.dataset.stem}: {result.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
