"""Drafting a programme from a text: every figure typed, every guess with its reason.

:func:`draft` reads a report or plan (a press release, a work report, an implementation
plan) and returns a :class:`Draft`: the programme's facts (place and code, issuer,
framework, kind, period, publication date, actions) and each figure with its kind, time,
cumulative mark, scope, counted subject and a metric suggestion. Every guess is a
:class:`Guess` that carries the cue it was read from and a confidence; what the text does
not give is left open, never invented, and :meth:`Draft.validate` points at it.

The rules are cue words of the genre (截至, 累计, 今年以来, 力争, 到2025年, 同比, 第N位 …),
clause and sentence boundaries, the bundled place table and the metric vocabulary; they
are documented in ``docs/adding-your-city.md`` and tested one by one.
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from unitedfront._metrics import Metric, UnitKind, metrics, unit_kind
from unitedfront._model import (
    Framework,
    IndicatorKind,
    Jurisdiction,
    OmissionReason,
    Period,
    ProgrammeKind,
    Theme,
)
from unitedfront._places import mentions
from unitedfront._reading import whole_number
from unitedfront.errors import _require_text

if TYPE_CHECKING:
    from decimal import Decimal

    from unitedfront._parse import QuantityMatch
    from unitedfront._quantity import Quantity
    from unitedfront._validate import Report

__all__ = ["Draft", "DraftAction", "DraftFigure", "Guess", "MetricGuess", "NotFigure", "draft"]

T = TypeVar("T")

#: The text a draft file writes where the source gave no value.
PLACEHOLDER = "TODO"
#: Longest evidence quote a draft writes, in characters.
QUOTE_CHARS = 30


@attrs.frozen(slots=True)
class Guess(Generic[T]):
    """One drafted value, why it was chosen and how sure the rule is (0 to 1).

    An open guess (``open=True``) is a value the text did not give: its ``value`` is
    ``None`` and its ``reason`` says what is missing.
    """

    value: T | None
    reason: str
    confidence: float
    open: bool = False


def _open(reason: str) -> Guess[Any]:
    return Guess(None, reason, 0.0, open=True)


@attrs.frozen(slots=True)
class MetricGuess:
    """A metric suggested for a figure, with its score and the runner-up's."""

    code: str | None
    """The best metric code, or ``None`` when no metric scores high enough."""
    score: float
    runner_up: str | None
    runner_up_score: float
    reason: str


@attrs.frozen(slots=True)
class DraftFigure:
    """A figure of the text, drafted as an indicator: each typed field a :class:`Guess`."""

    id: str
    text: str
    """The expression as written (``1665家``)."""
    start: int
    """Offset of the expression in :attr:`Draft.text`."""
    end: int
    quantity: Quantity
    quote: str
    """The shortest clause-bounded phrase that holds the figure; no other figure shares it."""
    name: Guess[str]
    subject: Guess[str]
    """The counted noun phrase (民营企业, 行政村), in Chinese only."""
    kind: Guess[IndicatorKind]
    period: Guess[Period]
    as_of: Guess[date]
    cumulative: Guess[bool]
    scope: Guess[Jurisdiction]
    metric: MetricGuess
    action: int | None
    """The index of the action it sits under in :attr:`Draft.actions`, or ``None``."""


@attrs.frozen(slots=True)
class NotFigure:
    """A number of the text that is not a figure (an anniversary, a session, a span …)."""

    text: str
    start: int
    end: int
    reason: OmissionReason
    note: str
    """What it is: ``anniversary``, ``session``, ``quarter``, ``span``, ``tier`` …"""


@attrs.frozen(slots=True)
class DraftAction:
    """A part of the programme found in the text: a heading or a named action."""

    name: str
    theme: Guess[Theme]
    start: int
    reason: str


# --------------------------------------------------------------------------- text


_CLAUSE_ENDS = frozenset(",，;；:：。！!？?、\n")
_SENTENCE_ENDS = frozenset("。！!？?\n")
_OPEN_QUOTES = "“「『《\"'"
_CLOSE_QUOTES = "”」』》\"'"


def _prepare(text: str) -> str:
    """Normalise each line as the validator normalises a source, keeping the line breaks.

    Without the opencc extra, simplified text still reads; traditional text is refused
    with :class:`~unitedfront.errors.MissingExtraError` naming the characters found.
    """
    from unitedfront._extract import normalise

    lines = unicodedata.normalize("NFC", text).splitlines()
    return "\n".join(normalise(line, "draft") for line in lines)


