"""Reading quantity expressions: every row of the contract, every qualifier and number form."""

from __future__ import annotations

from decimal import Decimal

import pytest

from unitedfront import (
    Evidence,
    Indicator,
    Qualifier,
    Quantity,
    QuantityParseError,
    format_quantity,
    parse_quantity,
)
from unitedfront._parse import MAX_LENGTH, UNITS

D = Decimal
Q = Qualifier

# text, value, qualifier, low, high, low_inclusive, high_inclusive, unit, ordinal
CONTRACT_TABLE = [
    ("63处", 63, Q.EXACT, 63, 63, True, True, "处", False),
    ("470余条", 470, Q.MORE_THAN, 470, 480, False, False, "条", False),
    ("1100余篇", 1100, Q.MORE_THAN, 1100, 1200, False, False, "篇", False),
    ("3.6萬余個", 36000, Q.MORE_THAN, 36000, 37000, False, False, "个", False),
    ("10万余只", 100000, Q.MORE_THAN, 100000, 110000, False, False, "只", False),
    ("800多万元", 8000000, Q.MORE_THAN, 8000000, 9000000, False, False, "元", False),
    ("近1700家", 1700, Q.NEARLY, 1530, 1700, True, False, "家", False),
    ("不少于50个", 50, Q.AT_LEAST, 50, None, True, False, "个", False),
    ("超13亿元", 1300000000, Q.OVER, 1300000000, None, False, False, "元", False),
    ("上百件", 100, Q.ORDER_OF, 100, 1000, True, False, "件", False),
    ("数十名", 20, Q.SEVERAL, 20, 100, True, False, "名", False),
    ("两三个", 2, Q.RANGE, 2, 3, True, True, "个", False),
    ("72.65%", D("72.65"), Q.EXACT, D("72.65"), D("72.65"), True, True, "%", False),
    ("21.3个百分点", D("21.3"), Q.EXACT, D("21.3"), D("21.3"), True, True, "个百分点", False),
    ("第35位", 35, Q.EXACT, 35, 35, True, True, "位", True),
    ("287.1億元", 28710000000, Q.EXACT, 28710000000, 28710000000, True, True, "元", False),
    ("一千二百三十四人", 1234, Q.EXACT, 1234, 1234, True, True, "人", False),
    ("１２３４家", 1234, Q.EXACT, 1234, 1234, True, True, "家", False),
]


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


def _dec(x: object) -> Decimal | None:
    return None if x is None else D(str(x))


def _expected(*row: object) -> tuple[object, ...]:
    value, qualifier, low, high, low_inc, high_inc, unit, ordinal = row
    return (_dec(value), qualifier, _dec(low), _dec(high), low_inc, high_inc, unit, ordinal)


@pytest.mark.parametrize(("text", *"vqlhabuo"), CONTRACT_TABLE, ids=[r[0] for r in CONTRACT_TABLE])
def test_every_row_of_the_contract_table_reads_exactly(
    text: str,
    v: object,
    q: Qualifier,
    l: object,  # noqa: E741
    h: object,
    a: bool,
    b: bool,
    u: str,
    o: bool,
) -> None:
    """Each worked example of the contract gives its value, interval, unit and ordinal flag."""
    quantity = parse_quantity(text)
    assert _fields(quantity) == _expected(v, q, l, h, a, b, u, o)
    assert quantity.text == text
    assert isinstance(quantity.value, Decimal)


def test_the_nearly_bound_is_the_exact_product() -> None:
    """0.9·X is computed exactly, never through a float."""
    q = parse_quantity("近1700家")
    assert q.low == D("1530.0") and str(q.low) == "1530.0"
    assert parse_quantity("约0.3万人").low == D("2700") and parse_quantity("约3万人").high == 33000
    assert parse_quantity("近16.4亿元").low == D("1476000000")


def test_values_of_decimals_with_magnitude_words_are_exact() -> None:
    """The float error cn2an shows on 16.4亿 does not happen here."""
    assert str(parse_quantity("16.4亿").value) == "1640000000"
    assert str(parse_quantity("0.1万").value) == "1000"
    assert str(parse_quantity("1.23456万").value) == "12345.6"
    assert str(parse_quantity("3.6万").value) == "36000"


# --------------------------------------------------------------------------- qualifiers

