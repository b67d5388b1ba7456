"""How well :func:`unitedfront.draft` drafts the hand-labelled texts.

Run from the repository root::

    uv run python benchmarks/bench_drafting.py [--labels tests/data/drafting] [--shared DIR]

For each text labelled in ``tests/data/drafting/`` (format and rules in its ``README.md``), the
text is drafted and every drafted figure is matched to the labelled figure whose expression it
overlaps. It prints, per text and in total:

- **recall**: labelled figures that a drafted figure matches;
- **exact**: matched figures whose reading (value, qualifier, unit, ordinal, and a range's
  bounds) is the label's;
- **precision**: drafted figures that match a labelled figure;
- **kind**: matched figures typed with the label's kind;
- **time**: matched figures with the label's period and as-of date (both ``None`` included);
- **metric**: matched figures whose label has a metric, suggested that metric first;
- **suggested**: matched figures given a metric suggestion whose label has that metric
  (a suggestion where the label has none counts against it);
- **place**: the programme's code, where the label names the place.

The texts stay outside the repository (``shared/`` beside it, or ``--shared``); a text that
is not there is skipped, saying so. Nothing is asserted here: the test
``tests/test_bench_drafting.py`` holds the floors.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from unitedfront import Draft, DraftFigure, draft

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "drafting"


def shared_dir() -> Path:
    """Where the texts are: above ``UNITEDFRONT_SEEDS`` if set, else ``shared/`` beside the repo."""
    override = os.environ.get("UNITEDFRONT_SEEDS")
    if override:
        return Path(override).parent
    return ROOT.parent / "shared"


@dataclass
class Score:
    """The counts behind one row of the table."""

    name: str
    labelled: int = 0
    drafted: int = 0
    matched: int = 0
    exact: int = 0
    real: int = 0
    kind: int = 0
    time: int = 0
    with_metric: int = 0
    metric: int = 0
    suggested: int = 0
    suggested_right: int = 0
    places: int = 0
    place: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add another row's counts to this one."""
        for f in fields(self):
            if f.type == "int":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        self.misses += other.misses

    def ratios(self) -> dict[str, float | None]:
        """Each measure as a share, ``None`` where nothing was there to measure."""

        def share(part: int, whole: int) -> float | None:
            return part / whole if whole else None

        return {
            "recall": share(self.matched, self.labelled),
            "exact": share(self.exact, self.matched),
            "precision": share(self.real, self.drafted),
            "kind": share(self.kind, self.matched),
            "time": share(self.time, self.matched),
            "metric": share(self.metric, self.with_metric),
            "suggested": share(self.suggested_right, self.suggested),
            "place": share(self.place, self.places),
        }


def _locate(text: str, context: str, expression: str) -> tuple[int, int] | None:
    """The span of ``expression`` inside the one occurrence of ``context`` in ``text``.

    The labels are made on the text with every run of white space folded to one space; the
    draft keeps line breaks and drops indents, so a space in a label matches any run of
    white space, or none.
    """

    def pattern(words: str) -> str:
        return "".join(r"\s*" if c == " " else re.escape(c) for c in words)

    found = re.search(pattern(context), text)
    if found is None:
        return None
    inner = re.search(pattern(expression), text[found.start() : found.end()])
    if inner is None:
        return None
    return found.start() + inner.start(), found.start() + inner.end()


def _reads_alike(figure: DraftFigure, label: dict[str, Any]) -> bool:
    q = figure.quantity
    if q.value != Decimal(label["value"]) or q.qualifier.value != label["qualifier"]:
        return False
    if (q.unit or None) != (label["unit"] or None) or q.ordinal != label["ordinal"]:
        return False
    if "low" in label and label["low"] is not None and q.low != Decimal(label["low"]):
        return False
    return not ("high" in label and label["high"] is not None and q.high != Decimal(label["high"]))


def _time_alike(figure: DraftFigure, label: dict[str, Any]) -> bool:
    period = figure.period.value
    want = label["period"]
    got = (
        None
        if period is None
        else {"start": period.start.isoformat(), "end": period.end.isoformat()}
    )
    as_of = figure.as_of.value.isoformat() if figure.as_of.value is not None else None
    return bool(got == want and as_of == label["as_of"])


