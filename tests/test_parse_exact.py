"""Exact outputs of the quantity functions at their edges.

The edges of the range a figure may take; the canonical text :func:`format_quantity`
writes for each kind of figure (round magnitudes, decimals, the largest figures the model
holds, 余 after a magnitude word) and its exact refusal of quantities no expression states;
and the spans :func:`find_quantities` reports or steps over where a number touches
punctuation, letters or the ends of the text.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from unitedfront import (
    Qualifier,
    Quantity,
    QuantityParseError,
    find_quantities,
    format_quantity,
    parse_quantity,
)
from unitedfront._parse import MAX_LENGTH

D = Decimal
Q = Qualifier


def _found(text: str) -> list[tuple[int, int, str, Qualifier, Decimal]]:
    return [
        (m.start, m.end, m.text, m.quantity.qualifier, m.quantity.value)
        for m in find_quantities(text)
    ]


# --------------------------------------------------------------------------- range

OUTSIDE = (
    "the number is outside the range a figure may take (magnitude up to 10^20, at most 30 digits)"
)


@pytest.mark.parametrize(
    "text",
    [
        "0." + "0" * 19 + "1个",  # 10^-20
        "1" + "0" * 20 + "个",  # 10^20
        "1." + "0" * 28 + "1个",  # 30 digits
        "约1." + "0" * 27 + "1个",  # 1.1·X has 30 digits
    ],
)
def test_a_figure_at_the_edge_of_the_model_range_is_read(text: str) -> None:
    """Magnitudes from 10^-20 to 10^20 and up to 30 digits are read exactly."""
    q = parse_quantity(text)
    assert q.value == D(text.strip("约个"))


@pytest.mark.parametrize(
    "text",
    [
        "0." + "0" * 20 + "1个",  # 10^-21
        "1" + "0" * 21 + "个",  # 10^21
        "1." + "0" * 29 + "1个",  # 31 digits
        "约1." + "0" * 28 + "1个",  # 1.1·X would have 31 digits
    ],
)
def test_a_figure_beyond_the_model_range_is_refused(text: str) -> None:
    """One step past either edge is refused, never rounded."""
    with pytest.raises(QuantityParseError) as info:
        parse_quantity(text)
    assert str(info.value) == f"{text!r}: {OUTSIDE}"


# --------------------------------------------------------------------------- format


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # a round magnitude is written with its magnitude word, from exactly 10^4 up
        ("10000个", "1万个"),
        ("9999个", "9999个"),
        ("100000000元", "1亿元"),
        ("1000000000000元", "1万亿元"),
        # 万/亿 only when the coefficient has at most two decimals
        ("36500个", "3.65万个"),
        ("3.65万个", "3.65万个"),
        ("36550个", "36550个"),
        ("12345个", "12345个"),
        ("1.2345万个", "12345个"),
        # decimals are written out in full, never with an exponent
        ("0.0000001个", "0.0000001个"),
        ("第1000名", "第1000名"),
        # 余 right after a magnitude word, and 余 on a decimal below one
        ("1万余个", "1万余个"),
        ("万余人", "1万余人"),
        ("1亿余元", "1亿余元"),
        ("0.5余吨", "0.5余吨"),
        # 余 stepping by the magnitude word below the last digit
        ("10亿余元", "10亿余元"),
        ("10万亿余元", "10万亿余元"),
        ("10千余个", "10千余个"),
        ("10百余个", "10百余个"),
        # the largest figures the model holds: 30 digits, magnitude 10^20
        ("100000000000000000000.000000001个", "100000000000000000000.000000001个"),
        ("100000000000000000000.000000001余个", "100000000000000000000.000000001余个"),
        ("123456789012345678901.123456789元", "123456789012345678901.123456789元"),
    ],
)
def test_the_canonical_text_of_each_kind_of_figure(text: str, canonical: str) -> None:
    """format_quantity writes this exact text, and it reads back to the same quantity."""
    q = parse_quantity(text)
    assert format_quantity(q) == canonical
    back = parse_quantity(canonical)
    assert (back.value, back.qualifier, back.low, back.high, back.unit) == (
        q.value,
        q.qualifier,
        q.low,
        q.high,
        q.unit,
    )
    assert format_quantity(back) == canonical


def _more_than(value: str, low: str | None, high: str | None) -> Quantity:
    return Quantity(
        text="x",
        value=D(value),
        qualifier=Q.MORE_THAN,
        low=None if low is None else D(low),
        high=None if high is None else D(high),
        unit="个",
    )


NOT_YU = "its interval is not one that '余' gives"


@pytest.mark.parametrize(
    ("quantity", "reason"),
    [
        # 余 needs both bounds, a non-negative value and a power of ten as its step
        (_more_than("470", "470", None), NOT_YU),
        (_more_than("470", None, "480"), NOT_YU),
        (_more_than("-5", "-5", "-4"), NOT_YU),
        (_more_than("36000", "36000", "46000"), NOT_YU),
        (_more_than("470", "470", "480." + "0" * 26 + "1"), NOT_YU),
        (_more_than("470", "470", "490"), "no expression states more_than (470, 490) 个"),
        (_more_than("0", "0", "1"), "no expression states more_than (0, 1) 个"),
        (_more_than("100", "100", "110"), "no expression states more_than (100, 110) 个"),
        (
            Quantity(text="x", value=D(2), qualifier=Q.RANGE, low=D(2), low_inclusive=True),
            "a range needs both ends",
        ),
        (
            Quantity(
                text="x",
                value=D(50),
                qualifier=Q.ABOUT,
                low=D("45.0"),
                high=D(60),
                low_inclusive=True,
                high_inclusive=True,
                unit="个",
            ),
            "no expression states about [45, 60] 个",
        ),
        (
            Quantity(
                text="x",
                value=D(50),
                qualifier=Q.ABOUT,
                low=D(40),
                high=D("55.0"),
                low_inclusive=True,
                high_inclusive=True,
                unit="个",
            ),
            "no expression states about [40, 55] 个",
        ),
    ],
)
def test_a_quantity_no_expression_states_is_refused_with_the_reason(
    quantity: Quantity, reason: str
) -> None:
    """A bound that its qualifier does not give is never written as something else."""
    with pytest.raises(QuantityParseError) as info:
        format_quantity(quantity)
    assert str(info.value) == f"'x' cannot be written as Chinese text: {reason}"


@pytest.mark.parametrize(
    ("qualifier", "value", "low", "high"),
    [
        (Q.ORDER_OF, "300", "300", "3000"),
        (Q.ORDER_OF, "-100", "-100", "-10"),
        (Q.SEVERAL, "60", "60", "100"),
        (Q.SEVERAL, "600", "600", "1000"),
    ],
)
def test_order_of_and_several_need_a_power_of_ten(
    qualifier: Qualifier, value: str, low: str, high: str
) -> None:
    """上M and 数M are written only for M a power of ten; any other value is refused."""
    q = Quantity(
        text="x",
        value=D(value),
        qualifier=qualifier,
        low=D(low),
        high=D(high),
        low_inclusive=True,
        unit="件",
    )
    with pytest.raises(
        QuantityParseError,
        match=rf"^'x' cannot be written as Chinese text: no expression states {qualifier.value} ",
    ):
        format_quantity(q)


@pytest.mark.parametrize(
    "text", ["5个", "0", "72.65%", "287.1亿元", "3.6万", "一千二百三十四人", "第35位", "近50家"]
)
def test_a_parsed_quantity_is_the_model_validated_from_its_fields(text: str) -> None:
    """What the parser builds is what validating its fields builds, of the same types."""
    q = parse_quantity(text)
    built = Quantity.model_validate(q.model_dump())
    assert built == q
    assert built.model_dump() == q.model_dump()
    for name in Quantity.model_fields:
        assert type(getattr(built, name)) is type(getattr(q, name)), name


# --------------------------------------------------------------------------- find


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full-width comma after a bare number ends it; a digit after the comma continues it
        (
            "企业总数1234，同比增长12%",
            [(4, 8, "1234", Q.EXACT, D(1234)), (13, 16, "12%", Q.EXACT, D(12))],
        ),
        ("指标分别为12、15", [(5, 7, "12", Q.EXACT, D(12)), (8, 10, "15", Q.EXACT, D(15))]),
        ("阅读量8651.", [(3, 7, "8651", Q.EXACT, D(8651))]),
        ("阅读量8651-", [(3, 7, "8651", Q.EXACT, D(8651))]),
        # a qualified figure or a range needs no unit, even before a character
        ("控制在3至5之间", [(3, 6, "3至5", Q.RANGE, D(3))]),
        ("得分90以上的企业", [(2, 6, "90以上", Q.AT_LEAST, D(90))]),
        ("超过500的企业", [(0, 5, "超过500", Q.OVER, D(500))]),
        # a lone 一 is a figure when qualified, with a decimal, or after 达
        ("一年多来", [(0, 3, "一年多", Q.MORE_THAN, D(1))]),
        ("不足一成", [(0, 4, "不足一成", Q.UNDER, D(1))]),
        ("增幅达一倍", [(2, 5, "达一倍", Q.EXACT, D(1))]),
        ("增长一点五倍", [(2, 6, "一点五倍", Q.EXACT, D("1.5"))]),
        ("一至三个", [(0, 4, "一至三个", Q.RANGE, D(1))]),
        # 百万, 千万 with a unit are figures; a lone 百/千/万 is a word
        ("奖励百万元", [(2, 5, "百万元", Q.EXACT, D(1000000))]),
        ("投入千万元", [(2, 5, "千万元", Q.EXACT, D(10000000))]),
        ("万名干部", []),
        # 0.5 is a figure; a number with a leading zero is a code
        ("增长0.5个百分点", [(2, 9, "0.5个百分点", Q.EXACT, D("0.5"))]),
        ("车牌尾号07", []),
        # what stands at the other end of the text does not matter
        ("12家企业获评AAA", [(0, 3, "12家", Q.EXACT, D(12))]),
        ("，5家企业签约，合同额12", [(1, 3, "5家", Q.EXACT, D(5)), (11, 13, "12", Q.EXACT, D(12))]),
        # a number that begins the text but follows a name character is part of the name
        ("G20", []),
        ("-5%", []),
        ("1,5个", []),
        # Han characters from both ends of the unified block make a number part of a name
        ("500\u3400", []),
        ("500\u9fff", []),
        ("500\ua000", [(0, 3, "500", Q.EXACT, D(500))]),
        ("第一\u3400", []),
        ("第一\u9fff", []),
        # a span that cannot be read is skipped, and the search goes on
        ("5至3个,开展16次", [(7, 10, "16次", Q.EXACT, D(16))]),
    ],
)
def test_where_a_figure_begins_and_ends(
    text: str, expected: list[tuple[int, int, str, Qualifier, Decimal]]
) -> None:
    """Exact spans beside punctuation, letters, Han characters and the ends of the text."""
    assert _found(text) == expected


def test_a_span_as_long_as_parse_quantity_reads_is_found_and_no_longer() -> None:
    """find_quantities reports a span of MAX_LENGTH characters, never a longer one."""
    longest = "第" + "0" * (MAX_LENGTH - 3) + "8名"
    assert len(longest) == MAX_LENGTH
    assert _found("排名" + longest) == [(2, 2 + MAX_LENGTH, longest, Q.EXACT, D(8))]
    assert parse_quantity(longest).value == 8
    assert _found("排名第0" + longest[1:]) == []
