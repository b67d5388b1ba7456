"""The committed JSON Schema is the one the code gives."""

from __future__ import annotations

import json
from importlib.resources import files

from unitedfront import json_schema


def test_the_shipped_schema_matches_the_code() -> None:
    shipped = json.loads(files("unitedfront").joinpath("schema/programme.schema.json").read_text())
    assert shipped == json_schema(), (
        "src/unitedfront/schema/programme.schema.json has drifted from the model; regenerate it "
        "with: uv run python scripts/write_schema.py"
    )


def test_the_schema_describes_quantities_as_text_or_structure() -> None:
    quantity = json_schema()["$defs"]["Quantity"]
    assert {"type": "string", "description": 'The Chinese expression, e.g. "470余条".'} in (
        quantity["anyOf"]
    )


def test_figures_in_the_schema_are_never_floats() -> None:
    value = json_schema()["$defs"]["Quantity"]["anyOf"][1]["properties"]["value"]
    assert {"type": "integer"} in value["anyOf"]
    assert all(option.get("type") != "number" for option in value["anyOf"])
