"""Settings shared by the whole test suite."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Two profiles of the properties: "dev" (the default) draws few examples so that the suite
# stays quick to run while working; "ci" draws many, and is what continuous integration
# runs (.ci/run sets HYPOTHESIS_PROFILE=ci). A property that fixes its own max_examples
# keeps it under both. Tests assert behaviour, never speed: an example may take as long as
# a busy machine makes it (speed is measured by the scripts in benchmarks/).
settings.register_profile(
    "dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", settings.get_profile("dev"), max_examples=200, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
