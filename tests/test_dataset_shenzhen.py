"""The bundled Shenzhen programme: its structure and the headline figures users rely on."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

import pytest

from tests._dataset_helpers import by_metric, indicator, measure, misfit_units, repeated_metrics
from tests._seeds import normalized_seed, seed_text
from unitedfront import (
    CountedPart,
    Evidence,
    IndicatorKind,
    MeasureCategory,
    MeasureStatus,
    OmissionReason,
    Period,
    Programme,
    Qualifier,
    Script,
    Theme,
    normalize_source,
    strip_pinyin,
    to_simplified,
)
from unitedfront.datasets import load

DATASET = "shenzhen-acfic-2021"
YEAR_2021 = Period.model_validate("2021")
FEDERATION = "市工商联"


@pytest.fixture(scope="module")
def shenzhen() -> Programme:
    return load(DATASET)


def all_evidence(programme: Programme) -> Iterator[Evidence]:
    for count in programme.declared:
        if count.evidence is not None:
            yield count.evidence
    for action in programme.actions:
        if action.evidence is not None:
            yield action.evidence
        for m in action.measures:
            if m.evidence is not None:
                yield m.evidence
    for ref in programme.iter_indicators():
        yield ref.indicator.evidence
    for omitted in programme.omitted:
        yield omitted.evidence


def test_programme_facts(shenzhen: Programme) -> None:
    """A 2021–2022 two-healthy report of the Shenzhen federation, from one traditional source."""
    assert shenzhen.kind == "report"
    assert shenzhen.framework == "two_healthy"
    assert shenzhen.jurisdiction.code == "440300"
    assert shenzhen.jurisdiction.parent == "440000"
    assert shenzhen.jurisdiction.level == "prefecture"
    assert shenzhen.jurisdiction.name.en == "Shenzhen"
    assert shenzhen.issuer.zh == "深圳市工商联"
    assert shenzhen.period == Period.model_validate("2021/2022")
    assert [s.script for s in shenzhen.sources] == [Script.TRADITIONAL]


def test_the_work_plan_month_is_a_note_not_a_date(shenzhen: Programme) -> None:
    """The work plan was issued in December 2021, day unknown: `adopted` stays empty."""
    assert shenzhen.adopted is None
    assert any("December 2021" in (note.en or "") for note in shenzhen.notes)
    omitted = {o.text: o for o in shenzhen.omitted}
    assert omitted["2021年12月"].reason == OmissionReason.DATE
    assert "工作领导小组印发" in omitted["2021年12月"].evidence.quote


def test_declared_four_brands_and_six_actions(shenzhen: Programme) -> None:
    """The text counts its own four brands and six actions, with one quote for both."""
    assert shenzhen.declared_count(CountedPart.BRANDS) == 4
    assert shenzhen.declared_count(CountedPart.ACTIONS) == 6
    assert [(d.part, d.count) for d in shenzhen.declared] == [
        (CountedPart.BRANDS, 4),
        (CountedPart.ACTIONS, 6),
    ]
    quotes = {d.evidence.quote for d in shenzhen.declared if d.evidence is not None}
    assert quotes == {"“四大品牌”和“六大行动”"}


def test_the_notes_say_brands_and_actions_are_not_all_listed(shenzhen: Programme) -> None:
    """A user comparing declared with listed parts is told why they differ."""
    assert any(
        "lists neither in full" in (note.en or "")
        and "do not correspond to the six declared" in (note.en or "")
        for note in shenzhen.notes
    )


def test_the_three_parts_and_their_themes(shenzhen: Programme) -> None:
    """The speech's three parts, in order, each mapped to one theme and led by the federation."""
    assert [(a.id, a.theme) for a in shenzhen.actions] == [
        ("planning", Theme.GENERAL),
        ("coordination", Theme.PRIVATE_ECONOMY),
        ("grassroots", Theme.PRIVATE_ECONOMY),
    ]
    assert [a.name.zh[:9] for a in shenzhen.actions] == [
        "领导重视、精心谋划",
        "围绕主题、加强统筹",
        "赋能基层、见人见事",
    ]
    assert all([body.zh for body in a.lead] == [FEDERATION] for a in shenzhen.actions)


def test_measures_per_part(shenzhen: Programme) -> None:
    """Each part lists the measures the text describes, in document order."""
    assert [[m.id for m in a.measures] for a in shenzhen.actions] == [
        [
            "higher-level-support",
            "work-plan",
            "member-unit-consultation",
            "exchange-service-centre",
            "brands-and-actions",
            "policy-systems",
        ],
        [
            "integrated-deployment",
            "lead-the-field-action",
            "raise-quality-action",
            "entrepreneurs-day",
            "direct-liaison",
            "brand-activities",
            "evaluation-index-system",
            "ideals-education-bases",
            "department-checklists",
            "responsible-unit-checklists",
            "performance-assessment",
        ],
        [
            "first-loan-cultivation",
            "government-enterprise-dialogue",
            "problem-direct-channel",
            "group-members",
            "chamber-activities",
            "dual-direct-liaison",
            "services-2021",
        ],
    ]


