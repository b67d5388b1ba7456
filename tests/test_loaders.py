"""Loading the bundled datasets by id."""

from __future__ import annotations

import json
import threading
from importlib.resources import files

import pytest

from unitedfront import Programme, UnknownDatasetError, datasets


def test_load_matches_ids_case_insensitively() -> None:
    assert datasets.load("Linyi-2024") is datasets.load("linyi-2024")


@pytest.mark.parametrize(
    "bad", ["../linyi-2024", "linyi-2024.json", "/etc/passwd", "linyi/2024", "", "nanjing"]
)
def test_an_id_is_a_name_never_a_path(bad: str) -> None:
    with pytest.raises(UnknownDatasetError, match=r"Available: .*linyi-2024, "):
        datasets.load(bad)


def test_the_message_of_an_unknown_id_is_plain_text() -> None:
    """Printed as it is written, not quoted as a KeyError's message would be."""
    with pytest.raises(UnknownDatasetError) as info:
        datasets.load("nanjing")
    assert str(info.value).startswith("no bundled dataset 'nanjing'.")


def test_the_error_suggests_the_closest_id() -> None:
    with pytest.raises(UnknownDatasetError, match="Did you mean 'weihai-2024'"):
        datasets.load("weihai-2023")


def test_unknown_dataset_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        datasets.load("nowhere")


def test_load_all_returns_every_programme_in_id_order() -> None:
    assert tuple(p.id for p in datasets.load_all()) == datasets.available()


def test_concurrent_loads_return_one_equal_unmutated_object() -> None:
    ids = datasets.available()
    results: list[Programme] = []
    lock = threading.Lock()

    def work(i: int) -> None:
        p = datasets.load(ids[i % len(ids)])
        with lock:
            results.append(p)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 16
    for p in results:
        assert p is datasets.load(p.id)
        raw = files("unitedfront").joinpath(f"data/programmes/{p.id}.json").read_bytes()
        assert p == Programme.model_validate_json(raw)


@pytest.mark.parametrize("dataset_id", datasets.available())
def test_every_dataset_has_a_card_naming_its_source(dataset_id: str) -> None:
    card = datasets.card(dataset_id)
    programme = datasets.load(dataset_id)
    assert card.startswith(f"# {dataset_id}: ")
    for source in programme.sources:
        assert f"`{source.id}`" in card


def test_dataset_files_are_pretty_utf8_json_without_escapes() -> None:
    for dataset_id in datasets.available():
        raw = files("unitedfront").joinpath(f"data/programmes/{dataset_id}.json").read_text("utf-8")
        assert "\\u" not in raw
        assert json.loads(raw)["id"] == dataset_id
