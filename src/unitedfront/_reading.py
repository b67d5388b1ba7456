"""The quantity grammar: read Chinese quantity text into a plain, immutable reading.

This module is the algorithm alone, with no pydantic in it: :func:`read_quantity` reads
one expression (``470余条``, ``近1700家``, ``3.6萬余個``, ``第35位``) into a
:class:`Reading`; :func:`find_readings` finds every expression in a text with its
offsets; :func:`write_reading` writes a reading back as canonical Chinese text. Each
refusal is a :class:`~unitedfront.errors.QuantityParseError` whose ``code`` says what
kind of failure it is (the codes are listed in the *Quantities* page of the docs).
:class:`~unitedfront.Quantity` wraps a reading into the model.

Everything is compiled when this module is first imported, except the larger grammar
:func:`find_readings` uses (compiled on its first call), and the table of numeral
sections (filled on the first numeral read). Reading an expression is one match of one
grammar, whose cost grows with the length of the text (no nested repetition to backtrack
through), then integer or exact ``Decimal`` arithmetic; the commonest shapes are read by
shortcuts that give what that match gives (:func:`read_quantity`).
"""

from __future__ import annotations

import decimal
import functools
import re
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final, NamedTuple, Protocol

import attrs

from unitedfront.errors import QuantityParseError

__all__ = [
    "EXACT",
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "MAX_LENGTH",
    "UNITS",
    "Interval",
    "Qualifier",
    "Reading",
    "find_readings",
    "read_quantity",
    "write_reading",
]

#: Largest magnitude (as a power of ten) a figure may have. 10^20 is far beyond any
#: figure these programmes state (万亿 is 10^12); a larger one is refused, not rounded.
MAX_EXPONENT: Final = 20
#: Most significant digits a figure may carry.
MAX_DIGITS: Final = 30
#: The longest text :func:`read_quantity` reads. A quantity expression is a few characters
#: long; anything longer is refused with :class:`~unitedfront.errors.QuantityParseError`.
MAX_LENGTH: Final = 200

#: Arithmetic on figures runs in this context: wide enough that sums of any figures the
#: model accepts are exact, and any rounding raises instead of passing silently.
EXACT: Final = decimal.Context(
    prec=80,
    traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation, decimal.Overflow],
)


class Qualifier(StrEnum):
    """How a figure relates to the number written (see the quantity contract).

    ``X`` is the number written; the interval each qualifier implies is documented on
    :class:`~unitedfront.Quantity`.
    """

    EXACT = "exact"
    """A bare number, or after 达/共/累计/总计: ``[X, X]``."""
    MORE_THAN = "more_than"
    """``X余``, ``X多``: ``(X, X + step)``."""
    OVER = "over"
    """超/超过/逾/高于/大于 X: ``(X, ∞)``."""
    AT_LEAST = "at_least"
    """不少于/至少/不低于 X, X以上: ``[X, ∞)``."""
    NEARLY = "nearly"
    """近/将近/接近 X: ``[0.9X, X)``."""
    ABOUT = "about"
    """约/大约/大概 X, X左右: ``[0.9X, 1.1X]``."""
    AT_MOST = "at_most"
    """不超过/最多 X, X以内/以下: ``(-∞, X]``."""
    UNDER = "under"
    """不到/不足/低于/少于 X: ``(-∞, X)``."""
    ORDER_OF = "order_of"
    """上百/上千/上万/上亿 (M): ``[M, 10M)``."""
    SEVERAL = "several"
    """数十/几十/数百… (M): ``[2M, 10M)``."""
    RANGE = "range"
    """两三个, X至Y, X-Y: ``[a, b]``."""
    SUM = "sum"
    """The result of :func:`~unitedfront.total` over addends that are not all exact."""


def _plain_short(d: Decimal) -> str:
    """``d`` in plain digits, without an exponent or trailing zeros (``1530.0`` → ``1530``)."""
    return format(d.normalize(EXACT), "f")


@attrs.frozen(slots=True)
class Interval:
    """The interval a figure implies: its bounds and whether each is part of it.

    ``low``/``high`` are ``None`` when the interval is unbounded on that side (and the
    side is then not inclusive). Its ``str()`` is the interval in mathematical notation,
    with the unit, and bounds written exactly, without trailing zeros.

    >>> from decimal import Decimal
    >>> i = Interval(Decimal("1530.0"), Decimal(1700), True, False, "家")
    >>> str(i), i.low, Decimal(1600) in i, Decimal(1700) in i
    ('[1530, 1700) 家', Decimal('1530.0'), True, False)
    """

    low: Decimal | None
    """The lower bound; ``None`` when unbounded below."""
    high: Decimal | None
    """The upper bound; ``None`` when unbounded above."""
    low_inclusive: bool
    """Whether ``low`` itself lies in the interval."""
    high_inclusive: bool
    """Whether ``high`` itself lies in the interval."""
    unit: str | None = None
    """The unit of the bounds, if any."""

    def contains(self, number: Decimal | int) -> bool:
        """Whether ``number`` lies in the interval (also written ``number in interval``)."""
        x = number if isinstance(number, Decimal) else Decimal(number)
        low, high = self.low, self.high
        if low is not None and (x < low or (x == low and not self.low_inclusive)):
            return False
        return not (high is not None and (x > high or (x == high and not self.high_inclusive)))

    def __contains__(self, number: object) -> bool:
        if not isinstance(number, Decimal | int) or isinstance(number, bool):
            raise TypeError(f"expected a Decimal or an int, got {type(number).__name__}")
        return self.contains(number)

    def __str__(self) -> str:
        low, high = self.low, self.high
        left = "(-∞" if low is None else ("[" if self.low_inclusive else "(") + _plain_short(low)
        right = "∞)" if high is None else _plain_short(high) + ("]" if self.high_inclusive else ")")
        return f"{left}, {right}" + (f" {self.unit}" if self.unit else "")


class Reading(NamedTuple):
    """What one quantity expression says, read exactly: the result of :func:`read_quantity`.

    The fields are those of :class:`~unitedfront.Quantity`, plus ``step``.
    """

    text: str
    """The expression exactly as given."""
    value: Decimal
    """The number written, magnitude words applied; the lower end of a range or multitude."""
    qualifier: Qualifier
    """How the figure relates to the number written."""
    low: Decimal | None
    """The lower bound the expression implies; ``None`` when unbounded below."""
    high: Decimal | None
    """The upper bound the expression implies; ``None`` when unbounded above."""
    low_inclusive: bool
    """Whether ``low`` itself is part of the interval."""
    high_inclusive: bool
    """Whether ``high`` itself is part of the interval."""
    unit: str | None
    """The measure word in simplified script, magnitude words moved into ``value``."""
    ordinal: bool
    """True for ``第N`` forms: ranks and editions."""
    step: Decimal | None = None
    """For ``余``/``多`` (``more_than``): the place value the expression steps by."""

    @property
    def interval(self) -> Interval:
        """The interval the expression implies, with the unit."""
        return Interval(self.low, self.high, self.low_inclusive, self.high_inclusive, self.unit)


# --------------------------------------------------------------------------- characters

# Traditional forms of the characters the grammar and the unit words use, and their
# simplified forms. Applied one character for one, so offsets into a text are kept.
_TRADITIONAL = (
    "萬万億亿兩两個个箇个餘余約约幾几數数達达總总計计於于過过將将內内點点"
    "條条處处項项場场屆届輪轮類类種种組组棟栋間间臺台檯台輛辆張张冊册節节課课學学時时"
    "隊队對对雙双塊块頭头隻只顆颗筆笔單单層层級级檔档則则鐘钟鍾钟週周歲岁噸吨畝亩頃顷"
    "釐厘戶户縣县區区鎮镇鄉乡歐欧鎊镑盞盏"
)
# Financial numerals (大写数字), read as the ordinary ones.
_FINANCIAL = "壹一贰二貳二叁三參三肆四伍五陆六陸六柒七捌八玖九拾十佰百仟千"
_FINANCIAL_CHARS: Final = frozenset(_FINANCIAL[0::2])


