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