# simplified, traditional, qualifier: each written before 50个 or after it
PREFIX_WORDS = [
    ("达50个", "達50個", Q.EXACT),
    ("达到50个", "達到50個", Q.EXACT),
    ("共50个", "共50個", Q.EXACT),
    ("共计50个", "共計50個", Q.EXACT),
    ("累计50个", "累計50個", Q.EXACT),
    ("总计50个", "總計50個", Q.EXACT),
    ("超50个", "超50個", Q.OVER),
    ("超过50个", "超過50個", Q.OVER),
    ("逾50个", "逾50個", Q.OVER),
    ("高于50个", "高於50個", Q.OVER),
    ("大于50个", "大於50個", Q.OVER),
    ("不少于50个", "不少於50個", Q.AT_LEAST),
    ("至少50个", "至少50個", Q.AT_LEAST),
    ("不低于50个", "不低於50個", Q.AT_LEAST),
    ("50个以上", "50個以上", Q.AT_LEAST),
    ("近50个", "近50個", Q.NEARLY),
    ("将近50个", "將近50個", Q.NEARLY),
    ("接近50个", "接近50個", Q.NEARLY),
    ("约50个", "約50個", Q.ABOUT),
    ("大约50个", "大約50個", Q.ABOUT),
    ("大概50个", "大概50個", Q.ABOUT),
    ("50个左右", "50個左右", Q.ABOUT),
    ("不超过50个", "不超過50個", Q.AT_MOST),
    ("最多50个", "最多50個", Q.AT_MOST),
    ("50个以内", "50個以內", Q.AT_MOST),
    ("50个以下", "50個以下", Q.AT_MOST),
    ("不到50个", "不到50個", Q.UNDER),
    ("不足50个", "不足50個", Q.UNDER),
    ("低于50个", "低於50個", Q.UNDER),
    ("少于50个", "少於50個", Q.UNDER),
]

INTERVALS = {
    Q.EXACT: "[50, 50] 个",
    Q.OVER: "(50, ∞) 个",
    Q.AT_LEAST: "[50, ∞) 个",
    Q.NEARLY: "[45, 50) 个",
    Q.ABOUT: "[45, 55] 个",
    Q.AT_MOST: "(-∞, 50] 个",
    Q.UNDER: "(-∞, 50) 个",
}


@pytest.mark.parametrize(("simplified", "traditional", "qualifier"), PREFIX_WORDS)
def test_each_qualifier_word_in_both_scripts(
    simplified: str, traditional: str, qualifier: Qualifier
) -> None:
    """Every qualifier word of the contract, simplified or traditional, gives its interval."""
    a, b = parse_quantity(simplified), parse_quantity(traditional)
    assert a.qualifier is qualifier and a.value == 50
    assert str(a.interval) == INTERVALS[qualifier]
    assert _fields(a) == _fields(b)
    assert b.text == traditional


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("470余条", "(470, 480) 条"),
        ("470餘條", "(470, 480) 条"),
        ("320多条", "(320, 330) 条"),
        ("十余", "(10, 20)"),
        ("十多万", "(100000, 200000)"),
        ("20余万", "(200000, 300000)"),
        ("3.6万余个", "(36000, 37000) 个"),
        ("1.5亿多元", "(150000000, 160000000) 元"),
        ("万余人", "(10000, 20000) 人"),
        ("三千余人", "(3000, 4000) 人"),
        ("十万余人", "(100000, 110000) 人"),
        ("2万亿余元", "(2000000000000, 3000000000000) 元"),
        ("12.5余吨", "(12.5, 12.6) 吨"),
        ("十几个", "(10, 20) 个"),
        ("二十幾萬", "(200000, 300000)"),
        ("3个多月", "(3, 4) 个月"),
        ("两年多", "(2, 3) 年"),
        ("1倍多", "(1, 2) 倍"),
    ],
)
def test_more_than_steps_by_the_last_digit_or_the_magnitude_word(text: str, interval: str) -> None:
    """余/多 open the interval to the next step; right after 万/亿/千/百 the step is capped."""
    q = parse_quantity(text)
    assert q.qualifier is Q.MORE_THAN
    assert str(q.interval) == interval


@pytest.mark.parametrize(
    ("text", "value", "interval"),
    [
        ("上百件", 100, "[100, 1000) 件"),
        ("上千人", 1000, "[1000, 10000) 人"),
        ("上万人", 10000, "[10000, 100000) 人"),
        ("上萬人", 10000, "[10000, 100000) 人"),
        ("上亿元", 10**8, "[100000000, 1000000000) 元"),
        ("上億元", 10**8, "[100000000, 1000000000) 元"),
        ("上百万元", 10**6, "[1000000, 10000000) 元"),
    ],
)
def test_order_of(text: str, value: int, interval: str) -> None:
    """上百/上千/上万/上亿 are [M, 10M) with value M."""
    q = parse_quantity(text)
    assert (q.qualifier, q.value, str(q.interval)) == (Q.ORDER_OF, D(value), interval)