def _fold_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full width
    table[0x3000] = " "
    pairs = _TRADITIONAL + _FINANCIAL + "○〇◯〇〜~–-‐-﹪%"
    for i in range(0, len(pairs), 2):
        table[ord(pairs[i])] = pairs[i + 1]
    return table


#: One character for one: full-width forms to ASCII, traditional to simplified, financial
#: numerals to ordinary ones. Never changes the length of a text.
_FOLD: Final = _fold_table()
_NEEDS_FOLD: Final = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")

_CN_DIGIT: Final = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "两": 2,
}
_CN_PLACE: Final = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}
_VALID_PAIRS: Final = frozenset(
    {(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)}
)

# --------------------------------------------------------------------------- words

_UNIT_TEXT = (
    # people, bodies, things
    "个 名 位 人 人次 人年 家 户 条 篇 处 项 件 次 场 场次 期 届 批 轮 类 种 组 支 所 座 栋 幢"
    " 间 台 辆 艘 架 部 部委 本 册 份 封 张 幅 首 节 课 课时 学时 堂 班 队 对 双 块 片 根 棵"
    " 株 头 只 匹 口 枚 颗 笔 单 宗 起 例 段 层 级 档 版 章 代 则 套 趟 遍 回 方面"
    # products and goods handed out: 20余款 (models of a product), 500箱, 300袋, 200盏
    " 款 箱 袋 盒 盏"
    # counts of events written with both measure words (个(次): each event counted once)
    " 架次 车次 户次 家次 场(次) 个(次) 人(次) 家(次) 次(场)"
    # places in a ranking: 500强, 全国百强, 第一方阵
    " 强 方阵"
    # places
    " 省 市 县 区 镇 乡 村"
    # time
    " 年 周年 岁 周岁 个月 月 季度 个季度 周 天 日 工作日 个工作日 小时 个小时 分钟 秒"
    # money, measures, ratios
    " 元 美元 港元 欧元 日元 英镑 吨 千克 公斤 克 斤 亩 公顷 平方米 平方公里 平方千米"
    " 立方米 米 公里 千米 厘米 毫米 千瓦 千瓦时 兆瓦 瓦 度 倍 成 % ‰ 个百分点 百分点"
)
#: Unit words the parser reads after a number (simplified script; traditional forms are
#: read too). Magnitude words (万, 亿) are not units: they are moved into the value.
UNITS: Final = tuple(_UNIT_TEXT.split())

# Units after which 余/多 may follow the unit itself (``3年多``, ``1倍多``).
_LATE_MORE_UNITS: Final = "年天周时钟秒倍岁"
# Time spans: 近 before them means "the last" (近三年), not "nearly"; used by find.
_TIME_UNITS: Final = frozenset({"年", "个月", "月", "季度", "个季度", "周", "天", "日", "期"})

_EXACT_WORDS: Final = ("达到", "达", "共计", "共", "累计", "总计")
_PREFIX: Final = {
    "不少于": Qualifier.AT_LEAST,
    "不低于": Qualifier.AT_LEAST,
    "至少": Qualifier.AT_LEAST,
    "不超过": Qualifier.AT_MOST,
    "最多": Qualifier.AT_MOST,
    "不到": Qualifier.UNDER,
    "不足": Qualifier.UNDER,
    "低于": Qualifier.UNDER,
    "少于": Qualifier.UNDER,
    "超过": Qualifier.OVER,
    "超": Qualifier.OVER,
    "逾": Qualifier.OVER,
    "高于": Qualifier.OVER,
    "大于": Qualifier.OVER,
    "将近": Qualifier.NEARLY,
    "接近": Qualifier.NEARLY,
    "近": Qualifier.NEARLY,
    "大约": Qualifier.ABOUT,
    "大概": Qualifier.ABOUT,
    "约": Qualifier.ABOUT,
}
_POSTFIX: Final = {
    "以上": Qualifier.AT_LEAST,
    "以下": Qualifier.AT_MOST,
    "以内": Qualifier.AT_MOST,
    "左右": Qualifier.ABOUT,
}
# Magnitude words written after a number, with their powers of ten.
_MAG_EXP: Final = {
    "十": 1,
    "百": 2,
    "千": 3,
    "万": 4,
    "十万": 5,
    "百万": 6,
    "千万": 7,
    "亿": 8,
    "十亿": 9,
    "百亿": 10,
    "千亿": 11,
    "万亿": 12,
    "十万亿": 13,
    "百万亿": 14,
    "千万亿": 15,
}
_MAG_WORD: Final = {v: k for k, v in _MAG_EXP.items()}

# --------------------------------------------------------------------------- the grammar


