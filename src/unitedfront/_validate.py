"""Checks across a whole programme: a catalogue of rules, and a report of what they find.

A programme that loads is well formed: every field has the right type, ids are unique and
every evidence names one of its sources. :func:`validate` goes further and checks what
only the whole programme can show: counts the text declares against what it lists, quotes
that do not hold their figures, figures that do not fit their metric, the same measure
recorded twice with different values, jurisdiction codes that do not fit together.

Findings are data, not exceptions. Each comes from a rule of the catalogue :data:`RULES`,
with the rule's stable code (``UF101``; a code is never reused for another rule), its
severity, the path to the place in the programme, and a message a person can act on.

>>> from unitedfront import Programme
>>> programme = Programme.model_validate({
...     "id": "demo-2024", "title": "示例方案", "kind": "plan", "framework": "other",
...     "jurisdiction": {"code": "371000", "name": "威海市", "level": "prefecture"},
...     "issuer": "市委统战部", "period": "2024", "sources": [{"id": "doc", "title": "原文"}],
...     "declared": [{"part": "actions", "count": 2}],
... })
>>> for finding in validate(programme):
...     print(finding)
UF601 info title: the programme title has no English text
UF504 warning jurisdiction.parent: the prefecture 371000 has no parent code (hint: set parent to 370000)
UF101 warning declared[0]: the programme declares 2 actions but lists 0 (hint: list what the source lists, or explain the difference in explanations if the source's own count is off)
"""  # noqa: E501

from __future__ import annotations

import difflib
import json
import re
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

import attrs

from unitedfront._metrics import UnitKind, metrics, unit_kind
from unitedfront._model import (
    CountedPart,
    Evidence,
    Framework,
    Indicator,
    IndicatorKind,
    IndicatorRef,
    Jurisdiction,
    JurisdictionLevel,
    Measure,
    MeasureCategory,
    Programme,
    Temporal,
    Theme,
)
from unitedfront._places import TABLE_DATE, is_known_code
from unitedfront._quantity import Qualifier
from unitedfront._records import ModelClass, is_model_class
from unitedfront.errors import MissingExtraError

if TYPE_CHECKING:
    from unitedfront._quantity import Quantity

__all__ = ["RULES", "Finding", "Report", "Rule", "Severity", "validate"]


