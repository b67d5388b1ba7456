"""How programmes show themselves: HTML tables in notebooks, trees in a rich terminal."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unitedfront._model import Action, Indicator, Measure, Programme, Text
    from unitedfront._validate import Finding, Report

__all__ = ["action_html", "programme_html", "report_html", "report_tree", "rich_tree"]

# Notebook front ends style every table of an output (cells right-aligned, a fixed layout,
# the table centred); ``table.uf-table`` outranks their ``.jp-RenderedHTMLCommon td``. Text
# is left-aligned and wraps, long paths and codes included, so that no cell overflows;
# only counts (class ``num``) are right-aligned.
_STYLE = (
    "<style>"
    "table.uf-table{border-collapse:collapse;font-size:0.9em;table-layout:auto;"
    "max-width:100%;margin:0.25em 0 0.75em 0}"
    "table.uf-table th,table.uf-table td{border:1px solid #ccc;padding:2px 6px;"
    "text-align:left;vertical-align:top;white-space:normal;overflow-wrap:anywhere}"
    "table.uf-table td.num{text-align:right;font-variant-numeric:tabular-nums}"
    "table.uf-table code{white-space:normal;overflow-wrap:anywhere}"
    ".uf-muted{color:#777}"
    ".uf-error{color:#b00020;font-weight:bold}.uf-warning{color:#a15c00}.uf-info{color:#00639b}"
    "</style>"
)


def _name(text: Text) -> str:
    zh = escape(text.zh)
    return f"{zh}<br><span class='uf-muted'>{escape(text.en)}</span>" if text.en else zh


def _indicator_row(ind: Indicator, where: str) -> str:
    q = ind.quantity
    return (
        "<tr>"
        f"<td>{escape(where)}</td>"
        f"<td><code>{escape(ind.id)}</code></td>"
        f"<td>{_name(ind.name)}</td>"
        f"<td>{escape(ind.metric or '')}</td>"
        f"<td>{escape(ind.kind.value)}</td>"
        f"<td>{escape(q.text)}</td>"
        f"<td>{escape(str(q.interval))}</td>"
        f"<td>{escape(ind.evidence.quote)}</td>"
        "</tr>"
    )


def _indicator_rows(indicators: tuple[Indicator, ...], where: str) -> list[str]:
    return [_indicator_row(ind, where) for ind in indicators]


_FIGURES_HEAD = (
    "<tr><th>Under</th><th>Id</th><th>Name</th><th>Metric</th><th>Kind</th>"
    "<th>As written</th><th>Interval</th><th>Evidence</th></tr>"
)


def _measures_table(measures: tuple[Measure, ...]) -> str:
    rows = [
        "<tr>"
        f"<td><code>{escape(m.id)}</code></td>"
        f"<td>{_name(m.name)}</td>"
        f"<td>{escape(m.category.value)}</td>"
        f"<td>{'; '.join(escape(b.zh) for b in m.lead)}</td>"
        f"<td>{'; '.join(escape(i.zh) for i in m.initiatives)}</td>"
        f"<td>{escape(m.status.value) if m.status else ''}</td>"
        f"<td class='num'>{len(m.indicators)}</td>"
        "</tr>"
        for m in measures
    ]
    head = (
        "<tr><th>Id</th><th>Measure</th><th>Category</th><th>Lead</th><th>Initiatives</th>"
        "<th>Status</th><th>Figures</th></tr>"
    )
    return f"<table class='uf-table'>{head}{''.join(rows)}</table>"


def action_html(action: Action) -> str:
    """An action as HTML: its theme, its measures and its figures."""
    figures = _indicator_rows(action.indicators, action.id)
    for m in action.measures:
        figures += _indicator_rows(m.indicators, m.id)
    parts = [
        _STYLE,
        f"<div><b>{_name(action.name)}</b> <span class='uf-muted'>action ",
        f"<code>{escape(action.id)}</code> · theme {escape(action.theme.value)}</span></div>",
    ]
    if action.measures:
        parts.append(_measures_table(action.measures))
    if figures:
        parts.append(f"<table class='uf-table'>{_FIGURES_HEAD}{''.join(figures)}</table>")
    return "".join(parts)


def programme_html(programme: Programme) -> str:
    """A programme as HTML: its facts, its actions with their themes, and every figure."""
    p = programme
    facts = [
        ("Id", f"<code>{escape(p.id)}</code>"),
        ("Title", _name(p.title)),
        ("Place", f"{_name(p.jurisdiction.name)} ({escape(p.jurisdiction.code)})"),
        ("Kind", f"{escape(p.kind.value)} · {escape(p.framework.value)}"),
        ("Issuer", _name(p.issuer)),
        ("Period", escape(str(p.period))),
    ]
    fact_rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in facts)
    action_rows = "".join(
        "<tr>"
        f"<td><code>{escape(a.id)}</code></td><td>{_name(a.name)}</td>"
        f"<td>{escape(a.theme.value)}</td><td class='num'>{len(a.measures)}</td>"
        f"<td class='num'>{len(a.indicators) + sum(len(m.indicators) for m in a.measures)}</td>"
        "</tr>"
        for a in p.actions
    )
    figures = [
        _indicator_row(
            ref.indicator, owner.id if (owner := ref.measure or ref.action) else "programme"
        )
        for ref in p.iter_indicators()
    ]
    return (
        f"{_STYLE}<table class='uf-table'>{fact_rows}</table>"
        "<table class='uf-table'><tr><th>Id</th><th>Action</th><th>Theme</th>"
        f"<th>Measures</th><th>Figures</th></tr>{action_rows}</table>"
        f"<details><summary>{len(figures)} figures</summary>"
        f"<table class='uf-table'>{_FIGURES_HEAD}{''.join(figures)}</table></details>"
    )


def _label(text: Text) -> str:
    return f"{text.zh} [dim]{text.en}[/dim]" if text.en else text.zh


def _add_indicator(node: Any, ind: Indicator) -> None:
    from rich.markup import escape as rich_escape

    q = ind.quantity
    node.add(
        f"[cyan]{rich_escape(q.text)}[/cyan] {rich_escape(str(q.interval))} "
        f"· {rich_escape(ind.name.en or ind.name.zh)}"
        + (f" [dim]({ind.metric})[/dim]" if ind.metric else "")
    )


def rich_tree(entity: Programme | Action) -> Any:
    """A ``rich.tree.Tree`` of a programme or an action, with every figure (extra ``cli``)."""
    try:
        from rich.tree import Tree
    except ImportError:  # pragma: no cover - depends on what is installed
        from unitedfront.errors import MissingExtraError

        raise MissingExtraError("rich", "cli", "Showing a programme as a tree") from None
    from unitedfront._model import Action, Measure

    def header(action: Action) -> str:
        return f"[bold]{_label(action.name)}[/bold] [dim]· {action.theme.value}[/dim]"

    def measure_label(measure: Measure) -> str:
        return f"{_label(measure.name)} [dim]· {measure.category.value}[/dim]"

    if isinstance(entity, Action):
        tree = Tree(header(entity))
        for ind in entity.indicators:
            _add_indicator(tree, ind)
        for m in entity.measures:
            node = tree.add(measure_label(m))
            for ind in m.indicators:
                _add_indicator(node, ind)
        return tree
    p = entity
    tree = Tree(
        f"[bold]{_label(p.title)}[/bold]\n[dim]{p.id} · {p.jurisdiction.name.zh} "
        f"{p.jurisdiction.code} · {p.kind.value} · {p.period}[/dim]"
    )
    nodes: dict[int, Any] = {}
    for ref in p.walk():
        e = ref.entity
        if isinstance(e, Action):
            nodes[id(e)] = tree.add(header(e))
        elif isinstance(e, Measure):
            nodes[id(e)] = nodes[id(ref.action)].add(measure_label(e))
        else:
            owner = ref.measure or ref.action
            _add_indicator(tree if owner is None else nodes[id(owner)], e)
    return tree


# --------------------------------------------------------------------------- validation reports


def _counts(report: Report) -> str:
    def count(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    parts = [
        count(len(report.errors), "error"),
        count(len(report.warnings), "warning"),
        count(len(report.infos), "info"),
    ]
    if report.explained:
        parts.append(f"{len(report.explained)} explained")
    return ", ".join(parts)


def _finding_row(finding: Finding, last: str) -> str:
    severity = finding.severity.value
    return (
        "<tr>"
        f"<td><code>{escape(finding.code)}</code></td>"
        f"<td class='uf-{severity}'>{severity}</td>"
        f"<td><code>{escape(finding.path)}</code></td>"
        f"<td>{escape(finding.id or '')}</td>"
        f"<td>{escape(finding.message)}</td>"
        f"<td>{escape(last)}</td>"
        "</tr>"
    )


def report_html(report: Report) -> str:
    """A validation report as HTML: whether it is ok, its counts, and a table of findings.

    Findings the programme explains follow in a second table, each with its reason.
    """
    head = (
        "<tr><th>Code</th><th>Severity</th><th>Path</th><th>Id</th><th>Message</th><th>{}</th></tr>"
    )
    title = f"<code>{escape(report.programme)}</code>: " if report.programme else ""
    status = "ok" if report.ok else "<span class='uf-error'>not ok</span>"
    parts = [_STYLE, f"<div>{title}<b>{status}</b> <span class='uf-muted'>· {_counts(report)}"]
    parts.append("</span></div>")
    if report.findings:
        rows = "".join(_finding_row(f, f.hint or "") for f in report.findings)
        parts.append(f"<table class='uf-table'>{head.format('Hint')}{rows}</table>")
    if report.explained:
        rows = "".join(_finding_row(f, reason) for f, reason in report.explained)
        parts.append(
            f"<details><summary>{len(report.explained)} explained</summary>"
            f"<table class='uf-table'>{head.format('Reason')}{rows}</table></details>"
        )
    return "".join(parts)


_RICH_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def report_tree(report: Report) -> Any:
    """A ``rich.tree.Tree`` of a validation report: findings by severity (extra ``cli``)."""
    try:
        from rich.markup import escape as rich_escape
        from rich.tree import Tree
    except ImportError:  # pragma: no cover - depends on what is installed
        from unitedfront.errors import MissingExtraError

        raise MissingExtraError("rich", "cli", "Showing a report as a tree") from None

    def line(finding: Finding, extra: str | None) -> str:
        where = f"{finding.path} [{finding.id}]" if finding.id else finding.path
        text = f"{finding.code} {where}: {finding.message}"
        return rich_escape(text) + (f" [dim]({rich_escape(extra)})[/dim]" if extra else "")

    status = "ok" if report.ok else "[bold red]not ok[/bold red]"
    name = f"{rich_escape(report.programme)}: " if report.programme else ""
    tree = Tree(f"[bold]{name}{status}[/bold] [dim]· {_counts(report)}[/dim]")
    for severity, findings in (
        ("error", report.errors),
        ("warning", report.warnings),
        ("info", report.infos),
    ):
        if findings:
            node = tree.add(f"[{_RICH_STYLES[severity]}]{severity}s[/]")
            for finding in findings:
                node.add(line(finding, f"hint: {finding.hint}" if finding.hint else None))
    if report.explained:
        node = tree.add("[dim]explained[/dim]")
        for finding, reason in report.explained:
            node.add(line(finding, reason))
    return tree
