"""A synthetic corpus of programmes for benchmarks: many places, many years, N indicators.

The corpus is deterministic for a seed. Places follow the GB/T 2260 pattern (province
``PP0000``, prefecture ``PPCC00``, county ``PPCCXX``) with made-up codes from ``51`` up;
every programme has five actions of four measures, and its indicators (60 by default, each
metric and kind once) are spread over them. Figures are drawn from a pool of quantity texts
parsed once with :func:`unitedfront.parse_quantity`, so the structured and the text forms
agree. Each figure records the temporal nature of its metric and, for a flow, its period
(the programme's), as the bundled data does.

Strings come in two varieties. By default they repeat as a small corpus's would: indicator
ids (``i0`` …) recur in every programme, and quotes (the metric's name and the figure) recur
wherever a figure does. With ``unique=True`` every indicator's id and evidence quote is a
string of its own, as in real data, where each quote is a phrase of its own source. With
``distinct=True`` (JSON only) every figure's text is one no other figure writes too: the
pool's text with its number replaced by the figure's serial number (``8031次`` becomes
``137次``), so that nothing read from one figure's text serves another.

Use it from Python::

    from benchmarks.gen_corpus import corpus, corpus_json
    programmes = corpus(1_000_000)          # list of Programme, built without re-validation
    raw = corpus_json(10_000)               # the same kind of corpus as JSON bytes

or from the shell::

    uv run python benchmarks/gen_corpus.py --indicators 100000 --out corpus.json
    uv run python benchmarks/gen_corpus.py --indicators 100000 --out-dir corpus/ --text
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from unitedfront import (
    Action,
    Evidence,
    Framework,
    Indicator,
    IndicatorKind,
    Jurisdiction,
    JurisdictionLevel,
    Measure,
    Period,
    Programme,
    ProgrammeKind,
    Quantity,
    Source,
    Temporal,
    Text,
    Theme,
    metrics,
    parse_quantity,
)

__all__ = ["corpus", "corpus_data", "corpus_json", "places"]

THEMES = (
    "advice",
    "innovation",
    "private_economy",
    "investment_talent",
    "common_prosperity",
    "organisation",
    "general",
)
YEARS = tuple(range(2019, 2025))
_COUNT_WORDS = ("家", "个", "条", "名", "场", "次", "项")


@attrs.frozen(slots=True)
class Place:
    """A made-up jurisdiction of the corpus."""

    code: str
    zh: str
    en: str
    level: str
    parent: str | None


def places(provinces: int = 31, prefectures: int = 10, counties: int = 8) -> tuple[Place, ...]:
    """The corpus's places: provinces, their prefectures and those prefectures' counties."""
    out: list[Place] = []
    for p in range(provinces):
        pp = 51 + p
        province = f"{pp:02d}0000"
        out.append(Place(province, f"省{pp}", f"Province {pp}", "province", None))
        for c in range(1, prefectures + 1):
            prefecture = f"{pp:02d}{c:02d}00"
            out.append(
                Place(prefecture, f"市{pp}{c:02d}", f"City {pp}-{c}", "prefecture", province)
            )
            for x in range(1, counties + 1):
                code = f"{pp:02d}{c:02d}{x:02d}"
                out.append(Place(code, f"县{code}", f"County {code}", "county", prefecture))
    return tuple(out)


def _quantity_texts(rng: random.Random, unit: str, size: int) -> list[str]:
    """Quantity texts in a unit: mostly exact figures, some approximate or open-ended."""
    texts = []
    for _ in range(size):
        x = rng.randint(1, 9999)
        draw = rng.random()
        if draw < 0.7:
            texts.append(f"{x}{unit}")
        elif draw < 0.9:
            texts.append(f"{x // 10 * 10 or 10}余{unit}")
        elif draw < 0.97:
            texts.append(f"超{x}{unit}")
        else:
            texts.append(f"近{x}{unit}")
    return texts


@attrs.frozen(slots=True)
class _Pools:
    metrics: tuple[tuple[str, str, str, str], ...]
    """(code, zh name, en name, temporal) of each metric."""
    texts: dict[str, list[str]]
    """metric code -> quantity texts in a unit that fits the metric."""
    quantities: dict[str, Quantity]


def _pools(rng: random.Random) -> _Pools:
    chosen = []
    texts: dict[str, list[str]] = {}
    for m in metrics():
        kind = m.unit_kind.value
        if kind == "count":
            unit = rng.choice(_COUNT_WORDS)
        elif kind == "person_times":
            unit = "人次"
        elif kind == "money":
            unit = "万元"
        elif kind == "share":
            unit = "%"
        else:
            continue  # ranks, durations and person-years stay out of the corpus
        chosen.append((m.code, m.name.zh, m.name.en or m.code, m.temporal.value))
        texts[m.code] = _quantity_texts(rng, unit, 60)
    quantities = {t: parse_quantity(t) for ts in texts.values() for t in ts}
    return _Pools(tuple(chosen), texts, quantities)


#: An indicator of the plan: (index, ((metric, zh, en, temporal), kind), text, scope).
_IndicatorSpec = tuple[int, tuple[tuple[str, str, str, str], str], str, "Place | None"]


@attrs.frozen(slots=True)
class _ProgrammeSpec:
    id: str
    place: Place
    period: tuple[date, date]
    label: str
    actions: tuple[tuple[str, tuple[tuple[_IndicatorSpec, ...], ...]], ...]
    """(theme, indicators of each of its four measures) per action."""


def _plan(
    n: int, rng: random.Random, pools: _Pools, per_programme: int
) -> Iterator[_ProgrammeSpec]:
    """The programmes, one per (place, year) until every pair is used, then half-years.

    Within a programme each (metric, kind, scope) is used once, as a real programme
    states each figure once.
    """
    all_places = places()
    counties: dict[str, list[Place]] = {}
    for p in all_places:
        if p.level == "county" and p.parent is not None:
            counties.setdefault(p.parent, []).append(p)
    slots = [(p, y) for p in all_places for y in YEARS]
    rng.shuffle(slots)
    pairs = [(m, k) for m in pools.metrics for k in ("actual", "target")]
    texts = pools.texts
    made = 0
    number = 0
    while made < n:
        size = min(per_programme, n - made, len(pairs))
        place, year = slots[number % len(slots)]
        if number >= len(slots):  # every (place, year) is taken: use half-years
            first = (number // len(slots)) % 2 == 1
            period = (
                (date(year, 1, 1), date(year, 6, 30))
                if first
                else (date(year, 7, 1), date(year, 12, 31))
            )
            label = f"{year}-01/{year}-06" if first else f"{year}-07/{year}-12"
        else:
            period = (date(year, 1, 1), date(year, 12, 31))
            label = str(year)
        per_measure: list[list[_IndicatorSpec]] = [[] for _ in range(20)]
        chosen = rng.sample(pairs, size)
        where = rng.choices(range(20), k=size)
        figures = [rng.choice(texts[pair[0][0]]) for pair in chosen]
        scoped = place.level == "prefecture"
        for i, pair in enumerate(chosen):
            scope = None
            if scoped and rng.random() < 0.05:
                scope = rng.choice(counties[place.code])
            per_measure[where[i]].append((i, pair, figures[i], scope))
        actions = tuple(
            (
                THEMES[(a + number) % len(THEMES)],
                tuple(tuple(per_measure[a * 4 + m]) for m in range(4)),
            )
            for a in range(5)
        )
        yield _ProgrammeSpec(f"p{number}-{place.code}-{year}", place, period, label, actions)
        made += size
        number += 1


# --------------------------------------------------------------------------- models


def _jurisdiction(place: Place, cache: dict[str, Jurisdiction]) -> Jurisdiction:
    j = cache.get(place.code)
    if j is None:
        j = cache[place.code] = Jurisdiction.model_construct(
            code=place.code,
            name=Text.model_construct(zh=place.zh, en=place.en),
            level=JurisdictionLevel(place.level),
            parent=place.parent,
        )
    return j


def corpus(n: int = 1_000_000, *, seed: int = 0, per_programme: int = 60) -> list[Programme]:
    """``n`` indicators in programmes of ``per_programme`` each, as model objects.

    The objects are built with ``model_construct`` (no re-validation), from parts that
    are valid by construction.
    """
    make_indicator = Indicator.model_construct
    make_measure = Measure.model_construct
    make_action = Action.model_construct
    rng = random.Random(seed)
    pools = _pools(rng)
    jurisdictions: dict[str, Jurisdiction] = {}
    names: dict[str, Text] = {}
    evidence: dict[str, Evidence] = {}
    source = Source.model_construct(id="report", title=Text.model_construct(zh="报告", en="Report"))
    kinds = {k.value: k for k in IndicatorKind}
    temporals = {t.value: t for t in Temporal}
    themes = {t.value: t for t in Theme}
    out = []
    gc.disable()  # millions of small objects: the collector would only rescan them
    try:
        for spec in _plan(n, rng, pools, per_programme):
            end = spec.period[1]
            period = Period.model_construct(start=spec.period[0], end=end)
            actions = []
            for a, (theme, measures) in enumerate(spec.actions):
                built_measures = []
                for m, indicators in enumerate(measures):
                    built = []
                    for i, ((code, zh, en, temporal), kind), figure, scope in indicators:
                        name = names.get(code)
                        if name is None:
                            name = names[code] = Text.model_construct(zh=zh, en=en)
                        ev = evidence.get(zh + figure)
                        if ev is None:
                            ev = evidence[zh + figure] = Evidence.model_construct(
                                source="report", quote=zh + figure
                            )
                        built.append(
                            make_indicator(
                                id=f"i{i}",
                                name=name,
                                metric=code,
                                kind=kinds[kind],
                                quantity=pools.quantities[figure],
                                temporal=temporals[temporal],
                                period=period if temporal == "flow" else None,
                                as_of=None if temporal == "flow" else end,
                                cumulative=temporal == "running_total",
                                scope=None
                                if scope is None
                                else _jurisdiction(scope, jurisdictions),
                                evidence=ev,
                            )
                        )
                    built_measures.append(
                        make_measure(
                            id=f"a{a}-m{m}",
                            name=Text.model_construct(zh=f"措施{a}-{m}", en=f"Measure {a}-{m}"),
                            indicators=tuple(built),
                        )
                    )
                actions.append(
                    make_action(
                        id=f"a{a}",
                        name=Text.model_construct(zh=f"行动{a}", en=f"Action {a}"),
                        theme=themes[theme],
                        measures=tuple(built_measures),
                    )
                )
            out.append(
                Programme.model_construct(
                    id=spec.id,
                    title=Text.model_construct(zh="合成方案", en="Synthetic programme"),
                    kind=ProgrammeKind.REPORT,
                    framework=Framework.OTHER,
                    jurisdiction=_jurisdiction(spec.place, jurisdictions),
                    issuer=Text.model_construct(zh="工商联", en="Federation"),
                    period=period,
                    actions=tuple(actions),
                    sources=(source,),
                )
            )
    finally:
        gc.enable()
    return out


# --------------------------------------------------------------------------- JSON


def _quantity_data(q: Quantity) -> dict[str, Any]:
    def dec(x: Decimal | None) -> str | None:
        return None if x is None else format(x, "f")

    return {
        "text": q.text,
        "value": dec(q.value),
        "qualifier": q.qualifier.value,
        "low": dec(q.low),
        "high": dec(q.high),
        "low_inclusive": q.low_inclusive,
        "high_inclusive": q.high_inclusive,
        "unit": q.unit,
        "ordinal": q.ordinal,
    }


def _place_data(place: Place) -> dict[str, Any]:
    return {
        "code": place.code,
        "name": {"zh": place.zh, "en": place.en},
        "level": place.level,
        "parent": place.parent,
    }


_NUMBER = re.compile("[0-9]+")


def _indicator_data(
    ind: _IndicatorSpec,
    end: date,
    label: str,
    quantities: dict[str, Any],
    unique: str | None,
    serial: int | None = None,
    text: bool = False,
) -> dict[str, Any]:
    i, ((code, zh, en, temporal), kind), figure, scope = ind
    if serial is None:
        quantity = quantities[figure]
    else:  # a text no other figure writes: the pool's, with the serial number for its own
        figure = _NUMBER.sub(str(serial), figure, count=1)
        quantity = figure if text else _quantity_data(parse_quantity(figure))
    data: dict[str, Any] = {
        "id": f"i{i}" if unique is None else f"{unique}-i{i}",
        "name": {"zh": zh, "en": en},
        "metric": code,
        "kind": kind,
        "quantity": quantity,
        "temporal": temporal,
    }
    if temporal == "flow":
        data["period"] = label
    else:
        data["as_of"] = end.isoformat()
    if temporal == "running_total":
        data["cumulative"] = True
    if scope is not None:
        data["scope"] = _place_data(scope)
    quote = zh + figure if unique is None else f"{unique}年度{zh}{figure}，第{i}项"
    data["evidence"] = {"source": "report", "quote": quote}
    return data


def corpus_data(
    n: int = 10_000,
    *,
    seed: int = 0,
    per_programme: int = 60,
    text: bool = False,
    unique: bool = False,
    distinct: bool = False,
) -> list[dict[str, Any]]:
    """The same corpus as :func:`corpus`, as JSON-ready programme data.

    With ``text=True`` each quantity is written as its Chinese text (``"470余条"``) for
    the loader to parse; otherwise as its structured form. With ``unique=True`` every
    indicator id and quote is a distinct string, and with ``distinct=True`` every figure's
    text (see the module's docstring).
    """
    serials = itertools.count(10)  # from 10: 余 after 0 says nothing
    rng = random.Random(seed)
    pools = _pools(rng)
    quantities: dict[str, Any] = {
        t: t if text else _quantity_data(q) for t, q in pools.quantities.items()
    }
    out = []
    for spec in _plan(n, rng, pools, per_programme):
        end = spec.period[1]
        actions = [
            {
                "id": f"a{a}",
                "name": {"zh": f"行动{a}", "en": f"Action {a}"},
                "theme": theme,
                "measures": [
                    {
                        "id": f"a{a}-m{m}",
                        "name": {"zh": f"措施{a}-{m}", "en": f"Measure {a}-{m}"},
                        "indicators": [
                            _indicator_data(
                                i,
                                end,
                                spec.label,
                                quantities,
                                spec.id if unique else None,
                                next(serials) if distinct else None,
                                text,
                            )
                            for i in indicators
                        ],
                    }
                    for m, indicators in enumerate(measures)
                ],
            }
            for a, (theme, measures) in enumerate(spec.actions)
        ]
        out.append(
            {
                "id": spec.id,
                "title": {"zh": "合成方案", "en": "Synthetic programme"},
                "kind": "report",
                "framework": "other",
                "jurisdiction": _place_data(spec.place),
                "issuer": {"zh": "工商联", "en": "Federation"},
                "period": spec.label,
                "actions": actions,
                "sources": [{"id": "report", "title": {"zh": "报告", "en": "Report"}}],
            }
        )
    return out


def corpus_json(
    n: int = 10_000,
    *,
    seed: int = 0,
    per_programme: int = 60,
    text: bool = False,
    unique: bool = False,
    distinct: bool = False,
) -> bytes:
    """The corpus as the UTF-8 bytes of a JSON array of programmes."""
    data = corpus_data(
        n, seed=seed, per_programme=per_programme, text=text, unique=unique, distinct=distinct
    )
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--indicators", type=int, default=1_000_000, help="how many indicators")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-programme", type=int, default=60)
    parser.add_argument("--text", action="store_true", help="write quantities as Chinese text")
    parser.add_argument("--unique", action="store_true", help="a distinct id and quote each")
    parser.add_argument("--distinct", action="store_true", help="a figure text of its own each")
    parser.add_argument("--out", type=Path, help="write one JSON array of programmes here")
    parser.add_argument("--out-dir", type=Path, help="write one JSON file per programme here")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.out is None and args.out_dir is None:
        built = corpus(args.indicators, seed=args.seed, per_programme=args.per_programme)
        count = sum(1 for p in built for _ in p.iter_indicators())
        print(
            f"built {len(built)} programmes, {count} indicators "
            f"in {time.perf_counter() - start:.2f} s"
        )
        return 0
    data = corpus_data(
        args.indicators,
        seed=args.seed,
        per_programme=args.per_programme,
        text=args.text,
        unique=args.unique,
        distinct=args.distinct,
    )
    if args.out is not None:
        args.out.write_bytes(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        )
    if args.out_dir is not None:
        args.out_dir.mkdir(parents=True, exist_ok=True)
        for programme in data:
            (args.out_dir / f"{programme['id']}.json").write_text(
                json.dumps(programme, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
    print(f"wrote {len(data)} programmes in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