class Severity(StrEnum):
    """How serious a finding is.

    An ``error`` is data that is wrong (a report with one is not :attr:`Report.ok`, and no
    explanation can remove it); a ``warning`` is data that is doubtful and should be fixed
    or explained in the programme's ``explanations``; an ``info`` is a gap worth filling.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(slots=True)
class Rule:
    """One entry of the rule catalogue: a stable code, a severity, a title and what it checks."""

    code: str
    """``UF`` and three digits; a code once published is never given to another rule."""
    severity: Severity
    title: str
    """A few words: ``declared count differs``."""
    description: str
    """One line: what the rule checks."""


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Every rule :func:`validate` applies, in code order. Codes are grouped by hundreds:
#: 1xx the programme's own structure, 2xx evidence, 3xx single figures, 4xx figures
#: against each other and against time, 5xx jurisdictions, 6xx language, 7xx drafts,
#: 9xx explanations.
RULES: tuple[Rule, ...] = (
    Rule(
        "UF101",
        _W,
        "declared count differs",
        "A count the programme declares of its own parts (actions, aspects, measures, "
        "brands, principles) differs from the number it lists.",
    ),
    Rule(
        "UF102",
        _E,
        "part declared twice",
        "The same part is declared more than once with different counts.",
    ),
    Rule(
        "UF103",
        _W,
        "empty action",
        "An action has neither measures nor indicators.",
    ),
    Rule(
        "UF104",
        _W,
        "five actions incomplete",
        "A five_actions programme has no action for one or more of the five themes "
        "(advice, innovation, private_economy, investment_talent, common_prosperity).",
    ),
    Rule(
        "UF201",
        _E,
        "quote lacks its figure",
        "An indicator's evidence quote does not hold the indicator's quantity text "
        "(both compared after normalize_source).",
    ),
    Rule(
        "UF202",
        _E,
        "quote not in source",
        "An evidence quote does not occur in its source text after normalize_source "
        "(checked only when source texts are given).",
    ),
    Rule(
        "UF203",
        _E,
        "quote lacks omitted figure",
        "An omitted figure's evidence quote does not hold the figure's text.",
    ),
    Rule(
        "UF204",
        _I,
        "source text not given",
        "Source texts were given for checking, but not for this source; its quotes were "
        "not checked.",
    ),
    Rule(
        "UF205",
        _W,
        "unknown source text",
        "A source text was given under an id that is none of the programme's sources.",
    ),
    Rule(
        "UF206",
        _I,
        "long quote",
        "An evidence quote is longer than 40 characters; a quote should be the shortest "
        "phrase that holds its figure.",
    ),
    Rule(
        "UF207",
        _I,
        "quote not checked",
        "Some quotes could not be checked because converting traditional script needs "
        "the opencc extra.",
    ),
    Rule(
        "UF301",
        _E,
        "unknown metric",
        "An indicator's metric code is not in the metric vocabulary.",
    ),
    Rule(
        "UF302",
        _E,
        "unit does not fit metric",
        "The kind of an indicator's unit (count, person-times, money, share, rank …) is "
        "not the kind its metric takes.",
    ),
    Rule(
        "UF303",
        _E,
        "share out of range",
        "A share (unit %) is below 0 or above 100.",
    ),
    Rule(
        "UF304",
        _E,
        "bad rank",
        "A rank is below 1 or not a whole number.",
    ),
    Rule(
        "UF305",
        _E,
        "bad structure count",
        "A structure indicator (a count of the programme's own parts) is negative or not "
        "a whole number.",
    ),
    Rule(
        "UF306",
        _W,
        "rank kind and ordinal disagree",
        "An indicator of kind rank has a quantity that is not an ordinal (第N), or an "
        "ordinal quantity has another kind.",
    ),
    Rule(
        "UF307",
        _E,
        "negative count",
        "A figure whose metric counts things or person-times is below zero.",
    ),
    Rule(
        "UF308",
        _W,
        "quote's time disagrees",
        "An indicator's quote says 累计, 截至, 连续N年 or 今年以来, but its recorded time does "
        "not say so (a running total, a date, a span of N years, a start on 1 January).",
    ),
    Rule(
        "UF309",
        _W,
        "temporal nature does not fit metric",
        "An indicator's temporal nature (flow, running_total, snapshot) is not one its "
        "metric's figures take (Metric.fits).",
    ),
    Rule(
        "UF310",
        _W,
        "quote holds a term the metric excludes",
        "An indicator's quote holds one of its metric's excluded terms (签约 vs 合作意向, "
        "直属商会 vs 团体会员 …): the figure is probably another metric's.",
    ),
    Rule(
        "UF401",
        _E,
        "conflicting figures",
        "The same metric, kind, scope and period is recorded twice with different values.",
    ),
    Rule(
        "UF402",
        _I,
        "repeated figure",
        "The same metric, kind, scope and period is recorded twice with the same value.",
    ),
    Rule(
        "UF403",
        _W,
        "figure outside programme period",
        "An indicator's period or as-of date lies outside the programme's period.",
    ),
    Rule(
        "UF404",
        _W,
        "due date outside programme period",
        "A measure's due date lies outside the programme's period.",
    ),
    Rule(
        "UF501",
        _E,
        "not a GB/T 2260 code",
        "A jurisdiction code is not six digits starting with a province's two digits, or is "
        "not a province, prefecture or county of the bundled GB/T 2260 table.",
    ),
    Rule(
        "UF502",
        _E,
        "code does not fit level",
        "A jurisdiction code's shape does not fit its level: a province ends in 0000, a "
        "prefecture in 00 (but not 0000), a county not in 00.",
    ),
    Rule(
        "UF503",
        _E,
        "parent does not fit",
        "A jurisdiction's parent code does not fit: a province has none, a prefecture's "
        "is its province, a county's is its prefecture.",
    ),
    Rule(
        "UF504",
        _W,
        "parent missing",
        "A prefecture or county has no parent code.",
    ),
    Rule(
        "UF601",
        _I,
        "English name missing",
        "A programme title, or an action, measure or indicator name, has no English text.",
    ),
    Rule(
        "UF701",
        _E,
        "field left open",
        "A drafted programme leaves open a field that its source text does not give (the "
        "place, the issuer, the period …); fill it from the source or another document.",
    ),
    Rule(
        "UF901",
        _W,
        "explanation matches nothing",
        "An explanation names a code and path at which no finding was made.",
    ),
    Rule(
        "UF902",
        _W,
        "error cannot be explained",
        "An explanation names an error; errors cannot be explained away and stay in the report.",
    ),
    Rule(
        "UF903",
        _W,
        "finding explained twice",
        "Two explanations name the same code and path; the first one is used.",
    ),
)

_RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}

#: Longest evidence quote, in characters, before UF206 notes it.
MAX_QUOTE_CHARS = 40


@attrs.frozen(slots=True)
class Finding:
    """One thing :func:`validate` found: which rule, how serious, where, and what to do.

    >>> f = Finding("UF101", Severity.WARNING, "declared[0]", None,
    ...             "the programme declares 5 actions but lists 4", "add the missing action")
    >>> print(f)
    UF101 warning declared[0]: the programme declares 5 actions but lists 4 (hint: add the missing action)
    """  # noqa: E501

    code: str
    """The rule's code (``UF101``)."""
    severity: Severity
    path: str
    """Where in the programme: ``actions[2].measures[0].indicators[1].evidence``."""
    id: str | None
    """The id of the action, measure, indicator or source the path lies in, if any."""
    message: str
    """What is wrong, with the values involved."""
    hint: str | None = None
    """What to do about it, where that is not obvious from the message."""

    @property
    def rule(self) -> Rule:
        """The catalogue entry of this finding's rule."""
        return _RULES_BY_CODE[self.code]

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain JSON data (see :meth:`Report.to_dict`)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "id": self.id,
            "message": self.message,
            "hint": self.hint,
        }

    def __str__(self) -> str:
        where = f"{self.path} [{self.id}]" if self.id else self.path
        text = f"{self.code} {self.severity.value} {where}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


#: Version of the shape :meth:`Report.to_dict` returns; raised only if the shape changes.
REPORT_FORMAT = 1


