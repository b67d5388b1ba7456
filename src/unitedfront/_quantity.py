"""The structured quantity: what a Chinese figure says and the interval it implies."""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    ConfigDict,
    GetCoreSchemaHandler,
    WithJsonSchema,
)
from pydantic.dataclasses import dataclass
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from unitedfront._reading import (
    EXACT,
    MAX_DIGITS,
    MAX_EXPONENT,
    Interval,
    Qualifier,
    Reading,
    read_quantity,
)
from unitedfront._records import (
    Record,
    fields_or_text,
    fields_or_text_json_schema,
    fill,
    open_twin,
    remember,
)
from unitedfront.errors import NotSummableError, QuantityParseError, UnitMismatchError

__all__ = ["EXACT", "ExactDecimal", "Qualifier", "Quantity", "from_reading", "total"]

# An integer strictly inside these bounds is a figure the model accepts as it is.
_INT_LIMIT = 10 ** (MAX_EXPONENT + 1)


# The last figure read from a string, with the string: an exact quantity gives the same
# string three times (value, low, high), and holds one Decimal for the three. A Decimal is
# immutable, so nothing is shared that could change; the pair is replaced whole.
_last: tuple[str, Decimal] = ("0", Decimal(0))


def _exact_decimal(value: Any) -> Decimal:
    """Accept ``Decimal``, ``int`` and numeric strings; refuse floats and non-finite values."""
    global _last
    # The common inputs first: a string of at most MAX_DIGITS characters cannot hold more
    # digits than that, and an int below 10^21 is always in range.
    kind = type(value)
    if kind is str and len(value) <= MAX_DIGITS:
        last = _last
        if value == last[0]:
            return last[1]
        try:
            number = Decimal(value.strip())
        except decimal.InvalidOperation:
            raise ValueError(f"not a decimal number: {value!r}") from None
        if number.is_finite() and (not number or abs(number.adjusted()) <= MAX_EXPONENT):
            _last = (value, number)
            return number
    elif kind is int and -_INT_LIMIT < value < _INT_LIMIT:
        return Decimal(value)
    return _checked_decimal(value)


def _checked_decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got the boolean {value!r}")
    if isinstance(value, float):
        raise ValueError(
            f"figures must be exact: got the float {value!r}; give a Decimal, an int, "
            f"or a string such as {str(value)!r}"
        )
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except decimal.InvalidOperation:
            raise ValueError(f"not a decimal number: {value!r}") from None
    else:
        raise ValueError(f"expected a decimal number, got {type(value).__name__}")
    if not number.is_finite():
        raise ValueError(f"figures must be finite, got {value!r}")
    if number and (
        abs(number.adjusted()) > MAX_EXPONENT or len(number.as_tuple().digits) > MAX_DIGITS
    ):
        raise ValueError(
            f"{value!r} is outside the range a figure may take "
            f"(magnitude up to 10^{MAX_EXPONENT}, at most {MAX_DIGITS} digits)"
        )
    return number


# pydantic-core's own Decimal serializer (its type stubs do not list the name).
_DECIMAL_SERIALIZER: Any = {"type": "decimal"}


