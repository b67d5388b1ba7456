"""Frames in and out: the indicator frame, the checklist, and the caller's kind of frame.

Every analysis function takes either programmes or a frame shaped like :func:`to_frame`'s,
works on it through narwhals, and hands back the kind of frame it was given (a pandas,
polars or pyarrow frame, a polars ``LazyFrame``, a DuckDB relation or a Dask frame).
Programmes are first turned into a frame of the ``backend`` asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

import attrs

from unitedfront._analysis._columns import (
    DECIMAL_NAMES,
    FRAME_COLUMNS,
    Column,
    arrow_schema,
    as_programmes,
    decimal_array,
    indicator_columns,
    is_programmes,
)
from unitedfront._analysis._deps import need
from unitedfront._model import Programme
from unitedfront.errors import AnalysisError

if TYPE_CHECKING:
    import narwhals as nw
    import pyarrow as pa

__all__ = [
    "CHECKLIST_COLUMNS",
    "Backend",
    "Input",
    "check_backend",
    "checklist",
    "float_view",
    "frame_rows",
    "from_arrow",
    "read_input",
    "to_frame",
]

#: The frame libraries :func:`to_frame` can build.
Backend = Literal["pandas", "polars", "pyarrow"]
BACKENDS: Final[tuple[str, ...]] = get_args(Backend)


def check_backend(backend: str, *, installed: bool = True) -> Backend:
    """The backend name, checked; an unknown one raises :class:`AnalysisError`.

    With ``installed``, a backend that is not installed raises ``MissingExtraError``.
    """
    if backend not in BACKENDS:
        raise AnalysisError(
            f"unknown backend {backend!r}; choose one of {', '.join(map(repr, BACKENDS))}"
        )
    if installed:
        need(backend, purpose=f"a {backend} frame")
    return backend  # type: ignore[return-value]


def from_arrow(table: pa.Table, backend: Backend) -> Any:
    """An Arrow table as a frame of the backend.

    pandas frames get pyarrow-backed dtypes, but for dictionary-encoded columns, which
    become ``Categorical`` with their categories sorted (so that sorting by one sorts by
    its text); polars makes those ``Categorical``.
    """
    if backend == "pyarrow":
        return table
    if backend == "polars":
        import polars as pl

        return pl.from_arrow(table)
    import pandas as pd
    import pyarrow as pa

    frame = table.to_pandas(types_mapper=pd.ArrowDtype)
    for i, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type):
            frame[field.name] = _categorical(table.column(i), frame.index)
    return frame


def _categorical(column: pa.ChunkedArray, index: Any) -> Any:
    """A dictionary-encoded column as a pandas ``Categorical`` series whose categories are
    its texts, sorted and pyarrow-backed (missing values are ``<NA>`` as elsewhere)."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    # The chunks' dictionaries unified into one.
    whole = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    order = pc.sort_indices(whole.dictionary)
    rank = np.empty(len(order), np.int32)
    rank[order.to_numpy()] = np.arange(len(order), dtype=np.int32)
    codes = np.full(len(whole), -1, np.int32)
    valid = whole.is_valid().to_numpy(zero_copy_only=False)
    codes[valid] = rank[whole.indices.filter(whole.is_valid()).to_numpy()]
    texts = pc.take(whole.dictionary, order).cast(pa.string())
    categories = pd.Index(pd.arrays.ArrowExtensionArray(texts))
    values = pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(categories))
    return pd.Series(values, index=index, copy=False)


def _where(programmes: tuple[Programme, ...]) -> Iterator[str]:
    for programme in programmes:
        for ref in programme.iter_indicators():
            yield f"programme {programme.id!r}, {ref.path}"


