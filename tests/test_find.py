"""Finding quantities in text: the figures a reader counts, and none of the excluded kinds."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, strategies as st

from tests._seeds import SEED_FILES, normalized_seed, seed_text
from unitedfront import (
    Qualifier,
    QuantityMatch,
    find_quantities,
    parse_quantity,
    to_simplified,
)

DATA = Path(__file__).parent / "data" / "find"
EXPECTED = sorted(path.stem for path in DATA.glob("*.json"))


def _spans(text: str) -> list[list[object]]:
    return [[m.start, m.end, m.text] for m in find_quantities(text)]


def _texts(text: str) -> list[str]:
    return [m.text for m in find_quantities(text)]


def test_expected_spans_exist_for_at_least_two_sources() -> None:
    """The expected spans cover real sources, named by dataset id."""
    assert len(EXPECTED) >= 2
    assert set(EXPECTED) <= set(SEED_FILES)


@pytest.mark.parametrize("dataset_id", EXPECTED)
def test_every_figure_of_a_source_is_found_at_its_offsets(dataset_id: str) -> None:
    """find_quantities over the normalized source gives exactly the expected spans."""
    expected = json.loads((DATA / f"{dataset_id}.json").read_text(encoding="utf-8"))
    assert expected["dataset"] == dataset_id
    text = normalized_seed(dataset_id)
    for start, end, quote in expected["spans"]:
        assert text[start:end] == quote
    assert _spans(text) == expected["spans"]


@pytest.mark.parametrize("dataset_id", sorted(SEED_FILES))
def test_every_match_in_a_source_reads_back_on_its_own(dataset_id: str) -> None:
    """Each match's text is the source slice, and parses to the quantity found."""
    text = normalized_seed(dataset_id)
    matches = find_quantities(text)
    assert matches
    for match in matches:
        assert text[match.start : match.end] == match.text == match.quantity.text
        assert parse_quantity(match.text) == match.quantity


def test_a_traditional_source_gives_the_same_figures_as_its_simplified_form() -> None:
    """Traditional characters are read in place: the Ningbo source before normalization."""
    raw = seed_text("ningbo-acfic-2023")
    found = find_quantities(raw)
    assert [to_simplified(m.text) for m in found] == _texts(normalized_seed("ningbo-acfic-2023"))
    assert all(raw[m.start : m.end] == m.text for m in found)
    assert "3.6萬余個" in [m.text for m in found]


def test_offsets_are_code_points_into_the_text_given() -> None:
    """Offsets count characters, not bytes, and survive full-width and traditional forms."""
    text = "寧波市 走訪企業３３００家，協調解決各類問題訴求1500多個。"
    found = find_quantities(text)
    assert [(m.start, m.end, m.text) for m in found] == [
        (8, 13, "３３００家"),
        (24, 30, "1500多個"),
    ]
    assert found[0].quantity.value == 3300 and found[1].quantity.unit == "个"


def test_a_match_is_a_frozen_value() -> None:
    """QuantityMatch is immutable."""
    match = find_quantities("开展16次")[0]
    assert match == QuantityMatch(2, 5, "16次", parse_quantity("16次"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        match.start = 0  # type: ignore[misc]


def test_qualifier_words_and_units_are_part_of_the_span() -> None:
    """The span holds the whole expression."""
    text = "高新技术企业达到近1700家,投入超13亿元,提供岗位3.6万余个,不少于50个,50个左右"
    assert _texts(text) == ["达到近1700家", "超13亿元", "3.6万余个", "不少于50个", "50个左右"]


@pytest.mark.parametrize(
    "text",
    [
        # dates and times
        "2024年",
        "2024年07月22日",
        "6月27日上午",
        "于6月6日正式印发",
        "2019-03-20",
        "2019/3/20",
        "2021-2025年",
        "2023年上半年",
        "上半年开展各类专题培训",
        "二〇二四年",
        "4月,全国在宁波召开现场会",
        "上午10:30开会",
        "80年代",
        # names that hold numerals
        "推进五大行动",
        "全市八大产业链",
        "“八八战略”",
        "‘八八战略’",
        "八八战略",
        "1+4+N创新体系",
        "“1+5”政策体系",
        "12345·首发",
        "党的二十大",
        "十四届一次会议",
        "十二届三次执委会议",
        "两个健康",
        "三个民企一体建设",
        "五个坚持",
        "市四套班子",
        "四大品牌和六大行动",
        "“四大品牌”",
        "十四五规划",
        "5G网络和G20峰会",
        "全国两会",
        # numbers inside quoted brand names and titles
        "“万企兴万村”行动",
        "“问千家、进百企”调研",
        "“五个一百”服务团",
        "“11087”安商护企",
        "《儒商大会2018总体方案》",
        "“纪念新中国成立70周年”系列活动",
        # words that hold numerals
        "一批企业",
        "一条心",
        "每一个党支部",
        "千方百计",
        "百家争鸣",
        "百家媒体",  # a bare 百 with a measure word, closing no list
        "每万名就业人员中",
        "港澳千人山东行活动",
        "第三方检测",
        "第一时间",
        "一是承接上级",
        "长三角",
        "三分之一",
        "陆家嘴",
        # codes and signs
        "电话0531-12345678",
        "增长-5%",
        "版本1.2.3",
    ],
)
def test_excluded_kinds_are_not_reported(text: str) -> None:
    """Dates, names, quoted brands, idioms and codes hold numerals but are not figures."""
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "found", "value"),
    [
        ("承办第八届山东省大赛", "第八届", 8),
        ("综合科技创新水平指数全省第3。", "第3", 3),
        ("名列第35位,较上年前进2位", "第35位", 35),
        ("78个直报点第一名", "第一名", 1),
        ("第三屆“深圳企业家日”", "第三屆", 3),
    ],
)
def test_ordinals_are_reported_as_ordinals(text: str, found: str, value: int) -> None:
    """第N is reported with ordinal=True."""
    match = next(m for m in find_quantities(text) if m.quantity.ordinal)
    assert (match.text, match.quantity.value) == (found, Decimal(value))


