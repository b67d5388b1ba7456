"""Where the tests find the source documents the bundled datasets are built from.

The sources are third-party articles and are not part of the repository. The five first
datasets' texts are looked for in ``UNITEDFRONT_SEEDS`` if set, else in ``shared/seeds``
beside the repository; every other dataset's text is the file ``<source id>.txt`` in the
``sources`` folder beside the seeds. Tests that need them skip, saying so, when the text
is absent.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from unitedfront.datasets import load

#: Which source file each bundled dataset is built from.
SEED_FILES: dict[str, str] = {
    "weihai-2024": "000_ad738851df599c29.txt",
    "linyi-2024": "001_6663c96586ffd9e8.txt",
    "shandong-acfic-2019": "002_3ab87e8279b60b23.txt",
    "shenzhen-acfic-2021": "003_6827a562d0a2ccf3.txt",
    "ningbo-acfic-2023": "004_3c5bef6e5e2a4081.txt",
}


def seeds_dir() -> Path:
    override = os.environ.get("UNITEDFRONT_SEEDS")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def sources_dir() -> Path:
    """The folder of the further source texts: ``sources`` beside the seeds."""
    return seeds_dir().parent / "sources"


@cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def source_paths(dataset_id: str) -> dict[str, Path]:
    """Where each source of a bundled dataset is expected, by the source's id."""
    if dataset_id in SEED_FILES:
        return {
            source.id: seeds_dir() / SEED_FILES[dataset_id] for source in load(dataset_id).sources
        }
    return {source.id: sources_dir() / f"{source.id}.txt" for source in load(dataset_id).sources}


def source_texts(dataset_id: str) -> dict[str, str]:
    """The raw text of each source of a dataset, by source id; skips when one is absent."""
    paths = source_paths(dataset_id)
    absent = [f"{id} ({path})" for id, path in paths.items() if not path.is_file()]
    if absent:
        pytest.skip(
            f"{dataset_id}: source text not found: {', '.join(absent)} (set UNITEDFRONT_SEEDS)"
        )
    return {id: _read(path) for id, path in paths.items()}


def seed_text(dataset_id: str) -> str:
    """The raw source text of a one-source dataset; skips the test when it is absent."""
    [text] = source_texts(dataset_id).values()
    return text


@cache
def normalized_seed(dataset_id: str) -> str:
    """The source text of a dataset after ``normalize_source``."""
    from unitedfront import normalize_source

    return normalize_source(seed_text(dataset_id))