@pytest.mark.parametrize(
    ("text", "value", "interval"),
    [
        ("数十名", 20, "[20, 100) 名"),
        ("數十名", 20, "[20, 100) 名"),
        ("几十位", 20, "[20, 100) 位"),
        ("幾十位", 20, "[20, 100) 位"),
        ("数百家", 200, "[200, 1000) 家"),
        ("几百家", 200, "[200, 1000) 家"),
        ("数千人", 2000, "[2000, 10000) 人"),
        ("几千人", 2000, "[2000, 10000) 人"),
        ("数万人", 20000, "[20000, 100000) 人"),
        ("幾萬人", 20000, "[20000, 100000) 人"),
        ("数十万元", 200000, "[200000, 1000000) 元"),
    ],
)
def test_several(text: str, value: int, interval: str) -> None:
    """数十/几十/数百… are [2M, 10M) with value 2M."""
    q = parse_quantity(text)
    assert (q.qualifier, q.value, str(q.interval)) == (Q.SEVERAL, D(value), interval)


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("两三个", "[2, 3] 个"),
        ("兩三個", "[2, 3] 个"),
        ("一两个", "[1, 2] 个"),
        ("三五个", "[3, 5] 个"),
        ("七八百人", "[700, 800] 人"),
        ("三四十家", "[30, 40] 家"),
        ("十一二个", "[11, 12] 个"),
        ("一两万元", "[10000, 20000] 元"),
        ("3至5个", "[3, 5] 个"),
        ("3到5个", "[3, 5] 个"),
        ("3-5个", "[3, 5] 个"),
        ("3~5个", "[3, 5] 个"),
        ("3～5个", "[3, 5] 个"),
        ("3个至5个", "[3, 5] 个"),
        ("三至五个", "[3, 5] 个"),
        ("3至5万元", "[30000, 50000] 元"),
        ("1.5至2万人", "[15000, 20000] 人"),
        ("10万至20万元", "[100000, 200000] 元"),
        ("5%-10%", "[5, 10] %"),
    ],
)
def test_ranges(text: str, interval: str) -> None:
    """Neighbouring numerals and X至Y are ranges, both ends included; 3至5万 means 3万至5万."""
    q = parse_quantity(text)
    assert q.qualifier is Q.RANGE
    assert str(q.interval) == interval
    assert q.value == q.low


def test_cn2an_reading_of_two_neighbours_as_one_number_does_not_happen() -> None:
    """两三个 is the range [2, 3], not the number 23."""
    assert parse_quantity("两三个").value == 2


def test_exact_words_combine_with_another_qualifier() -> None:
    """达到, 累计, 共 say nothing more than the qualifier after them."""
    assert str(parse_quantity("达到近1700家").interval) == "[1530, 1700) 家"
    assert str(parse_quantity("累计达3000家").interval) == "[3000, 3000] 家"
    assert parse_quantity("共超过50个").qualifier is Q.OVER


def test_the_same_qualifier_twice_is_accepted() -> None:
    """约…左右 and 至少…以上 repeat one qualifier, which is common and harmless."""
    assert str(parse_quantity("约50个左右").interval) == "[45, 55] 个"
    assert str(parse_quantity("至少50个以上").interval) == "[50, ∞) 个"


def test_ordinals() -> None:
    """第N is an exact figure with ordinal=True, with or without a unit."""
    assert _fields(parse_quantity("第八届")) == _expected(8, Q.EXACT, 8, 8, True, True, "届", True)
    assert parse_quantity("第3").unit is None and parse_quantity("第3").ordinal
    assert parse_quantity("第一名").value == 1
    assert parse_quantity("第04版").value == 4
    assert parse_quantity("第三屆").unit == "届"


