"""The optional dependencies of the analysis functions, checked before they are imported."""

from __future__ import annotations

from importlib.util import find_spec

from unitedfront.errors import MissingExtraError

__all__ = ["need"]

#: The extra that installs each optional package.
_EXTRAS = {
    "pyarrow": "pyarrow",
    "narwhals": "pyarrow",
    "pandas": "pandas",
    "polars": "polars",
    "duckdb": "duckdb",
    "dask": "dask",
    "matplotlib": "plot",
}


def need(*packages: str, purpose: str) -> None:
    """Raise :class:`MissingExtraError` naming the extra for the first package not installed."""
    for package in packages:
        if find_spec(package) is None:
            raise MissingExtraError(package, _EXTRAS.get(package, package), purpose)
