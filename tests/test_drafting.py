"""Drafting a programme from a text: each rule tested on a short text, both ways."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from unitedfront import Draft, DraftFigure, LoadError, Programme, draft

PUBLISHED = date(2023, 11, 20)


def only(text: str, *, published: date | None = PUBLISHED) -> DraftFigure:
    """The one figure drafted from a text."""
    figures = draft(text, source_id="t", published=published).figures
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


def texts_of(d: Draft) -> list[str]:
    """The drafted figures' expressions."""
    return [f.text for f in d.figures]


# --------------------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    ("text", "figure", "not_figure", "why"),
    [
        ("庆祝建党100周年，走访企业30家。", "30家", "100周年", "anniversary"),
        ("学习党的二十届四中全会精神，举办培训5场。", "5场", "二十届", "session"),
        ("第二季度召开座谈会3次。", "3次", "第二季度", "quarter"),
        ("举办第一期培训班，培训企业家80人。", "80人", "第一期", "edition"),
        ("三年来累计帮扶村庄12个。", "12个", "三年", "span"),
        ("建立省市县三级联动机制，联系商会6个。", "6个", "三级", "tier"),
        ("打造清廉民企建设2.0版，确定试点单位9家。", "9家", "2.0版", "version"),
        ("点击数:5532 走访企业40家。", "40家", "5532", "page counter"),
    ],
)
def test_not_figures_are_left_out_with_their_reason(
    text: str, figure: str, not_figure: str, why: str
) -> None:
    """Anniversaries, sessions, quarters, editions, spans and tiers are not figures."""
    d = draft(text, source_id="t", published=PUBLISHED)
    assert texts_of(d) == [figure]
    assert [(n.text, n.note) for n in d.not_figures] == [(not_figure, why)]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # the span is itself the figure: the years a thing was won or done running
        ("市工商联连续5年荣获全国先进。", ["5年"]),
        ("连续11年开展“问千家、进百企”调研,常态开展走访。", ["11年"]),
        ("书记连续两年对工商联工作作出批示。", ["两年"]),
        ("连续6个月召开恳谈会。", ["6个月"]),
        # it frames other figures: in its clause, after a start year, or carried on
        ("连续三年落实“政企沟通协商计划”42项。", ["42项"]),
        ("自2021年起,统一战线连续三年开展助力行动,先后促成项目40个。", ["40个"]),
        ("自2021年起连续三年开展助力行动。", []),  # a start year anchors the span
        ("连续三年开展帮扶,累计投入资金300万元。", ["300万元"]),
        ("近三年开展调研。", []),  # no 连续: a span, as before
    ],
)
def test_a_run_of_years_is_a_figure_unless_it_frames_others(text: str, figures: list[str]) -> None:
    """连续N年 counts the years running, unless it frames the figures of its span."""
    assert texts_of(draft(text, published=PUBLISHED)) == figures


def test_a_duration_before_shijian_is_a_figure() -> None:
    """每月1周左右时间: a time spent is a figure; 时间 after it makes no name."""
    assert texts_of(draft("负责人每月1周左右时间在一线。", published=PUBLISHED)) == ["1周左右"]
    assert texts_of(draft("第一时间召开会议。", published=PUBLISHED)) == []


# --------------------------------------------------------------------------- kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("全市已走访民营企业1234家。", "actual"),  # a report's result
        ("力争全年走访民营企业1500家。", "target"),  # 力争 in a report
        ("到2025年底，打造示范村30个。", "target"),  # a deadline
        ("全市民营企业实现产值1566亿元，同比增长10.5%。", "statistic"),  # 产值, 同比
        ("出台支持民营经济发展28项举措。", "structure"),  # the programme's own measures
        ("综合评价位列全省第3位。", "rank"),  # an ordinal
    ],
)
def test_kind_from_the_clause(text: str, kind: str) -> None:
    """The cues of a figure's clause type it; a report's plain figure is a result."""
    figure = draft(text, source_id="t", published=PUBLISHED).figures[0]
    assert figure.kind.value is not None
    assert figure.kind.value.value == kind
    assert figure.kind.reason and 0 < figure.kind.confidence <= 1


