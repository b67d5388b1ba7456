"""The bundled ``weihai-2024`` dataset: Weihai's 2024 plan for the five actions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests._dataset_helpers import indicator, measure
from unitedfront import (
    CountedPart,
    IndicatorKind,
    MeasureCategory,
    MeasureStatus,
    NotSummableError,
    OmissionReason,
    Programme,
    Qualifier,
    Theme,
    total,
)
from unitedfront.datasets import load


@pytest.fixture(scope="module")
def weihai() -> Programme:
    return load("weihai-2024")


def test_is_the_2024_five_actions_plan_of_weihai(weihai: Programme) -> None:
    """The programme is a plan in the five-actions framework, adopted on 6 June 2024."""
    assert weihai.kind.value == "plan"
    assert weihai.framework.value == "five_actions"
    assert weihai.jurisdiction.code == "371000"
    assert weihai.jurisdiction.parent == "370000"
    assert str(weihai.period) == "2024"
    assert weihai.adopted == date(2024, 6, 6)
    assert weihai.implements == "shandong-five-actions-2023"
    assert weihai.issuer.zh == "中共威海市委统一战线工作领导小组办公室"


def test_five_key_tasks_map_to_the_five_themes_in_order(weihai: Programme) -> None:
    """The five key tasks are the actions, each on its own canonical theme."""
    assert [a.theme for a in weihai.actions] == [
        Theme.ADVICE,
        Theme.INNOVATION,
        Theme.PRIVATE_ECONOMY,
        Theme.INVESTMENT_TALENT,
        Theme.COMMON_PROSPERITY,
    ]
    assert [a.name.zh for a in weihai.actions] == [
        "深化建言献策行动",
        "深化创新创造行动",
        "深化壮大民企行动",
        "深化双招双引行动",
        "深化共同富裕行动",
    ]


def test_each_task_has_its_three_aspects(weihai: Programme) -> None:
    """Every task has measures for each of its aspects: mechanism, platform, activity."""
    aspects = {MeasureCategory.MECHANISM, MeasureCategory.PLATFORM, MeasureCategory.ACTIVITY}
    for action in weihai.actions:
        assert {m.category for m in action.measures} == aspects, action.id
    pairs = {(a.id, m.category) for a, m in weihai.iter_measures()}
    assert len(pairs) == 15


def test_declared_counts_and_principles(weihai: Programme) -> None:
    """5 tasks, 15 aspects, 51 measures and the five principles, as the plan declares."""
    assert weihai.declared_count(CountedPart.ACTIONS) == 5
    assert weihai.declared_count(CountedPart.ASPECTS) == 15
    assert weihai.declared_count(CountedPart.MEASURES) == 51
    assert weihai.declared_count(CountedPart.PRINCIPLES) == 5
    assert len(weihai.principles) == 5
    assert weihai.principles[1].zh == "坚持“党建+统战”工作模式"
    structure = [i.quantity.value for i in weihai.indicators if i.kind is IndicatorKind.STRUCTURE]
    assert structure == [5, 15, 51]


def test_target_of_at_least_50_expert_enterprise_pairs(weihai: Programme) -> None:
    """不少于50个 is the open-ended interval [50, ∞) of pairs, a 2024 target."""
    target = indicator(weihai, "innovation-expert-enterprise-pairs-target")
    q = target.quantity
    assert q.text == "不少于50个"
    assert (q.value, q.low, q.high) == (Decimal(50), Decimal(50), None)
    assert q.low_inclusive is True
    assert q.high_inclusive is False
    assert q.unit == "个"
    assert q.qualifier is Qualifier.AT_LEAST
    assert target.kind is IndicatorKind.TARGET
    assert target.metric == "expert_enterprise_pairs"
    assert str(target.period) == "2024"
    assert weihai.path_of(target.id).startswith("actions[1].measures[")


def test_nearly_1700_high_tech_enterprises(weihai: Programme) -> None:
    """近1700家 is [1530, 1700): nearly, so 1700 itself is excluded."""
    ind = indicator(weihai, "high-tech-enterprises")
    q = ind.quantity
    assert q.text == "近1700家"
    assert q.qualifier is Qualifier.NEARLY
    assert (q.value, q.low, q.high) == (Decimal(1700), Decimal(1530), Decimal(1700))
    assert (q.low_inclusive, q.high_inclusive) == (True, False)
    assert q.unit == "家"
    assert ind.metric == "high_tech_enterprises"
    assert ind.kind is IndicatorKind.STATISTIC


def test_national_innovation_rank(weihai: Programme) -> None:
    """第35位 among all Chinese cities is an ordinal rank with no provincial scope."""
    ind = indicator(weihai, "city-innovation-capability-rank")
    assert ind.quantity.text == "第35位"
    assert ind.quantity.value == Decimal(35)
    assert ind.quantity.ordinal is True
    assert ind.quantity.unit == "位"
    assert ind.kind is IndicatorKind.RANK
    assert ind.metric == "innovation_capability_rank"
    assert ind.scope is None
    change = indicator(weihai, "city-innovation-capability-rank-change")
    assert (change.quantity.value, change.quantity.ordinal) == (Decimal(2), False)
    assert change.kind is IndicatorKind.STATISTIC


def test_provincial_ranks_are_scoped_to_shandong(weihai: Programme) -> None:
    """Each 全省第N is its own rank indicator, scoped to Shandong (370000)."""
    ranks = [
        r.indicator for r in weihai.iter_indicators() if r.indicator.kind is IndicatorKind.RANK
    ]
    assert [r.quantity.value for r in ranks] == [35, 3, 1, 2, 6, 7, 9, 3, 5]
    assert all(r.quantity.ordinal for r in ranks)
    provincial = ranks[1:]
    assert {r.scope.code if r.scope else None for r in provincial} == {"370000"}
    assert len({r.name.en for r in ranks}) == len(ranks)


def test_high_tech_output_share(weihai: Programme) -> None:
    """72.65% is an exact share, first in the province, 21.3 points above it."""
    share = indicator(weihai, "high-tech-output-share")
    assert share.quantity.text == "72.65%"
    assert share.quantity.value == Decimal("72.65")
    assert share.quantity.unit == "%"
    assert share.quantity.is_exact
    assert share.metric == "high_tech_output_share"
    assert share.kind is IndicatorKind.STATISTIC
    rank = indicator(weihai, "high-tech-output-share-provincial-rank")
    assert rank.quantity.value == 1
    gap = indicator(weihai, "high-tech-output-share-above-province")
    assert (gap.quantity.value, gap.quantity.unit) == (Decimal("21.3"), "个百分点")


@pytest.mark.parametrize(
    "id",
    ["high-tech-output-share", "city-innovation-capability-rank", "rd-intensity"],
)
def test_shares_and_ranks_refuse_to_be_summed(weihai: Programme, id: str) -> None:
    """A share or a rank of the dataset cannot be added, even to itself."""
    q = indicator(weihai, id).quantity
    with pytest.raises(NotSummableError, match="cannot add"):
        total([q, q])


def test_federation_figures(weihai: Programme) -> None:
    """The federation's information items: 18 in all so far this year, 1 adopted each by two."""
    submitted = indicator(weihai, "acfic-information-submitted")
    assert (submitted.quantity.value, submitted.quantity.unit) == (Decimal(18), "条")
    assert submitted.metric == "reports_submitted"
    assert submitted.cumulative is True
    assert str(submitted.period) == "2024-01-01/2024-06-27"
    by_acfic = indicator(weihai, "acfic-information-adopted-acfic")
    by_cppcc = indicator(weihai, "acfic-information-adopted-cppcc")
    assert by_acfic.metric == "reports_adopted"
    assert by_cppcc.metric is None
    experts = indicator(weihai, "acfic-think-tank-experts")
    assert (experts.quantity.value, experts.metric) == (Decimal(18), "experts_engaged")
    applicants = indicator(weihai, "acfic-top-100-applicants")
    assert (applicants.quantity.value, applicants.as_of) == (Decimal(31), date(2024, 6, 27))


