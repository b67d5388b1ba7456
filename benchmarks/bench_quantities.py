"""How fast quantities are read and found, and how the reading compares with cn2an.

Run from the repository root::

    uv run python benchmarks/bench_quantities.py

It prints, in one run:

1. ``parse_quantity`` against ``cn2an.cn2an(x, "smart")`` on the expressions both can read,
   in expressions per second, per kind of number and overall. Every expression is distinct
   and the timings are the best of several passes over the whole list. Ours is given twice:
   ``parse_quantity`` (the quantity model built) and the reader alone
   (``unitedfront._reading.read_quantity``, the grammar with no model).
   Then what a cache of the 2,048 latest texts in front of the reader would give on all
   these distinct expressions in turn, against none: the library keeps no cache.
2. Every expression of the corpus where cn2an fails or gives another number.
3. ``find_quantities`` over the normalised source texts, repeated to about 2 MB, in MB of
   UTF-8 per second and in characters per second.

Nothing is asserted: the figures are for reading.
"""

from __future__ import annotations

import functools
import random
import sys
import time
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

import cn2an

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests._seeds import SEED_FILES, seeds_dir

from unitedfront import QuantityParseError, find_quantities, normalize_source
from unitedfront._parse import parse_quantity
from unitedfront._reading import read_quantity

PASSES = 9

# The worked examples of the quantity contract.
CONTRACT = [
    "63处",
    "470余条",
    "1100余篇",
    "3.6萬余個",
    "10万余只",
    "800多万元",
    "近1700家",
    "不少于50个",
    "超13亿元",
    "上百件",
    "数十名",
    "两三个",
    "72.65%",
    "21.3个百分点",
    "第35位",
    "287.1億元",
    "一千二百三十四人",
    "１２３４家",
]
# Forms the issue names, and other hard cases.
HARD = [
    "470余",
    "两三",
    "16.4亿",
    "16.4亿元",
    "0.7万",
    "1.1亿",
    "2.3万",
    "3.14159万",
    "1.23456万",
    "1638.24367万",
    "2.5万亿",
    "1,234",
    "3.6萬",
    "一万五",
    "二〇二四",
    "十一二",
    "三点五亿",
    "百分之三十五",
    "陆拾伍万",
    "壹仟贰佰叁拾肆",
    "上百",
    "数十",
    "第八届",
]

DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """The standard Chinese numeral of 0 <= n < 10**16."""
    if n == 0:
        return "零"
    groups = [n // 10**12 % 10**4, n // 10**8 % 10**4, n // 10**4 % 10**4, n % 10**4]
    words = ["万", "亿", "万", ""]
    out = ""
    gap = False
    for i, g in enumerate(groups):
        if not g:
            if out:
                gap = True
                out += "亿" if i == 1 else ""
            continue
        if out and (gap or g < 1000):
            out += "零"
        section = ""
        inner_gap = False
        for place, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = g // place % 10
            if not d:
                inner_gap = inner_gap or bool(section)
                continue
            if inner_gap:
                section += "零"
                inner_gap = False
            lead_ten = d == 1 and place == 10 and not out and not section
            section += "十" if lead_ten else DIGITS[d] + word
        out += section + words[i]
        gap = False
    return out


def corpus(size: int, rng: random.Random) -> dict[str, list[str]]:
    """Distinct expressions of each kind; the kinds cn2an can read come first."""
    kinds: dict[str, set[str]] = {
        "Arabic integer": set(),
        "Arabic decimal": set(),
        "Arabic + 万/亿": set(),
        "Chinese numeral": set(),
        "full-width Arabic": set(),
    }

    def number(digits: int) -> int:  # sizes spread evenly over orders of magnitude
        return rng.randint(1, 10 ** rng.randint(1, digits))

    while min(len(v) for v in kinds.values()) < size:
        kinds["Arabic integer"].add(str(number(9)))
        kinds["Arabic decimal"].add(f"{number(5)}.{rng.randint(1, 99)}")
        kinds["Arabic + 万/亿"].add(f"{number(4)}.{rng.randint(1, 9)}{rng.choice('万亿')}")
        kinds["Chinese numeral"].add(chinese_numeral(number(12)))
        kinds["full-width Arabic"].add("".join(chr(ord(c) + 0xFEE0) for c in str(number(7))))
    return {kind: sorted(v)[:size] for kind, v in kinds.items()}  # distinct, in a fixed order


def seed_texts() -> list[str]:
    folder = seeds_dir()
    if not folder.is_dir():
        return []
    return [
        normalize_source((folder / name).read_text(encoding="utf-8"))
        for name in SEED_FILES.values()
    ]


def best_rates(functions: Sequence[Callable[[str], object]], items: Sequence[str]) -> list[float]:
    """Expressions per second for each function: the best of several passes over all the
    items, the functions taking turns so that a busy machine slows them alike."""
    best = [float("inf")] * len(functions)
    for _ in range(PASSES):
        for i, function in enumerate(functions):
            start = time.perf_counter()
            for item in items:
                function(item)
            best[i] = min(best[i], time.perf_counter() - start)
    return [len(items) / b for b in best]


def cn2an_smart(text: str) -> object:
    return cn2an.cn2an(text, "smart")


def cn2an_value(text: str) -> Decimal | None:
    try:
        result = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None
    try:
        return Decimal(str(result))
    except InvalidOperation:
        return None


def our_value(text: str) -> Decimal | None:
    try:
        return parse_quantity(text).value
    except QuantityParseError:
        return None


def row(kind: str, n: int, ours: float, reader: float, theirs: float) -> str:
    ratio = f"{ours / theirs:>9.1f}x"
    reader_ratio = f"{reader / theirs:>9.1f}x"
    return f"{kind:<20}{n:>7}{ours:>14,.0f}{reader:>14,.0f}{theirs:>14,.0f}{ratio}{reader_ratio}"


def main() -> None:
    rng = random.Random(20240627)
    kinds = corpus(2000, rng)
    texts = seed_texts()
    found = sorted({m.text for text in texts for m in find_quantities(text)})
    kinds["contract and sources"] = sorted({*CONTRACT, *HARD, *found})

    print("parse_quantity against cn2an.cn2an(x, 'smart'), expressions per second")
    print("(ours: parse_quantity, the model built; reader: the grammar alone)\n")
    header = (
        f"{'kind':<20}{'n':>7}{'ours':>14}{'reader':>14}{'cn2an':>14}{'ratio':>10}{'reader':>10}"
    )
    print(header)
    print("-" * len(header))
    both_all: list[str] = []
    failures: list[tuple[str, str, str]] = []
    for kind, items in kinds.items():
        both = []
        for text in items:
            ours, theirs = our_value(text), cn2an_value(text)
            if ours is None and theirs is None:
                continue
            if theirs is None:
                failures.append((text, str(ours), "fails"))
            elif ours is None:
                failures.append((text, "refused", str(theirs)))
            else:
                if ours != theirs:
                    failures.append((text, str(ours), str(theirs)))
                both.append(text)
        if not both:
            continue
        both_all += both
        ours_rate, reader_rate, their_rate = best_rates(
            [parse_quantity, read_quantity, cn2an_smart], both
        )
        print(row(kind, len(both), ours_rate, reader_rate, their_rate))
    ours_rate, reader_rate, their_rate = best_rates(
        [parse_quantity, read_quantity, cn2an_smart], both_all
    )
    print("-" * len(header))
    print(row("all", len(both_all), ours_rate, reader_rate, their_rate))
    cached = functools.lru_cache(maxsize=2048)(read_quantity)
    cached_rate, none_rate = best_rates([cached, read_quantity], both_all)
    print(
        f"\na cache of 2,048 texts in front of the reader, over all {len(both_all):,} distinct "
        f"expressions in turn: {cached_rate:,.0f}/s; no cache: {none_rate:,.0f}/s "
        f"({cached_rate / none_rate - 1:+.0%})"
    )

    full = kinds["contract and sources"]
    (full_rate,) = best_rates([parse_quantity], full)
    print(
        f"full expressions with qualifiers and units ({len(full)} from the contract and the "
        f"sources), uncached: {full_rate:,.0f}/s"
    )

    print(f"\nwhere cn2an fails or differs ({len(failures)} expressions)\n")
    print(f"{'expression':<16}{'unitedfront':>22}   cn2an")
    for text, ours_text, theirs_text in failures:
        print(f"{text:<16}{ours_text:>22}   {theirs_text}")

    print("\nfind_quantities over the normalised sources")
    if not texts:
        print(f"  sources not found in {seeds_dir()} (set UNITEDFRONT_SEEDS)")
        return
    one = "\n".join(texts)
    repeat = max(1, 2_000_000 // len(one.encode("utf-8")))
    big = "\n".join([one] * repeat)
    size = len(big.encode("utf-8"))
    best = float("inf")
    count = 0
    for _ in range(PASSES):
        start = time.perf_counter()
        count = len(find_quantities(big))
        best = min(best, time.perf_counter() - start)
    print(
        f"  {size / 1e6:.2f} MB ({len(big):,} characters, {count:,} quantities): "
        f"{size / best / 1e6:.2f} MB/s, {len(big) / best / 1e6:.2f} million characters/s"
    )


if __name__ == "__main__":
    main()