def test_the_named_actions_are_measures(shenzhen: Programme) -> None:
    """The two of the six actions the text names are measures of the second part."""
    lead_the_field = measure(shenzhen, "lead-the-field-action")
    assert lead_the_field.name.zh == "优化营商环境“领跑行动”"
    assert [p.zh for p in lead_the_field.partners] == ["市发展改革委"]
    raise_quality = measure(shenzhen, "raise-quality-action")
    assert raise_quality.name.zh == "推动民营经济高质量发展“提质行动”"
    assert shenzhen.path_of("lead-the-field-action") == "actions[1].measures[1]"
    assert shenzhen.path_of("raise-quality-action") == "actions[1].measures[2]"


def test_the_named_brands_are_the_initiatives(shenzhen: Programme) -> None:
    """The four brands the text names are the initiatives, each with an English name."""
    initiatives = {i.zh: i.en for _, m in shenzhen.iter_measures() for i in m.initiatives}
    assert initiatives == {
        "深圳企业家日": "Shenzhen Entrepreneurs' Day",
        "民企话坛": "Private Enterprise Forum",
        "深圳青年企业家提升计划": "Shenzhen Young Entrepreneurs Advancement Programme",
        "深商经贸交流": "Shenzhen Merchants' Economic and Trade Exchanges",
    }
    liaison = measure(shenzhen, "direct-liaison")
    assert (liaison.initiatives, liaison.status) == ((), MeasureStatus.DONE)


def test_checklist_management_tasks_and_their_bodies(shenzhen: Programme) -> None:
    """清单制: the departments' checklists and the responsible units' checklist, both standing."""
    inside = measure(shenzhen, "department-checklists")
    outside = measure(shenzhen, "responsible-unit-checklists")
    assert [b.zh for b in inside.lead] == ["市工商联各部室"]
    assert ([b.zh for b in outside.lead], [b.zh for b in outside.partners]) == (
        [FEDERATION],
        ["责任单位"],
    )
    for m in (inside, outside):
        assert (m.category, m.status) == (MeasureCategory.MECHANISM, MeasureStatus.ONGOING)
    assessment = measure(shenzhen, "performance-assessment")
    assert (assessment.lead, assessment.status) == ((), MeasureStatus.ONGOING)


def test_first_loan_partners(shenzhen: Programme) -> None:
    """The first-loan scheme is run with the central bank's branch and the finance bureau."""
    scheme = measure(shenzhen, "first-loan-cultivation")
    assert [b.zh for b in scheme.lead] == [FEDERATION]
    assert [b.zh for b in scheme.partners] == ["中国人民银行深圳市中心支行", "市财政局"]


def test_statuses_follow_the_text(shenzhen: Programme) -> None:
    """Done where completed, in progress where being prepared, ongoing where standing."""
    statuses = {m.id: m.status for _, m in shenzhen.iter_measures()}
    assert statuses["raise-quality-action"] == MeasureStatus.DONE
    assert statuses["group-members"] == MeasureStatus.DONE
    assert statuses["exchange-service-centre"] == MeasureStatus.IN_PROGRESS
    assert statuses["dual-direct-liaison"] == MeasureStatus.IN_PROGRESS
    assert statuses["brand-activities"] == MeasureStatus.ONGOING
    assert None not in statuses.values()


def test_problems_resolved_is_of_the_order_of_a_hundred(shenzhen: Programme) -> None:
    """上百件 means at least 100 and fewer than 1000 problems, in 2021."""
    problems = by_metric(shenzhen, "problems_resolved")
    q = problems.quantity
    assert q.text == "上百件"
    assert (q.qualifier, q.value, q.low, q.high) == (
        Qualifier.ORDER_OF,
        Decimal(100),
        Decimal(100),
        Decimal(1000),
    )
    assert (q.low_inclusive, q.high_inclusive, q.unit) == (True, False, "件")
    assert problems.period == YEAR_2021
    assert problems.evidence.quote == "帮助企业解决重大实际问题上百件"


def test_23_suggestions_all_adopted_by_19_units(shenzhen: Programme) -> None:
    """23条 suggestions, all adopted; the 19 units that adopted them carry no metric."""
    adopted = by_metric(shenzhen, "suggestions_adopted")
    q = adopted.quantity
    assert (q.text, q.value, q.unit, q.qualifier) == ("23條", Decimal(23), "条", Qualifier.EXACT)
    assert q.is_exact
    assert adopted.kind == IndicatorKind.ACTUAL
    assert "全部吸收采纳" in adopted.evidence.quote
    units = indicator(shenzhen, "units-adopting-suggestions")
    assert (units.metric, units.quantity.value, units.quantity.unit) == (None, Decimal(19), "家")
    assert shenzhen.path_of("suggestions-adopted").startswith("actions[1].measures[2]")


def test_168_group_members(shenzhen: Programme) -> None:
    """168 associations and chambers admitted as group members: group members, a stock."""
    members = by_metric(shenzhen, "group_members")
    assert members.id == "group-member-associations"
    assert (members.quantity.text, members.quantity.value, members.quantity.unit) == (
        "168家",
        Decimal(168),
        "家",
    )
    assert members.quantity.is_exact
    assert members.evidence.quote == "吸纳168家市级行业协会、异地商会为团体会员"


