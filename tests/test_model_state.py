"""Each object of a loaded programme owns its state.

Every object reports the fields its own input gave, in a ``model_fields_set`` of its own:
changing or copying one object never changes another. The quick reading of a figure
accepts and refuses exactly what the general check does, with the same message.
"""

from __future__ import annotations

import json
from decimal import Decimal
from importlib.resources import files
from typing import Any

import pytest
from hypothesis import given, strategies as st
from pydantic import BaseModel

from unitedfront import Indicator, Programme, Quantity, Text, datasets, parse_quantity
from unitedfront._quantity import _checked_decimal, _exact_decimal


def _raw(id: str) -> bytes:
    return files("unitedfront").joinpath("data", "programmes", f"{id}.json").read_bytes()


def _indicators(data: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(data.get("indicators", []))
    for action in data.get("actions", []):
        found += action.get("indicators", [])
        for measure in action.get("measures", []):
            found += measure.get("indicators", [])
    return found


@pytest.mark.parametrize("id", datasets.available())
def test_every_indicator_reports_the_fields_its_input_gave(id: str) -> None:
    raw = _raw(id)
    programme = Programme.model_validate_json(raw)
    given_data = _indicators(json.loads(raw))
    refs = list(programme.iter_indicators())
    assert len(refs) == len(given_data)
    for ref, data in zip(refs, given_data, strict=True):
        alone = Indicator.model_validate(data)  # validated on its own: its own sets
        ind = ref.indicator
        assert ind.model_fields_set == set(data) == alone.model_fields_set
        assert ind.name.model_fields_set == alone.name.model_fields_set
        assert ind.evidence.model_fields_set == alone.evidence.model_fields_set
        assert ind.quantity.model_fields_set == alone.quantity.model_fields_set
        assert ind.model_dump(mode="json", exclude_unset=True) == alone.model_dump(
            mode="json", exclude_unset=True
        )


def test_objects_set_differently_keep_their_own_fields() -> None:
    base = json.loads(_raw("linyi-2024"))
    first = _indicators(base)[0]
    other = dict(first, id="other-figure", name={"zh": "只有中文"})
    other["quantity"] = {"text": "5家", "value": 5, "qualifier": "exact"}
    base["indicators"] = [*base.get("indicators", []), other]
    programme = Programme.model_validate(base)
    added = programme.indicators[-1]
    assert added.name.model_fields_set == {"zh"}
    assert added.quantity.model_fields_set == {"text", "value", "qualifier"}
    assert programme.actions[0].name.model_fields_set == set(base["actions"][0]["name"])


def _objects(programme: Programme) -> list[BaseModel]:
    found: list[BaseModel] = []
    for ref in programme.iter_indicators():
        ind = ref.indicator
        found += [ind, ind.name, ind.quantity, ind.evidence]
    for action in programme.actions:
        found += [action, action.name, *(measure for measure in action.measures)]
    return found


@pytest.mark.parametrize("dataset", ["linyi-2024", "weihai-2024"])
def test_no_two_objects_share_a_fields_set(dataset: str) -> None:
    """Objects whose fields were set alike still hold sets of their own."""
    objects = _objects(Programme.model_validate_json(_raw(dataset)))
    assert len({id(obj.model_fields_set) for obj in objects}) == len(objects)


def test_changing_one_objects_fields_set_leaves_the_others_as_they_were() -> None:
    """Discarding a name from one quantity's set changes no other quantity's dump."""
    programme = Programme.model_validate_json(_raw("weihai-2024"))
    first, *others = [ref.indicator for ref in programme.iter_indicators()]
    before = [ind.model_dump(mode="json", exclude_unset=True) for ind in others]
    first.quantity.model_fields_set.discard("unit")
    first.model_fields_set.discard("metric")
    assert [ind.model_dump(mode="json", exclude_unset=True) for ind in others] == before
    a, b = parse_quantity("470余条"), parse_quantity("470余条")
    a.model_fields_set.discard("unit")
    assert "unit" in b.model_fields_set


def test_copying_one_object_with_changes_leaves_every_other_as_it_was() -> None:
    programme = Programme.model_validate_json(_raw("weihai-2024"))
    refs = list(programme.iter_indicators())
    before = [ref.indicator.model_fields_set.copy() for ref in refs]
    first = refs[0].indicator
    copied = first.model_copy(update={"note": Text(zh="补充说明")})
    assert "note" in copied.model_fields_set
    assert [ref.indicator.model_fields_set for ref in refs] == before
    assert "note" not in first.model_fields_set


# --------------------------------------------------------------------------- figures


def _outcome(function: Any, value: Any) -> tuple[str, Any]:
    try:
        number = function(value)
    except ValueError as exc:
        return "refused", str(exc)
    return "read", (number, number.as_tuple())


_texts = st.one_of(
    st.text(alphabet="0123456789.-+eE _", max_size=40),
    st.text(max_size=35),
    st.sampled_from(["NaN", "-Infinity", "inf", " 1 ", "1e20", "1e21", "-1e-21", "0e99"]),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)
_ints = st.one_of(st.integers(), st.integers(min_value=-(10**22), max_value=10**22))


@given(st.one_of(_texts, _ints))
def test_the_fast_reading_of_a_figure_agrees_with_the_general_check(value: Any) -> None:
    assert _outcome(_exact_decimal, value) == _outcome(_checked_decimal, value)


@pytest.mark.parametrize("value", [True, 1.5, Decimal("1e30"), None, [1]])
def test_other_inputs_are_refused_by_the_general_check(value: Any) -> None:
    assert _outcome(_exact_decimal, value) == _outcome(_checked_decimal, value)
    assert _outcome(_exact_decimal, value)[0] == "refused"


def test_a_quantity_given_as_json_keeps_its_figures_exactly() -> None:
    raw = '{"text": "287.10亿元", "value": "28710000000.0", "qualifier": "exact"}'
    q = Quantity.model_validate_json(raw)
    assert q.value.as_tuple() == Decimal("28710000000.0").as_tuple()
    assert json.loads(q.model_dump_json())["value"] == "28710000000.0"
    assert q.model_dump()["value"] == Decimal("28710000000.0")