class _ExactDecimalSchema:
    """Validates with :func:`_exact_decimal` alone (its result needs no second check) and
    serialises as a ``Decimal``: in JSON, the string of its digits (``"287.10"``)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _exact_decimal, serialization=_DECIMAL_SERIALIZER
        )


#: A ``Decimal`` field that refuses floats (which would already be rounded) and NaN/Infinity.
ExactDecimal = Annotated[
    Decimal,
    _ExactDecimalSchema,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer"},
                {"type": "string", "pattern": r"^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$"},
            ],
            "description": "An integer, or a decimal string such as '287.10'; never a float.",
        }
    ),
]


# The quantities validation has read from text, by their text. Many figures write the
# same text (1家, 100余家, 50%), and a quantity is a frozen value with no state of its own
# beyond its fields, so one object stands for every figure that writes the text, as one
# str object stands for every copy of a string. The table is emptied when full: on texts
# that never recur it costs a look-up and an insertion each, never a second reading.
_QUANTITIES: dict[str, Quantity] = {}


def _from_text(text: str) -> Quantity:
    quantity = _QUANTITIES.get(text)
    if quantity is not None:
        return quantity
    try:
        reading = read_quantity(text)
    except QuantityParseError as exc:
        raise PydanticCustomError(exc.code, "{reason}", {"reason": str(exc)}) from None
    # The reading holds every rule the model checks: built as it is.
    return remember(_QUANTITIES, text, from_reading(reading))


def _refuse(reason: str) -> None:
    raise PydanticCustomError("quantity_interval", "{reason}", {"reason": reason})


def _check_interval(q: Quantity) -> Quantity:
    """Refuse a quantity given field by field whose interval does not hold."""
    low, high, value = q.low, q.high, q.value
    if low is None and q.low_inclusive:
        _refuse("low_inclusive must be false when low is None (unbounded below)")
    if high is None and q.high_inclusive:
        _refuse("high_inclusive must be false when high is None (unbounded above)")
    if low is not None and value < low:
        _refuse(f"value {value} is below low {low}")
    if high is not None and value > high:
        _refuse(f"value {value} is above high {high}")
    if low is not None and low == high and not (q.low_inclusive and q.high_inclusive):
        _refuse(f"the interval at {low} is empty: a point needs both bounds inclusive")
    if q.unit is not None and not q.unit.strip():
        raise PydanticCustomError("quantity_unit", "unit must be None or a non-blank string")
    return q


@dataclass(
    frozen=True,
    slots=True,
    kw_only=True,
    config=ConfigDict(extra="forbid", validate_default=False, use_attribute_docstrings=True),
)
class Quantity(Record):
    """A figure as written, with the interval it implies.

    ``text`` keeps the expression exactly as given; ``value`` is the number written
    (magnitude words applied); ``low``/``high`` bound what the expression implies, each
    ``None`` when unbounded, with ``low_inclusive``/``high_inclusive`` saying whether the
    bound itself is included. ``unit`` is the measure word in simplified script with
    magnitude words moved into ``value`` (``亿元`` → ``元``). ``ordinal`` marks ``第N`` forms.

    Figures are ``Decimal`` and never floats; a float given as input is refused.
    Wherever a quantity is expected, its Chinese text may be given instead and is parsed
    with :func:`unitedfront.parse_quantity`. Validation keeps what it reads by its text
    (up to 4,096 texts): a text given again gives the same frozen object.

    >>> from decimal import Decimal
    >>> q = Quantity(text="470余条", value=Decimal(470), qualifier="more_than",
    ...              low=Decimal(470), high=Decimal(480), unit="条")
    >>> q.contains(Decimal("475")), q.contains(Decimal(480))
    (True, False)
    >>> q.interval.low, q.interval.high_inclusive, str(q.interval)
    (Decimal('470'), False, '(470, 480) 条')
    """

    text: str
    """The expression exactly as given (``470余条``)."""
    value: ExactDecimal
    """The number written, magnitude words applied; the lower end of a range or multitude."""
    qualifier: Qualifier
    """How the figure relates to the number written."""
    low: ExactDecimal | None = None
    """The lower bound the expression implies; ``None`` when unbounded below."""
    high: ExactDecimal | None = None
    """The upper bound the expression implies; ``None`` when unbounded above."""
    low_inclusive: bool = False
    """Whether ``low`` itself is part of the interval (false when ``low`` is ``None``)."""
    high_inclusive: bool = False
    """Whether ``high`` itself is part of the interval (false when ``high`` is ``None``)."""
    unit: str | None = None
    """The measure word in simplified script, magnitude words moved into ``value``."""
    ordinal: bool = False
    """True for ``第N`` forms: ranks and editions."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:  # pragma: no mutate block
        # Called while the class is made, before mutation testing can switch its mutants:
        # left unmutated (its schema is exercised by every test of a quantity).
        # Text is read by the reader; fields are validated by pydantic-core and the interval
        # checked after (__post_init__). JSON is validated as it is (see fields_or_text).
        return fields_or_text(cls, handler, _from_text)

    def __post_init__(self) -> None:
        # Called by validation once the fields are valid, never for a figure the reader
        # built (whose interval holds by construction).
        _check_interval(self)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: Any) -> JsonSchemaValue:
        return fields_or_text_json_schema(
            handler(core_schema), 'The Chinese expression, e.g. "470余条".'
        )

    @property
    def is_exact(self) -> bool:
        """True when the expression states one number: ``low == value == high``."""
        return self.low is not None and self.low == self.high

    @property
    def interval(self) -> Interval:
        """The interval the expression implies: ``low``, ``high``, each side's inclusivity
        and the unit; its ``str()`` is ``'[1530, 1700) 家'``."""
        return Interval(self.low, self.high, self.low_inclusive, self.high_inclusive, self.unit)

    def contains(self, number: Decimal | int) -> bool:
        """Whether ``number`` lies inside the interval the expression implies."""
        return self.interval.contains(number)

    def __str__(self) -> str:
        return self.text


