"""Set Linyi beside Ningbo on every metric both programmes report a figure of.

Each figure is an interval, so "which place reports more" has three answers: one place
for certain, the other, or "cannot tell" when the intervals overlap. And it is asked only
of figures that are alike (the ``comparable`` column of ``compare``): a running total at
a date beside one with no date, or beside a half-year's flow, is not compared at all.
Needs the pandas extra (``pip install 'unitedfront[pandas]'``). Run with::

    uv run python examples/compare_cities.py
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

import pandas as pd

from unitedfront import Programme, compare, datasets, get_metric


def metrics_of(programme: Programme) -> set[str]:
    """The metric codes a programme has figures of."""
    return {ref.indicator.metric for ref in programme.iter_indicators() if ref.indicator.metric}


def bound(value: Any) -> Decimal | None:
    """A bound of the frame as a Decimal; ``None`` where the figure is unbounded."""
    return None if pd.isna(value) else Decimal(value).normalize()


def interval(row: Any) -> str:
    """The interval a figure implies, in mathematical notation: (100, 200), [25, 25]."""
    low, high = bound(row.low), bound(row.high)
    left = "(-inf" if low is None else ("[" if row.low_inclusive else "(") + f"{low:f}"
    right = "inf)" if high is None else f"{high:f}" + ("]" if row.high_inclusive else ")")
    return f"{left}, {right}"


def above(a: Any, b: Any) -> bool:
    """Whether every number figure ``a`` allows is larger than every number ``b`` allows."""
    low, high = bound(a.low), bound(b.high)
    if low is None or high is None:
        return False
    return low > high or (low == high and not (a.low_inclusive and b.high_inclusive))


def pad(text: str, width: int) -> str:
    """Pad to a width in terminal columns (a Chinese character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


linyi = datasets.load("linyi-2024")
ningbo = datasets.load("ningbo-acfic-2023")
shared = sorted(metrics_of(linyi) & metrics_of(ningbo))
print(f"Linyi (2024) and Ningbo (2023) share {len(shared)} metrics.\n")

# One row per figure, sorted by metric and place; figures are exact decimals.
frame = compare([linyi, ningbo], shared, kind="actual")

for metric, rows in frame.groupby("metric", sort=True):
    print(f"{metric}: {get_metric(str(metric)).name.en}")
    figures = list(rows.itertuples())
    for row in figures:
        place, text, span = pad(row.jurisdiction_en, 7), pad(row.text, 11), pad(interval(row), 14)
        if not pd.isna(row.as_of):
            when = f"as of {row.as_of}"
        else:
            when = "not dated" if pd.isna(row.period) else row.period
        nature = "-" if pd.isna(row.temporal) else row.temporal
        print(f"  {place} {text} {span} {nature}, {when}")
    if len(figures) == 2:
        a, b = figures
        if a.comparable != "alike":
            # The library's verdict: the figures count different things or different times.
            verdict = f"not alike, so not compared: {a.comparable.split(': ', 1)[-1]}"
        elif above(a, b):
            verdict = f"{a.jurisdiction_en} reports more"
        elif above(b, a):
            verdict = f"{b.jurisdiction_en} reports more"
        else:
            verdict = "cannot tell: the intervals overlap"
        print(f"  -> {verdict}")
    print()