def test_a_plans_figures_are_targets_and_a_past_year_is_not() -> None:
    """In a plan, a figure is a target, unless its year is already past."""
    text = "2024年工作方案\n2023年，全市实现产值900亿元。\n今年，组织调研课题36项。"
    d = draft(text, source_id="t", published=date(2024, 3, 1))
    assert d.kind.value is not None and d.kind.value.value == "plan"
    kinds = [(f.text, f.kind.value.value if f.kind.value else None) for f in d.figures]
    assert kinds == [("900亿元", "statistic"), ("36项", "target")]


def test_project_is_not_a_structure_word() -> None:
    """项目 (projects) are counted things, not the programme's own 项 (items)."""
    assert only("实施帮扶项目1758个。").kind.value.value == "actual"  # type: ignore[union-attr]


# --------------------------------------------------------------------------- time


@pytest.mark.parametrize(
    ("text", "period", "as_of", "cumulative"),
    [
        ("截至9月底，已走访企业1234家。", None, "2023-09-30", False),
        ("今年以来，走访企业1234家。", "2023-01-01/2023-11-20", None, False),
        ("2022年，全市走访企业1234家。", "2022", None, False),
        ("去年走访企业1234家。", "2022", None, False),
        ("上半年走访企业1234家。", "2023-01/2023-06", None, False),
        ("累计走访企业1234家。", None, "2023-11-20", True),
        ("目前共有商会组织300个。", None, "2023-11-20", False),
        ("自2021年起连续三年开展行动，先后促成项目40个。", "2021/2023", None, False),
        ("走访企业1234家。", None, None, False),  # no cue: left open, never guessed
    ],
)
def test_time_from_the_cues(
    text: str, period: str | None, as_of: str | None, cumulative: bool
) -> None:
    """Period, as-of date and the running-total mark come from the cues and publication."""
    figure = only(text)
    got_period = str(figure.period.value) if figure.period.value is not None else None
    got_as_of = figure.as_of.value.isoformat() if figure.as_of.value is not None else None
    assert (got_period, got_as_of, figure.cumulative.value) == (period, as_of, cumulative)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2021年2月和2022年1月,书记连续两年作出批示。", "2021-02/2022-01"),
        ("2019年5月和2022年1月,书记连续两年作出批示。", None),  # ends that are no run of two
        ("市工商联连续5年荣获全国先进。", None),  # no dated ends: the run's own cue gives none
    ],
)
def test_a_run_of_years_is_timed_only_by_its_dated_ends(text: str, period: str | None) -> None:
    """连续两年 as the figure runs between the months its sentence dates, else it is untimed."""
    figure = only(text)
    got = str(figure.period.value) if figure.period.value is not None else None
    assert (got, figure.as_of.value) == (period, None)


def test_relative_cues_need_the_publication_date() -> None:
    """Without a publication date, 今年以来 and 截至目前 give no date (never a guess)."""
    figure = only("截至目前，走访企业1234家。", published=None)
    assert figure.as_of.value is None and figure.period.value is None


def test_a_count_closed_at_a_date_since_a_start_runs_on() -> None:
    """…开展以来 … 截至X月底: the figures are running totals at that date."""
    d = draft("行动开展以来，成效明显。截至10月底，共有企业300家参与。", published=PUBLISHED)
    assert [(f.as_of.value, f.cumulative.value) for f in d.figures] == [(date(2023, 10, 31), True)]


def test_an_opening_cue_governs_its_paragraph_and_a_mid_clause_cue_only_its_clause() -> None:
    """2022年, at a sentence's opening reaches the paragraph; 今年已 only its clause."""
    d = draft(
        "2022年，全市走访企业100家。协调问题50个。\n商会今年已开展活动7次。建立党组织27个。",
        published=PUBLISHED,
    )
    periods = [str(f.period.value) if f.period.value else None for f in d.figures]
    assert periods == ["2022", "2022", "2023-01-01/2023-11-20", None]


def test_a_lead_in_ending_in_a_colon_passes_its_year_to_the_list() -> None:
    """A paragraph ending in a colon gives its time to the list after it."""
    d = draft("在不平凡的2022年，全市统一战线交出答卷:\n——建设基地6处。\n——开通专线16条。")
    assert [str(f.period.value) for f in d.figures] == ["2022", "2022"]


def test_the_date_of_an_event_is_not_the_figures_time() -> None:
    """今年5月 dates a meeting; the measures it adopted get no period from it."""
    assert only("今年5月，市里召开大会，出台28项举措。").period.value is None


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("已有1665家民营企业参与联建。", "民营企业"),  # the noun after the figure
        ("帮扶贫困村152个。", "贫困村"),  # the object of the verb before it
        ("组织动员全市612家企业。", "企业"),  # never the verb before the figure
    ],
)
def test_subject_is_the_counted_noun(text: str, subject: str) -> None:
    """The subject is the counted noun phrase, never the verb before the figure."""
    assert only(text).subject.value == subject