# Quantity's slots, not frozen: a figure read is filled by plain assignments (open_twin).
_OPEN = open_twin(Quantity)


def from_reading(reading: Reading) -> Quantity:
    """The quantity of a reading (its ``text`` and every field of the interval), as it is.

    The reader establishes every rule the validation of a quantity checks, so the object
    is filled with the reading's values without a second check (its ``step`` is left out).
    """
    q: Any = object.__new__(_OPEN)
    (
        q.text,
        q.value,
        q.qualifier,
        q.low,
        q.high,
        q.low_inclusive,
        q.high_inclusive,
        q.unit,
        q.ordinal,
        _,
    ) = reading
    q.__class__ = Quantity
    return q  # type: ignore[no-any-return]


_NOT_SUMMABLE_UNITS = {"%": "shares", "个百分点": "percentage-point differences"}


def total(quantities: Iterable[Quantity]) -> Quantity:
    """Add quantities as intervals.

    Lows add and highs add; an unbounded side (``None``) stays unbounded; a bound is
    inclusive only if all its addends' bounds are. The result is ``exact`` only when every
    addend is; otherwise its qualifier is ``sum`` and its interval says what is known.
    ``text`` joins the addends' texts with `` + ``. The sum of nothing is an exact zero.

    Refuses mixed units with :class:`~unitedfront.errors.UnitMismatchError`, and ordinals,
    shares (``%``) and percentage points with :class:`~unitedfront.errors.NotSummableError`.

    >>> from unitedfront import parse_quantity
    >>> t = total([parse_quantity("470余条"), parse_quantity("320多条")])
    >>> t.value, str(t.interval), t.qualifier.value
    (Decimal('790'), '(790, 810) 条', 'sum')
    """
    items = list(quantities)
    if not items:
        return Quantity(
            text="0",
            value=Decimal(0),
            qualifier=Qualifier.EXACT,
            low=Decimal(0),
            high=Decimal(0),
            low_inclusive=True,
            high_inclusive=True,
        )
    unit = items[0].unit
    for q in items:
        if q.ordinal:
            raise NotSummableError(
                f"cannot add {q.text!r}: it is an ordinal (a rank or an edition)"
            )
        if q.unit in _NOT_SUMMABLE_UNITS:
            kind = _NOT_SUMMABLE_UNITS[q.unit]
            raise NotSummableError(f"cannot add {q.text!r}: {kind} are not summable")
        if q.unit != unit:
            raise UnitMismatchError(
                f"cannot add {items[0].text!r} ({unit or 'no unit'}) "
                f"and {q.text!r} ({q.unit or 'no unit'}): the units differ"
            )
    low: Decimal | None = Decimal(0)
    high: Decimal | None = Decimal(0)
    value = Decimal(0)
    for q in items:
        value = EXACT.add(value, q.value)
        low = None if low is None or q.low is None else EXACT.add(low, q.low)
        high = None if high is None or q.high is None else EXACT.add(high, q.high)
    exact = all(q.qualifier is Qualifier.EXACT for q in items)
    # Built without re-validation: the interval rules hold by construction, and a total
    # is exact even where it grows beyond the range the model accepts from files.
    return fill(
        Quantity,
        (
            " + ".join(q.text for q in items),
            value,
            Qualifier.EXACT if exact else Qualifier.SUM,
            low,
            high,
            low is not None and all(q.low_inclusive for q in items),
            high is not None and all(q.high_inclusive for q in items),
            unit,
            False,
        ),
    )
