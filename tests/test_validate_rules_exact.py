"""validate(): the whole of each finding (id and hint too), and the edges of each rule.

tests/test_validate.py pins the code, path and message of every rule's finding. A user
also reads the id (which entity to open) and the hint (what to do), and relies on where
a rule's threshold lies: a share of exactly 100% is fine, a rank of 1 is fine, a quote
of exactly 40 characters is fine. These cases pin those, each from the tidy programme of
tests/test_validate.py with one change.
"""

from __future__ import annotations

import json
from typing import Any, cast

import pytest

from tests.test_validate import (
    SOURCE,
    VISITS_IND,
    VISITS_KIND,
    VISITS_METRIC,
    VISITS_QUANTITY,
    VISITS_QUOTE,
    Change,
    Data,
    _both,
    _drop_action,
    _empty_action,
    _explain,
    _jurisdiction,
    _scope,
    _set,
    build,
    indicator,
    quantity,
    tidy,
)
from unitedfront import Report, validate
from unitedfront._model import Action, Jurisdiction, Measure, Programme
from unitedfront._validate import _nested_model
from unitedfront.errors import MissingExtraError

#: A finding as a user sees all of it: code, path, id, message, hint.
Whole = tuple[str, str, str | None, str, str | None]

SHARE_QUOTE = ("indicators", 0, "evidence", "quote")
RANK_QUANTITY = ("indicators", 1, "quantity")
RANK_QUOTE = ("indicators", 1, "evidence", "quote")

HINT_UF202 = (
    "copy the quote from the source as normalize_source leaves it: simplified script, "
    "bracketed pinyin removed, full-width forms folded, spaces folded"
)
HINT_UF302 = "choose the metric that counts what the figure counts"
HINT_UF303 = "a change or growth rate is not a share: give it no share metric"
HINT_UF304 = "a rank counts places from 1 (first)"
HINT_UF305 = "a structure indicator counts the programme's own parts"
HINT_UF306 = "a rank is written 第N and has kind 'rank'"
HINT_UF501 = "look the code up in the GB/T 2260 list (371000 is Weihai)"
UF501_TAIL = "a GB/T 2260 code is six digits starting with a province's two (37 for Shandong)"
UF502_TAIL = "a province's code ends in 0000, a prefecture's in 00 (not 0000), a county's not in 00"


def whole(report: Report) -> list[Whole]:
    return [(f.code, f.path, f.id, f.message, f.hint) for f in report]


def report_of(change: Change, sources: dict[str, str] | None = None) -> Report:
    data = tidy()
    change(data)
    return validate(build(data), sources=sources)


def _visits(
    q: Data | str, quote: str, *, metric: str | None = None, kind: str = "actual"
) -> Change:
    """The visits indicator with another quantity, quote, metric and kind."""
    return _both(
        _set(VISITS_QUANTITY, q),
        _set(VISITS_QUOTE, quote),
        _set(VISITS_METRIC, metric),
        _set(VISITS_KIND, kind),
    )


def _share(q: Data | str, quote: str) -> Change:
    return _both(_set(("indicators", 0, "quantity"), q), _set(SHARE_QUOTE, quote))


def _rank(q: Data | str, quote: str) -> Change:
    return _both(_set(RANK_QUANTITY, q), _set(RANK_QUOTE, quote))


def _insert_declared(index: int, part: str, count: int) -> Change:
    def change(data: Data) -> None:
        data["declared"].insert(index, {"part": part, "count": count})

    return change


def _add_indicators(*indicators: Data) -> Change:
    def change(data: Data) -> None:
        data["indicators"].extend(indicators)

    return change


def _dated(id: str, q: Data, quote: str, as_of: str) -> Data:
    result = indicator(id, q, quote, metric="villages_paired")
    result["as_of"] = as_of
    return result


