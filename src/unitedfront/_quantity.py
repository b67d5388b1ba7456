"""The structured quantity: what a Chinese figure says and the interval it implies."""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Self, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    ModelWrapValidatorHandler,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from unitedfront.errors import NotSummableError, UnitMismatchError

__all__ = ["ExactDecimal", "Qualifier", "Quantity", "total"]

#: Largest magnitude (as a power of ten) a figure may have. 10^20 is far beyond any
#: figure these programmes state (万亿 is 10^12); a larger one is refused, not rounded.
MAX_EXPONENT = 20
#: Most significant digits a figure may carry.
MAX_DIGITS = 30

#: Arithmetic on figures runs in this context: wide enough that sums of any figures the
#: model accepts are exact, and any rounding raises instead of passing silently.
EXACT = decimal.Context(
    prec=80,
    traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation, decimal.Overflow],
)


#: For each model class and number of fields set, the set of field names its objects share.
_FIELDS_SETS: dict[tuple[type[BaseModel], int], set[str]] = {}
_OTHER_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
#: The classes whose objects may share: frozen, so pydantic never adds to their sets.
#: Subclasses are left alone (one might not be frozen).
SHAREABLE: set[type[BaseModel]] = set()
_set_attribute = object.__setattr__


def share_fields_set(obj: BaseModel) -> None:
    """Give ``obj`` the one ``model_fields_set`` that objects whose fields were set alike share.

    pydantic gives every object it validates its own ``model_fields_set`` (the names of
    the fields the input gave: a set of up to 728 bytes, and one more object for the
    cyclic garbage collector to walk). The models are frozen, so pydantic never changes
    these sets in place (``model_copy`` copies the set before it adds to the copy), and
    objects of one class whose fields were set alike can share one equal set.
    """
    cls = type(obj)
    if cls not in SHAREABLE:
        return
    names = obj.__pydantic_fields_set__
    key = (cls, len(names))
    common = _FIELDS_SETS.get(key)
    if common is None:
        common = _FIELDS_SETS.setdefault(key, names)
    if common is not names:
        if common != names:  # as many fields set, but others
            common = _OTHER_FIELDS_SETS.setdefault(frozenset(names), names)
        _set_attribute(obj, "__pydantic_fields_set__", common)


# An integer strictly inside these bounds is a figure the model accepts as it is.
_INT_LIMIT = 10 ** (MAX_EXPONENT + 1)
#: Figures read from text, by the text: ``Decimal(text)`` depends on the text alone (never
#: on a context), and a ``Decimal`` is immutable, so one object serves every equal text
#: (``value``, ``low`` and ``high`` of an exact figure are one). Emptied when full.
_DECIMALS: dict[str, Decimal] = {}
_DECIMALS_HELD = 4096


def _exact_decimal(value: Any) -> Decimal:
    """Accept ``Decimal``, ``int`` and numeric strings; refuse floats and non-finite values."""
    # The common inputs first: a string of at most MAX_DIGITS characters cannot hold more
    # digits than that, and an int below 10^21 is always in range.
    kind = type(value)
    if kind is str and len(value) <= MAX_DIGITS:
        number = _DECIMALS.get(value)
        if number is not None:
            return number
        try:
            number = Decimal(value.strip())
        except decimal.InvalidOperation:
            raise ValueError(f"not a decimal number: {value!r}") from None
        if number.is_finite() and (not number or abs(number.adjusted()) <= MAX_EXPONENT):
            if len(_DECIMALS) >= _DECIMALS_HELD:
                _DECIMALS.clear()
            _DECIMALS[value] = number
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


class Qualifier(StrEnum):
    """How a figure relates to the number written (see the quantity contract).

    ``X`` is the number written; the interval each qualifier implies is documented on
    :class:`Quantity`.
    """

    EXACT = "exact"
    """A bare number, or after 达/共/累计/总计: ``[X, X]``."""
    MORE_THAN = "more_than"
    """``X余``, ``X多``: ``(X, X + step)``."""
    OVER = "over"
    """超/超过/逾/高于/大于 X: ``(X, ∞)``."""
    AT_LEAST = "at_least"
    """不少于/至少/不低于 X, X以上: ``[X, ∞)``."""
    NEARLY = "nearly"
    """近/将近/接近 X: ``[0.9X, X)``."""
    ABOUT = "about"
    """约/大约/大概 X, X左右: ``[0.9X, 1.1X]``."""
    AT_MOST = "at_most"
    """不超过/最多 X, X以内/以下: ``(-∞, X]``."""
    UNDER = "under"
    """不到/不足/低于/少于 X: ``(-∞, X)``."""
    ORDER_OF = "order_of"
    """上百/上千/上万/上亿 (M): ``[M, 10M)``."""
    SEVERAL = "several"
    """数十/几十/数百… (M): ``[2M, 10M)``."""
    RANGE = "range"
    """两三个, X至Y, X-Y: ``[a, b]``."""
    SUM = "sum"
    """The result of :func:`total` over addends that are not all exact."""


