"""Where the tests find the source documents the bundled datasets are built from.

The sources are third-party articles and are not part of the repository. They are looked
for in ``UNITEDFRONT_SEEDS`` if set, else in ``shared/seeds`` beside the repository.
Tests that need them skip, saying so, when the folder is absent.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

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


@cache
def _read(name: str) -> str:
    return (seeds_dir() / name).read_text(encoding="utf-8")


def seed_text(dataset_id: str) -> str:
    """The raw source text of a dataset; skips the calling test when the sources are absent."""
    path = seeds_dir() / SEED_FILES[dataset_id]
    if not path.is_file():
        pytest.skip(f"source documents not found at {seeds_dir()} (set UNITEDFRONT_SEEDS)")
    return _read(SEED_FILES[dataset_id])


@cache
def normalized_seed(dataset_id: str) -> str:
    """The source text of a dataset after ``normalize_source``."""
    from unitedfront import normalize_source

    return normalize_source(seed_text(dataset_id))