# (case id, change, every finding that must follow, whole)
CASES: list[tuple[str, Change, list[Whole]]] = [
    # ------------------------------------------------------------------ 1xx structure
    (
        "UF102-and-a-later-count-still-checked",
        _both(_insert_declared(1, "actions", 6), _set(("declared", 3, "count"), 51)),
        [
            (
                "UF102",
                "declared[1]",
                None,
                "actions is declared as 6 here and as 5 at declared[0]",
                "keep one declared count per part",
            ),
            (
                "UF101",
                "declared[3]",
                None,
                "the programme declares 51 measures but lists 5",
                "list what the source lists, or explain the difference in explanations if the "
                "source's own count is off",
            ),
        ],
    ),
    (
        "UF102-same-count-then-a-later-count",
        _both(_insert_declared(1, "actions", 5), _set(("declared", 5, "count"), 3)),
        [
            (
                "UF101",
                "declared[5]",
                None,
                "the programme declares 3 principles but lists 2",
                "list what the source lists, or explain the difference in explanations if the "
                "source's own count is off",
            ),
        ],
    ),
    (
        "UF103",
        _empty_action,
        [
            (
                "UF103",
                "actions[5]",
                "extra",
                "action 'extra' has neither measures nor indicators",
                "add the measures and figures the source gives for it",
            )
        ],
    ),
    (
        "UF104-one-theme",
        _both(_drop_action(4), _set(("declared",), [])),
        [
            (
                "UF104",
                "actions",
                None,
                "a five_actions programme has no action with the theme common_prosperity",
                "map each of the five actions to its theme",
            )
        ],
    ),
    # ------------------------------------------------------------------ 2xx evidence
    (
        "UF201",
        _set(VISITS_QUOTE, "走访企业"),
        [
            (
                "UF201",
                f"{VISITS_IND}.evidence",
                "private-economy-i",
                "the quote '走访企业' does not hold the quantity '1234家'",
                "if the quantity was mistyped, correct it to the figure as the quote writes "
                "it; if the quote is wrong, quote the shortest phrase of the source that holds "
                "the figure as written",
            )
        ],
    ),
    (
        "UF203",
        _set(("omitted", 0, "text"), "2023年"),
        [
            (
                "UF203",
                "omitted[0].evidence",
                None,
                "the quote '2024年工作' does not hold the omitted figure '2023年'",
                "quote the phrase of the source that holds the figure",
            )
        ],
    ),
    ("UF206-exactly-40", _set(VISITS_QUOTE, "走访企业1234家" + "好" * 31), []),
    (
        "UF206-41",
        _set(VISITS_QUOTE, "走访企业1234家" + "好" * 32),
        [
            (
                "UF206",
                f"{VISITS_IND}.evidence",
                "private-economy-i",
                "the quote is 41 characters long (more than 40)",
                "quote only the shortest phrase that holds the figure",
            )
        ],
    ),
    # ------------------------------------------------------------------ 3xx figures
    (
        "UF302-no-unit",
        _visits("1234", "走访企业1234家", metric="rural_investment"),
        [
            (
                "UF302",
                f"{VISITS_IND}.quantity",
                "private-economy-i",
                "metric 'rural_investment' takes money figures, but '1234' (no unit) is count",
                HINT_UF302,
            )
        ],
    ),
    (
        "UF302-ordinal",
        _set(("indicators", 1, "metric"), "rural_investment"),
        [
            (
                "UF302",
                "indicators[1].quantity",
                "rank",
                "metric 'rural_investment' takes money figures, but '第3位' (unit '位', an "
                "ordinal) is rank",
                HINT_UF302,
            )
        ],
    ),
    (
        "UF307-person-times",
        _visits(
            quantity("-3人次", -3, "人次"),
            "培训-3人次",
            metric="entrepreneur_training_attendances",
        ),
        [
            (
                "UF307",
                f"{VISITS_IND}.quantity",
                "private-economy-i",
                "'-3人次' is below zero, but metric 'entrepreneur_training_attendances' counts "
                "person-times",
                None,
            )
        ],
    ),
    ("UF307-zero-is-a-count", _visits("0家", "走访企业0家", metric="enterprises_visited"), []),
    (
        "UF307-zero-person-times",
        _visits("0人次", "培训0人次", metric="entrepreneur_training_attendances"),
        [],
    ),
    ("UF303-zero-percent", _share("0%", "占比0%"), []),
    ("UF303-a-hundred-percent", _share("100%", "占比100%"), []),
    (
        "UF303-just-above-a-hundred-percent",
        _share("100.01%", "占比100.01%"),
        [
            (
                "UF303",
                "indicators[0].quantity",
                "share",
                "the share '100.01%' is 100.01%, outside 0 to 100",
                HINT_UF303,
            )
        ],
    ),
    # 约98% implies up to 107.8%, but the share stated is 98%.
    ("UF303-about-98-percent", _share("约98%", "占比约98%"), []),
    ("UF303-at-least-98-percent", _share("98%以上", "占比98%以上"), []),
    (
        "UF303-range-upper-end",
        _share("60%至120%", "占比60%至120%"),
        [
            (
                "UF303",
                "indicators[0].quantity",
                "share",
                "the share '60%至120%' is 120%, outside 0 to 100",
                HINT_UF303,
            )
        ],
    ),
    (
        "UF303-range-lower-end",
        _share(quantity("-5%至20%", -5, "%", qualifier="range", low=-5, high=20), "占比-5%至20%"),
        [
            (
                "UF303",
                "indicators[0].quantity",
                "share",
                "the share '-5%至20%' is -5%, outside 0 to 100",
                HINT_UF303,
            )
        ],
    ),
    (
        # A figure given in exponent form is written out in the message.
        "UF303-exponent-form",
        _share(quantity("120%", "1.2E+2", "%"), "占比120%"),
        [
            (
                "UF303",
                "indicators[0].quantity",
                "share",
                "the share '120%' is 120%, outside 0 to 100",
                HINT_UF303,
            )
        ],
    ),
    ("UF304-first-place", _rank("第1位", "全省第1位"), []),
    (
        "UF304-below-1",
        _rank("第0位", "全省第0位"),
        [("UF304", "indicators[1].quantity", "rank", "the rank '第0位' is 0, below 1", HINT_UF304)],
    ),
    (
        "UF304-one-and-a-half",
        _rank(quantity("第1.5位", "1.5", "位", ordinal=True), "全省第1.5位"),
        [
            (
                "UF304",
                "indicators[1].quantity",
                "rank",
                "the rank '第1.5位' is 1.5, not a whole number",
                HINT_UF304,
            )
        ],
    ),
    (
        "UF304-exponent-form",
        _rank(quantity("第0.0000001位", "1E-7", "位", ordinal=True), "全省第0.0000001位"),
        [
            (
                "UF304",
                "indicators[1].quantity",
                "rank",
                "the rank '第0.0000001位' is 0.0000001, below 1",
                HINT_UF304,
            )
        ],
    ),
    (
        # An ordinal is checked as a rank whatever its kind, and its kind is noted.
        "UF304-ordinal-of-kind-actual",
        _visits("第0位", "走访企业第0位"),
        [
            (
                "UF306",
                f"{VISITS_IND}.kind",
                "private-economy-i",
                "the indicator is of kind 'actual' but '第0位' is an ordinal",
                HINT_UF306,
            ),
            (
                "UF304",
                f"{VISITS_IND}.quantity",
                "private-economy-i",
                "the rank '第0位' is 0, below 1",
                HINT_UF304,
            ),
        ],
    ),
    (
        # A figure of kind rank is checked as a rank even when not written 第N.
        "UF304-kind-rank-not-ordinal",
        _visits("0家", "走访企业0家", kind="rank"),
        [
            (
                "UF306",
                f"{VISITS_IND}.kind",
                "private-economy-i",
                "the indicator is of kind 'rank' but '0家' is not an ordinal (第N)",
                HINT_UF306,
            ),
            (
                "UF304",
                f"{VISITS_IND}.quantity",
                "private-economy-i",
                "the rank '0家' is 0, below 1",
                HINT_UF304,
            ),
        ],
    ),
    (
        # A figure of a rank metric is checked as a rank even when not written 第N.
        "UF304-rank-metric-not-ordinal",
        _visits("0位", "排名0位", metric="innovation_capability_rank"),
        [
            (
                "UF302",
                f"{VISITS_IND}.quantity",
                "private-economy-i",
                "metric 'innovation_capability_rank' takes rank figures, but '0位' (unit '位') "
                "is count",
                HINT_UF302,
            ),
            (
                "UF304",
                f"{VISITS_IND}.quantity",
                "private-economy-i",
                "the rank '0位' is 0, below 1",
                HINT_UF304,
            ),
        ],
    ),
    ("UF305-zero-parts", _visits("0个", "走访企业0个", kind="structure"), []),
    (
        "UF305-below-zero",
        _visits(quantity("-2个", -2, "个"), "走访企业-2个", kind="structure"),
        [
            (
                "UF305",
                f"{VISITS_IND}.quantity",
                "private-economy-i",
                "the structure count '-2个' is -2, below zero",
                HINT_UF305,
            )
        ],
    ),
    (
        "UF305-a-half",
        _visits(quantity("0.5个", "0.5", "个"), "走访企业0.5个", kind="structure"),
        [
            (
                "UF305",
                f"{VISITS_IND}.quantity",
                "private-economy-i",
                "the structure count '0.5个' is 0.5, not a whole number",
                HINT_UF305,
            )
        ],
    ),
    (
        "UF306",
        _set(VISITS_KIND, "rank"),
        [
            (
                "UF306",
                f"{VISITS_IND}.kind",
                "private-economy-i",
                "the indicator is of kind 'rank' but '1234家' is not an ordinal (第N)",
                HINT_UF306,
            )
        ],
    ),
    # ------------------------------------------------------------------ 4xx consistency
    (
        # An indicator without a metric is passed over; later ones are still compared.
        "UF401-after-an-indicator-without-metric",
        _both(
            _set(("actions", 0, "measures", 0, "indicators", 0, "metric"), None),
            _add_indicators(
                indicator(
                    "visits-again",
                    quantity("1235家", 1235, "家"),
                    "走访企业1235家",
                    metric="enterprises_visited",
                )
            ),
        ),
        [
            (
                "UF401",
                "indicators[2]",
                "visits-again",
                "enterprises_visited (actual, 371000, not dated) is '1235家' here but '1234家' "
                f"at {VISITS_IND} [private-economy-i]",
                "correct one of them, or set the period, as_of or scope that tells them apart",
            )
        ],
    ),
    (
        "UF401-as-of",
        _add_indicators(
            _dated("paired-june", quantity("3702个", 3702, "个"), "结对村3702个", "2024-06-30"),
            _dated(
                "paired-june-again", quantity("3703个", 3703, "个"), "结对村3703个", "2024-06-30"
            ),
        ),
        [
            (
                "UF401",
                "indicators[3]",
                "paired-june-again",
                "villages_paired (actual, 371000, as of 2024-06-30) is '3703个' here but "
                "'3702个' at indicators[2] [paired-june]",
                "correct one of them, or set the period, as_of or scope that tells them apart",
            )
        ],
    ),
    (
        "UF402",
        _add_indicators(
            indicator(
                "visits-again",
                quantity("1234家", 1234, "家"),
                "走访企业1234家",
                metric="enterprises_visited",
            )
        ),
        [
            (
                "UF402",
                "indicators[2]",
                "visits-again",
                "enterprises_visited (actual, 371000, not dated) repeats the figure '1234家' of "
                f"{VISITS_IND} [private-economy-i]",
                "record a figure once; list a restatement in omitted with reason 'restated'",
            )
        ],
    ),
    (
        "UF403-period",
        _set(("indicators", 0, "period"), "2023"),
        [
            (
                "UF403",
                "indicators[0].period",
                "share",
                "the indicator's period 2023 lies outside the programme's period 2024",
                "check the period; a figure of earlier years may be a baseline",
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
                "share",
                "the indicator's date 2025-01-31 lies outside the programme's period 2024",
                "check the date",
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
                "innovation-m",
                "the measure is due 2025-03-01, outside the programme's period 2024",
                None,
            )
        ],
    ),
    # ------------------------------------------------------------------ 5xx jurisdictions
    (
        "UF501",
        _scope("991000", "prefecture", "990000"),
        [
            (
                "UF501",
                "indicators[0].scope.code",
                "share",
                f"'991000' names no province; {UF501_TAIL}",
                HINT_UF501,
            )
        ],
    ),
    (
        "UF501-no-such-place",
        _scope("371099", "county", "371000"),
        [
            (
                "UF501",
                "indicators[0].scope.code",
                "share",
                "371099 is not a province, prefecture or county of the GB/T 2260 table "
                "(as of 2025-12-31)",
                "look the place up with find_jurisdictions(name); for a division abolished "
                "since, the code of its successor",
            )
        ],
    ),
    (
        "UF502-county-ending-in-00",
        _scope("371000", "county", "370000"),
        [
            (
                "UF502",
                "indicators[0].scope.code",
                "share",
                f"371000 does not fit the level county: {UF502_TAIL}",
                "check the code and the level",
            )
        ],
    ),
    (
        "UF502-prefecture-ending-in-0000",
        _scope("370000", "prefecture", "370000"),
        [
            (
                "UF502",
                "indicators[0].scope.code",
                "share",
                f"370000 does not fit the level prefecture: {UF502_TAIL}",
                "check the code and the level",
            )
        ],
    ),
    (
        "UF503-province",
        _scope("370000", "province", "100000"),
        [
            (
                "UF503",
                "indicators[0].scope.parent",
                "share",
                "the province 370000 has the parent '100000'; a province has none",
                "leave parent empty for a province",
            )
        ],
    ),
    (
        "UF503-district-of-a-municipality",
        _scope("110101", "county", "120000"),
        [
            (
                "UF503",
                "indicators[0].scope.parent",
                "share",
                "the county 110101 has the parent '120000', which does not contain it",
                "set parent to 110100 or 110000",
            )
        ],
    ),
    (
        "UF504-district-of-a-municipality",
        _scope("110101", "county", None),
        [
            (
                "UF504",
                "indicators[0].scope.parent",
                "share",
                "the county 110101 has no parent code",
                "set parent to 110100 or 110000",
            )
        ],
    ),
    (
        "UF504-programme",
        _jurisdiction("371002", "county", None),
        [
            (
                "UF504",
                "jurisdiction.parent",
                None,
                "the county 371002 has no parent code",
                "set parent to 371000",
            )
        ],
    ),
    # ------------------------------------------------------------------ 6xx language
    (
        "UF601",
        _both(
            _set(("actions", 0, "name"), "行动"),
            _set(("actions", 0, "measures", 0, "name", "en"), None),
            _set(("actions", 0, "measures", 0, "indicators", 0, "name"), "建议"),
        ),
        [
            (
                "UF601",
                "actions[0].name",
                "advice",
                "the action name '行动' has no English text",
                None,
            ),
            (
                "UF601",
                "actions[0].measures[0].name",
                "advice-m",
                "the measure name '措施advice' has no English text",
                None,
            ),
            (
                "UF601",
                "actions[0].measures[0].indicators[0].name",
                "advice-i",
                "the indicator name '建议' has no English text",
                None,
            ),
        ],
    ),
    # ------------------------------------------------------------------ 9xx explanations
    (
        "UF901-then-a-matching-explanation",
        _both(
            _set(("declared", 2, "count"), 51),
            _explain(("UF101", "declared[0]"), ("UF101", "declared[2]")),
        ),
        [
            (
                "UF901",
                "explanations[0]",
                None,
                "no UF101 finding was made at declared[0]",
                "remove the explanation, or correct its code and path to those the report gives",
            )
        ],
    ),
    (
        "UF902",
        _both(_set(VISITS_METRIC, "nope"), _explain(("UF301", f"{VISITS_IND}.metric"))),
        [
            (
                "UF301",
                f"{VISITS_IND}.metric",
                "private-economy-i",
                "'nope' is not a metric of the vocabulary",
                "use a code of unitedfront.metrics(), or leave metric empty",
            ),
            (
                "UF902",
                "explanations[0]",
                None,
                f"UF301 at {VISITS_IND}.metric is an error, which cannot be explained away",
                "correct the data instead",
            ),
        ],
    ),
    (
        "UF903-then-another-explanation",
        _both(
            _set(("declared", 2, "count"), 51),
            _set(("title", "en"), None),
            _explain(("UF101", "declared[2]"), ("UF101", "declared[2]"), ("UF601", "title")),
        ),
        [
            (
                "UF903",
                "explanations[1]",
                None,
                "UF101 at declared[2] is already explained at explanations[0]",
                "keep one explanation per finding",
            )
        ],
    ),
]