def test_quotes_are_short_clause_bound_and_never_shared() -> None:
    """Each figure's quote lies in its clause, holds it, and no two figures share one."""
    d = draft("全市走访企业1234家，协调解决问题近300个、收集建议470余条。", published=PUBLISHED)
    quotes = [f.quote for f in d.figures]
    assert quotes == ["全市走访企业1234家", "协调解决问题近300个", "收集建议470余条"]
    assert len(set(quotes)) == len(quotes)
    assert all(f.text in f.quote and f.quote in d.text for f in d.figures)


def test_two_figures_of_one_phrase_get_distinct_quotes() -> None:
    """The same phrase said twice still gives each figure its own quote."""
    d = draft("代表115家企业表态。当日,115家企业签约。", published=PUBLISHED)
    quotes = [f.quote for f in d.figures]
    assert len(quotes) == 2 and quotes[0] != quotes[1]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("创新举办“统战大讲堂”3期。", "创新举办统战大讲堂"),  # a quotation cut by the figure
        ("开通“民族团结号”公交专线16条。", "开通“民族团结号”公交专线"),  # a whole one stays
    ],
)
def test_names_keep_only_whole_quotations(text: str, name: str) -> None:
    """A name never holds half a quotation."""
    assert only(text).name.value == name


def test_english_is_never_invented() -> None:
    """Names and subjects are Chinese only; the file carries no English for them."""
    record = draft("走访企业1234家。", source_id="t", published=PUBLISHED).to_dict()
    assert record["indicators"][0]["name"] == "走访企业"


# --------------------------------------------------------------------------- scope and metric


def test_scope_is_a_sub_place_named_in_the_sentence() -> None:
    """A place inside the programme's named in the figure's sentence is its scope."""
    d = draft("江苏省工商联推进会召开。南京市工商联梳理企情120多份;全省联建村1616个。")
    assert d.jurisdiction.value is not None and d.jurisdiction.value.code == "320000"
    scopes = [f.scope.value.code if f.scope.value else None for f in d.figures]
    assert scopes == ["320100", None]


def test_metric_suggestion_with_runner_up() -> None:
    """A figure's words suggest the metric whose terms they hold, with the runner-up."""
    figure = only("协调解决企业困难问题300个。")
    assert figure.metric.code == "problems_resolved"
    assert figure.metric.runner_up is not None and figure.metric.runner_up != "problems_resolved"
    assert figure.metric.score >= figure.metric.runner_up_score


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        # 结对帮扶 pairs firms with villages; it is not help given to firms
        (
            "全县247家民营企业与227个村结对帮扶。",
            ["enterprises_paired_with_villages", "villages_paired"],
        ),
        # a 联谊会 is a grassroots United Front organisation
        ("成立党外知识分子联谊会5个。", ["grassroots_organisations"]),
        # a bare figure after another takes its words from the clause
        (
            "开展专题培训41场、1804人次。",
            ["training_sessions_held", "entrepreneur_training_attendances"],
        ),
        # 党建共建 is party building, no pairing; and a party organisation is no metric
        ("277家民营企业建立党组织，党建共建示范基地。", [None]),
        # the subject counts firms, so a metric that counts villages is out
        ("参与万企兴万村的企业300家。", ["enterprises_paired_with_villages"]),
        # a list closed by 等 is counted whole: its first item names the metric
        ("召开党外人士协商会、座谈会等25次。", ["party_consultations_held"]),
        ("召开政企恳谈会、座谈会等8次。", ["consultation_meetings_held"]),
        # without 等 each item has its own figure, and its own words
        (
            "走访企业1234家、商会201家。",
            ["enterprises_visited", "chambers_visited"],
        ),
    ],
)
def test_metric_by_shared_concepts(text: str, metrics: list[str | None]) -> None:
    """The genre's words for one concept meet a metric's terms; the counted thing must agree."""
    d = draft(text, published=PUBLISHED)
    assert [f.metric.code for f in d.figures] == metrics


def test_no_metric_for_a_figure_of_another_unit_kind() -> None:
    """Money never gets a count metric, however alike the words."""
    assert only("协调解决问题资金300万元。").metric.code != "problems_resolved"