# --------------------------------------------------------------------------- number forms


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Arabic, half and full width, separators, decimals
        ("1234", "1234"),
        ("１２３４", "1234"),
        ("1,234,567", "1234567"),
        ("１，２３４", "1234"),
        ("0.5", "0.5"),
        ("３．５", "3.5"),
        ("72.650", "72.650"),
        ("0", "0"),
        # Arabic with magnitude words
        ("3.6万", "36000"),
        ("3.6萬", "36000"),
        ("287.1亿", "28710000000"),
        ("287.1億", "28710000000"),
        ("1.2万亿", "1200000000000"),
        ("3千万", "30000000"),
        ("5百万", "5000000"),
        ("2千", "2000"),
        ("1,200万", "12000000"),
        # Chinese numerals
        ("一千二百三十四", "1234"),
        ("两千", "2000"),
        ("兩萬", "20000"),
        ("两亿", "200000000"),
        ("十五", "15"),
        ("一十五", "15"),
        ("二十", "20"),
        ("一百一十", "110"),
        ("一百十", "110"),
        ("一千零五", "1005"),
        ("一千〇五", "1005"),
        ("一千零五十", "1050"),
        ("一万零五百", "10500"),
        ("一亿零五万", "100050000"),
        ("十万", "100000"),
        ("百万", "1000000"),
        ("一万亿", "1000000000000"),
        ("一万二千三百四十五亿六千七百八十九万零一百二十三", "1234567890123"),
        ("九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九", "9999999999999999"),
        ("零", "0"),
        ("〇", "0"),
        # spoken short forms
        ("一万五", "15000"),
        ("三千五", "3500"),
        ("一百二", "120"),
        ("两亿三", "230000000"),
        # digit by digit
        ("二〇二四", "2024"),
        ("二○二四", "2024"),
        ("一二三", "123"),
        # financial numerals
        ("壹仟贰佰叁拾肆", "1234"),
        ("贰拾", "20"),
        ("陆万", "60000"),
        ("伍佰萬", "5000000"),
        ("貳億", "200000000"),
        ("壹拾", "10"),
        ("玖仟零捌", "9008"),
        # Chinese decimals and mixed forms
        ("三点五亿", "350000000"),
        ("三點五億", "350000000"),
        ("十二点五", "12.5"),
        ("二十万", "200000"),
    ],
)
def test_number_forms(text: str, value: str) -> None:
    """Every number form of the contract gives its exact value."""
    q = parse_quantity(text)
    assert q.value == D(value)
    assert str(q.value) == value
    assert q.qualifier is Q.EXACT


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("百分之三十五", "35", "%"),
        ("百分之3.5", "3.5", "%"),
        ("百分之三点五", "3.5", "%"),
        ("千分之五", "5", "‰"),
        ("72.65％", "72.65", "%"),
        ("3‰", "3", "‰"),
    ],
)
def test_shares(text: str, value: str, unit: str) -> None:
    """百分之X and X% are the same figure; 千分之X is per mille."""
    q = parse_quantity(text)
    assert (q.value, q.unit) == (D(value), unit)


def test_white_space_around_the_expression_is_ignored_and_kept_in_text() -> None:
    """The text is kept exactly as given."""
    q = parse_quantity("  470余条\u3000")
    assert q.text == "  470余条\u3000" and q.value == 470


# --------------------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("13亿元", "元"),
        ("3.6萬余個", "个"),
        ("287.1億美元", "美元"),
        ("5萬人次", "人次"),
        ("18場次", "场次"),
        ("23條", "条"),
        ("132處", "处"),
        ("42項", "项"),
        ("3個月", "个月"),
        ("70週年", "周年"),
        ("1周左右", "周"),
        ("134.63人年", "人年"),
        ("3部委", "部委"),
        ("5方面", "方面"),
        ("3千米", "千米"),
        ("5000千瓦", "千瓦"),
        ("3百分点", "百分点"),
        ("2萬噸", "吨"),
        ("1500畝", "亩"),
        ("20余款", "款"),
        ("500箱", "箱"),
        ("300袋", "袋"),
        ("12盒", "盒"),
        ("200盞", "盏"),
    ],
)
def test_units_are_simplified_with_magnitude_words_moved_into_the_value(
    text: str, unit: str
) -> None:
    """亿元 → 元, 萬余個 → 个, traditional unit words → simplified."""
    assert parse_quantity(text).unit == unit


def test_every_unit_word_reads() -> None:
    """Each documented unit word follows a number."""
    for unit in UNITS:
        assert parse_quantity(f"5{unit}").unit == unit


def test_the_magnitude_in_a_unit_word_is_read_as_the_unit() -> None:
    """百分点 is a unit, not 百 × 分点; 千米 after a digit is kilometres."""
    assert parse_quantity("3百分点").value == 3
    assert parse_quantity("3千米").value == 3


