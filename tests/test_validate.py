"""validate(): every rule of the catalogue fires where it should and nowhere else.

Each case starts from a tidy programme that gives no finding at all, changes one thing,
and lists every finding that must follow, with its exact code, path and message.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import unitedfront
from unitedfront import Finding, Programme, Report, Severity, validate
from unitedfront._model import Explanation
from unitedfront._validate import MAX_QUOTE_CHARS, RULES, Rule
from unitedfront.errors import MissingExtraError

Data = dict[str, Any]

DOCS = Path(__file__).resolve().parents[1] / "docs" / "validation.md"


def quantity(
    text: str,
    value: int | str,
    unit: str | None,
    *,
    qualifier: str = "exact",
    low: int | str | None = None,
    high: int | str | None = None,
    ordinal: bool = False,
) -> Data:
    """A quantity as a file holds it; exact unless bounds are given."""
    exact = qualifier == "exact"
    return {
        "text": text,
        "value": str(value),
        "qualifier": qualifier,
        "low": str(value if exact else low) if (exact or low is not None) else None,
        "high": str(value if exact else high) if (exact or high is not None) else None,
        "low_inclusive": exact,
        "high_inclusive": exact,
        "unit": unit,
        "ordinal": ordinal,
    }


def indicator(
    id: str, q: Data, quote: str, *, metric: str | None = None, kind: str = "actual"
) -> Data:
    return {
        "id": id,
        "name": {"zh": "指标" + id, "en": f"Indicator {id}"},
        "metric": metric,
        "kind": kind,
        "quantity": q,
        "evidence": {"source": "briefing", "quote": quote},
    }


THEMES = ("advice", "innovation", "private_economy", "investment_talent", "common_prosperity")
FIGURES = {
    "advice": (
        "suggestions_adopted",
        quantity("470余条", 470, "条", qualifier="more_than", low=470, high=480),
        "采纳建议470余条",
    ),
    "innovation": ("innovation_bases", quantity("63个", 63, "个"), "建成创新基地63个"),
    "private_economy": ("enterprises_visited", quantity("1234家", 1234, "家"), "走访企业1234家"),
    "investment_talent": ("projects_agreed", quantity("15个", 15, "个"), "签约项目15个"),
    "common_prosperity": ("villages_paired", quantity("3702个", 3702, "个"), "结对村3702个"),
}

#: A source text of our own that holds every quote of the tidy programme.
SOURCE = (
    "2024年工作:采纳建议470余条,建成创新基地63个,走访企业1234家,签约项目15个,"
    "结对村3702个,高新产值占比72.65%,全省第3位。上半年走访企业1235家,变化-3家。"
    "今年以来累计走访企业1234家,连续三年服务企业1234家。"
)


def tidy() -> Data:
    """A five-actions programme that gives no finding, even against SOURCE."""
    actions = []
    for theme in THEMES:
        slug = theme.replace("_", "-")
        metric, q, quote = FIGURES[theme]
        actions.append(
            {
                "id": slug,
                "name": {"zh": "行动" + slug, "en": f"Action {slug}"},
                "theme": theme,
                "measures": [
                    {
                        "id": f"{slug}-m",
                        "name": {"zh": "措施" + slug, "en": f"Measure {slug}"},
                        "category": "platform",
                        "initiatives": ["威海企业家日"] if theme == "advice" else [],
                        "indicators": [indicator(f"{slug}-i", q, quote, metric=metric)],
                    }
                ],
            }
        )
    return {
        "id": "testville-2024",
        "title": {"zh": "测试方案", "en": "Test plan"},
        "kind": "report",
        "framework": "five_actions",
        "jurisdiction": {
            "code": "371000",
            "name": {"zh": "威海市", "en": "Weihai"},
            "level": "prefecture",
            "parent": "370000",
        },
        "issuer": "市委统战部",
        "period": "2024",
        "principles": ["坚持党的领导", "坚持服务大局"],
        "declared": [
            {"part": "actions", "count": 5},
            {"part": "aspects", "count": 5},
            {"part": "measures", "count": 5},
            {"part": "brands", "count": 1},
            {"part": "principles", "count": 2},
        ],
        "actions": actions,
        "indicators": [
            indicator(
                "share",
                quantity("72.65%", "72.65", "%"),
                "高新产值占比72.65%",
                metric="high_tech_output_share",
                kind="statistic",
            ),
            indicator(
                "rank",
                quantity("第3位", 3, "位", ordinal=True),
                "全省第3位",
                metric="innovation_capability_rank",
                kind="rank",
            ),
        ],
        "sources": [{"id": "briefing", "title": {"zh": "通报", "en": "Briefing"}}],
        "omitted": [
            {
                "text": "2024年",
                "reason": "date",
                "evidence": {"source": "briefing", "quote": "2024年工作"},
            }
        ],
    }


def build(data: Data) -> Programme:
    return Programme.model_validate(data)


def found(report: Report) -> list[tuple[str, str, str]]:
    return [(f.code, f.path, f.message) for f in report]


ADVICE_IND = "actions[0].measures[0].indicators[0]"
VISITS_IND = "actions[2].measures[0].indicators[0]"


def _ind(data: Data, theme_index: int) -> Data:
    result: Data = data["actions"][theme_index]["measures"][0]["indicators"][0]
    return result


# --------------------------------------------------------------------------- the tidy case


def test_the_tidy_programme_gives_no_finding_even_against_its_source() -> None:
    report = validate(build(tidy()), sources={"briefing": SOURCE})
    assert str(report) == "no findings"
    assert report.ok and len(report) == 0 and report.explained == ()


# --------------------------------------------------------------------------- each rule

Change = Callable[[Data], None]


def _set(path: tuple[Any, ...], value: Any) -> Change:
    def change(data: Data) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop_action(index: int) -> Change:
    def change(data: Data) -> None:
        del data["actions"][index]

    return change


def _empty_action(data: Data) -> None:
    data["actions"].append(
        {"id": "extra", "name": {"zh": "其他", "en": "Other"}, "theme": "general"}
    )
    data["declared"][0]["count"] = 6


def _declared_twice(count: int) -> Change:
    def change(data: Data) -> None:
        data["declared"].append({"part": "actions", "count": count})

    return change


def _duplicate_visits(q: Data, **extra: Any) -> Change:
    def change(data: Data) -> None:
        second = indicator("visits-again", q, "走访企业" + q["text"], metric="enterprises_visited")
        second.update(extra)
        data["indicators"].append(second)

    return change


def _explain(*explanations: tuple[str, str]) -> Change:
    def change(data: Data) -> None:
        data["explanations"] = [
            {"code": code, "path": path, "reason": "The source says so."}
            for code, path in explanations
        ]

    return change


def _both(*changes: Change) -> Change:
    def change(data: Data) -> None:
        for c in changes:
            c(data)

    return change


def _scope(code: str, level: str, parent: str | None) -> Change:
    return _set(
        ("indicators", 0, "scope"),
        {"code": code, "name": {"zh": "某地", "en": "Somewhere"}, "level": level, "parent": parent},
    )


def _jurisdiction(code: str, level: str, parent: str | None) -> Change:
    return _set(
        ("jurisdiction",),
        {"code": code, "name": {"zh": "某地", "en": "Somewhere"}, "level": level, "parent": parent},
    )


VISITS_IND_PATH: tuple[Any, ...] = ("actions", 2, "measures", 0, "indicators", 0)
VISITS_METRIC = ("actions", 2, "measures", 0, "indicators", 0, "metric")
VISITS_QUANTITY = ("actions", 2, "measures", 0, "indicators", 0, "quantity")
VISITS_QUOTE = ("actions", 2, "measures", 0, "indicators", 0, "evidence", "quote")
VISITS_KIND = ("actions", 2, "measures", 0, "indicators", 0, "kind")
SHARE_QUANTITY = ("indicators", 0, "quantity")
VILLAGES_QUANTITY = ("actions", 4, "measures", 0, "indicators", 0, "quantity")
NOT_IN_SOURCE = "does not occur in source 'briefing'"
RANK_QUANTITY = ("indicators", 1, "quantity")

# (case id, change, every finding that must follow as (code, path, message))
TRIGGERS: list[tuple[str, Change, list[tuple[str, str, str]]]] = [
    (
        "UF101-measures",
        _set(("declared", 2, "count"), 51),
        [("UF101", "declared[2]", "the programme declares 51 measures but lists 5")],
    ),
    (
        "UF101-aspects",
        _set(("actions", 0, "measures", 0, "category"), "other"),
        [
            (
                "UF101",
                "declared[1]",
                "the programme declares 5 aspects (distinct action and measure category "
                "pairs) but lists 4",
            )
        ],
    ),
    (
        "UF101-brands",
        _set(("declared", 3, "count"), 4),
        [
            (
                "UF101",
                "declared[3]",
                "the programme declares 4 brands (distinct named initiatives of its "
                "measures) but lists 1",
            )
        ],
    ),
    (
        "UF101-principles",
        _set(("principles",), ["坚持党的领导"]),
        [("UF101", "declared[4]", "the programme declares 2 principles but lists 1")],
    ),
    (
        "UF102",
        _declared_twice(6),
        [("UF102", "declared[5]", "actions is declared as 6 here and as 5 at declared[0]")],
    ),
    (
        "UF103",
        _empty_action,
        [("UF103", "actions[5]", "action 'extra' has neither measures nor indicators")],
    ),
    (
        "UF104",
        _both(_drop_action(4), _drop_action(1)),
        [
            ("UF101", "declared[0]", "the programme declares 5 actions but lists 3"),
            (
                "UF101",
                "declared[1]",
                "the programme declares 5 aspects (distinct action and measure category "
                "pairs) but lists 3",
            ),
            ("UF101", "declared[2]", "the programme declares 5 measures but lists 3"),
            (
                "UF104",
                "actions",
                "a five_actions programme has no action with the themes innovation, "
                "common_prosperity",
            ),
        ],
    ),
    (
        "UF201",
        _set(VISITS_QUOTE, "走访企业"),
        [
            (
                "UF201",
                f"{VISITS_IND}.evidence",
                "the quote '走访企业' does not hold the quantity '1234家'",
            ),
        ],
    ),
    (
        "UF203",
        _set(("omitted", 0, "text"), "2023年"),
        [
            (
                "UF203",
                "omitted[0].evidence",
                "the quote '2024年工作' does not hold the omitted figure '2023年'",
            )
        ],
    ),
    (
        "UF206",
        _set(("omitted", 0, "evidence", "quote"), "2024年工作" + "好" * (MAX_QUOTE_CHARS - 6)),
        [
            (
                "UF202",
                "omitted[0].evidence",
                f"the quote {'2024年工作' + '好' * (MAX_QUOTE_CHARS - 6)!r} does not occur in "
                "source 'briefing'",
            ),
            ("UF206", "omitted[0].evidence", "the quote is 41 characters long (more than 40)"),
        ],
    ),
    (
        "UF301",
        _set(VISITS_METRIC, "enterprises_visitd"),
        [
            (
                "UF301",
                f"{VISITS_IND}.metric",
                "'enterprises_visitd' is not a metric of the vocabulary",
            )
        ],
    ),
    (
        "UF302",
        _set(VISITS_METRIC, "rural_investment"),
        [
            (
                "UF302",
                f"{VISITS_IND}.quantity",
                "metric 'rural_investment' takes money figures, but '1234家' (unit '家') is count",
            )
        ],
    ),
    (
        "UF303-above",
        _both(
            _set(SHARE_QUANTITY, quantity("120%", 120, "%")),
            _set(("indicators", 0, "evidence", "quote"), "占比120%"),
        ),
        [
            ("UF303", "indicators[0].quantity", "the share '120%' is 120%, outside 0 to 100"),
            ("UF202", "indicators[0].evidence", f"the quote '占比120%' {NOT_IN_SOURCE}"),
        ],
    ),
    (
        "UF303-below",
        _both(
            _set(SHARE_QUANTITY, quantity("-0.5%", "-0.5", "%")),
            _set(("indicators", 0, "evidence", "quote"), "占比-0.5%"),
        ),
        [
            ("UF303", "indicators[0].quantity", "the share '-0.5%' is -0.5%, outside 0 to 100"),
            ("UF202", "indicators[0].evidence", f"the quote '占比-0.5%' {NOT_IN_SOURCE}"),
        ],
    ),
    (
        "UF304-zero",
        _both(
            _set(RANK_QUANTITY, quantity("第0位", 0, "位", ordinal=True)),
            _set(("indicators", 1, "evidence", "quote"), "第0位"),
        ),
        [
            ("UF304", "indicators[1].quantity", "the rank '第0位' is 0, below 1"),
            ("UF202", "indicators[1].evidence", f"the quote '第0位' {NOT_IN_SOURCE}"),
        ],
    ),
    (
        "UF304-fraction",
        _both(
            _set(RANK_QUANTITY, quantity("第2.5位", "2.5", "位", ordinal=True)),
            _set(("indicators", 1, "evidence", "quote"), "第2.5位"),
        ),
        [
            ("UF304", "indicators[1].quantity", "the rank '第2.5位' is 2.5, not a whole number"),
            ("UF202", "indicators[1].evidence", f"the quote '第2.5位' {NOT_IN_SOURCE}"),
        ],
    ),
    (
        "UF305",
        _both(
            _set(VISITS_KIND, "structure"),
            _set(VISITS_METRIC, None),
            _set(VISITS_QUANTITY, quantity("1234.5家", "1234.5", "家")),
            _set(VISITS_QUOTE, "走访企业1234.5家"),
        ),
        [
            (
                "UF305",
                f"{VISITS_IND}.quantity",
                "the structure count '1234.5家' is 1234.5, not a whole number",
            ),
            ("UF202", f"{VISITS_IND}.evidence", f"the quote '走访企业1234.5家' {NOT_IN_SOURCE}"),
        ],
    ),
    (
        "UF306",
        _set(VISITS_KIND, "rank"),
        [
            (
                "UF306",
                f"{VISITS_IND}.kind",
                "the indicator is of kind 'rank' but '1234家' is not an ordinal (第N)",
            )
        ],
    ),
    (
        "UF307",
        _both(
            _set(VISITS_QUANTITY, quantity("-3家", -3, "家")),
            _set(VISITS_QUOTE, "走访企业-3家"),
        ),
        [
            (
                "UF307",
                f"{VISITS_IND}.quantity",
                "'-3家' is below zero, but metric 'enterprises_visited' counts things",
            ),
            ("UF202", f"{VISITS_IND}.evidence", f"the quote '走访企业-3家' {NOT_IN_SOURCE}"),
        ],
    ),
    (
        "UF308",
        _set(VISITS_QUOTE, "连续三年服务企业1234家"),
        [
            (
                "UF310",
                f"{VISITS_IND}.metric",
                "the quote holds '服务企业', which metric 'enterprises_visited' does not cover "
                "(enterprises_assisted covers it)",
            ),
            (
                "UF308",
                f"{VISITS_IND}.temporal",
                "the quote says 连续三年: a running total over 3 years, but the figure is "
                "recorded as without a temporal nature with no span or period",
            ),
        ],
    ),
    (
        "UF308-this-year",
        _both(
            _set(VISITS_QUOTE, "今年以来累计走访企业1234家"),
            _set((*VISITS_IND_PATH, "period"), "2024-03/2024-06"),
            _set((*VISITS_IND_PATH, "cumulative"), True),
        ),
        [
            (
                "UF308",
                f"{VISITS_IND}.temporal",
                "the quote says 今年以来: a running total from 1 January, but the figure is "
                "recorded as running_total from 2024-03-01",
            ),
        ],
    ),
    (
        "UF309",
        _set((*VISITS_IND_PATH, "as_of"), "2024-06-30"),
        [
            (
                "UF309",
                f"{VISITS_IND}.temporal",
                "the figure is a snapshot, but metric 'enterprises_visited' takes flow figures",
            ),
        ],
    ),
    (
        "UF310",
        _both(
            _set(VISITS_QUOTE, "连续三年服务企业1234家"),
            _set((*VISITS_IND_PATH, "span"), "P3Y"),
            _set((*VISITS_IND_PATH, "cumulative"), True),
        ),
        [
            (
                "UF310",
                f"{VISITS_IND}.metric",
                "the quote holds '服务企业', which metric 'enterprises_visited' does not cover "
                "(enterprises_assisted covers it)",
            ),
        ],
    ),
    (
        "UF401",
        _duplicate_visits(quantity("1235家", 1235, "家")),
        [
            (
                "UF401",
                "indicators[2]",
                "enterprises_visited (actual, 371000, not dated) is '1235家' here but '1234家' "
                f"at {VISITS_IND} [private-economy-i]",
            ),
        ],
    ),
    (
        "UF402",
        _duplicate_visits(quantity("1234家", 1234, "家")),
        [
            (
                "UF402",
                "indicators[2]",
                "enterprises_visited (actual, 371000, not dated) repeats the figure '1234家' of "
                f"{VISITS_IND} [private-economy-i]",
            ),
        ],
    ),
    (
        # The file lists an action's measures before its own figures: the measure's figure
        # is the first, though the walk reaches the action's own figure before it.
        "UF402-an-action-repeating-its-measure",
        _set(
            ("actions", 2, "indicators"),
            [
                indicator(
                    "visits-again",
                    quantity("1234家", 1234, "家"),
                    "走访企业1234家",
                    metric="enterprises_visited",
                )
            ],
        ),
        [
            (
                "UF402",
                "actions[2].indicators[0]",
                "enterprises_visited (actual, 371000, not dated) repeats the figure '1234家' of "
                f"{VISITS_IND} [private-economy-i]",
            ),
        ],
    ),
    (
        "UF403-period",
        _set(("indicators", 0, "period"), "2023"),
        [
            (
                "UF403",
                "indicators[0].period",
                "the indicator's period 2023 lies outside the programme's period 2024",
            )
        ],
    ),
    (
        "UF403-as-of",
        _set(("indicators", 0, "as_of"), "2025-01-31"),
        [
            (
                "UF403",
                "indicators[0].as_of",
                "the indicator's date 2025-01-31 lies outside the programme's period 2024",
            )
        ],
    ),
    (
        "UF404",
        _set(("actions", 1, "measures", 0, "due"), "2025-03-01"),
        [
            (
                "UF404",
                "actions[1].measures[0].due",
                "the measure is due 2025-03-01, outside the programme's period 2024",
            )
        ],
    ),
    (
        "UF501-length",
        _jurisdiction("37100", "prefecture", "370000"),
        [
            (
                "UF501",
                "jurisdiction.code",
                "'37100' is not six digits; a GB/T 2260 code is six digits starting with a "
                "province's two (37 for Shandong)",
            )
        ],
    ),
    (
        "UF501-province",
        _scope("991000", "prefecture", "990000"),
        [
            (
                "UF501",
                "indicators[0].scope.code",
                "'991000' names no province; a GB/T 2260 code is six digits starting with a "
                "province's two (37 for Shandong)",
            )
        ],
    ),
    (
        "UF502",
        _jurisdiction("370000", "prefecture", "370000"),
        [
            (
                "UF502",
                "jurisdiction.code",
                "370000 does not fit the level prefecture: a province's code ends in 0000, "
                "a prefecture's in 00 (not 0000), a county's not in 00",
            )
        ],
    ),
    (
        "UF503-prefecture",
        _jurisdiction("371000", "prefecture", "360000"),
        [
            (
                "UF503",
                "jurisdiction.parent",
                "the prefecture 371000 has the parent '360000', which does not contain it",
            )
        ],
    ),
    (
        "UF503-province",
        _jurisdiction("370000", "province", "100000"),
        [
            (
                "UF503",
                "jurisdiction.parent",
                "the province 370000 has the parent '100000'; a province has none",
            )
        ],
    ),
    (
        "UF503-county",
        _scope("371002", "county", "370000"),
        [
            (
                "UF503",
                "indicators[0].scope.parent",
                "the county 371002 has the parent '370000', which does not contain it",
            )
        ],
    ),
    (
        "UF504",
        _jurisdiction("371000", "prefecture", None),
        [("UF504", "jurisdiction.parent", "the prefecture 371000 has no parent code")],
    ),
    (
        "UF601",
        _both(
            _set(("title", "en"), None),
            _set(("actions", 0, "name"), "行动"),
            _set(("actions", 0, "measures", 0, "name", "en"), None),
            _set(("actions", 0, "measures", 0, "indicators", 0, "name"), "建议"),
        ),
        [
            ("UF601", "title", "the programme title has no English text"),
            ("UF601", "actions[0].name", "the action name '行动' has no English text"),
            (
                "UF601",
                "actions[0].measures[0].name",
                "the measure name '措施advice' has no English text",
            ),
            ("UF601", f"{ADVICE_IND}.name", "the indicator name '建议' has no English text"),
        ],
    ),
    (
        "UF901",
        _explain(("UF101", "declared[0]")),
        [("UF901", "explanations[0]", "no UF101 finding was made at declared[0]")],
    ),
    (
        "UF902",
        _both(_set(VISITS_METRIC, "nope"), _explain(("UF301", f"{VISITS_IND}.metric"))),
        [
            ("UF301", f"{VISITS_IND}.metric", "'nope' is not a metric of the vocabulary"),
            (
                "UF902",
                "explanations[0]",
                f"UF301 at {VISITS_IND}.metric is an error, which cannot be explained away",
            ),
        ],
    ),
    (
        "UF903",
        _both(
            _set(("declared", 2, "count"), 51),
            _explain(("UF101", "declared[2]"), ("UF101", "declared[2]")),
        ),
        [
            (
                "UF903",
                "explanations[1]",
                "UF101 at declared[2] is already explained at explanations[0]",
            )
        ],
    ),
]

# (case id, change that looks like a trigger but must give no finding)
NON_TRIGGERS: list[tuple[str, Change]] = [
    ("UF101", lambda data: None),
    ("UF102", _declared_twice(5)),
    (
        "UF103",
        _both(
            _empty_action,
            _set(
                ("actions", 5, "indicators"),
                [indicator("extra-i", quantity("1234家", 1234, "家"), "走访企业1234家")],
            ),
        ),
    ),
    ("UF104", _both(_drop_action(4), _set(("framework",), "other"), _set(("declared",), []))),
    # The quantity is written in traditional script, the quote is normalized.
    ("UF201", _set(VILLAGES_QUANTITY, quantity("3702個", 3702, "个"))),
    ("UF202", _set(VISITS_QUOTE, "1234家")),
    ("UF203", _set(("omitted", 0, "text"), "2024")),
    ("UF206", _set(("omitted", 0, "evidence", "quote"), "2024年工作")),
    ("UF301", _set(VISITS_METRIC, None)),
    ("UF302", _set(VISITS_METRIC, "problems_resolved")),
    (
        "UF303",
        _set(
            SHARE_QUANTITY,
            quantity("72.65%", "72.65", "%", qualifier="about", low="65.385", high="79.915"),
        ),
    ),
    ("UF304", _set(RANK_QUANTITY, quantity("第3位", 3, "位", ordinal=True))),
    ("UF305", _both(_set(VISITS_KIND, "structure"), _set(VISITS_METRIC, None))),
    ("UF306", _set(("indicators", 1, "kind"), "rank")),
    (
        "UF307",
        _both(
            _set(VISITS_METRIC, None),
            _set(VISITS_QUANTITY, quantity("-3家", -3, "家")),
            _set(VISITS_QUOTE, "变化-3家"),
        ),
    ),
    (
        "UF308",
        _both(
            _set(VISITS_QUOTE, "今年以来累计走访企业1234家"),
            _set((*VISITS_IND_PATH, "period"), "2024-01/2024-06"),
            _set((*VISITS_IND_PATH, "cumulative"), True),
        ),
    ),
    (
        "UF309",
        _both(
            _set((*VISITS_IND_PATH, "as_of"), "2024-06-30"),
            _set((*VISITS_IND_PATH, "cumulative"), True),
        ),
    ),
    (
        "UF310",
        _both(
            _set(VISITS_QUOTE, "连续三年服务企业1234家"),
            _set(VISITS_METRIC, "enterprises_assisted"),
            _set((*VISITS_IND_PATH, "span"), "P3Y"),
            _set((*VISITS_IND_PATH, "cumulative"), True),
        ),
    ),
    ("UF401", _duplicate_visits(quantity("1235家", 1235, "家"), period="2024-06")),
    ("UF402", _duplicate_visits(quantity("1234家", 1234, "家"), kind="target")),
    ("UF403", _set(("indicators", 0, "as_of"), "2024-12-31")),
    ("UF404", _set(("actions", 1, "measures", 0, "due"), "2024-12-31")),
    ("UF501", _scope("429004", "county", "420000")),
    ("UF502", _jurisdiction("370000", "province", None)),
    ("UF503", _scope("110101", "county", "110000")),
    ("UF504", _jurisdiction("370000", "province", None)),
    ("UF601", _set(("issuer",), "市委统战部")),
    (
        "UF901",
        _both(_set(("declared", 2, "count"), 51), _explain(("UF101", "declared[2]"))),
    ),
    (
        "UF902",
        _both(_set(("declared", 2, "count"), 51), _explain(("UF101", "declared[2]"))),
    ),
    (
        "UF903",
        _both(
            _set(("declared", 2, "count"), 51),
            _set(("declared", 1, "count"), 4),
            _explain(("UF101", "declared[1]"), ("UF101", "declared[2]")),
        ),
    ),
]


@pytest.mark.parametrize(("case", "change", "expected"), TRIGGERS, ids=[c[0] for c in TRIGGERS])
def test_a_rule_fires_with_its_exact_finding(
    case: str, change: Change, expected: list[tuple[str, str, str]]
) -> None:
    """The change gives exactly the expected findings, in document order."""
    data = tidy()
    change(data)
    report = validate(build(data), sources={"briefing": SOURCE})
    assert found(report) == expected
    assert case.split("-")[0] in report.codes


@pytest.mark.parametrize(("case", "change"), NON_TRIGGERS, ids=[c[0] for c in NON_TRIGGERS])
def test_a_rule_stays_silent_where_nothing_is_wrong(case: str, change: Change) -> None:
    """A change close to the rule's trigger gives no finding of that rule, nor any other."""
    data = tidy()
    change(data)
    report = validate(build(data), sources={"briefing": SOURCE})
    assert found(report) == []