def _alternation(words: list[str]) -> str:
    """A regular expression matching any of ``words``, factored by common prefixes.

    Longer words are tried before their prefixes, and the factoring keeps matching linear
    in the length of the word.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + render(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return "(?:" + "|".join(re.escape(ch) + render(child) for ch, child in tree.items()) + ")"


def _unit_words() -> list[str]:
    words = set(UNITS)
    for unit in UNITS:  # 3个多月, 2个多百分点: 多/余 inside a 个… unit
        if unit.startswith("个") and len(unit) > 1:
            words.update({"个多" + unit[1:], "个余" + unit[1:]})
    return sorted(words)


# Digits never give characters back (possessive ``++``), so a failing match cannot retry
# every shorter reading of a long run of digits.
_AR = r"(?:[0-9]{1,3}(?:,[0-9]{3})++(?![0-9])|[0-9]++)(?:\.[0-9]++)?"
# A run of Chinese numerals, possessive like the digits; 百 and 千 stay out of it when they
# begin a unit word (百分点, 千米, 千克, 千瓦), as they do after Arabic digits.
_CN_RUN = "(?:[〇零一二三四五六七八九两十万亿]|百(?!分点)|千(?![米克瓦]))++"
_CN_FRAC = "[〇零一二三四五六七八九]+"
# A magnitude after an Arabic number (or after 余/多): 万, 亿, 万亿, 十万, 百万 … and 百, 千
# when they do not begin a unit (百分点, 千米, 千克, 千瓦).
_MAG = r"(?:[十百千]?(?:万亿|万|亿)|[百千](?![分米克瓦]))"
_SEV_MAG = r"(?:[十百千]?(?:万亿|万|亿)|[十百千](?![分米克瓦]))"
_UNIT = _alternation(_unit_words())
_SEP = "[至到~—-]"


def _block(p: str) -> str:
    return (
        rf"(?:(?P<{p}ar>{_AR})|(?P<{p}cn>{_CN_RUN})(?:点(?P<{p}fr>{_CN_FRAC}))?)"
        rf"(?P<{p}s1>[余多几])?(?P<{p}mag>{_MAG})?(?P<{p}s2>[余多])?"
    )


_BODY = (
    rf"(?P<mark>(?:{'|'.join(_EXACT_WORDS)}){{0,2}})"
    rf"(?P<pre>{_alternation(list(_PREFIX))})?"
    r"(?:"
    rf"第(?P<ord>[0-9]+|{_CN_RUN})"
    rf"|上(?P<up>{_MAG})"
    rf"|[数几](?P<sev>{_SEV_MAG})"
    rf"|(?P<pct>[百千])分之(?:(?P<pctar>{_AR})|(?P<pctcn>{_CN_RUN})(?:点(?P<pctfr>{_CN_FRAC}))?)"
    rf"|{_block('a')}(?:(?P<aunit>{_UNIT})?(?P<sep>{_SEP}){_block('b')})?"
    r")"
    # 5大类, 22小项: 大/小 before the measure word; 11 个: a space before it
    rf"(?:(?:[大小](?=[类项]))?(?: (?![年月日号时周天])(?={_UNIT}))?(?P<unit>{_UNIT}))?"
    rf"(?:(?<=[{_LATE_MORE_UNITS}])(?P<s3>[余多])(?![元种样层方措家个次项名位人类少]))?"
    r"(?P<post>以上|以下|以内|左右)?"
)

# Spans find_quantities steps over: dates and times, quoted names and titles, slogans and
# session numbers that hold numerals, and fractions.
_CN_DAY = "(?:[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"
_CN_MONTH = "(?:十[一二]?|[一二三四五六七八九])"
_DAY = rf"(?:[0-9]{{1,2}}|{_CN_DAY})[日号]"
_MONTH = rf"(?:[0-9]{{1,2}}|{_CN_MONTH})月(?:份)?"
_YEAR = "(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年(?:度|代|份)?"
_SKIP = (
    r"(?:"
    # dates: 2019-03-20, 2019/3/20, 2019.03.20, 2023-06, year ranges, 年, 月, 日
    r"(?:19|20)[0-9]{2}(?:[-/.][0-9]{1,2}){2}|(?:19|20)[0-9]{2}[-/](?:0?[1-9]|1[0-2])(?![0-9])"
    rf"|(?:19|20)[0-9]{{2}}年?\s*{_SEP}\s*(?:19|20)[0-9]{{2}}(?:年度|年)?(?![0-9])"
    rf"|{_YEAR}(?:{_MONTH}(?:{_DAY})?)?|{_MONTH}(?:{_DAY})?|{_DAY}|[0-9]{{2}}年代"
    # clock times
    r"|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
    # quoted names and brand names, book and document titles
    r"|“[^“”,。;!?:\n]{1,30}”|‘[^‘’,。;!?:\n]{1,30}’|「[^「」,。;!?:\n]{1,30}」"
    r"|『[^『』,。;!?:\n]{1,30}』|\"[^\",。;!?:\n]{1,30}\"|《[^《》\n]{1,100}》|〈[^〈〉\n]{1,60}〉"
    # names that hold numerals
    r"|两个(?:健康|维护|确立|毫不动摇|务必|结合|大局|一百年)|三个(?:民企|代表|务必|有利于)"
    r"|四个(?:意识|自信|全面|服务)|五个坚持|四套班子|八八战略|十[三四五]五"
    r"|第?(?:[一二三四五六七八九十两]+|[0-9]+)届(?:[一二三四五六七八九十]+|[0-9]+)次"
    # fractions: 三分之一
    r"|(?:[一二三四五六七八九十两]+|[0-9]+)分之(?:[〇零一二三四五六七八九十两]+|[0-9]+)"
    r")"
)

_PARSE_RE: Final = re.compile(rf"(?P<skip>){_BODY}")
_G: Final = {name: index - 1 for name, index in _PARSE_RE.groupindex.items()}


@functools.cache
def _find_re() -> re.Pattern[str]:
    """The grammar with the spans find_quantities steps over; compiled on first use (it is
    the largest expression here, and reading a quantity does not need it)."""
    pattern = re.compile(rf"(?P<skip>{_SKIP})|{_BODY}")
    assert {name: index - 1 for name, index in pattern.groupindex.items()} == _G
    return pattern


_I_MARK, _I_PRE, _I_ORD, _I_UP, _I_SEV = _G["mark"], _G["pre"], _G["ord"], _G["up"], _G["sev"]
_I_PCT, _I_PCTAR, _I_PCTCN, _I_PCTFR = _G["pct"], _G["pctar"], _G["pctcn"], _G["pctfr"]
_I_A, _I_AUNIT, _I_SEP, _I_B = _G["aar"], _G["aunit"], _G["sep"], _G["bar"]
_I_UNIT, _I_S3, _I_POST = _G["unit"], _G["s3"], _G["post"]
_BLOCK_WIDTH: Final = 6  # ar, cn, fr, s1, mag, s2
assert _G["amag"] == _I_A + 4 and _G["bs2"] == _I_B + 5

_ANY_NUMERAL: Final = re.compile("[0-9〇零一二三四五六七八九两十百千万亿]")
_NUMBER_RUN: Final = re.compile(r"[0-9][0-9,.]*|[〇零一二三四五六七八九两十百千万亿]+")
_D09: Final = Decimal("0.9")
_D11: Final = Decimal("1.1")

# --------------------------------------------------------------------------- numerals


# The codes of the failures (see docs/quantities.md).
_QUALIFIER: Final = "quantity_qualifier"
_RANGE_CODE: Final = "quantity_range"
_OUT_OF_RANGE: Final = "quantity_out_of_range"
_EMPTY_INTERVAL: Final = "quantity_empty_interval"


class _ReadError(Exception):
    """Raised inside the grammar with the reason and its code; becomes a QuantityParseError."""

    def __init__(self, message: str, code: str = "quantity_numeral") -> None:
        super().__init__(message)
        self.code = code


# Each numeral character as one integer: digits 0-9, place words 10, 100, 1000, 10^4, 10^8.
_CN_TOKEN: Final = {**_CN_DIGIT, **{ch: 10**p for ch, p in _CN_PLACE.items()}}
_CN_DIGIT_CHARS: Final = "〇零一二三四五六七八九两"


class _PairError(Exception):
    """Two numerals in a row inside a numeral with place words (三四十, 十一二)."""


def _cn_structured(run: str) -> int:
    """The value of a Chinese numeral written with place words.

    Raises :class:`_PairError` when two non-zero numerals stand in a row.
    """
    total = 0  # the part finished by 亿
    mid = 0  # the part finished by 万, inside the current 亿 section
    sec = 0  # the current section below 万
    small = 10_000  # the last 十/百/千 in this section; 10_000 = none yet
    big = 0  # the last 万/亿 passed; 0 = none
    pending = -1  # a digit waiting for its place word
    zero = False  # a 零 since the last place word
    first = True
    for ch in run:
        v = _CN_TOKEN[ch]
        if v < 10:
            if v:
                if pending >= 0:
                    raise _PairError
                pending = v
            elif first:
                raise _ReadError(f"'{run}' begins with '{ch}'")
            elif pending >= 0:
                raise _ReadError(f"'{ch}' cannot follow a numeral in '{run}'")
            else:
                zero = True
            first = False
            continue
        if v < 10_000:
            if v >= small:
                raise _ReadError(f"'{ch}' cannot follow a larger or equal place in '{run}'")
            if pending >= 0:
                sec += pending * v
            elif first or zero or (v == 10 and small == 100):
                sec += v
            else:
                raise _ReadError(f"'{ch}' has no numeral before it in '{run}'")
            small = v
        else:
            if pending >= 0 and 10 < small < 10_000 and not zero:
                raise _ReadError(
                    f"'{run}' is ambiguous: a digit after '{'百' if small == 100 else '千'}' "
                    f"needs '零' or its own place word before '{ch}'"
                )
            if pending > 0:
                sec += pending
            if v == 10_000:
                if mid:
                    raise _ReadError(f"'万' is written twice in '{run}'")
                if not sec:
                    if not first:
                        raise _ReadError(f"'万' has no numeral before it in '{run}'")
                    sec = 1
                mid = sec * 10_000
            else:
                if total:
                    raise _ReadError(f"'亿' is written twice in '{run}'")
                sec += mid
                if not sec:
                    if not first:
                        raise _ReadError(f"'亿' has no numeral before it in '{run}'")
                    sec = 1
                total = sec * 100_000_000
                mid = 0
            sec = 0
            small = 10_000
            big = v
        pending = -1
        zero = False
        first = False
    if pending < 0:
        if zero:
            raise _ReadError(f"'{run}' ends with '零'")
    elif zero:
        sec += pending
    elif 10 < small < 10_000:
        sec += pending * small // 10  # 一百二 = 120, 三千五 = 3500
    elif small == 10_000 and big:
        sec += pending * big // 10  # 一万五 = 15000, 两亿三 = 230000000
    else:
        sec += pending
    return total + mid + sec


def _cn_value(run: str) -> tuple[int, int]:
    """The value of a run of Chinese numerals, as ``(low, high)``; ``low < high`` for a
    range of two neighbouring numerals (两三, 三四十, 十一二)."""
    if len(run) == 1:
        v = _CN_TOKEN[run]
        return v, v
    section = _cn_sections(run)
    if section is not None:
        return section, section
    if not run.strip(_CN_DIGIT_CHARS):
        return _cn_digits(run)
    try:
        v = _cn_structured(run)
    except _PairError:
        return _cn_pair(run)
    return v, v


# Every number below 10^4 as it is written in a numeral: after a larger place (五千零六,
# 一十五, 两百), at the start (十五, 两), and after 万 or 亿 with 零 (零五, 零一十五). A
# numeral written the usual way is read with one look-up per section of four places.
# Filled on first use (about 13,000 words, 2 MB, in a few milliseconds); the tests hold
# every entry to _cn_structured.
_SECTIONS: Final[dict[str, int]] = {}


def _fill_sections() -> dict[str, int]:
    digits = "一二三四五六七八九"
    words = ["", *digits]  # 0 to 999 as written after a larger place (一十五, 一百零五)
    words += [d + "十" + words[o] for d in digits for o in range(10)]
    words += [
        d + "百" + (words[r] if r >= 10 or not r else "零" + words[r])
        for d in digits
        for r in range(100)
    ]
    table = {word: n for n, word in enumerate(words) if n}
    table.update({"零" + word: n for n, word in enumerate(words) if n})
    table.update({"十" + words[n][2:]: n for n in range(10, 20)})  # 十, 十五
    table.update(
        {
            d + "千" + (words[r] if r >= 100 or not r else "零" + words[r]): 1000 * k + r
            for k, d in enumerate(digits, 1)
            for r in range(1000)
        }
    )
    # 两 for a 2 before 千 or 百, or alone: 两千, 一千两百, 两
    table.update({"两" + word[1:]: n for word, n in table.items() if word == "二"})
    table.update({word.replace("二千", "两千"): n for word, n in table.items() if "二千" in word})
    table.update({word.replace("二百", "两百"): n for word, n in table.items() if "二百" in word})
    _SECTIONS.update(table)
    return _SECTIONS


def _cn_sections(run: str) -> int | None:
    """The value of a numeral written the usual way (一千二百三十四万五千零六), read by
    sections of four places; ``None`` for any other run, which :func:`_cn_structured`
    reads.

    The first section may be any word of the table but one that starts with 零; a section
    after 万 or 亿 may not be a lone digit (一万五 is 15000) or start with 十 (一万十 is
    not a numeral).
    """
    table = _SECTIONS or _fill_sections()
    head, yi, rest = run.partition("亿")
    if not yi:
        head, wan, rest = run.partition("万")
        if not wan:
            value = table.get(run)
            return None if value is None or run[0] == "零" else value
        high = table.get(head)
        if high is None or head[0] == "零":
            return None
    else:
        high = table.get(head)
        if high is None or head[0] == "零":
            return None
        head, wan, rest = rest.partition("万")
        if wan:
            mid = table.get(head)
            if mid is None or len(head) < 2 or head[0] == "十":
                return None
            high = high * 10_000 + mid
        else:
            high *= 10_000
            rest = head
    if not rest:
        return high * 10_000
    low = table.get(rest)
    if low is None or len(rest) < 2 or rest[0] == "十":
        return None
    return high * 10_000 + low


def _cn_pair(run: str) -> tuple[int, int]:
    """A numeral with place words and two neighbouring numerals: 三四十 = 30 to 40."""
    pair = -1
    previous = False
    for i, ch in enumerate(run):
        if not _CN_DIGIT.get(ch):  # a place word or a zero
            previous = False
            continue
        if previous:
            if pair >= 0:
                raise _ReadError(f"'{run}' has more than two numerals in a row")
            pair = i - 1
        previous = True
    a, b = _CN_DIGIT[run[pair]], _CN_DIGIT[run[pair + 1]]
    if (a, b) not in _VALID_PAIRS:
        raise _ReadError(f"'{run[pair : pair + 2]}' in '{run}' is not a range of neighbours")
    try:
        low = _cn_structured(run[: pair + 1] + run[pair + 2 :])
        high = _cn_structured(run[:pair] + run[pair + 1 :])
    except _PairError:  # pragma: no cover - excluded by the scan above
        raise _ReadError(f"'{run}' has more than one pair of numerals") from None
    return low, high


def _cn_digits(run: str) -> tuple[int, int]:
    """Numerals with no place word: a pair (两三) or digit by digit (二〇二四)."""
    zeros = "〇" in run or "零" in run
    if len(run) == 2 and not zeros:
        a, b = _CN_DIGIT[run[0]], _CN_DIGIT[run[1]]
        if (a, b) in _VALID_PAIRS:
            return a, b
        raise _ReadError(f"'{run}' is neither a range of neighbours nor one number")
    if "两" in run:
        raise _ReadError(f"'两' cannot be read digit by digit in '{run}'")
    if run[0] in "〇零":
        raise _ReadError(f"'{run}' begins with zero")
    v = int("".join(str(_CN_DIGIT[ch]) for ch in run))
    return v, v


def _shift(ip: str, fp: str, k: int) -> Decimal:
    """The decimal ``ip.fp`` times ``10**k``, built from its digits (exact, no exponent)."""
    if not k:
        return Decimal(ip + "." + fp if fp else ip)
    if len(fp) <= k:
        return Decimal(ip + fp + "0" * (k - len(fp)))
    return Decimal(ip + fp[:k] + "." + fp[k:])


def _last_place(ip: str, fp: str, k: int) -> int | None:
    """The power of ten of the last non-zero digit of ``ip.fp × 10**k``; None for zero."""
    fs = fp.rstrip("0")
    if fs:
        return k - len(fs)
    stripped = ip.rstrip("0")
    if not stripped.strip("0"):
        return None
    return k + len(ip) - len(stripped)


def _last_word_exp(word: str) -> int:
    """The power of the magnitude word a 余/多 directly follows (万亿 → 12, 十万 → 4)."""
    if word.endswith("万亿"):
        return 12
    return _CN_PLACE[word[-1]]


# A number of an expression, read, as a tuple:
#   low, high: its value (low < high only for neighbouring numerals such as 两三)
#   last: the power of ten 余/多 steps by (None for zero, or when not asked for)
#   more: the 余, 多 or 几 written after the number, or None
#   plain: no magnitude or place word at all
#   scale: the power of the magnitude words it ends with (used by 3至5万)
_Num = tuple[Decimal, Decimal, int | None, str | None, bool, int]


def _arabic(ar: str, s1: str | None, mag: str | None, s2: str | None, need_last: bool) -> _Num:
    """An Arabic number with its magnitude word and 余/多 (``3.6``, ``万``, ``余``)."""
    more = s1 or s2
    if s1 is not None and s2 is not None:
        raise _ReadError(f"'{s1}' and '{s2}' are both written", _QUALIFIER)
    if "," in ar:
        ar = ar.replace(",", "")
    if mag is None:
        value = Decimal(ar)
        if more is None and not need_last:
            return value, value, None, None, True, 0
        ip, _, fp = ar.partition(".")
        return value, value, _last_place(ip, fp, 0), more, True, 0
    k = _MAG_EXP[mag]
    ip, _, fp = ar.partition(".")
    value = _shift(ip, fp, k)
    last = None
    if more is not None or need_last:
        last = _last_place(ip, fp, k)
        if s2 is not None and last is not None:  # 10万余: the step is at most 万
            last = min(last, _last_word_exp(mag))
    return value, value, last, more, False, k


def _number(g: tuple[str | None, ...], i: int, need_last: bool) -> _Num:
    ar, cn, fr, s1, mag, s2 = g[i : i + _BLOCK_WIDTH]
    if ar is not None:
        return _arabic(ar, s1, mag, s2, need_last)
    assert cn is not None
    return _chinese(cn, fr, s1, mag, s2, need_last)


def _chinese(
    cn: str, fr: str | None, s1: str | None, mag: str | None, s2: str | None, need_last: bool
) -> _Num:
    """A Chinese number with its decimals, magnitude word and 余/多 (``三点五``, ``亿``)."""
    more = s1 or s2
    if s1 is not None and s2 is not None:
        raise _ReadError(f"'{s1}' and '{s2}' are both written", _QUALIFIER)
    need_last = need_last or more is not None
    lo, hi = _cn_value(cn)
    k = _MAG_EXP[mag] if mag is not None else 0
    trailing = len(cn) - len(cn.rstrip("十百千万亿"))
    plain = mag is None and not cn.strip("〇零一二三四五六七八九两")
    if fr is not None:
        if lo != hi:
            raise _ReadError(f"'{cn}点{fr}' mixes a range with a decimal point", _RANGE_CODE)
        ip, fp = str(lo), "".join(str(_CN_DIGIT[ch]) for ch in fr)
        value = _shift(ip, fp, k)
        last = _last_place(ip, fp, k) if need_last else None
        if s2 is not None and last is not None and mag is not None:
            last = min(last, _last_word_exp(mag))
        return value, value, last, more, plain, k
    if k:
        value = _shift(str(lo), "", k)
        high = value if hi == lo else _shift(str(hi), "", k)
    else:
        value = Decimal(lo)
        high = value if hi == lo else Decimal(hi)
    last = None
    if need_last:
        last = _last_place(str(lo), "", k)
        if last is not None:
            if s2 is not None and mag is not None:
                last = min(last, _last_word_exp(mag))
            elif s1 is not None and trailing and mag is None:  # 十万余, 三千余
                last = min(last, _last_word_exp(cn))
    if trailing:
        k += sum(_CN_PLACE[ch] for ch in cn[len(cn) - trailing :])
    return value, high, last, more, plain, k


def _cn_int(run: str) -> Decimal:
    lo, hi = _cn_value(run)
    if lo != hi:
        raise _ReadError(f"'{run}' is a range, not one number")
    return Decimal(lo)


def whole_number(text: str) -> int | None:
    """A whole number written in Arabic digits or Chinese numerals, else ``None``.

    For the small counts inside other phrases (连续十一年, 近三年, 第二季度).

    >>> whole_number("十一"), whole_number("两"), whole_number("25"), whole_number("三四")
    (11, 2, 25, None)
    """
    if text.isascii():
        return int(text) if text.isdigit() else None
    try:
        return int(_cn_int(text))
    except (_ReadError, _PairError, KeyError, ValueError):
        return None


# --------------------------------------------------------------------------- building

# A reading made from its ten fields at once (a NamedTuple's own __new__ is a Python call).
_new: Final = tuple.__new__

_EXACT: Final = Qualifier.EXACT
_MORE_THAN: Final = Qualifier.MORE_THAN
_RANGE: Final = Qualifier.RANGE
_OUTSIDE: Final = (
    "the number is outside the range a figure may take "
    f"(magnitude up to 10^{MAX_EXPONENT}, at most {MAX_DIGITS} digits)"
)


def _fits(long_text: bool, *numbers: Decimal | None) -> bool:
    """Whether the numbers lie in the range the model accepts.

    A number has at most as many digits as its text has characters, plus the zeros of a
    magnitude word (and then it is an integer of at most 21 digits), plus one for 0.9·X
    or 1.1·X: only a text of 30 characters or more can hold too many digits.
    """
    for d in numbers:
        if d:
            if not -MAX_EXPONENT <= d.adjusted() <= MAX_EXPONENT:
                return False
            if long_text and len(d.as_tuple().digits) > MAX_DIGITS:
                return False
    return True


def _qualifier_of(words: list[tuple[str, Qualifier]]) -> Qualifier:
    first_word, qualifier = words[0]
    for word, other in words[1:]:
        if other is not qualifier:
            raise _ReadError(
                f"'{first_word}' ({qualifier.value}) and '{word}' ({other.value}) "
                "are two qualifiers that disagree",
                _QUALIFIER,
            )
        if other is Qualifier.MORE_THAN:
            raise _ReadError(f"'{first_word}' and '{word}' are both written", _QUALIFIER)
    return qualifier


def _words(
    pre: str | None, more: str | None, late_more: str | None, post: str | None
) -> list[tuple[str, Qualifier]]:
    words = []
    if pre is not None:
        words.append((pre, _PREFIX[pre]))
    if more is not None:
        words.append((more, Qualifier.MORE_THAN))
    if late_more is not None:
        words.append((late_more, Qualifier.MORE_THAN))
    if post is not None:
        words.append((post, _POSTFIX[post]))
    return words


def _build(g: tuple[str | None, ...], text: str, drop_prefix: bool = False) -> Reading:
    """The reading a match of the grammar describes (``g`` is ``match.groups()``)."""
    pre = None if drop_prefix else g[_I_PRE]
    unit = g[_I_UNIT]
    late_more = g[_I_S3]
    post = g[_I_POST]
    if unit is not None and len(unit) > 2 and unit[0] == "个" and unit[1] in "多余":
        late_more = unit[1]  # 3个多月
        unit = "个" + unit[2:]

    if g[_I_A] is not None or g[_I_A + 1] is not None:  # a number, or a range X至Y
        if g[_I_SEP] is not None:
            return _build_range(g, text, (pre or late_more or post), unit)
        low, high, last, more, _, _ = _number(g, _I_A, late_more is not None)
        if low != high:  # 两三个, 三四十
            if pre or more or late_more or post:
                raise _ReadError(
                    "a range of neighbours (两三) takes no further qualifier", _QUALIFIER
                )
            return _finish(text, low, _RANGE, unit, False, None, low, high)
        if pre is None and post is None:
            if more is None and late_more is None:
                qualifier = _EXACT
            elif more is not None and late_more is not None:
                raise _ReadError(f"'{more}' and '{late_more}' are both written", _QUALIFIER)
            else:
                qualifier = _MORE_THAN
        else:
            qualifier = _qualifier_of(_words(pre, more, late_more, post))
        return _finish(text, low, qualifier, unit, False, last)

    words = _words(pre, None, late_more, post)
    written = g[_I_ORD]
    if written is not None:
        if words:
            raise _ReadError(f"an ordinal ('第{written}') takes no qualifier", _QUALIFIER)
        value = Decimal(written) if written[0] in "0123456789" else _cn_int(written)
        return _finish(text, value, _EXACT, unit, True, None)
    up = g[_I_UP]
    if up is not None or g[_I_SEV] is not None:
        if words:
            raise _ReadError(f"'{words[0][0]}' cannot qualify '上…' or '数…'", _QUALIFIER)
        word = up if up is not None else g[_I_SEV]
        assert word is not None
        power = 10 ** _MAG_EXP[word]
        ten_m = Decimal(power * 10)
        if up is not None:
            m = Decimal(power)
            return _finish(text, m, Qualifier.ORDER_OF, unit, False, None, m, ten_m)
        two_m = Decimal(power * 2)
        return _finish(text, two_m, Qualifier.SEVERAL, unit, False, None, two_m, ten_m)
    # 百分之 / 千分之
    pct = g[_I_PCT]
    if unit is not None:
        raise _ReadError(
            f"'{pct}分之' already gives the unit; '{unit}' follows it", "quantity_unit"
        )
    unit = "%" if pct == "百" else "‰"
    ar, cn, fr = g[_I_PCTAR], g[_I_PCTCN], g[_I_PCTFR]
    if ar is not None:
        ip, _, fp = ar.replace(",", "").partition(".")
    else:
        assert cn is not None
        ip = str(_cn_int(cn))
        fp = "".join(str(_CN_DIGIT[ch]) for ch in fr) if fr else ""
    qualifier = _qualifier_of(words) if words else _EXACT
    return _finish(text, _shift(ip, fp, 0), qualifier, unit, False, _last_place(ip, fp, 0))


def _build_range(
    g: tuple[str | None, ...], text: str, qualified: str | None, unit: str | None
) -> Reading:
    alow, ahigh, _, amore, aplain, _ = _number(g, _I_A, False)
    blow, bhigh, _, bmore, _, bscale = _number(g, _I_B, False)
    if qualified or amore or bmore:
        raise _ReadError("a range 'X至Y' takes no further qualifier", _QUALIFIER)
    if alow != ahigh or blow != bhigh:
        raise _ReadError("each end of a range 'X至Y' must be one number", _RANGE_CODE)
    aunit = g[_I_AUNIT]
    if aunit is not None:
        if unit is not None and unit != aunit:
            raise _ReadError(
                f"the two ends have different units ('{aunit}', '{unit}')", _RANGE_CODE
            )
        unit = aunit
    elif aplain and bscale >= 2:  # 3至5万 = 30000 to 50000
        alow = EXACT.scaleb(alow, bscale)
        if alow == alow.to_integral_value():
            alow = Decimal(int(alow))
    if not alow < blow:
        raise _ReadError("a range must go up, from the smaller number to the larger", _RANGE_CODE)
    return _finish(text, alow, _RANGE, unit, False, None, alow, blow)


def _finish(
    text: str,
    value: Decimal,
    qualifier: Qualifier,
    unit: str | None,
    ordinal: bool,
    last: int | None,
    low: Decimal | None = None,
    high: Decimal | None = None,
) -> Reading:
    """The reading of ``value`` with its qualifier: the interval the contract gives it."""
    step = None
    if qualifier is _EXACT:
        # A text of at most 8 characters cannot state a number outside the model's range.
        if len(text) > 8 and not _fits(len(text) > 29, value):
            raise _ReadError(_OUTSIDE, _OUT_OF_RANGE)
        return _new(
            Reading, (text, value, qualifier, value, value, True, True, unit, ordinal, None)
        )
    low_inclusive = high_inclusive = False
    if qualifier is _MORE_THAN:
        if last is None:
            raise _ReadError("'余'/'多' after zero says nothing", _EMPTY_INTERVAL)
        low = value
        step = Decimal((0, (1,), last))
        high = EXACT.add(value, step)
    elif qualifier is Qualifier.OVER:
        low = value
    elif qualifier is Qualifier.AT_LEAST:
        low = value
        low_inclusive = True
    elif qualifier is Qualifier.NEARLY:
        if not value:
            raise _ReadError("'nearly' zero is an empty interval", _EMPTY_INTERVAL)
        low = EXACT.multiply(_D09, value)
        high = value
        low_inclusive = True
    elif qualifier is Qualifier.ABOUT:
        low = EXACT.multiply(_D09, value)
        high = EXACT.multiply(_D11, value)
        low_inclusive = high_inclusive = True
    elif qualifier is Qualifier.AT_MOST:
        high = value
        high_inclusive = True
    elif qualifier is Qualifier.UNDER:
        high = value
    else:  # ORDER_OF, SEVERAL, RANGE: the caller gives the bounds
        low_inclusive = True
        high_inclusive = qualifier is _RANGE
    # A text of at most 8 characters cannot state a number outside the model's range.
    if len(text) > 8 and not _fits(len(text) > 29, value, low, high):
        raise _ReadError(_OUTSIDE, _OUT_OF_RANGE)
    return _new(
        Reading,
        (text, value, qualifier, low, high, low_inclusive, high_inclusive, unit, ordinal, step),
    )


# --------------------------------------------------------------------------- read


def read_quantity(text: str) -> Reading:
    """Read one Chinese quantity expression exactly, into a :class:`Reading`.

    The one reading path of the library: the text, its white space stripped and its
    characters folded (full width to ASCII, traditional to simplified, financial numerals
    to ordinary ones), is matched by the grammar once, and the match is built into the
    reading. The commonest shapes (a number alone, in digits or Chinese numerals; digits
    with 万/亿; digits with a qualifier, 余/多 and a unit) are recognised first by cheaper
    means that give the same reading as the grammar's match (see :func:`_general`).

    Raises :class:`~unitedfront.errors.QuantityParseError` with a ``code`` (see the
    *Quantities* page of the docs) quoting the text and saying what could not be read; it
    never guesses.
    """
    if not isinstance(text, str):
        raise QuantityParseError(f"expected text, got {type(text).__name__}", code="quantity_type")
    if len(text) > MAX_LENGTH:
        raise QuantityParseError(
            f"{text[:20]!r}… ({len(text)} characters): longer than the {MAX_LENGTH} "
            "characters a quantity expression may have",
            code="quantity_too_long",
        )
    # Each shape below is one the grammar reads, and what it gives is what _build gives
    # for the grammar's match (tests/test_reading_paths.py holds the two equal). Any other
    # text, and any of these shapes whose figure is out of range, goes to _general.
    s = text.strip()
    if s.isascii():
        # 1234, 12.5
        if s.isdigit() or (s.replace(".", "", 1).isdigit() and s[0] != "." != s[-1]):
            value = Decimal(s)
            if len(text) < 9 or _fits(len(text) > 29, value):
                return _new(
                    Reading, (text, value, _EXACT, value, value, True, True, None, False, None)
                )
            return _general(text)
    elif s.isdecimal():
        # １２３４: full-width digits, which Decimal reads as they are
        if not s.strip(_ANY_WIDTH_DIGITS):
            value = Decimal(s)
            if len(text) < 9 or _fits(len(text) > 29, value):
                return _new(
                    Reading, (text, value, _EXACT, value, value, True, True, None, False, None)
                )
            return _general(text)
    elif s[0] <= "9":
        # 1234万, 3.6亿
        k = _MAG_SUFFIX.get(s[-1])
        if k is not None:
            head = s[:-1]
            digits = head.replace(".", "", 1)
            if head.isascii() and digits.isdigit() and head[0] != "." != head[-1]:
                places = len(head) - 1 - head.find(".") if len(digits) < len(head) else 0
                if places <= k:  # the figure is a whole number: its digits and zeros
                    value = Decimal(digits + _ZEROS[k - places])
                    if len(text) < 9 or _fits(len(text) > 29, value):
                        return _new(
                            Reading,
                            (text, value, _EXACT, value, value, True, True, None, False, None),
                        )
                    return _general(text)
    elif not s.strip(_CN_NUMERALS):
        # 一千二百三十四, 两三: Chinese numerals alone
        lo = _cn_sections(s)
        if lo is not None:
            hi = lo
        else:
            try:
                lo, hi = _cn_value(s)
            except _ReadError as exc:
                raise QuantityParseError(f"{text!r}: {exc}", code=exc.code) from None
        if hi < _INT_LIMIT:
            value = Decimal(lo)
            if lo == hi:
                return _new(
                    Reading, (text, value, _EXACT, value, value, True, True, None, False, None)
                )
            high = Decimal(hi)
            return _new(Reading, (text, value, _RANGE, value, high, True, True, None, False, None))
        return _general(text)
    if "0" <= s[:1] <= "9":
        # 8031次, 470余条, 100家以上: digits, 余/多 or not, then a unit and a qualifier after
        # them looked up whole: what _quick reads of a match with no word before the number,
        # no decimals and no magnitude (the tails read no differently folded).
        tail = s.lstrip(_DIGITS)
        more = tail[:1] == "余" or tail[:1] == "多"
        ends = _QUICK_TAILS.get(tail[1:] if more else tail) if tail else None
        if ends is not None and not (more and ends[1] is not None):
            unit, post = ends
            digits = s[: len(s) - len(tail)]
            try:
                if more:  # 余/多 with a qualifier after the unit is refused, by the grammar
                    last = _last_place(digits, "", 0)
                    return _finish(text, Decimal(digits), _MORE_THAN, unit, False, last)
                return _finish(text, Decimal(digits), post or _EXACT, unit, False, None)
            except _ReadError:
                return _general(text)  # out of range, or 余 after zero: the grammar says why
    if not s.isascii() and _NEEDS_FOLD.search(s) is not None:
        s = s.translate(_FOLD).strip()
    # 470余条, 近1700家, 不少于50个, 3.6万余个
    m = _QUICK_RE.fullmatch(s)
    if m is not None:
        reading = _quick(m.groups(), text)
        if reading is not None:
            return reading
    return _general(text)


def _general(text: str) -> Reading:
    """What :func:`read_quantity` reads, by the grammar's match alone (``text`` is a str of
    at most :data:`MAX_LENGTH` characters): the reference the shapes it recognises first
    are held to."""
    s = text.strip()
    if not s.isascii() and _NEEDS_FOLD.search(s) is not None:
        s = s.translate(_FOLD).strip()
    m = _PARSE_RE.fullmatch(s)
    if m is None:
        rank = _RANK_WORDS.fullmatch(s)
        if rank is not None:  # 首位 is 第1位, 唯一一家 is 1家
            plain = "第1位" if rank.group() == "首位" else f"1{rank.group('unit')}"
            return read_quantity(plain)._replace(text=text)
    try:
        if m is None:
            code, reason = _diagnose(s)
            raise _ReadError(reason, code)
        return _build(m.groups(), text)
    except _ReadError as exc:
        raise QuantityParseError(f"{text!r}: {exc}", code=exc.code) from None


_CN_NUMERALS: Final = "〇零一二三四五六七八九两十百千万亿"
_DIGITS: Final = "0123456789"
_ANY_WIDTH_DIGITS: Final = "0123456789０１２３４５６７８９"
_MAG_SUFFIX: Final = {"万": 4, "亿": 8, "萬": 4, "億": 8}
_ZEROS: Final = tuple("0" * n for n in range(9))
# An integer below this (10^21) is a figure in range (see _fits).
_INT_LIMIT: Final = 10 ** (MAX_EXPONENT + 1)

# The shape most expressions take, matched more cheaply than by the whole grammar: a
# qualifier before (近, 超过, 不少于 …), digits with decimals and thousands separators,
# 余/多, 万/亿/万亿, and after them a unit and a qualifier (以上, 左右 …), looked up whole.
_QUICK_RE: Final = re.compile(
    r"([^0-9]*)"
    r"([0-9]{1,3}(?:,[0-9]{3})++(?![0-9])|[0-9]++)(?:\.([0-9]++))?"
    r"([余多])?(万亿|万|亿)?([余多])?(.*)",
    re.DOTALL,
)
_QUICK_HEADS: Final[dict[str, Qualifier | None]] = {"": None, **_PREFIX}
_QUICK_TAILS: Final[dict[str, tuple[str | None, Qualifier | None]]] = {
    unit + post: (unit or None, qualifier)
    for unit in ("", *UNITS)
    for post, qualifier in (("", None), *_POSTFIX.items())
}
_NOT_QUICK: Final = object()


def _quick(g: tuple[str | None, ...], text: str) -> Reading | None:
    """The reading of a match of :data:`_QUICK_RE`, or ``None`` when it is not the quick
    shape (an unknown word before or after the number) or the grammar would refuse it."""
    head, ar, fp, s1, mag, s2, tail = g
    pre = _QUICK_HEADS.get(head, _NOT_QUICK)  # type: ignore[arg-type]
    ends = _QUICK_TAILS.get(tail)  # type: ignore[arg-type]
    if pre is _NOT_QUICK or ends is None:
        return None
    unit, post = ends
    more = s1 or s2
    if more is not None and ((s1 is not None and s2 is not None) or pre or post):
        return None  # 余 and 多 both, or 余/多 with another qualifier: refused
    if pre is not None and post is not None and pre is not post:
        return None  # two qualifiers that disagree: refused
    assert ar is not None
    ip = ar.replace(",", "") if "," in ar else ar
    fp = fp or ""
    k = 0 if mag is None else _MAG_EXP[mag]
    value = _shift(ip, fp, k)
    last = None
    if more is not None:
        last = _last_place(ip, fp, k)
        if s2 is not None and last is not None and mag is not None:  # 10万余: at most 万
            last = min(last, _last_word_exp(mag))
        qualifier = _MORE_THAN
    else:
        qualifier = pre or post or _EXACT  # type: ignore[assignment]
    try:
        return _finish(text, value, qualifier, unit, False, last)
    except _ReadError:
        return None  # out of range, or an empty interval: refused


def _diagnose(s: str) -> tuple[str, str]:
    """Why ``s`` (folded) is not a quantity expression: the code and the reason."""
    if not s:
        return "quantity_empty", "empty text, no quantity to read"
    if _ANY_NUMERAL.search(s) is None:
        if s.startswith("第"):
            return "quantity_no_number", "'第' with no number after it"
        for word in (*_PREFIX, *_EXACT_WORDS, "余", "多", "上", "数", "几"):
            if s.startswith(word):
                return "quantity_no_number", f"a qualifier ('{word}') with no number"
        for word in _POSTFIX:
            if s.endswith(word):
                return "quantity_no_number", f"a qualifier ('{word}') with no number"
        return "quantity_no_number", "no number found"
    runs = _NUMBER_RUN.findall(s)
    m = _PARSE_RE.match(s)
    if m is not None and m.end():
        rest = s[m.end() :].strip()
        if len(runs) >= 2 and _ANY_NUMERAL.match(rest):
            return (
                "quantity_two_numbers",
                "two numbers with no range marker (至, 到, -, ~) between them",
            )
        return (
            "quantity_unit",
            f"could not read '{rest}' after '{s[: m.end()]}' (not a known unit or qualifier)",
        )
    start = _ANY_NUMERAL.search(s)
    assert start is not None
    head = s[: start.start()]
    if head:
        return (
            _QUALIFIER,
            f"could not read '{head}' before the number (not a known qualifier)",
        )
    return "quantity_numeral", "not a number that can be read"


# --------------------------------------------------------------------------- write


class Figure(Protocol):
    """What :func:`write_reading` needs of a figure: a :class:`Reading` or a Quantity."""

    @property
    def text(self) -> str: ...
    @property
    def value(self) -> Decimal: ...
    @property
    def qualifier(self) -> Qualifier: ...
    @property
    def low(self) -> Decimal | None: ...
    @property
    def high(self) -> Decimal | None: ...
    @property
    def low_inclusive(self) -> bool: ...
    @property
    def high_inclusive(self) -> bool: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def ordinal(self) -> bool: ...


def _plain(d: Decimal) -> str:
    return format(d, "f")


def _readable(value: Decimal) -> tuple[str, int]:
    """The value as a coefficient and a magnitude power (0, 4, 8, 12): 36000 → ('3.6', 4)."""
    for k in (12, 8, 4):
        if value >= 10**k:
            coef = EXACT.scaleb(value, -k)
            exponent = coef.normalize(EXACT).as_tuple().exponent
            if isinstance(exponent, int) and exponent >= -2:
                return _plain_short(coef), k
    return _plain(value), 0


def _number_text(value: Decimal) -> str:
    coef, k = _readable(value)
    return coef + (_MAG_WORD[k] if k else "")


def _render(q: Figure) -> str:
    unit = q.unit or ""
    value = q.value
    qualifier = q.qualifier
    if q.ordinal:
        return f"第{_plain(value)}{unit}"
    if qualifier is Qualifier.EXACT:
        return _number_text(value) + unit
    if qualifier is Qualifier.MORE_THAN:
        if q.low is None or q.high is None or value < 0:
            raise _ReadError("its interval is not one that '余' gives")
        step = EXACT.subtract(q.high, q.low)
        s = step.normalize(EXACT).as_tuple().exponent
        e = value.normalize(EXACT).as_tuple().exponent
        assert isinstance(s, int) and isinstance(e, int)
        coef, k = _readable(value)
        if s == e:
            if not k:
                if len(unit) > 1 and unit[0] == "个":  # 3个多月
                    return f"{coef}个多{unit[1:]}"
                return f"{coef}余{unit}"
            if e > k:  # 800余万: the step is the place of the last digit
                return f"{coef}余{_MAG_WORD[k]}{unit}"
            return f"{coef}{_MAG_WORD[k]}余{unit}"
        if s < e and s in (1, 2, 3, 4, 8, 12):
            return f"{_plain_short(EXACT.scaleb(value, -s))}{_MAG_WORD[s]}余{unit}"
        raise _ReadError("its interval is not one that '余' gives")
    if qualifier is Qualifier.ORDER_OF:
        return f"上{_MAG_WORD.get(_power_of_ten(value), '?')}{unit}"
    if qualifier is Qualifier.SEVERAL:
        half = EXACT.divide(value, Decimal(2))
        return f"数{_MAG_WORD.get(_power_of_ten(half), '?')}{unit}"
    if qualifier is Qualifier.RANGE:
        if q.high is None:
            raise _ReadError("a range needs both ends")
        return f"{_plain(value)}至{_plain(q.high)}{unit}"
    words = {
        Qualifier.OVER: "超",
        Qualifier.AT_LEAST: "不少于",
        Qualifier.NEARLY: "近",
        Qualifier.ABOUT: "约",
        Qualifier.AT_MOST: "不超过",
        Qualifier.UNDER: "不到",
    }
    if qualifier not in words:
        raise _ReadError(f"no Chinese expression has the qualifier '{qualifier.value}'")
    return words[qualifier] + _number_text(value) + unit


def _power_of_ten(d: Decimal) -> int:
    sign, digits, exponent = d.normalize(EXACT).as_tuple()
    if sign or digits != (1,) or not isinstance(exponent, int):
        return -1
    return exponent


def _same_reading(a: Figure, b: Figure) -> bool:
    return (
        a.value == b.value
        and a.qualifier is b.qualifier
        and a.low == b.low
        and a.high == b.high
        and a.low_inclusive == b.low_inclusive
        and a.high_inclusive == b.high_inclusive
        and a.unit == b.unit
        and a.ordinal == b.ordinal
    )


def write_reading(q: Figure) -> str:
    """Write a figure as canonical Chinese text that reads back as the same figure.

    Raises :class:`~unitedfront.errors.QuantityParseError` (code
    ``quantity_not_writable``) for a figure that no expression states.
    """
    try:
        rendered = _render(q)
    except _ReadError as exc:
        raise QuantityParseError(
            f"{q.text!r} cannot be written as Chinese text: {exc}", code="quantity_not_writable"
        ) from None
    try:
        back: Reading | None = read_quantity(rendered)
    except QuantityParseError:
        back = None
    if back is None or not _same_reading(back, q):
        interval = Interval(q.low, q.high, q.low_inclusive, q.high_inclusive, q.unit)
        raise QuantityParseError(
            f"{q.text!r} cannot be written as Chinese text: no expression states "
            f"{q.qualifier.value} {interval}",
            code="quantity_not_writable",
        )
    return rendered


# --------------------------------------------------------------------------- find

# Characters that make a number next to them part of a name or a code (1+4+N, 12345·首发).
_ADJACENT_NAME: Final = frozenset("+·•/\\_#@&*=")


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def find_readings(text: str) -> list[tuple[int, int, Reading]]:
    """Every quantity expression in ``text``, in order: ``(start, end, reading)``.

    ``text[start:end]`` is the expression (the reading's ``text``); what is not reported
    is described on :func:`~unitedfront.find_quantities`.
    """
    folded = text.translate(_FOLD)
    found: list[tuple[int, int, Reading]] = []
    for m in _find_re().finditer(folded):
        g = m.groups()
        if g[0] is not None:  # a date, a quoted name, a slogan, a fraction
            found.extend(_ranks_in_quote(m, folded, text))
            continue
        start, end = m.span()
        if end - start > MAX_LENGTH or _not_a_figure(m, g, folded, text):
            continue
        # 近三年 is "the last three years": the span starts after 近.
        recent = (
            g[_I_PRE] == "近"
            and not g[_I_MARK]
            and (g[_I_UNIT] in _TIME_UNITS or g[_I_S3] is not None)
        )
        # 签约12个, 预约30次: 约 ends a word there; it qualifies nothing.
        in_word = (
            g[_I_PRE] == "约" and not g[_I_MARK] and start > 0 and folded[start - 1] in _YUE_WORDS
        )
        if recent or in_word:
            start += 1
        try:
            reading = _build(g, text[start:end], drop_prefix=recent or in_word)
        except _ReadError:
            continue
        found.append((start, end, reading))
    return _with_rank_words(text, folded, found)


# Verbs by which a firm or place enters a ranking: 入围“2022中国企业500强”.
_ENTERING: Final = re.compile("(?:入围|进入|跻身|位列|名列|荣登|登上|上榜|入榜|入选|评为|列入)$")
_QUOTED_RANK: Final = re.compile("(?:[0-9]++|[〇零一二三四五六七八九两十百千万]++)强")


def _ranks_in_quote(m: re.Match[str], folded: str, text: str) -> list[tuple[int, int, Reading]]:
    """The N强 of a quoted ranking's name that a verb of entering comes before.

    入围“2022中国企业500强” places the firms in the list: its 500强 is a rank, while the
    list's other numerals (its year) stay part of the name, as does a quotation that follows
    no such verb (“十强”产业).
    """
    start, end = m.span()
    if folded[start] not in '“‘「『"' or not _ENTERING.search(folded, max(0, start - 2), start):
        return []
    ranks: list[tuple[int, int, Reading]] = []
    for rank in _QUOTED_RANK.finditer(folded, start + 1, end - 1):
        a, b = rank.span()
        if folded[a - 1].isdigit():
            continue
        try:
            ranks.append((a, b, read_quantity(text[a:b])))
        except QuantityParseError:
            continue
    return ranks


# Characters that end a word with 约 (签约, 预约, 节约, 制约, 合约, 公约, 履约, 违约, 邀约).
_YUE_WORDS: Final = frozenset("签预节制合条公相特履违邀践赴誓")
# Ranks written without a numeral: 首位 (first place), 唯一一家 (the only one).
_RANK_WORDS: Final = re.compile(r"首位|唯一一(?P<unit>家|个|位|名|所|户)")


def _with_rank_words(
    text: str, folded: str, found: list[tuple[int, int, Reading]]
) -> list[tuple[int, int, Reading]]:
    """The readings found, with 首位 read as 第1位 and 唯一一家 as 1家, in text order."""
    extra: list[tuple[int, int, Reading]] = []
    for m in _RANK_WORDS.finditer(folded):
        start, end = m.span()
        if any(a < end and start < b for a, b, _ in found):
            continue
        extra.append((start, end, read_quantity(text[start:end])))
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda item: item[0])


def _not_a_figure(m: re.Match[str], g: tuple[str | None, ...], folded: str, text: str) -> bool:
    """Whether a match of the grammar is a numeral inside a word, a name or a code."""
    end = m.end()
    after = folded[end] if end < len(folded) else ""
    unit = g[_I_UNIT]
    if g[_I_ORD] is not None:
        return unit is None and _is_han(after)  # 第三方, 第一时间
    if g[_I_UP] is not None or g[_I_SEV] is not None:
        return unit is None
    if g[_I_PCT] is not None:
        return False
    ar, cn, fr, s1, mag, s2 = g[_I_A : _I_A + _BLOCK_WIDTH]
    qualified = bool(g[_I_MARK] or g[_I_PRE] or g[_I_POST] or g[_I_S3] or s1 or s2)
    if cn is not None:
        if unit is None and g[_I_AUNIT] is None:
            return True  # 二十大, 两会, 一是: a Chinese numeral needs a unit
        if len(cn) == 1 and text[m.start(_I_A + 2)] in _FINANCIAL_CHARS and not g[_I_SEP]:
            return True  # 陆家嘴: a lone financial numeral is a word
        if cn == "一" and not (qualified or mag or fr or g[_I_SEP]):
            return True  # 一批, 一条心, 每一个
        # 百家争鸣, 千方百计, 万名: a bare 百/千/万 is a word, unless qualified (百余家),
        # a compound magnitude with a unit (百万元), or a count closing a list
        # (人民日报、中华网等百家媒体)
        return cn[0] in "百千万亿" and not (
            qualified
            or unit == "强"  # 全国百强
            or (len(cn) >= 2 and unit is not None and not cn.strip("十百千万亿"))
            or (
                m.start() > 0
                and folded[m.start() - 1] == "等"
                and unit is not None
                and unit not in _TIME_UNITS
            )
        )
    assert ar is not None
    a_start = m.start(_I_A + 1)
    if a_start == m.start() and a_start > 0:
        before = folded[a_start - 1]
        if (
            before in _ADJACENT_NAME
            or before == "-"
            or (before.isascii() and before.isalpha())
            or (before in ".," and a_start > 1 and folded[a_start - 2].isdigit())
        ):
            return True  # 1+4+N, G20, -5%, 1.2.3
    if len(ar) > 1 and ar[0] == "0" and ar[1] != ".":
        return True  # a code with a leading zero: 0531
    if unit or qualified or mag or g[_I_SEP] or not after:
        return False
    return (
        _is_han(after)
        or after in _ADJACENT_NAME
        or (after.isascii() and after.isalpha())
        or (after in ".,-" and end + 1 < len(folded) and folded[end + 1].isdigit())
    )  # 500强, 5G, 12345·首发