# --------------------------------------------------------------------------- the models


def test_a_model_accepts_the_chinese_text_of_a_quantity() -> None:
    """Indicator(quantity="470余条") parses the text and keeps it."""
    indicator = Indicator.model_validate(
        {
            "id": "suggestions",
            "name": "征集意见建议",
            "kind": "actual",
            "quantity": "470余条",
            "evidence": Evidence(source="briefing", quote="征集意见建议470余条"),
        }
    )
    assert indicator.quantity == parse_quantity("470余条")
    assert indicator.quantity.text == "470余条"
    assert Quantity.model_validate("3.6萬余個").text == "3.6萬余個"


def test_a_parsed_quantity_passes_the_model_validation() -> None:
    """What the parser builds without validation is what validation accepts."""
    for text in ("470余条", "近1700家", "两三个", "超13亿元", "第35位", "约50人", "上百件"):
        q = parse_quantity(text)
        assert Quantity.model_validate(q.model_dump()) == q


# --------------------------------------------------------------------------- errors

ERRORS = [
    ("", "'': empty text, no quantity to read"),
    ("   ", "'   ': empty text, no quantity to read"),
    ("很多条", "'很多条': no number found"),
    ("超过", "'超过': a qualifier ('超过') with no number"),
    ("左右", "'左右': a qualifier ('左右') with no number"),
    ("余条", "'余条': a qualifier ('余') with no number"),
    ("第", "'第': '第' with no number after it"),
    ("3个5个", "'3个5个': two numbers with no range marker (至, 到, -, ~) between them"),
    ("12 34", "'12 34': two numbers with no range marker (至, 到, -, ~) between them"),
    (
        "470余条建议",
        "'470余条建议': could not read '建议' after '470余条' (not a known unit or qualifier)",
    ),
    ("1,23", "'1,23': could not read ',23' after '1' (not a known unit or qualifier)"),
    ("很多3个", "'很多3个': could not read '很多' before the number (not a known qualifier)"),
    (
        "超过50%以上",
        "'超过50%以上': '超过' (over) and '以上' (at_least) are two qualifiers that disagree",
    ),
    ("470余余条", "'470余余条': '余' and '余' are both written"),
    ("一三", "'一三': '一三' is neither a range of neighbours nor one number"),
    ("两〇", "'两〇': '两' cannot be read digit by digit in '两〇'"),
    ("零五", "'零五': '零五' begins with zero"),
    ("一百零", "'一百零': '一百零' ends with '零'"),
    ("五零十", "'五零十': '零' cannot follow a numeral in '五零十'"),
    ("十十", "'十十': '十' cannot follow a larger or equal place in '十十'"),
    ("一千十", "'一千十': '十' has no numeral before it in '一千十'"),
    ("亿万", "'亿万': '万' has no numeral before it in '亿万'"),
    ("万万", "'万万': '万' is written twice in '万万'"),
    ("一亿二亿", "'一亿二亿': '亿' is written twice in '一亿二亿'"),
    (
        "一千五万",
        "'一千五万': '一千五万' is ambiguous: a digit after '千' needs '零' or its own place "
        "word before '万'",
    ),
    ("三四五十", "'三四五十': '三四五十' has more than two numerals in a row"),
    ("三六十", "'三六十': '三六' in '三六十' is not a range of neighbours"),
    ("第三四名", "'第三四名': '三四' is a range, not one number"),
    ("两三余个", "'两三余个': a range of neighbours (两三) takes no further qualifier"),
    ("约3至5个", "'约3至5个': a range 'X至Y' takes no further qualifier"),
    ("5至3个", "'5至3个': a range must go up, from the smaller number to the larger"),
    ("3个至5家", "'3个至5家': the two ends have different units ('个', '家')"),
    ("第3名左右", "'第3名左右': an ordinal ('第3') takes no qualifier"),
    ("约上百件", "'约上百件': '约' cannot qualify '上…' or '数…'"),
    ("百分之五十个", "'百分之五十个': '百分之' already gives the unit; '个' follows it"),
    ("0余", "'0余': '余'/'多' after zero says nothing"),
    ("近0", "'近0': 'nearly' zero is an empty interval"),
    (
        "1" + "0" * 25,
        f"'{'1' + '0' * 25}': the number is outside the range a figure may take "
        "(magnitude up to 10^20, at most 30 digits)",
    ),
    (
        "0.000000000000000000001",
        "'0.000000000000000000001': the number is outside the range a figure may take "
        "(magnitude up to 10^20, at most 30 digits)",
    ),
]


