"""MkDocs hook: generate the dataset pages and the metric table from the bundled data.

Each bundled programme gets ``datasets/<id>.md``; ``<!-- metrics-table -->`` in a page is
replaced by the metric vocabulary. Nothing generated is committed, so nothing can drift.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from unitedfront import Programme, Text, datasets, metrics


def on_files(files: Files, config: Any) -> Files:
    for programme in datasets.load_all():
        uri = f"datasets/{programme.id}.md"
        files.append(File.generated(config, uri, content=programme_markdown(programme)))
    return files


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    return markdown.replace("<!-- metrics-table -->", metrics_markdown())


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _name(text: Text | None) -> str:
    if text is None:
        return ""
    return f"{text.en} ({text.zh})" if text.en else text.zh


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def programme_markdown(programme: Programme) -> str:
    """A documentation page for one programme: facts, structure, figures and omissions.

    >>> page = programme_markdown(datasets.load("linyi-2024"))
    >>> page.splitlines()[0]
    '# Linyi 2024: linyi-2024'
    """
    p = programme
    year = str(p.period)
    out = [f"# {p.jurisdiction.name.en or p.jurisdiction.name.zh} {year}: {p.id}", ""]
    out += [f"**{_name(p.title)}**", ""]
    facts: list[list[object]] = [
        ["Kind", p.kind.value],
        ["Framework", p.framework.value],
        ["Jurisdiction", f"{_name(p.jurisdiction.name)}, GB/T 2260 `{p.jurisdiction.code}`"],
        ["Issuer", _name(p.issuer)],
        ["Period", year],
    ]
    if p.adopted:
        facts.append(["Adopted", p.adopted.isoformat()])
    if p.implements:
        facts.append(["Implements", f"`{p.implements}`"])
    facts += [[f"Declared {count.part.value}", count.count] for count in p.declared]
    out += [f"- **{label}**: {_cell(value)}" for label, value in facts] + [""]
    out += ["```python", "from unitedfront import datasets", ""]
    out += [f'p = datasets.load("{p.id}")', "```", ""]

    if p.principles:
        out += ["## Principles", ""] + [f"- {_name(t)}" for t in p.principles] + [""]

    out += ["## Structure", ""]
    rows: list[list[object]] = []
    for action in p.actions:
        leads = ", ".join(b.en or b.zh for b in action.lead)
        measures = sum(1 for _ in action.measures)
        indicators = len(action.indicators) + sum(len(m.indicators) for m in action.measures)
        rows.append([_name(action.name), action.theme.value, leads, measures, indicators])
    out += _table(["Action", "Theme", "Lead", "Measures", "Indicators"], rows)

    for action in p.actions:
        if not action.measures:
            continue
        out += [f"### {_name(action.name)}", ""]
        mrows: list[list[object]] = []
        for m in action.measures:
            lead = ", ".join(b.en or b.zh for b in m.lead)
            initiatives = "; ".join(i.zh for i in m.initiatives)
            status = m.status.value if m.status else ""
            mrows.append([_name(m.name), m.category.value, lead, initiatives, status])
        out += _table(["Measure", "Category", "Lead", "Initiatives", "Status"], mrows)

    out += ["## Figures", ""]
    frows: list[list[object]] = []
    for ref in p.iter_indicators():
        ind = ref.indicator
        q = ind.quantity
        frows.append(
            [
                f"`{ind.id}`",
                ind.name.en or ind.name.zh,
                ind.metric or "",
                ind.kind.value,
                q.text,
                str(q.interval),
                ind.evidence.quote,
            ]
        )
    out += _table(["Id", "Name", "Metric", "Kind", "As written", "Interval", "Evidence"], frows)

    if p.omitted:
        out += ["## Figures left out on purpose", ""]
        orows: list[list[object]] = [
            [o.text, o.reason.value, o.note or "", o.evidence.quote] for o in p.omitted
        ]
        out += _table(["Figure", "Reason", "Note", "Evidence"], orows)

    if p.notes:
        out += ["## Notes", ""] + [f"- {n.en or n.zh}" for n in p.notes] + [""]

    out += ["## Sources", ""]
    for s in p.sources:
        bits = [f"`{s.id}`: {_name(s.title)}"]
        if s.publisher:
            bits.append(_name(s.publisher))
        if s.published:
            bits.append(s.published.isoformat())
        bits.append(f"script {s.script.value}")
        if s.url:
            bits.append(f"<{s.url}>")
        out.append("- " + ", ".join(bits))
    out.append("")
    return "\n".join(out)


def metrics_markdown() -> str:
    """The metric vocabulary as a Markdown table (code, names, unit kind, aggregation)."""
    rows: list[list[object]] = [
        [
            f"`{m.code}`",
            _name(m.name),
            m.unit_kind.value,
            "yes" if m.summable else "no",
            m.temporal.value,
            m.definition,
            "、".join(m.terms),
            "、".join(m.excludes) or "-",
        ]
        for m in metrics()
    ]
    header = [
        "Code",
        "Name",
        "Unit kind",
        "Summable across places",
        "Across time",
        "Definition",
        "Covers (中文)",
        "Not (中文)",
    ]
    return "\n".join(_table(header, rows))
