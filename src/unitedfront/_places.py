"""The place table: provinces, prefectures and counties of GB/T 2260, with a lookup.

The table is data (``data/places.csv``, described by ``data/places.md``): one row per
division with its six-digit code, its full Chinese name, its level and its parent's code.
A lookup by code returns a :class:`~unitedfront.Jurisdiction`; a lookup by name accepts
the full name (``山东省``, ``禹城市``) or the name without its administrative suffix
(``山东``, ``禹城``, ``内蒙古``), in simplified or traditional script.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from unitedfront._model import Jurisdiction, JurisdictionLevel, Text
from unitedfront.errors import UnknownPlaceError, _require_text

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Mention", "find_jurisdictions", "get_jurisdiction", "mentions"]

#: When the bundled table was taken (the date its source gives for its data).
TABLE_DATE = "2025-12-31"

#: Administrative suffixes, longest first, stripped to give a place's short name.
_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "矿区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)
# The peoples named in the names of autonomous areas (广西壮族, 恩施土家族苗族).
_PEOPLES = re.compile(r"^(.{2,}?)(?:维吾尔|(?:[^族]{1,5}族)+)$")
# Grouping rows of a municipality (市辖区, 县): real codes, but not a place's name.
_GROUPING_NAMES = frozenset({"市辖区", "县"})


class _Row(NamedTuple):
    code: str
    name: str
    level: JurisdictionLevel
    parent: str | None


def short_name(name: str) -> str:
    """A place's name without its suffix and peoples (``恩施`` for 恩施土家族苗族自治州).

    Names that would shrink to one character keep their suffix (``城区`` stays ``城区``).
    """
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix == "地区":
                match = _PEOPLES.match(stem)
                if match:
                    stem = match.group(1)
            return stem
    return name


class _Table(NamedTuple):
    by_code: Mapping[str, _Row]
    by_name: Mapping[str, tuple[_Row, ...]]


@cache
def _table() -> _Table:
    raw = files("unitedfront").joinpath("data/places.csv").read_text(encoding="utf-8")
    by_code: dict[str, _Row] = {}
    by_name: dict[str, list[_Row]] = {}
    for record in csv.DictReader(io.StringIO(raw)):
        row = _Row(
            record["code"],
            record["name"],
            JurisdictionLevel(record["level"]),
            record["parent"] or None,
        )
        by_code[row.code] = row
        if row.name in _GROUPING_NAMES:
            continue
        for key in {row.name, short_name(row.name)}:
            by_name.setdefault(key, []).append(row)
    return _Table(
        MappingProxyType(by_code),
        MappingProxyType({name: tuple(rows) for name, rows in by_name.items()}),
    )


def _jurisdiction(row: _Row) -> Jurisdiction:
    return Jurisdiction(code=row.code, name=Text(zh=row.name), level=row.level, parent=row.parent)


def is_known_code(code: str) -> bool:
    """Whether the bundled table has this code."""
    return code in _table().by_code


def get_jurisdiction(code: str) -> Jurisdiction:
    """The province, prefecture or county with this GB/T 2260 code.

    The name is the full Chinese name; English is left empty (the table has none).
    Raises :class:`~unitedfront.errors.UnknownPlaceError` (a ``LookupError``) for a code
    the table does not hold.

    >>> j = get_jurisdiction("371482")
    >>> j.name.zh, j.level.value, j.parent
    ('禹城市', 'county', '371400')
    """
    _require_text(code, "get_jurisdiction")
    row = _table().by_code.get(code.strip())
    if row is None:
        raise UnknownPlaceError(
            f"no place has the code {code!r} in the GB/T 2260 table (as of {TABLE_DATE}); "
            "a code is six digits, 371000 for Weihai"
        )
    return _jurisdiction(row)


def _simplified(name: str) -> str:
    if name.isascii():
        return name
    from unitedfront._normalize import to_simplified
    from unitedfront.errors import MissingExtraError

    try:
        return to_simplified(name)
    except MissingExtraError:  # pragma: no cover - depends on what is installed
        return name


def find_jurisdictions(
    name: str,
    *,
    level: JurisdictionLevel | str | None = None,
    within: str | None = None,
) -> tuple[Jurisdiction, ...]:
    """Every place whose name is ``name``, with or without its suffix (省, 市, 县, 区 …).

    Short names are often shared (朝阳 is a district of Beijing and a city of Liaoning):
    narrow them with ``level`` or ``within`` (the code of a province or prefecture that
    holds the place). Places come in order of level, then code; an unknown name gives an
    empty tuple.

    >>> [j.code for j in find_jurisdictions("山东")]
    ['370000']
    >>> [j.name.zh for j in find_jurisdictions("禹城", level="county")]
    ['禹城市']
    """
    _require_text(name, "find_jurisdictions")
    # The table's names are simplified, but a few keep a character that conversion would
    # change (乾安县 is not 干安县): look the name up as given, then converted.
    given = name.strip()
    table = _table()
    rows: dict[str, _Row] = {}
    for key in dict.fromkeys((given, _simplified(given))):
        for row in table.by_name.get(key) or table.by_name.get(short_name(key)) or ():
            rows.setdefault(row.code, row)
    wanted = JurisdictionLevel(level) if level is not None else None
    order = list(JurisdictionLevel)
    found = [
        row
        for row in rows.values()
        if (wanted is None or row.level is wanted)
        and (within is None or _lies_within(row, within, table.by_code))
    ]
    found.sort(key=lambda row: (order.index(row.level), row.code))
    return tuple(_jurisdiction(row) for row in found)


def _lies_within(row: _Row, code: str, by_code: Mapping[str, _Row]) -> bool:
    parent = row.parent
    while parent is not None:
        if parent == code:
            return True
        above = by_code.get(parent)
        parent = above.parent if above is not None else None
    return False


# --------------------------------------------------------------------------- places in a text

#: What may follow a county's short name for it to count as a mention (禹城 + 工商联).
_ORGANS = (
    "工商联",
    "统战部",
    "县委",
    "区委",
    "市委",
    "新闻",
    "融媒体",
    "日报",
    "商会",
    "经验",
    "样板",
)
#: Short names that are also everyday words (幸福安康, 长治久安, 来宾): found only in full.
_COMMON_WORDS = frozenset(
    {"安康", "来宾", "长治", "大同", "中山", "和平", "永安", "长安", "新华", "太平", "光明"}
)


class Mention(NamedTuple):
    """A place named in a text: where, the words used, and every place they may mean."""

    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    full: bool
    """Whether the words are a full name (滨州市), not a short one (滨州)."""


@cache
def _names_by_prefix() -> Mapping[str, tuple[tuple[str, tuple[_Row, ...], bool], ...]]:
    index: dict[str, list[tuple[str, tuple[_Row, ...], bool]]] = {}
    for name, rows in _table().by_name.items():
        if len(name) < 2 or name in _COMMON_WORDS:
            continue
        full = any(row.name == name for row in rows)
        index.setdefault(name[:2], []).append((name, rows, full))
    return MappingProxyType(
        {key: tuple(sorted(found, key=lambda f: -len(f[0]))) for key, found in index.items()}
    )


def mentions(text: str) -> list[Mention]:
    """Every place a text names, in order, longest name first where names overlap.

    A full name (滨州市, 邗江区) always counts, and so does a province's or prefecture's
    short name (山东, 滨州); a county's short name counts only before the name of a body
    or outlet (禹城工商联, 武进新闻), since many are everyday words.
    """
    index = _names_by_prefix()
    found: list[Mention] = []
    i = 0
    while i < len(text) - 1:
        for name, rows, full in index.get(text[i : i + 2], ()):
            if not text.startswith(name, i):
                continue
            end = i + len(name)
            county = all(row.level is JurisdictionLevel.COUNTY for row in rows)
            # A county's short name, or a two-character full name (和县, 高县), is also an
            # everyday phrase (市和县): it counts before the name of a body or outlet.
            if county and (not full or len(name) == 2) and not text.startswith(_ORGANS, end):
                continue
            if not full:
                rows = (
                    tuple(row for row in rows if row.level is not JurisdictionLevel.COUNTY) or rows
                )
            found.append(Mention(i, end, name, tuple(row.code for row in rows), full))
            i = end - 1
            break
        i += 1
    return found


def parent_of(code: str) -> str | None:
    """The parent code of a known place (``None`` for a province or an unknown code)."""
    row = _table().by_code.get(code)
    return row.parent if row is not None else None


def lies_within(code: str, ancestor: str) -> bool:
    """Whether the place ``code`` lies inside the place ``ancestor`` (not itself)."""
    table = _table()
    row = table.by_code.get(code)
    return row is not None and _lies_within(row, ancestor, table.by_code)
