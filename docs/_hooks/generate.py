"""MkDocs hook: generate the dataset pages and the tables of the bundled data.

Each bundled programme gets ``datasets/<id>.md`` and an entry in the navigation's Datasets
section; in a page, ``<!-- metrics-table -->`` is replaced by the metric vocabulary,
``<!-- datasets-table -->`` by the list of bundled programmes and ``<!-- sources-table -->``
by the source of each. Nothing generated is committed, so nothing can drift: a new dataset
file is in the docs at the next build.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from unitedfront import Programme, Text, datasets, metrics


def nav_entry(programme: Programme) -> dict[str, str]:
    """The navigation entry of a programme's page: its place and years.

    >>> nav_entry(datasets.load("linyi-2024"))
    {'Linyi 2024': 'datasets/linyi-2024.md'}
    """
    place = programme.jurisdiction.name.en or programme.jurisdiction.name.zh
    return {f"{place} {programme.period}": f"datasets/{programme.id}.md"}


def with_dataset_pages(nav: list[Any]) -> list[Any]:
    """The navigation with a page per bundled programme in its Datasets section.

    The section keeps what it lists that is not a dataset page (its index first, the data
    statement last); the dataset pages go between them, in the order of ``available()``.
    """
    out: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and list(item) == ["Datasets"]:
            section = [
                entry
                for entry in item["Datasets"]
                if not (isinstance(entry, dict) and str(*entry.values()).startswith("datasets/"))
            ]
            pages = [nav_entry(p) for p in datasets.load_all()]
            item = {"Datasets": [*section[:1], *pages, *section[1:]]}
        out.append(item)
    return out


def on_config(config: Any) -> Any:
    if config.get("nav"):
        config["nav"] = with_dataset_pages(config["nav"])
    return config


def on_files(files: Files, config: Any) -> Files:
    for programme in datasets.load_all():
        uri = f"datasets/{programme.id}.md"
        content = programme_markdown(programme) + card_markdown(programme.id)
        files.append(File.generated(config, uri, content=content))
    return files


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    for marker, table in (
        ("<!-- metrics-table -->", metrics_markdown),
        ("<!-- datasets-table -->", datasets_markdown),
        ("<!-- sources-table -->", sources_markdown),
    ):
        if marker in markdown:
            markdown = markdown.replace(marker, table())
    return markdown


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


def card_markdown(id: str) -> str:
    """The dataset's card under a heading of the page, without the card's own title."""
    body = datasets.card(id).split("\n", 1)[1].strip()
    return "\n".join(["## Card", "", body, ""])


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


def _place(programme: Programme) -> str:
    name = programme.jurisdiction.name
    return f"{name.en} {name.zh}" if name.en else name.zh


def datasets_markdown() -> str:
    """The bundled programmes as a Markdown table (id, title, place, kind, framework)."""
    rows: list[list[object]] = [
        [
            f"[`{p.id}`]({p.id}.md)",
            p.title.en or p.title.zh,
            f"{_place(p)}, {p.period}",
            p.kind.value,
            p.framework.value,
        ]
        for p in datasets.load_all()
    ]
    return "\n".join(_table(["Id", "Programme", "Place", "Kind", "Framework"], rows))


def sources_markdown() -> str:
    """The source of each bundled programme: title, publisher, date and address."""
    rows: list[list[object]] = [
        [
            f"`{p.id}`",
            s.title.zh,
            _name(s.publisher) if s.publisher else "not named",
            s.published.isoformat() if s.published else "not given",
            f"<{s.url}>" if s.url else "none stored",
        ]
        for p in datasets.load_all()
        for s in p.sources
    ]
    header = ["Dataset", "Source", "Publisher", "Published", "Address"]
    return "\n".join(_table(header, rows))
