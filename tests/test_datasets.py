"""Every bundled dataset: it loads, and every figure is traceable to its source and complete.

Every check runs over every bundled dataset, so that a new one is held to the same standard
as the first five with no test of its own. The checks against the source texts read them
through ``tests/_seeds.py`` (a dataset's source id names its text) and skip, saying so,
where the texts are absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest

from tests._seeds import SEED_FILES, source_texts
from unitedfront import (
    Evidence,
    Programme,
    datasets,
    find_quantities,
    get_metric,
    normalize_source,
    validate,
)

DATASET_IDS = list(datasets.available())


@cache
def _normalized(dataset_id: str) -> dict[str, str]:
    """Each source text of the dataset after ``normalize_source``, by source id."""
    return {id: normalize_source(text) for id, text in source_texts(dataset_id).items()}


def _occurrences(text: str, part: str) -> Iterator[int]:
    start = text.find(part)
    while start != -1:
        yield start
        start = text.find(part, start + 1)


def _figures(programme: Programme) -> Iterator[tuple[str, Evidence, str]]:
    """(figure text as normalized, evidence, where) for every indicator and omitted figure."""
    for ref in programme.iter_indicators():
        ind = ref.indicator
        yield normalize_source(ind.quantity.text), ind.evidence, ref.path
    for i, omitted in enumerate(programme.omitted):
        yield omitted.text, omitted.evidence, f"omitted[{i}]"


@pytest.fixture(scope="module", params=DATASET_IDS)
def dataset_id(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_available_lists_every_bundled_programme_in_order() -> None:
    from importlib.resources import files

    folder = files("unitedfront") / "data" / "programmes"
    bundled = sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )
    assert list(datasets.available()) == bundled
    assert set(SEED_FILES) <= set(bundled)


def test_every_bundled_programme_has_a_card_that_names_it(dataset_id: str) -> None:
    assert datasets.card(dataset_id).startswith(f"# {dataset_id}: ")


def test_loads_and_round_trips_through_json(dataset_id: str) -> None:
    programme = datasets.load(dataset_id)
    assert programme.id == dataset_id
    assert Programme.model_validate_json(programme.model_dump_json()) == programme
    assert datasets.load(dataset_id) is programme


def test_every_quote_occurs_in_the_normalized_source(dataset_id: str) -> None:
    """Each quote, of a figure, an omitted figure, a count, an action or a measure."""
    programme = datasets.load(dataset_id)
    sources = _normalized(dataset_id)
    quoted = [(where, evidence) for _, evidence, where in _figures(programme)]
    quoted += list(_other_evidence(programme))
    missing = [
        f"{where}: {evidence.quote!r} not in source {evidence.source!r}"
        for where, evidence in quoted
        if evidence.quote not in sources.get(evidence.source, "")
    ]
    assert missing == []


def _other_evidence(programme: Programme) -> Iterator[tuple[str, Evidence]]:
    for i, count in enumerate(programme.declared):
        if count.evidence is not None:
            yield f"declared[{i}]", count.evidence
    for a, action in enumerate(programme.actions):
        if action.evidence is not None:
            yield f"actions[{a}]", action.evidence
        for m, measure in enumerate(action.measures):
            if measure.evidence is not None:
                yield f"actions[{a}].measures[{m}]", measure.evidence


def test_every_quote_holds_its_figure(dataset_id: str) -> None:
    programme = datasets.load(dataset_id)
    wrong = [
        f"{where}: {figure!r} not in {evidence.quote!r}"
        for figure, evidence, where in _figures(programme)
        if figure not in evidence.quote
    ]
    assert wrong == []


def test_quotes_are_short_phrases(dataset_id: str) -> None:
    programme = datasets.load(dataset_id)
    long = [
        f"{where}: {len(evidence.quote)} characters"
        for _, evidence, where in _figures(programme)
        if len(evidence.quote) > 40
    ]
    assert long == []


def test_every_figure_the_source_holds_is_accounted_for(dataset_id: str) -> None:
    """Each quantity span found in the source lies under a recorded or omitted figure."""
    programme = datasets.load(dataset_id)
    unaccounted = []
    for id, source in _normalized(dataset_id).items():
        covered = [
            (q0 + f0, q0 + f0 + len(figure))
            for figure, evidence, _ in _figures(programme)
            if evidence.source == id
            for q0 in _occurrences(source, evidence.quote)
            for f0 in _occurrences(evidence.quote, figure)
        ]
        unaccounted += [
            f"{id} {match.start}: {match.text!r} in "
            f"…{source[max(0, match.start - 12) : match.end + 12]}…"
            for match in find_quantities(source)
            if not any(start < match.end and match.start < end for start, end in covered)
        ]
    assert unaccounted == []


def test_metrics_come_from_the_vocabulary(dataset_id: str) -> None:
    programme = datasets.load(dataset_id)
    for ref in programme.iter_indicators():
        if ref.indicator.metric is not None:
            get_metric(ref.indicator.metric)


def test_every_name_has_an_english_translation(dataset_id: str) -> None:
    programme = datasets.load(dataset_id)
    names = [("title", programme.title), ("jurisdiction", programme.jurisdiction.name)]
    names += [(f"principles[{i}]", p) for i, p in enumerate(programme.principles)]
    for a, action in enumerate(programme.actions):
        names.append((f"actions[{a}]", action.name))
        names += [(f"actions[{a}].lead", body) for body in action.lead]
        for m, measure in enumerate(action.measures):
            path = f"actions[{a}].measures[{m}]"
            names.append((path, measure.name))
            names += [(f"{path}.lead", body) for body in (*measure.lead, *measure.partners)]
            names += [(f"{path}.initiatives", name) for name in measure.initiatives]
    names += [(ref.path, ref.indicator.name) for ref in programme.iter_indicators()]
    assert [path for path, text in names if not text.en] == []


def test_validates_against_its_source_with_no_errors_or_unexplained_warnings(
    dataset_id: str,
) -> None:
    programme = datasets.load(dataset_id)
    report = validate(programme, sources=source_texts(dataset_id))
    assert [str(f) for f in (*report.errors, *report.warnings)] == []
    quoted = sum(1 for _ in _figures(programme)) + sum(1 for _ in _other_evidence(programme))
    assert report.quotes_checked == quoted


def test_load_all_as_a_frame_in_one_line() -> None:
    """As scikit-learn's loaders: ``as_frame=True`` gives every figure, one row each."""
    import pandas as pd
    import polars as pl

    from unitedfront import to_frame

    frame = datasets.load_all(as_frame=True)
    assert isinstance(frame, pd.DataFrame)
    assert frame.equals(to_frame(datasets.load_all()))
    assert list(frame["programme"].unique()) == list(datasets.available())
    polars = datasets.load_all(as_frame=True, backend="polars")
    assert isinstance(polars, pl.DataFrame) and polars.height == len(frame)
    assert datasets.load_all() == tuple(datasets.load(id) for id in datasets.available())
