"""Properties of the quantity parser that hold for every input."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings, strategies as st

from unitedfront import Quantity, QuantityParseError, format_quantity, parse_quantity
from unitedfront._parse import UNITS
from unitedfront._reading import _FOLD, _PARSE_RE, _build, _ReadError, read_quantity

# A context wide enough for every expected value these tests compute.
WIDE = decimal.Context(prec=200, traps=[decimal.Inexact, decimal.InvalidOperation])

MAGNITUDES = {
    "": 0,
    "百": 2,
    "千": 3,
    "万": 4,
    "萬": 4,
    "十万": 5,
    "百万": 6,
    "千万": 7,
    "亿": 8,
    "億": 8,
    "十亿": 9,
    "百亿": 10,
    "千亿": 11,
    "万亿": 12,
}


def _within_the_model(d: Decimal) -> bool:
    return not d or (abs(d.adjusted()) <= 20 and len(d.as_tuple().digits) <= 30)


def _fields(q: Quantity) -> tuple[object, ...]:
    return (
        q.value,
        q.qualifier,
        q.low,
        q.high,
        q.low_inclusive,
        q.high_inclusive,
        q.unit,
        q.ordinal,
    )


# --------------------------------------------------------------------------- Arabic numbers


@st.composite
def arabic(draw: st.DrawFn) -> tuple[str, Decimal]:
    """An Arabic number as written (separators, full width, decimals) and its value."""
    whole = draw(st.integers(min_value=0, max_value=10**18))
    frac = draw(st.text(alphabet="0123456789", max_size=8))
    grouped = draw(st.booleans())
    written = f"{whole:,}" if grouped else str(whole)
    if frac:
        written += "." + frac
    value = Decimal(f"{whole}.{frac}" if frac else str(whole))
    if draw(st.booleans()):
        written = "".join(chr(ord(c) + 0xFEE0) if c != "," else "，" for c in written)
    return written, value


@given(arabic(), st.sampled_from(sorted(MAGNITUDES)))
@example(("16.4", Decimal("16.4")), "亿")
@example(("0.1", Decimal("0.1")), "万")
def test_an_arabic_number_with_or_without_a_magnitude_word_is_exact(
    number: tuple[str, Decimal], magnitude: str
) -> None:
    """The value is the number times the magnitude, exactly (or the figure is refused)."""
    written, value = number
    expected = value.scaleb(MAGNITUDES[magnitude], context=WIDE)
    text = written + magnitude
    if _within_the_model(expected):
        q = parse_quantity(text)
        assert q.value == expected
        assert q.low == q.high == expected
        assert "E" not in str(q.value) or expected < 1  # integers are written out
    else:
        with pytest.raises(QuantityParseError, match="outside the range a figure may take"):
            parse_quantity(text)


@given(st.decimals(min_value=0, allow_nan=False, allow_infinity=False))
def test_any_non_negative_decimal_written_out_reads_back(d: Decimal) -> None:
    """Whatever Decimal, written without an exponent, reads back to itself or is refused."""
    assume(not d.is_signed())
    text = format(d, "f")
    if _within_the_model(d) and len(text) <= 200:
        assert parse_quantity(text).value == d
    else:
        with pytest.raises(QuantityParseError):
            parse_quantity(text)


# --------------------------------------------------------------------------- Chinese numerals

DIGITS = "零一二三四五六七八九"


def _section(n: int, first: bool, two: str) -> str:
    """0 < n < 10000 in Chinese numerals; ``first`` drops the 一 of a leading 一十."""
    out = ""
    gap = False
    for place, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // place % 10
        if not d:
            gap = gap or bool(out)
            continue
        if gap:
            out += "零"
            gap = False
        if d == 1 and place == 10 and first and not out:
            out += "十"
        elif d == 2 and place >= 100:
            out += two + word
        else:
            out += DIGITS[d] + word
    return out


def chinese_numeral(n: int, *, two: str = "二") -> str:
    """The standard Chinese numeral of 0 <= n < 10**16, written independently of the parser."""
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
                if i == 1:
                    out += "亿"  # 一万亿: the 亿 of a 万亿 figure with no 亿 part
            continue
        if out and (gap or g < 1000):
            out += "零"
        out += _section(g, not out, two) + words[i]
        gap = False
    return out


TRADITIONAL = str.maketrans("万亿", "萬億")
FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def test_the_reference_rendering_is_the_usual_one() -> None:
    """The test's own renderer writes numerals the way they are written."""
    cases = {
        10: "十",
        15: "十五",
        110: "一百一十",
        1005: "一千零五",
        10500: "一万零五百",
        100010: "十万零一十",
        10**12 + 5: "一万亿零五",
        100050000: "一亿零五万",
        1234567890123: "一万二千三百四十五亿六千七百八十九万零一百二十三",
    }
    assert {n: chinese_numeral(n) for n in cases} == cases


