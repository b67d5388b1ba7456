"""load_file() reports every problem of a file at once, each with its path and a plain message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from unitedfront import LoadError, LoadProblem, datasets, load_file

THEMES = (
    "'advice', 'innovation', 'private_economy', 'investment_talent', 'common_prosperity', "
    "'organisation' or 'general'"
)


def _data() -> dict[str, Any]:
    """Linyi's programme as the plain data of its file."""
    data: dict[str, Any] = json.loads(datasets.load("linyi-2024").model_dump_json())
    return data


def _load(data: dict[str, Any], tmp_path: Path) -> LoadError:
    path = tmp_path / "city.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    return caught.value


def test_a_mistyped_theme_gets_its_path_and_a_suggestion(tmp_path: Path) -> None:
    data = _data()
    data["actions"][0]["theme"] = "privat_economy"
    error = _load(data, tmp_path)
    assert error.path == "actions[0].theme"
    assert error.message == (
        f"unknown theme 'privat_economy'; did you mean 'private_economy'? expected {THEMES}"
    )
    assert str(error) == f"{tmp_path / 'city.json'}: actions[0].theme: {error.message}"


@pytest.mark.parametrize(
    ("field", "given", "meant"),
    [
        ("kind", "actuall", "actual"),  # a letter too many
        ("kind", "Target", "target"),  # capitalised
        ("kind", "targte", "target"),  # two letters swapped
    ],
)
def test_a_mistyped_indicator_kind_gets_a_suggestion(
    field: str, given: str, meant: str, tmp_path: Path
) -> None:
    data = _data()
    data["actions"][0]["measures"][0]["indicators"][0][field] = given
    error = _load(data, tmp_path)
    assert error.path == "actions[0].measures[0].indicators[0].kind"
    assert error.message.startswith(f"unknown kind {given!r}; did you mean {meant!r}? expected ")
    assert "Value error" not in str(error)


def test_a_value_like_no_choice_gets_the_choices_only(tmp_path: Path) -> None:
    data = _data()
    data["actions"][0]["theme"] = "xyz"
    assert _load(data, tmp_path).message == f"unknown theme 'xyz'; expected {THEMES}"


def test_every_problem_is_reported_at_once_in_file_order(tmp_path: Path) -> None:
    data = _data()
    data["kind"] = "plann"
    data["actions"][0]["theme"] = "privat_economy"
    data["actions"][1]["id"] = "Bad Id"
    data["actions"][0]["measures"][0]["indicators"][0]["quantity"] = "很多"
    data["colour"] = "red"
    error = _load(data, tmp_path)
    paths = [p.path for p in error.problems]
    assert paths == [
        "kind",
        "actions[0].theme",
        "actions[0].measures[0].indicators[0].quantity",
        "actions[1].id",
        "colour",
    ]
    assert (error.path, error.message) == ("kind", error.problems[0].message)
    lines = str(error).splitlines()
    assert lines[0] == f"{tmp_path / 'city.json'}: 5 problems:"
    assert lines[1:] == [f"  {problem}" for problem in error.problems]
    assert lines[5] == "  colour: unknown field"
    assert "more problem" not in str(error)


def test_a_placeholder_is_named_as_one_not_as_a_pattern(tmp_path: Path) -> None:
    """A draft's ``TODO: ...`` values, where an id or a code is expected."""
    data = _data()
    data["id"] = "TODO: a lowercase slug such as yantai-2024"
    data["jurisdiction"]["level"] = "TODO: province, prefecture or county"
    error = _load(data, tmp_path)
    assert [str(p) for p in error.problems] == [
        "id: still holds the placeholder 'TODO: a lowercase slug such as yantai-2024': "
        "write the value in its place",
        "jurisdiction.level: still holds the placeholder "
        "'TODO: province, prefecture or county': write the value in its place",
    ]
    assert "^[a-z0-9]" not in str(error)


def test_one_problem_reads_as_before(tmp_path: Path) -> None:
    """A file with one problem keeps the one-line form: file: path: message."""
    data = _data()
    del data["actions"][0]["theme"]
    error = _load(data, tmp_path)
    assert error.problems == (LoadProblem("required field missing", path="actions[0].theme"),)
    assert str(error) == f"{tmp_path / 'city.json'}: actions[0].theme: required field missing"


def test_a_syntax_error_is_one_problem_with_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"id": "x",\n "id": "y"}', encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert caught.value.problems == (
        LoadProblem("duplicate key 'id' (first at line 1, column 2)", line=2, column=2),
    )
    assert str(caught.value) == f"{path}:2:2: duplicate key 'id' (first at line 1, column 2)"


@pytest.mark.parametrize(
    ("where", "typo", "meant"),
    [
        ((), "jurisdictoin", "jurisdiction"),  # the programme's own field
        (("actions", 0), "theem", "theme"),  # an action's
        (("actions", 0, "measures", 0, "indicators", 0), "metirc", "metric"),  # a figure's
        (("sources", 0), "publisehd", "published"),  # a source's
    ],
)
def test_a_mistyped_field_name_gets_a_suggestion(
    where: tuple[str | int, ...], typo: str, meant: str, tmp_path: Path
) -> None:
    data = _data()
    target: Any = data
    for part in where:
        target = target[part]
    target[typo] = "x"
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in (*where, typo))
    problems = {p.path: p.message for p in _load(data, tmp_path).problems}
    assert problems[path.lstrip(".")] == f"unknown field; did you mean {meant!r}?"


def test_a_field_like_none_of_the_model_is_unknown_with_no_suggestion(tmp_path: Path) -> None:
    data = _data()
    data["actions"][0]["colour"] = "red"
    assert _load(data, tmp_path).message == "unknown field"
