"""The hand-labelled development set for drafting: every label file checked against its text.

Each file in ``tests/data/drafting/`` says, for one source text, what a draft of it should
give: the document's facts (kind, date, place, issuer, framework, actions), every figure with
its reading and typing, and every number-bearing expression that is not a figure, with the
reason. ``README.md`` there gives the format and the labelling rules. The texts themselves are
third-party articles kept beside the repository (``shared/seeds`` and ``shared/sources``); a
label locates its expression by a short context that must occur exactly once in the text after
``normalize_source``. The labels are the truth the drafting benchmark measures against, so
nothing here asks the parser to agree with them.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests._seeds import SEED_FILES, seeds_dir
from unitedfront import (
    Framework,
    IndicatorKind,
    JurisdictionLevel,
    Qualifier,
    get_jurisdiction,
    get_metric,
    normalize_source,
)

LABELS = Path(__file__).parent / "data" / "drafting"
LABEL_FILES = sorted(LABELS.glob("*.json"))

#: The longest context a label may quote from its text.
MAX_CONTEXT = 30
#: What a document is: the programme kinds, and the report of a meeting.
DOCUMENT_KINDS = {"plan", "report", "meeting"}
#: Why a number-bearing expression is not a figure (the closed set of ``README.md``).
NOT_FIGURE_REASONS = {
    "anniversary",
    "session",
    "date",
    "quarter",
    "span",
    "tier",
    "edition",
    "list-number",
    "identifier",
    "name",
    "article",
    "threshold",
}
TOP_KEYS = {
    "text",
    "id",
    "kind",
    "published",
    "place",
    "issuer",
    "framework",
    "actions",
    "figures",
    "not_figures",
}
FIGURE_KEYS = {
    "expression",
    "context",
    "value",
    "qualifier",
    "unit",
    "ordinal",
    "kind",
    "period",
    "as_of",
    "cumulative",
    "scope",
    "subject",
    "metric",
}
RANGE_KEYS = {"low", "high"}
NOT_FIGURE_KEYS = {"expression", "context", "why"}


def shared_dir() -> Path:
    """The folder that holds ``seeds/`` and ``sources/`` (the seeds' folder's parent)."""
    return seeds_dir().parent


@cache
def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def _normalized(relative: str) -> str:
    return normalize_source((shared_dir() / relative).read_text(encoding="utf-8"))


def text_of(label: dict[str, Any]) -> str:
    """The label's text after ``normalize_source``; skips when the texts are absent."""
    path = shared_dir() / label["text"]
    if not path.is_file():
        pytest.skip(f"source texts not found at {shared_dir()} (set UNITEDFRONT_SEEDS)")
    return _normalized(label["text"])


def iso_date(value: object, where: str) -> date:
    assert isinstance(value, str), f"{where}: {value!r} is not an ISO date string"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), f"{where}: {value!r} is not YYYY-MM-DD"
    return date.fromisoformat(value)


