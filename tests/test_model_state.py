"""Each object of a loaded programme holds its own values, and nothing else.

The values a programme holds by the thousand (an indicator, its name, its quantity, its
evidence) are frozen, slotted dataclasses: no ``__dict__``, no set of the fields given,
nothing one object shares with another that could change. The entities above them
(programme, action, measure) are frozen pydantic models, each with its own
``model_fields_set``. Nothing can be changed in place; copying with changes builds a new
object, validated, and leaves every other as it was. Objects built from what the reader
has established (a parsed quantity, a total) equal the same values validated in full.
The quick reading of a figure accepts and refuses exactly what the general check does,
with the same message.
"""

from __future__ import annotations

import dataclasses
import gc
import json
from datetime import date
from decimal import Decimal
from importlib.resources import files
from typing import Any

import pytest
from hypothesis import assume, given, strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

from tests.strategies import quantities
from unitedfront import (
    Evidence,
    Indicator,
    Measure,
    Period,
    Programme,
    Quantity,
    Temporal,
    Text,
    datasets,
    parse_quantity,
    total,
)
from unitedfront._quantity import _OPEN, _checked_decimal, _exact_decimal, from_reading
from unitedfront._reading import read_quantity
from unitedfront._records import KEPT, Record, fill
from unitedfront.errors import QuantityParseError


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
def test_every_indicator_is_the_indicator_its_input_gives_alone(id: str) -> None:
    raw = _raw(id)
    programme = Programme.model_validate_json(raw)
    given_data = _indicators(json.loads(raw))
    refs = list(programme.iter_indicators())
    assert len(refs) == len(given_data)
    for ref, data in zip(refs, given_data, strict=True):
        alone = Indicator.model_validate(data)
        assert ref.indicator == alone
        assert ref.indicator is not alone
        assert ref.indicator.model_dump(mode="json") == alone.model_dump(mode="json")


@pytest.mark.parametrize("kind", [Indicator, Text, Quantity, Evidence, Measure, Period])
def test_a_value_holds_its_fields_and_nothing_else(kind: type[Record]) -> None:
    """No ``__dict__`` and no fields set: nothing beside the fields to share or to change."""
    assert dataclasses.is_dataclass(kind)
    assert kind.__slots__ == tuple(kind.model_fields)
    programme = datasets.load("weihai-2024")
    ind = next(programme.iter_indicators()).indicator
    values = {Indicator: ind, Text: ind.name, Quantity: ind.quantity, Evidence: ind.evidence}
    value = {**values, Measure: programme.actions[0].measures[0], Period: programme.period}[kind]
    assert not hasattr(value, "__dict__")
    assert not hasattr(value, "model_fields_set")
    with pytest.raises(AttributeError):
        object.__setattr__(value, "extra", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, next(iter(kind.model_fields)), None)


def _values(programme: Programme) -> list[Any]:
    found: list[Any] = []
    for ref in programme.iter_indicators():
        ind = ref.indicator
        found += [ind, ind.name, ind.evidence]
    return found


def test_values_given_alike_are_equal_objects_of_their_own() -> None:
    """Two programmes of the same bytes share no indicator, name or evidence (apart from
    interned text)."""
    raw = _raw("weihai-2024")
    first, second = Programme.model_validate_json(raw), Programme.model_validate_json(raw)
    a, b = _values(first), _values(second)
    assert a == b
    assert not {id(x) for x in a} & {id(y) for y in b}


@pytest.mark.parametrize("kind", [Quantity, Period])
@pytest.mark.parametrize("json_mode", [False, True])
def test_a_text_read_again_gives_the_same_frozen_value(kind: type[Record], json_mode: bool) -> None:
    """A quantity or period read from a text it has read before is the object read then:
    a frozen value that nothing can change, as one str object serves every equal string."""
    text = "470余条" if kind is Quantity else "2023-01/2023-06"

    def read() -> Record:
        if json_mode:
            return kind.model_validate_json(json.dumps(text))
        return kind.model_validate(text)

    first, again = read(), read()
    assert again is first
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(first, next(iter(kind.model_fields)), None)
    changed = first.model_copy(update={"unit": "个"} if kind is Quantity else {})
    assert changed is not first and read() is first
    # Given as fields, the value is validated and built anew.
    fields = {name: getattr(first, name) for name in kind.model_fields}
    assert kind.model_validate(fields) == first
    assert kind.model_validate(fields) is not first


