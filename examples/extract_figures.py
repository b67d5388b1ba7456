"""Find every figure of a new Chinese text: the first step of adding a city's dataset.

The text in ``data/example-city-briefing.txt`` is a made-up briefing. It is normalized
first (simplified script, ASCII digits and punctuation; needs the opencc extra for
traditional text), then every quantity expression is found with its offsets, its
qualifier and the interval it implies. Dates, names with numerals (“两个健康”) and
campaign names in quotation marks are not figures and are skipped. Run with::

    uv run python examples/extract_figures.py

The command line writes the same figures out as a draft programme file to fill in::

    unitedfront extract examples/data/example-city-briefing.txt -o example-city-2024.json
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from unitedfront import find_quantities, normalize_source

raw = (Path(__file__).parent / "data" / "example-city-briefing.txt").read_text(encoding="utf-8")
text = normalize_source(raw)  # full-width １２ becomes 12; line breaks become spaces

matches = find_quantities(text)
print(f"{len(matches)} figures found\n")


def pad(text: str, width: int) -> str:
    """Pad to a width in terminal columns (a Chinese character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


print(f"{'offsets':>9}  {pad('as written', 15)}{pad('qualifier', 11)}interval")
for m in matches:
    q = m.quantity
    print(f"{m.start:>4}-{m.end:<4}  {pad(m.text, 15)}{pad(q.qualifier.value, 11)}{q.interval}")

# A figure's words: the phrase before it in the same clause names what it counts.
first = matches[0]
clause_start = max(text.rfind(mark, 0, first.start) for mark in "。,;") + 1
print(f"\nThe first figure in its clause: {text[clause_start : first.end]}")

# Traditional script reads the same once normalized.
print(normalize_source("協調解決企業反映的問題近３００個"))
