"""``unitedfront compare METRIC``: :func:`unitedfront.compare`'s rows, place beside place."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from unitedfront._cli.params import (
    EVERY_FIELD,
    argument,
    command as declare,
    format_option,
    programmes,
    with_option,
)
from unitedfront._cli.present import Line, emit, library_errors, styled
from unitedfront._model import IndicatorKind

if TYPE_CHECKING:
    from unitedfront._model import Programme
    from unitedfront._quantity import Quantity


def compared(
    found: Sequence[Programme], metrics: str | Iterable[str], kind: str | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns and rows of :func:`unitedfront.compare`, every column it gives, in order.

    Figures are the model's own decimals (``287.10`` stays ``287.10``); the frame holds
    them at a fixed scale.
    """
    from unitedfront._analysis import compare

    table = compare(list(found), metrics, kind=kind, backend="pyarrow")
    held = quantities(found)
    rows: list[dict[str, Any]] = table.to_pylist()
    for row in rows:
        q = held[row["programme"], row["indicator"]]
        for name in ("value", "low", "high"):
            if row.get(name) is not None:
                row[name] = getattr(q, name)
    return list(table.column_names), rows


def quantities(found: Iterable[Programme]) -> dict[tuple[str, str], Quantity]:
    """Every figure of the programmes by programme id and indicator id."""
    return {
        (p.id, ref.indicator.id): ref.indicator.quantity
        for p in found
        for ref in p.iter_indicators()
    }


def when(row: dict[str, Any]) -> str:
    """The period of a figure, or the date it was taken when the source gives one."""
    if row["as_of"]:
        return f"as of {row['as_of'].isoformat()}"
    return str(row["period"]) if row["period"] else "not dated"


def figure_cells(row: dict[str, Any], held: dict[tuple[str, str], Quantity]) -> list[str]:
    """Place, kind, the figure as written (``*``: a running total), interval, date."""
    text = row["text"] + ("*" if row["cumulative"] else "")
    place = row["jurisdiction_en"] or row["jurisdiction_zh"]
    interval = str(held[row["programme"], row["indicator"]].interval)
    return [place, row["kind"], text, interval, when(row)]


def verdict(row: dict[str, Any]) -> str:
    """The first word of a row's ``comparable``: alike, alone or unlike."""
    return str(row["comparable"]).split(" ", 1)[0]


@declare("compare")
@argument("metric", "METRIC", "A metric code of the vocabulary (see: unitedfront metrics).")
@click.option(
    "--kind",
    "-k",
    type=click.Choice([k.value for k in IndicatorKind]),
    metavar="KIND",
    help=f"Only figures of this kind: {', '.join(k.value for k in IndicatorKind)}.",
)
@with_option()
@format_option(EVERY_FIELD)
def command(metric: str, kind: str | None, with_: tuple[Path, ...], output_format: str) -> None:
    """Compare one metric across the bundled programmes: every figure, place beside place.

    A figure marked * is a running total (累计). Figures are never combined. The rows and
    columns are those of unitedfront.compare; the last says whether a figure is alike to
    the others (--format json gives why not).

    Example: unitedfront compare enterprises_visited
    """
    with library_errors():
        found = programmes(with_)
        columns, rows = compared(found, metric, kind)
    held = quantities(found)

    def table(width: int) -> list[Line]:
        cells = [["place", "kind", "as written", "interval", "period or date", "programme"]]
        cells[0].append("comparable")
        cells += [[*figure_cells(r, held), r["programme"], verdict(r)] for r in rows]
        return styled(cells, [False] * 7, gaps=[2] * 6, width=width)

    empty = f"no programme has a figure of {metric!r}"
    emit(output_format, columns, rows, table, empty)
