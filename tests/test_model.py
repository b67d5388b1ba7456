"""The domain model: what it accepts, what it refuses and with which message."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from unitedfront import (
    Action,
    Evidence,
    Indicator,
    IndicatorKind,
    IndicatorRef,
    Jurisdiction,
    Measure,
    Period,
    Programme,
    Qualifier,
    Quantity,
    Text,
    Theme,
)


def _quantity(**fields: Any) -> Quantity:
    """A quantity validated from fields as a file gives them (strings for enumerations)."""
    return Quantity.model_validate(fields)


def exact(n: int | str, unit: str | None = "家") -> Quantity:
    d = Decimal(n)
    return Quantity(
        text=f"{n}{unit or ''}",
        value=d,
        qualifier=Qualifier.EXACT,
        low=d,
        high=d,
        low_inclusive=True,
        high_inclusive=True,
        unit=unit,
    )


def indicator(id: str, n: int = 1, source: str = "src") -> Indicator:
    return Indicator(
        id=id,
        name=Text(zh="走访企业", en="Enterprises visited"),
        kind=IndicatorKind.ACTUAL,
        quantity=exact(n),
        evidence=Evidence(source=source, quote=f"走访企业{n}家"),
    )


def programme_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "testville-2024",
        "title": {"zh": "测试方案", "en": "Test plan"},
        "kind": "plan",
        "framework": "five_actions",
        "jurisdiction": {
            "code": "371000",
            "name": {"zh": "威海市", "en": "Weihai"},
            "level": "prefecture",
            "parent": "370000",
        },
        "issuer": "市委统战部",
        "period": "2024",
        "actions": [
            {
                "id": "advice",
                "name": "建言献策",
                "theme": "advice",
                "measures": [
                    {
                        "id": "advice-platforms",
                        "name": "搭建平台",
                        "category": "platform",
                        "indicators": [indicator("platforms", 63).model_dump(mode="json")],
                    }
                ],
                "indicators": [indicator("visits", 1234).model_dump(mode="json")],
            }
        ],
        "sources": [{"id": "src", "title": "来源"}],
    }
    data.update(changes)
    return data


def test_a_programme_builds_from_plain_data_and_is_a_tree_of_tuples() -> None:
    p = Programme.model_validate(programme_data())
    assert isinstance(p.actions, tuple)
    assert isinstance(p.actions[0].measures[0].indicators, tuple)
    assert p.issuer == Text(zh="市委统战部")
    assert p.period == Period(start=date(2024, 1, 1), end=date(2024, 12, 31))


def test_entities_cannot_be_changed_in_place() -> None:
    p = Programme.model_validate(programme_data())
    with pytest.raises(ValidationError, match="frozen"):
        p.id = "other"
    with pytest.raises(AttributeError):
        p.actions.append(p.actions[0])  # type: ignore[attr-defined]


def test_unknown_fields_are_refused_with_their_path() -> None:
    data = programme_data()
    data["actions"][0]["colour"] = "red"
    with pytest.raises(ValidationError) as info:
        Programme.model_validate(data)
    error = info.value.errors()[0]
    assert error["loc"] == ("actions", 0, "colour")
    assert error["type"] == "extra_forbidden"


@pytest.mark.parametrize("bad", ["Weihai", "a b", "a--b", "-a", "a_b", ""])
def test_ids_must_be_lowercase_slugs(bad: str) -> None:
    with pytest.raises(ValidationError, match="String should"):
        Programme.model_validate(programme_data(id=bad))


def test_a_duplicate_id_names_the_id_and_both_paths() -> None:
    data = programme_data()
    data["actions"][0]["measures"][0]["indicators"][0]["id"] = "visits"
    with pytest.raises(ValidationError) as info:
        Programme.model_validate(data)
    message = str(info.value)
    assert "duplicate id 'visits' at actions[0].measures[0].indicators[0]" in message
    assert "already used at actions[0].indicators[0]" in message


def test_an_action_id_may_not_repeat_a_measure_id() -> None:
    data = programme_data()
    data["actions"][0]["measures"][0]["id"] = "advice"
    with pytest.raises(
        ValidationError, match=r"duplicate id 'advice' at actions\[0\]\.measures\[0\]"
    ):
        Programme.model_validate(data)


def test_evidence_must_name_one_of_the_programmes_sources() -> None:
    data = programme_data()
    data["actions"][0]["indicators"][0]["evidence"]["source"] = "elsewhere"
    with pytest.raises(ValidationError) as info:
        Programme.model_validate(data)
    assert (
        "actions[0].indicators[0].evidence.source names 'elsewhere', "
        "which is not one of the programme's sources (src)"
    ) in str(info.value)


def test_a_programme_needs_a_source() -> None:
    with pytest.raises(ValidationError, match="at least 1 item"):
        Programme.model_validate(programme_data(sources=[]))


def test_walking_the_tree_yields_every_indicator_with_its_place() -> None:
    p = Programme.model_validate(programme_data())
    refs = list(p.iter_indicators())
    assert [(r.indicator.id, r.path) for r in refs] == [
        ("visits", "actions[0].indicators[0]"),
        ("platforms", "actions[0].measures[0].indicators[0]"),
    ]
    assert refs[0].action is p.actions[0] and refs[0].measure is None
    assert refs[1].measure is p.actions[0].measures[0]


def test_the_walk_gives_every_entity_in_its_documented_order_with_paths() -> None:
    """Programme-wide figures first; then each action, its own figures, then its measures."""
    data = programme_data(indicators=[indicator("overall", 9).model_dump(mode="json")])
    second = {"id": "second", "name": "第二", "theme": "innovation"}
    data["actions"].append(second)
    p = Programme.model_validate(data)
    advice, second_action = p.actions
    platforms = advice.measures[0]
    assert [(type(r.entity).__name__, r.entity.id, r.path) for r in p.walk()] == [
        ("Indicator", "overall", "indicators[0]"),
        ("Action", "advice", "actions[0]"),
        ("Indicator", "visits", "actions[0].indicators[0]"),
        ("Measure", "advice-platforms", "actions[0].measures[0]"),
        ("Indicator", "platforms", "actions[0].measures[0].indicators[0]"),
        ("Action", "second", "actions[1]"),
    ]
    assert [(r.action, r.measure) for r in p.walk()] == [
        (None, None),
        (advice, None),
        (advice, None),
        (advice, platforms),
        (advice, platforms),
        (second_action, None),
    ]
    assert all(p.path_of(r.entity.id) == r.path for r in p.walk())
    indicator_refs = [r for r in p.walk() if isinstance(r.entity, Indicator)]
    assert list(p.iter_indicators()) == indicator_refs
    assert all(isinstance(r, IndicatorRef) and r.indicator is r.entity for r in indicator_refs)


def test_a_walk_ref_is_frozen() -> None:
    ref = next(Programme.model_validate(programme_data()).walk())
    with pytest.raises(AttributeError):
        ref.path = "elsewhere"  # type: ignore[misc]


def test_find_returns_any_entity_by_id_and_says_when_there_is_none() -> None:
    p = Programme.model_validate(programme_data())
    assert isinstance(p.find("advice"), Action)
    assert isinstance(p.find("advice-platforms"), Measure)
    assert p.find("platforms").quantity.value == 63  # type: ignore[union-attr]
    assert p.path_of("platforms") == "actions[0].measures[0].indicators[0]"
    with pytest.raises(KeyError, match="no action, measure or indicator with id 'nope'"):
        p.find("nope")


def test_json_round_trip_is_exact() -> None:
    p = Programme.model_validate(programme_data())
    assert Programme.model_validate_json(p.model_dump_json()) == p


# ----------------------------------------------------------------------- quantities


def test_decimals_keep_their_written_precision_through_json() -> None:
    q = _quantity(
        text="287.10億元",
        value=Decimal("287.10"),
        qualifier="exact",
        low=Decimal("287.10"),
        high=Decimal("287.10"),
        low_inclusive=True,
        high_inclusive=True,
        unit="元",
    )
    dumped = json.loads(q.model_dump_json())
    assert dumped["value"] == "287.10"
    assert Quantity.model_validate_json(q.model_dump_json()).value.as_tuple() == (
        Decimal("287.10").as_tuple()
    )


@pytest.mark.parametrize("where", ["value", "low", "high"])
def test_a_float_is_refused_not_rounded(where: str) -> None:
    data: dict[str, Any] = {"text": "1", "value": 1, "qualifier": "exact", "low": 1, "high": 1}
    data |= {"low_inclusive": True, "high_inclusive": True}
    data[where] = 1.0
    with pytest.raises(ValidationError, match=r"figures must be exact: got the float 1\.0"):
        Quantity.model_validate(data)


def test_a_float_in_json_is_refused_too() -> None:
    raw = '{"text": "287.1", "value": 287.1, "qualifier": "exact"}'
    with pytest.raises(ValidationError, match="figures must be exact"):
        Quantity.model_validate_json(raw)


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-inf", "1e30", "1" * 31, "abc"])
def test_non_finite_huge_and_non_numeric_figures_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match=r"finite|outside the range|not a decimal"):
        _quantity(text="x", value=bad, qualifier="exact")


def test_value_must_lie_within_its_bounds() -> None:
    with pytest.raises(ValidationError, match="value 500 is above high 480"):
        _quantity(
            text="x", value=Decimal(500), qualifier="more_than", low=Decimal(470), high=Decimal(480)
        )
    with pytest.raises(ValidationError, match="value 400 is below low 470"):
        _quantity(
            text="x", value=Decimal(400), qualifier="more_than", low=Decimal(470), high=Decimal(480)
        )


def test_an_inclusive_flag_needs_its_bound() -> None:
    with pytest.raises(ValidationError, match="high_inclusive must be false when high is None"):
        _quantity(
            text="x", value=Decimal(50), qualifier="at_least", low=Decimal(50), high_inclusive=True
        )
    with pytest.raises(ValidationError, match="low_inclusive must be false when low is None"):
        _quantity(
            text="x", value=Decimal(50), qualifier="at_most", high=Decimal(50), low_inclusive=True
        )


def test_a_point_interval_must_include_its_point() -> None:
    with pytest.raises(ValidationError, match="the interval at 5 is empty"):
        _quantity(text="5", value=Decimal(5), qualifier="exact", low=Decimal(5), high=Decimal(5))


def test_intervals_read_as_mathematics() -> None:
    q = _quantity(
        text="近1700家",
        value=Decimal(1700),
        qualifier="nearly",
        low=Decimal(1530),
        high=Decimal(1700),
        low_inclusive=True,
        unit="家",
    )
    assert str(q.interval) == "[1530, 1700) 家"
    assert q.contains(1530) and q.contains(Decimal("1699.9")) and not q.contains(1700)
    assert not q.is_exact and exact(3).is_exact
    assert str(q) == "近1700家"


# ----------------------------------------------------------------------- values


def test_periods_read_and_write_compact_iso_text() -> None:
    assert str(Period.model_validate("2021/2022")) == "2021/2022"
    half = Period.model_validate("2023-01/2023-06")
    assert (half.start, half.end) == (date(2023, 1, 1), date(2023, 6, 30))
    assert str(half) == "2023-01/2023-06"
    assert str(Period.model_validate("2024-06-27")) == "2024-06-27"
    assert half.contains(date(2023, 3, 1)) and not half.contains(date(2023, 7, 1))
    assert Period.model_validate("2023").contains(half)
    assert Period.model_validate(2024) == Period.model_validate("2024")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("2024/2023", "period ends"),
        ("24", "not a year, month or date"),
        ("2023-13", "not a year, month or date|month must be"),
        ("2023-02-30", "day is out of range"),
    ],
)
def test_bad_periods_are_refused(bad: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Period.model_validate(bad)


def test_text_accepts_a_bare_string_as_chinese_and_refuses_blank() -> None:
    assert Text.model_validate("工商联") == Text(zh="工商联")
    with pytest.raises(ValidationError):
        Text(zh="  ")


def test_a_jurisdiction_knows_its_province() -> None:
    j = Jurisdiction(code="371300", name=Text(zh="临沂市", en="Linyi"), level="prefecture")
    assert j.province_code == "370000"


def test_themes_cover_the_five_actions_and_more() -> None:
    assert {t.value for t in Theme} >= {
        "advice",
        "innovation",
        "private_economy",
        "investment_talent",
        "common_prosperity",
    }


def test_contains_respects_each_bound_and_its_inclusivity() -> None:
    """A number below an inclusive low, at an open low, or at a closed high is judged right."""
    nearly = _quantity(
        text="近1700家",
        value=Decimal(1700),
        qualifier="nearly",
        low=Decimal(1530),
        high=Decimal(1700),
        low_inclusive=True,
        unit="家",
    )
    assert not nearly.contains(1529)
    assert nearly.contains(1530)
    more = _quantity(
        text="470余条",
        value=Decimal(470),
        qualifier="more_than",
        low=Decimal(470),
        high=Decimal(480),
    )
    assert not more.contains(470)
    assert not more.contains(481)
    pair = _quantity(
        text="两三个",
        value=Decimal(2),
        qualifier="range",
        low=Decimal(2),
        high=Decimal(3),
        low_inclusive=True,
        high_inclusive=True,
    )
    assert pair.contains(3)
    assert not pair.contains(Decimal("3.01"))


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (True, "expected a number, got the boolean True"),
        ([1], "expected a decimal number, got list"),
    ],
)
def test_non_numbers_are_refused_with_what_was_given(bad: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _quantity(text="x", value=bad, qualifier="exact")


def test_the_largest_accepted_magnitude_is_ten_to_the_twentieth() -> None:
    assert _quantity(text="x", value="1E20", qualifier="exact").value == Decimal("1E20")
    with pytest.raises(ValidationError, match="outside the range"):
        _quantity(text="x", value="1E21", qualifier="exact")


def test_a_measure_names_an_aspect_of_its_own_action() -> None:
    """An aspect id a measure names must be one of its action's; ids are unique."""
    from pydantic import ValidationError

    from unitedfront import Action

    aspects = [{"id": "market", "name": "培育壮大民营经济市场主体"}]
    action = Action.model_validate(
        {
            "id": "private",
            "name": "壮大民企",
            "theme": "private_economy",
            "aspects": aspects,
            "measures": [{"id": "m", "name": "措施", "aspect": "market", "category": "activity"}],
        }
    )
    assert action.measures[0].aspect == "market"
    with pytest.raises(ValidationError, match="names the aspect 'growth', which is not one"):
        Action.model_validate(
            {
                "id": "private",
                "name": "壮大民企",
                "theme": "private_economy",
                "aspects": aspects,
                "measures": [{"id": "m", "name": "措施", "aspect": "growth"}],
            }
        )
    with pytest.raises(ValidationError, match="has the aspect id 'market' twice"):
        Action.model_validate(
            {"id": "a", "name": "行动", "theme": "general", "aspects": aspects * 2}
        )
