"""``write``: Parquet, CSV with its data package, and JSON Lines, exact and repeatable."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import unitedfront as uf
from tests._examples import example_programmes, programme_with, quantity
from unitedfront import Programme
from unitedfront._analysis._columns import FRAME_COLUMNS
from unitedfront.errors import AnalysisError

NAMES = [c.name for c in FRAME_COLUMNS]


@pytest.fixture(scope="module")
def programmes() -> list[Programme]:
    return [
        *example_programmes(),
        programme_with(
            "shares",
            "yi",
            [
                {"metric": "rd_intensity", "quantity": "72.60%", "kind": "statistic"},
                {
                    "metric": "credit_granted",
                    "quantity": quantity("287.10", "287.10", "元"),
                    "note": "a note",
                },
                {"metric": "events_held", "quantity": "3场", "as_of": "2024-06-30"},
            ],
        ),
    ]


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_holds_the_frame_columns_and_figures_as_written(
    programmes: list[Programme], tmp_path: Path
) -> None:
    written = uf.write(programmes, tmp_path / "figures.csv")
    assert written == (tmp_path / "figures.csv", tmp_path / "datapackage.json")
    with (tmp_path / "figures.csv").open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header == NAMES
    rows = _csv_rows(tmp_path / "figures.csv")
    assert len(rows) == 12
    share, money, events = rows[-3:]
    assert (share["text"], share["value"], share["low"], share["unit"]) == (
        "72.60%",
        "72.60",
        "72.60",
        "%",
    )
    assert (money["value"], money["high"]) == ("287.10", "287.10")
    assert (events["as_of"], events["year"], events["cumulative"]) == (
        "2024-06-30",
        "2024",
        "false",
    )
    over = rows[8]
    assert (over["text"], over["low"], over["high"], over["low_inclusive"]) == (
        "超2000人次",
        "2000",
        "",
        "false",
    )
    assert rows[0]["action_zh"] == "共同富裕行动"


def test_csv_output_is_the_same_bytes_every_time(
    programmes: list[Programme], tmp_path: Path
) -> None:
    uf.write(programmes, tmp_path / "a.csv")
    first = (tmp_path / "a.csv").read_bytes()
    uf.write(programmes, tmp_path / "a.csv")
    assert (tmp_path / "a.csv").read_bytes() == first
    assert first.startswith(b"programme,jurisdiction,")
    assert b"\r\n" not in first and not first.startswith(b"\xef\xbb\xbf")


def test_the_data_package_describes_every_csv_field(
    programmes: list[Programme], tmp_path: Path
) -> None:
    uf.write(programmes, tmp_path / "figures.csv")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    (resource,) = package["resources"]
    assert (resource["name"], resource["path"], resource["format"], resource["encoding"]) == (
        "figures",
        "figures.csv",
        "csv",
        "utf-8",
    )
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert list(fields) == NAMES
    assert fields["value"] == {
        "name": "value",
        "type": "number",
        "description": "The number written, magnitude words applied.",
        "bareNumber": True,
    }
    assert fields["year"]["type"] == "integer"
    assert fields["as_of"]["type"] == "date"
    assert fields["ordinal"]["trueValues"] == ["true"]
    assert all(f["description"] for f in fields.values())
    assert resource["schema"]["missingValues"] == [""]


def test_every_csv_value_reads_as_its_declared_type(
    programmes: list[Programme], tmp_path: Path
) -> None:
    """What a Table Schema reader would check, field by field."""
    uf.write(programmes, tmp_path / "figures.csv")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    types = {f["name"]: f["type"] for f in package["resources"][0]["schema"]["fields"]}
    readers: dict[str, Callable[[str], object]] = {
        "number": Decimal,
        "integer": int,
        "date": date.fromisoformat,
        "boolean": {"true": True, "false": False}.__getitem__,
        "string": str,
    }
    for row in _csv_rows(tmp_path / "figures.csv"):
        for name, text in row.items():
            if text != "":
                readers[types[name]](text)


def test_writing_a_csv_keeps_the_other_resources_of_a_data_package(
    programmes: list[Programme], tmp_path: Path
) -> None:
    other = {"name": "other", "path": "other.csv", "profile": "tabular-data-resource"}
    (tmp_path / "datapackage.json").write_text(
        json.dumps({"name": "mine", "resources": [other]}), encoding="utf-8"
    )
    uf.write(programmes, tmp_path / "figures.csv")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["name"] == "mine"
    assert [r["name"] for r in package["resources"]] == ["figures", "other"]
    uf.write(programmes, tmp_path / "figures.csv")  # replaces its own resource, once
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == ["figures", "other"]


def test_a_file_that_is_not_a_data_package_is_left_alone(
    programmes: list[Programme], tmp_path: Path
) -> None:
    (tmp_path / "datapackage.json").write_text("notes, not JSON", encoding="utf-8")
    with pytest.raises(AnalysisError, match="exists and is not a JSON data package"):
        uf.write(programmes, tmp_path / "figures.csv")
    assert (tmp_path / "datapackage.json").read_text(encoding="utf-8") == "notes, not JSON"


def test_json_lines_hold_one_object_per_indicator_with_exact_figures(
    programmes: list[Programme], tmp_path: Path
) -> None:
    assert uf.write(programmes, tmp_path / "figures.jsonl") == (tmp_path / "figures.jsonl",)
    raw = (tmp_path / "figures.jsonl").read_bytes()
    lines = raw.decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 12 and list(records[0]) == NAMES
    money = records[-2]
    assert (money["value"], money["low"], money["year"]) == ("287.10", "287.10", None)
    assert records[-3]["value"] == "72.60"
    assert (records[8]["high"], records[8]["low_inclusive"], records[8]["scope"]) == (
        None,
        False,
        None,
    )
    assert "甲市" in lines[0]  # Chinese as is, not escaped
    uf.write(programmes, tmp_path / "figures.jsonl")
    assert (tmp_path / "figures.jsonl").read_bytes() == raw


def test_parquet_holds_the_arrow_frame_and_is_repeatable(
    programmes: list[Programme], tmp_path: Path
) -> None:
    uf.write(programmes, tmp_path / "figures.parquet")
    first = (tmp_path / "figures.parquet").read_bytes()
    table = pq.read_table(tmp_path / "figures.parquet")
    expected = uf.to_frame(programmes, backend="pyarrow")
    assert table.column_names == NAMES
    assert table.equals(expected)
    assert table.schema.field("value").metadata == {
        b"description": b"The number written, magnitude words applied."
    }
    uf.write(programmes, tmp_path / "figures.parquet")
    assert (tmp_path / "figures.parquet").read_bytes() == first


def test_an_unknown_suffix_is_refused(programmes: list[Programme], tmp_path: Path) -> None:
    with pytest.raises(AnalysisError) as caught:
        uf.write(programmes, tmp_path / "figures.xlsx")
    assert str(caught.value).endswith("use one of .parquet, .csv, .jsonl")
    assert not (tmp_path / "figures.xlsx").exists()
