"""``unitedfront indicators ID``: a programme's figures as a table, CSV or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import click

from unitedfront._analysis._columns import INTERVAL_NAMES
from unitedfront._cli.params import (
    EVERY_FIELD,
    ID_HELP,
    argument,
    command as declare,
    format_option,
    programme,
)
from unitedfront._cli.present import Line, emit, library_errors, styled
from unitedfront._model import Theme

if TYPE_CHECKING:
    from unitedfront._model import Programme

#: Columns of ``indicators``, in order.
COLUMNS: Final = (
    "programme",
    "path",
    "action",
    "theme",
    "measure",
    "indicator",
    "indicator_zh",
    "indicator_en",
    "metric",
    "kind",
    "temporal",
    "period",
    "as_of",
    "cumulative",
    "span",
    "scope",
    "text",
    "qualifier",
    *INTERVAL_NAMES,
    "unit",
    "ordinal",
    "interval",
    "source",
    "quote",
)


def records(programme: Programme, theme: Theme | None, metric: str | None) -> list[dict[str, Any]]:
    """A record per figure of the programme, under actions of ``theme``, of ``metric``."""
    out = []
    for ref in programme.iter_indicators():
        ind = ref.indicator
        action_theme = ref.action.theme if ref.action else None
        if theme is not None and action_theme is not theme:
            continue
        if metric is not None and ind.metric != metric:
            continue
        q = ind.quantity
        out.append(
            {
                "programme": programme.id,
                "path": ref.path,
                "action": ref.action.id if ref.action else None,
                "theme": action_theme.value if action_theme else None,
                "measure": ref.measure.id if ref.measure else None,
                "indicator": ind.id,
                "indicator_zh": ind.name.zh,
                "indicator_en": ind.name.en,
                "metric": ind.metric,
                "kind": ind.kind.value,
                "temporal": ind.temporal.value if ind.temporal else None,
                "period": str(ind.period) if ind.period else None,
                "as_of": ind.as_of,
                "cumulative": ind.cumulative,
                "span": ind.span,
                "scope": ind.scope.code if ind.scope else None,
                "text": q.text,
                "qualifier": q.qualifier.value,
                **{name: getattr(q, name) for name in INTERVAL_NAMES},
                "unit": q.unit,
                "ordinal": q.ordinal,
                "interval": str(q.interval),
                "source": ind.evidence.source,
                "quote": ind.evidence.quote,
            }
        )
    return out


@declare("indicators")
@argument("id", "ID", ID_HELP)
@click.option(
    "--theme",
    "-t",
    type=click.Choice([t.value for t in Theme]),
    metavar="THEME",
    help="Only figures under actions of this theme (see: unitedfront themes).",
)
@click.option(
    "--metric",
    "-m",
    metavar="METRIC",
    help="Only figures of this metric code (see: unitedfront metrics).",
)
@format_option(EVERY_FIELD)
def command(id: str, theme: str | None, metric: str | None, output_format: str) -> None:
    """List a programme's figures: the quantity as written, its interval and its quote.

    Example: unitedfront indicators linyi-2024 --theme advice
    """
    from unitedfront._metrics import get_metric

    with library_errors():
        chosen = programme(id)
        if metric is not None:
            get_metric(metric)
    rows = records(chosen, Theme(theme) if theme else None, metric)

    def table(width: int) -> list[Line]:
        cells = [["as written", "interval", "kind", "indicator"]]
        for r in rows:
            name = r["indicator_en"] or r["indicator_zh"]
            code = f" [{r['metric']}]" if r["metric"] else ""
            cells.append([r["text"], r["interval"], r["kind"], f"{r['indicator']}: {name}{code}"])
        return styled(cells, [False] * 4, gaps=[2] * 3, width=width)

    emit(output_format, COLUMNS, rows, table, f"{chosen.id}: no figure matches")
