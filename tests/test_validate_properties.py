"""Properties of validate() over every programme the strategies can build."""

from __future__ import annotations

import json

from hypothesis import given, strategies as st

from tests._heavy import heavy
from tests.strategies import chinese, programmes
from unitedfront import Programme, Severity, validate
from unitedfront._model import Explanation
from unitedfront._validate import RULES, _sort_key

RULE_SEVERITY = {rule.code: rule.severity for rule in RULES}


@st.composite
def programmes_with_sources(draw: st.DrawFn) -> tuple[Programme, dict[str, str] | None]:
    """A programme and, sometimes, texts for some of its sources (and a stray one)."""
    programme = draw(programmes())
    if draw(st.booleans()):
        return programme, None
    ids = [s.id for s in programme.sources] + ["stray"]
    chosen = draw(st.lists(st.sampled_from(ids), unique=True))
    return programme, {id: draw(chinese(0, 60)) for id in chosen}


@heavy()
@given(programmes_with_sources())
def test_validate_never_raises_and_gives_the_same_report_twice(
    case: tuple[Programme, dict[str, str] | None],
) -> None:
    """Any valid programme, with or without source texts, gets a report, the same each time."""
    programme, sources = case
    first = validate(programme, sources=sources)
    assert validate(programme, sources=sources) == first
    assert first.to_json() == validate(programme, sources=sources).to_json()


@heavy()
@given(programmes_with_sources())
def test_the_report_is_consistent_with_the_catalogue(
    case: tuple[Programme, dict[str, str] | None],
) -> None:
    """Every finding comes from a rule with that rule's severity, in document order."""
    programme, sources = case
    report = validate(programme, sources=sources)
    assert all(RULE_SEVERITY[f.code] is f.severity for f in report)
    assert list(report) == sorted(report, key=_sort_key)
    assert report.ok == (not report.errors)
    assert len(report) == len(report.errors) + len(report.warnings) + len(report.infos)
    assert all(f.severity is not Severity.ERROR for f, _ in report.explained)
    assert json.loads(report.to_json()) == report.to_dict()


@heavy()
@given(programmes())
def test_a_programme_that_survives_a_json_round_trip_gets_the_same_report(
    programme: Programme,
) -> None:
    again = Programme.model_validate_json(programme.model_dump_json())
    assert validate(again) == validate(programme)


@heavy()
@given(programmes())
def test_explaining_every_warning_and_info_leaves_only_errors(programme: Programme) -> None:
    """Explanations for all warnings and infos move each of them to explained, and no more."""
    report = validate(programme.model_copy(update={"explanations": ()}))
    wanted = {
        (f.code, f.path): f
        for f in report
        if f.severity is not Severity.ERROR and not f.code.startswith("UF9")
    }
    explained = programme.model_copy(
        update={
            "explanations": tuple(
                Explanation(code=code, path=path, reason="expected")
                for code, path in sorted(wanted)
            )
        }
    )
    after = validate(explained)
    assert after.errors == report.errors
    assert after.warnings == () and after.infos == ()
    assert {(f.code, f.path) for f, _ in after.explained} == set(wanted)


@heavy()
@given(programmes(tidy=True))
def test_a_tidy_programme_has_no_error(programme: Programme) -> None:
    """Whole figures, shares within 0 to 100, quotes that hold their figures: no error."""
    assert validate(programme).errors == ()
