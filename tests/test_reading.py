"""The pure quantity reader, its error codes, and the interval a figure implies."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from pydantic import ValidationError

from unitedfront import Indicator, Interval, Quantity, QuantityParseError, parse_quantity
from unitedfront._reading import Qualifier, Reading, read_quantity

D = Decimal


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "quantity_empty"),  # nothing at all
        ("   ", "quantity_empty"),  # white space only
        ("很多条", "quantity_no_number"),  # words, no numeral
        ("超过", "quantity_no_number"),  # a qualifier with nothing to qualify
        ("第", "quantity_no_number"),  # 第 with no number
        ("12 34", "quantity_two_numbers"),  # two numbers, no range marker
        ("12家子", "quantity_unit"),  # a unit the grammar does not know after the number
        ("百分之5个", "quantity_unit"),  # 百分之 gives the unit; another follows
        ("大约近50个", "quantity_qualifier"),  # two qualifiers that disagree
        ("左50个", "quantity_qualifier"),  # an unknown word before the number
        ("第3余位", "quantity_unit"),  # 余 cannot follow an ordinal
        ("一百零", "quantity_numeral"),  # a numeral that ends with 零
        ("5至3个", "quantity_range"),  # a range going down
        ("1" + "0" * 25 + "个", "quantity_out_of_range"),  # beyond 10^20
        ("0余个", "quantity_empty_interval"),  # 余 after zero says nothing
        ("近0个", "quantity_empty_interval"),  # nearly zero is empty
        ("1" * 201, "quantity_too_long"),  # longer than any expression
    ],
)
def test_each_refusal_has_its_code(text: str, code: str) -> None:
    """The reader, parse_quantity and the model name the same failure with the same code."""
    with pytest.raises(QuantityParseError) as read:
        read_quantity(text)
    assert read.value.code == code
    with pytest.raises(QuantityParseError) as parsed:
        parse_quantity(text)
    assert (parsed.value.code, str(parsed.value)) == (code, str(read.value))
    with pytest.raises(ValidationError) as validated:
        Quantity.model_validate(text)
    (error,) = validated.value.errors()
    assert error["type"] == code
    assert error["msg"] == str(read.value)


def test_a_bad_figure_inside_a_model_gives_its_code_and_path() -> None:
    """A mistyped figure in an indicator is reported at its field with the stable code."""
    data = {
        "id": "x",
        "name": "走访企业",
        "kind": "actual",
        "quantity": "很多家",
        "evidence": {"source": "s", "quote": "走访企业很多家"},
    }
    with pytest.raises(ValidationError) as info:
        Indicator.model_validate(data)
    (error,) = info.value.errors()
    assert error["type"] == "quantity_no_number"
    assert error["loc"] == ("quantity",)
    assert "'很多家': no number found" in error["msg"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        # a point interval must include both ends
        ({"text": "5", "value": 5, "qualifier": "exact", "low": 5, "high": 5}, "quantity_interval"),
        # the value lies above the upper bound
        ({"text": "5", "value": 9, "qualifier": "under", "high": 5}, "quantity_interval"),
        # a blank unit
        ({"text": "5", "value": 5, "qualifier": "over", "low": 5, "unit": " "}, "quantity_unit"),
    ],
)
def test_a_structured_quantity_that_breaks_the_interval_rules_has_a_code(
    data: dict[str, object], code: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Quantity.model_validate(data)
    assert [e["type"] for e in info.value.errors()] == [code]


def test_a_reading_is_plain_and_immutable() -> None:
    """The reader returns a tuple of plain values, with the step of 余 and its interval."""
    r = read_quantity("3.6萬余個")
    assert r == Reading(
        "3.6萬余個", D(36000), Qualifier.MORE_THAN, D(36000), D(37000), False, False, "个", False,
        D(1000),
    )  # fmt: skip
    with pytest.raises(AttributeError):
        r.value = D(1)  # type: ignore[misc]
    assert read_quantity("36010余个").step == D(10)
    assert read_quantity("36000个").step is None


def test_the_reader_imports_no_pydantic() -> None:
    """The grammar is plain Python: importing it loads no pydantic."""
    code = "import sys, unitedfront._reading; print('pydantic' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "low", "high", "low_inclusive", "high_inclusive", "shown"),
    [
        ("近1700家", D(1530), D(1700), True, False, "[1530, 1700) 家"),  # 0.9·X, no trailing .0
        ("约50个", D(45), D(55), True, True, "[45, 55] 个"),  # both ends in
        ("470余条", D(470), D(480), False, False, "(470, 480) 条"),  # both ends out
        ("超13亿元", D(1300000000), None, False, False, "(1300000000, ∞) 元"),  # unbounded above
        ("不到5个", None, D(5), False, False, "(-∞, 5) 个"),  # unbounded below
        ("0.50%", D("0.50"), D("0.50"), True, True, "[0.5, 0.5] %"),  # exact, trailing zero dropped
        ("63", D(63), D(63), True, True, "[63, 63]"),  # no unit
    ],
)
def test_the_interval_is_an_object_with_its_text_as_str(
    text: str,
    low: Decimal | None,
    high: Decimal | None,
    low_inclusive: bool,
    high_inclusive: bool,
    shown: str,
) -> None:
    i = parse_quantity(text).interval
    assert isinstance(i, Interval)
    assert (i.low, i.high, i.low_inclusive, i.high_inclusive) == (
        low,
        high,
        low_inclusive,
        high_inclusive,
    )
    assert str(i) == shown


def test_membership_follows_the_inclusivity_of_each_end() -> None:
    i = parse_quantity("近1700家").interval
    assert D(1530) in i and 1600 in i and D(1700) not in i and D("1529.9") not in i
    assert parse_quantity("近1700家").contains(1530)
    with pytest.raises(TypeError):
        assert "1600" in i