@pytest.mark.parametrize(("text", "message"), ERRORS, ids=[e[0] or "empty" for e in ERRORS])
def test_what_cannot_be_read_raises_with_a_message_that_quotes_the_input(
    text: str, message: str
) -> None:
    """Each error names the input and what could not be read; nothing is guessed."""
    with pytest.raises(QuantityParseError) as info:
        parse_quantity(text)
    assert str(info.value) == message


def test_a_too_long_text_is_refused_without_being_read() -> None:
    """Input longer than MAX_LENGTH characters is refused, quoting its start."""
    text = "1" * (MAX_LENGTH + 1)
    with pytest.raises(QuantityParseError, match=r"^'11111111111111111111'… \(201 characters\)"):
        parse_quantity(text)
    assert parse_quantity(" " * (MAX_LENGTH - 1) + "5").value == 5


def test_a_value_that_is_not_text_is_refused() -> None:
    """Only strings are read."""
    with pytest.raises(QuantityParseError, match="expected text, got int"):
        parse_quantity(123)  # type: ignore[arg-type]


def test_the_error_is_a_value_error_and_a_united_front_error() -> None:
    """Callers may catch ValueError or the library's root exception."""
    from unitedfront import UnitedFrontError

    with pytest.raises(ValueError, match="no number found"):
        parse_quantity("很多")
    with pytest.raises(UnitedFrontError):
        parse_quantity("很多")


# --------------------------------------------------------------------------- format


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("63处", "63处"),
        ("470余条", "470余条"),
        ("1100余篇", "1100余篇"),
        ("3.6萬余個", "3.6万余个"),
        ("10万余只", "10万余只"),
        ("800多万元", "800余万元"),
        ("近1700家", "近1700家"),
        ("不少于50个", "不少于50个"),
        ("不低于50个", "不少于50个"),
        ("50个以上", "不少于50个"),
        ("超13亿元", "超13亿元"),
        ("上百件", "上百件"),
        ("数十名", "数十名"),
        ("几十位", "数十位"),
        ("两三个", "2至3个"),
        ("72.65%", "72.65%"),
        ("21.3个百分点", "21.3个百分点"),
        ("第35位", "第35位"),
        ("第八届", "第8届"),
        ("287.1億元", "287.1亿元"),
        ("一千二百三十四人", "1234人"),
        ("１２３４家", "1234家"),
        ("3个多月", "3个多月"),
        ("2万亿元", "2万亿元"),
        ("3至5万元", "30000至50000元"),
        ("约50个左右", "约50个"),
        ("最多3个", "不超过3个"),
        ("不足3个", "不到3个"),
        ("百分之三十五", "35%"),
    ],
)
def test_format_writes_canonical_text_that_reads_back(text: str, canonical: str) -> None:
    """format_quantity writes one canonical text, which parses to the same quantity."""
    q = parse_quantity(text)
    assert format_quantity(q) == canonical
    back = parse_quantity(canonical)
    assert _fields(back) == _fields(q)
    assert parse_quantity(format_quantity(back)) == back


def test_format_refuses_a_quantity_no_expression_states() -> None:
    """A sum, or bounds its qualifier does not give, raise instead of being rewritten."""
    from unitedfront import total

    summed = total([parse_quantity("470余条"), parse_quantity("320多条")])
    with pytest.raises(QuantityParseError, match="no Chinese expression has the qualifier 'sum'"):
        format_quantity(summed)
    odd = Quantity(
        text="约50个",
        value=D(50),
        qualifier=Q.ABOUT,
        low=D(40),
        high=D(60),
        low_inclusive=True,
        high_inclusive=True,
        unit="个",
    )
    with pytest.raises(
        QuantityParseError,
        match=r"^'约50个' cannot be written as Chinese text: no expression states about "
        r"\[40, 60\] 个$",
    ):
        format_quantity(odd)
    unknown_unit = parse_quantity("5个").model_copy(update={"unit": "只羊"})
    with pytest.raises(QuantityParseError, match="no expression states exact"):
        format_quantity(unknown_unit)


def test_format_of_a_hand_built_quantity() -> None:
    """A quantity built in code, with the interval its qualifier implies, is written out."""
    q = Quantity(
        text="x",
        value=D(36000),
        qualifier=Q.MORE_THAN,
        low=D(36000),
        high=D(37000),
        unit="个",
    )
    assert format_quantity(q) == "3.6万余个"