def test_parse_quantity_gives_a_new_object_each_call() -> None:
    first, again = parse_quantity("470余条"), parse_quantity("470余条")
    assert first == again and first is not again


def test_the_table_of_quantities_read_stays_small_and_right() -> None:
    """However many distinct texts are read, the quantities kept by their text never pass
    their bound, and a text read after the table was emptied reads as before."""
    import unitedfront._quantity as quantity

    for n in range(KEPT + 10):
        q = Quantity.model_validate(f"{n}家")
        assert (q.value, q.unit) == (Decimal(n), "家")
        assert len(quantity._QUANTITIES) <= KEPT
    assert Quantity.model_validate("3家").value == Decimal(3)


@pytest.mark.parametrize("dataset", ["linyi-2024", "weihai-2024"])
def test_no_two_models_share_a_fields_set(dataset: str) -> None:
    """The entities that are pydantic models each hold a fields set of their own."""
    programme = Programme.model_validate_json(_raw(dataset))
    models: list[BaseModel] = [programme, programme.jurisdiction, *programme.sources]
    models += programme.actions
    assert len({id(m.model_fields_set) for m in models}) == len(models)


def test_copying_one_object_with_changes_leaves_every_other_as_it_was() -> None:
    programme = Programme.model_validate_json(_raw("weihai-2024"))
    refs = list(programme.iter_indicators())
    before = [ref.indicator.model_dump(mode="json") for ref in refs]
    first = refs[0].indicator
    copied = first.model_copy(update={"note": Text(zh="补充说明")})
    assert copied.note == Text(zh="补充说明") and copied.id == first.id
    assert first.note != copied.note
    assert [ref.indicator.model_dump(mode="json") for ref in refs] == before
    assert first.model_copy() == first
    deep = first.model_copy(deep=True)
    assert deep == first and deep.quantity is not first.quantity


def test_a_copy_with_changes_is_validated_as_a_new_object_is() -> None:
    refs = datasets.load("weihai-2024").iter_indicators()
    first = next(ref.indicator for ref in refs if ref.indicator.temporal is Temporal.FLOW)
    with pytest.raises(ValidationError):
        first.model_copy(update={"id": "Not A Slug"})
    with pytest.raises(ValidationError, match="cumulative exactly when"):
        first.model_copy(update={"cumulative": True})
    with pytest.raises(ValidationError, match="temporal is 'flow' but as_of is given"):
        Indicator(**{**first.model_dump(), "as_of": first.period.end if first.period else None})
    again = first.model_copy(update={"quantity": "470余条"})
    assert again.quantity == parse_quantity("470余条")


def test_values_are_not_walked_by_the_collector_more_than_models_would_be() -> None:
    """An indicator costs the cyclic collector its four objects, not a model's twelve."""
    programme = datasets.load("weihai-2024")
    ind = next(programme.iter_indicators()).indicator
    for value in (ind, ind.name, ind.quantity, ind.evidence):
        assert gc.get_referents(value)  # its fields, and no dict or set beside them
        assert not any(isinstance(r, dict | set) for r in gc.get_referents(value))


# --------------------------------------------------------------------------- built as read


_FIELDS = tuple(Quantity.model_fields)


def _validated(reading: Any) -> Quantity:
    return Quantity.model_validate(dict(zip(_FIELDS, reading, strict=False)))


def _same(a: Quantity, b: Quantity) -> None:
    assert a == b
    for name in _FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        assert type(x) is type(y), name
        if isinstance(x, Decimal):
            assert x.as_tuple() == y.as_tuple(), name


@given(quantities(tidy=True))
def test_a_quantity_built_from_its_reading_is_the_quantity_validated_in_full(q: Quantity) -> None:
    """The reader establishes every rule: filling a quantity with its reading gives exactly
    what validating the same values gives, for every text the reader reads."""
    try:
        reading = read_quantity(q.text)
    except QuantityParseError:
        assume(False)
    _same(from_reading(reading), _validated(reading))
    _same(parse_quantity(q.text), _validated(reading))


