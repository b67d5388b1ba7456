"""Look-ups and checks the tests of the bundled datasets share.

Each look-up asserts what it finds, so that a test reads as the facts it checks.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from unitedfront import Indicator, IndicatorRef, Measure, Programme, get_metric, unit_kind


def by_metric(programme: Programme, code: str) -> Indicator:
    """The one indicator of the programme that carries this metric."""
    found = [ref.indicator for ref in programme.iter_indicators() if ref.indicator.metric == code]
    assert len(found) == 1, f"{code}: {[i.id for i in found]}"
    return found[0]


def indicator(programme: Programme, id: str) -> Indicator:
    """The indicator with this id."""
    found = programme.find(id)
    assert isinstance(found, Indicator), f"{id} is not an indicator"
    return found


def indicator_ref(programme: Programme, id: str) -> IndicatorRef:
    """The indicator with this id, with the action and measure it sits under."""
    [ref] = [r for r in programme.iter_indicators() if r.indicator.id == id]
    return ref


def measure(programme: Programme, id: str) -> Measure:
    """The measure with this id."""
    found = programme.find(id)
    assert isinstance(found, Measure), f"{id} is not a measure"
    return found


def repeated_metrics(programme: Programme) -> list[tuple[Any, ...]]:
    """Each (metric, period, scope) that more than one indicator gives a value for."""
    keys = Counter(
        (ref.indicator.metric, str(ref.indicator.period), ref.indicator.scope)
        for ref in programme.iter_indicators()
        if ref.indicator.metric is not None
    )
    return [key for key, n in keys.items() if n > 1]


def misfit_units(programme: Programme) -> list[str]:
    """The paths of the indicators whose unit is not of the kind their metric takes."""
    return [
        ref.path
        for ref in programme.iter_indicators()
        if ref.indicator.metric is not None
        and unit_kind(ref.indicator.quantity) != get_metric(ref.indicator.metric).unit_kind
    ]