def _ends_clause(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in _CLAUSE_ENDS:
        return False
    between_digits = 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
    return not (ch in ",:" and between_digits)


def _ends_sentence(text: str, i: int) -> bool:
    return text[i] in _SENTENCE_ENDS


@lru_cache(maxsize=8)
def _marks(text: str) -> tuple[list[int], list[int]]:
    """The offsets of every clause end and every sentence end of a text, in order."""
    clauses = [i for i in range(len(text)) if _ends_clause(text, i)]
    sentences = [i for i in range(len(text)) if _ends_sentence(text, i)]
    return clauses, sentences


def _between(ends: list[int], start: int, end: int, size: int) -> tuple[int, int]:
    """From just after the last mark before ``start`` to the first mark at or after ``end``."""
    i = bisect.bisect_left(ends, start)
    a = ends[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(ends, end)
    b = ends[j] if j < len(ends) else size
    return a, b


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    return _between(_marks(text)[0], start, end, len(text))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    return _between(_marks(text)[1], start, end, len(text))


def _paragraph_start(text: str, start: int) -> int:
    return text.rfind("\n", 0, start) + 1


# --------------------------------------------------------------------------- not figures

# Each rule: a pattern tried on the text around a number (the number's own span is
# marked by the named group "n"), the omission reason, and what the number is.
_NOT_FIGURES: tuple[tuple[re.Pattern[str], OmissionReason, str], ...] = tuple(
    (re.compile(pattern), reason, note)
    for pattern, reason, note in (
        (r"(?P<n>.+)周年$", OmissionReason.DATE, "anniversary"),
        (r"(?P<n>.+)届$", OmissionReason.EDITION, "session"),
        (r"^第?(?P<n>.+)(?:季度)$", OmissionReason.DATE, "quarter"),
        (r"^第.+(?:期|批|次|届|轮|季|号)$", OmissionReason.EDITION, "edition"),
        (r"^.+版$", OmissionReason.NAME, "version"),
    )
)
# Words after a number that make it a span, a tier or part of a name, not a figure.
_AFTER = re.compile(
    r"^(?:周年|届|季度|年来|年间|年以来|级联动|级|中全会|次全会|次会议|大|项工作机制|篇文章|文章|方阵)"
)
# Verbs by which a place or firm enters a ranking (入围…500强): then N强 is a rank.
_ENTERED = re.compile(r"入围|进入|跻身|位列|荣登|上榜|入选|评为|居")
_BEFORE_TIER = re.compile(r"[省市县区乡镇村]{2,}$")
_CHROME = re.compile(r"(?:点击数|点击量|阅读量|浏览量|浏览次数|阅读|访问量)[:：\s]*$")


# What ends a clause, and what opens a clause that goes on with the figures of a span
# before it (连续三年开展…行动,先后促成…40个).
_CLAUSE_END = re.compile("[,，;；。!！?？:：\n]")
_GOES_ON = re.compile(r"\s*(?:先后|累计|共计|共|总计|合计|其中)")
_SINCE_YEAR = re.compile(r"(?:自|从|于)(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年(?:起|以来|开始)")


def _run_is_figure(text: str, m: QuantityMatch) -> bool:
    """Whether ``连续N年`` at ``m`` is itself the figure: how many years running a thing was
    done or won (连续5年荣获, 连续11年开展…调研), rather than a span that frames other figures.

    It frames them when its own clause goes on to a figure (连续三年落实…计划42项), when a
    start year anchors it (自2021年起…连续三年), or when the next clause carries the
    figures on (…,先后促成…40个).
    """
    if m.quantity.unit not in {"年", "个月"} or text[max(0, m.start - 2) : m.start] != "连续":
        return False
    from unitedfront._parse import find_quantities

    stop = _CLAUSE_END.search(text, m.end)
    clause_end = stop.start() if stop else len(text)
    if find_quantities(text[m.end : clause_end]):
        return False
    sentence = max(text.rfind(mark, 0, m.start) for mark in "。;；!！?？\n") + 1
    if _SINCE_YEAR.search(text, sentence, m.start):
        return False
    return not (stop is not None and stop.group() in ",，" and _GOES_ON.match(text, stop.end()))


def _not_figure(text: str, m: QuantityMatch) -> tuple[OmissionReason, str] | None:
    """Why the number at ``m`` is not a figure, or ``None`` when it is one."""
    after = text[m.end : m.end + 5]
    before = text[max(0, m.start - 8) : m.start]
    q = m.quantity
    expression = m.text
    for pattern, reason, note in _NOT_FIGURES:
        if pattern.search(expression):
            return reason, note
    if q.unit in {"年", "个月", "周年", "届", "季度"} and not _run_is_figure(text, m):
        return OmissionReason.DATE, "span"
    if _AFTER.match(after):
        word = _AFTER.match(after)
        assert word is not None
        kind = {
            "周年": "anniversary",
            "届": "session",
            "季度": "quarter",
            "级联动": "tier",
            "级": "tier",
            "中全会": "session",
            "次全会": "session",
            "次会议": "session",
            "大": "name",
        }.get(word.group(), "span" if "年" in word.group() else "name")
        reason = {
            "anniversary": OmissionReason.DATE,
            "quarter": OmissionReason.DATE,
            "span": OmissionReason.DATE,
            "session": OmissionReason.EDITION,
        }.get(kind, OmissionReason.NAME)
        return reason, kind
    if _BEFORE_TIER.search(before) and (after.startswith("级") or q.unit == "级"):
        return OmissionReason.NAME, "tier"
    listed = re.match(r"[0-9一二三四五六七八九十两]", after)  # 500强23家: the firms listed
    if q.unit == "强" and not listed and not _ENTERED.search(text[max(0, m.start - 20) : m.start]):
        return OmissionReason.NAME, "name"  # 民营企业100强推荐工作: a list's name
    if _CHROME.search(before):
        return OmissionReason.OTHER, "page counter"
    if q.unit is None and not q.ordinal:
        # A bare numeral standing alone between marks (“1”, ;3;) names a part of a slogan.
        prev = text[m.start - 1] if m.start else ""
        nxt = text[m.end] if m.end < len(text) else ""
        if prev in "“”\"';；+《" or nxt in "“”\"';；+》":
            return OmissionReason.NAME, "name"
    if before.endswith(("“", "《")) and text.find("”", m.end, m.end + 12) != -1:
        return OmissionReason.NAME, "name"
    return None


# --------------------------------------------------------------------------- time cues


@dataclass(frozen=True)
class _Time:
    period: Period | None
    as_of: date | None
    cumulative: bool
    reason: str
    deadline: bool = False
    listed: bool = False
    """Passed on by a lead-in that ends in a colon to the list after it."""


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    time: _Time
    opens: str
    """``paragraph`` when it opens a sentence, ``sentence`` when it opens a clause, else
    ``clause``: how far the cue governs."""


_MONTH_END = r"(?:底|末|份)?"
_TIME_CUES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), name)
    for p, name in (
        (
            r"截至(?:(?P<y>\d{4})年|(?P<rel>今年|去年|本年|当年))?(?P<m>\d{1,2})月(?P<d>\d{1,2})日",
            "asof-day",
        ),
        (
            r"截至(?:(?P<y>\d{4})年|(?P<rel>今年|去年|本年|当年))?(?P<m>\d{1,2})月" + _MONTH_END,
            "asof-month",
        ),
        (r"截至(?:(?P<y>\d{4})年|(?P<rel>今年|去年))(?:底|末)", "asof-year"),
        (r"截至(?:目前|当前|现在|今天|发稿|此次|本次)|目前", "asof-now"),
        (r"(?:到|至|于)(?P<y>\d{4})年(?:底|末)?", "deadline"),
        (r"(?P<y>\d{4})年(?:底|末)前", "deadline"),
        (r"(?:今年|年初)(?:以)?来|今年(?=已)", "ytd"),
        (r"(?:自|从)(?P<y>\d{4})年(?:起|以来|开始)", "since"),
        (r"(?P<y>\d{4})年以来", "since"),
        (r"连续(?P<n>[一二两三四五六七八九十\d]{1,3})年", "years"),
        (r"(?:近|过去)(?P<n>[一二两三四五六七八九十\d]{1,2})年", "last-years"),
        (r"(?P<n>[一二两三四五六七八九十\d]{1,2})年来", "last-years"),
        (r"(?P<y>\d{4})年(?P<h>上半年|下半年|前三季度|一季度|第一季度)", "part"),
        (r"(?P<rel>今年|去年)?(?P<h>上半年|下半年|前三季度|一季度|第一季度)", "part"),
        (r"(?P<y>\d{4})年(?P<m1>\d{1,2})(?:月)?[-—至到~](?P<m2>\d{1,2})月", "months"),
        (r"(?P<rel>今年)?(?P<m1>\d{1,2})[-—至到~](?P<m2>\d{1,2})月", "months"),
        (r"(?P<y>\d{4})[-—至到~](?P<y2>\d{4})年", "years-range"),
        (r"(?:(?:\d{4}年|今年|去年)?\d{1,2}月(?:\d{1,2}日)?|当日|当天|日前|近日)", "event"),
        (r"(?P<y>\d{4})年(?!以来)", "year"),
        (r"(?P<rel>今年|去年|本年度|全年|年内|当年)", "rel-year"),
        (r"累计", "cumulative"),
    )
)
_LEAD_INS = ("在", "于", "此外", "同时", "其中", "据统计", "另外", "据了解", "截至", "")


def _month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_span(first: int, last: int) -> Period:
    return Period(start=date(first, 1, 1), end=date(last, 12, 31))


@dataclass(frozen=True)
class _When:
    """What relative cues are read against: the publication date and the date stated."""

    published: date | None
    stated: date | None
    """The date the text gives its figures (a meeting's, a press conference's), else
    the publication date."""
    year: int | None = None
    """The year relative cues (今年, 上半年) mean: the publication's, else the headline's."""


def _read_cue(match: re.Match[str], name: str, when: _When) -> _Time | None:
    """The time a cue gives; its dates are ``None`` where it needs a date the text lacks."""
    cue = match.group()
    g = match.groupdict()
    published = when.published
    if g.get("y"):
        year: int | None = int(g["y"])
    elif published is None:
        year = when.year if g.get("rel") != "去年" or when.year is None else when.year - 1
    elif g.get("rel") == "去年":
        year = published.year - 1
    else:
        year = published.year
    # A count closed at a date, since a programme began (…开展以来 … 截至), runs on.
    since = "以来" in match.string[max(0, match.start() - 200) : match.start()]
    if name == "cumulative":
        return _Time(None, when.stated, True, "累计: a running total, as of the date stated")
    if name == "event":
        return _Time(None, None, False, f"{cue}: the date of an event, not of the figures")
    if name == "asof-now":
        return _Time(None, when.stated, since, f"{cue}: as of the date the text states")
    if name in {"asof-day", "asof-month", "asof-year"}:
        if year is None:
            return _Time(None, None, since, f"{cue}: its year needs the publication date")
        if name == "asof-year":
            return _Time(None, date(year, 12, 31), since, f"{cue}: as of the end of {year}")
        month = int(g["m"])
        if name == "asof-day":
            try:
                day: date | None = date(year, month, int(g["d"]))
            except ValueError:
                return None
        else:
            day = _month_end(year, month)
        if day is None:
            return None
        return _Time(None, day, since, f"{cue}: as of that date")
    if name == "deadline":
        assert year is not None
        return _Time(None, date(year, 12, 31), False, f"{cue}: to be reached by then", True)
    if name == "ytd":
        if published is None:
            return _Time(None, None, False, f"{cue}: needs the publication date")
        period = Period(start=date(published.year, 1, 1), end=published)
        return _Time(period, None, False, f"{cue}: from 1 January to publication")
    if name == "since":
        # 自2021年起连续三年: the span the sentence goes on to give.
        rest = match.string[match.end() : match.end() + 40]
        years = re.match(r"[^。;；]*?连续(?P<n>[一二两三四五六七八九十\d]{1,3})年", rest)
        n = whole_number(years["n"]) if years else None
        if year is not None and n:
            span = _year_span(year, year + n - 1)
            return _Time(span, None, False, f"{cue}…{years.group()[-4:]}: {n} years from {year}")  # type: ignore[union-attr]
        if year is None or published is None:
            return None
        period = Period(start=date(year, 1, 1), end=published)
        return _Time(period, None, False, f"{cue}: from {year} to publication")
    if name in {"years", "last-years"}:
        n = whole_number(g["n"])
        last = _last_year(match, published)
        if not n or n > 50 or last is None:
            return None
        return _Time(_year_span(last - n + 1, last), None, False, f"{cue}: {n} years to {last}")
    if name == "part":
        if year is None:
            return None
        months = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "一季度": (1, 3)}
        a, b = months[g["h"].removeprefix("第")]
        end = _month_end(year, b)
        assert end is not None
        return _Time(Period(start=date(year, a, 1), end=end), None, False, f"{cue}: part of {year}")
    if name == "months":
        a, b = int(g["m1"]), int(g["m2"])
        end = _month_end(year, b) if year is not None else None
        if year is None or end is None or not 1 <= a <= b:
            return None
        return _Time(Period(start=date(year, a, 1), end=end), None, False, f"{cue}: those months")
    if name == "years-range":
        a, b = int(g["y"]), int(g["y2"])
        if b < a:
            return None
        return _Time(_year_span(a, b), None, False, f"{cue}: those years")
    if name in {"year", "rel-year"}:
        if year is None or not 1949 <= year <= 2100:
            return None
        return _Time(_year_span(year, year), None, False, f"{cue}: the year {year}")
    return None  # pragma: no cover - every cue name is read above