def score_text(label: dict[str, Any], raw: str) -> tuple[Score, Draft]:
    """Draft one text and count how its draft agrees with the label."""
    published = date.fromisoformat(label["published"]) if label["published"] else None
    result = draft(raw, source_id=label["id"], published=published)
    score = Score(label["id"])
    spans: list[tuple[int, int, dict[str, Any]]] = []
    for figure in label["figures"]:
        where = _locate(result.text, figure["context"], figure["expression"])
        if where is None:
            score.misses.append(f"{label['id']}: label not found: {figure['expression']}")
            continue
        spans.append((*where, figure))
    score.labelled = len(label["figures"])
    score.drafted = len(result.figures)
    used: set[int] = set()
    for drafted in result.figures:
        hit = next(
            (
                (i, lab)
                for i, (a, b, lab) in enumerate(spans)
                if i not in used and a < drafted.end and drafted.start < b
            ),
            None,
        )
        if hit is None:
            score.misses.append(f"{label['id']}: not a figure: {drafted.text} ({drafted.quote})")
            continue
        i, lab = hit
        used.add(i)
        score.real += 1
        score.matched += 1
        if _reads_alike(drafted, lab):
            score.exact += 1
        else:
            score.misses.append(f"{label['id']}: reading: {drafted.text} vs {lab['expression']}")
        if drafted.kind.value is not None and drafted.kind.value.value == lab["kind"]:
            score.kind += 1
        else:
            got = drafted.kind.value.value if drafted.kind.value else None
            score.misses.append(f"{label['id']}: kind: {drafted.text} {got} vs {lab['kind']}")
        if _time_alike(drafted, lab):
            score.time += 1
        else:
            score.misses.append(
                f"{label['id']}: time: {drafted.text} {drafted.period.value} "
                f"{drafted.as_of.value} vs {lab['period']} {lab['as_of']}"
            )
        if drafted.metric.code is not None:
            score.suggested += 1
            score.suggested_right += drafted.metric.code == lab["metric"]
        if lab["metric"] is not None:
            score.with_metric += 1
            if drafted.metric.code == lab["metric"]:
                score.metric += 1
            else:
                got_metric = drafted.metric.code
                score.misses.append(
                    f"{label['id']}: metric: {drafted.text} {got_metric} vs {lab['metric']}"
                )
    for i, (_, _, lab) in enumerate(spans):
        if i not in used:
            score.misses.append(f"{label['id']}: missed: {lab['expression']} ({lab['context']})")
    if label["place"] is not None:
        score.places = 1
        place = result.jurisdiction.value
        code = place.code if place is not None else None
        if code == label["place"]["code"]:
            score.place = 1
        else:
            score.misses.append(f"{label['id']}: place: {code} vs {label['place']['code']}")
    return score, result


def score_all(labels: Path = LABELS, shared: Path | None = None) -> tuple[list[Score], list[str]]:
    """The score of every labelled text whose text is there, and the ids skipped."""
    shared = shared or shared_dir()
    rows: list[Score] = []
    skipped: list[str] = []
    for path in sorted(labels.glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        source = shared / label["text"]
        if not source.is_file():
            skipped.append(label["id"])
            continue
        rows.append(score_text(label, source.read_text(encoding="utf-8"))[0])
    return rows, skipped


def total(rows: list[Score]) -> Score:
    """All rows' counts added up."""
    whole = Score("total")
    for row in rows:
        whole.add(row)
    return whole


def table(rows: list[Score]) -> str:
    """The rows and their total as a Markdown table."""
    columns = ("recall", "exact", "precision", "kind", "time", "metric", "suggested", "place")
    lines = [
        "| text | figures | drafted | " + " | ".join(columns) + " |",
        "| --- | ---: | ---: | " + " | ".join("---:" for _ in columns) + " |",
    ]
    for row in [*rows, total(rows)]:
        ratios = row.ratios()
        cells = ["—" if ratios[c] is None else f"{ratios[c]:.1%}" for c in columns]
        name = f"**{row.name}**" if row.name == "total" else row.name
        lines.append(f"| {name} | {row.labelled} | {row.drafted} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the table; with ``--misses``, every disagreement after it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    rows, skipped = score_all(args.labels, args.shared)
    print(table(rows))
    if skipped:
        print(f"\nskipped (text not found): {', '.join(skipped)}")
    if args.misses:
        print()
        for miss in total(rows).misses:
            print(miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