def test_lead_bodies(weihai: Programme) -> None:
    """The leading group's office, as the source names it, leads each task; three bodies
    answer for their parts."""
    assert {body.zh for a in weihai.actions for body in a.lead} == {
        "威海市委统一战线工作领导小组办公室"
    }
    assert weihai.issuer.zh == "中共威海市委统一战线工作领导小组办公室"
    leads = {(a.id, body.en) for a, m in weihai.iter_measures() for body in m.lead}
    assert leads == {
        ("advice", "Weihai Federation of Industry and Commerce"),
        ("innovation", "Weihai Science and Technology Bureau"),
        ("private-economy", "Weihai Federation of Industry and Commerce"),
        ("investment-talent", "Weihai Commerce Bureau"),
    }


def test_named_initiatives(weihai: Programme) -> None:
    """The brands and campaigns the source names are recorded on their measures."""
    names = {i.zh for _, m in weihai.iter_measures() for i in m.initiatives}
    assert {
        "威海企业家日",
        "百名专家教授联百企",
        "我为发展献一策",
        "《威海统战》直通车",
        "威海统一战线智库",
        "青蓝偕行",
        "亲清助企",
        "工商联+N",
        "鲁商回家乡",
        "海归英才汇聚计划",
        "智汇威海",
        "万企兴万村",
        "道中华·鲁企边疆行",
        "后浪奔涌青企赋能",
        "城市合伙人",
        "服务大使",
    } <= names
    pairs = measure(weihai, "innovation-experts-enterprises")
    assert [i.en for i in pairs.initiatives] == [
        "A hundred experts and professors linked with a hundred enterprises"
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("五大行动", OmissionReason.NAME),
        ("五个坚持", OmissionReason.NAME),
        ("1+4+N", OmissionReason.NAME),
        ("第八届", OmissionReason.EDITION),
        ("十二届三次", OmissionReason.EDITION),
        ("大抓经济20条", OmissionReason.REFERENCE),
        ("大抓基层20条", OmissionReason.REFERENCE),
        ("6月6日", OmissionReason.DATE),
        ("6月27日", OmissionReason.DATE),
    ],
)
def test_figures_left_out_on_purpose(weihai: Programme, text: str, reason: OmissionReason) -> None:
    """Names, editions, references and dates are listed as left out, with the reason."""
    assert reason in {o.reason for o in weihai.omitted if o.text == text}