@pytest.mark.parametrize(
    ("text", "found", "value", "unit", "ordinal"),
    [
        ("入围山东省民营企业100强", "100强", 100, "强", False),  # a list's size: N强
        ("进入全国百强", "百强", 100, "强", False),  # in words
        ("入围数量居全省首位", "首位", 1, "位", True),  # first place, with no numeral
        ("是全省唯一一家", "唯一一家", 1, "家", False),  # the only one: a count of one
        ("进入全省第一方阵", "第一方阵", 1, "方阵", True),  # the first tier
    ],
)
def test_ranks_are_read(text: str, found: str, value: int, unit: str, ordinal: bool) -> None:
    """N强, 首位, 唯一一家 and 第一方阵 are ranks: found, with their unit and ordinal mark."""
    (m,) = find_quantities(text)
    assert (m.text, m.quantity.unit, m.quantity.ordinal) == (found, unit, ordinal)
    assert m.quantity.value == value
    assert parse_quantity(found) == m.quantity  # and read the same on its own


@pytest.mark.parametrize(
    ("text", "found", "unit"),
    [
        ("现场签约12个项目", "12个", "个"),  # 签约: 约 ends a word
        ("预约服务30次", "30次", "次"),  # 预约
        ("节约资金5万元", "5万元", "元"),  # 节约
        ("保障航班120架次", "120架次", "架次"),  # a compound measure word
        ("开展活动60余场(次)", "60余场(次)", "场(次)"),  # a bracketed part
        ("走访企业80个（次）", "80个（次）", "个(次)"),  # full-width brackets
        ("投资1.2亿港元", "1.2亿港元", "港元"),  # a currency
        ("开发11 个项目", "11 个", "个"),  # a space before the measure word
        ("形成5大类、22小项", "5大类", "类"),  # 大 between numeral and measure word
    ],
)
def test_measure_words_of_real_texts_are_read(text: str, found: str, unit: str) -> None:
    """Compound and bracketed measure words, currencies and a spaced unit are read whole."""
    m = find_quantities(text)[0]
    assert (m.text, m.quantity.unit, m.quantity.qualifier.value) == (
        found,
        unit,
        "more_than" if "余" in found else "exact",
    )


@pytest.mark.parametrize(
    "text",
    [
        "约12个",  # 约 alone still means about
        "大约300人",  # and so does 大约 after a word
        "五大行动",  # 大 before a word that is no measure word: a name
        "2023 年",  # no space before a time unit
    ],
)
def test_the_new_readings_keep_their_edges(text: str) -> None:
    """约 alone is about; 大 before a name is not a measure; a year keeps its skip."""
    found = find_quantities(text)
    if text.startswith(("约", "大约")):
        assert found[0].quantity.qualifier.value == "about"
    elif text == "五大行动":
        assert found == []
    else:
        assert all(m.quantity.unit != "年" or " " not in m.text for m in found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a bare 百/千/万 with a measure word closing a list counts what the list names
        ("人民日报、中华网等百家媒体报道", [("百家", 100, "家")]),
        ("商会、协会等千余家单位", [("千余家", 1000, "家")]),
        ("等百年老字号", []),  # a time unit after 等 stays a word
        ("百家争鸣", []),
        # a quoted ranking's N强 after a verb of entering it is a rank; its year is a name
        ("8家企业入围“2022中国企业500强”", [("8家", 8, "家"), ("500强", 500, "强")]),
        ("入选“全国综合实力百强县”", [("百强", 100, "强")]),
        ("“中国民营企业500强”榜单发布", []),  # the list's name, entered by no one
        ("重大工程“十强”产业", []),
        ("坚持“1+3+N”工作思路,推进“五大行动”", []),
        ("进入“五大行动”", []),  # an entering verb before a name with no N强
        # measure words of products and goods
        ("开发文创产品20余款", [("20余款", 20, "款")]),
        ("捐赠物资500箱、大米300袋", [("500箱", 500, "箱"), ("300袋", 300, "袋")]),
        ("安装路灯200盞", [("200盞", 200, "盏")]),
        ("推出一款产品", []),  # 一 + measure word is an article
    ],
)
def test_genre_readings_hold_with_their_edges(text: str, found: list[tuple[str, int, str]]) -> None:
    """Counts closing a list, entered rankings and product measure words, and their limits."""
    assert [(m.text, m.quantity.value, m.quantity.unit) for m in find_quantities(text)] == [
        (t, Decimal(v), u) for t, v, u in found
    ]


