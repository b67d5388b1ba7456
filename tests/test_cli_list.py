"""``unitedfront list``: the bundled datasets, read from their files without the model."""

from __future__ import annotations

import csv
import io
import json

from tests._cli_helpers import EXIT_OK, run
from unitedfront import datasets
from unitedfront._catalogue import summarise


def test_list_shows_each_programme_with_its_counts() -> None:
    """One row per bundled programme: id, place, kind, framework, period, the counts."""
    result = run("list")
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "place", "kind", "framework", "period", "act", "mea", "ind"]
    assert lines[-1] == "act, mea, ind: actions, measures and indicators"
    for line, p in zip(lines[1:-1], datasets.load_all(), strict=True):
        counts = [len(p.actions), len(list(p.iter_measures())), len(list(p.iter_indicators()))]
        place = p.jurisdiction.name.en
        fields = line.split()
        assert fields[0] == p.id
        assert " ".join(fields[1:-6]) == place
        assert fields[-6:] == [p.kind, p.framework, str(p.period), *map(str, counts)]


def test_list_as_csv_and_json_hold_the_same_records() -> None:
    """CSV and JSON carry the same fields, the place's code and both its names."""
    records = json.loads(run("list", "--format", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(run("list", "-f", "csv").stdout)))
    assert [r["id"] for r in records] == list(datasets.available())
    assert rows == [{k: str(v) for k, v in r.items()} for r in records]
    assert next(r for r in records if r["id"] == "linyi-2024") == {
        "id": "linyi-2024",
        "jurisdiction": "371300",
        "jurisdiction_zh": "临沂市",
        "jurisdiction_en": "Linyi",
        "kind": "report",
        "framework": "five_actions",
        "period": "2024",
        "actions": 5,
        "measures": 15,
        "indicators": 50,
        "omitted": 23,
    }


def test_list_holds_the_rows_summarise_gives_for_the_loaded_programmes() -> None:
    """Read from the files or from the model, every field of every row is the same."""
    records = json.loads(run("list", "--format", "json").stdout)
    loaded = [summarise(p).to_dict() for p in datasets.load_all()]
    assert records == [{k: row[k] for k in records[0]} for row in loaded]
