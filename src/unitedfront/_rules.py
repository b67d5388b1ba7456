"""The rules a single value of a programme file must follow, declared once.

The model (:mod:`unitedfront._model`) builds its field types from these declarations, and
:func:`unitedfront.scan` checks the same declarations column by column, so the two ways of
reading a file cannot drift apart. The patterns are written for pydantic-core's regular
expressions (Rust's ``regex``); :func:`arrow_pattern` gives the same pattern for Arrow's
(RE2), where ``\\S`` means something else (RE2's classes are ASCII only, Rust's Unicode).

The enumerations are declared in the model itself (their value sets are its ``StrEnum``
classes); which fields a model has, and which of them are required or may be null, is
read from the model's fields.
"""

from __future__ import annotations

from typing import Final

import attrs
from pydantic import StringConstraints

__all__ = [
    "CODE",
    "EXPLANATION_CODE",
    "EXPLANATION_PATH",
    "METRIC_CODE",
    "NON_BLANK",
    "SLUG",
    "SPAN",
    "WHITESPACE",
    "StringRule",
    "arrow_pattern",
]

#: The Unicode ``White_Space`` characters, as the body of a character class.
WHITESPACE: Final = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


@attrs.frozen(slots=True)
class StringRule:
    """What a text field must be: a pattern it must match somewhere, and length bounds.

    Lengths count characters (code points), as pydantic and Arrow's ``utf8_length`` do.
    """

    pattern: str | None
    min_length: int | None = None
    max_length: int | None = None

    def constraints(self) -> StringConstraints:
        """The rule as pydantic's constraints on a ``str`` field."""
        return StringConstraints(
            pattern=self.pattern, min_length=self.min_length, max_length=self.max_length
        )


#: An identifier: lowercase ASCII letters and digits in words joined by single hyphens.
SLUG: Final = StringRule(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", 1, 80)
#: A metric code: lowercase words joined by underscores (``enterprises_visited``).
METRIC_CODE: Final = StringRule(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$", 1, 80)
#: Text people read: at least one character that is not whitespace.
NON_BLANK: Final = StringRule(r"\S", 1, 10_000)
#: A GB/T 2260 code as a file holds it (the bundled table checks the digits).
CODE: Final = StringRule(None, 1, 12)
#: A length of time in whole years or months, as ISO 8601 text: ``P3Y``, ``P6M``.
SPAN: Final = StringRule(r"^P[1-9][0-9]{0,2}[YM]$")
#: The code of a validation rule (``UF101``).
EXPLANATION_CODE: Final = StringRule(r"^UF\d{3}$")
#: The path of a validation finding (``declared[2]``).
EXPLANATION_PATH: Final = StringRule(
    r"^[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*$", max_length=500
)


def arrow_pattern(pattern: str) -> str:
    """A pattern of this module as Arrow's RE2 reads it with the meaning Rust's gives it.

    ``\\S`` becomes the class of characters outside Unicode ``White_Space``; the other
    constructs used here (ASCII classes, anchors, groups) read alike in both.

    >>> arrow_pattern(r"\\S") == f"[^{WHITESPACE}]"
    True
    """
    return pattern.replace(r"\S", f"[^{WHITESPACE}]")