class Quantity(BaseModel):
    """A figure as written, with the interval it implies.

    ``text`` keeps the expression exactly as given; ``value`` is the number written
    (magnitude words applied); ``low``/``high`` bound what the expression implies, each
    ``None`` when unbounded, with ``low_inclusive``/``high_inclusive`` saying whether the
    bound itself is included. ``unit`` is the measure word in simplified script with
    magnitude words moved into ``value`` (``亿元`` → ``元``). ``ordinal`` marks ``第N`` forms.

    Figures are ``Decimal`` and never floats; a float given as input is refused.
    Wherever a quantity is expected, its Chinese text may be given instead and is parsed
    with :func:`unitedfront.parse_quantity`.

    >>> from decimal import Decimal
    >>> q = Quantity(text="470余条", value=Decimal(470), qualifier="more_than",
    ...              low=Decimal(470), high=Decimal(480), unit="条")
    >>> q.contains(Decimal("475")), q.contains(Decimal(480))
    (True, False)
    >>> q.interval
    '(470, 480) 条'
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", validate_default=False, use_attribute_docstrings=True
    )

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

    @model_validator(mode="wrap")
    @classmethod
    def _from_text(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        if isinstance(data, str):
            from unitedfront._parse import parse_quantity

            # The parser checks what it builds; its result needs no second validation.
            return cast("Self", parse_quantity(data))
        return handler(data)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: Any) -> JsonSchemaValue:
        schema: JsonSchemaValue = handler(core_schema)
        return {
            "anyOf": [
                {"type": "string", "description": 'The Chinese expression, e.g. "470余条".'},
                schema,
            ]
        }

    @model_validator(mode="after")
    def _check_interval(self) -> Self:
        low, high, value = self.low, self.high, self.value
        if low is None and self.low_inclusive:
            raise ValueError("low_inclusive must be false when low is None (unbounded below)")
        if high is None and self.high_inclusive:
            raise ValueError("high_inclusive must be false when high is None (unbounded above)")
        if low is not None and value < low:
            raise ValueError(f"value {value} is below low {low}")
        if high is not None and value > high:
            raise ValueError(f"value {value} is above high {high}")
        point = low is not None and low == high
        if point and not (self.low_inclusive and self.high_inclusive):
            raise ValueError(f"the interval at {low} is empty: a point needs both bounds inclusive")
        if self.unit is not None and not self.unit.strip():
            raise ValueError("unit must be None or a non-blank string")
        return self

    @property
    def is_exact(self) -> bool:
        """True when the expression states one number: ``low == value == high``."""
        return self.low is not None and self.low == self.high

    @property
    def interval(self) -> str:
        """The interval in mathematical notation, with the unit: ``'[1530, 1700) 家'``."""
        left = "(-∞" if self.low is None else ("[" if self.low_inclusive else "(") + str(self.low)
        right = (
            "∞)" if self.high is None else str(self.high) + ("]" if self.high_inclusive else ")")
        )
        return f"{left}, {right}" + (f" {self.unit}" if self.unit else "")

    def contains(self, number: Decimal | int) -> bool:
        """Whether ``number`` lies inside the interval the expression implies."""
        x = Decimal(number)
        if self.low is not None and (x < self.low or (x == self.low and not self.low_inclusive)):
            return False
        return not (
            self.high is not None
            and (x > self.high or (x == self.high and not self.high_inclusive))
        )

    def __str__(self) -> str:
        return self.text


SHAREABLE.add(Quantity)

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
    >>> t.value, t.interval, t.qualifier.value
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
    return Quantity.model_construct(
        text=" + ".join(q.text for q in items),
        value=value,
        qualifier=Qualifier.EXACT if exact else Qualifier.SUM,
        low=low,
        high=high,
        low_inclusive=low is not None and all(q.low_inclusive for q in items),
        high_inclusive=high is not None and all(q.high_inclusive for q in items),
        unit=unit,
        ordinal=False,
    )