@given(
    st.integers(min_value=0, max_value=10**16 - 1),
    st.sampled_from(["二", "两"]),
    st.sampled_from(["plain", "traditional", "financial", "circle zero"]),
)
@example(10**16 - 1, "二", "plain")
@example(10**12, "两", "traditional")
def test_the_chinese_numeral_of_any_integer_below_ten_to_the_sixteen_reads_back(
    n: int, two: str, style: str
) -> None:
    """一千二百三十四 is 1234, in every script and style the contract accepts."""
    text = chinese_numeral(n, two=two)
    if style == "traditional":
        text = text.translate(TRADITIONAL)
    elif style == "financial":
        text = text.translate(FINANCIAL)
    elif style == "circle zero":
        text = text.replace("零", "〇")
    q = parse_quantity(text)
    assert q.value == n
    assert str(q.value) == str(n)


@given(st.integers(min_value=1, max_value=10**12))
def test_a_number_and_its_chinese_numeral_give_the_same_quantity(n: int) -> None:
    """With a qualifier and a unit around it, the numeral form does not matter."""
    a = parse_quantity(f"近{n}个")
    b = parse_quantity(f"近{chinese_numeral(n)}个")
    assert _fields(a) == _fields(b)


# --------------------------------------------------------------------------- expressions

PREFIXES = [
    "",
    "达",
    "累计",
    "超",
    "超过",
    "逾",
    "不少于",
    "至少",
    "近",
    "将近",
    "约",
    "大约",
    "不超过",
    "最多",
    "不到",
    "不足",
    "超過",
    "約",
]
POSTFIXES = ["", "以上", "以下", "以内", "左右"]
SOME_UNITS = [
    "",
    "个",
    "家",
    "条",
    "元",
    "%",
    "个百分点",
    "人次",
    "年",
    "个月",
    "亿元",
    "萬元",
    "個",
]


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """A number as the contract allows it to be written."""
    kind = draw(st.sampled_from(["arabic", "chinese", "mixed"]))
    if kind == "chinese":
        return chinese_numeral(draw(st.integers(min_value=0, max_value=10**12)))
    written, _ = draw(arabic())
    if kind == "mixed":
        written += draw(st.sampled_from(["万", "亿", "千", "万亿", "萬"]))
    return written


@st.composite
def expressions(draw: st.DrawFn) -> str:
    """Quantity expressions of every shape; some of them are refused, with a reason."""
    shape = draw(st.sampled_from(["plain", "more", "range", "neighbours", "special", "ordinal"]))
    unit = draw(st.sampled_from(SOME_UNITS))
    if shape == "plain":
        pre, post = draw(st.sampled_from(PREFIXES)), draw(st.sampled_from(POSTFIXES))
        return pre + draw(numbers()) + unit + post
    if shape == "more":
        more = draw(st.sampled_from(["余", "多", "餘"]))
        number = draw(numbers())
        if draw(st.booleans()) and number[-1] in "万亿千萬":
            return number[:-1] + more + number[-1] + unit  # 800多万
        return number + more + unit
    if shape == "range":
        a, b = sorted(draw(st.lists(st.integers(0, 10**9), min_size=2, max_size=2)))
        sep = draw(st.sampled_from(["至", "到", "-", "~", "—"]))
        mag = draw(st.sampled_from(["", "万", "亿"]))
        return f"{a}{sep}{b}{mag}{unit}"
    if shape == "neighbours":
        pair = draw(
            st.sampled_from(["一两", "两三", "三四", "四五", "五六", "七八", "八九", "三五"])
        )
        place = draw(st.sampled_from(["", "十", "百", "千", "万", "十万"]))
        return pair + place + unit
    if shape == "special":
        head = draw(st.sampled_from(["上", "数", "几", "數", "幾"]))
        return head + draw(st.sampled_from(["十", "百", "千", "万", "亿", "十万", "百万"])) + unit
    return "第" + draw(st.sampled_from([str(draw(st.integers(0, 999))), "三", "十二"])) + unit