def _last_year(match: re.Match[str], published: date | None) -> int | None:
    """The last year of a span (连续三年): a start year said before it, or publication."""
    text = match.string
    since = re.search(
        r"(\d{4})年(?:起|以来|开始)", text[max(0, match.start() - 20) : match.start()]
    )
    if since and match.group().startswith("连续"):
        n = whole_number(match.group("n")) or 1
        return int(since.group(1)) + n - 1
    return published.year if published is not None else None


# A news dateline before the first words of a story (今日竹山网消息, 交汇点讯).
_DATELINE = re.compile(r"\s*\S{0,14}(?:消息|讯|报道|电)\s*")


def _reach(text: str, start: int) -> str:
    """How far a cue at ``start`` governs: from the opening of a sentence, of a clause, or not."""
    s, _ = _sentence(text, start, start)
    c, _ = _clause(text, start, start)
    if text[s:start].strip() in _LEAD_INS or _DATELINE.fullmatch(text[s:start]):
        return "paragraph"
    if text[c:start].strip() in _LEAD_INS:
        return "sentence"
    return "clause"


@lru_cache(maxsize=256)
def _paragraph_cues(text: str, start: int, when: _When) -> list[_Cue]:
    """The time cues of the paragraph that starts at ``start``."""
    end = text.find("\n", start)
    return _cues(text, start, end if end != -1 else len(text), when)


def _cues(text: str, start: int, end: int, when: _When) -> list[_Cue]:
    """The time cues of ``text[start:end]``, in order; an earlier rule's span wins."""
    found: list[_Cue] = []
    taken: list[tuple[int, int]] = []
    for pattern, name in _TIME_CUES:
        for match in pattern.finditer(text, start, end):
            a, b = match.span()
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            time = _read_cue(match, name, when)
            if time is not None:
                found.append(_Cue(a, b, time, _reach(text, a)))
    return sorted(found, key=lambda cue: cue.start)


_STATED = re.compile(
    r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:上午|下午|晚)?(?:召开|举行|举办|,|在)"
)


def _stated_date(text: str, published: date | None) -> date | None:
    """The date the text gives its figures: a meeting or press conference it opens with."""
    match = _STATED.search(text[:400])
    if match is not None:
        year = int(match["y"]) if match["y"] else (published.year if published else None)
        if year is not None:
            try:
                day = date(year, int(match["m"]), int(match["d"]))
            except ValueError:
                day = None
            if day is not None and published is not None and day > published and not match["y"]:
                day = day.replace(year=year - 1)
            if day is not None:
                return day
    return published


# --------------------------------------------------------------------------- a figure's words

# Verbs that stand before a counted noun (走访企业1234家) or after it (1665家企业参与).
_VERBS = (
    "协调解决|走访|拜访|收集|征集|征求|解决|举办|开展|组织|组建|成立|建立|建设|建成|打造|培育|"
    "创成|创建|完成|形成|出台|制定|印发|推动|促成|签订|签约|签署|投入|投资|帮扶|惠及|带动|吸纳|"
    "发展|新增|培训|选派|撰写|提交|提出|报送|采纳|采用|获得|获评|荣获|争取|实现|参与|参加|覆盖|"
    "安置|扶持|发放|支持|确定|开发|孵化|开通|命名|梳理|摸排|落地|实施|兴建|入围|受益|对接|达成|"
    "引进|引导|召开|聘请|邀请|走进|服务|慰问|捐赠|捐款|设立|挂牌|揭牌|授予|评选|表彰|认定|联系|"
    "结对|共建|联建|提供|化解|办理|受理|接待|调研|考察|推荐|吸引|招引|包联|联合|编制|选树|评出|"
    "表态|代表|推广|认领|承接|转化|批示|刊发|发布|宣讲|培养|输送|引领|动员|增收|就业|创办|运营|"
    "领办|帮助|救助|资助|助力|赴|与|和|及|被|为|向|在|有|是|达到|达|共计|共|总计|累计|超过|超|"
    "约|近|了|的|等|已"
)
_VERB_AT_END = re.compile(f"(?:{_VERBS})+$")
_LAST_VERB = re.compile(f"(?:{_VERBS})")
_NOUN_AFTER = re.compile(f"^([\u4e00-\u9fff（）()]{{1,12}}?)(?={_VERBS}|$|[^\u4e00-\u9fff（）()])")
_LEAD_WORDS = re.compile(
    r"^(?:全省|全市|全县|全区|全镇|全国|全社会|我省|我市|我县|我区|各地|各级|各类|全体|"
    r"今年|去年|当年|目前|此外|其中|当日|已有|已|共有|共|分别|先后|累计|其|该|这|此)+"
)
_STRUCTURE_NOUNS = re.compile(
    r"^(?:具体|工作|重点)*(?:举措|措施|任务|重点任务|方面|行动|内容|政策|条款|大类|类|小项|项(?!目)|"
    r"要点|工程|专项行动|条措施|项措施|项任务|个方面)"
)


#: Counted nouns of one character that stand alone after a figure (115个村, 8座桥).
_ONE_CHARACTER_NOUNS = frozenset("村户人家桥镇区县市")


def _subject(text: str, m: QuantityMatch, left: int, right: int) -> Guess[str]:
    """The counted noun phrase of a figure: the words after it, or the object before it."""
    after = text[m.end : right]
    found = _NOUN_AFTER.match(after)
    noun = found.group(1) if found else ""
    if (
        noun
        and (len(noun) >= 2 or noun in _ONE_CHARACTER_NOUNS)
        and not _VERB_AT_END.fullmatch(noun)
    ):
        return Guess(noun, "the noun phrase right after the figure", 0.8)
    before = text[left : m.start].rstrip()
    before = _VERB_AT_END.sub("", before) if not _VERB_AT_END.fullmatch(before) else ""
    verbs = list(_LAST_VERB.finditer(before))
    obj = before[verbs[-1].end() :] if verbs else before
    obj = _LEAD_WORDS.sub("", obj).strip(" “”\"'《》()（）")
    if len(obj) > 12:
        obj = obj[-12:]
    if obj and re.search(r"[\u4e00-\u9fff]", obj):
        return Guess(obj, "the object of the verb before the figure", 0.7)
    if found and found.group(1):
        return Guess(found.group(1), "the word right after the figure", 0.4)
    return _open("no counted noun next to the figure")


def _name(text: str, m: QuantityMatch, left: int, right: int, subject: Guess[str]) -> Guess[str]:
    """A name for the figure: its phrase without the figure, time words and lead words."""
    phrase = (text[left : m.start] + text[m.end : right]).strip(" ,，、“”\"'()（）")
    phrase = _LEAD_WORDS.sub("", phrase)
    phrase = re.sub(r"^(?:截至[^,，]{0,8}?(?:月底|月末|目前)|今年以来|\d{4}年)", "", phrase)
    phrase = phrase.strip(" ,，、")
    if phrase.count("“") != phrase.count("”"):  # a quotation cut by the figure: unquote it
        phrase = phrase.replace("“", "").replace("”", "")
    if len(phrase) >= 2 and subject.value and subject.value in phrase:
        return Guess(phrase[:24], "the figure's phrase, the figure and lead words removed", 0.6)
    if subject.value:
        return Guess(subject.value, "the counted noun phrase", 0.5)
    if phrase:
        return Guess(phrase[:24], "the figure's phrase without the figure", 0.3)
    return Guess(m.text, "no words beside the figure: named by the figure itself", 0.1)


