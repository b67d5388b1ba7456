"""Each figure corrected against its source records the time and metric the text gives."""

from __future__ import annotations

from datetime import date

import pytest

from tests._dataset_helpers import indicator
from unitedfront import Temporal
from unitedfront.datasets import load

RT, SN, FL = Temporal.RUNNING_TOTAL, Temporal.SNAPSHOT, Temporal.FLOW
PRESS = date(2024, 7, 19)
WEIHAI_PRESS = date(2024, 6, 27)
THIS_YEAR = "2024-01-01/2024-06-27"
EPV, ETA = "enterprises_paired_with_villages", "entrepreneur_training_attendances"
NB, LY, SZ, WH = "ningbo-acfic-2023", "linyi-2024", "shenzhen-acfic-2021", "weihai-2024"
DY, BZ = "dongying-2022", "binzhou-2023"

# (programme, indicator, metric, temporal, period, as_of, span)
CORRECTED = [
    # 822家会员企业与668个村结对, 超13亿元, 146个, 3.6万余个: no period in the text.
    (NB, "enterprises-paired", EPV, RT, None, None, None),
    (NB, "villages-paired", "villages_paired", RT, None, None, None),
    (NB, "rural-investment", "rural_investment", RT, None, None, None),
    (NB, "common-prosperity-workshops", "common_prosperity_workshops", RT, None, None, None),
    (NB, "jobs-provided", "jobs_provided", RT, None, None, None),
    # 连续11年: eleven years, not 2023.
    (NB, "enterprise-research-years", None, RT, None, None, "P11Y"),
    # 108家直属商会: a stock, not a flow of 2023, and chambers under the federation.
    (NB, "direct-chambers", "direct_chambers", SN, None, None, None),
    # 举办展会或参展: trade fairs, not investment promotion.
    (NB, "exhibitions", "trade_fairs", RT, None, None, None),
    # 8场恳谈活动: the consultation meetings; the 31 consultations on the index are not.
    (NB, "dialogue-meetings", "consultation_meetings_held", RT, None, None, None),
    (NB, "qinqing-index-consultations", None, RT, None, None, None),
    # The other Ningbo figures without a period in the text.
    (NB, "enterprises-visited", "enterprises_visited", RT, None, None, None),
    (NB, "agreements-signed", "agreements_signed", RT, None, None, None),
    (NB, "information-rank", None, SN, None, None, None),
    (NB, "ministries-foundry-opinion", None, None, None, None, None),
    # 上半年 stays a flow of the first half of 2023.
    (NB, "training-attendances", ETA, FL, "2023-01/2023-06", None, None),
    # 连续三年…42项: the span the text gives.
    (LY, "private-economy-consultation-items", None, RT, None, PRESS, "P3Y"),
    # 达成合作意向11个: intentions, not signed agreements.
    (LY, "private-economy-cooperation-intentions", "cooperation_intentions", RT, None, PRESS, None),
    # 邀请…100余名专家走进临沂: visiting, not engaged.
    (LY, "investment-experts-invited", "visiting_experts", RT, None, PRESS, None),
    # Results to date at the press conference are running totals; the core team is a stock.
    (LY, "private-economy-enterprises-visited", "enterprises_visited", RT, None, PRESS, None),
    (LY, "advice-core-team", None, SN, None, PRESS, None),
    # 召开党外人士协商会、座谈会等25次: consulting non-party figures is inter-party consultation.
    (LY, "advice-consultation-meetings", "party_consultations_held", RT, None, PRESS, None),
    # 会议协商、书面协商活动39次 and 政党协商活动20次以上: inter-party consultations, any form.
    (DY, "consultations", "party_consultations_held", FL, "2022", None, None),
    (BZ, "party-consultations", "party_consultations_held", FL, "2023", None, None),
    # 吸纳168家…为团体会员: group members, not chambers under the federation.
    (SZ, "group-member-associations", "group_members", SN, None, None, None),
    # 组织参加…30余次: meetings attended, not held.
    (SZ, "exchange-meetings", "meetings_attended", FL, "2021", None, None),
    # 连续两年: 2021年2月和2022年1月.
    (SZ, "secretary-instruction-years", None, RT, "2021-02/2022-01", None, "P2Y"),
    # 今年以来…累计报送信息18条, as of the press conference.
    (WH, "acfic-information-submitted", "reports_submitted", RT, THIS_YEAR, WEIHAI_PRESS, None),
    # 目前已有31家企业参加申报: applicants so far.
    (WH, "acfic-top-100-applicants", None, RT, None, WEIHAI_PRESS, None),
    # 邀请18位…专家成立智库: a think tank's members, undated.
    (WH, "acfic-think-tank-experts", "experts_engaged", SN, None, None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("programme", "id", "metric", "temporal", "period", "as_of", "span"), CORRECTED
)
def test_the_corrected_figure_records_what_its_source_gives(
    programme: str,
    id: str,
    metric: str | None,
    temporal: Temporal | None,
    period: str | None,
    as_of: date | None,
    span: str | None,
) -> None:
    """The figure's metric, temporal nature, period, date and span are those of its text."""
    ind = indicator(load(programme), id)
    assert ind.metric == metric
    assert ind.temporal is temporal
    assert (str(ind.period) if ind.period else None) == period
    assert ind.as_of == as_of
    assert ind.span == span
    assert ind.cumulative is (temporal is RT)


@pytest.mark.parametrize(
    "programme",
    ["linyi-2024", "ningbo-acfic-2023", "shenzhen-acfic-2021", "dongying-2022", "binzhou-2023"],
)
def test_each_corrected_dataset_says_so_in_its_notes(programme: str) -> None:
    """The corrections are recorded in the dataset's own notes."""
    assert any(n.zh.startswith("更正") for n in load(programme).notes)


def test_chambers_of_commerce_holds_one_concept_beside_the_split_ones() -> None:
    """The chambers of a federation's system, not its direct chambers or group members."""
    from unitedfront import get_metric, metrics

    codes = {m.code for m in metrics()}
    chambers = get_metric("chambers_of_commerce")
    assert "商会组织" in chambers.terms
    assert {"直属商会", "团体会员"} <= set(chambers.excludes)
    assert {"direct_chambers", "group_members", "cooperation_intentions"} <= codes
    assert {"visiting_experts", "meetings_attended", "trade_fairs"} <= codes


def test_inter_party_consultations_are_one_metric_apart_from_other_consultations() -> None:
    """政党协商 in any form is one metric; talks between government and firms are another."""
    from unitedfront import get_metric

    party = get_metric("party_consultations_held")
    meetings = get_metric("consultation_meetings_held")
    assert {"政党协商", "书面协商"} <= set(party.terms)
    assert {"政党协商", "党外人士", "书面协商"} <= set(meetings.excludes)
    assert "恳谈" in party.excludes
    assert indicator(load(NB), "dialogue-meetings").metric == "consultation_meetings_held"
