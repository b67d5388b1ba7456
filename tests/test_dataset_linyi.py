"""The bundled Linyi programme: its structure and the headline figures users rely on."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from tests._dataset_helpers import by_metric, indicator, measure
from unitedfront import (
    CountedPart,
    IndicatorKind,
    MeasureCategory,
    OmissionReason,
    Programme,
    Qualifier,
    Script,
    Theme,
    get_metric,
    unit_kind,
)
from unitedfront.datasets import load

DATASET = "linyi-2024"
PRESS_CONFERENCE = date(2024, 7, 19)


@pytest.fixture(scope="module")
def linyi() -> Programme:
    return load(DATASET)


def test_programme_facts(linyi: Programme) -> None:
    """A 2024 five-actions report of Linyi implementing the provincial programme."""
    assert linyi.kind == "report"
    assert linyi.framework == "five_actions"
    assert linyi.implements == "shandong-five-actions-2023"
    assert linyi.jurisdiction.code == "371300"
    assert linyi.jurisdiction.parent == "370000"
    assert linyi.jurisdiction.level == "prefecture"
    assert linyi.jurisdiction.name.en == "Linyi"
    assert linyi.issuer.zh == "中共临沂市委统战部"
    assert str(linyi.period) == "2024"
    assert linyi.adopted is None
    assert [(s.script, s.published) for s in linyi.sources] == [
        (Script.SIMPLIFIED, date(2024, 7, 22))
    ]
    assert linyi.declared_count(CountedPart.ACTIONS) == 5
    assert linyi.indicators == ()


def test_the_five_actions_and_their_themes_in_order(linyi: Programme) -> None:
    """建言献策, 创新创造, 壮大民企, 双招双引, 共同富裕: one theme each, in the text's order."""
    assert [(a.id, a.name.zh, a.theme) for a in linyi.actions] == [
        ("advice", "建言献策行动", Theme.ADVICE),
        ("innovation", "创新创造行动", Theme.INNOVATION),
        ("private-economy", "壮大民企行动", Theme.PRIVATE_ECONOMY),
        ("investment-talent", "双招双引行动", Theme.INVESTMENT_TALENT),
        ("common-prosperity", "共同富裕行动", Theme.COMMON_PROSPERITY),
    ]
    assert len(linyi.actions) == linyi.declared_count(CountedPart.ACTIONS)


def test_measures_as_the_text_groups_them(linyi: Programme) -> None:
    """Three measures under each action, with the text's own names and a category each."""
    assert {a.id: [(m.name.zh, m.category) for m in a.measures] for a in linyi.actions} == {
        "advice": [
            ("打造“专业化”队伍", MeasureCategory.PLATFORM),
            ("形成“高质量”成果", MeasureCategory.ACTIVITY),
            ("建立“管长远”机制", MeasureCategory.MECHANISM),
        ],
        "innovation": [
            ("搭建平台、推动融合发展", MeasureCategory.PLATFORM),
            ("提供服务、激发创新活力", MeasureCategory.ACTIVITY),
            ("深化合作、促进成果转化", MeasureCategory.PLATFORM),
        ],
        "private-economy": [
            ("密切“亲清有为”关系", MeasureCategory.MECHANISM),
            ("提升“纾困解难”质效", MeasureCategory.ACTIVITY),
            ("促进“两个健康”发展", MeasureCategory.ACTIVITY),
        ],
        "investment-talent": [
            ("主动对接", MeasureCategory.ACTIVITY),
            ("交流合作", MeasureCategory.ACTIVITY),
            ("涵养资源", MeasureCategory.ACTIVITY),
        ],
        "common-prosperity": [
            ("创建工作品牌", MeasureCategory.ACTIVITY),
            ("创新合作模式", MeasureCategory.MECHANISM),
            ("创树统战好例", MeasureCategory.PLATFORM),
        ],
    }


