"""Chinese quantity expressions: read them, write them back, and find them in text.

Three functions implement the quantity contract (see the *Quantities* page of the docs):

- :func:`parse_quantity` reads one expression (``470余条``, ``近1700家``, ``3.6萬余個``,
  ``第35位``) into a :class:`~unitedfront.Quantity`, exactly, or raises
  :class:`~unitedfront.errors.QuantityParseError`;
- :func:`format_quantity` writes a quantity back as canonical Chinese text;
- :func:`find_quantities` finds every expression in a text, with its offsets.

The grammar itself is :mod:`unitedfront._reading` (plain functions, no pydantic); this
module turns its readings into quantities.
"""

from __future__ import annotations

import attrs

from unitedfront._quantity import Quantity, from_reading
from unitedfront._reading import (
    MAX_LENGTH,
    UNITS,
    find_readings,
    read_quantity,
    write_reading,
)
from unitedfront.errors import _require_text

__all__ = [
    "MAX_LENGTH",
    "UNITS",
    "QuantityMatch",
    "find_quantities",
    "format_quantity",
    "parse_quantity",
]


def parse_quantity(text: str) -> Quantity:
    """Read one Chinese quantity expression exactly.

    ``text`` is kept as given; white space around it is ignored. Numbers may be Arabic
    (half or full width, with ``,`` thousands separators and a decimal point), Chinese
    (``一千二百三十四``, ``两``, ``〇``/``零``, the financial ``壹贰叁…拾佰仟``, and the
    spoken ``一万五`` = 15000), or mixed (``3.6万``, ``20余万``); traditional characters
    are read everywhere. Qualifiers, units and intervals follow the quantity contract:
    magnitude words move into ``value`` and the unit is returned in simplified script.

    Raises :class:`~unitedfront.errors.QuantityParseError` (a ``ValueError``) quoting the
    text and saying what could not be read; it never guesses. Texts longer than
    :data:`MAX_LENGTH` characters are refused. The time taken grows with the length of
    the text, whatever it holds. The error's ``code`` names the kind of failure (listed in
    the *Quantities* page of the docs).

    >>> q = parse_quantity("3.6萬余個")
    >>> q.value, q.qualifier.value, str(q.interval)
    (Decimal('36000'), 'more_than', '(36000, 37000) 个')
    >>> i = parse_quantity("近1700家").interval
    >>> i.low, i.low_inclusive, i.high, i.high_inclusive, str(i)
    (Decimal('1530.0'), True, Decimal('1700'), False, '[1530, 1700) 家')
    >>> str(parse_quantity("两三个").interval)
    '[2, 3] 个'
    >>> parse_quantity("很多条")
    Traceback (most recent call last):
    unitedfront.errors.QuantityParseError: '很多条': no number found
    """
    return from_reading(read_quantity(text))


def format_quantity(q: Quantity) -> str:
    """Write a quantity as canonical Chinese text.

    The canonical text uses Arabic digits, simplified script, ``万``/``亿`` for round
    large numbers, and one fixed word per qualifier: ``36000余个`` is written
    ``3.6万余个``, ``约1700家`` stays ``约1700家``, ``不低于50个`` becomes ``不少于50个``,
    ``两三个`` becomes ``2至3个``.

    The guarantee, for every quantity ``q`` that :func:`parse_quantity` returns:

    - ``parse_quantity(format_quantity(q))`` equals ``q`` in every field but ``text``
      (``value``, ``qualifier``, both bounds, both inclusivities, ``unit``, ``ordinal``),
      and its ``text`` is ``format_quantity(q)``;
    - the canonical text is a fixed point: ``format_quantity(parse_quantity(t)) == t`` for
      ``t = format_quantity(q)``. So for a quantity parsed from canonical text,
      ``parse_quantity(format_quantity(q)) == q`` holds exactly, ``text`` included.

    A quantity that no expression states (a ``sum``, or bounds that do not follow from its
    qualifier and value) raises :class:`~unitedfront.errors.QuantityParseError` rather
    than being written as something else.

    >>> format_quantity(parse_quantity("3.6萬余個"))
    '3.6万余个'
    >>> format_quantity(parse_quantity("800多万元"))
    '800余万元'
    >>> format_quantity(parse_quantity("不低于50个"))
    '不少于50个'
    """
    return write_reading(q)


@attrs.frozen(slots=True)
class QuantityMatch:
    """A quantity found in a text: ``text[start:end]`` is the expression, parsed.

    Offsets are code points into the text given to :func:`find_quantities`, and the span
    includes the qualifier words and the unit (``超13亿元``, ``达到近1700家``).

    >>> m = find_quantities("征集意见建议470余条")[0]
    >>> m.start, m.end, m.text, str(m.quantity.interval)
    (6, 11, '470余条', '(470, 480) 条')
    """

    start: int
    """Offset of the first character of the expression."""
    end: int
    """Offset just after the last character of the expression."""
    text: str
    """The expression, exactly as it stands in the text."""
    quantity: Quantity
    """The parsed expression; its ``text`` is :attr:`text`."""


def find_quantities(text: str) -> list[QuantityMatch]:
    """Find every quantity expression in a text, in order.

    Each match gives code-point offsets into ``text`` and the parsed quantity; the span
    holds the qualifier words and the unit. Run it on text that
    :func:`~unitedfront.normalize_source` has cleaned when the source puts pinyin in
    brackets after characters.

    Not reported: dates and clock times (``2024年``, ``6月27日``, ``2019-03-20``,
    ``10:30``); numerals inside names (``五大行动``, ``二十大``, ``两个健康``, ``1+4+N``,
    ``12345·首发``, ``十四届一次``); anything inside short quotation marks (brand and
    campaign names such as ``“八八战略”``), save the ``N强`` of a ranking entered
    (``入围“中国企业500强”``), or inside book-title marks ``《》``;
    fractions (``三分之一``); a lone ``一`` before a measure word (``一批``, ``一条心``);
    and numerals written in Chinese with no unit (``一是``, ``两会``). ``近`` before a time
    span (``近三年``, "the last three years") is left out of the span, not read as
    "nearly". Ordinals (``第八届``, ``全省第3``) are reported with ``ordinal=True``.

    >>> [(m.text, m.quantity.qualifier.value) for m in find_quantities(
    ...     "2024年,走访企业1234家、商会201家,开展谈心谈话1600余人次,“五大行动”全省第3")]
    [('1234家', 'exact'), ('201家', 'exact'), ('1600余人次', 'more_than'), ('第3', 'exact')]
    """
    _require_text(text, "find_quantities")
    return [
        QuantityMatch(start, end, reading.text, from_reading(reading))
        for start, end, reading in find_readings(text)
    ]