def test_every_rule_has_a_trigger_and_a_non_trigger_case() -> None:
    """Each code of the catalogue is exercised both ways (source rules are tested below)."""
    by_sources = {"UF202", "UF204", "UF205", "UF207"}
    by_drafts = {"UF701"}  # Draft.validate only: tests/test_drafting.py, both ways
    triggered = {case.split("-")[0] for case, _, _ in TRIGGERS} | by_sources | by_drafts
    silent = {case for case, _ in NON_TRIGGERS} | by_sources | by_drafts
    codes = {rule.code for rule in RULES}
    assert triggered == codes
    assert silent == codes


# --------------------------------------------------------------------------- hints


def test_an_unknown_metric_hints_at_the_closest_codes() -> None:
    data = tidy()
    _set(VISITS_METRIC, "enterprises_visitd")(data)
    (finding,) = validate(build(data))
    assert finding.hint == (
        "did you mean 'enterprises_visited', 'enterprises_assisted', 'enterprises_with_rd_share'?"
    )
    assert finding.id == "private-economy-i"
    assert finding.severity is Severity.ERROR


def test_a_missing_parent_hints_at_the_code_that_fits() -> None:
    data = tidy()
    _scope("371002", "county", None)(data)
    (finding,) = validate(build(data))
    assert (finding.code, finding.hint) == ("UF504", "set parent to 371000")
    assert finding.id == "share"