@attrs.frozen(slots=True)
class Report:
    """The findings of :func:`validate` on one programme, sorted in document order.

    ``findings`` holds what remains after explanations; ``explained`` the findings that
    the programme's own ``explanations`` account for, each with its reason. Iterating a
    report, and ``len(report)``, cover ``findings`` only.

    >>> report = Report((Finding("UF601", Severity.INFO, "title", None,
    ...                          "the programme title has no English text"),))
    >>> report.ok, len(report), [f.code for f in report.infos]
    (True, 1, ['UF601'])
    >>> print(report)
    UF601 info title: the programme title has no English text
    """

    findings: tuple[Finding, ...]
    explained: tuple[tuple[Finding, str], ...] = ()
    """Findings the programme explains, each with the explanation's reason."""
    programme: str | None = None
    """The id of the programme validated."""
    quotes: int = 0
    """How many evidence quotes the programme has."""
    quotes_checked: int = 0
    """How many of them were looked for in their source's text (none without ``sources``)."""

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and infos may remain)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning that no explanation accounts for."""
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The findings of severity info that no explanation accounts for."""
        return self._of(Severity.INFO)

    @property
    def codes(self) -> tuple[str, ...]:
        """The distinct codes of the findings, sorted."""
        return tuple(sorted({f.code for f in self.findings}))

    def _of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __str__(self) -> str:
        if not self.findings:
            return "no findings"
        return "\n".join(str(f) for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON data, in a stable shape.

        ``{"format": 1, "programme": id, "ok": bool, "counts": {"error": n, "warning": n,
        "info": n, "explained": n}, "findings": [finding, ...], "explained": [finding with
        "reason", ...]}``, where a finding is ``{"code", "severity", "path", "id",
        "message", "hint"}`` (``id`` and ``hint`` may be null).
        """
        return {
            "format": REPORT_FORMAT,
            "programme": self.programme,
            "ok": self.ok,
            "counts": {
                "error": len(self.errors),
                "warning": len(self.warnings),
                "info": len(self.infos),
                "explained": len(self.explained),
            },
            "findings": [f.to_dict() for f in self.findings],
            "explained": [{**f.to_dict(), "reason": reason} for f, reason in self.explained],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (:meth:`to_dict`), Chinese kept as written."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def _repr_html_(self) -> str:
        """An HTML table of the findings, shown by Jupyter."""
        from unitedfront._display import report_html

        return report_html(self)

    def __rich__(self) -> Any:
        """A tree of the findings by severity, shown by ``rich.print``."""
        from unitedfront._display import report_tree

        return report_tree(self)


# --------------------------------------------------------------------------- ordering

_PATH_TOKEN = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")


def _nested_model(annotation: Any) -> ModelClass | None:
    """The pydantic model inside ``X``, ``X | None`` or ``tuple[X, ...]``, if any."""
    stack = [annotation]
    while stack:
        item = stack.pop()
        if is_model_class(item):
            return item
        stack.extend(typing.get_args(item))
    return None


_RANKS: dict[tuple[object, str], tuple[int, ModelClass | None]] = {}


def _field_rank(model: ModelClass | None, name: str) -> tuple[int, ModelClass | None]:
    found = _RANKS.get((model, name))
    if found is not None:
        return found
    if model is None:
        found = 10_000, None
    elif name not in model.model_fields:
        found = len(model.model_fields), None
    else:
        rank = list(model.model_fields).index(name)
        found = rank, _nested_model(model.model_fields[name].annotation)
    _RANKS[model, name] = found
    return found


def _path_key(path: str) -> tuple[tuple[int, int], ...]:
    """Sort key putting paths in the order their places have in a programme file."""
    model: ModelClass | None = Programme
    key: list[tuple[int, int]] = []
    for name, index in _PATH_TOKEN.findall(path):
        if name:
            rank, model = _field_rank(model, name)
            key.append((0, rank))
        else:
            key.append((1, int(index)))
    return tuple(key)


def _sort_key(finding: Finding) -> tuple[Any, ...]:
    return (_path_key(finding.path), finding.code, finding.id or "", finding.message)


# --------------------------------------------------------------------------- shared pieces


def _finding(
    code: str, path: str, message: str, *, id: str | None = None, hint: str | None = None
) -> Finding:
    return Finding(code, _RULES_BY_CODE[code].severity, path, id, message, hint)


class _Normalizer:
    """``normalize_source`` with a cache; ``None`` when the opencc extra is missing."""

    def __init__(self) -> None:
        self._cache: dict[str, str | None] = {}
        self.unchecked = 0
        self.checked = 0

    def __call__(self, text: str) -> str | None:
        if text not in self._cache:
            from unitedfront._normalize import normalize_source

            try:
                self._cache[text] = normalize_source(text)
            except MissingExtraError:
                self._cache[text] = None
        return self._cache[text]

    def holds(self, quote: str, text: str) -> bool | None:
        """Whether the quote holds the text as written or normalized; None if unknown."""
        if text in quote:
            return True
        normalized = self(text)
        if normalized is None:
            self.unchecked += 1
            return None
        return normalized in quote


def _is_whole(number: Decimal) -> bool:
    return number.is_finite() and number == number.to_integral_value()


def _stated(quantity: Quantity) -> list[Decimal]:
    """The numbers a quantity states: its value, and for a range its upper end."""
    numbers = [quantity.value]
    if quantity.qualifier is Qualifier.RANGE and quantity.high is not None:
        numbers.append(quantity.high)
    return numbers


def _first_not_counted_from(quantity: Quantity, least: int) -> tuple[Decimal, str] | None:
    """The first number a quantity states that is below ``least`` or not whole, and which."""
    for n in _stated(quantity):
        if n < least:
            return n, "below zero" if least == 0 else f"below {least}"
        if not _is_whole(n):
            return n, "not a whole number"
    return None


def _fmt(number: Decimal) -> str:
    return (
        format(number, "f") if number.is_finite() and abs(number.adjusted()) < 30 else str(number)
    )


_Check = Callable[[Programme], Iterator[Finding]]


# --------------------------------------------------------------------------- 1xx structure

_PART_NAMES = {
    CountedPart.ACTIONS: "actions",
    CountedPart.ASPECTS: "aspects (distinct action and measure category pairs)",
    CountedPart.MEASURES: "measures",
    CountedPart.BRANDS: "brands (distinct named initiatives of its measures)",
    CountedPart.PRINCIPLES: "principles",
}


def _listed(programme: Programme, part: CountedPart) -> int:
    if part is CountedPart.ACTIONS:
        return len(programme.actions)
    if part is CountedPart.MEASURES:
        return sum(len(action.measures) for action in programme.actions)
    if part is CountedPart.ASPECTS:
        if any(action.aspects for action in programme.actions):
            return sum(len(action.aspects) for action in programme.actions)
        return len(
            {
                (action.id, measure.category)
                for action, measure in programme.iter_measures()
                if measure.category is not MeasureCategory.OTHER
            }
        )
    if part is CountedPart.BRANDS:
        return len({name.zh for _, m in programme.iter_measures() for name in m.initiatives})
    return len(programme.principles)


def _check_declared(programme: Programme) -> Iterator[Finding]:
    first: dict[CountedPart, tuple[int, int]] = {}
    for d, declared in enumerate(programme.declared):
        path = f"declared[{d}]"
        if declared.part in first:
            earlier, count = first[declared.part]
            if count != declared.count:
                yield _finding(
                    "UF102",
                    path,
                    f"{declared.part.value} is declared as {declared.count} here and as "
                    f"{count} at declared[{earlier}]",
                    hint="keep one declared count per part",
                )
            continue
        first[declared.part] = (d, declared.count)
        listed = _listed(programme, declared.part)
        if listed != declared.count:
            yield _finding(
                "UF101",
                path,
                f"the programme declares {declared.count} {_PART_NAMES[declared.part]} "
                f"but lists {listed}",
                hint="list what the source lists, or explain the difference in explanations "
                "if the source's own count is off",
            )


def _check_actions(programme: Programme) -> Iterator[Finding]:
    for a, action in enumerate(programme.actions):
        if not action.measures and not action.indicators:
            yield _finding(
                "UF103",
                f"actions[{a}]",
                f"action {action.id!r} has neither measures nor indicators",
                id=action.id,
                hint="add the measures and figures the source gives for it",
            )


_FIVE_THEMES = (
    Theme.ADVICE,
    Theme.INNOVATION,
    Theme.PRIVATE_ECONOMY,
    Theme.INVESTMENT_TALENT,
    Theme.COMMON_PROSPERITY,
)


def _check_five_actions(programme: Programme) -> Iterator[Finding]:
    if programme.framework is not Framework.FIVE_ACTIONS:
        return
    themes = {action.theme for action in programme.actions}
    missing = [theme.value for theme in _FIVE_THEMES if theme not in themes]
    if missing:
        themes_word = "themes" if len(missing) > 1 else "theme"
        yield _finding(
            "UF104",
            "actions",
            f"a five_actions programme has no action with the {themes_word} {', '.join(missing)}",
            hint="map each of the five actions to its theme",
        )


# --------------------------------------------------------------------------- 2xx evidence


def _all_evidence(programme: Programme) -> Iterator[tuple[Evidence, str, str | None]]:
    """Every evidence with the path of its field and the id of its entity."""
    for ref in programme.walk():
        if ref.entity.evidence is not None:
            yield ref.entity.evidence, f"{ref.path}.evidence", ref.entity.id
    for d, count in enumerate(programme.declared):
        if count.evidence is not None:
            yield count.evidence, f"declared[{d}].evidence", None
    for o, omitted in enumerate(programme.omitted):
        yield omitted.evidence, f"omitted[{o}].evidence", None


def _check_quotes(programme: Programme, normalize: _Normalizer) -> Iterator[Finding]:
    for ref in programme.iter_indicators():
        ind = ref.indicator
        text = ind.quantity.text
        if normalize.holds(ind.evidence.quote, text) is False:
            yield _finding(
                "UF201",
                f"{ref.path}.evidence",
                f"the quote {ind.evidence.quote!r} does not hold the quantity {text!r}",
                id=ind.id,
                hint="if the quantity was mistyped, correct it to the figure as the quote writes "
                "it; if the quote is wrong, quote the shortest phrase of the source that holds "
                "the figure as written",
            )
    for o, omitted in enumerate(programme.omitted):
        if normalize.holds(omitted.evidence.quote, omitted.text) is False:
            yield _finding(
                "UF203",
                f"omitted[{o}].evidence",
                f"the quote {omitted.evidence.quote!r} does not hold the omitted figure "
                f"{omitted.text!r}",
                hint="quote the phrase of the source that holds the figure",
            )
    for evidence, path, id in _all_evidence(programme):
        if len(evidence.quote) > MAX_QUOTE_CHARS:
            yield _finding(
                "UF206",
                path,
                f"the quote is {len(evidence.quote)} characters long (more than {MAX_QUOTE_CHARS})",
                id=id,
                hint="quote only the shortest phrase that holds the figure",
            )


def _check_sources(
    programme: Programme, sources: Mapping[str, str], normalize: _Normalizer
) -> Iterator[Finding]:
    known = set(programme.source_ids)
    for key in sorted(set(sources) - known, key=str):
        yield _finding(
            "UF205",
            "sources",
            f"a source text was given for {key!r}, which is not one of the programme's "
            f"sources ({', '.join(programme.source_ids)})",
            id=str(key),
            hint="give each text under the id of its source",
        )
    normalized: dict[str, str | None] = {}
    for i, source in enumerate(programme.sources):
        if source.id not in sources:
            yield _finding(
                "UF204",
                f"sources[{i}]",
                f"no text was given for source {source.id!r}; its quotes were not checked",
                id=source.id,
            )
            continue
        # Normalized once per source and call: one source may hold hundreds of quotes.
        normalized[source.id] = normalize(sources[source.id])
    for evidence, path, id in _all_evidence(programme):
        text = normalized.get(evidence.source)
        if evidence.source not in normalized:
            continue
        if text is None:
            normalize.unchecked += 1
            continue
        normalize.checked += 1
        if evidence.quote not in text:
            yield _finding(
                "UF202",
                path,
                f"the quote {evidence.quote!r} does not occur in source {evidence.source!r}",
                id=id,
                hint="copy the quote from the source as normalize_source leaves it: simplified "
                "script, bracketed pinyin removed, full-width forms folded, spaces folded",
            )


# --------------------------------------------------------------------------- 3xx figures


@cache
def _vocabulary() -> dict[str, UnitKind]:
    return {metric.code: metric.unit_kind for metric in metrics()}


def _check_figures(programme: Programme) -> Iterator[Finding]:
    vocabulary = _vocabulary()
    for ref in programme.iter_indicators():
        ind, path = ref.indicator, ref.path
        yield from _check_figure(ind, path, vocabulary)


def _check_figure(ind: Indicator, path: str, vocabulary: dict[str, UnitKind]) -> Iterator[Finding]:
    q = ind.quantity
    kind = unit_kind(q)
    expected: UnitKind | None = None
    if ind.metric is not None:
        expected = vocabulary.get(ind.metric)
        if expected is None:
            close = difflib.get_close_matches(ind.metric, vocabulary, n=3)
            yield _finding(
                "UF301",
                f"{path}.metric",
                f"{ind.metric!r} is not a metric of the vocabulary",
                id=ind.id,
                hint=f"did you mean {', '.join(map(repr, close))}?"
                if close
                else "use a code of unitedfront.metrics(), or leave metric empty",
            )
        elif expected is not kind:
            unit = f"unit {q.unit!r}" if q.unit else "no unit"
            yield _finding(
                "UF302",
                f"{path}.quantity",
                f"metric {ind.metric!r} takes {expected.value} figures, but {q.text!r} "
                f"({unit}{', an ordinal' if q.ordinal else ''}) is {kind.value}",
                id=ind.id,
                hint="choose the metric that counts what the figure counts",
            )
        elif expected in (UnitKind.COUNT, UnitKind.PERSON_TIMES) and q.value < 0:
            yield _finding(
                "UF307",
                f"{path}.quantity",
                f"{q.text!r} is below zero, but metric {ind.metric!r} counts "
                f"{'person-times' if expected is UnitKind.PERSON_TIMES else 'things'}",
                id=ind.id,
            )
    if q.unit == "%":
        outside = [n for n in _stated(q) if not Decimal(0) <= n <= Decimal(100)]
        if outside:
            yield _finding(
                "UF303",
                f"{path}.quantity",
                f"the share {q.text!r} is {_fmt(outside[0])}%, outside 0 to 100",
                id=ind.id,
                hint="a change or growth rate is not a share: give it no share metric",
            )
    is_rank = q.ordinal or ind.kind is IndicatorKind.RANK or expected is UnitKind.RANK
    if is_rank and (bad := _first_not_counted_from(q, 1)):
        yield _finding(
            "UF304",
            f"{path}.quantity",
            f"the rank {q.text!r} is {_fmt(bad[0])}, {bad[1]}",
            id=ind.id,
            hint="a rank counts places from 1 (first)",
        )
    if (ind.kind is IndicatorKind.RANK) != q.ordinal:
        yield _finding(
            "UF306",
            f"{path}.kind",
            f"the indicator is of kind {ind.kind.value!r} but {q.text!r} is "
            f"{'an ordinal' if q.ordinal else 'not an ordinal (第N)'}",
            id=ind.id,
            hint="a rank is written 第N and has kind 'rank'",
        )
    if ind.kind is IndicatorKind.STRUCTURE and (bad := _first_not_counted_from(q, 0)):
        yield _finding(
            "UF305",
            f"{path}.quantity",
            f"the structure count {q.text!r} is {_fmt(bad[0])}, {bad[1]}",
            id=ind.id,
            hint="a structure indicator counts the programme's own parts",
        )


_CONSECUTIVE = re.compile(r"连续([0-9零一二两三四五六七八九十]+)年")
_SMALL_NUMERALS = dict(
    zip("零一二两三四五六七八九", (0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True)
)


def _small_number(text: str) -> int | None:
    """A count of years as written: ``11``, ``三``, ``十一``, ``二十``; ``None`` otherwise."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        high = _SMALL_NUMERALS.get(tens, 0) if tens else 1
        low = _SMALL_NUMERALS.get(units, 0) if units else 0
        return 10 * high + low
    return _SMALL_NUMERALS.get(text)


def _time_word_problems(ind: Indicator) -> Iterator[tuple[str, str]]:
    """What an indicator's quote says of its time that its recorded time does not: (word, why)."""
    quote = ind.evidence.quote
    running = ind.temporal is Temporal.RUNNING_TOTAL
    nature = ind.temporal.value if ind.temporal else "without a temporal nature"
    if "累计" in quote and not running:
        yield "累计", f"a running total, but the figure is recorded as {nature}"
    if "截至" in quote and ind.as_of is None and (ind.period is None or not running):
        yield "截至", "the date the figure was taken, but the figure has no as_of date"
    if "今年以来" in quote:
        start = ind.period.start if ind.period else None
        if not running or start is None or (start.month, start.day) != (1, 1):
            yield (
                "今年以来",
                (
                    "a running total from 1 January, but the figure is recorded as "
                    f"{nature}{f' from {start}' if start else ' with no start'}"
                ),
            )
    for match in _CONSECUTIVE.finditer(quote):
        years = _small_number(match.group(1))
        if years is None:
            continue
        spanned = ind.span == f"P{years}Y" or (
            ind.period is not None and len(ind.period.years) == years
        )
        if not running or not spanned:
            recorded = (
                f"span {ind.span}"
                if ind.span
                else f"period {ind.period}"
                if ind.period
                else ("no span or period")
            )
            yield (
                match.group(0),
                (
                    f"a running total over {years} years, but the figure is recorded as "
                    f"{nature} with {recorded}"
                ),
            )


def _check_time_and_terms(programme: Programme) -> Iterator[Finding]:
    known = {metric.code: metric for metric in metrics()}
    for ref in programme.iter_indicators():
        ind, path = ref.indicator, ref.path
        for word, why in _time_word_problems(ind):
            yield _finding(
                "UF308",
                f"{path}.temporal",
                f"the quote says {word}: {why}",
                id=ind.id,
                hint="record the time as the quote gives it: temporal, period, as_of, "
                "cumulative and span",
            )
        metric = known.get(ind.metric) if ind.metric else None
        if metric is None:
            continue
        if ind.temporal is not None and not metric.fits(ind.temporal):
            yield _finding(
                "UF309",
                f"{path}.temporal",
                f"the figure is a {ind.temporal.value}, but metric {metric.code!r} takes "
                f"{metric.temporal.value} figures",
                id=ind.id,
                hint="a stock is taken at a date (snapshot); things done are counted over a "
                "period (flow) or to a date (running_total)",
            )
        for term in metric.excludes:
            if term in ind.evidence.quote:
                covering = sorted(m.code for m in known.values() if term in m.terms)
                elsewhere = f" ({', '.join(covering)} covers it)" if covering else ""
                yield _finding(
                    "UF310",
                    f"{path}.metric",
                    f"the quote holds {term!r}, which metric {metric.code!r} does not "
                    f"cover{elsewhere}",
                    id=ind.id,
                    hint="choose the metric whose terms the quote holds, or none",
                )
                break


# --------------------------------------------------------------------------- 4xx consistency


def _figure_of(q: Quantity) -> tuple[Any, ...]:
    return (
        q.value,
        q.qualifier,
        q.low,
        q.high,
        q.low_inclusive,
        q.high_inclusive,
        q.unit,
        q.ordinal,
    )


def _in_file_order(programme: Programme) -> list[IndicatorRef]:
    """Every indicator, in the order the programme file holds them.

    A file lists an action's measures before its own indicators, and the programme's
    actions before its programme-wide indicators (the fields' order), where
    :meth:`~unitedfront.Programme.walk` puts an owner's own indicators first: which of two
    equal figures a finding calls the first is the one a reader of the file meets first.
    """
    action_at = {id(action): a for a, action in enumerate(programme.actions)}
    last = len(action_at)

    def place(ref: IndicatorRef) -> tuple[int, bool]:
        a = last if ref.action is None else action_at[id(ref.action)]
        return a, ref.measure is None

    # sorted() is stable: within an action's measures, or its own figures, walk order holds.
    return sorted(programme.iter_indicators(), key=place)


def _check_duplicates(programme: Programme) -> Iterator[Finding]:
    seen: dict[tuple[Any, ...], tuple[Indicator, str]] = {}
    for ref in _in_file_order(programme):
        ind, path = ref.indicator, ref.path
        if ind.metric is None:
            continue
        scope = (ind.scope or programme.jurisdiction).code
        period = ind.period
        key = (ind.metric, ind.kind, ind.cumulative, scope, period, ind.as_of)
        if key not in seen:
            seen[key] = (ind, path)
            continue
        first, first_path = seen[key]
        when = f"as of {ind.as_of}" if ind.as_of else f"in {period}" if period else "not dated"
        if _figure_of(first.quantity) != _figure_of(ind.quantity):
            yield _finding(
                "UF401",
                path,
                f"{ind.metric} ({ind.kind.value}, {scope}, {when}) is {ind.quantity.text!r} "
                f"here but {first.quantity.text!r} at {first_path} [{first.id}]",
                id=ind.id,
                hint="correct one of them, or set the period, as_of or scope that tells them apart",
            )
        else:
            yield _finding(
                "UF402",
                path,
                f"{ind.metric} ({ind.kind.value}, {scope}, {when}) repeats the figure "
                f"{first.quantity.text!r} of {first_path} [{first.id}]",
                id=ind.id,
                hint="record a figure once; list a restatement in omitted with reason 'restated'",
            )


def _check_periods(programme: Programme) -> Iterator[Finding]:
    span = programme.period
    for ref in programme.iter_indicators():
        ind = ref.indicator
        if ind.period is not None and not span.contains(ind.period):
            yield _finding(
                "UF403",
                f"{ref.path}.period",
                f"the indicator's period {ind.period} lies outside the programme's period {span}",
                id=ind.id,
                hint="check the period; a figure of earlier years may be a baseline",
            )
        if ind.as_of is not None and not span.contains(ind.as_of):
            yield _finding(
                "UF403",
                f"{ref.path}.as_of",
                f"the indicator's date {ind.as_of} lies outside the programme's period {span}",
                id=ind.id,
                hint="check the date",
            )
    for node in programme.walk():
        measure = node.entity
        due = measure.due if isinstance(measure, Measure) else None
        if due is not None and not span.contains(due):
            yield _finding(
                "UF404",
                f"{node.path}.due",
                f"the measure is due {due}, outside the programme's period {span}",
                id=measure.id,
            )


# --------------------------------------------------------------------------- 5xx jurisdictions

#: The two-digit province codes of GB/T 2260.
PROVINCE_PREFIXES = frozenset(
    {
        *("11", "12", "13", "14", "15"),
        *("21", "22", "23"),
        *("31", "32", "33", "34", "35", "36", "37"),
        *("41", "42", "43", "44", "45", "46"),
        *("50", "51", "52", "53", "54"),
        *("61", "62", "63", "64", "65"),
        *("71", "81", "82"),
    }
)
#: Province-level municipalities, whose districts may sit directly under the province.
_MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
_SIX_DIGITS = re.compile(r"^[0-9]{6}$")


def _expected_parents(j: Jurisdiction) -> tuple[str, ...]:
    code = j.code
    province = code[:2] + "0000"
    if j.level is JurisdictionLevel.PROVINCE:
        return ()
    if j.level is JurisdictionLevel.PREFECTURE:
        return (province,)
    parents = [code[:4] + "00"]
    # County-level units directly under a province (xx90yy) and districts of a
    # municipality may name the province as their parent.
    if code[2:4] == "90" or code[:2] in _MUNICIPALITIES:
        parents.append(province)
    return tuple(parents)


def _check_jurisdiction(j: Jurisdiction, path: str, id: str | None) -> Iterator[Finding]:
    code = j.code
    if not _SIX_DIGITS.match(code) or code[:2] not in PROVINCE_PREFIXES:
        reason = "is not six digits" if not _SIX_DIGITS.match(code) else "names no province"
        yield _finding(
            "UF501",
            f"{path}.code",
            f"{code!r} {reason}; a GB/T 2260 code is six digits starting with a "
            "province's two (37 for Shandong)",
            id=id,
            hint="look the code up in the GB/T 2260 list (371000 is Weihai)",
        )
        return
    if not is_known_code(code):
        yield _finding(
            "UF501",
            f"{path}.code",
            f"{code} is not a province, prefecture or county of the GB/T 2260 table "
            f"(as of {TABLE_DATE})",
            id=id,
            hint="look the place up with find_jurisdictions(name); for a division abolished "
            "since, the code of its successor",
        )
        return
    shape_fits = {
        JurisdictionLevel.PROVINCE: code[2:] == "0000",
        JurisdictionLevel.PREFECTURE: code[4:] == "00" and code[2:4] != "00",
        JurisdictionLevel.COUNTY: code[4:] != "00",
    }[j.level]
    if not shape_fits:
        yield _finding(
            "UF502",
            f"{path}.code",
            f"{code} does not fit the level {j.level.value}: a province's code ends in 0000, "
            "a prefecture's in 00 (not 0000), a county's not in 00",
            id=id,
            hint="check the code and the level",
        )
        return
    expected = _expected_parents(j)
    if j.level is JurisdictionLevel.PROVINCE:
        if j.parent is not None:
            yield _finding(
                "UF503",
                f"{path}.parent",
                f"the province {code} has the parent {j.parent!r}; a province has none",
                id=id,
                hint="leave parent empty for a province",
            )
    elif j.parent is None:
        yield _finding(
            "UF504",
            f"{path}.parent",
            f"the {j.level.value} {code} has no parent code",
            id=id,
            hint=f"set parent to {' or '.join(expected)}",
        )
    elif j.parent not in expected:
        yield _finding(
            "UF503",
            f"{path}.parent",
            f"the {j.level.value} {code} has the parent {j.parent!r}, which does not contain it",
            id=id,
            hint=f"set parent to {' or '.join(expected)}",
        )


def _check_jurisdictions(programme: Programme) -> Iterator[Finding]:
    yield from _check_jurisdiction(programme.jurisdiction, "jurisdiction", None)
    for ref in programme.iter_indicators():
        if ref.indicator.scope is not None:
            yield from _check_jurisdiction(
                ref.indicator.scope, f"{ref.path}.scope", ref.indicator.id
            )


# --------------------------------------------------------------------------- 6xx language


def _check_english(programme: Programme) -> Iterator[Finding]:
    if programme.title.en is None:
        yield _finding("UF601", "title", "the programme title has no English text")
    for ref in programme.walk():
        entity = ref.entity
        if entity.name.en is None:
            kind = type(entity).__name__.lower()
            yield _finding(
                "UF601",
                f"{ref.path}.name",
                f"the {kind} name {entity.name.zh!r} has no English text",
                id=entity.id,
            )


# --------------------------------------------------------------------------- 9xx explanations


def _apply_explanations(
    programme: Programme, findings: list[Finding]
) -> tuple[list[Finding], list[tuple[Finding, str]], list[Finding]]:
    at: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        at.setdefault((finding.code, finding.path), []).append(finding)
    explained: dict[int, tuple[Finding, str]] = {}
    used: dict[tuple[str, str], int] = {}
    notes: list[Finding] = []
    for e, explanation in enumerate(programme.explanations):
        key = (explanation.code, explanation.path)
        path = f"explanations[{e}]"
        if key in used:
            notes.append(
                _finding(
                    "UF903",
                    path,
                    f"{explanation.code} at {explanation.path} is already explained at "
                    f"explanations[{used[key]}]",
                    hint="keep one explanation per finding",
                )
            )
            continue
        used[key] = e
        matched = at.get(key, [])
        if not matched:
            notes.append(
                _finding(
                    "UF901",
                    path,
                    f"no {explanation.code} finding was made at {explanation.path}",
                    hint="remove the explanation, or correct its code and path to those the "
                    "report gives",
                )
            )
            continue
        for finding in matched:
            if finding.severity is Severity.ERROR:
                notes.append(
                    _finding(
                        "UF902",
                        path,
                        f"{explanation.code} at {explanation.path} is an error, which cannot "
                        "be explained away",
                        hint="correct the data instead",
                    )
                )
            else:
                explained[id(finding)] = (finding, explanation.reason)
    remaining = [f for f in findings if id(f) not in explained]
    return remaining, list(explained.values()), notes


# --------------------------------------------------------------------------- entry point

_CHECKS: tuple[_Check, ...] = (
    _check_declared,
    _check_actions,
    _check_five_actions,
    _check_figures,
    _check_time_and_terms,
    _check_duplicates,
    _check_periods,
    _check_jurisdictions,
    _check_english,
)


def validate(programme: Programme, *, sources: Mapping[str, str] | None = None) -> Report:
    """Check a programme against every rule of :data:`RULES` and report all findings.

    ``sources`` maps source ids to their raw texts (as published, in either script, with
    or without bracketed pinyin); when given, every evidence quote is looked for in its
    source after :func:`unitedfront.normalize_source`, each source normalized once.

    Findings are sorted by where they occur in the programme file, then by code, so the
    same programme always gives the same report. Warnings and infos that the programme's
    ``explanations`` account for move to :attr:`Report.explained`.

    >>> from unitedfront import Programme
    >>> programme = Programme.model_validate({
    ...     "id": "demo-2024", "title": {"zh": "示例方案", "en": "Demo"}, "kind": "plan",
    ...     "framework": "other", "issuer": "市委统战部", "period": "2024",
    ...     "jurisdiction": {"code": "370000", "name": "山东省", "level": "province"},
    ...     "sources": [{"id": "doc", "title": "原文"}],
    ... })
    >>> report = validate(programme, sources={"doc": "全文"})
    >>> report.ok, report.errors, report.codes
    (True, (), ())
    """
    normalize = _Normalizer()
    findings: list[Finding] = []
    for check in _CHECKS:
        findings.extend(check(programme))
    findings.extend(_check_quotes(programme, normalize))
    if sources is not None:
        findings.extend(_check_sources(programme, sources, normalize))
    if normalize.unchecked:
        findings.append(
            _finding(
                "UF207",
                "sources",
                f"{normalize.unchecked} quote check{'s' if normalize.unchecked > 1 else ''} "
                "could not be made: converting traditional script needs the opencc extra",
                hint="pip install 'unitedfront[opencc]'",
            )
        )
    remaining, explained, notes = _apply_explanations(programme, findings)
    return Report(
        findings=tuple(sorted([*remaining, *notes], key=_sort_key)),
        explained=tuple(sorted(explained, key=lambda pair: _sort_key(pair[0]))),
        programme=programme.id,
        quotes=sum(1 for _ in _all_evidence(programme)),
        quotes_checked=normalize.checked,
    )