def test_lead_bodies_where_the_text_names_them(linyi: Programme) -> None:
    """统战部 and 工商联 lead the private-economy action; 职教社 the vocational cooperation."""
    leads = {a.id: [b.zh for b in a.lead] for a in linyi.actions if a.lead}
    assert leads == {"private-economy": ["统战部", "工商联"]}
    platforms = measure(linyi, "innovation-platforms")
    assert [b.zh for b in platforms.lead] == ["职教社"]
    assert [b.zh for b in platforms.partners] == ["国资委", "工商联"]
    assert [b.zh for b in measure(linyi, "investment-resources").lead] == ["全市统战系统"]


@pytest.mark.parametrize(
    ("measure_id", "initiative"),
    [
        ("advice-team", "同心智库"),
        ("advice-team", "“12345·首发”特约监督员"),
        ("advice-team", "政务服务体验官"),
        ("innovation-platforms", "“双站”模式"),
        ("innovation-platforms", "新农力"),
        ("innovation-services", "“五个一百”沂蒙新阶层高质量发展服务团"),
        ("innovation-services", "阳光雨露"),
        ("private-economy-relations", "亲清临易见"),
        ("private-economy-relief", "政策宣讲团"),
        ("private-economy-two-healthy", "百名专家教授联百企"),
        ("investment-exchange", "临沂招商大使"),
        ("common-prosperity-brands", "万企兴万村"),
        ("common-prosperity-examples", "沂蒙好例"),
    ],
)
def test_named_initiatives(linyi: Programme, measure_id: str, initiative: str) -> None:
    """Each named brand or campaign sits under the measure the text gives it."""
    assert initiative in [i.zh for i in measure(linyi, measure_id).initiatives]


def test_enterprises_paired_with_villages(linyi: Programme) -> None:
    """累计动员4221家企业与3702个行政村结对共建: two exact running totals."""
    enterprises = by_metric(linyi, "enterprises_paired_with_villages")
    villages = by_metric(linyi, "villages_paired")
    for ind, text, value, unit in (
        (enterprises, "4221家", 4221, "家"),
        (villages, "3702个", 3702, "个"),
    ):
        q = ind.quantity
        assert (q.text, q.value, q.low, q.high, q.unit) == (
            text,
            Decimal(value),
            Decimal(value),
            Decimal(value),
            unit,
        )
        assert q.qualifier == Qualifier.EXACT
        assert ind.kind == IndicatorKind.ACTUAL
        assert ind.cumulative is True
        assert ind.evidence.quote == "累计动员4221家企业与3702个行政村结对共建"
    assert measure(linyi, "common-prosperity-cooperation").indicators[:2] == (enterprises, villages)


def test_suggestions_collected_is_an_open_interval(linyi: Programme) -> None:
    """征集意见建议470余条: more than 470 and fewer than 480."""
    ind = by_metric(linyi, "suggestions_collected")
    q = ind.quantity
    assert (q.text, q.value, q.low, q.high, q.unit) == (
        "470余条",
        Decimal(470),
        Decimal(470),
        Decimal(480),
        "条",
    )
    assert q.qualifier == Qualifier.MORE_THAN
    assert (q.low_inclusive, q.high_inclusive) == (False, False)
    assert ind.evidence.quote == "征集意见建议470余条"


def test_entrepreneur_training_is_counted_in_person_times(linyi: Programme) -> None:
    """培训企业家1400余人次: attendances, not people."""
    ind = by_metric(linyi, "entrepreneur_training_attendances")
    q = ind.quantity
    assert (q.text, q.value, q.low, q.high, q.unit) == (
        "1400余人次",
        Decimal(1400),
        Decimal(1400),
        Decimal(1500),
        "人次",
    )
    assert q.qualifier == Qualifier.MORE_THAN
    assert unit_kind(q) == get_metric(ind.metric or "").unit_kind == "person_times"