def test_vague_multitudes_keep_their_script(shenzhen: Programme) -> None:
    """數十名 and 幾十位 are written as in the source and mean 20 to under 100."""
    for id, text, unit in (
        ("centre-vice-chairs-engaged", "數十名", "名"),
        ("centre-deputies-proposals", "幾十位", "位"),
    ):
        q = indicator(shenzhen, id).quantity
        assert (q.text, q.qualifier, q.low, q.high, q.unit) == (
            text,
            Qualifier.SEVERAL,
            Decimal(20),
            Decimal(100),
            unit,
        )


def test_the_2021_service_figures(shenzhen: Programme) -> None:
    """16 briefings, 6 forums and more than 30 exchange meetings in 2021 alone."""
    briefings = by_metric(shenzhen, "briefings_held")
    assert (briefings.quantity.value, briefings.quantity.unit) == (Decimal(16), "次")
    forums = indicator(shenzhen, "private-enterprise-forums")
    assert (forums.metric, forums.quantity.value) == (None, Decimal(6))
    meetings = by_metric(shenzhen, "meetings_attended").quantity
    assert (meetings.text, meetings.qualifier, meetings.low, meetings.high) == (
        "30余次",
        Qualifier.MORE_THAN,
        Decimal(30),
        Decimal(40),
    )
    service = measure(shenzhen, "services-2021")
    assert len(service.indicators) == 4
    assert all(i.period == YEAR_2021 for i in service.indicators)


def test_entrepreneurs_day_symposium(shenzhen: Programme) -> None:
    """More than 300 entrepreneurs met the city's leaders on the third Entrepreneurs' Day."""
    q = indicator(shenzhen, "entrepreneurs-day-symposium").quantity
    assert (q.text, q.qualifier, q.low, q.high, q.unit) == (
        "300多位",
        Qualifier.MORE_THAN,
        Decimal(300),
        Decimal(400),
        "位",
    )


def test_consecutive_years_are_cumulative(shenzhen: Programme) -> None:
    """连续两年 of instructions is a running count of years over 2021–2022."""
    years = indicator(shenzhen, "secretary-instruction-years")
    assert years.cumulative
    assert years.quantity.text == "兩年"
    assert years.quantity.value == Decimal(2)
    assert years.period == Period.model_validate("2021-02/2022-01")
    assert years.span == "P2Y"


def test_figure_counts(shenzhen: Programme) -> None:
    """Twelve indicators, all actual results, and the omitted figures by reason."""
    kinds = Counter(ref.indicator.kind for ref in shenzhen.iter_indicators())
    assert kinds == {IndicatorKind.ACTUAL: 12}
    reasons = Counter(o.reason for o in shenzhen.omitted)
    assert reasons == {OmissionReason.DATE: 9, OmissionReason.NAME: 12, OmissionReason.EDITION: 2}


def test_omitted_figures(shenzhen: Programme) -> None:
    """Names, editions and dates are left out, each with its reason."""
    reasons = {o.text: o.reason for o in shenzhen.omitted}
    for name in (
        "两个健康",
        "四大品牌",
        "六大行动",
        "四梁八柱",
        "双区",
        "一条心",
        "首贷",
        "二十大",
    ):
        assert reasons[name] == OmissionReason.NAME
    assert reasons["第三届"] == OmissionReason.EDITION
    for date in ("2021年以来", "2021年2月", "2022年1月", "2021年7月", "2021年", "2022年"):
        assert reasons[date] == OmissionReason.DATE


def test_no_metric_is_given_two_values_for_one_period(shenzhen: Programme) -> None:
    """A metric appears at most once per period and scope, so figures never double-count."""
    assert repeated_metrics(shenzhen) == []


def test_metric_unit_kinds_fit(shenzhen: Programme) -> None:
    """Each indicator's unit is of the kind its metric takes."""
    assert misfit_units(shenzhen) == []


def test_quotes_are_in_simplified_script(shenzhen: Programme) -> None:
    """Every quote is already simplified and free of pinyin, as normalize_source leaves it."""
    quotes = [evidence.quote for evidence in all_evidence(shenzhen)]
    assert len(quotes) > 40
    assert [q for q in quotes if to_simplified(q) != q] == []
    assert [q for q in quotes if normalize_source(q) != q] == []
    assert [q for q in quotes if re.search(r"[A-Za-z]", q)] == []


def test_quantities_keep_the_traditional_script(shenzhen: Programme) -> None:
    """Quantity texts are the source as written with only the pinyin removed."""
    source = strip_pinyin(seed_text(DATASET))
    texts = [ref.indicator.quantity.text for ref in shenzhen.iter_indicators()]
    assert [t for t in texts if t not in source] == []
    assert {"數十名", "幾十位", "23條", "兩年"} <= set(texts)


def test_the_source_loses_all_its_pinyin() -> None:
    """After normalization no Latin letter of the bracketed pinyin is left."""
    source = normalized_seed(DATASET)
    assert re.findall(r"[A-Za-z]+", source) == []
    assert "(" not in source
