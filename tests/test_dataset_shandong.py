"""The Shandong federation's 2019 Bridge-and-Road Project: structure and headline figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests._dataset_helpers import indicator_ref, measure
from tests._seeds import normalized_seed
from unitedfront import (
    Framework,
    IndicatorKind,
    JurisdictionLevel,
    MeasureCategory,
    OmissionReason,
    Programme,
    ProgrammeKind,
    Qualifier,
    Theme,
)
from unitedfront.datasets import load

DATASET = "shandong-acfic-2019"
FEDERATION = "山东省工商联"


@pytest.fixture(scope="module")
def programme() -> Programme:
    return load(DATASET)


def test_is_the_provincial_federations_2019_plan(programme: Programme) -> None:
    """Kind, framework, place, issuer, period and source are those of the 2019 article."""
    assert programme.kind is ProgrammeKind.PLAN
    assert programme.framework is Framework.ACFIC_PLUS
    place = programme.jurisdiction
    assert (place.code, place.name.zh, place.name.en) == ("370000", "山东省", "Shandong")
    assert place.level is JurisdictionLevel.PROVINCE
    assert place.parent is None
    assert programme.issuer.zh == "山东省工商联"
    assert str(programme.period) == "2019"
    assert programme.implements is None
    [source] = programme.sources
    assert source.publisher is not None and source.publisher.zh == "中华工商时报"
    assert source.published == date(2019, 3, 20)


# The three bridges, the six roads and cadre building, in the order of the text.
ACTIONS = [
    ("bridge-concord", "搭建“同心桥”", Theme.PRIVATE_ECONOMY, 5),
    ("bridge-friendship", "搭建“联谊桥”", Theme.INVESTMENT_TALENT, 4),
    ("bridge-development", "搭建“发展桥”", Theme.INVESTMENT_TALENT, 4),
    ("road-policy", "政策落实铺路", Theme.PRIVATE_ECONOMY, 5),
    ("road-relations", "畅通关系铺路", Theme.PRIVATE_ECONOMY, 5),
    ("road-role-models", "典型倡树铺路", Theme.PRIVATE_ECONOMY, 3),
    ("road-factors", "要素保障铺路", Theme.PRIVATE_ECONOMY, 4),
    ("road-reform", "改革创新铺路", Theme.ORGANISATION, 4),
    ("road-skills", "素养提升铺路", Theme.ORGANISATION, 2),
    ("cadre-building", "聚焦干部队伍建设", Theme.ORGANISATION, 6),
]


def test_ten_actions_with_their_themes_and_measures(programme: Programme) -> None:
    """Three bridges, six roads and cadre building, each on one theme, with its measures."""
    got = [(a.id, a.name.zh, a.theme, len(a.measures)) for a in programme.actions]
    assert got == ACTIONS
    assert sum(len(a.measures) for a in programme.actions) == 42


def test_no_counts_are_declared(programme: Programme) -> None:
    """The text names its bridges and roads but never says how many there are."""
    assert programme.declared == ()


def test_chambers_plan_at_least_three_major_projects(programme: Programme) -> None:
    """Each chamber is to plan at least 3 major projects or events: [3, ∞) 个."""
    ref = indicator_ref(programme, "development-chamber-projects-target")
    assert ref.action is not None and ref.action.id == "bridge-development"
    q = ref.indicator.quantity
    assert q.text == "至少策划3个"
    assert (q.value, q.qualifier, q.unit) == (Decimal(3), Qualifier.AT_LEAST, "个")
    assert (q.low, q.low_inclusive, q.high, q.high_inclusive) == (Decimal(3), True, None, False)
    assert ref.indicator.kind is IndicatorKind.TARGET
    assert ref.indicator.metric is None
    assert str(ref.indicator.period) == "2019"
    assert ref.indicator.evidence.quote == "至少策划3个“双招双引”重大项目"


def test_leaders_spend_about_a_week_a_month_in_the_front_line(programme: Programme) -> None:
    """每月1周左右: about one week, [0.9, 1.1] 周, a target of the relations road."""
    ref = indicator_ref(programme, "relations-frontline-time-target")
    assert ref.action is not None and ref.action.id == "road-relations"
    q = ref.indicator.quantity
    assert (q.text, q.value, q.qualifier, q.unit) == ("1周左右", Decimal(1), Qualifier.ABOUT, "周")
    assert (q.low, q.high) == (Decimal("0.9"), Decimal("1.1"))
    assert q.low_inclusive and q.high_inclusive
    assert ref.indicator.kind is IndicatorKind.TARGET


def test_only_two_figures_are_indicators(programme: Programme) -> None:
    """A plan with two figures of its own; every other numeral is left out with a reason."""
    ids = [ref.indicator.id for ref in programme.iter_indicators()]
    assert ids == ["development-chamber-projects-target", "relations-frontline-time-target"]


LIAISON_PLACES = ("北京", "上海", "天津", "重庆", "广东", "浙江")


def test_liaison_stations_in_six_named_places(programme: Programme) -> None:
    """The liaison stations measure names its six places and the stations' brand."""
    stations = measure(programme, "development-liaison-stations")
    assert programme.path_of(stations.id) == "actions[2].measures[1]"
    assert [place for place in LIAISON_PLACES if place in stations.name.zh] == list(LIAISON_PLACES)
    assert stations.evidence is not None
    assert all(place in stations.evidence.quote for place in LIAISON_PLACES)
    assert stations.category is MeasureCategory.PLATFORM
    assert [t.zh for t in stations.initiatives] == ["双招双引服务联络站"]
    assert [t.zh for t in stations.lead] == [FEDERATION]
    assert stations.indicators == ()


