"""Settings shared by the whole test suite."""

from __future__ import annotations

import pytest
from hypothesis import settings

from unitedfront._parse import _parse_cached
from unitedfront._quantity import _DECIMALS

# Tests assert behaviour, never speed: a property's examples may take as long as a busy
# machine makes them (speed is measured by the scripts in benchmarks/).
settings.register_profile("unitedfront", deadline=None)
settings.load_profile("unitedfront")


@pytest.fixture(autouse=True)
def _parser_caches_emptied() -> None:
    """Each test reads its quantities afresh: the parser remembers recent short texts and
    figures, and a text read by an earlier test must not stand in for the reading itself."""
    _parse_cached.cache_clear()
    _DECIMALS.clear()
