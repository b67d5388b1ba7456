"""The indicator frame written directly in polars: the baseline for ``to_frame``.

What a user would write without the library's help: walk every programme's indicators,
make one tuple per row, and hand the rows to polars with a schema. The frame it makes has
the same columns, types and values as ``unitedfront.to_frame(programmes, backend="polars")``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from unitedfront import Programme

__all__ = ["SCHEMA", "polars_frame"]

_S, _C, _D, _B = pl.String, pl.Categorical, pl.Date, pl.Boolean
_N = pl.Decimal(18, 4)
SCHEMA: dict[str, Any] = {
    "programme": _C,
    "jurisdiction": _C,
    "jurisdiction_zh": _C,
    "jurisdiction_en": _C,
    "province": _C,
    "period_start": _D,
    "period_end": _D,
    "period": _C,
    "as_of": _D,
    "temporal": _C,
    "year": pl.Int32,
    "action": _C,
    "action_zh": _C,
    "action_en": _C,
    "theme": _C,
    "measure": _C,
    "measure_zh": _C,
    "measure_en": _C,
    "indicator": _S,
    "indicator_zh": _C,
    "indicator_en": _C,
    "metric": _C,
    "kind": _C,
    "text": _C,
    "qualifier": _C,
    "value": _N,
    "low": _N,
    "high": _N,
    "low_inclusive": _B,
    "high_inclusive": _B,
    "unit": _C,
    "ordinal": _B,
    "cumulative": _B,
    "span": _C,
    "scope": _C,
    "scope_zh": _C,
    "scope_en": _C,
    "source": _C,
    "quote": _S,
    "path": _C,
}


def polars_frame(programmes: Iterable[Programme]) -> pl.DataFrame:
    """One row per indicator, built row by row and handed to polars."""
    rows = []
    for p in programmes:
        j = p.jurisdiction
        head = (p.id, j.code, j.name.zh, j.name.en, j.province_code)
        for ref in p.iter_indicators():
            ind, action, measure = ref.indicator, ref.action, ref.measure
            q, period, scope, evidence = (
                ind.quantity,
                ind.period,
                ind.scope,
                ind.evidence,
            )
            when = ind.as_of or (None if period is None else period.end)
            year = None if when is None else when.year
            rows.append(
                (
                    *head,
                    None if period is None else period.start,
                    None if period is None else period.end,
                    None if period is None else str(period),
                    ind.as_of,
                    None if ind.temporal is None else ind.temporal.value,
                    year,
                    None if action is None else action.id,
                    None if action is None else action.name.zh,
                    None if action is None else action.name.en,
                    None if action is None else action.theme.value,
                    None if measure is None else measure.id,
                    None if measure is None else measure.name.zh,
                    None if measure is None else measure.name.en,
                    ind.id,
                    ind.name.zh,
                    ind.name.en,
                    ind.metric,
                    ind.kind.value,
                    q.text,
                    q.qualifier.value,
                    q.value,
                    q.low,
                    q.high,
                    q.low_inclusive,
                    q.high_inclusive,
                    q.unit,
                    q.ordinal,
                    ind.cumulative,
                    ind.span,
                    None if scope is None else scope.code,
                    None if scope is None else scope.name.zh,
                    None if scope is None else scope.name.en,
                    evidence.source,
                    evidence.quote,
                    ref.path,
                )
            )
    return pl.DataFrame(rows, schema=SCHEMA, orient="row")