# --------------------------------------------------------------------------- sources


def test_quotes_are_found_in_a_traditional_source_with_pinyin() -> None:
    """The source is normalized (script, pinyin, widths) before quotes are looked for."""
    traditional = (
        "2024年工作:採納建議470餘條,建成創(chuàng)新基地63個,走訪企業１２３４家,"
        "簽約項目15個,結對村3702個,高新產值佔比72.65%,全省第3位。"
    )
    assert found(validate(build(tidy()), sources={"briefing": traditional})) == []


def test_a_source_without_text_is_noted_and_its_quotes_are_not_checked() -> None:
    data = tidy()
    _set(VISITS_QUOTE, "1234家 不在原文中")(data)
    data["sources"].append({"id": "minutes", "title": {"zh": "纪要", "en": "Minutes"}})
    report = validate(build(data), sources={"minutes": "纪要全文"})
    assert found(report) == [
        (
            "UF204",
            "sources[0]",
            "no text was given for source 'briefing'; its quotes were not checked",
        ),
    ]
    assert report.infos[0].id == "briefing"


def test_every_source_given_makes_uf204_silent() -> None:
    data = tidy()
    data["sources"].append({"id": "minutes", "title": {"zh": "纪要", "en": "Minutes"}})
    report = validate(build(data), sources={"briefing": SOURCE, "minutes": "纪要"})
    assert found(report) == []


