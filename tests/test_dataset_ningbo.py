"""The bundled Ningbo programme: its structure and the headline figures users rely on."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests._dataset_helpers import by_metric, indicator, measure, misfit_units, repeated_metrics
from tests._seeds import normalized_seed
from unitedfront import (
    IndicatorKind,
    MeasureCategory,
    OmissionReason,
    Period,
    Programme,
    Qualifier,
    Script,
    Theme,
    unit_kind,
)
from unitedfront.datasets import load

DATASET = "ningbo-acfic-2023"
FIRST_HALF = Period.model_validate("2023-01/2023-06")
YEAR = Period.model_validate("2023")


@pytest.fixture(scope="module")
def ningbo() -> Programme:
    return load(DATASET)


def test_programme_facts(ningbo: Programme) -> None:
    """A 2023 two-healthy report of the Ningbo federation, from one traditional-script source."""
    assert ningbo.kind == "report"
    assert ningbo.framework == "two_healthy"
    assert ningbo.jurisdiction.code == "330200"
    assert ningbo.jurisdiction.parent == "330000"
    assert ningbo.jurisdiction.level == "prefecture"
    assert ningbo.jurisdiction.name.en == "Ningbo"
    assert ningbo.issuer.zh == "宁波市工商联"
    assert ningbo.period == YEAR
    assert [s.script for s in ningbo.sources] == [Script.TRADITIONAL]
    assert ningbo.declared == ()


def test_the_four_sections_and_their_themes(ningbo: Programme) -> None:
    """The article's four sections, in order, each mapped to one theme."""
    assert [(a.name.zh, a.theme) for a in ningbo.actions] == [
        ("进一步强化亲清政商关系“风向标”", Theme.PRIVATE_ECONOMY),
        ("持续深耕民营经济人士高素质成长“责任田”", Theme.PRIVATE_ECONOMY),
        ("高效拓宽民营经济高质量发展“连心桥”", Theme.ADVICE),
        ("争当工商联组织高水准建设“先行者”", Theme.ORGANISATION),
    ]
    assert all([body.zh for body in a.lead] == ["宁波市工商联"] for a in ningbo.actions)


def test_measures_per_section(ningbo: Programme) -> None:
    """Each section lists the measures the text describes, in document order."""
    assert [[m.id for m in a.measures] for a in ningbo.actions] == [
        ["qinqing-health-index"],
        ["theme-briefings", "publicity-series", "training-and-study", "young-generation"],
        [
            "proposals-and-information",
            "policy-evaluation",
            "government-enterprise-dialogue",
            "enterprise-visits",
            "collaboration-mechanisms",
        ],
        ["chambers-theme-education", "chambers-economy-platform", "chambers-link-villages"],
    ]


def test_the_qinqing_health_index(ningbo: Programme) -> None:
    """The health index is a mechanism, named as an initiative, with its 31 consultations."""
    index = measure(ningbo, "qinqing-health-index")
    assert index.category == MeasureCategory.MECHANISM
    assert index.initiatives[0].zh == "亲清健康指数"
    consultations = indicator(ningbo, "qinqing-index-consultations")
    assert consultations.metric is None
    assert consultations.quantity.value == Decimal(31)
    assert consultations.quantity.unit == "次"


def test_enterprises_paired_with_villages(ningbo: Programme) -> None:
    """822 member enterprises paired with 668 villages, both exact, in one quote."""
    firms = by_metric(ningbo, "enterprises_paired_with_villages")
    villages = by_metric(ningbo, "villages_paired")
    assert (firms.quantity.text, firms.quantity.value, firms.quantity.unit) == (
        "822家",
        Decimal(822),
        "家",
    )
    assert (villages.quantity.text, villages.quantity.value, villages.quantity.unit) == (
        "668個",
        Decimal(668),
        "个",
    )
    assert firms.quantity.is_exact and villages.quantity.is_exact
    assert firms.evidence.quote == villages.evidence.quote == "822家会员企业与668个村结对"


def test_jobs_provided_is_an_open_interval(ningbo: Programme) -> None:
    """3.6萬余個 keeps its script and means more than 36000 and fewer than 37000 jobs."""
    q = by_metric(ningbo, "jobs_provided").quantity
    assert q.text == "3.6萬余個"
    assert (q.value, q.qualifier, q.low, q.high) == (
        Decimal(36000),
        Qualifier.MORE_THAN,
        Decimal(36000),
        Decimal(37000),
    )
    assert (q.low_inclusive, q.high_inclusive, q.unit) == (False, False, "个")


def test_credit_granted_is_exact_yuan(ningbo: Programme) -> None:
    """287.1億元 of new credit is exactly 28 710 000 000 yuan."""
    q = by_metric(ningbo, "credit_granted").quantity
    assert q.text == "287.1億元"
    assert q.value == q.low == q.high == Decimal(28_710_000_000)
    assert (q.qualifier, q.unit) == (Qualifier.EXACT, "元")
    assert unit_kind(q) == "money"


