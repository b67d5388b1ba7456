"""``unitedfront metrics`` and ``unitedfront themes``: the vocabulary, and who uses it."""

from __future__ import annotations

import csv
import io
import json

import rich.cells

from tests._cli_helpers import EXAMPLE_CITY, EXIT_OK, run
from unitedfront import Theme, datasets, metrics
from unitedfront._catalogue import member_docs, metric_programmes, theme_programmes


def test_metrics_lists_every_metric_with_the_programmes_using_it() -> None:
    records = json.loads(run("metrics", "-f", "json").stdout)
    assert [r["code"] for r in records] == [m.code for m in metrics()]
    visited = next(r for r in records if r["code"] == "enterprises_visited")
    assert visited == {
        "code": "enterprises_visited",
        "name_zh": "走访企业数",
        "name_en": "Enterprises visited",
        "unit_kind": "count",
        "summable": True,
        "temporal": "flow",
        "definition": visited["definition"],
        "programmes": ["linyi-2024", "ningbo-acfic-2023"],
    }
    assert visited["definition"].startswith("Distinct enterprises visited in person")
    users = metric_programmes(datasets.load_all())
    assert all(r["programmes"] == list(users.get(r["code"], ())) for r in records)


def test_metrics_counts_a_file_given_with_with() -> None:
    records = json.loads(run("metrics", "-f", "json", "--with", str(EXAMPLE_CITY)).stdout)
    visited = next(r for r in records if r["code"] == "enterprises_visited")
    assert visited["programmes"] == ["example-city-2024", "linyi-2024", "ningbo-acfic-2023"]


def test_the_metrics_table_fits_80_columns_and_csv_joins_programmes() -> None:
    result = run("metrics")
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "unit", "over", "time"]
    assert lines[1].split() == ["advisory_platforms", "count", "running_total"]
    assert max(rich.cells.cell_len(line) for line in lines) <= 80
    rows = list(csv.DictReader(io.StringIO(run("metrics", "-f", "csv").stdout)))
    paired = next(r for r in rows if r["code"] == "villages_paired")
    assert paired["programmes"] == " ".join(
        metric_programmes(datasets.load_all())["villages_paired"]
    )
    assert {"linyi-2024", "ningbo-acfic-2023"} <= set(paired["programmes"].split())
    assert paired["summable"] == "true"


def test_themes_lists_every_theme_with_what_it_covers_and_who_uses_it() -> None:
    records = json.loads(run("themes", "-f", "json").stdout)
    assert [r["code"] for r in records] == [t.value for t in Theme]
    advice = records[0]
    assert advice["description"] == "建言献策: advice and proposals to the party and government."
    assert advice["programmes"] == list(theme_programmes(datasets.load_all())["advice"])
    assert {"linyi-2024", "ningbo-acfic-2023", "weihai-2024"} <= set(advice["programmes"])
    lines = run("themes").stdout.splitlines()
    assert max(rich.cells.cell_len(line) for line in lines) <= 80
    assert lines[1].startswith("advice             建言献策: advice and proposals")


def test_theme_programmes_names_the_programmes_with_an_action_under_each_theme() -> None:
    users = theme_programmes(datasets.load_all())
    for code, ids in users.items():
        for p in datasets.load_all():
            assert (p.id in ids) == any(a.theme.value == code for a in p.actions)


def test_every_member_of_a_model_enum_has_its_docstring() -> None:
    docs = member_docs(Theme)
    assert list(docs) == [t.value for t in Theme]
    assert all(docs.values())
    assert docs["general"] == "Anything that is none of the above."