def test_a_text_under_an_unknown_source_id_is_a_warning() -> None:
    report = validate(build(tidy()), sources={"briefing": SOURCE, "brefing": SOURCE})
    assert found(report) == [
        (
            "UF205",
            "sources",
            "a source text was given for 'brefing', which is not one of the programme's "
            "sources (briefing)",
        )
    ]
    assert report.warnings[0].id == "brefing"


def test_without_sources_no_quote_is_looked_for() -> None:
    data = tidy()
    _set(VISITS_QUOTE, "不在原文中的1234家")(data)
    assert found(validate(build(data))) == []
    assert found(validate(build(data), sources={"briefing": SOURCE}))[0][0] == "UF202"


def test_each_source_is_normalized_once_per_call(monkeypatch: pytest.MonkeyPatch) -> None:
    from unitedfront import _normalize

    calls: list[str] = []
    real = _normalize.normalize_source

    def counting(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(_normalize, "normalize_source", counting)
    validate(build(tidy()), sources={"briefing": SOURCE})
    assert calls.count(SOURCE) == 1


def test_without_opencc_unchecked_quotes_are_noted_not_failed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A missing extra never makes validate raise or report a quote as wrong."""
    from unitedfront import _normalize

    def no_opencc(text: str) -> str:
        raise MissingExtraError("opencc", "opencc", "Converting traditional to simplified")

    monkeypatch.setattr(_normalize, "normalize_source", no_opencc)
    data = tidy()
    _set(VISITS_QUANTITY, quantity("1,234家", 1234, "家"))(data)
    report = validate(build(data), sources={"briefing": SOURCE})
    assert found(report) == [
        (
            "UF207",
            "sources",
            "9 quote checks could not be made: converting traditional script needs the "
            "opencc extra",
        )
    ]
    assert report.infos[0].hint == "pip install 'unitedfront[opencc]'"


def test_with_opencc_uf207_stays_silent() -> None:
    data = tidy()
    _set(VISITS_QUANTITY, quantity("1234傢", 1234, "家"))(data)
    assert found(validate(build(data), sources={"briefing": SOURCE})) == []


# --------------------------------------------------------------------------- explanations


def test_an_explained_warning_moves_out_of_the_findings_with_its_reason() -> None:
    data = tidy()
    _set(("declared", 2, "count"), 51)(data)
    data["explanations"] = [
        {"code": "UF101", "path": "declared[2]", "reason": "The source counts 51 but lists 5."}
    ]
    report = validate(build(data))
    assert found(report) == []
    ((finding, reason),) = report.explained
    assert (finding.code, finding.path, reason) == (
        "UF101",
        "declared[2]",
        "The source counts 51 but lists 5.",
    )
    assert report.to_dict()["counts"] == {"error": 0, "warning": 0, "info": 0, "explained": 1}


def test_an_info_can_be_explained_too() -> None:
    data = tidy()
    data["title"]["en"] = None
    data["explanations"] = [{"code": "UF601", "path": "title", "reason": "No English title."}]
    report = validate(build(data))
    assert len(report) == 0 and len(report.explained) == 1


def test_an_error_stays_an_error_whatever_the_explanation() -> None:
    data = tidy()
    _set(VISITS_METRIC, "nope")(data)
    data["explanations"] = [
        {"code": "UF301", "path": f"{VISITS_IND}.metric", "reason": "It is fine."}
    ]
    report = validate(build(data))
    assert not report.ok
    assert [f.code for f in report.errors] == ["UF301"]
    assert report.explained == ()


def test_explanations_are_refused_by_the_model_when_malformed() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="code"):
        Explanation(code="W101", path="title", reason="x")
    with pytest.raises(ValidationError, match="path"):
        Explanation(code="UF101", path="actions[0]..name", reason="x")
    with pytest.raises(ValidationError, match="reason"):
        Explanation(code="UF101", path="title", reason="  ")


# --------------------------------------------------------------------------- the report


def _small_report() -> Report:
    data = tidy()
    _set(("title", "en"), None)(data)
    _set(("declared", 2, "count"), 51)(data)
    _set(VISITS_METRIC, "nope")(data)
    return validate(build(data))


def test_the_report_sorts_by_place_in_the_file_then_code() -> None:
    data = tidy()
    _set(("title", "en"), None)(data)
    _jurisdiction("371000", "prefecture", None)(data)
    _set(("declared", 2, "count"), 51)(data)
    _set(VISITS_METRIC, "nope")(data)
    _set(VISITS_KIND, "rank")(data)
    _set(("indicators", 0, "period"), "2023")(data)
    paths = [(f.path, f.code) for f in validate(build(data))]
    assert paths == [
        ("title", "UF601"),
        ("jurisdiction.parent", "UF504"),
        ("declared[2]", "UF101"),
        (f"{VISITS_IND}.metric", "UF301"),
        (f"{VISITS_IND}.kind", "UF306"),
        ("indicators[0].period", "UF403"),
    ]


def test_report_properties_split_findings_by_severity() -> None:
    report = _small_report()
    assert not report.ok
    assert [f.code for f in report.errors] == ["UF301"]
    assert [f.code for f in report.warnings] == ["UF101"]
    assert [f.code for f in report.infos] == ["UF601"]
    assert len(report) == 3 and [f.code for f in report] == ["UF601", "UF101", "UF301"]
    assert report.codes == ("UF101", "UF301", "UF601")
    assert report.programme == "testville-2024"


def test_str_gives_one_line_per_finding() -> None:
    assert str(_small_report()).splitlines() == [
        "UF601 info title: the programme title has no English text",
        "UF101 warning declared[2]: the programme declares 51 measures but lists 5 (hint: list "
        "what the source lists, or explain the difference in explanations if the source's own "
        "count is off)",
        f"UF301 error {VISITS_IND}.metric [private-economy-i]: 'nope' is not a metric of the "
        "vocabulary (hint: use a code of unitedfront.metrics(), or leave metric empty)",
    ]


def test_the_json_form_has_a_stable_documented_shape() -> None:
    data = tidy()
    _set(VISITS_METRIC, "nope")(data)
    data["title"]["en"] = None
    data["explanations"] = [{"code": "UF601", "path": "title", "reason": "No English title."}]
    report = validate(build(data))
    assert report.to_dict() == {
        "format": 1,
        "programme": "testville-2024",
        "ok": False,
        "counts": {"error": 1, "warning": 0, "info": 0, "explained": 1},
        "findings": [
            {
                "code": "UF301",
                "severity": "error",
                "path": f"{VISITS_IND}.metric",
                "id": "private-economy-i",
                "message": "'nope' is not a metric of the vocabulary",
                "hint": "use a code of unitedfront.metrics(), or leave metric empty",
            }
        ],
        "explained": [
            {
                "code": "UF601",
                "severity": "info",
                "path": "title",
                "id": None,
                "message": "the programme title has no English text",
                "hint": None,
                "reason": "No English title.",
            }
        ],
    }
    assert json.loads(report.to_json()) == report.to_dict()
    assert "'nope'" in report.to_json(indent=None)


def test_validate_is_deterministic() -> None:
    data = tidy()
    _set(("declared", 2, "count"), 51)(data)
    _duplicate_visits(quantity("1235家", 1235, "家"))(data)
    programme = build(data)
    assert validate(programme) == validate(programme)
    assert validate(programme).to_json() == validate(build(copy.deepcopy(data))).to_json()


def test_findings_and_reports_are_frozen() -> None:
    import attrs

    report = _small_report()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.findings = ()  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.findings[0].code = "UF999"  # type: ignore[misc]


def test_a_finding_knows_its_rule() -> None:
    finding = Finding("UF303", Severity.ERROR, "indicators[0].quantity", "share", "x")
    assert finding.rule.title == "share out of range"
    assert str(finding) == "UF303 error indicators[0].quantity [share]: x"


# --------------------------------------------------------------------------- the catalogue


def test_rule_codes_are_unique_well_formed_and_in_order() -> None:
    codes = [rule.code for rule in RULES]
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)
    assert all(re.fullmatch(r"UF\d{3}", code) for code in codes)
    assert all(isinstance(rule, Rule) and rule.title and rule.description for rule in RULES)
    assert all(len(rule.description) < 200 and "\n" not in rule.description for rule in RULES)


def test_every_rule_is_documented_with_its_title_severity_and_an_example() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for rule in RULES:
        heading = f"### {rule.code}: {rule.title}"
        assert heading in docs, f"docs/validation.md lacks the heading {heading!r}"
        section = docs.split(heading, 1)[1].split("\n### ", 1)[0]
        assert f"Severity: **{rule.severity.value}**" in section, rule.code
        assert "```" in section, f"{rule.code} has no example in docs/validation.md"
        assert f"{rule.code} {rule.severity.value} " in section, rule.code


def test_the_public_names_are_exported() -> None:
    assert unitedfront.validate is validate
    assert unitedfront.Severity.WARNING.value == "warning"
    assert {unitedfront.Finding, unitedfront.Report} == {Finding, Report}