def test_a_parsed_quantity_is_a_frozen_quantity_of_its_own() -> None:
    """A figure filled by the reader becomes a Quantity like any other: of that class
    exactly, frozen, hashable, sharing nothing with another reading of the same text."""
    q, again = parse_quantity("470余条"), parse_quantity("470余条")
    assert type(q) is Quantity and not hasattr(q, "__dict__")
    assert q == again and hash(q) == hash(again) and q is not again
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.text = "480余条"  # type: ignore[misc]
    assert (q.text, again.text) == ("470余条", "470余条")
    assert _OPEN.__slots__ == Quantity.__slots__ == _FIELDS


@given(quantities())
def test_filling_a_value_with_its_own_fields_gives_it_back(q: Quantity) -> None:
    values = tuple(getattr(q, name) for name in _FIELDS)
    _same(fill(Quantity, values), Quantity.model_validate(dict(zip(_FIELDS, values, strict=True))))
    _same(Quantity.model_construct(**dict(zip(_FIELDS, values, strict=True))), q)


def test_a_total_is_built_whole() -> None:
    summed = total([parse_quantity("470余条"), parse_quantity("320多条")])
    assert set(summed.model_dump()) == set(_FIELDS)
    assert summed == Quantity.model_validate(summed.model_dump())


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


@pytest.mark.parametrize("id", datasets.available())
def test_the_entities_checked_at_every_load_are_those_of_the_walk_in_its_order(id: str) -> None:
    programme = datasets.load(id)
    assert programme._entities() == [ref.entity for ref in programme.walk()]


# --------------------------------------------------------------------------- JSON as it is


_BAD_VALUES: list[tuple[str, Any, str]] = [
    # (field of an indicator, value, error type): text that cannot be read, fields that
    # break a rule, and values that are neither
    ("quantity", "很多家", "quantity_no_number"),
    ("quantity", {"text": "3", "value": 3, "low": 5, "qualifier": "exact"}, "quantity_interval"),
    ("quantity", 5, "dataclass_type"),
    ("name", "   ", "string_pattern_mismatch"),
    ("name", {"zh": "走访", "fr": "visites"}, "unexpected_keyword_argument"),
    ("period", "2024-13", "value_error"),
    ("period", "2024/2023", "value_error"),
    ("period", {"start": "2023-01-05", "end": "2023-01-01"}, "value_error"),
]


def _indicator(**fields: Any) -> dict[str, Any]:
    data = {
        "id": "x",
        "name": "走访企业",
        "kind": "actual",
        "quantity": "1234家",
        "evidence": {"source": "s", "quote": "走访企业1234家"},
    }
    return {**data, **fields}


def _plain(error: ValidationError) -> list[dict[str, Any]]:
    """The errors, with the exception each names written out (exceptions are equal only to
    themselves)."""
    return [{**e, "ctx": repr(e.get("ctx"))} for e in error.errors(include_url=False)]


@pytest.mark.parametrize(("field", "value", "kind"), _BAD_VALUES)
def test_json_is_refused_with_the_errors_of_the_same_data_in_python(
    field: str, value: Any, kind: str
) -> None:
    """A value that may be text or fields is reported as the one it is, whether the data
    comes as JSON text or as Python objects."""
    data = _indicator(**{field: value})
    with pytest.raises(ValidationError) as as_python:
        Indicator.model_validate(data)
    with pytest.raises(ValidationError) as as_json:
        Indicator.model_validate_json(json.dumps(data))
    assert _plain(as_json.value) == _plain(as_python.value)
    assert {e["type"] for e in as_python.value.errors()} == {kind}
    assert all(e["loc"][0] == field for e in as_python.value.errors())


@given(quantities(), st.booleans())
def test_a_quantity_reads_alike_from_json_and_from_python(q: Quantity, as_text: bool) -> None:
    data: Any = q.text if as_text else q.model_dump(mode="json")
    try:
        from_python = Quantity.model_validate(data)
    except ValidationError:
        assume(False)
    _same(Quantity.model_validate_json(json.dumps(data)), from_python)


@pytest.mark.parametrize("id", datasets.available())
def test_every_programme_reads_alike_from_json_and_from_python(id: str) -> None:
    raw = _raw(id)
    assert Programme.model_validate_json(raw) == Programme.model_validate(json.loads(raw))