@pytest.mark.parametrize(("case", "change", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_finding_is_given_whole(case: str, change: Change, expected: list[Whole]) -> None:
    """The change gives exactly these findings, with their ids and hints, in document order."""
    assert whole(report_of(change)) == expected


def test_every_explanation_after_a_repeated_or_unmatched_one_is_still_applied() -> None:
    report = report_of(
        _both(
            _set(("declared", 2, "count"), 51),
            _set(("title", "en"), None),
            _explain(
                ("UF101", "declared[0]"),
                ("UF101", "declared[2]"),
                ("UF101", "declared[2]"),
                ("UF601", "title"),
            ),
        )
    )
    assert [(f.code, f.path) for f in report] == [
        ("UF901", "explanations[0]"),
        ("UF903", "explanations[2]"),
    ]
    assert [(f.code, f.path, reason) for f, reason in report.explained] == [
        ("UF601", "title", "The source says so."),
        ("UF101", "declared[2]", "The source says so."),
    ]


# --------------------------------------------------------------------------- sources


def test_a_quote_not_in_its_source_is_given_whole() -> None:
    report = report_of(_set(VISITS_QUOTE, "不在原文中的1234家"), sources={"briefing": SOURCE})
    assert whole(report) == [
        (
            "UF202",
            f"{VISITS_IND}.evidence",
            "private-economy-i",
            "the quote '不在原文中的1234家' does not occur in source 'briefing'",
            HINT_UF202,
        )
    ]


def test_quotes_of_a_source_given_are_checked_after_a_source_not_given() -> None:
    """A source without text, listed first and quoted first, stops no later check."""

    def change(data: Data) -> None:
        data["sources"].insert(0, {"id": "minutes", "title": {"zh": "纪要", "en": "Minutes"}})
        data["actions"][0]["measures"][0]["indicators"][0]["evidence"]["source"] = "minutes"
        _set(VISITS_QUOTE, "不在原文中的1234家")(data)

    assert whole(report_of(change, sources={"briefing": SOURCE})) == [
        (
            "UF202",
            f"{VISITS_IND}.evidence",
            "private-economy-i",
            "the quote '不在原文中的1234家' does not occur in source 'briefing'",
            HINT_UF202,
        ),
        (
            "UF204",
            "sources[0]",
            "minutes",
            "no text was given for source 'minutes'; its quotes were not checked",
            None,
        ),
    ]


def test_texts_under_unknown_ids_are_named_with_every_known_id() -> None:
    """Keys need not be strings (a YAML file of texts may key one by a bare number)."""

    def change(data: Data) -> None:
        data["sources"].append({"id": "minutes", "title": {"zh": "纪要", "en": "Minutes"}})

    texts = cast("dict[str, str]", {"briefing": SOURCE, "minutes": "纪要", "notes": "x", 2024: "y"})
    hint = "give each text under the id of its source"
    assert whole(report_of(change, sources=texts)) == [
        (
            "UF205",
            "sources",
            "2024",
            "a source text was given for 2024, which is not one of the programme's sources "
            "(briefing, minutes)",
            hint,
        ),
        (
            "UF205",
            "sources",
            "notes",
            "a source text was given for 'notes', which is not one of the programme's sources "
            "(briefing, minutes)",
            hint,
        ),
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            [_set(VISITS_QUANTITY, quantity("1,234家", 1234, "家"))],
            "1 quote check could not be made: converting traditional script needs the opencc extra",
        ),
        (
            [
                _set(VISITS_QUANTITY, quantity("1,234家", 1234, "家")),
                _set(
                    ("actions", 1, "measures", 0, "indicators", 0, "quantity"),
                    quantity("63個", 63, "个"),
                ),
            ],
            "2 quote checks could not be made: converting traditional script needs the opencc "
            "extra",
        ),
    ],
    ids=["one", "two"],
)
def test_without_opencc_the_quote_checks_not_made_are_counted(
    monkeypatch: pytest.MonkeyPatch, changes: list[Change], message: str
) -> None:
    from unitedfront import _normalize

    def no_opencc(text: str) -> str:
        raise MissingExtraError("opencc", "opencc", "Converting traditional to simplified")

    monkeypatch.setattr(_normalize, "normalize_source", no_opencc)
    assert whole(report_of(_both(*changes))) == [
        ("UF207", "sources", None, message, "pip install 'unitedfront[opencc]'")
    ]