# --------------------------------------------------------------------------- the programme's facts


@pytest.mark.parametrize(
    ("text", "code", "issuer"),
    [
        ("禹城市工商联建立协调机制\n全市走访企业100家。", "371482", "禹城市工商联"),
        ("滨州市委统战部召开发布会\n全市调研课题36项。", "371600", "滨州市委统战部"),
        ("内蒙古自治区工商联召开推进会\n全区企业300家参与。", "150000", "内蒙古自治区工商联"),
    ],
)
def test_place_and_issuer(text: str, code: str, issuer: str) -> None:
    """The place comes with its code from the table; the issuer is its 统战部 or 工商联."""
    d = draft(text, published=PUBLISHED)
    assert d.jurisdiction.value is not None and d.jurisdiction.value.code == code
    assert d.issuer.value == issuer


def test_a_place_the_text_does_not_name_stays_open() -> None:
    """我县 names no county: the place is left open, not filled with the province."""
    d = draft("河南省表彰先进。我县工商联引导全县企业154家参与。", published=PUBLISHED)
    assert d.jurisdiction.open and d.jurisdiction.value is None


@pytest.mark.parametrize(
    ("text", "framework"),
    [
        ("深化“五大行动”，建言献策行动成效明显。", "five_actions"),
        ("聚焦“两个健康”工作主题。", "two_healthy"),
        ("推进“万企兴万村”行动。", "other"),
        ("召开工作会议。", "other"),
    ],
)
def test_framework(text: str, framework: str) -> None:
    """The framework comes from the names it is known by; none named is other."""
    guess = draft(text, published=PUBLISHED).framework
    assert guess.value is not None and guess.value.value == framework


def test_actions_from_headings_and_figures_under_them() -> None:
    """Numbered headings become actions, and each figure sits under the one before it."""
    d = draft(
        "总体情况\n一、强化思想引领\n举办培训班5期。\n二、服务民营企业\n走访企业300家。",
        published=PUBLISHED,
    )
    assert [a.name for a in d.actions] == ["强化思想引领", "服务民营企业"]
    assert [f.action for f in d.figures] == [0, 1]


def test_actions_from_opening_sentences() -> None:
    """实施X行动, opening sentences name the actions when there are no headings."""
    d = draft("实施培根铸魂行动,举办培训5场。实施凝心聚力行动,撰写信息120篇。")
    assert [a.name for a in d.actions] == ["培根铸魂行动", "凝心聚力行动"]


# --------------------------------------------------------------------------- the draft file


def test_a_draft_that_the_text_completes_loads_and_validates() -> None:
    """Where the text gives every fact, the draft is a programme that validates clean."""
    d = draft(
        "禹城市工商联开展走访\n2022年10月31日\n2022年，全市走访民营企业1234家。",
        source_id="yucheng",
    )
    assert d.open_fields() == ()
    programme = d.programme()
    assert isinstance(programme, Programme)
    assert programme.jurisdiction.code == "371482"
    report = d.validate()
    assert report.ok, str(report)


def test_open_fields_are_visible_and_validation_points_at_them() -> None:
    """What the text does not give is a TODO in the file, an error in the report."""
    d = draft("我县工商联引导企业154家参与。", source_id="t")
    record = d.to_dict()
    assert record["jurisdiction"]["code"].startswith("TODO")
    assert record["sources"][0].get("published") is None
    paths = {f.path for f in d.validate().errors if f.code == "UF701"}
    assert {"jurisdiction", "sources[0].published"} <= paths
    with pytest.raises(LoadError, match="jurisdiction"):
        d.programme()


def test_not_figures_are_listed_as_omitted() -> None:
    """Every not-figure appears in the file's omitted list with its reason."""
    record = draft("庆祝建党100周年，走访企业30家。", published=PUBLISHED).to_dict()
    assert [(o["text"], o["reason"], o["note"]) for o in record["omitted"]] == [
        ("100周年", "date", "anniversary")
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="走访企业家个年月日截至今以来累计第届一二三0123456789,。\n万余近", max_size=60)
)
def test_draft_never_fails_on_text(text: str) -> None:
    """Any text drafts: figures lie inside it and each quote holds its figure."""
    d = draft(text, published=PUBLISHED)
    for figure in d.figures:
        assert d.text[figure.start : figure.end] == figure.text
        assert figure.text in figure.quote
