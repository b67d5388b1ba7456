"""The place table and its lookups by code and by name."""

from __future__ import annotations

import csv
import io
from importlib.resources import files

import pytest
from hypothesis import given, strategies as st

from unitedfront import (
    JurisdictionLevel,
    UnknownPlaceError,
    find_jurisdictions,
    get_jurisdiction,
)
from unitedfront._places import short_name

ROWS = list(
    csv.DictReader(io.StringIO(files("unitedfront").joinpath("data/places.csv").read_text("utf-8")))
)


@pytest.mark.parametrize(
    ("code", "name", "level", "parent"),
    [
        ("370000", "山东省", "province", None),  # a province has no parent
        ("371600", "滨州市", "prefecture", "370000"),  # a prefecture under its province
        ("371482", "禹城市", "county", "371400"),  # a county-level city under its prefecture
        ("320412", "武进区", "county", "320400"),  # a district
        ("110101", "东城区", "county", "110100"),  # a municipality's district under 市辖区
        ("429004", "仙桃市", "county", "420000"),  # directly under the province (xx90yy)
        ("150000", "内蒙古自治区", "province", None),  # an autonomous region
    ],
)
def test_get_jurisdiction(code: str, name: str, level: str, parent: str | None) -> None:
    """A code gives its place's full name, level and parent."""
    j = get_jurisdiction(code)
    assert (j.code, j.name.zh, j.name.en, j.level.value, j.parent) == (
        code,
        name,
        None,
        level,
        parent,
    )


@pytest.mark.parametrize(
    "code",
    [
        "371099",  # six digits under a real prefecture, but no such county
        "990000",  # no province 99
        "133100",  # a statistical zone (雄安新区), not a GB/T 2260 division
        "37160",  # too short
        "",  # empty
    ],
)
def test_unknown_code_is_refused(code: str) -> None:
    """A code the table does not hold raises UnknownPlaceError, a LookupError naming it."""
    with pytest.raises(UnknownPlaceError, match=repr(code)) as info:
        get_jurisdiction(code)
    assert isinstance(info.value, LookupError)


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("山东省", ["370000"]),  # full name
        ("山东", ["370000"]),  # without 省
        ("滨州", ["371600"]),  # without 市
        ("禹城市", ["371482"]),  # a county-level city by its full name
        ("沈丘", ["411624"]),  # without 县
        ("邗江", ["321003"]),  # without 区
        ("内蒙古", ["150000"]),  # without 自治区
        ("新疆", ["650000"]),  # without 维吾尔自治区
        ("广西", ["450000"]),  # without 壮族自治区
        ("延边", ["222400"]),  # without 朝鲜族自治州
        ("恩施", ["422800", "422801"]),  # a prefecture and its county-level seat, in level order
        ("寧波", ["330200"]),  # traditional script
        (" 宁波市 ", ["330200"]),  # surrounding spaces
        ("市辖区", []),  # a municipality's grouping row has no place name
        ("威海卫", []),  # not a place of the table
        ("", []),  # nothing
    ],
)
def test_find_by_name(name: str, codes: list[str]) -> None:
    """A name finds its places with or without the administrative suffix."""
    assert [j.code for j in find_jurisdictions(name)] == codes


def test_find_narrows_by_level_and_within() -> None:
    """A shared short name is narrowed by level and by the place that holds it."""
    everywhere = [j.code for j in find_jurisdictions("朝阳")]
    assert {"211300", "110105", "220104"} <= set(everywhere)
    assert [j.code for j in find_jurisdictions("朝阳", level="prefecture")] == ["211300"]
    assert [j.code for j in find_jurisdictions("朝阳区", within="110000")] == ["110105"]
    assert [j.code for j in find_jurisdictions("朝阳区", within="220100")] == ["220104"]
    assert find_jurisdictions("朝阳区", within="370000") == ()


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("山东省", "山东"),  # 省
        ("恩施土家族苗族自治州", "恩施"),  # two peoples and 自治州
        ("新疆维吾尔自治区", "新疆"),  # 维吾尔 has no 族
        ("城区", "城区"),  # one character would remain: kept whole
        ("香港特别行政区", "香港"),  # longest suffix first
        ("和田地区", "和田"),  # 地区
    ],
)
def test_short_name(name: str, short: str) -> None:
    """The short name drops the administrative suffix and the peoples of an autonomous area."""
    assert short_name(name) == short


def test_table_is_well_formed() -> None:
    """Every code is six digits, unique, shaped for its level, with a parent in the table."""
    codes = {row["code"] for row in ROWS}
    assert len(codes) == len(ROWS) > 3000
    for row in ROWS:
        code, level, parent = row["code"], JurisdictionLevel(row["level"]), row["parent"]
        assert len(code) == 6 and code.isdigit(), row
        if level is JurisdictionLevel.PROVINCE:
            assert code.endswith("0000") and parent == "", row
        else:
            assert parent in codes and code.startswith(parent.rstrip("0")[:2]), row
            if level is JurisdictionLevel.PREFECTURE:
                assert code.endswith("00") and not code.endswith("0000"), row
            else:
                assert not code.endswith("00"), row


def test_every_place_is_found_by_its_names() -> None:
    """Each place is found by its full name and by its short name: every row, not a sample,
    so a name that script conversion would change (乾安县) cannot hide."""
    missed = [
        (row["code"], name)
        for row in ROWS
        if row["name"] not in {"市辖区", "县"}
        for name in (row["name"], short_name(row["name"]))
        if row["code"] not in {j.code for j in find_jurisdictions(name)}
    ]
    assert missed == []


def test_a_name_that_conversion_would_change_is_found_as_written() -> None:
    """乾安县 keeps 乾 in the table; converting it to simplified script would give 干."""
    assert [j.code for j in find_jurisdictions("乾安县")] == ["220723"]
    assert [j.code for j in find_jurisdictions("乾县")] == ["610424"]


@given(st.text(max_size=12))
def test_find_never_raises_on_text(name: str) -> None:
    """Any text gives a tuple of places (often empty), never an error."""
    assert isinstance(find_jurisdictions(name), tuple)