# --------------------------------------------------------------------------- order


def test_findings_at_listed_places_follow_the_list_order_not_the_message_order() -> None:
    report = report_of(_both(_set(("declared", 0, "count"), 6), _set(("declared", 2, "count"), 51)))
    assert [(f.path, f.message) for f in report] == [
        ("declared[0]", "the programme declares 6 actions but lists 5"),
        ("declared[2]", "the programme declares 51 measures but lists 5"),
    ]


def test_the_model_inside_a_field_annotation_is_found() -> None:
    """Paths are ordered by the fields of the model each step leads into."""
    fields = Programme.model_fields
    assert _nested_model(fields["jurisdiction"].annotation) is Jurisdiction
    assert _nested_model(fields["actions"].annotation) is Action
    assert _nested_model(Action.model_fields["measures"].annotation) is Measure
    assert _nested_model(Measure.model_fields["due"].annotation) is None
    assert _nested_model(fields["id"].annotation) is None
    assert _nested_model(Jurisdiction | None) is Jurisdiction


# --------------------------------------------------------------------------- the report


def _report_with_chinese() -> Report:
    return report_of(_set(("actions", 0, "name"), "行动"))


def test_the_json_text_is_indented_by_two_and_keeps_chinese() -> None:
    assert _report_with_chinese().to_json() == (
        "{\n"
        '  "format": 1,\n'
        '  "programme": "testville-2024",\n'
        '  "ok": true,\n'
        '  "counts": {\n'
        '    "error": 0,\n'
        '    "warning": 0,\n'
        '    "info": 1,\n'
        '    "explained": 0\n'
        "  },\n"
        '  "findings": [\n'
        "    {\n"
        '      "code": "UF601",\n'
        '      "severity": "info",\n'
        '      "path": "actions[0].name",\n'
        '      "id": "advice",\n'
        '      "message": "the action name \'行动\' has no English text",\n'
        '      "hint": null\n'
        "    }\n"
        "  ],\n"
        '  "explained": []\n'
        "}"
    )


def test_the_json_text_without_indent_is_one_line() -> None:
    text = _report_with_chinese().to_json(indent=None)
    assert text == (
        '{"format": 1, "programme": "testville-2024", "ok": true, "counts": {"error": 0, '
        '"warning": 0, "info": 1, "explained": 0}, "findings": [{"code": "UF601", '
        '"severity": "info", "path": "actions[0].name", "id": "advice", "message": '
        '"the action name \'行动\' has no English text", "hint": null}], "explained": []}'
    )
    assert json.loads(text) == _report_with_chinese().to_dict()


def test_a_notebook_and_rich_show_the_report_itself() -> None:
    report = _report_with_chinese()
    html = report._repr_html_()
    assert "testville-2024" in html and "行动" in html and "actions[0].name" in html
    tree: Any = report.__rich__()
    assert "testville-2024" in str(tree.label)
    assert "UF601 actions[0].name" in str(tree.children[0].children[0].label)
