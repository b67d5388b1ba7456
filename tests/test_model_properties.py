"""Properties of the model over every programme the strategies can build."""

from __future__ import annotations

from hypothesis import given, settings

from tests.strategies import programmes, quantities
from unitedfront import Programme, Quantity


@given(programmes())
def test_a_programme_survives_a_json_round_trip(programme: Programme) -> None:
    """Nothing is lost or changed on the way to JSON and back."""
    assert Programme.model_validate_json(programme.model_dump_json()) == programme


@settings(max_examples=200, deadline=None)
@given(quantities())
def test_a_quantity_survives_a_json_round_trip_with_its_exact_figures(q: Quantity) -> None:
    again = Quantity.model_validate_json(q.model_dump_json())
    assert again == q
    assert (again.value, again.low, again.high) == (q.value, q.low, q.high)
    assert str(again.value) == str(q.value)


@settings(max_examples=200, deadline=None)
@given(quantities())
def test_a_drawn_quantity_contains_its_value_unless_its_interval_is_open_there(
    q: Quantity,
) -> None:
    """The strategies build intervals that fit their qualifier (the value is a bound or inside)."""
    assert q.contains(q.value) or q.value in (q.low, q.high)
