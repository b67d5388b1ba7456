"""Settings shared by the whole test suite."""

from __future__ import annotations

from hypothesis import settings

# Tests assert behaviour, never speed: a property's examples may take as long as a busy
# machine makes them (speed is measured by the scripts in benchmarks/).
settings.register_profile("unitedfront", deadline=None)
settings.load_profile("unitedfront")