def test_each_rule_across_fields_runs_once_for_each_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """A figure and a period given as fields are checked once each, wherever they are held."""
    import unitedfront._model as model
    import unitedfront._quantity as quantity

    calls: list[str] = []

    def counted(name: str, check: Any) -> Any:
        def run(value: Any) -> Any:
            calls.append(name)
            return check(value)

        return run

    monkeypatch.setattr(quantity, "_check_interval", counted("interval", quantity._check_interval))
    monkeypatch.setattr(model, "_check_order", counted("order", model._check_order))
    fields = {
        "quantity": {"text": "3", "value": 3, "qualifier": "exact", "low": 3, "high": 3,
                     "low_inclusive": True, "high_inclusive": True},
        "period": {"start": "2023-01-01", "end": "2023-06-30"},
    }  # fmt: skip
    data = [_indicator(**fields), _indicator(**fields)]
    adapter: TypeAdapter[list[Indicator]] = TypeAdapter(list[Indicator])
    adapter.validate_json(json.dumps(data))
    assert sorted(calls) == ["interval", "interval", "order", "order"]
    calls.clear()
    adapter.validate_python(data)
    assert sorted(calls) == ["interval", "interval", "order", "order"]


def test_periods_read_from_years_are_equal_objects_of_their_own() -> None:
    """A year given as a number is read each time (the table keeps texts only)."""
    first, second = Period.model_validate(2024), Period.model_validate(2024)
    assert first == second and first is not second
    assert (first.start, first.end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert Period.model_validate("2024-06") == Period(start=date(2024, 6, 1), end=date(2024, 6, 30))


def test_the_tables_of_periods_read_stay_small_and_right() -> None:
    """The periods and the dates of their parts remembered by text never grow past their
    bound, and a text read after a table was emptied reads as before."""
    import unitedfront._model as model

    for year in range(1000, 1000 + KEPT + 10):
        assert Period.model_validate(f"{year}/{year + 1}").end == date(year + 1, 12, 31)
        assert len(model._PERIODS) <= KEPT and len(model._BOUNDS) <= KEPT
    assert Period.model_validate("1000/1001").start == date(1000, 1, 1)
    for text, start, end in [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02-03", date(2023, 2, 3), date(2023, 2, 3)),
        (" 2021/2022-06 ", date(2021, 1, 1), date(2022, 6, 30)),
    ]:
        for _ in range(2):  # read, then remembered
            period = Period.model_validate(text)
            assert (period.start, period.end) == (start, end), text


def test_json_mappings_reach_no_python_function() -> None:
    """From JSON, a figure, a name and evidence given as mappings are validated by
    pydantic-core as they are: no Python function is handed a copy of a mapping (which is
    what made validation twice the work), while the rules only Python can check still run."""
    import sys
    import types

    handed: list[str] = []
    called: set[str] = set()

    def watch(frame: types.FrameType, event: str, arg: Any) -> None:
        if event != "call":
            return
        called.add(frame.f_code.co_name)
        names = frame.f_code.co_varnames[: frame.f_code.co_argcount]
        if any(isinstance(frame.f_locals.get(n), dict) for n in names):
            handed.append(frame.f_code.co_name)

    quantity = {"text": "470余条", "value": "470", "qualifier": "more_than", "low": "470",
                "high": "480", "unit": "条"}  # fmt: skip
    data = _indicator(name={"zh": "走访企业", "en": "Visits"}, quantity=quantity, period="2024")
    raw = json.dumps(data)
    adapter: TypeAdapter[Indicator] = TypeAdapter(Indicator)
    adapter.validate_json(raw)  # any first-use work out of the way
    sys.setprofile(watch)
    try:
        adapter.validate_json(raw)
    finally:
        sys.setprofile(None)
    assert handed == []
    assert {"_check_interval", "_period_of", "_read_time"} <= called
    # The same data as Python objects: the mappings are Python's own, and pass through.
    handed.clear()
    sys.setprofile(watch)
    try:
        adapter.validate_python(json.loads(raw))
    finally:
        sys.setprofile(None)
    assert handed  # the watch sees mappings where there are some
