"""The documentation's generated pages: one per bundled dataset, and the metric table."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from unitedfront import datasets

ROOT = Path(__file__).resolve().parent.parent


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "docs/_hooks/generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _header_rows(markdown: str) -> list[list[str]]:
    """The header cells of every Markdown table: the row above each ``| --- |`` line."""
    lines = markdown.splitlines()
    return [
        [cell.strip() for cell in lines[i - 1].strip().strip("|").split("|")]
        for i, line in enumerate(lines)
        if re.fullmatch(r"\|( --- \|)+", line)
    ]


@pytest.mark.parametrize("id", datasets.available())
def test_a_dataset_page_has_a_title_its_facts_and_no_empty_header_row(id: str) -> None:
    page = _hook().programme_markdown(datasets.load(id))
    lines = page.splitlines()
    assert lines[0].startswith("# ") and lines[0].endswith(f": {id}")
    assert f"- **Period**: {datasets.load(id).period}" in lines
    headers = _header_rows(page)
    assert headers
    assert all(all(headers) for headers in headers), headers


def test_the_metric_table_has_a_row_per_metric_under_a_full_header() -> None:
    from unitedfront import metrics

    table = _hook().metrics_markdown()
    assert _header_rows(table) == [
        [
            "Code",
            "Name",
            "Unit kind",
            "Summable across places",
            "Across time",
            "Definition",
            "Covers (中文)",
            "Not (中文)",
        ]
    ]
    assert len(table.strip().splitlines()) == 2 + len(metrics())


def test_the_navigation_lists_every_bundled_dataset_between_index_and_statement() -> None:
    nav = [
        {"Home": "index.md"},
        {
            "Datasets": [
                "datasets/index.md",
                {"Old": "datasets/gone.md"},
                {"S": "data-statement.md"},
            ]
        },
    ]
    [home, section] = _hook().with_dataset_pages(nav)
    assert home == {"Home": "index.md"}
    pages = section["Datasets"]
    assert pages[0] == "datasets/index.md" and pages[-1] == {"S": "data-statement.md"}
    assert [str(*p.values()) for p in pages[1:-1]] == [
        f"datasets/{id}.md" for id in datasets.available()
    ]


def test_the_dataset_and_source_tables_have_a_row_each() -> None:
    hook = _hook()
    programmes = datasets.load_all()
    listed = hook.datasets_markdown()
    sources = hook.sources_markdown()
    assert len(listed.strip().splitlines()) == 2 + len(programmes)
    assert len(sources.strip().splitlines()) == 2 + sum(len(p.sources) for p in programmes)
    assert all(f"[`{p.id}`]({p.id}.md)" in listed for p in programmes)


@pytest.mark.parametrize("page", ["datasets/index.md", "data-statement.md"])
def test_the_pages_that_list_datasets_generate_their_tables(page: str) -> None:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    rendered = _hook().on_page_markdown(text)
    assert "<!--" not in rendered
    assert all(f"`{id}`" in rendered for id in datasets.available())


def test_a_dataset_page_carries_its_card_without_the_card_title() -> None:
    card = _hook().card_markdown("linyi-2024")
    assert card.startswith("## Card\n\n- **Source**")
