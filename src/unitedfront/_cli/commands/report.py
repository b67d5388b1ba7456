"""``unitedfront report``: every programme summarised and validated, shared metrics compared."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from unitedfront._cli.commands.compare import compared, figure_cells, quantities
from unitedfront._cli.params import EXIT_FINDINGS, command as declare, programmes, with_option
from unitedfront._cli.present import (
    REPORT_WIDTH,
    Line,
    library_errors,
    lines,
    plural,
    print_lines,
    wrap,
)

if TYPE_CHECKING:
    from unitedfront._catalogue import ProgrammeSummary
    from unitedfront._model import Programme


def report_lines(
    found: Sequence[Programme], rows: Sequence[ProgrammeSummary], *, version: str
) -> list[Line]:
    """The report's text, as (line, style) pairs; the same input gives the same text.

    First each programme's row (:func:`unitedfront._catalogue.summarise`), grouped by
    framework, then every metric that two or more programmes have a figure of, the
    widest-shared first (:func:`unitedfront._catalogue.shared_metrics`), with the rows
    :func:`unitedfront.compare` gives for it. Laid out for 80 columns.
    """
    import rich.cells

    from unitedfront._catalogue import shared_metrics
    from unitedfront._metrics import get_metric
    from unitedfront._model import Framework

    plain, bold = "", "bold"

    def total(field: str) -> int:
        return sum(getattr(r, field) or 0 for r in rows)

    out: list[Line] = [
        (f"unitedfront {version}: {plural(len(rows), 'programme')}, side by side", bold),
        ("", plain),
    ]
    summary = (
        f"{plural(total('indicators'), 'figure')} recorded as indicators, and "
        f"{plural(total('omitted'), 'figure')} of the sources left out on purpose (dates, names, "
        f"editions). Validation: {plural(total('errors'), 'error')}, "
        f"{plural(total('warnings'), 'warning')}, {plural(total('infos'), 'info')}; "
        f"{plural(total('explained'), 'finding')} explained by the data."
    )
    out += [(line, plain) for line in wrap(summary)]
    out += [("", plain), ("Programmes", bold)]
    counts = ["actions", "measures", "indicators", "omitted"]
    counts += ["errors", "warnings", "infos", "explained"]
    # Grouped by framework, in the order the frameworks are listed; each group by id.
    frameworks = {f.value: n for n, f in enumerate(Framework)}
    ordered = sorted(rows, key=lambda r: (frameworks.get(r.framework, len(frameworks)), r.id))
    table = [["id", "kind", "period", "act", "mea", "ind", "omit", "err", "warn", "info", "expl"]]
    table += [[r.id, r.kind, r.period, *(str(getattr(r, c)) for c in counts)] for r in ordered]
    laid_out = lines(table, [False] * 3 + [True] * 8, gaps=[2, 2, 2] + [1] * 7)
    out.append((laid_out[0], bold))
    group = None
    for row, line in zip(ordered, laid_out[1:], strict=True):
        if row.framework != group:
            group = row.framework
            size = sum(1 for r in ordered if r.framework == group)
            out.append((f"  {group}: {plural(size, 'programme')}", "dim"))
        out.append((line, plain))
    legend = (
        "act, mea, ind: actions, measures and indicators; omit: figures left out on "
        "purpose; err, warn, info: validation findings; expl: findings explained."
    )
    out += [(line, "dim") for line in wrap(legend, indent=2)]

    widest = shared_metrics(found)
    shared = [m.code for m in widest]
    places = {m.code: len(m.places) for m in widest}
    out += [("", plain), (f"Metrics two or more programmes share: {len(shared)}", bold)]
    intro = (
        "The metrics shared by the most places first. Each figure as written, its kind, "
        "its period or the date it was taken, and whether it is alike to the others. * "
        "marks a running total (累计). For the interval each implies, and why figures are "
        "not alike, run unitedfront compare METRIC -f json."
    )
    out += [(line, plain) for line in wrap(intro)]
    if not shared:
        return out
    _, figures = compared(found, shared)
    held = quantities(found)
    # The interval is left to compare: at fifteen places, 亿 and 万 figures widen it past
    # the report's width, and the figure as written already says what it implies.
    cells = [["place", "kind", "as written", "period or date", "alike"]]
    groups: list[tuple[str, int]] = []
    for code in shared:
        mine = [
            [
                *_without_interval(figure_cells(r, held)),
                "yes" if r["comparable"] == "alike" else "no",
            ]
            for r in figures
            if r["metric"] == code
        ]
        cells += mine
        groups.append((code, len(mine)))
    laid_out = lines(cells, [False] * 5, gaps=[2] * 4, indent=4)
    out += [("", plain), (laid_out[0], bold)]
    at = 1
    for code, count in groups:
        name = get_metric(code).name
        where = plural(places[code], "place")
        heading = f"{code}: {name.en or name.zh} ({name.zh}), {where}"
        if rich.cells.cell_len(heading) > REPORT_WIDTH:
            heading = f"{code}: {name.en or name.zh}, {where}"
        if rich.cells.cell_len(heading) > REPORT_WIDTH:
            heading = f"{code}: {where}"
        out.append((heading, bold))
        out += [(line, plain) for line in laid_out[at : at + count]]
        at += count
    return out


def _without_interval(cells: list[str]) -> list[str]:
    """A comparison row of :func:`figure_cells` without its interval (the fourth cell)."""
    return cells[:3] + cells[4:]


@declare("report")
@with_option()
def command(with_: tuple[Path, ...]) -> None:
    """Summarise and validate every bundled programme, and compare the metrics they share.

    Exits with 1 when a programme has a validation error (see: unitedfront validate).

    Example: unitedfront report
    """
    from importlib.metadata import PackageNotFoundError, version

    from unitedfront._catalogue import summarise
    from unitedfront._validate import validate

    with library_errors():
        found = programmes(with_)
        reports = [validate(p) for p in found]
        rows = [summarise(p, r) for p, r in zip(found, reports, strict=True)]
        try:
            number = version("unitedfront")
        except PackageNotFoundError:  # pragma: no cover - run from a source tree
            number = "(not installed)"
        print_lines(report_lines(found, rows, version=number))
    if not all(r.ok for r in reports):
        raise click.exceptions.Exit(EXIT_FINDINGS)
