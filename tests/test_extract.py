"""Drafting a programme from a text: quotes, names and placeholders (``unitedfront._extract``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from tests._cli_helpers import BRIEFING
from tests.strategies import ZH_NAMES, quantities
from tests.test_cli_extract import fill
from unitedfront import find_quantities, normalize_source, validate
from unitedfront._extract import _TRADITIONAL_ONLY, draft_programme
from unitedfront._io import programme_from_data


def test_the_traditional_characters_are_never_simplified_ones() -> None:
    """Each character the fallback looks for changes under traditional-to-simplified."""
    pytest.importorskip("opencc")
    from unitedfront import to_simplified

    for char in sorted(_TRADITIONAL_ONLY):
        assert to_simplified(char) != char, char
    assert not set(BRIEFING.read_text(encoding="utf-8")) & _TRADITIONAL_ONLY


_PIECES = st.one_of(
    st.sampled_from(ZH_NAMES),
    st.sampled_from(["，", "。", "、", "；", "：", " ", "“五大行动”", "2024年", "6月27日"]),
    quantities(units=("家", "个", "人次", "条", "元"), tidy=True).map(lambda q: q.text),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_every_candidate_is_quoted_and_named_within_its_text(raw: str) -> None:
    """Whatever the text: a quote per figure that holds it, found in the text, at most 40."""
    text = normalize_source(raw)
    draft = draft_programme(text, "doc")
    found = find_quantities(text)
    assert len(draft["indicators"]) == len(found)
    for n, (candidate, match) in enumerate(zip(draft["indicators"], found, strict=True)):
        quote = candidate["evidence"]["quote"]
        assert candidate["id"] == f"figure-{n + 1:03d}"
        assert match.text in quote and quote in text
        assert len(quote) <= max(40, len(match.text))
        assert candidate["name"].strip() and len(candidate["name"]) <= 24
    programme = programme_from_data(fill(draft))
    report = validate(programme, sources={"doc": raw})
    assert not {"UF201", "UF202"} & set(report.codes)
