"""Hypothesis strategies that build valid programmes and their parts.

Everything drawn here passes the model: ids are unique within a programme, every evidence
names one of the programme's sources, and every quantity's interval fits its qualifier
(``470余条`` is (470, 480), ``近1700家`` is [1530, 1700)). Quantity texts follow the
quantity contract's written forms, and by default each indicator's quote holds its
quantity text, as a real dataset's does.

The strategies reach beyond the tidy case where a rule is meant to see it: metrics may
be unknown, figures negative, ranks fractional, jurisdiction codes malformed, periods
outside the programme's; ``programmes(tidy=True)`` draws only the tidy case.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from functools import cache
from typing import TypeVar

from hypothesis import strategies as st

from unitedfront import (
    Action,
    CountedPart,
    DeclaredCount,
    Evidence,
    Framework,
    Indicator,
    IndicatorKind,
    Jurisdiction,
    JurisdictionLevel,
    Measure,
    MeasureCategory,
    MeasureStatus,
    OmissionReason,
    OmittedFigure,
    Period,
    Programme,
    ProgrammeKind,
    Qualifier,
    Quantity,
    Script,
    Source,
    Text,
    Theme,
    get_jurisdiction,
    metrics,
)
from unitedfront._model import Explanation
from unitedfront._places import _table
from unitedfront._validate import RULES

__all__ = [
    "actions",
    "chinese",
    "dates",
    "english",
    "evidence",
    "explanations",
    "indicators",
    "jurisdictions",
    "measures",
    "omitted_figures",
    "periods",
    "programmes",
    "quantities",
    "slugs",
    "sources",
    "texts",
]

T = TypeVar("T")

#: Characters for Chinese names and quotes: common simplified characters of the domain.
CHINESE = "企业走访村结对培训建言献策创新民营经济招商引才共同富裕商会平台活动机制服务发展项目乡镇"
UNITS: tuple[str | None, ...] = ("家", "个", "条", "名", "场", "次", "人次", "元", "%", None)
ORDINAL_UNITS = ("位", "名")
METRIC_CODES = tuple(m.code for m in metrics())


@cache
def slugs() -> st.SearchStrategy[str]:
    """Lowercase slugs of one to three words (``enterprises-visited``)."""
    word = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
    return st.lists(word, min_size=1, max_size=3).map("-".join)


@cache
def chinese(min_size: int = 1, max_size: int = 10) -> st.SearchStrategy[str]:
    """Chinese text from a small domain alphabet."""
    return st.text(CHINESE, min_size=min_size, max_size=max_size)


#: Names drawn whole: drawing them character by character would make programmes slow to build.
ZH_NAMES = (
    "走访企业",
    "建言献策",
    "创新创造",
    "壮大民企",
    "双招双引",
    "共同富裕",
    "结对共建",
    "企业家日",
    "商会建设",
    "服务平台",
    "培训活动",
    "工作机制",
    "威海市",
    "寧波市",
    "民營經濟",
)
EN_NAMES = (
    "Enterprises visited",
    "Advice",
    "Innovation",
    "Private economy",
    "Investment and talent",
    "Common prosperity",
    "Village pairing",
    "Entrepreneurs day",
    "Chambers",
    "Service platform",
)


@cache
def english() -> st.SearchStrategy[str]:
    """Short English phrases."""
    return st.sampled_from(EN_NAMES)


@cache
def texts() -> st.SearchStrategy[Text]:
    """Chinese text, with or without an English translation."""
    return st.builds(Text, zh=st.sampled_from(ZH_NAMES), en=st.none() | english())


@cache
def dates(min_year: int = 2015, max_year: int = 2030) -> st.SearchStrategy[date]:
    """Dates within a span of years."""
    return st.dates(date(min_year, 1, 1), date(max_year, 12, 31))


@cache
@st.composite
def periods(draw: st.DrawFn, min_year: int = 2015, max_year: int = 2030) -> Period:
    """A year, a span of years, a month or a span of days."""
    form = draw(st.sampled_from(["year", "years", "month", "days"]))
    year = draw(st.integers(min_year, max_year))
    if form == "year":
        return Period.model_validate(str(year))
    if form == "years":
        last = draw(st.integers(year, max_year))
        return Period.model_validate(f"{year}/{last}")
    if form == "month":
        return Period.model_validate(f"{year}-{draw(st.integers(1, 12)):02d}")
    start, end = sorted(draw(st.lists(dates(min_year, max_year), min_size=2, max_size=2)))
    return Period(start=start, end=end)


# --------------------------------------------------------------------------- quantities


_QUALIFIERS = tuple(q for q in Qualifier if q is not Qualifier.SUM)
# Shares are not written 上百% or 30%至120%.
_SHARE_QUALIFIERS = tuple(
    q for q in _QUALIFIERS if q not in (Qualifier.ORDER_OF, Qualifier.SEVERAL, Qualifier.RANGE)
)


def _step(value: Decimal) -> Decimal:
    """The place value of the last non-zero digit (470 → 10, 3.5 → 0.1)."""
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(1).scaleb(exponent)


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f") if value else "0"


@cache
@st.composite
def quantities(
    draw: st.DrawFn, *, units: tuple[str | None, ...] = UNITS, tidy: bool = False
) -> Quantity:
    """A quantity whose interval fits its qualifier, with a text in the contract's form.

    The unit is drawn from ``units``. With ``tidy``, numbers are whole and not negative,
    shares lie in 0 to 100 and ranks start at 1; otherwise a few are negative, fractional
    or out of range, for the rules to find.
    """
    chosen = draw(st.sampled_from(units))
    places = 0 if tidy else draw(st.sampled_from([0, 0, 0, 1, 2]))
    value = Decimal(draw(st.integers(1, 10**9))).scaleb(-places)
    if chosen == "%":
        value = Decimal(draw(st.integers(0, 100 if tidy else 10_000))).scaleb(-places)
    u = chosen or ""
    ordinal = draw(st.booleans()) if chosen is None or chosen in ORDINAL_UNITS else False
    if ordinal:
        rank = Decimal(draw(st.integers(1, 200)))
        if not tidy and draw(st.integers(0, 9)) == 0:
            rank = draw(st.sampled_from([Decimal(0), Decimal("2.5")]))
        text = f"第{_number(rank)}{u}"
        return Quantity(
            text=text,
            value=rank,
            qualifier=Qualifier.EXACT,
            low=rank,
            high=rank,
            low_inclusive=True,
            high_inclusive=True,
            unit=chosen,
            ordinal=True,
        )
    qualifier = draw(st.sampled_from(_SHARE_QUALIFIERS if chosen == "%" else _QUALIFIERS))
    if not value and qualifier is Qualifier.NEARLY:
        qualifier = Qualifier.EXACT  # 近0 would be an empty interval
    if not tidy and qualifier is Qualifier.EXACT and draw(st.integers(0, 9)) == 0:
        value = -value
    v = _number(value)
    low: Decimal | None
    high: Decimal | None
    li = hi = False
    if qualifier is Qualifier.EXACT:
        text, low, high, li, hi = f"{v}{u}", value, value, True, True
    elif qualifier is Qualifier.MORE_THAN:
        text, low, high = f"{v}余{u}", value, value + _step(value)
    elif qualifier is Qualifier.OVER:
        text, low, high = f"超{v}{u}", value, None
    elif qualifier is Qualifier.AT_LEAST:
        text, low, high, li = f"不少于{v}{u}", value, None, True
    elif qualifier is Qualifier.NEARLY:
        text, low, high, li = f"近{v}{u}", value * Decimal("0.9"), value, True
    elif qualifier is Qualifier.ABOUT:
        text, low, high = f"约{v}{u}", value * Decimal("0.9"), value * Decimal("1.1")
        li = hi = True
    elif qualifier is Qualifier.AT_MOST:
        text, low, high, hi = f"不超过{v}{u}", None, value, True
    elif qualifier is Qualifier.UNDER:
        text, low, high = f"不到{v}{u}", None, value
    elif qualifier in (Qualifier.ORDER_OF, Qualifier.SEVERAL):
        power = draw(st.integers(1, 8))
        m = Decimal(10) ** power
        word = {1: "十", 2: "百", 3: "千", 4: "万", 5: "十万", 6: "百万", 7: "千万", 8: "亿"}[power]
        if qualifier is Qualifier.ORDER_OF:
            value, text = m, f"上{word}{u}"
        else:
            value, text = 2 * m, f"数{word}{u}"
        low, high, li = value, 10 * m, True
    else:  # RANGE
        top = value + Decimal(draw(st.integers(1, 1000))).scaleb(-places)
        text, low, high, li, hi = f"{v}至{_number(top)}{u}", value, top, True, True
    return Quantity(
        text=text,
        value=value,
        qualifier=qualifier,
        low=low,
        high=high,
        low_inclusive=li,
        high_inclusive=hi,
        unit=chosen,
    )


# --------------------------------------------------------------------------- places


#: The codes of the bundled place table, by level: tidy jurisdictions are real places.
_PLACE_CODES = {
    level: sorted(row.code for row in _table().by_code.values() if row.level is level)
    for level in JurisdictionLevel
}


@cache
@st.composite
def jurisdictions(draw: st.DrawFn, *, tidy: bool = True) -> Jurisdiction:
    """A jurisdiction; tidy ones have a GB/T 2260-shaped code and the parent that fits it."""
    name = draw(texts())
    if not tidy and draw(st.booleans()):
        return Jurisdiction(
            code=draw(st.text("0123456789ab", min_size=1, max_size=8)),
            name=name,
            level=draw(st.sampled_from(JurisdictionLevel)),
            parent=draw(st.none() | st.text("0123456789", min_size=1, max_size=8)),
        )
    level = draw(st.sampled_from(JurisdictionLevel))
    code = draw(st.sampled_from(_PLACE_CODES[level]))
    parent = get_jurisdiction(code).parent
    return Jurisdiction(code=code, name=name, level=level, parent=parent)


# --------------------------------------------------------------------------- entities


@cache
def sources(id: str) -> st.SearchStrategy[Source]:
    """A source with this id."""
    return st.builds(
        Source,
        id=st.just(id),
        title=texts(),
        publisher=st.none() | texts(),
        published=st.none() | dates(),
        script=st.sampled_from(Script),
        url=st.none() | st.just(f"https://example.org/{id}"),
    )


@cache
@st.composite
def evidence(draw: st.DrawFn, source_ids: tuple[str, ...], holds: str = "") -> Evidence:
    """Evidence naming one of ``source_ids``, with a quote that holds ``holds``."""
    before = draw(st.sampled_from(("", "全市", "走访企业", "累计")))
    quote = before + holds + draw(st.sampled_from(("", "。", "以上")))
    if not quote.strip():
        quote = draw(st.sampled_from(ZH_NAMES))
    return Evidence(source=draw(st.sampled_from(source_ids)), quote=quote)


@st.composite
def indicators(
    draw: st.DrawFn, id: str, source_ids: tuple[str, ...], *, tidy: bool = False
) -> Indicator:
    """An indicator with this id whose evidence names one of ``source_ids``."""
    kind = draw(st.sampled_from(IndicatorKind))
    quantity = draw(quantities(tidy=tidy))
    if tidy:
        kind = (
            IndicatorKind.RANK
            if quantity.ordinal
            else draw(st.sampled_from([k for k in IndicatorKind if k is not IndicatorKind.RANK]))
        )
    metric_choices: list[st.SearchStrategy[str | None]] = [st.none(), st.sampled_from(METRIC_CODES)]
    if not tidy:
        metric_choices.append(st.just("no_such_metric"))
    metric = None if tidy else draw(st.one_of(metric_choices))
    quote_holds = quantity.text if tidy or draw(st.integers(0, 9)) else ""
    return Indicator(
        id=id,
        name=draw(texts()),
        metric=metric,
        kind=kind,
        quantity=quantity,
        period=None if tidy else draw(st.none() | periods()),
        as_of=None if tidy else draw(st.none() | dates()),
        cumulative=draw(st.booleans()),
        scope=None if tidy else draw(st.none() | jurisdictions(tidy=False)),
        evidence=draw(evidence(source_ids, quote_holds)),
        note=draw(st.none() | texts()),
    )


def _ids(prefix: str) -> Iterator[str]:
    return (f"{prefix}-{n}" for n in itertools.count())


def _draw_many(
    draw: st.DrawFn, build: Callable[[str], st.SearchStrategy[T]], ids: Iterator[str], most: int
) -> tuple[T, ...]:
    return tuple(draw(build(next(ids))) for _ in range(draw(st.integers(0, most))))


@st.composite
def measures(
    draw: st.DrawFn,
    id: str,
    source_ids: tuple[str, ...],
    ids: Iterator[str] | None = None,
    *,
    tidy: bool = False,
) -> Measure:
    """A measure with this id; its indicators take ids from ``ids``."""
    ids = ids if ids is not None else _ids(f"{id}-i")
    return Measure(
        id=id,
        name=draw(texts()),
        category=draw(st.sampled_from(MeasureCategory)),
        lead=tuple(draw(st.lists(texts(), max_size=2))),
        partners=tuple(draw(st.lists(texts(), max_size=2))),
        initiatives=tuple(draw(st.lists(texts(), max_size=2))),
        due=None if tidy else draw(st.none() | dates()),
        status=draw(st.none() | st.sampled_from(MeasureStatus)),
        indicators=_draw_many(
            draw, lambda i: indicators(i, source_ids, tidy=tidy), ids, 2 if tidy else 3
        ),
        evidence=draw(st.none() | evidence(source_ids)),
        note=draw(st.none() | texts()),
    )


@st.composite
def actions(
    draw: st.DrawFn,
    id: str,
    source_ids: tuple[str, ...],
    ids: Iterator[str] | None = None,
    *,
    tidy: bool = False,
) -> Action:
    """An action with this id; its measures and indicators take ids from ``ids``."""
    ids = ids if ids is not None else _ids(f"{id}-x")
    return Action(
        id=id,
        name=draw(texts()),
        theme=draw(st.sampled_from(Theme)),
        lead=tuple(draw(st.lists(texts(), max_size=2))),
        measures=_draw_many(
            draw, lambda i: measures(i, source_ids, ids, tidy=tidy), ids, 2 if tidy else 3
        ),
        indicators=_draw_many(draw, lambda i: indicators(i, source_ids, tidy=tidy), ids, 2),
        evidence=draw(st.none() | evidence(source_ids)),
        note=draw(st.none() | texts()),
    )


@cache
@st.composite
def omitted_figures(draw: st.DrawFn, source_ids: tuple[str, ...]) -> OmittedFigure:
    """A figure left out on purpose, with a quote that holds it."""
    text = draw(st.sampled_from(["2024年", "五大行动", "第八届", "两个健康", "6月27日", "1+4+N"]))
    return OmittedFigure(
        text=text,
        reason=draw(st.sampled_from(OmissionReason)),
        evidence=draw(evidence(source_ids, text)),
        note=draw(st.none() | st.just("a note")),
    )


@cache
@st.composite
def explanations(draw: st.DrawFn) -> Explanation:
    """An explanation naming a rule and a plausible path (it may match no finding)."""
    path = draw(
        st.sampled_from(
            ["title", "declared[0]", "actions", "actions[0]", "actions[0].measures[0].due"]
        )
    )
    return Explanation(
        code=draw(st.sampled_from([rule.code for rule in RULES])),
        path=path,
        reason=draw(english()),
    )


@st.composite
def programmes(draw: st.DrawFn, *, tidy: bool = False) -> Programme:
    """A valid programme: unique ids, evidence naming its sources, consistent quantities.

    With ``tidy``, every rule's input is in order except what cannot be drawn tidily
    without mirroring the rules (declared counts, duplicates, English names).
    """
    source_ids = tuple(
        f"{base}-{n}" for n, base in enumerate(draw(st.lists(slugs(), min_size=1, max_size=3)))
    )
    ids = _ids(draw(slugs()))
    max_actions = 4 if tidy else 3
    return Programme(
        id=draw(slugs()),
        title=draw(texts()),
        kind=draw(st.sampled_from(ProgrammeKind)),
        framework=draw(st.sampled_from(Framework)),
        jurisdiction=draw(jurisdictions(tidy=tidy)),
        issuer=draw(texts()),
        period=draw(periods()),
        adopted=draw(st.none() | dates()),
        principles=tuple(draw(st.lists(texts(), max_size=3))),
        declared=tuple(
            draw(
                st.lists(
                    st.builds(
                        DeclaredCount,
                        part=st.sampled_from(CountedPart),
                        count=st.integers(0, 60),
                        evidence=st.none() | evidence(source_ids),
                    ),
                    max_size=0 if tidy else 3,
                )
            )
        ),
        implements=draw(st.none() | slugs()),
        actions=_draw_many(
            draw, lambda i: actions(i, source_ids, ids, tidy=tidy), ids, max_actions
        ),
        indicators=_draw_many(draw, lambda i: indicators(i, source_ids, tidy=tidy), ids, 3),
        sources=tuple(draw(sources(i)) for i in source_ids),
        omitted=tuple(draw(st.lists(omitted_figures(source_ids), max_size=2))),
        notes=tuple(draw(st.lists(texts(), max_size=2))),
        explanations=() if tidy else tuple(draw(st.lists(explanations(), max_size=2))),
    )
