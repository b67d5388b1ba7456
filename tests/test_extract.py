"""Reading a text to draft from (``unitedfront._extract``); the drafting is in test_drafting."""

from __future__ import annotations

import pytest

from tests._cli_helpers import BRIEFING
from unitedfront._extract import _TRADITIONAL_ONLY, slug


def test_the_traditional_characters_are_never_simplified_ones() -> None:
    """Each character the fallback looks for changes under traditional-to-simplified."""
    pytest.importorskip("opencc")
    from unitedfront import to_simplified

    for char in sorted(_TRADITIONAL_ONLY):
        assert to_simplified(char) != char, char
    assert not set(BRIEFING.read_text(encoding="utf-8")) & _TRADITIONAL_ONLY


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("yucheng-2022", "yucheng-2022"),  # already a slug
        ("Binzhou 2023 (press)", "binzhou-2023-press"),  # spaces and marks become hyphens
        ("禹城", "source"),  # nothing left: a neutral id
    ],
)
def test_a_source_is_named_after_its_file(stem: str, expected: str) -> None:
    """The source id is the file's stem as a slug."""
    assert slug(stem) == expected