def test_lead_bodies(programme: Programme) -> None:
    """The federation leads every measure but the Israel forum, which it helps the SASAC hold."""
    leads = {m.id: [t.zh for t in m.lead] for _, m in programme.iter_measures()}
    assert leads.pop("friendship-israel-forum") == ["山东省国资委"]
    assert set(map(tuple, leads.values())) == {(FEDERATION,)}
    forum = measure(programme, "friendship-israel-forum")
    assert [t.zh for t in forum.partners] == [FEDERATION]


@pytest.mark.parametrize(
    ("measure_id", "initiative"),
    [
        ("policy-direct-train", "政策直通车"),
        ("policy-qilu-lectures", "齐鲁企业家大讲堂"),
        ("factors-ma-fund-chamber", "投资并购基金商会"),
        ("factors-rural-alliance", "乡村振兴行动产业服务联盟"),
        ("factors-rural-alliance", "千企帮(助)千村"),
        ("cadres-fault-tolerance", "容错纠错"),
        ("role-models-rushang-brand", "儒商品牌"),
        ("friendship-rushang-conference", "儒商大会"),
    ],
)
def test_named_initiatives(programme: Programme, measure_id: str, initiative: str) -> None:
    """The brands and campaigns the text names sit on their measures."""
    assert initiative in [t.zh for t in measure(programme, measure_id).initiatives]


OMITTED = [
    ("2019-03-20", OmissionReason.DATE),
    ("第04版", OmissionReason.OTHER),
    ("四版", OmissionReason.OTHER),
    ("3348", OmissionReason.OTHER),
    ("2019年", OmissionReason.DATE),
    ("两个维护", OmissionReason.NAME),
    ("70周年", OmissionReason.NAME),
    ("2018", OmissionReason.REFERENCE),
    ("一带一路", OmissionReason.NAME),
    ("两岸", OmissionReason.NAME),
    ("2019", OmissionReason.NAME),
    ("十强", OmissionReason.NAME),
    ("三级", OmissionReason.OTHER),
    ("1+5", OmissionReason.NAME),
    ("三进", OmissionReason.NAME),
    ("千企帮(助)千村", OmissionReason.NAME),
    ("70周年", OmissionReason.NAME),
]


def test_figures_left_out_and_why(programme: Programme) -> None:
    """Dates, article metadata, names and another document's year are left out, with reasons."""
    assert [(o.text, o.reason) for o in programme.omitted] == OMITTED
    [published] = [o for o in programme.omitted if o.text == "2019-03-20"]
    assert published.reason is OmissionReason.DATE
    assert published.evidence.quote == "2019-03-20 第04版:四版"


def test_the_publication_date_is_in_the_source_header() -> None:
    """The omitted date is the article's own header date, quoted as the source prints it."""
    source = normalized_seed(DATASET)
    assert source.count("2019-03-20 第04版:四版") == 1
