"""Properties over whole programmes or files: few examples in the quick run, many in CI's own.

Each example of these builds a programme or writes files and reads them through the whole
library, so the ``ci`` profile's 200 examples of each would take most of the test command's
time. The test command draws 25 of each (enough to run every branch it reaches); the last
step of ``.ci/run`` runs them alone with ``UNITEDFRONT_HEAVY=1``, at the profile's count.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from hypothesis import settings

_T = TypeVar("_T", bound=Callable[..., Any])

#: Whether this run draws the profile's full count of examples for the heavy properties.
THOROUGH = os.environ.get("UNITEDFRONT_HEAVY") == "1"


def heavy(**kwargs: Any) -> Callable[[_T], _T]:
    """``@heavy(...)`` above ``@given``: marks the test ``heavy`` and sets its examples."""
    chosen = settings(**kwargs) if THOROUGH else settings(max_examples=25, **kwargs)

    def decorate(test: _T) -> _T:
        marked: _T = pytest.mark.heavy(chosen(test))
        return marked

    return decorate