def entries(label: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every figure and not-figure of a label, each with a path naming it in messages."""
    out = [(f"figures[{i}]", f) for i, f in enumerate(label["figures"])]
    out += [(f"not_figures[{i}]", n) for i, n in enumerate(label["not_figures"])]
    return out


def location(text: str, entry: dict[str, Any]) -> tuple[int, int]:
    """Where an entry's expression stands in the text: its context's one occurrence, then the
    expression's first place inside that context."""
    start = text.index(entry["context"]) + entry["context"].index(entry["expression"])
    return start, start + len(entry["expression"])


def test_every_text_has_a_label_file() -> None:
    """The set covers the five seeds and every source the sources' index lists."""
    ids = {p.stem for p in LABEL_FILES}
    assert set(SEED_FILES) <= ids
    index = shared_dir() / "sources" / "index.json"
    if not index.is_file():
        pytest.skip(f"sources index not found at {index} (set UNITEDFRONT_SEEDS)")
    listed = json.loads(index.read_text(encoding="utf-8"))["texts"]
    assert {Path(t["file"]).stem for t in listed} <= ids


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_document_facts_are_well_formed(path: Path) -> None:
    label = load(path)
    assert set(label) - {"note"} == TOP_KEYS, f"{path.name}: keys {sorted(label)}"
    assert label["id"] == path.stem
    if label["id"] in SEED_FILES:
        assert label["text"] == f"seeds/{SEED_FILES[label['id']]}"
    else:
        assert label["text"] == f"sources/{path.stem}.txt"
    assert label["kind"] in DOCUMENT_KINDS
    if label["published"] is not None:
        iso_date(label["published"], f"{path.name}: published")
    place = label["place"]
    if place is not None:
        assert set(place) == {"zh", "code", "level"}, f"{path.name}: place {place}"
        assert place["zh"] and re.fullmatch(r"[1-8]\d{5}", place["code"]), place
        assert place["level"] in set(JurisdictionLevel), place
        # a real division of that level (UnknownPlaceError names a code the table lacks)
        assert get_jurisdiction(place["code"]).level == place["level"], place
    assert label["issuer"] is None or (isinstance(label["issuer"], str) and label["issuer"])
    assert label["framework"] in set(Framework)
    assert all(isinstance(a, str) and a for a in label["actions"])


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_figures_are_well_formed(path: Path) -> None:
    for i, f in enumerate(load(path)["figures"]):
        where = f"{path.name}: figures[{i}]"
        assert set(f) - {"note"} in (FIGURE_KEYS, FIGURE_KEYS | RANGE_KEYS), f"{where}: keys"
        assert isinstance(f["expression"], str) and f["expression"], where
        try:
            bounds = [Decimal(f[k]) for k in ("value", *sorted(RANGE_KEYS & set(f)))]
        except (InvalidOperation, TypeError):
            pytest.fail(f"{where}: value, low and high must be decimal strings")
        assert all(b.is_finite() for b in bounds), where
        assert f["qualifier"] in set(Qualifier) - {Qualifier.SUM}, where
        # low and high are given exactly for ranges, and the value is the low end
        assert (f["qualifier"] == Qualifier.RANGE) == (set(f) >= RANGE_KEYS), where
        if f["qualifier"] == Qualifier.RANGE:
            assert Decimal(f["value"]) == Decimal(f["low"]) <= Decimal(f["high"]), where
        assert f["unit"] is None or (isinstance(f["unit"], str) and f["unit"]), where
        assert isinstance(f["ordinal"], bool) and isinstance(f["cumulative"], bool), where
        assert f["kind"] in set(IndicatorKind), where
        if f["period"] is not None:
            assert set(f["period"]) == {"start", "end"}, where
            start = iso_date(f["period"]["start"], f"{where}.period.start")
            assert start <= iso_date(f["period"]["end"], f"{where}.period.end"), where
        if f["as_of"] is not None:
            iso_date(f["as_of"], f"{where}.as_of")
        assert f["scope"] is None or (isinstance(f["scope"], str) and f["scope"]), where
        assert isinstance(f["subject"], str) and f["subject"], where
        if f["metric"] is not None:
            get_metric(f["metric"])  # KeyError naming the closest codes if it is gone


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_not_figures_give_a_reason_from_the_closed_set(path: Path) -> None:
    for i, n in enumerate(load(path)["not_figures"]):
        where = f"{path.name}: not_figures[{i}]"
        assert set(n) == NOT_FIGURE_KEYS, f"{where}: keys {sorted(n)}"
        assert isinstance(n["expression"], str) and n["expression"], where
        assert n["why"] in NOT_FIGURE_REASONS, f"{where}: why {n['why']!r}"


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_each_context_occurs_once_and_holds_its_expression(path: Path) -> None:
    label = load(path)
    text = text_of(label)
    for where, e in entries(label):
        context = e["context"]
        assert len(context) <= MAX_CONTEXT, f"{path.name}: {where}: context over {MAX_CONTEXT}"
        assert e["expression"] in context, f"{path.name}: {where}: {context!r}"
        assert text.count(context) == 1, (
            f"{path.name}: {where}: context {context!r} occurs {text.count(context)} times"
        )


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_no_two_entries_share_a_location(path: Path) -> None:
    label = load(path)
    text = text_of(label)
    seen: dict[tuple[int, int], str] = {}
    for where, e in entries(label):
        span = location(text, e)
        assert span not in seen, f"{path.name}: {where} and {seen[span]} both stand at {span}"
        seen[span] = where


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.stem)
def test_every_arabic_number_is_labelled(path: Path) -> None:
    """Arabic digits always bear a number, so each run of them lies inside some entry: a figure
    or a not-figure. (Chinese numerals also form words such as 统一, so they are left to the
    labeller and the README's rules.)"""
    label = load(path)
    text = text_of(label)
    spans = [location(text, e) for _, e in entries(label)]
    for m in re.finditer(r"\d+", text):
        inside = any(a <= m.start() and m.end() <= b for a, b in spans)
        assert inside, f"{path.name}: {m.group()!r} at {m.start()} is in no entry: " + repr(
            text[max(0, m.start() - 10) : m.end() + 10]
        )
