"""Building programmes and reading roll-up rows, for the roll-up tests."""

from __future__ import annotations

from typing import Any

import unitedfront as uf
from tests._examples import programme_with, rows
from unitedfront import Programme

Figure = str | uf.Quantity | dict[str, Any]


def programme(
    where: str | dict[str, Any],
    *,
    id: str | None = None,
    period: str = "2024",
    **figures: Figure | list[Figure],
) -> Programme:
    """A programme of the place ``where`` (a place key, also its id unless ``id`` is given).

    Each keyword is a metric code; its value is a figure or a list of them, a figure being
    its quantity (text or ``Quantity``) or a dict of its quantity and further fields. A
    figure given no time is a flow over ``period``.
    """
    data = []
    for metric, listed in figures.items():
        for figure in listed if isinstance(listed, list) else [listed]:
            fields = figure if isinstance(figure, dict) else {"quantity": figure}
            if not {"period", "as_of", "cumulative", "temporal"} & set(fields):
                # A figure given no time covers the programme's period, as a flow.
                fields = {**fields, "period": period}
            data.append({"metric": metric, **fields})
    if id is None:
        assert isinstance(where, str)
        id = where
    return programme_with(id, where, data, period=period)


def rollup_rows(data: Any, **options: Any) -> list[dict[str, Any]]:
    """The rows of ``rollup`` over programmes or a frame, on pyarrow.

    These rows are for testing the roll-up's arithmetic and its rules across time and
    places, so unlike figures are accepted unless ``unlike`` is given: their refusal is
    pinned in tests/test_alike.py.
    """
    options.setdefault("unlike", "accept")
    return rows(uf.rollup(data, backend="pyarrow", **options))


def row(result: list[dict[str, Any]], metric: str, **match: Any) -> dict[str, Any]:
    """The one row of ``metric`` whose columns have the values of ``match``."""
    found = [
        r for r in result if r["metric"] == metric and all(r[k] == v for k, v in match.items())
    ]
    assert len(found) == 1, found
    return found[0]


def interval_of(row: dict[str, Any]) -> tuple[Any, ...]:
    """A row's total as (value, low, high, low_inclusive, high_inclusive)."""
    return (row["value"], row["low"], row["high"], row["low_inclusive"], row["high_inclusive"])
