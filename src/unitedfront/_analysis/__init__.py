"""Analysis across programmes: indicator frames, comparisons, roll-ups and composite indices.

Every function here takes programmes or a frame shaped like :func:`to_frame`'s, and works
on pandas, polars, pyarrow, DuckDB and Dask frames alike (through narwhals), giving back
the kind of frame it was given.
"""

from __future__ import annotations

from unitedfront._analysis._compare import compare, coverage
from unitedfront._analysis._export import write
from unitedfront._analysis._frame import checklist, float_view, to_frame
from unitedfront._analysis._index import composite_index, sensitivity
from unitedfront._analysis._rollup import rollup
from unitedfront._analysis._scan import scan

__all__ = [
    "checklist",
    "compare",
    "composite_index",
    "coverage",
    "float_view",
    "rollup",
    "scan",
    "sensitivity",
    "to_frame",
    "write",
]