ADVICE_ASPECTS = [
    "建立建言献策全链条工作体系",
    "搭建建言献策多元化平台",
    "推动党外人士积极建言献策",
]
PRIVATE_ASPECTS = ["培育壮大民营经济市场主体", "助力民营经济人士健康成长", "优化民营经济发展环境"]
PROSPERITY_ASPECTS = [
    "建立健全统一战线助力共同富裕长效机制",
    "提升共同富裕活动品牌",
    "助力加强对口支援和东西部协作",
]


@pytest.mark.parametrize(
    ("action", "aspects"),
    [
        ("advice", ADVICE_ASPECTS),
        ("private-economy", PRIVATE_ASPECTS),
        ("common-prosperity", PROSPERITY_ASPECTS),
    ],
)
def test_each_task_has_the_sources_own_three_aspects(
    weihai: Programme, action: str, aspects: list[str]
) -> None:
    """The aspects are the plan's words, not the mechanism/platform/activity categories."""
    (found,) = [a for a in weihai.actions if a.id == action]
    assert [aspect.name.zh for aspect in found.aspects] == aspects
    assert sum(len(a.aspects) for a in weihai.actions) == 15


def test_a_measure_names_its_aspect_apart_from_its_category(weihai: Programme) -> None:
    """Two measures of one aspect may have different categories: the fields are separate."""
    by_id = {m.id: m for _, m in weihai.iter_measures()}
    assert (by_id["private-consultation"].aspect, by_id["private-consultation"].category) == (
        "healthy-growth",
        MeasureCategory.MECHANISM,
    )
    assert (
        by_id["private-young-entrepreneurs"].aspect,
        by_id["private-young-entrepreneurs"].category,
    ) == (
        "healthy-growth",
        MeasureCategory.ACTIVITY,
    )
    assert by_id["acfic-topic-selection"].aspect is None


def test_measures_have_the_status_the_text_gives(weihai: Programme) -> None:
    """探索成立: planned; 正在推进中 and 目前已有…参加申报: in progress; no other status."""
    statuses = {m.id: m.status for _, m in weihai.iter_measures() if m.status is not None}
    assert statuses == {
        "advice-think-tank": MeasureStatus.PLANNED,
        "acfic-expert-think-tank": MeasureStatus.IN_PROGRESS,
        "acfic-top-100-recommendation": MeasureStatus.IN_PROGRESS,
    }
