"""save_file(): a programme written as people write it, and read back exactly by load_file."""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

import unitedfront as uf
from tests.strategies import programmes
from unitedfront import Programme, datasets, load_file, save_file

FORMATS = (".json", ".yaml", ".yml", ".toml")


def _read(path: Path) -> dict[str, Any]:
    """The plain data of a written file, read by the format's own reader."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        return tomllib.loads(text)
    data: dict[str, Any] = (
        yaml.safe_load(text) if path.suffix in (".yaml", ".yml") else json.loads(text)
    )
    return data


def _same(again: Programme, programme: Programme) -> None:
    """Equal, and exactly: every figure keeps its digits (1530.0 is not 1530)."""
    assert again == programme
    assert again.model_dump_json() == programme.model_dump_json()


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("id", datasets.available())
def test_every_bundled_dataset_round_trips_in_every_format(
    id: str, suffix: str, tmp_path: Path
) -> None:
    programme = datasets.load(id)
    written = save_file(programme, tmp_path / f"{id}{suffix}")
    assert written == tmp_path / f"{id}{suffix}"
    _same(load_file(written), programme)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(programme=programmes(), suffix=st.sampled_from(FORMATS))
def test_every_programme_round_trips_exactly(
    programme: Programme, suffix: str, tmp_path: Path
) -> None:
    """Whatever the programme and the format, load_file reads back the programme written."""
    _same(load_file(save_file(programme, tmp_path / f"drawn{suffix}")), programme)


@pytest.mark.parametrize("suffix", FORMATS)
def test_quantities_are_written_as_their_text(suffix: str, tmp_path: Path) -> None:
    """ "63处" in the file, as in the bundled data, not the interval's fields."""
    data = _read(save_file(datasets.load("linyi-2024"), tmp_path / f"linyi{suffix}"))
    indicator = data["actions"][0]["measures"][0]["indicators"][0]
    assert indicator["quantity"] == "63处"
    assert indicator["as_of"] in ("2024-07-19", datasets.load("linyi-2024").actions[0]
                                  .measures[0].indicators[0].as_of)  # fmt: skip


@pytest.mark.parametrize("id", datasets.available())
def test_defaults_are_left_out_and_plain_texts_are_strings(id: str, tmp_path: Path) -> None:
    """A field is written exactly when it differs from its default."""
    programme = datasets.load(id)
    data = _read(save_file(programme, tmp_path / f"{id}.json"))
    for name, field in Programme.model_fields.items():
        default = not field.is_required() and getattr(programme, name) == field.get_default()
        assert (name in data) is not default, name
    figures = [i for a in data.get("actions", []) for i in a.get("indicators", [])]
    assert figures or data.get("indicators") or data["actions"][0]["measures"]
    for figure in figures:
        assert "cumulative" not in figure or figure["cumulative"] is True
    assert data["period"] == str(programme.period)
    assert data["issuer"] == (programme.issuer.zh if programme.issuer.en is None else
                              {"zh": programme.issuer.zh, "en": programme.issuer.en})  # fmt: skip


def test_the_json_file_is_the_bundled_file_less_its_defaults(tmp_path: Path) -> None:
    """The bundled files are written by hand: the writer gives the same data."""
    from importlib.resources import files

    for id in datasets.available():
        bundled = json.loads(
            files("unitedfront").joinpath(f"data/programmes/{id}.json").read_text("utf-8")
        )
        written = _read(save_file(datasets.load(id), tmp_path / f"{id}.json"))
        assert set(written) <= set(bundled), id


def test_a_quantity_made_from_its_parts_is_written_in_full(tmp_path: Path) -> None:
    """A quantity whose text does not read back to it keeps every field, exactly."""
    programme = datasets.load("weihai-2024")
    first = programme.indicators[0] if programme.indicators else None
    action = programme.actions[0]
    indicator = first or next(i for m in action.measures for i in m.indicators)
    odd = uf.Quantity(
        text="约一千",
        value=Decimal("1000.0"),
        qualifier=uf.Qualifier.EXACT,
        low=Decimal("1000.0"),
        high=Decimal("1000.0"),
        low_inclusive=True,
        high_inclusive=True,
    )
    changed = programme.model_copy(
        update={"indicators": (indicator.model_copy(update={"quantity": odd}),)}
    )
    path = save_file(changed, tmp_path / "odd.yaml")
    written = _read(path)["indicators"][0]["quantity"]
    assert written == {
        "text": "约一千",
        "value": "1000.0",
        "qualifier": "exact",
        "low": "1000.0",
        "high": "1000.0",
        "low_inclusive": True,
        "high_inclusive": True,
    }
    _same(load_file(path), changed)


def test_the_yaml_file_reads_like_a_hand_written_one(tmp_path: Path) -> None:
    text = save_file(datasets.load("linyi-2024"), tmp_path / "linyi.yaml").read_text("utf-8")
    assert text.startswith("id: linyi-2024\n")
    assert "quantity: 63处\n" in text
    assert "&" not in text.split("\n", 1)[0] and "*id" not in text


def test_an_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(uf.LoadError, match=r"has the suffix '\.txt'"):
        save_file(datasets.load("linyi-2024"), tmp_path / "linyi.txt")
    assert not (tmp_path / "linyi.txt").exists()


def test_a_missing_writer_names_its_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "tomli_w", None)
    with pytest.raises(uf.MissingExtraError) as caught:
        save_file(datasets.load("linyi-2024"), tmp_path / "linyi.toml")
    assert "pip install 'unitedfront[toml]'" in str(caught.value)
    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(uf.MissingExtraError, match=r"unitedfront\[yaml\]"):
        save_file(datasets.load("linyi-2024"), tmp_path / "linyi.yaml")
