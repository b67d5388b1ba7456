"""The library's exceptions, all rooted at :class:`UnitedFrontError`.

Catch :class:`UnitedFrontError` to handle anything the library raises on purpose.
Structural errors in model input are pydantic's own ``ValidationError`` (it carries
the field path); everything else the library refuses is one of the classes below.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = [
    "AnalysisError",
    "DatasetError",
    "LoadError",
    "LoadProblem",
    "MissingExtraError",
    "MissingFontError",
    "NotSummableError",
    "NotTextError",
    "QuantityParseError",
    "UnitMismatchError",
    "UnitedFrontError",
    "UnknownDatasetError",
    "UnknownMetricError",
    "UnknownPlaceError",
    "UnlikeFiguresError",
]


class UnitedFrontError(Exception):
    """Root of every exception the library raises on purpose."""


class QuantityParseError(UnitedFrontError, ValueError):
    """A text could not be read as a quantity.

    The message quotes the input and says what could not be read; ``code`` names the
    kind of failure (``quantity_no_number``, ``quantity_unit`` …, listed in the
    *Quantities* page of the docs). Inside a model the same failure is a pydantic error
    whose ``type`` is that code.

    >>> raise QuantityParseError("'很多条': no number found", code="quantity_no_number")
    Traceback (most recent call last):
    unitedfront.errors.QuantityParseError: '很多条': no number found
    """

    def __init__(self, message: str, *, code: str = "quantity_unreadable") -> None:
        super().__init__(message)
        self.code = code


class UnitMismatchError(UnitedFrontError, ValueError):
    """Quantities with different units were combined (e.g. ``家`` with ``元``)."""


class NotSummableError(UnitedFrontError, ValueError):
    """Quantities that cannot be added were summed: ranks, ordinals, shares."""


class NotTextError(UnitedFrontError, TypeError):
    """A function that reads text was given something else (``None``, bytes, a number).

    Raised by :func:`~unitedfront.find_quantities` and the normalizing functions
    (:func:`~unitedfront.normalize_source`, :func:`~unitedfront.strip_pinyin`,
    :func:`~unitedfront.to_simplified`); decode bytes before passing them.

    >>> from unitedfront import find_quantities
    >>> find_quantities(b"1234")
    Traceback (most recent call last):
    unitedfront.errors.NotTextError: find_quantities expects text (str), got bytes
    """


def _require_text(value: object, function: str) -> None:
    """Raise :class:`NotTextError` unless ``value`` is a ``str``."""
    if not isinstance(value, str):
        raise NotTextError(f"{function} expects text (str), got {type(value).__name__}")


class DatasetError(UnitedFrontError):
    """A bundled dataset could not be found or read."""


class UnknownDatasetError(DatasetError, LookupError):
    """No bundled dataset has the requested id; the message lists the ids there are."""


class UnknownPlaceError(UnitedFrontError, LookupError):
    """No place in the GB/T 2260 table has the requested code."""


class UnknownMetricError(UnitedFrontError, KeyError):
    """No metric of the vocabulary has the requested code; the message names the closest.

    >>> from unitedfront import get_metric
    >>> get_metric("village_paired")
    Traceback (most recent call last):
    unitedfront.errors.UnknownMetricError: no metric 'village_paired' in the vocabulary; did you mean 'villages_paired'?
    """  # noqa: E501

    def __str__(self) -> str:
        # KeyError would quote the message; keep it plain.
        return str(self.args[0]) if self.args else ""


@attrs.frozen(slots=True)
class LoadProblem:
    """One thing wrong in a programme file: what, and where (field path, or line and column).

    >>> str(LoadProblem("unknown field", path="actions[0].colour"))
    'actions[0].colour: unknown field'
    """

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.line is not None:
            where = f"{self.line}:{self.column}: " if self.column is not None else f"{self.line}: "
        if self.path:
            where += f"{self.path}: "
        return f"{where}{self.message}"


class LoadError(UnitedFrontError, ValueError):
    """A programme file could not be read (or, for ``save_file``, written).

    ``problems`` lists everything wrong that was found, each a :class:`LoadProblem` with
    its message and its place; ``str()`` lists them all, one a line. A file that cannot
    be parsed has one problem; one that parses but does not validate has one per field
    that is wrong. ``file`` names the file; ``message``, ``line``, ``column`` (1-based) and
    ``path`` (the field path, ``actions[2].measures[0].id``) are those of the first
    problem.

    >>> error = LoadError(
    ...     "2 problems",
    ...     file="city.json",
    ...     problems=[
    ...         LoadProblem("unknown field", path="colour"),
    ...         LoadProblem("required field missing", path="actions[0].theme"),
    ...     ],
    ... )
    >>> print(error)
    city.json: 2 problems:
      colour: unknown field
      actions[0].theme: required field missing
    >>> error.path, len(error.problems)
    ('colour', 2)
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
        problems: Sequence[LoadProblem] = (),
    ) -> None:
        self.problems = tuple(problems) or (LoadProblem(message, path, line, column),)
        first = self.problems[0]
        self.message = first.message
        self.file = file
        self.line = first.line
        self.column = first.column
        self.path = first.path
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.file or "<input>"
        if len(self.problems) > 1:
            lines = "".join(f"\n  {problem}" for problem in self.problems)
            return f"{where}: {len(self.problems)} problems:{lines}"
        # file.json:12:7: message, or file.json: path: message
        return f"{where}:{'' if self.line is not None else ' '}{self.problems[0]}"


class MissingExtraError(UnitedFrontError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{purpose} needs the optional dependency {package!r}; "
            f"install it with: pip install 'unitedfront[{extra}]'"
        )


class AnalysisError(UnitedFrontError, ValueError):
    """An analysis cannot be answered honestly from the data or arguments given.

    For example: a frame without a column the function needs, a figure a decimal column
    cannot hold without rounding, two different figures for one place and date, or an
    option the function does not know. The message names what was wrong and where.
    """


class UnlikeFiguresError(AnalysisError):
    """Figures that are not alike were to be ranked, totalled or drawn as one series.

    The message names the figures and why they are not alike (see
    :func:`unitedfront.comparability`), and the argument that takes them anyway.
    """


class MissingFontError(UnitedFrontError, LookupError):
    """A plot was asked for in Chinese, but no installed font has Chinese glyphs."""