def test_only_the_ordinal_is_flagged() -> None:
    """A count beside a rank is not an ordinal."""
    found = find_quantities("名列第35位,较上年前进2位")
    assert [(m.text, m.quantity.ordinal) for m in found] == [("第35位", True), ("2位", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("数十名企业家", [("数十名", Qualifier.SEVERAL)]),
        ("几十位企业家", [("几十位", Qualifier.SEVERAL)]),
        ("解决问题上百件", [("上百件", Qualifier.ORDER_OF)]),
        ("两三个项目,三四十家企业", [("两三个", Qualifier.RANGE), ("三四十家", Qualifier.RANGE)]),
        ("3至5万元", [("3至5万元", Qualifier.RANGE)]),
        ("百余家企业", [("百余家", Qualifier.MORE_THAN)]),
        ("年薪百万元以上", [("百万元以上", Qualifier.AT_LEAST)]),
        ("百分之三十五的企业", [("百分之三十五", Qualifier.EXACT)]),
        ("连续两年对工商联工作作出批示", [("两年", Qualifier.EXACT)]),
        ("从理想信念教育入手等四方面入手", [("四方面", Qualifier.EXACT)]),
        ("壹佰元", [("壹佰元", Qualifier.EXACT)]),
        ("阅读 8651", [("8651", Qualifier.EXACT)]),
        ("每月1周左右时间在一线", [("1周左右", Qualifier.ABOUT)]),
        ("3年多来", [("3年多", Qualifier.MORE_THAN)]),
        ("服务3家多元化企业", [("3家", Qualifier.EXACT)]),
    ],
)
def test_figures_written_in_words_and_with_qualifiers_are_found(
    text: str, expected: list[tuple[str, Qualifier]]
) -> None:
    """Chinese numerals with a unit, 上百/数十, ranges and shares are figures."""
    assert [(m.text, m.quantity.qualifier) for m in find_quantities(text)] == expected


def test_jin_before_a_time_span_means_the_last_not_nearly() -> None:
    """近三年 is 'the last three years': the span leaves 近 out and the figure is exact."""
    found = find_quantities("近三年来,近5年,近1700家")
    assert [(m.start, m.text, m.quantity.qualifier) for m in found] == [
        (1, "三年", Qualifier.EXACT),
        (6, "5年", Qualifier.EXACT),
        (9, "近1700家", Qualifier.NEARLY),
    ]


def test_a_long_quotation_is_read_inside() -> None:
    """A quoted speech with punctuation is not a name: its figures are found."""
    text = "强调“要加强引领,推动37个项目落地,做好‘两个健康’工作”。"
    assert _texts(text) == ["37个"]


def test_an_empty_text_has_no_quantities() -> None:
    """Nothing to find in nothing."""
    assert find_quantities("") == []


FIND_ALPHABET = (
    "0123456789.,-+·%〇零一二三四五六七八九两十百千万亿余多几个条家人年月日第上数至到"
    "约近超过不少于以上左右分之点萬億個餘兩陆壹 ，。“”‘’《》Gabc企业的"
)


@given(st.text(alphabet=FIND_ALPHABET, max_size=80) | st.text(max_size=80))
def test_find_on_any_text_gives_ordered_exact_spans_that_parse(text: str) -> None:
    """Whatever the text: no exception, spans in order, and each span parses to its quantity."""
    previous_end = 0
    for match in find_quantities(text):
        assert previous_end <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        assert parse_quantity(match.text) == match.quantity
        previous_end = match.end


def test_a_very_long_text_is_read() -> None:
    """Long texts are scanned in one pass; a run of digits too long for a figure is skipped."""
    text = "走访企业1234家," * 20_000 + "9" * 5_000
    found = find_quantities(text)
    assert len(found) == 20_000
    assert found[-1].end == len(text) - 5_001