def test_enterprises_and_chambers_visited(linyi: Programme) -> None:
    """走访企业1234家、商会201家: two metrics, both exact."""
    visited = by_metric(linyi, "enterprises_visited")
    chambers = by_metric(linyi, "chambers_visited")
    assert (visited.quantity.text, visited.quantity.value, visited.quantity.unit) == (
        "1234家",
        Decimal(1234),
        "家",
    )
    assert visited.quantity.is_exact
    assert (chambers.quantity.text, chambers.quantity.value) == ("201家", Decimal(201))
    assert visited.cumulative is True


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("suggestions_adopted", "320多条"),
        ("advisory_platforms", "63处"),
        ("reports_submitted", "1100余篇"),
        ("reports_adopted", "630余篇"),
        ("visiting_experts", "100余名"),
        ("grassroots_organisations", "384个"),
        ("media_articles_published", "800余篇"),
        ("roadshows_held", "30余场次"),
        ("village_cooperation_projects", "4492个"),
        ("service_stations", "132处"),
    ],
)
def test_metric_figures(linyi: Programme, code: str, text: str) -> None:
    """The figure each compared metric holds for Linyi."""
    assert by_metric(linyi, code).quantity.text == text


def test_each_metric_holds_one_figure(linyi: Programme) -> None:
    """No metric appears twice: the narrower figure of a pair is left without one."""
    used = Counter(ref.indicator.metric for ref in linyi.iter_indicators() if ref.indicator.metric)
    assert [code for code, n in used.items() if n > 1] == []
    assert indicator(linyi, "common-prosperity-national-provincial-articles").metric is None
    assert indicator(linyi, "private-economy-roadshows").metric is None
    assert indicator(linyi, "innovation-expert-stations").metric is None


def test_every_figure_is_a_result_to_the_press_conference(linyi: Programme) -> None:
    """Results to date: as of 19 July 2024, no period; running totals but for one stock."""
    refs = list(linyi.iter_indicators())
    assert len(refs) == 50
    assert all(r.indicator.kind == IndicatorKind.ACTUAL for r in refs)
    assert all(r.indicator.as_of == PRESS_CONFERENCE for r in refs)
    assert all(r.indicator.period is None and r.indicator.scope is None for r in refs)
    assert [r.indicator.id for r in refs if not r.indicator.cumulative] == ["advice-core-team"]
    plan_items = indicator(linyi, "private-economy-consultation-items")
    assert plan_items.quantity.text == "42项"
    assert plan_items.evidence.quote == "连续三年落实“政企沟通协商计划”42项"


def test_headlines_are_recorded_once(linyi: Programme) -> None:
    """Each action's headline figure is an indicator in its body; the headline is restated."""
    restated = [o.text for o in linyi.omitted if o.reason == OmissionReason.RESTATED]
    assert restated == ["320多条", "132处", "1400余人次", "384个", "4221家", "3702个"]
    headline_ids = {
        "advice": "advice-suggestions-adopted",
        "innovation": "innovation-new-strata-stations",
        "private-economy": "private-economy-training-attendances",
        "investment-talent": "investment-grassroots-organisations",
        "common-prosperity": "common-prosperity-enterprises-paired",
    }
    for action in linyi.actions:
        assert action.note is not None
        assert headline_ids[action.id] in (action.note.en or "")


def test_figures_left_out_and_why(linyi: Programme) -> None:
    """Dates, names with numerals, a batch number and page metadata are left out, with reasons."""
    reasons = Counter(o.reason for o in linyi.omitted)
    assert reasons == {
        OmissionReason.NAME: 11,
        OmissionReason.RESTATED: 6,
        OmissionReason.OTHER: 3,
        OmissionReason.DATE: 2,
        OmissionReason.EDITION: 1,
    }
    texts = {o.text: o.reason for o in linyi.omitted}
    assert texts["五大行动"] == OmissionReason.NAME
    assert texts["两个健康"] == OmissionReason.NAME
    assert texts["12345·首发"] == OmissionReason.NAME
    assert texts["7月19日"] == OmissionReason.DATE
    assert texts["8651"] == OmissionReason.OTHER
    assert texts["首批"] == OmissionReason.EDITION