def indicator_table(programmes: tuple[Programme, ...]) -> pa.Table:
    """The indicator frame of these programmes as one Arrow table, built column by column."""
    need("pyarrow", purpose="an indicator frame")
    import pyarrow as pa

    columns = indicator_columns(programmes)
    schema = arrow_schema(FRAME_COLUMNS)
    arrays = [
        decimal_array(columns[f.name], f.name, _where(programmes), "figure")
        if f.name in DECIMAL_NAMES
        else pa.array(columns[f.name], type=f.type)  # dictionary types encoded as built
        for f in schema
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def to_frame(programmes: Programme | Iterable[Programme], backend: Backend = "pandas") -> Any:
    """One row per indicator of the programmes, with its place, period, action and figure.

    The columns and their types are listed in the documentation (``docs/analysis.md``) and
    below. Figures (``value``, ``low``, ``high``) are exact decimals, never floats: Arrow
    ``decimal128(18, 4)``, polars ``Decimal(18, 4)``, and in pandas the pyarrow-backed
    ``decimal128(18, 4)[pyarrow]`` dtype (pandas columns are pyarrow-backed). They
    compute in every backend (``frame["value"] + 1``, ``/ 2``, ``frame["high"] -
    frame["low"]`` stay exact decimals); for the summaries pandas and Dask keep to floats
    (``describe()``, ``select_dtypes("number")``, a Dask ``mean()``), :func:`float_view`
    gives the figures as floats. A figure with more than 14 digits before the point or
    more than 4 after it is refused with :class:`AnalysisError` rather than rounded. The
    frame is built once as an Arrow table and converted.

    Texts that repeat over rows (every text column but ``indicator`` and ``quote``) are
    held once each: Arrow dictionary columns, polars ``Categorical``, and in pandas
    ``Categorical`` columns whose categories are the texts, sorted, so that sorting goes
    by text. The analysis functions read them as texts.

    Args:
        programmes: A programme or an iterable of programmes.
        backend: ``"pandas"`` (the default), ``"polars"`` or ``"pyarrow"``.

    Returns:
        A ``pandas.DataFrame``, ``polars.DataFrame`` or ``pyarrow.Table``.

    >>> from unitedfront import datasets
    >>> frame = to_frame(datasets.load("linyi-2024"))
    >>> frame["value"].dtype
    decimal128(18, 4)[pyarrow]
    >>> frame["text"].iloc[4], frame["high"].iloc[4] - frame["low"].iloc[4]
    ('470余条', Decimal('10.0000'))
    >>> (frame["value"] / 2).iloc[0]
    Decimal('31.500000000000000000000000')
    """
    chosen = check_backend(backend)
    return from_arrow(indicator_table(as_programmes(programmes)), chosen)


def float_view(data: Any, backend: Backend = "pandas") -> Any:
    """The frame with its decimal columns as floats: a view for summaries and plots.

    Figures stay exact decimals in every frame the library builds, and compute in every
    backend. Some summaries keep to floats: pandas' ``describe()`` and
    ``select_dtypes("number")`` skip decimal columns, and Dask cannot take a decimal
    column's ``mean()``. This view gives every decimal column (``value``, ``low``,
    ``high``, a roll-up's sums) as ``float64``, in the kind of frame it was given.
    Floats round (``0.1`` is not exactly a float): report and add up the exact figures,
    and use the view to look at them; the analysis functions that add figures refuse it.

    Args:
        data: A frame (pandas, polars, pyarrow, DuckDB, Dask), or programmes, which are
            first made into a frame of ``backend`` by :func:`to_frame`.
        backend: The backend of the frame made from programmes.

    Returns:
        The same kind of frame, the same columns in the same order.

    >>> from unitedfront import datasets
    >>> frame = to_frame(datasets.load("linyi-2024"))
    >>> float_view(frame)[["value", "low", "high"]].describe().loc["count"].tolist()
    [50.0, 50.0, 50.0]
    >>> float_view(frame)["value"].tolist()[:3]
    [63.0, 220.0, 350.0]
    """
    import narwhals as nw

    given = read_input(data, backend, needs=(), purpose="float_view", as_text=False)
    schema = given.frame.collect_schema()
    decimals = [name for name, dtype in schema.items() if dtype.is_decimal()]
    frame = given.frame.with_columns(*(nw.col(name).cast(nw.Float64) for name in decimals))
    return given.lazy_to_kind(frame)


# --------------------------------------------------------------------------- input frames


Kind = Literal["pandas", "polars", "polars-lazy", "pyarrow", "duckdb", "dask", "other"]


@attrs.frozen(slots=True)
class Input:
    """A frame to analyse, as a narwhals ``LazyFrame``, and the kind of frame to give back."""

    frame: nw.LazyFrame[Any]
    kind: Kind
    native: Any
    """What the caller passed, or the frame made from their programmes."""

    @property
    def columns(self) -> list[str]:
        """The frame's column names."""
        return self.frame.collect_schema().names()

    def to_kind(self, table: pa.Table) -> Any:
        """An Arrow table as the caller's kind of frame."""
        return to_kind(table, self.kind, self.frame)

    def lazy_to_kind(self, frame: nw.LazyFrame[Any]) -> Any:
        """A narwhals frame derived from the input as the caller's kind of frame.

        Lazy inputs (DuckDB, Dask, polars ``LazyFrame``) stay lazy; eager ones are collected.
        """
        if self.kind in ("duckdb", "dask", "polars-lazy"):
            return frame.to_native()
        return frame.collect().to_native()


def _kind_of(frame: nw.DataFrame[Any] | nw.LazyFrame[Any]) -> Kind:
    import narwhals as nw

    impl = frame.implementation
    lazy = isinstance(frame, nw.LazyFrame)
    if impl is nw.Implementation.POLARS:
        return "polars-lazy" if lazy else "polars"
    names: dict[nw.Implementation, Kind] = {
        nw.Implementation.PANDAS: "pandas",
        nw.Implementation.PYARROW: "pyarrow",
        nw.Implementation.DUCKDB: "duckdb",
        nw.Implementation.DASK: "dask",
    }
    return names.get(impl, "other")


def read_input(
    data: Any, backend: str, *, needs: Iterable[str], purpose: str, as_text: bool = True
) -> Input:
    """Programmes or a frame, as an :class:`Input`; a frame lacking a needed column is refused.

    Args:
        data: A programme, an iterable of programmes, or a frame shaped like ``to_frame``'s.
        backend: The backend to build the frame in when ``data`` is programmes.
        needs: The columns the caller needs.
        purpose: What the data is for, for error messages (``"compare"``).
        as_text: Whether categorical columns (the frame's dictionary-encoded ones) are
            read as plain text, so that the analysis works on texts in every backend
            (string methods, joins and sorting by text); its results hold plain texts.
    """
    need("narwhals", "pyarrow", purpose=purpose)
    import narwhals as nw

    # The backend only matters (and must only be installed) when data is programmes.
    chosen = check_backend(backend, installed=False)
    if is_programmes(data):
        native = from_arrow(indicator_table(as_programmes(data)), check_backend(chosen))
    else:
        native = data
    try:
        frame = nw.from_native(native)
    except TypeError:
        if isinstance(data, Iterable) and not isinstance(data, str | bytes):
            native = from_arrow(indicator_table(as_programmes(data)), check_backend(chosen))
            frame = nw.from_native(native)
        else:
            raise AnalysisError(
                f"{purpose} takes programmes or a frame made by unitedfront.to_frame, "
                f"not a {type(data).__name__}"
            ) from None
    kind = _kind_of(frame)
    lazy = frame.lazy() if isinstance(frame, nw.DataFrame) else frame
    if as_text:
        lazy = _as_text(lazy, kind)
    present = set(lazy.collect_schema().names())
    missing = [name for name in needs if name not in present]
    if missing:
        raise AnalysisError(
            f"{purpose} needs the column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(map(repr, missing))}, which the frame lacks; "
            "make the frame with unitedfront.to_frame"
        )
    return Input(lazy, kind, native)


def _as_text(frame: nw.LazyFrame[Any], kind: Kind) -> nw.LazyFrame[Any]:
    """The frame with its categorical columns as texts (pyarrow-backed in pandas and Dask)."""
    import narwhals as nw

    schema = frame.collect_schema()
    names = [n for n, dtype in schema.items() if dtype == nw.Categorical or dtype == nw.Enum]
    if not names:
        return frame
    if kind in ("pandas", "dask"):
        import pandas as pd
        import pyarrow as pa

        native: Any = frame.to_native()
        text = pd.ArrowDtype(pa.string())
        converted = nw.from_native(native.astype(dict.fromkeys(names, text)))
        return converted.lazy() if isinstance(converted, nw.DataFrame) else converted
    return frame.with_columns(nw.col(*names).cast(nw.String))


def to_kind(table: pa.Table, kind: Kind, like: nw.LazyFrame[Any] | None = None) -> Any:
    """An Arrow table as a frame of the given kind.

    DuckDB relations are made on DuckDB's default connection; Dask frames have one
    partition (the results of the analysis functions are small).
    """
    if kind in ("pyarrow", "polars", "pandas"):
        return from_arrow(table, kind)
    if kind == "polars-lazy":
        return from_arrow(table, "polars").lazy()
    if kind == "duckdb":
        import duckdb

        return duckdb.from_arrow(table)
    if kind == "dask":
        import dask.dataframe as dd

        from_pandas: Any = dd.from_pandas  # dask is untyped
        return from_pandas(from_arrow(table, "pandas"), npartitions=1)
    import narwhals as nw

    if like is None:  # pragma: no cover - only reached through an Input
        return table
    # Another narwhals backend: let narwhals convert.
    eager = nw.from_native(table, eager_only=True)
    try:
        return eager.lazy(backend=like.implementation).to_native()
    except (TypeError, ValueError, NotImplementedError) as exc:
        raise AnalysisError(
            f"cannot give the result back as a {like.implementation} frame: {exc}"
        ) from exc


def frame_rows(frame: Any) -> list[dict[str, Any]]:
    """The rows of any frame narwhals knows (lazy ones are collected), as dicts."""
    import narwhals as nw

    data = nw.from_native(frame)
    eager = data.collect() if isinstance(data, nw.LazyFrame) else data
    out: list[dict[str, Any]] = eager.to_arrow().to_pylist()
    return out


# --------------------------------------------------------------------------- checklist


def _c(name: str, type: Any, description: str) -> Column:
    return Column(name, type, description)


#: The columns of :func:`checklist`, in order.
CHECKLIST_COLUMNS: Final[tuple[Column, ...]] = (
    _c("programme", "string", "Id of the programme."),
    _c("jurisdiction", "string", "GB/T 2260 code of the programme's jurisdiction."),
    _c("action", "string", "Id of the action the measure sits under."),
    _c("action_zh", "string", "Chinese name of the action."),
    _c("action_en", "string", "English name of the action, if given."),
    _c("theme", "string", "Canonical theme of the action."),
    _c("measure", "string", "Id of the measure."),
    _c("measure_zh", "string", "Chinese name of the measure."),
    _c("measure_en", "string", "English name of the measure, if given."),
    _c("category", "string", "mechanism, platform, activity or other."),
    _c("lead", "strings", "Chinese names of the lead bodies (the measure's, else its action's)."),
    _c("lead_en", "strings", "English names of the lead bodies, where given."),
    _c("partners", "strings", "Chinese names of the partner bodies."),
    _c("initiatives", "strings", "Chinese names of the named initiatives and brands."),
    _c("due", "date", "The date the measure is due, if the source gives one."),
    _c("status", "string", "planned, in_progress, ongoing or done, if the source says."),
    _c("indicators", "int32", "How many figures the measure carries."),
)


def checklist(programme: Programme | Iterable[Programme], backend: Backend = "pandas") -> Any:
    """The measures as a checklist (清单): action, lead bodies, due date and status.

    One row per measure in document order. Where a measure names no lead body of its own,
    the lead bodies of its action stand in (the action leads all its measures).

    Args:
        programme: A programme, or an iterable of programmes.
        backend: ``"pandas"`` (the default), ``"polars"`` or ``"pyarrow"``.

    >>> from unitedfront import datasets
    >>> table = checklist(datasets.load("weihai-2024"), backend="pyarrow")
    >>> table.num_rows, table.column("measure").to_pylist()[0]
    (52, 'advice-working-system')
    >>> table.column("lead_en").to_pylist()[0]
    ['Office of the United Front Work Leading Group of the CPC Weihai Municipal Committee']
    """
    chosen = check_backend(backend)
    import pyarrow as pa

    rows: dict[str, list[Any]] = {c.name: [] for c in CHECKLIST_COLUMNS}
    for p in as_programmes(programme):
        for action, measure in p.iter_measures():
            lead = measure.lead or action.lead
            values = (
                p.id,
                p.jurisdiction.code,
                action.id,
                action.name.zh,
                action.name.en,
                action.theme.value,
                measure.id,
                measure.name.zh,
                measure.name.en,
                measure.category.value,
                [body.zh for body in lead],
                [body.en for body in lead],
                [body.zh for body in measure.partners],
                [i.zh for i in measure.initiatives],
                measure.due,
                None if measure.status is None else measure.status.value,
                len(measure.indicators),
            )
            for column, value in zip(rows.values(), values, strict=True):
                column.append(value)
    schema = arrow_schema(CHECKLIST_COLUMNS)
    table = pa.Table.from_arrays(
        [pa.array(rows[f.name], type=f.type) for f in schema], schema=schema
    )
    return from_arrow(table, chosen)