def _quote(text: str, m: QuantityMatch, left: int, right: int) -> str:
    """The shortest phrase holding the figure, its verb and its noun, inside its own span."""
    budget = QUOTE_CHARS - (m.end - m.start)
    before = text[left : m.start]
    after = text[m.end : right]
    noun = _NOUN_AFTER.match(after)
    keep_after = len(noun.group(1)) if noun else 0
    keep_after = min(keep_after, max(budget // 2, 0))
    keep_before = min(len(before), max(budget - keep_after, 0))
    quote = text[m.start - keep_before : m.end + keep_after]
    return quote.strip(" ,，、;；")


# --------------------------------------------------------------------------- kinds

_TARGET_CUES = re.compile(
    r"力争|确保|计划|目标|预计|拟|争创|每年|年均|将|要|力求|努力|不少于|以上的"
)
_STRONG_TARGET = re.compile(r"力争|确保|计划|目标|预计|拟|争创|力求")
_ACTUAL_CUES = re.compile(
    r"已|累计|截至|先后|完成|实现|取得|达到|共有|共|累计|了|获|成功|新增|惠及"
)
_STATISTIC_CUES = re.compile(
    r"同比|增长|下降|比重|占比|产值|生产总值|GDP|税收|纳税|营业收入|营收|增加值|规上|规模以上|"
    r"总产值|市场主体|常住|户籍|总量|进出口|出口|个体工商户|经济总量|贡献了|奖项|研发|高新技术|科技型|创新能力|人年|较上年|比上年"
)
_RANK_CUES = re.compile(r"首位|位居|位列|排名|排第|居全|第[一二三四五六七八九十\d]+位")


_QUOTED = re.compile(r"“[^”]{0,30}”|《[^》]{0,40}》")


def _unquoted(text: str) -> str:
    """The text with quoted names blanked out (“民营经济协商计划” names, it does not plan)."""
    return _QUOTED.sub(lambda m: "·" * len(m.group()), text)


def _kind(
    text: str,
    m: QuantityMatch,
    clause: tuple[int, int],
    sentence_start: int,
    plan: bool,
    time: _Time | None,
    subject: Guess[str],
    published: date | None,
) -> Guess[IndicatorKind]:
    q = m.quantity
    a, b = clause
    lead = _unquoted(text[a : m.start])
    whole = _unquoted(text[a:b])
    before_in_sentence = _unquoted(text[sentence_start : m.start])
    if q.ordinal or _RANK_CUES.search(lead[-6:]) or q.unit == "强" or m.text.startswith("唯一"):
        return Guess(IndicatorKind.RANK, "a place in a ranking (第N, 首位, N强)", 0.9)
    noun = text[m.end : b]
    if (
        q.unit == "方面"
        or re.search(r"[大小][类项]$", m.text)
        or (
            q.unit in {"项", "条", "个", "类"}
            and (
                _STRUCTURE_NOUNS.search(noun[:8])
                or (subject.value and _STRUCTURE_NOUNS.search(subject.value))
            )
        )
    ):
        return Guess(IndicatorKind.STRUCTURE, "counts the programme's own measures or parts", 0.8)
    if _STATISTIC_CUES.search(whole) or q.unit in {"个百分点", "百分点", "人年"}:
        return Guess(IndicatorKind.STATISTIC, "a statistic of the place (同比, 比重, 产值 …)", 0.75)
    if time is not None and time.deadline:
        return Guess(IndicatorKind.TARGET, f"a deadline: {time.reason}", 0.85)
    if _STRONG_TARGET.search(before_in_sentence):
        return Guess(IndicatorKind.TARGET, "a target cue before it (力争, 确保, 计划 …)", 0.8)
    past = (
        time is not None
        and published is not None
        and time.period is not None
        and time.period.end.year < published.year
    )
    reported = (
        time is not None and not time.deadline and (time.as_of is not None or time.cumulative)
    )
    if plan:
        if past or reported:
            return Guess(IndicatorKind.ACTUAL, "a plan, but the figure is of a past year", 0.6)
        if _ACTUAL_CUES.search(lead) and not _TARGET_CUES.search(lead):
            return Guess(
                IndicatorKind.ACTUAL, "a plan, but its clause reports a result (已, 累计 …)", 0.55
            )
        return Guess(IndicatorKind.TARGET, "a figure of a plan", 0.7)
    if _TARGET_CUES.search(lead) and not _ACTUAL_CUES.search(lead) and "将" in lead:
        return Guess(
            IndicatorKind.TARGET, "a report, but the clause says what will be done (将)", 0.55
        )
    return Guess(IndicatorKind.ACTUAL, "a figure of a report", 0.8)


# --------------------------------------------------------------------------- metrics

# The genre's words for one concept, so that a metric's terms and a figure's words meet
# (联建 and 结对共建 are one pairing; 嘎查村 and 行政村 are villages). Longest words first.
_CONCEPTS: dict[str, tuple[str, ...]] = {
    "结对": (
        "结对帮扶",
        "万企兴万村",
        "万企帮万村",
        "千企帮千村",
        "万企联万村",
        "兴村",
        "结对",
        "联建",
        "共建",
        "惠及",
        "合作",
        "对接",
        "参与",
    ),
    "企业": ("民营企业", "会员企业", "企业", "民企"),
    "企业家": ("企业家", "民营经济人士", "经营者"),
    "商会": ("商协会", "商会", "行业协会"),
    "村企": ("村企",),
    "村": ("嘎查村", "行政村", "贫困村", "乡村", "村"),
    "项目": ("项目",),
    "投入": ("投入", "投资"),
    "资金": ("资金", "金额", "总额"),
    "走访": ("大走访", "走访", "拜访", "走进"),
    "问题": ("问题", "困难", "事项", "诉求", "难题"),
    "解决": ("解决", "化解", "办结", "协调"),
    "建议": ("意见建议", "建议", "意见"),
    "征集": ("征集", "收集", "征求"),
    "采纳": ("采纳", "采用", "转化"),
    "批示": ("批示",),
    "报告": ("社情民意", "调研报告", "报告", "信息"),
    "报送": ("报送", "撰写", "提交", "形成"),
    "培训": ("培训", "研修", "研讨"),
    "活动": ("主题教育", "活动"),
    "宣讲": ("报告会", "大讲堂", "讲堂", "宣讲"),
    "协商": ("协商", "座谈", "恳谈"),
    "就业": ("就业", "岗位"),
    "贷款": ("贷款", "授信"),
    "专家": ("专家", "教授"),
    "聘请": ("聘请", "聘任"),
    "人才": ("人才",),
    "引进": ("引进", "招引"),
    "组织": ("联谊会", "组织"),
    "统战": ("统战", "党外", "民主党派", "新的社会阶层"),
    "党建": ("党建共建", "党建"),  # party building together is no pairing with villages
    "基层": ("基层", "联谊会"),
    "服务": ("服务", "支持", "帮助", "帮扶"),
    "服务站": ("服务站", "工作站"),
    "签约": ("签约", "签订", "协议"),
    "招商": ("招商", "推介"),
    "路演": ("路演",),
    "达成": ("达成", "促成", "落地"),
    "平台": ("平台",),
    "基地": ("基地",),
    "创新": ("创新",),
    "建言": ("建言", "献策"),
    "提案": ("提案",),
    "问卷": ("问卷", "访谈"),
    "稿件": ("稿件", "文章"),
    "刊发": ("刊发", "刊登", "发表"),
    "共富工坊": ("共富工坊",),
}
_SURFACES = sorted(
    ((word, concept) for concept, words in _CONCEPTS.items() for word in words),
    key=lambda pair: -len(pair[0]),
)
_SURFACE = re.compile("|".join(re.escape(word) for word, _ in _SURFACES))
_CONCEPT_OF = dict(_SURFACES)


def _concepts(text: str) -> list[str]:
    """The concepts a text names, in order (one word counts once, longest first)."""
    found: list[str] = []
    for m in _SURFACE.finditer(text):
        found.append(_CONCEPT_OF[m.group()])
        if m.group() == "联谊会":  # a grassroots organisation of the United Front
            found += ["组织", "统战"]
    return found


def _terms(metric: Metric) -> tuple[list[str], list[str]]:
    """The Chinese terms a metric covers (its name and its ``terms``) and those it excludes."""
    return [metric.name.zh, *metric.terms], list(metric.excludes)


@lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[str]:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return frozenset(a + b for a, b in itertools.pairwise(chars))


#: The least score a metric needs to be suggested.
METRIC_THRESHOLD = 0.9

#: The concepts that are things counted, not doings: a subject that names one of them
#: rules out metrics that count another.
_COUNTED_NOUNS = frozenset(
    {
        "企业",
        "企业家",
        "商会",
        "村",
        "项目",
        "资金",
        "问题",
        "建议",
        "报告",
        "专家",
        "人才",
        "组织",
        "活动",
        "服务站",
        "平台",
        "基地",
        "提案",
        "稿件",
        "共富工坊",
    }
)
_COUNT_SUFFIX = re.compile(r"(?:数量|次数|场次|人次|数)$")


@lru_cache(maxsize=2048)
def _term_parts(term: str) -> tuple[str, ...]:
    """A term's concepts in order, and each run of two or more other characters as itself
    (高新技术企业数: 高新技术, 企业), so that every word of the term must be met."""
    term = _COUNT_SUFFIX.sub("", term)
    parts: list[str] = []
    last = 0
    for match in _SURFACE.finditer(term):
        rest = term[last : match.start()]
        if len(rest) >= 2:
            parts.append(rest)
        parts.append(_CONCEPT_OF[match.group()])
        last = match.end()
    if len(term) - last >= 2:
        parts.append(term[last:])
    return tuple(dict.fromkeys(parts))


def _metric(q: Quantity, local: str, subject: str, context: str) -> MetricGuess:
    """The metric whose terms the figure's words hold, among those of its unit kind.

    Each concept of a term scores 1 when the figure's own phrase names it and ½ when only
    its sentence or the document's headline does, over the term's concept count; the
    term's counted thing (its last concept) named in the figure's subject adds ¼, and
    another thing counted there halves the score. The metric's score is its best term's.
    """
    kind = unit_kind(q)
    here = set(_concepts(local))
    if kind is UnitKind.MONEY:
        here.add("资金")
    around = set(_concepts(context))
    counted = set(_concepts(subject))
    scored: list[tuple[float, str]] = []
    for metric in metrics():
        if metric.unit_kind is not kind:
            continue
        covered, excluded = _terms(metric)
        if any(term and term in local for term in excluded):
            continue
        best = 0.0
        for term in covered:
            want = _term_parts(term)
            if not want or not any(c in here or c in local for c in want):
                continue
            hits = sum(
                1.0 if c in here or c in local else 0.5 if c in around or c in context else 0.0
                for c in want
            )
            score = hits / len(want) + (0.25 if want[-1] in counted else 0.0)
            other = counted & _COUNTED_NOUNS
            if (
                other
                and want[-1] in _COUNTED_NOUNS
                and want[-1] not in other
                and kind is not UnitKind.MONEY
            ):
                score /= 2
            # The words themselves break ties between metrics whose concepts meet alike.
            score += 0.01 * len(_bigrams(term) & _bigrams(local))
            best = max(best, score)
        if best:
            # The sentence's other words lean towards the metric whose terms name them
            # (合作项目 among villages is a village project).
            every = {c for term in covered for c in _term_parts(term)}
            best += 0.1 * len(every & (here | around)) / len(every)
        scored.append((best, metric.code))
    scored.sort(key=lambda s: (-s[0], s[1]))
    top, second = [*scored, (0.0, ""), (0.0, "")][:2]
    runner = second[1] or None
    if top[0] < METRIC_THRESHOLD:
        return MetricGuess(
            None, top[0], top[1] or None, top[0], "no metric's terms fit well enough"
        )
    return MetricGuess(
        top[1],
        top[0],
        runner,
        second[0],
        f"its phrase and sentence name the concepts of {top[1]}'s terms",
    )


# --------------------------------------------------------------------------- the programme's facts

_LEVEL_WORDS = (
    ("省", re.compile(r"全省|我省|省委|省工商联|省政府|省统战")),
    ("市", re.compile(r"全市|我市|市委|市工商联|市政府")),
    ("县", re.compile(r"全县|我县|县委|县工商联|县政府")),
    ("区", re.compile(r"全区|我区|区委|区工商联|区政府")),
)


def _fits(j: Jurisdiction, word: str) -> bool:
    name = j.name.zh
    if word == "省":
        return j.level.value == "province"
    if word == "区":
        return name.endswith("自治区") or (j.level.value == "county" and name.endswith("区"))
    if word == "县":
        return j.level.value == "county" and name.endswith(("县", "旗"))
    return name.endswith("市") and j.level.value in {"prefecture", "county"}


def _place(text: str, title_end: int) -> Guess[Jurisdiction]:
    """The programme's place: the named place that fits how the text speaks of itself."""
    from unitedfront._places import get_jurisdiction

    found = mentions(text)
    if not found:
        return _open("the text names no province, prefecture or county")
    counts = {word: len(pattern.findall(text)) for word, pattern in _LEVEL_WORDS}
    self_word = max(counts, key=lambda w: counts[w]) if any(counts.values()) else None
    scores: dict[str, float] = {}
    for mention in found:
        weight = 3.0 if mention.start < title_end else 1.0
        if text.startswith(
            ("工商联", "统战部", "市委", "县委", "区委", "委统战部", "党委"), mention.end
        ):
            weight += 2.0
        for code in mention.codes:
            scores[code] = scores.get(code, 0.0) + weight / len(mention.codes)
    best: tuple[float, str] | None = None
    for code, score in scores.items():
        j = get_jurisdiction(code)
        if self_word is not None and _fits(j, self_word):
            score *= 3
        if best is None or score > best[0]:
            best = (score, code)
    assert best is not None
    place = get_jurisdiction(best[1])
    fits = self_word is not None and _fits(place, self_word)
    if self_word is not None and not fits and counts[self_word] >= 2:
        return _open(
            f"the text speaks of itself as a {self_word} (全{self_word}, {self_word}委 …) but "
            "names no such place"
        )
    reason = f"named in the text ({place.name.zh})" + (
        f", and the text speaks of itself as a {self_word}" if fits else ""
    )
    return Guess(place, reason, 0.9 if fits else 0.6)


_ISSUER = re.compile(
    r"(?:[\u4e00-\u9fff]{0,6}?)(?P<organ>(?:省|市|县|区|自治区)委统战部|(?:省|市|县|区|自治区)工商联|"
    r"(?:省|市|县|区)委统一战线工作领导小组(?:办公室)?|(?:省|市|县|区)总商会)"
)


def _issuer(text: str, place: Jurisdiction | None) -> Guess[str]:
    """The body whose work the text reports: the most named 统战部 or 工商联 of the place."""
    counts: dict[str, int] = {}
    for match in _ISSUER.finditer(text):
        organ = match.group("organ")
        counts[organ] = counts.get(organ, 0) + 1
    if not counts:
        return _open("the text names no 统战部 or 工商联")
    organ = max(counts, key=lambda o: (counts[o], -text.find(o)))
    if place is None:
        return Guess(organ, f"named {counts[organ]} times; its place is open", 0.4)
    name = place.name.zh
    level_word = organ[0] if not organ.startswith("自治区") else "自治区"
    body = organ[len(level_word) :]
    if name.endswith(level_word) or (level_word == "区" and name.endswith("自治区")):
        return Guess(name + body, f"{organ} named {counts[organ]} times, of {name}", 0.8)
    return Guess(organ, f"named {counts[organ]} times; it is not of {name}", 0.4)


_FRAMEWORKS: tuple[tuple[re.Pattern[str], Framework, str], ...] = (
    (re.compile(r"五大行动"), Framework.FIVE_ACTIONS, "五大行动"),
    (re.compile(r"两个健康"), Framework.TWO_HEALTHY, "两个健康"),
    (re.compile(r"工商联\+|工商联＋"), Framework.ACFIC_PLUS, "工商联+"),
    (re.compile(r"万企[兴帮联]万村|千企帮千村|百企兴[百千]?村"), Framework.OTHER, "万企兴万村"),
)


def _framework(text: str) -> Guess[Framework]:
    counts = [(len(p.findall(text)), f, name) for p, f, name in _FRAMEWORKS]
    n, framework, name = max(counts, key=lambda c: c[0])
    if n == 0:
        return Guess(Framework.OTHER, "no framework named (五大行动, 两个健康, 工商联+ …)", 0.5)
    return Guess(framework, f"{name} named {n} time{'s' if n > 1 else ''}", 0.85)


_PLAN_IN_LEAD = re.compile(r"方案》|计划》|规划》|工作要点》|亮目标")
_PLAN_WORDS = re.compile(
    r"方案》|方案|计划》|规划》|工作要点|实施意见》|亮目标|部署会|动员大会|动员部署"
)
_REPORT_WORDS = re.compile(r"成效|成果|答卷|获悉|了解到|取得|累计|截至|已")


def _programme_kind(text: str, title: str, figures: list[tuple[int, str]]) -> Guess[ProgrammeKind]:
    """A plan when its headline or lead names one (方案, 计划, 亮目标 …) or most of its
    figures are targets; else a report."""
    found = _PLAN_WORDS.search(title) or _PLAN_IN_LEAD.search(text[:300])
    if found:
        return Guess(ProgrammeKind.PLAN, f"its headline or lead says {found.group()}", 0.8)
    target = sum(1 for _, lead in figures if _STRONG_TARGET.search(_unquoted(lead)))
    if figures and target * 2 > len(figures):
        return Guess(ProgrammeKind.PLAN, f"{target} of {len(figures)} figures are targets", 0.6)
    return Guess(ProgrammeKind.REPORT, "its figures are reported as results", 0.7)


_DATE_IN_HEADER = re.compile(
    r"(?P<y>20\d{2}|19\d{2})(?:[-/.]|年)(?P<m>\d{1,2})(?:[-/.]|月)(?P<d>\d{1,2})日?"
)


def _published(text: str, given: date | None) -> Guess[date]:
    if given is not None:
        return Guess(given, "given", 1.0)
    for match in _DATE_IN_HEADER.finditer(text[:300]):
        try:
            found = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
        return Guess(found, f"the date {match.group()} in the page header", 0.7)
    return _open("no publication date given, and none in the page header")


_FIVE_ACTIONS = (
    ("建言献策", Theme.ADVICE),
    ("创新创造", Theme.INNOVATION),
    ("壮大民企", Theme.PRIVATE_ECONOMY),
    ("双招双引", Theme.INVESTMENT_TALENT),
    ("共同富裕", Theme.COMMON_PROSPERITY),
)
_THEME_WORDS: tuple[tuple[re.Pattern[str], Theme], ...] = (
    (re.compile(r"建言|献策|参政|议政|协商|调研"), Theme.ADVICE),
    (re.compile(r"创新|科技|人才"), Theme.INNOVATION),
    (re.compile(r"招商|引资|引才|双招双引|招引"), Theme.INVESTMENT_TALENT),
    (re.compile(r"民营|民企|企业|营商|两个健康|非公|发展"), Theme.PRIVATE_ECONOMY),
    (re.compile(r"乡村|村|共富|共同富裕|振兴|帮扶|扶贫|公益"), Theme.COMMON_PROSPERITY),
    (re.compile(r"党建|商会|队伍|组织|自身建设|思想|教育|引领|铸魂|聚力|人心"), Theme.ORGANISATION),
)
_HEADING = re.compile(
    r"(?m)^\s*(?:[一二三四五六七八九十]{1,3}[、.]|（[一二三四五六七八九十]{1,3}）|"
    r"[一二三四五六七八九十]{1,3}是)\s*(?P<name>[^,，。;；:：\n]{2,30})"
)
_ACTION_SENTENCE = re.compile(
    r"(?:^|[。\n])\s*(?:实施|深化|开展|推进|聚力实施)(?P<name>[^,，。;；:：\n“”]{2,10}行动)[,，。]"
)


def _theme(name: str) -> Guess[Theme]:
    for word, theme in _FIVE_ACTIONS:
        if word in name:
            return Guess(theme, f"the five actions' {word}", 0.9)
    for pattern, theme in _THEME_WORDS:
        found = pattern.search(name)
        if found:
            return Guess(theme, f"{found.group()} in its name", 0.5)
    return Guess(Theme.GENERAL, "no theme word in its name", 0.3)


def _actions(text: str, framework: Framework) -> list[DraftAction]:
    """The programme's parts: numbered headings, 实施X行动 sentences, or the framework's names."""
    found: list[DraftAction] = []
    for match in _HEADING.finditer(text):
        name = match.group("name").strip()
        found.append(DraftAction(name, _theme(name), match.start("name"), "a numbered heading"))
    if len(found) < 2:
        found = []
        for match in _ACTION_SENTENCE.finditer(text):
            name = match.group("name")
            found.append(
                DraftAction(
                    name, _theme(name), match.start("name"), "a sentence that opens an action"
                )
            )
    if len(found) < 2 and framework is Framework.FIVE_ACTIONS:
        found = []
        for word, theme in _FIVE_ACTIONS:
            at = text.find(word + "行动")
            if at != -1:
                reason = "one of the five actions, named in the text"
                found.append(
                    DraftAction(word + "行动", Guess(theme, "the five actions", 0.9), at, reason)
                )
        found.sort(key=lambda a: a.start)
    return found if found else []


# --------------------------------------------------------------------------- the draft

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _jurisdiction_dict(j: Jurisdiction) -> dict[str, Any]:
    return j.model_dump(mode="json", exclude_none=True)


@attrs.frozen(slots=True)
class Draft:
    """A programme drafted from one text, with the reason and confidence of every guess.

    :meth:`to_dict` writes it as a programme file, with ``TODO`` where a field is open;
    :meth:`programme` builds the :class:`~unitedfront.Programme` once nothing required is
    open; :meth:`validate` reports the open fields (UF701) beside every other finding.
    """

    text: str
    """The text as drafted from: each line normalised as :func:`~unitedfront.normalize_source`
    does (simplified script, pinyin and full-width forms folded); offsets point into it."""
    source_id: str
    published: Guess[date]
    title: Guess[str]
    kind: Guess[ProgrammeKind]
    framework: Guess[Framework]
    jurisdiction: Guess[Jurisdiction]
    issuer: Guess[str]
    period: Guess[Period]
    actions: tuple[DraftAction, ...]
    figures: tuple[DraftFigure, ...]
    not_figures: tuple[NotFigure, ...]

    @property
    def id(self) -> str:
        """The programme id: the source id when it is a slug, else ``draft``."""
        return self.source_id if _SLUG.match(self.source_id) else "draft"

    def open_fields(self) -> tuple[tuple[str, str], ...]:
        """The programme file's paths left open, each with what is missing."""
        fields: dict[str, Guess[Any]] = {
            "title": self.title,
            "jurisdiction": self.jurisdiction,
            "issuer": self.issuer,
            "period": self.period,
        }
        found = [(path, guess.reason) for path, guess in fields.items() if guess.open]
        if self.published.open:
            found.append(("sources[0].published", self.published.reason))
        return tuple(found)

    def _indicator(self, figure: DraftFigure) -> dict[str, Any]:
        q = figure.quantity
        from unitedfront._parse import parse_quantity

        try:
            plain = parse_quantity(figure.text) == q
        except ValueError:  # pragma: no cover - every found expression parses alone
            plain = False
        record: dict[str, Any] = {
            "id": figure.id,
            "name": figure.name.value or figure.text,
            "metric": figure.metric.code,
            "kind": (figure.kind.value or IndicatorKind.ACTUAL).value,
            "quantity": figure.text if plain else q.model_dump(mode="json"),
        }
        if figure.period.value is not None:
            record["period"] = str(figure.period.value)
        if figure.as_of.value is not None:
            record["as_of"] = figure.as_of.value.isoformat()
        if figure.cumulative.value:
            record["cumulative"] = True
        if figure.scope.value is not None:
            record["scope"] = _jurisdiction_dict(figure.scope.value)
        record["evidence"] = {"source": self.source_id, "quote": figure.quote}
        return record

    def to_dict(self) -> dict[str, Any]:
        """The draft as a programme file (JSON-ready); open fields hold ``TODO: …`` text."""

        def value(guess: Guess[Any], todo: str) -> Any:
            if guess.open or guess.value is None:
                return f"{PLACEHOLDER}: {todo}"
            v = guess.value
            return v.value if hasattr(v, "value") and not isinstance(v, Jurisdiction) else v

        if self.jurisdiction.value is not None:
            jurisdiction: dict[str, Any] = _jurisdiction_dict(self.jurisdiction.value)
        else:
            jurisdiction = {
                "code": f"{PLACEHOLDER}: its GB/T 2260 code (find_jurisdictions(name))",
                "name": f"{PLACEHOLDER}: the place, in Chinese",
                "level": f"{PLACEHOLDER}: province, prefecture or county",
            }
        source: dict[str, Any] = {"id": self.source_id, "title": value(self.title, "the title")}
        if self.published.value is not None:
            source["published"] = self.published.value.isoformat()
        actions = [
            {
                "id": f"action-{n + 1}",
                "name": action.name,
                "theme": (action.theme.value or Theme.GENERAL).value,
                "indicators": [self._indicator(f) for f in self.figures if f.action == n],
            }
            for n, action in enumerate(self.actions)
        ]
        omitted = [
            {
                "text": nf.text,
                "reason": nf.reason.value,
                "evidence": {
                    "source": self.source_id,
                    "quote": _phrase(self.text, nf.start, nf.end),
                },
                "note": nf.note,
            }
            for nf in self.not_figures
        ]
        period = self.period.value
        return {
            "id": self.id,
            "title": value(self.title, "the title of the programme, in Chinese"),
            "kind": value(self.kind, "report or plan"),
            "framework": value(self.framework, "five_actions, two_healthy, acfic_plus or other"),
            "jurisdiction": jurisdiction,
            "issuer": value(self.issuer, "the body that issued it, in Chinese"),
            "period": str(period) if period is not None else f"{PLACEHOLDER}: such as 2024",
            "sources": [source],
            "actions": actions,
            "indicators": [self._indicator(f) for f in self.figures if f.action is None],
            "omitted": omitted,
        }

    def programme(self) -> Any:
        """The drafted :class:`~unitedfront.Programme`; ``LoadError`` naming every open field."""
        from unitedfront._model import Programme
        from unitedfront.errors import LoadError

        missing = self.open_fields()
        required = [path for path, _ in missing if not path.startswith("sources")]
        if required:
            raise LoadError(
                "the draft leaves open: "
                + "; ".join(f"{path} ({why})" for path, why in missing if path in required),
                file=self.source_id,
            )
        return Programme.model_validate(self.to_dict())

    def validate(self) -> Report:
        """Every validation finding of the draft, and a UF701 error at each open field.

        Fields left open are filled with stand-ins for the other rules to run; findings
        under a stand-in are not reported (the UF701 finding stands for them).
        """
        from unitedfront._model import Programme
        from unitedfront._validate import Report, _finding, _sort_key, validate

        record = self.to_dict()
        open_paths = [path for path, _ in self.open_fields()]
        stand_ins: dict[str, Any] = {
            "title": "待填",
            "jurisdiction": {"code": "110000", "name": "待填", "level": "province"},
            "issuer": "待填",
            "period": str(date.today().year),
        }
        for path in open_paths:
            if path in stand_ins:
                record[path] = stand_ins[path]
        record["sources"] = [{**record["sources"][0], "title": record["sources"][0]["title"]}]
        if str(record["sources"][0]["title"]).startswith(PLACEHOLDER):
            record["sources"][0]["title"] = "待填"
        programme = Programme.model_validate(record)
        report = validate(programme, sources={self.source_id: self.text})
        hidden = tuple(p for p in open_paths if p in stand_ins)
        kept = [
            f
            for f in report.findings
            if not any(f.path == p or f.path.startswith(p + ".") for p in hidden)
        ]
        opened = [
            _finding(
                "UF701",
                path,
                f"{path} is left open: {why}",
                hint="fill it from the source, or from what you know of the document",
            )
            for path, why in self.open_fields()
        ]
        return Report(
            findings=tuple(sorted([*kept, *opened], key=_sort_key)),
            explained=report.explained,
            programme=programme.id,
        )


def _phrase(text: str, start: int, end: int) -> str:
    a, b = _clause(text, start, end)
    a = max(a, start - 12)
    b = min(b, end + 6)
    return text[a:b].strip()


def _title(text: str) -> Guess[str]:
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) <= 60 and not line.endswith(("。", ",", ",")):
            return Guess(line, "the first line of the text", 0.6)
        break
    return _open("the text opens with no headline")


_YEAR_MONTH = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月")


def _run_dated(lead: str, years: Decimal) -> _Time | None:
    """The period of a run of years that is itself the figure (连续两年): between the months
    its sentence dates as its ends (2021年2月和2022年1月…连续两年), else none: the span's
    own cue does not time it."""
    dates = list(_YEAR_MONTH.finditer(lead))
    if len(dates) < 2:
        return None
    first, last = dates[0], dates[-1]
    y1, m1, y2, m2 = int(first["y"]), int(first["m"]), int(last["y"]), int(last["m"])
    end = _month_end(y2, m2)
    if end is None or not 1 <= m1 <= 12 or y2 - y1 + 1 != years:
        return None
    period = Period(start=date(y1, m1, 1), end=end)
    return _Time(period, None, False, f"{first.group()}…{last.group()}: the run's dated ends")


def _time_for(
    text: str,
    m: QuantityMatch,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    when: _When,
    inherited: dict[int, _Time],
) -> _Time | None:
    """The time that governs a figure: a cue of its clause, else one that opens its sentence
    or a clause before it, else one that opens a sentence earlier in its paragraph, else what
    an introduction or a list's lead-in passes on. 累计 before it marks a running total."""
    a, b = clause
    s, _ = sentence
    if text[max(0, m.start - 2) : m.start] == "连续" and m.quantity.unit == "年":
        return _run_dated(text[s : m.start], m.quantity.value)
    p = _paragraph_start(text, m.start)
    cues = [
        c
        for c in _paragraph_cues(text, p, when)
        if c.start < b and (c.end <= m.start or c.start >= m.end)
    ]
    timed = [c for c in cues if c.time.reason.split(":")[0] != "累计"]
    chosen: _Time | None = None
    in_clause = [c for c in timed if a <= c.start < b]
    if in_clause:
        before = [c for c in in_clause if c.start < m.start]
        chosen = (before[-1] if before else in_clause[0]).time
    else:
        opening = [c for c in timed if s <= c.start < a and c.opens != "clause"]
        earlier = [c for c in timed if p <= c.start < s and c.opens == "paragraph"]
        if opening:
            chosen = opening[-1].time
        elif earlier:
            chosen = earlier[-1].time
        else:
            chosen = inherited.get(p)
    running = any(c.time.reason.startswith("累计") and s <= c.start < b for c in cues)
    if running:
        if chosen is None or chosen.as_of is None:
            return _Time(None, when.stated, True, "累计: a running total, as of the date stated")
        return _Time(None, chosen.as_of, True, chosen.reason + "; 累计: a running total")
    return chosen


def draft(
    text: str,
    *,
    source_id: str = "source",
    published: date | None = None,
) -> Draft:
    """Draft a programme from a Chinese text: its facts and every figure, typed and quoted.

    ``text`` is the report or plan as published, in either script (traditional needs the
    ``opencc`` extra), with or without bracketed pinyin. ``source_id`` names the text in
    the evidence; ``published`` is its publication date, which relative cues need
    (今年以来, 截至目前); without it, a date in the page header is used if there is one.

    >>> d = draft("禹城市工商联 2022-10-31\\n截至9月底，全市已走访民营企业1234家。",
    ...           source_id="yucheng")
    >>> d.jurisdiction.value.code, d.issuer.value
    ('371482', '禹城市工商联')
    >>> f = d.figures[0]
    >>> f.text, f.kind.value.value, f.as_of.value, f.subject.value, f.quote
    ('1234家', 'actual', datetime.date(2022, 9, 30), '民营企业', '全市已走访民营企业1234家')
    """
    from unitedfront._parse import find_quantities

    _require_text(text, "draft")
    prepared = _prepare(text)
    published_guess = _published(prepared, published)
    when = published_guess.value
    title = _title(prepared)
    title_end = prepared.find("\n") if "\n" in prepared else min(len(prepared), 60)
    matches = find_quantities(prepared)
    figures_found: list[QuantityMatch] = []
    not_figures: list[NotFigure] = []
    for m in matches:
        why = _not_figure(prepared, m)
        if why is None:
            figures_found.append(m)
        else:
            not_figures.append(NotFigure(m.text, m.start, m.end, why[0], why[1]))
    framework = _framework(prepared)
    place = _place(prepared, title_end)
    issuer = _issuer(prepared, place.value)
    actions = _actions(prepared, framework.value or Framework.OTHER)
    leads: list[tuple[int, str]] = []
    for m in figures_found:
        s, _ = _sentence(prepared, m.start, m.end)
        leads.append((m.start, prepared[s : m.start]))
    kind = _programme_kind(prepared, title.value or "", leads)
    plan = kind.value is ProgrammeKind.PLAN
    headline_year = re.search(r"(?:19|20)\d{2}(?=年)", title.value or "")
    year = when.year if when else int(headline_year.group()) if headline_year else None
    times = _When(when, _stated_date(prepared, when), year)
    inherited = _inherited_times(prepared, times, [m.start for m in figures_found])
    place_code = place.value.code if place.value is not None else None
    place_mentions = mentions(prepared)

    figures: list[DraftFigure] = []
    for n, m in enumerate(figures_found):
        clause = _clause(prepared, m.start, m.end)
        sentence = _sentence(prepared, m.start, m.end)
        left = max(clause[0], figures_found[n - 1].end if n else 0)
        right = min(
            clause[1], figures_found[n + 1].start if n + 1 < len(figures_found) else len(prepared)
        )
        subject = _subject(prepared, m, left, right)
        time = _time_for(prepared, m, clause, sentence, times, inherited)
        kind_guess = _kind(prepared, m, clause, sentence[0], plan, time, subject, when)
        framed = inherited.get(_paragraph_start(prepared, m.start))
        if (
            time is not None
            and time is framed
            and not time.listed
            and kind_guess.value in _UNFRAMED
        ):
            # An introduction frames the programme's work, not the place's statistics,
            # ranks or the programme's own parts.
            time = None
        period: Guess[Period]
        as_of: Guess[date]
        if time is None:
            period = as_of = _open("no date cue in its clause, sentence or paragraph")
        elif time.period is not None:
            period = Guess(time.period, time.reason, 0.7)
            as_of = Guess(None, "a flow over a period", 0.6)
        else:
            period = Guess(None, "a figure at a date", 0.6)
            as_of = Guess(time.as_of, time.reason, 0.7)
        cumulative_guess = (
            Guess(True, time.reason, 0.8)
            if time is not None and time.cumulative
            else Guess(False, "no 累计, and no count closed at a date since a start", 0.7)
        )
        scope = _scope(place_mentions, place_code, prepared, m.start)
        metric = _metric(
            m.quantity,
            _metric_words(prepared, m, left, clause, figures_found[n - 1].end if n else 0),
            subject.value or "",
            prepared[sentence[0] : sentence[1]] + "\n" + (title.value or ""),
        )
        action = None
        for i, act in enumerate(actions):
            if act.start <= m.start:
                action = i
        figures.append(
            DraftFigure(
                id=f"figure-{n + 1:03d}",
                text=m.text,
                start=m.start,
                end=m.end,
                quantity=m.quantity,
                quote=_quote(prepared, m, left, right),
                name=_name(prepared, m, left, right, subject),
                subject=subject,
                kind=kind_guess,
                period=period,
                as_of=as_of,
                cumulative=cumulative_guess,
                scope=scope,
                metric=metric,
                action=action,
            )
        )
    figures = _unique_quotes(prepared, figures)
    return Draft(
        text=prepared,
        source_id=source_id,
        published=published_guess,
        title=title,
        kind=kind,
        framework=framework,
        jurisdiction=place,
        issuer=issuer,
        period=_programme_period(figures, when, plan),
        actions=tuple(actions),
        figures=tuple(figures),
        not_figures=tuple(not_figures),
    )


_UNFRAMED = frozenset({IndicatorKind.STATISTIC, IndicatorKind.RANK, IndicatorKind.STRUCTURE})


def _metric_words(
    text: str, m: QuantityMatch, left: int, clause: tuple[int, int], floor: int = 0
) -> str:
    """The words a figure's metric is read from: its phrase up to the next comma (across
    、), or its whole clause when the phrase holds nothing but the figure (41场、1804人次).

    A figure after a list closed by 等 (协商会、座谈会等25次) counts every item of the
    list, so its words reach back across the list's 、 to the clause's start, never past
    the figure before it (``floor``).
    """
    ends = [i for i in (text.find(c, m.end) for c in ",，;；。\n") if i != -1]
    right = min(ends) if ends else len(text)
    if left > floor and text[left - 1] == "、" and _LIST_CLOSED.search(text, left, m.start):
        left = max(floor, *(text.rfind(c, 0, left) + 1 for c in ",，;；。：:\n"))
    words = text[left:right]
    if not re.search(r"[\u4e00-\u9fff]", words.replace(m.text, "")):
        a, _ = _sentence(text, m.start, m.end)
        words = text[max(a, clause[0] - 30) : right]
    return words


#: A list closed by 等 just before a figure: 甲、乙等25次.
_LIST_CLOSED = re.compile(r"等\s*$")


def _inherited_times(text: str, when: _When, figures: list[int]) -> dict[int, _Time]:
    """What each paragraph inherits: the time of an introduction with no figures of its
    own that opens with a cue, or of a lead-in ending in a colon (a list follows)."""
    found: dict[int, _Time] = {}
    current: _Time | None = None
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if current is not None:
            found[start] = current
        cues = _cues(text, start, end, when)
        has_figure = any(start <= f < end for f in figures)
        if line.rstrip().endswith((":", "：")) and cues:
            last = cues[-1].time
            current = _Time(
                last.period, last.as_of, last.cumulative, last.reason, last.deadline, True
            )
        elif not has_figure:
            # A paragraph with no figure of its own that opens with a cue frames what
            # follows it (今年以来，我县…; 今年，省委…提出).
            opening = [c for c in cues if c.opens == "paragraph"]
            if opening:
                current = opening[-1].time
        start = end + 1
    return found


def _scope(found: list[Any], own: str | None, text: str, at: int) -> Guess[Jurisdiction]:
    """The sub-place a figure is about: the first place inside the programme's named in its
    stretch of the sentence (up to the last ; or 。 before it), the fullest where names adjoin
    (苏州市相城区 is 相城区)."""
    from unitedfront._places import get_jurisdiction, lies_within

    start = max(text.rfind(mark, 0, at) for mark in "。;；\n!?！？") + 1
    named = [mention for mention in found if start <= mention.start < at]
    for n, mention in enumerate(named):
        inside = [c for c in mention.codes if own is not None and lies_within(c, own)]
        if not inside:
            continue
        chosen, words = inside[0], mention.text
        for after in named[n + 1 :]:
            if after.start != mention.end:
                break
            deeper = [c for c in after.codes if lies_within(c, chosen)]
            if not deeper:
                break
            chosen, words, mention = deeper[0], words + after.text, after
        reason = f"{words} named before it in its sentence, inside the programme's place"
        return Guess(get_jurisdiction(chosen), reason, 0.7)
    return Guess(None, "no place inside the programme's named before it in its sentence", 0.7)


def _unique_quotes(text: str, figures: list[DraftFigure]) -> list[DraftFigure]:
    """Lengthen a quote that another figure's quote equals, so that no two share one."""
    seen: dict[str, int] = {}
    result: list[DraftFigure] = []
    for figure in figures:
        quote = figure.quote
        if quote in seen:
            a, _ = _clause(text, figure.start, figure.end)
            start = text.find(quote, max(0, figure.start - len(quote)))
            longer = text[max(a, start - 8) : start + len(quote)] if start != -1 else quote
            quote = longer if longer not in seen else quote
            figure = attrs.evolve(figure, quote=quote)
        seen[quote] = 1
        result.append(figure)
    return result


def _programme_period(
    figures: list[DraftFigure], published: date | None, plan: bool
) -> Guess[Period]:
    years: dict[int, int] = {}
    for figure in figures:
        if figure.period.value is not None:
            for year in figure.period.value.years:
                years[year] = years.get(year, 0) + 1
        elif figure.as_of.value is not None:
            years[figure.as_of.value.year] = years.get(figure.as_of.value.year, 0) + 1
    if plan and years:
        first, last = min(years), max(years)
        span = Period(start=date(first, 1, 1), end=date(last, 12, 31))
        return Guess(span, "the years its figures name", 0.5)
    if years:
        year = max(years, key=lambda y: (years[y], y))
        return Guess(
            Period(start=date(year, 1, 1), end=date(year, 12, 31)),
            f"most of its figures fall in {year}",
            0.6,
        )
    if published is not None:
        year = published.year
        return Guess(
            Period(start=date(year, 1, 1), end=date(year, 12, 31)), "the year of publication", 0.4
        )
    return _open("no dated figure and no publication date")
