"""Totals of quantities as intervals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from unitedfront import (
    NotSummableError,
    Qualifier,
    Quantity,
    UnitedFrontError,
    UnitMismatchError,
    total,
)


def interval(
    text: str,
    value: int | str,
    low: int | str | None,
    high: int | str | None,
    *,
    qualifier: Qualifier = Qualifier.MORE_THAN,
    low_inclusive: bool = False,
    high_inclusive: bool = False,
    unit: str | None = "条",
    ordinal: bool = False,
) -> Quantity:
    return Quantity(
        text=text,
        value=Decimal(value),
        qualifier=qualifier,
        low=None if low is None else Decimal(low),
        high=None if high is None else Decimal(high),
        low_inclusive=low_inclusive,
        high_inclusive=high_inclusive,
        unit=unit,
        ordinal=ordinal,
    )


def point(value: int | str, unit: str | None = "条") -> Quantity:
    return interval(
        f"{value}{unit or ''}",
        value,
        value,
        value,
        qualifier=Qualifier.EXACT,
        low_inclusive=True,
        high_inclusive=True,
        unit=unit,
    )


def test_lows_add_and_highs_add() -> None:
    t = total([interval("470余条", 470, 470, 480), interval("320多条", 320, 320, 330)])
    assert (t.value, t.low, t.high) == (Decimal(790), Decimal(790), Decimal(810))
    assert (t.low_inclusive, t.high_inclusive) == (False, False)
    assert t.qualifier is Qualifier.SUM
    assert t.text == "470余条 + 320多条"
    assert t.unit == "条"


def test_an_unbounded_side_stays_unbounded() -> None:
    at_least = interval(
        "不少于50条", 50, 50, None, qualifier=Qualifier.AT_LEAST, low_inclusive=True
    )
    t = total([at_least, point(10)])
    assert (t.low, t.high, t.low_inclusive, t.high_inclusive) == (Decimal(60), None, True, False)


def test_a_bound_is_inclusive_only_if_every_addend_is() -> None:
    nearly = interval("近100条", 100, 90, 100, qualifier=Qualifier.NEARLY, low_inclusive=True)
    t = total([nearly, point(5)])
    assert (t.low, t.low_inclusive, t.high, t.high_inclusive) == (
        Decimal(95),
        True,
        Decimal(105),
        False,
    )


def test_exact_addends_give_an_exact_total() -> None:
    t = total([point(4221, "家"), point("0.5", "家")])
    assert t.qualifier is Qualifier.EXACT
    assert t.value == t.low == t.high == Decimal("4221.5")
    assert t.is_exact


def test_the_total_of_nothing_is_an_exact_zero() -> None:
    t = total([])
    assert t.value == 0 and t.is_exact and t.unit is None


def test_mixed_units_are_refused() -> None:
    with pytest.raises(UnitMismatchError, match=r"cannot add '4221家' \(家\) and '13元' \(元\)"):
        total([point(4221, "家"), point(13, "元")])
    assert issubclass(UnitMismatchError, UnitedFrontError)


def test_a_unit_and_no_unit_do_not_mix() -> None:
    with pytest.raises(UnitMismatchError) as first:
        total([point(1, None), point(2, "个")])
    assert str(first.value) == "cannot add '1' (no unit) and '2个' (个): the units differ"
    with pytest.raises(UnitMismatchError) as second:
        total([point(2, "个"), point(1, None)])
    assert str(second.value) == "cannot add '2个' (个) and '1' (no unit): the units differ"


def test_a_total_reports_every_field_as_set() -> None:
    """A total is a complete figure: its JSON without unset fields still has them all."""
    summed = total([point(1), point(2)])
    assert set(summed.model_dump(mode="json", exclude_unset=True)) == set(Quantity.model_fields)
    assert summed.model_dump(mode="json", exclude_unset=True)["ordinal"] is False


def test_ordinals_and_shares_are_not_summable() -> None:
    rank = interval(
        "第3位",
        3,
        3,
        3,
        qualifier=Qualifier.EXACT,
        low_inclusive=True,
        high_inclusive=True,
        unit="位",
        ordinal=True,
    )
    with pytest.raises(NotSummableError, match="'第3位': it is an ordinal"):
        total([rank, rank])
    with pytest.raises(NotSummableError, match="shares are not summable"):
        total([point("72.65", "%"), point(67, "%")])
    with pytest.raises(NotSummableError, match="percentage-point differences"):
        total([point("21.3", "个百分点")])


def test_sums_of_many_large_figures_stay_exact() -> None:
    big = point("99999999999999999999.9999999999", "元")
    t = total([big] * 1000)
    assert t.value == Decimal("99999999999999999999999.9999999000")


# ----------------------------------------------------------------------- properties

_numbers = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False)


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    """Any interval a figure can imply: bounded or not on either side, open or closed."""
    a = draw(_numbers)
    b = a + draw(_numbers)
    kind = draw(st.sampled_from(["exact", "more_than", "at_least", "over", "under", "range"]))
    if kind == "exact":
        return point(str(a))
    if kind == "more_than":
        return interval("x", str(a), str(a), str(b + 1))
    if kind == "at_least":
        return interval("x", str(a), str(a), None, qualifier=Qualifier.AT_LEAST, low_inclusive=True)
    if kind == "over":
        return interval("x", str(a), str(a), None, qualifier=Qualifier.OVER)
    if kind == "under":
        return interval("x", str(b), None, str(b), qualifier=Qualifier.UNDER)
    return interval(
        "x",
        str(a),
        str(a),
        str(b),
        qualifier=Qualifier.RANGE,
        low_inclusive=True,
        high_inclusive=True,
    )


def _picks(q: Quantity) -> st.SearchStrategy[Decimal]:
    """Members of a quantity's interval (a bounded stand-in for an unbounded side)."""
    low = q.low if q.low is not None else q.value - 1000
    high = q.high if q.high is not None else q.value + 1000
    return st.decimals(min_value=low, max_value=high, places=2).filter(q.contains)


@given(st.lists(quantities(), min_size=1, max_size=6), st.randoms())
def test_total_is_commutative(items: list[Quantity], rnd: object) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a, b = total(items), total(shuffled)
    fields = ("value", "low", "high", "low_inclusive", "high_inclusive", "qualifier", "unit")
    assert [getattr(a, f) for f in fields] == [getattr(b, f) for f in fields]


@given(st.data(), st.lists(quantities(), min_size=1, max_size=6))
def test_total_contains_every_sum_of_members(data: st.DataObject, items: list[Quantity]) -> None:
    picked = [data.draw(_picks(q)) for q in items]
    assert total(items).contains(sum(picked, Decimal(0)))


@given(st.lists(quantities(), min_size=1, max_size=6))
def test_total_value_lies_within_its_bounds(items: list[Quantity]) -> None:
    t = total(items)
    assert t.low is None or t.low <= t.value
    assert t.high is None or t.value <= t.high


def test_a_total_is_never_an_ordinal_and_the_empty_total_reads_zero() -> None:
    assert total([point(1), point(2)]).ordinal is False
    assert total([]).text == "0"