@given(expressions())
@settings(max_examples=400)
def test_format_and_parse_round_trip(text: str) -> None:
    """format writes text that reads back to the same quantity, and is a fixed point."""
    try:
        q = parse_quantity(text)
    except QuantityParseError:
        assume(False)
        return
    canonical = format_quantity(q)
    back = parse_quantity(canonical)
    assert _fields(back) == _fields(q)
    assert back.text == canonical
    assert format_quantity(back) == canonical
    assert parse_quantity(format_quantity(back)) == back


@given(expressions())
@settings(max_examples=400)
def test_the_value_lies_within_its_bounds(text: str) -> None:
    """low <= value <= high wherever the bounds exist, and the interval is never empty."""
    try:
        q = parse_quantity(text)
    except QuantityParseError:
        return
    if q.low is not None:
        assert q.low <= q.value
    if q.high is not None:
        assert q.value <= q.high
    if q.low is not None and q.high is not None:
        assert q.low < q.high or (q.low == q.high and q.low_inclusive and q.high_inclusive)
    assert q.unit is None or q.unit in UNITS
    assert Quantity.model_validate(q.model_dump()) == q


@given(expressions())
@settings(max_examples=400)
def test_the_quantity_holds_the_reading_field_for_field(text: str) -> None:
    """parse_quantity refuses what the reader refuses, with its code, and keeps every field."""
    refusal: tuple[str, str] | None = None
    try:
        reading = read_quantity(text)
    except QuantityParseError as exc:
        refusal = (exc.code, str(exc))
    if refusal is not None:
        with pytest.raises(QuantityParseError) as refused:
            parse_quantity(text)
        assert (refused.value.code, str(refused.value)) == refusal
        return
    q = parse_quantity(text)
    assert tuple(getattr(q, name) for name in Quantity.model_fields) == reading[:-1]
    assert q.interval == reading.interval


def _matched(text: str) -> object:
    """What running the grammar's match on ``text`` reads: a reading, or the refusal."""
    match = _PARSE_RE.fullmatch(text.strip().translate(_FOLD).strip())
    assert match is not None
    try:
        return _build(match.groups(), text)
    except _ReadError as exc:
        return str(exc)


def _read(text: str) -> object:
    try:
        return read_quantity(text)
    except QuantityParseError as exc:
        return str(exc).split(": ", 1)[1]


@given(
    st.one_of(
        st.text(alphabet="0123456789", min_size=1, max_size=25),
        st.text(alphabet="０１２３４５６７８９", min_size=1, max_size=8),
        st.text(
            alphabet="〇零一二三四五六七八九两十百千万亿壹贰拾佰萬億兩", min_size=1, max_size=12
        ),
    )
)
@settings(max_examples=300)
def test_a_number_alone_reads_as_the_match_of_the_grammar_would(text: str) -> None:
    """Digits or Chinese numerals alone skip the match; the reading is what it would give."""
    assert _read(text) == _matched(text)


GRAMMAR_CHARACTERS = (
    "0123456789.,%〇零一二三四五六七八九两十百千万亿余多几个条家人年月第上数至到-~"
    "约近超过不少于以上左右以内分之点萬億個餘兩壹贰拾佰 １２％元"
)


@given(st.text(max_size=300) | st.text(alphabet=GRAMMAR_CHARACTERS, max_size=30))
@example("1" * 1000)
@example("第" * 300)
@example("一二三四五六七八九" * 3)
@example("9" * 200 + "万亿")
def test_arbitrary_text_raises_nothing_but_quantity_parse_error(text: str) -> None:
    """Whatever the input, the parser returns a quantity or raises QuantityParseError."""
    try:
        q = parse_quantity(text)
    except QuantityParseError as exc:
        message = str(exc)
        assert message.startswith((repr(text) + ": ", repr(text[:20]) + "… ("))
    else:
        assert q.text == text
        assert q.low is None or q.low <= q.value
        assert q.high is None or q.value <= q.high
