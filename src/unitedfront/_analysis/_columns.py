"""The indicator frame: its columns, their types, and the rows read from programmes.

The column lists of :func:`~unitedfront.compare` and :func:`~unitedfront.coverage` are
here too, so that the command line can name them without the frame libraries.

The rows are gathered once into plain Python columns (lists); :func:`to_frame` turns them
into an Arrow table in one step, and the exports write them as text without passing through
a decimal type, so that figures keep the form they were written in (``287.10``).
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from unitedfront._model import Action, Indicator, Measure, Programme
from unitedfront.errors import AnalysisError

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "COMPARE_COLUMNS",
    "COVERAGE_COLUMNS",
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "FIGURE_PRECISION",
    "FIGURE_SCALE",
    "FRAME_COLUMNS",
    "INTERVAL_NAMES",
    "Column",
    "arrow_schema",
    "arrow_type",
    "as_programmes",
    "build_table",
    "decimal_array",
    "dictionary_take",
    "encoded",
    "indicator_columns",
    "is_programmes",
]

#: Sums and other computed figures are held as ``decimal128(DECIMAL_PRECISION,
#: DECIMAL_SCALE)``: 28 digits before the point and 10 after, room for any sum.
DECIMAL_PRECISION: Final = 38
DECIMAL_SCALE: Final = 10

#: The figures of the indicator frame (``value``, ``low``, ``high``) are held as
#: ``decimal128(FIGURE_PRECISION, FIGURE_SCALE)``: 14 digits before the point (up to
#: 99万亿) and 4 after it (a percentage with two decimals under 约 or 近 needs three).
#: Eighteen digits leave room for arithmetic in every backend: Arrow, and pandas and Dask
#: through it, widen the type of a sum, product or quotient, and refuse one beyond 38
#: digits (``decimal128(18, 4) / 2`` is ``decimal128(38, 24)``). A figure that does not
#: fit is refused with :class:`AnalysisError`, never rounded.
FIGURE_PRECISION: Final = 18
FIGURE_SCALE: Final = 4

#: A column's type. ``category`` and ``choice`` hold each distinct text once, every row
#: pointing to its text (Arrow dictionary encoding): ``category`` for a text that repeats
#: over the rows of a programme, action, measure, source or metric (a 32-bit index: any
#: number of distinct texts), ``choice`` for a value of one of the model's enumerations
#: (an 8-bit index: at most 127 values). ``string`` is a text of its own in each row.
ColumnType = Literal[
    "string",
    "category",
    "choice",
    "date",
    "int32",
    "decimal",
    "figure",
    "bool",
    "float64",
    "int64",
    "strings",
]


@attrs.frozen(slots=True)
class Column:
    """One column of a frame the library returns: its name, type and meaning."""

    name: str
    type: ColumnType
    description: str


def _c(name: str, type: ColumnType, description: str) -> Column:
    return Column(name, type, description)


#: The columns of :func:`unitedfront.to_frame`, in order.
#: The columns of a figure's interval, in every table that carries one.
INTERVAL_NAMES: Final[tuple[str, ...]] = ("value", "low", "high", "low_inclusive", "high_inclusive")

FRAME_COLUMNS: Final[tuple[Column, ...]] = (
    _c("programme", "category", "Id of the programme the figure belongs to."),
    _c("jurisdiction", "category", "GB/T 2260 code of the programme's jurisdiction."),
    _c("jurisdiction_zh", "category", "Chinese name of the programme's jurisdiction."),
    _c("jurisdiction_en", "category", "English name of the programme's jurisdiction, if given."),
    _c("province", "category", "Code of the province the programme's jurisdiction lies in."),
    _c("period_start", "date", "First day of the figure's own period; empty when it has none."),
    _c("period_end", "date", "Last day of the figure's own period; empty when it has none."),
    _c("period", "category", "The period as ISO 8601 text (2024, 2023-01/2023-06); empty if none."),
    _c("as_of", "date", "The date a stock was taken or a running total reached, if given."),
    _c("temporal", "choice", "flow, running_total or snapshot; empty when the source says not."),
    _c("year", "int32", "The year of as_of, else of period_end; empty for an undated figure."),
    _c("action", "category", "Id of the action the figure sits under; empty if programme-wide."),
    _c("action_zh", "category", "Chinese name of the action."),
    _c("action_en", "category", "English name of the action, if given."),
    _c("theme", "choice", "Canonical theme of the action (advice, innovation, ...)."),
    _c("measure", "category", "Id of the measure the figure sits under, if any."),
    _c("measure_zh", "category", "Chinese name of the measure."),
    _c("measure_en", "category", "English name of the measure, if given."),
    _c("indicator", "string", "Id of the indicator, unique within its programme."),
    _c("indicator_zh", "category", "Chinese name of the indicator."),
    _c("indicator_en", "category", "English name of the indicator, if given."),
    _c("metric", "category", "Code of the metric the figure counts, from the metric vocabulary."),
    _c("kind", "choice", "actual, target, baseline, statistic, rank or structure."),
    _c("text", "category", "The quantity exactly as written in the source: 470余条."),
    _c("qualifier", "choice", "How the figure relates to the number written: exact, more_than..."),
    _c("value", "figure", "The number written, magnitude words applied."),
    _c("low", "figure", "Lower bound of what the figure implies; empty when unbounded below."),
    _c("high", "figure", "Upper bound of what the figure implies; empty when unbounded above."),
    _c("low_inclusive", "bool", "Whether the lower bound itself is included."),
    _c("high_inclusive", "bool", "Whether the upper bound itself is included."),
    _c("unit", "category", "Measure word in simplified script (家, 条, 元, %), if any."),
    _c("ordinal", "bool", "Whether the figure is an ordinal (第N): a rank or an edition."),
    _c("cumulative", "bool", "Whether the figure is a running total (累计, 连续, 今年以来)."),
    _c("span", "category", "Length of a running total as ISO 8601 (连续三年: P3Y), if given."),
    _c(
        "scope",
        "category",
        "Code of the jurisdiction the figure is about, when not the programme's.",
    ),
    _c("scope_zh", "category", "Chinese name of the scope jurisdiction."),
    _c("scope_en", "category", "English name of the scope jurisdiction, if given."),
    _c("source", "category", "Id of the source document the figure comes from."),
    _c("quote", "string", "The shortest phrase of the source that holds the figure."),
    _c("path", "category", "Where the indicator sits in its programme: actions[2].indicators[0]."),
)

FRAME_NAMES: Final[tuple[str, ...]] = tuple(c.name for c in FRAME_COLUMNS)
DECIMAL_NAMES: Final[tuple[str, ...]] = tuple(c.name for c in FRAME_COLUMNS if c.type == "figure")

#: The columns :func:`~unitedfront.compare` gives, in order; those marked optional appear when
#: the input frame has the column they come from. ``comparable`` is always there: the verdict
#: of :func:`~unitedfront.comparability` on the row against the other rows of its metric.
COMPARE_COLUMNS: Final[tuple[str, ...]] = (
    "metric",
    "jurisdiction",
    "jurisdiction_zh",
    "jurisdiction_en",
    "province",
    "programme",
    "period_start",
    "period_end",
    "period",
    "as_of",
    "temporal",
    "year",
    "kind",
    "indicator",
    "indicator_zh",
    "indicator_en",
    "text",
    "qualifier",
    *INTERVAL_NAMES,
    "unit",
    "cumulative",
    "span",
    "source",
    "quote",
    "comparable",
)

#: The columns of :func:`~unitedfront.coverage`, in order.
COVERAGE_COLUMNS: Final[tuple[Column, ...]] = (
    _c("jurisdiction", "string", "GB/T 2260 code of the programmes' jurisdiction."),
    _c("jurisdiction_zh", "string", "Its Chinese name."),
    _c("jurisdiction_en", "string", "Its English name, if given."),
    _c("theme", "string", "A canonical theme; empty for programme-wide figures."),
    _c("actions", "int64", "Actions of the theme."),
    _c("measures", "int64", "Measures under those actions."),
    _c("indicators", "int64", "Figures under those actions and measures."),
)


def arrow_type(type: ColumnType) -> pa.DataType:
    """The Arrow type of a column type."""
    import pyarrow as pa

    types: dict[str, pa.DataType] = {
        "string": pa.string(),
        "category": pa.dictionary(pa.int32(), pa.string()),
        "choice": pa.dictionary(pa.int8(), pa.string()),
        "date": pa.date32(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        "figure": pa.decimal128(FIGURE_PRECISION, FIGURE_SCALE),
        "bool": pa.bool_(),
        "strings": pa.list_(pa.string()),
    }
    return types[type]


def encoded(array: pa.Array, type: pa.DataType) -> pa.Array:
    """A column of texts as the column type ``type``: dictionary types get each distinct
    text once, in the order of first use; any other type is the array as it is."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not pa.types.is_dictionary(type) or array.type == type:
        return array
    if pa.types.is_dictionary(array.type):
        array = array.dictionary_decode()
    found = pc.dictionary_encode(array)
    return _dictionary(pc.cast(found.indices, type.index_type), found.dictionary)


