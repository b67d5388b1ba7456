"""The reader's shortcuts read exactly what the grammar's match reads.

:func:`~unitedfront._reading.read_quantity` recognises its commonest shapes (a number
alone, digits with 万/亿, digits with a qualifier, 余/多 and a unit) without running the
whole grammar, and reads numerals written the usual way by sections from a table.
:func:`~unitedfront._reading._general` is the grammar's match alone; these properties hold
the two equal, field for field and to the exponent of every figure, or refusing with the
same code and message, so the shortcuts cannot drift from the grammar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import pytest
from hypothesis import example, given, settings, strategies as st

from tests.test_parse_properties import chinese_numeral
from unitedfront import QuantityParseError, _reading as reading
from unitedfront._reading import (
    _POSTFIX,
    _PREFIX,
    UNITS,
    _cn_sections,
    _cn_structured,
    _fill_sections,
    _general,
    read_quantity,
)


def _outcome(read: object, text: str) -> tuple[object, ...]:
    """What reading ``text`` gives: every field with its exact form, or the refusal."""
    try:
        result = read(text)  # type: ignore[operator]
    except QuantityParseError as exc:
        return ("refused", exc.code, str(exc))
    return ("read", tuple(result), tuple(repr(field) for field in result))


def _same_as_the_grammar(text: str) -> None:
    assert _outcome(read_quantity, text) == _outcome(_general, text)


@contextmanager
def _without_the_grammar() -> Iterator[None]:
    """Fail if read_quantity falls back to the grammar's match."""

    def refuse(text: str) -> object:
        raise AssertionError(f"{text!r} went to the grammar")

    with mock.patch.object(reading, "_general", refuse):
        yield


# --------------------------------------------------------------------------- strategies

_SPACE = st.sampled_from(["", "", " ", "\u3000", "\n"])


