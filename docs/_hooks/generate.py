"""MkDocs hook: generate the dataset pages and the metric table from the bundled data.

Each bundled programme gets ``datasets/<id>.md``; ``<!-- metrics-table -->`` in a page is
replaced by the metric vocabulary. Nothing generated is committed, so nothing can drift.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from unitedfront import datasets
from unitedfront._markdown import metrics_markdown, programme_markdown


def on_files(files: Files, config: Any) -> Files:
    for programme in datasets.load_all():
        uri = f"datasets/{programme.id}.md"
        files.append(File.generated(config, uri, content=programme_markdown(programme)))
    return files


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    return markdown.replace("<!-- metrics-table -->", metrics_markdown())
