"""What programmes hold, counted: a row per programme, and which programmes use a metric.

:func:`summarise` counts a loaded programme (and its validation report, if given);
:func:`catalogue` gives the same counts for the bundled datasets straight from their files,
without building the model, so that listing them stays cheap. :func:`metric_programmes`
says which programmes have a figure of each metric.

>>> rows = catalogue()
>>> [(r.id, r.indicators) for r in rows if r.id in ("linyi-2024", "ningbo-acfic-2023")]
[('linyi-2024', 50), ('ningbo-acfic-2023', 29)]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from enum import Enum
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from unitedfront._model import Programme
    from unitedfront._validate import Report

__all__ = [
    "ProgrammeSummary",
    "SharedMetric",
    "available",
    "catalogue",
    "folder",
    "member_docs",
    "metric_programmes",
    "shared_metrics",
    "summarise",
    "theme_programmes",
]

#: The form of a bundled dataset's id (its file name without ``.json``).
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@attrs.frozen(slots=True)
class ProgrammeSummary:
    """One programme in a row: what it is and how much it holds.

    The validation counts are ``None`` when no report was given.
    """

    id: str
    kind: str
    framework: str
    period: str
    jurisdiction: str
    jurisdiction_zh: str
    jurisdiction_en: str | None
    actions: int
    measures: int
    indicators: int
    omitted: int
    errors: int | None = None
    warnings: int | None = None
    infos: int | None = None
    explained: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The row as plain data, in field order."""
        return attrs.asdict(self)


def summarise(programme: Programme, report: Report | None = None) -> ProgrammeSummary:
    """A programme's row: its place, kind, period and counts, with its findings if given."""
    place = programme.jurisdiction
    findings: dict[str, int] = {}
    if report is not None:
        findings = {
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            "infos": len(report.infos),
            "explained": len(report.explained),
        }
    return ProgrammeSummary(
        id=programme.id,
        kind=programme.kind.value,
        framework=programme.framework.value,
        period=str(programme.period),
        jurisdiction=place.code,
        jurisdiction_zh=place.name.zh,
        jurisdiction_en=place.name.en,
        actions=len(programme.actions),
        measures=sum(1 for _ in programme.iter_measures()),
        indicators=sum(1 for _ in programme.iter_indicators()),
        omitted=len(programme.omitted),
        **findings,
    )


def metric_programmes(programmes: Iterable[Programme]) -> dict[str, tuple[str, ...]]:
    """Each metric some programme has a figure of, with the ids of those programmes.

    Sorted by metric code; each metric's programme ids sorted too.
    """
    users: dict[str, set[str]] = {}
    for programme in programmes:
        for ref in programme.iter_indicators():
            if ref.indicator.metric is not None:
                users.setdefault(ref.indicator.metric, set()).add(programme.id)
    return {code: tuple(sorted(users[code])) for code in sorted(users)}


@attrs.frozen(slots=True)
class SharedMetric:
    """A metric several programmes have a figure of: the places and programmes behind it."""

    code: str
    places: tuple[str, ...]
    """The GB/T 2260 codes of the programmes' places, sorted."""
    programmes: tuple[str, ...]
    """The ids of the programmes, sorted."""


def shared_metrics(programmes: Iterable[Programme], *, at_least: int = 2) -> list[SharedMetric]:
    """The metrics that at least ``at_least`` programmes have a figure of, widest-shared first.

    Ordered by how many places share the metric, then how many programmes (two years of
    one place count as one place and two programmes), then by code.
    """
    found = tuple(programmes)
    place = {p.id: p.jurisdiction.code for p in found}
    shared = [
        SharedMetric(code, tuple(sorted({place[i] for i in ids})), ids)
        for code, ids in metric_programmes(found).items()
        if len(ids) >= at_least
    ]
    shared.sort(key=lambda m: (-len(m.places), -len(m.programmes), m.code))
    return shared


def theme_programmes(programmes: Iterable[Programme]) -> dict[str, tuple[str, ...]]:
    """Each theme some programme has an action under, with the ids of those programmes.

    Sorted by theme code; each theme's programme ids sorted too.
    """
    users: dict[str, set[str]] = {}
    for programme in programmes:
        for action in programme.actions:
            users.setdefault(action.theme.value, set()).add(programme.id)
    return {code: tuple(sorted(users[code])) for code in sorted(users)}


def member_docs(enum: type[Enum]) -> dict[str, str]:
    """The docstring written under each member of an enum of the model, by value.

    Python keeps no such docstring at run time; they are read from the enum's source
    (what the documentation shows). A member without one maps to ``""``.
    """
    import ast
    import inspect
    import textwrap

    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(enum)))
    except (OSError, TypeError):  # pragma: no cover - installed without sources
        return {member.value: "" for member in enum}
    docs: dict[str, str] = {}
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    for node, following in zip(body, [*body[1:], None], strict=True):
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        doc = ""
        if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
            doc = " ".join(str(following.value.value).split())
        docs[enum[node.targets[0].id].value] = doc
    return docs


# --------------------------------------------------------------------------- bundled files


def folder() -> Traversable:
    """The folder of the bundled datasets inside the package."""
    return files("unitedfront").joinpath("data", "programmes")


@cache
def available() -> tuple[str, ...]:
    """The ids of the bundled programmes, sorted."""
    return tuple(
        sorted(
            entry.name.removesuffix(".json")
            for entry in folder().iterdir()
            if entry.name.endswith(".json") and ID.match(entry.name.removesuffix(".json"))
        )
    )


def _count(items: Mapping[str, Any], key: str) -> int:
    return len(items.get(key) or ())


def _from_file(data: Mapping[str, Any]) -> ProgrammeSummary:
    # The bundled files are in the model's own form (a test checks that the rows agree
    # with summarise() of the loaded programmes), so the fields are read as they are.
    place = data["jurisdiction"]
    actions = data.get("actions") or ()
    measures = [m for a in actions for m in a.get("measures") or ()]
    indicators = _count(data, "indicators")
    indicators += sum(_count(a, "indicators") for a in actions)
    indicators += sum(_count(m, "indicators") for m in measures)
    return ProgrammeSummary(
        id=data["id"],
        kind=data["kind"],
        framework=data["framework"],
        period=data["period"],
        jurisdiction=place["code"],
        jurisdiction_zh=place["name"]["zh"],
        jurisdiction_en=place["name"].get("en"),
        actions=len(actions),
        measures=len(measures),
        indicators=indicators,
        omitted=_count(data, "omitted"),
    )


@cache
def catalogue() -> tuple[ProgrammeSummary, ...]:
    """A row per bundled dataset, in the order of :func:`available`, read without the model."""
    return tuple(
        _from_file(json.loads(folder().joinpath(f"{id}.json").read_bytes())) for id in available()
    )