def _wide(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@st.composite
def digits(draw: st.DrawFn) -> str:
    """Digits with decimals and separators, as written, now and then malformed or huge."""
    whole = draw(st.integers(0, 10 ** draw(st.integers(1, 26))))
    whole *= 10 ** draw(st.sampled_from([0, 0, 1, 3]))  # round figures: 10万余 steps by 万
    written = draw(st.sampled_from([str(whole), f"{whole:,}", "0" + str(whole), ""]))
    if draw(st.booleans()):
        written += "." + draw(st.text("0123456789", max_size=10))
    return written


@st.composite
def numbers_alone(draw: st.DrawFn) -> str:
    """The shapes read without the grammar: digits, full width, 万/亿, Chinese numerals."""
    kind = draw(st.sampled_from(["digits", "wide", "magnitude", "chinese", "numerals"]))
    if kind == "chinese":
        text = chinese_numeral(draw(st.integers(0, 10**16 - 1)), two=draw(st.sampled_from("二两")))
    elif kind == "numerals":  # any run of numerals: the table or _cn_structured reads it
        text = draw(st.text("〇零一二三四五六七八九两十百千万亿", min_size=1, max_size=12))
    else:
        text = draw(digits())
        if kind == "wide":
            text = _wide(text)
        elif kind == "magnitude":
            text += draw(st.sampled_from(["万", "亿", "萬", "億", "万亿", "千"]))
    return draw(_SPACE) + text + draw(_SPACE)


@st.composite
def qualified(draw: st.DrawFn) -> str:
    """Digits with words before and after them, in every combination, most of them read."""
    pre = draw(st.sampled_from(["", "", *_PREFIX, "达", "第", "上"]))
    more = [draw(st.sampled_from(["", "", "余", "多", "几"])) for _ in range(2)]
    magnitude = draw(st.sampled_from(["", "", "万", "亿", "万亿", "十万", "千"]))
    unit = draw(st.sampled_from(["", "", *UNITS, "個", "萬元", "个多月", " 个", "大类"]))
    post = draw(st.sampled_from(["", "", *_POSTFIX]))
    number = draw(digits())
    if draw(st.integers(0, 9)) == 0:
        number = _wide(number)
    return pre + number + more[0] + magnitude + more[1] + unit + post


# --------------------------------------------------------------------------- properties


@given(numbers_alone())
@settings(max_examples=1500)
@example("１２．５")
@example("3.6萬")
@example("1.23456万")  # more decimals than the magnitude has places
@example("9" * 22)  # out of range
@example("一万五")  # 15000, not 10005
@example("一万十")  # refused
@example("两三")  # a range
@example("零五")  # refused
def test_a_number_alone_reads_as_the_grammar_reads_it(text: str) -> None:
    _same_as_the_grammar(text)


@given(qualified())
@settings(max_examples=1500)
@example("近1700家")
@example("约50个左右")  # two qualifiers that agree
@example("近50个以上")  # two that disagree: refused
@example("3余万多个")  # 余 and 多 both: refused
@example("0余个")  # an empty interval: refused
@example("1,2345个")  # not a thousands separator
@example("10万余只")  # steps by 万, not by 10万
@example("800余万元")  # steps by 100万
def test_a_qualified_number_reads_as_the_grammar_reads_it(text: str) -> None:
    _same_as_the_grammar(text)


@given(
    st.text(max_size=40)
    | st.text("0123456789.,万亿余多个家约近超不少于以上两三十百千零 ", max_size=12)
)
@settings(max_examples=1000)
def test_any_text_reads_as_the_grammar_reads_it(text: str) -> None:
    _same_as_the_grammar(text)


@given(
    st.sampled_from(["", *_PREFIX]),
    digits().filter(lambda d: bool(d) and d[0] != "." != d[-1] and not d.startswith("0,")),
    st.sampled_from(["", "余", "多"]),
    st.sampled_from(["", "万", "亿"]),
    st.sampled_from(["", *UNITS]),
)
def test_the_common_shapes_are_read_without_the_grammar(
    pre: str, number: str, more: str, magnitude: str, unit: str
) -> None:
    """The shortcuts take every shape they are meant for (the grammar's match is not run)."""
    text = (pre if not more else "") + number + magnitude + more + unit
    expected = _outcome(_general, text)
    if expected[0] == "refused":  # out of range, or 余 after zero: the grammar says why
        return
    with _without_the_grammar():
        assert _outcome(read_quantity, text) == expected


_DIGITS_AND_UNIT = ["8031次", "50%", "100家以上", "20个左右", "470余条", "300多名", "0余个"]


@pytest.mark.parametrize("text", [*_DIGITS_AND_UNIT, "7" * 30 + "个"])
def test_digits_and_a_unit_are_read_without_the_grammar(text: str) -> None:
    expected = _outcome(_general, text)
    if expected[0] == "refused":  # out of range: the grammar says why
        assert _outcome(read_quantity, text) == expected
        return
    with _without_the_grammar(), mock.patch.object(reading, "_QUICK_RE", None):
        assert _outcome(read_quantity, text) == expected


def test_the_tails_read_whole_are_what_folding_leaves_them() -> None:
    """Digits and a tail are looked up before the text is folded: each tail is its own
    fold, and none begins with what the number may continue with."""
    for tail in reading._QUICK_TAILS:
        assert tail.translate(reading._FOLD) == tail
        assert tail[:1] not in {".", ",", "余", "多", "万", "亿"}


@pytest.mark.parametrize("text", ["１２３４", "一千二百三十四万五千零六", "两三", "3.6亿", "12.5"])
def test_numbers_alone_are_read_without_the_grammar(text: str) -> None:
    expected = _outcome(_general, text)
    with _without_the_grammar():
        assert _outcome(read_quantity, text) == expected


# --------------------------------------------------------------------------- the sections


def test_every_section_in_the_table_is_what_the_numeral_reader_reads() -> None:
    """Each word of the table, where it may stand, has the value _cn_structured gives it."""
    table = _fill_sections()
    assert len(table) > 13_000
    for word, value in table.items():
        if word[0] == "零":  # only inside a numeral
            assert _cn_structured("一万" + word) == 10_000 + value, word
        else:
            assert _cn_structured(word + "万") == value * 10_000, word
            if len(word) > 1:
                assert _cn_structured(word) == value, word


@given(st.integers(1, 10**16 - 1), st.sampled_from("二两"))
@example(10**12, "二")
@example(100_005_000, "二")
def test_a_numeral_written_the_usual_way_is_read_by_sections(n: int, two: str) -> None:
    """Every numeral of the usual spelling below 10^12, but for a 亿 followed by 零 and a
    thousand (一亿零五千), is read from the table; _cn_structured reads those."""
    text = chinese_numeral(n, two=two)
    if n >= 10**12 or re.search("亿零[^万]*千", text):
        assert _cn_sections(text) in (n, None)
    else:
        assert _cn_sections(text) == n


@given(st.text("〇零一二三四五六七八九两十百千万亿", min_size=2, max_size=14))
@settings(max_examples=3000)
@example("一万五")
@example("一百五万")
@example("十万十")
def test_the_sections_read_only_what_the_numeral_reader_reads_alike(text: str) -> None:
    """Where the table reads a run at all, _cn_structured reads it as the same number."""
    value = _cn_sections(text)
    if value is not None:
        assert _cn_structured(text) == value