def test_rural_investment_is_over_13_yi(ningbo: Programme) -> None:
    """超13億元 is bounded below by 1.3 billion yuan, exclusive, and unbounded above."""
    q = by_metric(ningbo, "rural_investment").quantity
    assert q.text == "超13億元"
    assert (q.qualifier, q.value, q.low, q.low_inclusive) == (
        Qualifier.OVER,
        Decimal(1_300_000_000),
        Decimal(1_300_000_000),
        False,
    )
    assert (q.high, q.unit) == (None, "元")


def test_visits_and_problems(ningbo: Programme) -> None:
    """3300 enterprises visited; more than 1500 problems resolved."""
    visited = by_metric(ningbo, "enterprises_visited")
    assert (visited.quantity.value, visited.quantity.unit) == (Decimal(3300), "家")
    assert visited.quantity.is_exact
    assert (visited.period, visited.as_of, visited.cumulative) == (None, None, True)
    problems = by_metric(ningbo, "problems_resolved").quantity
    assert (problems.qualifier, problems.low, problems.high) == (
        Qualifier.MORE_THAN,
        Decimal(1500),
        Decimal(1600),
    )


def test_training_in_the_first_half_year(ningbo: Programme) -> None:
    """41 sessions and 1804 person-times of training, both dated to the first half of 2023."""
    sessions = by_metric(ningbo, "training_sessions_held")
    attendances = by_metric(ningbo, "entrepreneur_training_attendances")
    assert (sessions.quantity.value, sessions.quantity.unit) == (Decimal(41), "场")
    assert (attendances.quantity.value, attendances.quantity.unit) == (Decimal(1804), "人次")
    assert unit_kind(attendances.quantity) == "person_times"
    assert sessions.period == attendances.period == FIRST_HALF


def test_rank_among_78_reporting_points(ningbo: Programme) -> None:
    """第一名 is a rank (an ordinal 1); the 78 points it is ranked among are a statistic."""
    rank = indicator(ningbo, "information-rank")
    assert rank.kind == IndicatorKind.RANK
    assert (rank.quantity.value, rank.quantity.ordinal) == (Decimal(1), True)
    assert "78个直报点第一名" in rank.evidence.quote
    field = indicator(ningbo, "direct-reporting-points")
    assert (field.kind, field.quantity.value) == (IndicatorKind.STATISTIC, Decimal(78))


def test_consecutive_years_are_cumulative(ningbo: Programme) -> None:
    """连续11年 is a running count of years."""
    years = indicator(ningbo, "enterprise-research-years")
    assert years.cumulative
    assert (years.quantity.value, years.quantity.unit) == (Decimal(11), "年")


def test_the_two_sums_of_money_are_not_given_one_metric(ningbo: Programme) -> None:
    """47.76亿元 carries investment_agreed; 61.08亿元 carries none, with a note why."""
    assert by_metric(ningbo, "investment_agreed").quantity.value == Decimal(4_776_000_000)
    signed = indicator(ningbo, "agreements-signed-funds")
    assert signed.metric is None
    assert signed.quantity.value == Decimal(6_108_000_000)
    assert signed.note is not None and "investment_agreed" in (signed.note.en or "")


def test_no_metric_is_given_two_values_for_one_period(ningbo: Programme) -> None:
    """A metric appears at most once per period and scope, so figures never double-count."""
    assert repeated_metrics(ningbo) == []


def test_metric_unit_kinds_fit(ningbo: Programme) -> None:
    """Each indicator's unit is of the kind its metric takes."""
    assert misfit_units(ningbo) == []


def test_omitted_figures(ningbo: Programme) -> None:
    """Names, an edition, a date and a salary threshold are left out, each with its reason."""
    reasons = {o.text: o.reason for o in ningbo.omitted}
    assert reasons["十四届一次"] == OmissionReason.EDITION
    assert reasons["4月"] == OmissionReason.DATE
    for name in ("两个健康", "两个毫不动摇", "三组关系", "八八战略", "一号改革工程", "五创争先"):
        assert reasons[name] == OmissionReason.NAME
    assert reasons["70周年"] == OmissionReason.NAME
    assert reasons["11087"] == OmissionReason.NAME
    threshold = next(o for o in ningbo.omitted if o.text == "百万元以上")
    assert threshold.reason == OmissionReason.OTHER and threshold.note


def test_first_half_is_what_the_source_says_of_training() -> None:
    """The source dates the training figures, and only them, to the first half of the year."""
    source = normalized_seed(DATASET)
    assert source.count("上半年") == 1
    assert "上半年开展各类专题培训和学习研讨41场" in source