def dictionary_take(values: pa.Array, index: pa.Array, type: pa.DataType) -> pa.Array:
    """``values[index]`` as the dictionary type ``type``, without a text per row.

    ``values`` are the texts of a few owners (programmes, actions, distinct quantities),
    ``index`` each row's owner (null: none), or that already dictionary-encoded (for
    several columns of the same owners). The dictionary holds the distinct texts the rows
    use, in the order of first use, as :func:`encoded` gives for the same rows.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    # The owners the rows use, in order of first use.
    owners = index if pa.types.is_dictionary(index.type) else pc.dictionary_encode(index)
    texts = pc.dictionary_encode(pc.take(values, owners.dictionary))
    indices = pc.take(texts.indices, owners.indices)
    return _dictionary(pc.cast(indices, type.index_type), texts.dictionary)


def _dictionary(indices: pa.Array, dictionary: pa.Array) -> pa.Array:
    """A dictionary array of indices that Arrow's kernels made, so lie within the
    dictionary (not checked again)."""
    import pyarrow as pa

    return pa.DictionaryArray.from_arrays(indices, dictionary, safe=False)


def arrow_schema(columns: Iterable[Column]) -> pa.Schema:
    """An Arrow schema for these columns, each field carrying its description."""
    import pyarrow as pa

    return pa.schema(
        [
            pa.field(c.name, arrow_type(c.type), metadata={"description": c.description})
            for c in columns
        ]
    )


# --------------------------------------------------------------------------- input


def is_programmes(data: object) -> bool:
    """Whether ``data`` is a programme, or a list or tuple whose items are all programmes."""
    if isinstance(data, Programme):
        return True
    return isinstance(data, list | tuple) and all(isinstance(p, Programme) for p in data)


def as_programmes(data: Programme | Iterable[Programme]) -> tuple[Programme, ...]:
    """One programme or an iterable of them, as a tuple; anything else is refused."""
    if isinstance(data, Programme):
        return (data,)
    if isinstance(data, str | bytes) or not isinstance(data, Iterable):
        raise AnalysisError(
            f"expected a Programme or an iterable of programmes, got {type(data).__name__}"
        )
    items = tuple(data)
    for i, item in enumerate(items):
        if not isinstance(item, Programme):
            raise AnalysisError(
                f"item {i} is a {type(item).__name__}, not a Programme; pass programmes "
                "(unitedfront.datasets.load) or a frame made by unitedfront.to_frame"
            )
    return items


# --------------------------------------------------------------------------- rows


_INDICATOR_FIELDS = attrgetter(
    "id", "name", "metric", "kind", "quantity", "temporal", "period", "as_of", "cumulative", "span"
)
_PLACE_FIELDS = attrgetter("scope", "evidence")
_QUANTITY_FIELDS = attrgetter(
    "text",
    "qualifier",
    *INTERVAL_NAMES,
    "unit",
    "ordinal",
)
_TEXT_FIELDS = attrgetter("zh", "en")
_EVIDENCE_FIELDS = attrgetter("source", "quote")


def _unzip(rows: Iterable[tuple[Any, ...]], width: int) -> list[Sequence[Any]]:
    """Rows of ``width`` fields as ``width`` columns."""
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True))
    return columns if columns else [() for _ in range(width)]


def _per_object(
    items: Sequence[Any], fields: Callable[[Any], tuple[Any, ...]], width: int
) -> list[Sequence[Any]]:
    """Columns of fields of objects that repeat (or are ``None``), each read once."""
    seen: dict[int, tuple[Any, ...]] = {id(None): (None,) * width}
    for item in items:
        if id(item) not in seen:
            seen[id(item)] = fields(item)
    return _unzip([seen[id(item)] for item in items], width)


def indicator_columns(programmes: Iterable[Programme]) -> dict[str, Sequence[Any]]:
    """The rows of the indicator frame as columns of Python values, in ``FRAME_COLUMNS`` order.

    The rows are those of :meth:`Programme.iter_indicators`, in its order (programme-wide
    figures, then each action's own, then its measures'). Figures stay ``Decimal``
    objects exactly as the model holds them; dates are ``date``; enumerations are their
    string values.
    """
    return _indicator_columns(programmes)


def _indicator_columns(programmes: Iterable[Programme]) -> dict[str, Sequence[Any]]:
    inds: list[Indicator] = []
    actions: list[Action | None] = []
    measures: list[Measure | None] = []
    paths: list[str] = []
    owners: list[Programme] = []
    for programme in programmes:
        before = len(inds)
        for ref in programme.iter_indicators():
            inds.append(ref.indicator)
            actions.append(ref.action)
            measures.append(ref.measure)
            paths.append(ref.path)
        owners.extend([programme] * (len(inds) - before))

    (pid, code, j_zh, j_en, province) = _per_object(
        owners,
        lambda p: (
            p.id,
            p.jurisdiction.code,
            p.jurisdiction.name.zh,
            p.jurisdiction.name.en,
            p.jurisdiction.province_code,
        ),
        5,
    )
    (ids, names, metric, kind, quantity, temporal, period, as_of, cumulative, span) = _unzip(
        map(_INDICATOR_FIELDS, inds), 10
    )
    scope, evidence = _unzip(map(_PLACE_FIELDS, inds), 2)
    (text, qualifier, value, low, high, low_inc, high_inc, unit, ordinal) = _unzip(
        map(_QUANTITY_FIELDS, quantity), 9
    )
    name_zh, name_en = _unzip(map(_TEXT_FIELDS, names), 2)
    source, quote = _unzip(map(_EVIDENCE_FIELDS, evidence), 2)
    # A figure's own period only: one the source does not give is not filled in.
    start, end, label = _per_object(period, lambda p: (p.start, p.end, str(p)), 3)
    action_id, action_zh, action_en, theme = _per_object(
        actions, lambda a: (a.id, a.name.zh, a.name.en, a.theme.value), 4
    )
    measure_id, measure_zh, measure_en = _per_object(
        measures, lambda m: (m.id, m.name.zh, m.name.en), 3
    )
    scope_code, scope_zh, scope_en = _per_object(scope, lambda j: (j.code, j.name.zh, j.name.en), 3)
    columns: dict[str, Sequence[Any]] = {
        "programme": pid,
        "jurisdiction": code,
        "jurisdiction_zh": j_zh,
        "jurisdiction_en": j_en,
        "province": province,
        "period_start": start,
        "period_end": end,
        "period": label,
        "as_of": as_of,
        "temporal": [None if t is None else t.value for t in temporal],
        "year": [
            d.year if d is not None else e.year if e is not None else None
            for d, e in zip(as_of, end, strict=True)
        ],
        "action": action_id,
        "action_zh": action_zh,
        "action_en": action_en,
        "theme": theme,
        "measure": measure_id,
        "measure_zh": measure_zh,
        "measure_en": measure_en,
        "indicator": ids,
        "indicator_zh": name_zh,
        "indicator_en": name_en,
        "metric": metric,
        "kind": [k.value for k in kind],
        "text": text,
        "qualifier": [q.value for q in qualifier],
        "value": value,
        "low": low,
        "high": high,
        "low_inclusive": low_inc,
        "high_inclusive": high_inc,
        "unit": unit,
        "ordinal": ordinal,
        "cumulative": cumulative,
        "span": span,
        "scope": scope_code,
        "scope_zh": scope_zh,
        "scope_en": scope_en,
        "source": source,
        "quote": quote,
        "path": paths,
    }
    return {name: columns[name] for name in FRAME_NAMES}


def _fits(number: Decimal, precision: int, scale: int) -> bool:
    """Whether a figure fits ``decimal128(precision, scale)`` exactly."""
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    # Digits after the point beyond the scale must all be zeros.
    excess = -exponent - scale
    if excess > 0 and any(digits[len(digits) - excess :]):
        return False
    return number.adjusted() < precision - scale


def decimal_array(
    values: Sequence[Decimal | None],
    name: str,
    where: Iterator[str],
    type: Literal["decimal", "figure"] = "decimal",
) -> pa.Array:
    """An Arrow decimal array of these figures; a figure that does not fit is refused, not rounded.

    ``where`` yields, for each row, a description of where the figure comes from; it is
    only read when a figure does not fit. ``type`` is the column type: ``"decimal"`` for
    computed figures, ``"figure"`` for the indicator frame's.
    """
    import pyarrow as pa

    arrow = arrow_type(type)
    precision, scale = arrow.precision, arrow.scale
    try:
        return pa.array(values, type=arrow)
    except (pa.ArrowInvalid, OverflowError) as exc:
        for value, place in zip(values, where, strict=True):
            if value is not None and not _fits(value, precision, scale):
                raise AnalysisError(
                    f"{place}: the {name} {value} does not fit a decimal column of "
                    f"{precision - scale} digits before the point and "
                    f"{scale} after it; it is refused rather than rounded"
                ) from None
        # Every figure fits, but some carry more digits (trailing zeros) than Arrow reads:
        # written at the column's scale they are the same numbers.
        step = Decimal(1).scaleb(-scale)
        # Dropping zeros is exact; anything else would raise Inexact rather than round.
        exact = decimal.Context(prec=80, traps=[decimal.Inexact, decimal.InvalidOperation])
        try:
            return pa.array(
                [None if v is None else exact.quantize(v, step) for v in values], type=arrow
            )
        except (pa.ArrowInvalid, OverflowError):  # pragma: no cover - _fits said they fit
            raise AnalysisError(f"the {name} column could not be built: {exc}") from exc


def build_table(columns: tuple[Column, ...], values: dict[str, list[Any]], where: str) -> pa.Table:
    """An Arrow table of these columns from Python values; decimals are checked to fit.

    ``where`` names what the table is (``"the roll-up"``) for the error a figure that does
    not fit raises.
    """
    import pyarrow as pa

    schema = arrow_schema(columns)
    arrays = []
    for f, column in zip(schema, columns, strict=True):
        data = values[f.name]
        if column.type == "decimal" or column.type == "figure":
            rows = (f"{where}, row {i}" for i in range(len(data)))
            arrays.append(decimal_array(data, f.name, rows, column.type))
        else:
            # Arrow's builder dictionary-encodes texts of a dictionary type itself.
            arrays.append(pa.array(data, type=f.type))
    return pa.Table.from_arrays(arrays, schema=schema)
