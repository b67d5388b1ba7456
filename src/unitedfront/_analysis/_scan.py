"""Reading many programme files straight into an indicator frame, column by column.

:func:`scan` gives the frame :func:`~unitedfront.to_frame` would give for the programmes
:func:`~unitedfront.load_file` would load, without building a model object per figure.
Each file is read in one of two ways:

- **columnar**: Arrow's JSON reader parses the file against the layout of the model (the
  Arrow schema below is derived from the model's fields), the rules of single values are
  checked as vectorised expressions (the patterns and bounds of :mod:`unitedfront._rules`,
  the model's enumerations, which fields are required), each distinct quantity text is
  read once by the pure reader, each distinct date and period once, and the nested lists
  are exploded into rows with Arrow's list kernels. The few fields of a programme's header
  (its title, place, period, sources …) are checked by the model itself, one small object
  per programme, never per figure.
- **exact**: whenever the columnar read meets anything it does not take as it is (a
  problem, a form the layout does not hold such as a name given as a bare string, a
  figure given as a number), the file is read record by record exactly as
  :func:`~unitedfront.load_file` reads it, so that a refusal is the same
  :class:`~unitedfront.errors.LoadError`, with the file, the line of the record in NDJSON
  and the field path of the first problem.

So the columnar read only ever accepts; the model has the last word on every refusal.
"""

from __future__ import annotations

import io
import os
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeGuard, get_args, get_origin

import attrs
from pydantic import StringConstraints, TypeAdapter, ValidationError

from unitedfront import _io, _model
from unitedfront._analysis._columns import (
    DECIMAL_NAMES,
    FRAME_COLUMNS,
    ColumnType,
    arrow_schema,
    arrow_type,
    decimal_array,
)
from unitedfront._analysis._deps import need
from unitedfront._analysis._frame import BACKENDS, from_arrow, indicator_table
from unitedfront._quantity import Quantity
from unitedfront._reading import read_quantity
from unitedfront._records import ModelClass, is_model_class
from unitedfront._rules import arrow_pattern
from unitedfront.errors import AnalysisError, LoadError, QuantityParseError

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["SCAN_SUFFIXES", "scan", "scan_file"]

#: The suffixes :func:`scan` reads, and how: one programme a file, or one a line.
SCAN_SUFFIXES: Final = {".json": "JSON", ".ndjson": "NDJSON", ".jsonl": "NDJSON"}

ScanBackend = Literal["pandas", "polars", "pyarrow", "dask"]


# --------------------------------------------------------------------------- the layout


def _unwrap(annotation: Any, metadata: Sequence[Any] = ()) -> tuple[Any, list[Any], bool]:
    """A field's type without ``Annotated`` and ``None``: (type, its metadata, nullable)."""
    meta = list(metadata)
    nullable = False
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            args = get_args(annotation)
            annotation, meta = args[0], [*meta, *args[1:]]
        elif origin is typing.Union or origin is types.UnionType:
            kinds = [a for a in get_args(annotation) if a is not type(None)]
            nullable = nullable or len(kinds) < len(get_args(annotation))
            if len(kinds) != 1:  # pragma: no cover - the model has no such field
                raise TypeError(f"scan cannot read a field of type {annotation!r}")
            annotation = kinds[0]
        else:
            return annotation, meta, nullable


def _is_model(kind: Any) -> TypeGuard[ModelClass]:
    return is_model_class(kind)


def _arrow_type(kind: Any) -> pa.DataType | None:
    """The Arrow type a field is read as; ``None`` for a quantity (text or mapping)."""
    import pyarrow as pa

    if get_origin(kind) is tuple:
        item = _arrow_type(_unwrap(get_args(kind)[0])[0])
        return pa.list_(item)
    if kind is Quantity:
        return None
    if kind is _model.Period or kind is date or kind is str:
        return pa.string()
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return pa.string()
    if kind is bool:
        return pa.bool_()
    if kind is int:
        return pa.int64()
    if _is_model(kind):
        return pa.struct(_struct_fields(kind))
    raise TypeError(f"scan cannot read a field of type {kind!r}")  # pragma: no cover


def _struct_fields(model: ModelClass) -> list[pa.Field]:
    import pyarrow as pa

    out = []
    for name, info in model.model_fields.items():
        arrow = _arrow_type(_unwrap(info.annotation, info.metadata)[0])
        if arrow is not None:
            out.append(pa.field(name, arrow))
    return out


@cache
def file_schema() -> pa.Schema:
    """The Arrow schema a programme file is read with; quantities are left to inference."""
    import pyarrow as pa

    return pa.schema(_struct_fields(_model.Programme))


def _models() -> Iterator[ModelClass]:
    seen: set[ModelClass] = set()
    pending: list[ModelClass] = [_model.Programme]
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        for info in model.model_fields.values():
            kind = _unwrap(info.annotation, info.metadata)[0]
            if get_origin(kind) is tuple:
                kind = _unwrap(get_args(kind)[0])[0]
            if _is_model(kind):
                pending.append(kind)


def _null_where_refused(raw: bytes) -> bool:
    """Whether a file may give ``null`` to a field that takes no null (or is unsure).

    A missing field and a null one read alike in Arrow; the model tells them apart where a
    field has a default but may not be null (``"cumulative": null`` is refused). Each
    ``null`` after a colon is looked at with its key; a key written with escapes, or a
    ``null`` inside a text that looks like one, counts as such a field.
    """
    nullable = _nullable_everywhere()
    at = raw.find(b"null")
    while at >= 0:
        colon = at - 1
        while colon >= 0 and raw[colon] in b" \t\r\n":
            colon -= 1
        if colon >= 0 and raw[colon] == 0x3A:  # ':'
            close = colon - 1
            while close >= 0 and raw[close] in b" \t\r\n":
                close -= 1
            opening = raw.rfind(b'"', 0, close)
            key = raw[opening + 1 : close]
            if raw[close] != 0x22 or b"\\" in key or key.decode("utf-8", "replace") not in nullable:
                return True
        at = raw.find(b"null", at + 4)
    return False


#: Arrow's reader survives nesting this deep (it fails at about 100,000 levels).
_FEW_BRACKETS: Final = 500


def _too_deep(raw: bytes) -> bool:
    """Whether a record may nest deeper than ``load_file`` allows (``True`` when unsure).

    Arrow's reader recurses without a limit, so nesting is bounded before it reads: a
    record with few brackets cannot nest deep; in one with many, brackets outside strings
    are counted with Arrow's kernels over the bytes. A record with an escaped quote is
    taken to be too deep (the model reads it).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if raw.count(b"[") + raw.count(b"{") < _FEW_BRACKETS:
        # Too few brackets to nest as deep as would harm Arrow's reader: what nests
        # deeper than the layout is refused by the schema check after reading.
        return False
    if b'\\"' in raw:
        return True
    data = pa.Array.from_buffers(pa.uint8(), len(raw), [None, pa.py_buffer(raw)])
    quotes = pc.cumulative_sum(pc.cast(pc.equal(data, ord('"')), pa.int32()))
    outside = pc.equal(pc.bit_wise_and(quotes, 1), 0)
    opens = pc.or_(pc.equal(data, ord("{")), pc.equal(data, ord("[")))
    closes = pc.or_(pc.equal(data, ord("}")), pc.equal(data, ord("]")))
    step = pc.subtract(
        pc.cast(pc.and_(opens, outside), pa.int32()), pc.cast(pc.and_(closes, outside), pa.int32())
    )
    deepest = pc.max(pc.cumulative_sum(step)).as_py()
    return deepest is not None and deepest >= _io.MAX_DEPTH


@cache
def _nullable_everywhere() -> frozenset[str]:
    """The field names that may be null (or are absent) in every model that has them."""
    nullable: dict[str, bool] = {}
    for model in _models():
        for name, info in model.model_fields.items():
            ok = _unwrap(info.annotation, info.metadata)[2] or info.is_required()
            nullable[name] = nullable.get(name, True) and ok
    return frozenset(name for name, ok in nullable.items() if ok)


# --------------------------------------------------------------------------- files


def _files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files to read: each folder's programme files (sorted, recursively) and each file."""
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    out: list[str] = []
    for path in given:
        if not isinstance(path, str | os.PathLike):
            raise AnalysisError(
                f"scan takes paths of files or folders, not a {type(path).__name__}"
            )
        name = os.fspath(path)
        if os.path.isdir(name):
            out.extend(
                str(p)
                for p in sorted(Path(name).rglob("*"))
                if p.suffix.lower() in SCAN_SUFFIXES and p.is_file()
            )
        else:
            out.append(name)
    return out


def _kind(file: str) -> str:
    return _io.kind_by_suffix(file, SCAN_SUFFIXES, "scan reads files ending")


def scan_file(file: str, read: Read | None = None) -> pa.Table:
    """The indicator frame of one programme file, as an Arrow table (see :func:`scan`).

    ``read`` holds what distinct values were read as, shared by the files of one scan.
    """
    kind = _kind(file)
    raw = _io._read(file)
    table = _columnar(raw, kind, read)
    return table if table is not None else _exact(raw, kind, file)


# --------------------------------------------------------------------------- the exact read


def _records(text: str, kind: str) -> Iterator[tuple[int | None, str]]:
    if kind == "JSON":
        yield None, text
        return
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip(" \t\r"):
            yield number, line


def _exact(raw: bytes, kind: str, file: str) -> pa.Table:
    """Read a file record by record as :func:`load_file` does, and build the frame."""
    text = _io._decode(raw, file)
    programmes = []
    for line, record in _records(text, kind):
        try:
            data = _io._load_json(record, file)
            _io._check_data(data, file)
            programmes.append(_io.programme_from_data(data, file=file))
        except LoadError as exc:
            if line is None:
                raise
            column = exc.column if exc.line == 1 else None
            raise LoadError(
                exc.message, file=file, line=line, column=column, path=exc.path
            ) from None
    return indicator_table(tuple(programmes))


# --------------------------------------------------------------------------- the columnar read


class _RefusedError(Exception):
    """The columnar read does not take this file; the exact read will say why."""


#: The frame's columns that come from the quantity, with their column types.
_QUANTITY_COLUMNS: Final[dict[str, ColumnType]] = {
    "text": "string",
    "qualifier": "string",
    "value": "figure",
    "low": "figure",
    "high": "figure",
    "low_inclusive": "bool",
    "high_inclusive": "bool",
    "unit": "string",
    "ordinal": "bool",
}


class Read:
    """What each distinct text was read as, kept for the files of one scan.

    Only values that were accepted are kept: a quantity by its text (or by its mapping's
    key, which names the mapping's types), a date and a period by their text.
    """

    def __init__(self) -> None:
        self.readings: dict[str, Any] = {}
        self.dates: dict[str, date] = {}
        self.periods: dict[str, _model.Period] = {}
        #: The row of each quantity's key in the table of quantities the frame takes from.
        self.quantity_index: dict[str, int] = {}
        self._chunks: dict[str, list[pa.Array]] = {name: [] for name in _QUANTITY_COLUMNS}
        self._columns: dict[str, pa.Array] | None = None

    def add_quantities(self, keys: list[str]) -> None:
        """Give these quantities (already read) rows in the table of quantities."""
        import pyarrow as pa

        if not keys:
            return
        found = [self.readings[k] for k in keys]
        for key in keys:
            self.quantity_index[key] = len(self.quantity_index)
        for name in _QUANTITY_COLUMNS:
            values = [getattr(r, name) for r in found]
            if name == "qualifier":
                values = [v.value for v in values]
            if name in DECIMAL_NAMES:
                where = (f"quantity {r.text!r}" for r in found)
                array = decimal_array(values, name, where, "figure")
            else:
                array = pa.array(values, arrow_type(_QUANTITY_COLUMNS[name]))
            self._chunks[name].append(array)
        self._columns = None

    def quantities(self) -> dict[str, pa.Array]:
        """The table of quantities: a column per field of the frame, a row per quantity."""
        import pyarrow as pa

        if self._columns is None:
            self._columns = {
                name: pa.concat_arrays(chunks)
                if chunks
                else pa.array([], arrow_type(_QUANTITY_COLUMNS[name]))
                for name, chunks in self._chunks.items()
            }
        return self._columns


def _columnar(raw: bytes, kind: str, read: Read | None = None) -> pa.Table | None:
    """The frame of a file read column by column, or ``None`` to read it exactly instead."""
    try:
        return _Columnar(raw, kind, read or Read()).table()
    except _RefusedError:
        return None


_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_DATE: Final = TypeAdapter(date)


def _all(mask: pa.Array) -> bool:
    """Whether every value is true (as for no values at all)."""
    import pyarrow.compute as pc

    return bool(pc.all(mask, min_count=0).as_py())


def _refuse_if(bad: Any) -> None:
    if bad:
        raise _RefusedError


class _Columnar:
    """One file's columnar read: the checks, then the rows."""

    def __init__(self, raw: bytes, kind: str, read: Read) -> None:
        self.raw = raw
        self.kind = kind
        self.shared = read
        self.readings = read.readings
        self.dates = read.dates
        self.periods = read.periods

    # ------------------------------------------------------------------ reading

    def read(self) -> pa.Table:
        import pyarrow as pa
        import pyarrow.json as pj

        raw = self.raw
        _refuse_if(raw.startswith(_BOMS))
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            raise _RefusedError from None
        one = self.kind == "JSON"
        # Every record must be a mapping (Arrow's reader does not survive some other
        # values in first place): a JSON file starts with one, an NDJSON line is one.
        if one:
            _refuse_if(raw.lstrip(b" \t\r\n")[:1] != b"{")
            _refuse_if(_too_deep(raw))
            records = 1
        else:
            records = longest = 0
            for line in raw.split(b"\n"):
                start = line.lstrip(b" \t\r")[:1]
                _refuse_if(start and start != b"{")
                _refuse_if(_too_deep(line))
                records += bool(start)
                longest = max(longest, len(line))
        _refuse_if(_null_where_refused(raw))
        options = pj.ParseOptions(
            explicit_schema=file_schema(),
            unexpected_field_behavior="infer",
            newlines_in_values=one,
        )
        # Blocks of about a megabyte parse fastest; each must hold a whole record.
        block = len(raw) if one else longest
        read = pj.ReadOptions(use_threads=False, block_size=max(block + 1, 1 << 20))
        try:
            table = pj.read_json(io.BytesIO(raw), read_options=read, parse_options=options)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            raise _RefusedError from None
        _refuse_if(table.num_rows != records)
        return table.combine_chunks()

    # ------------------------------------------------------------------ checks

    def check(self, array: pa.Array, model: ModelClass) -> None:
        """Refuse unless every (non-null) row of a struct array is valid as ``model``."""
        import pyarrow as pa
        import pyarrow.compute as pc

        known = set(model.model_fields)
        assert isinstance(array.type, pa.StructType)
        names = [array.type.field(i).name for i in range(array.type.num_fields)]
        _refuse_if(not set(names) <= known)
        for name, info in model.model_fields.items():
            kind, meta, nullable = _unwrap(info.annotation, info.metadata)
            if name not in names:
                _refuse_if(info.is_required())
                continue
            column = pc.struct_field(array, name)
            if column.null_count:
                _refuse_if(info.is_required() and not nullable)
                column = column.filter(pc.is_valid(column))
            if len(column):
                self.check_values(column, kind, meta)

        across = _ACROSS_FIELDS.get(model)
        _refuse_if(across is None)
        assert across is not None
        across(array)

    def check_values(self, column: pa.Array, kind: Any, meta: list[Any]) -> None:
        """Refuse unless every value of a column (no nulls) is valid as ``kind``."""
        import pyarrow as pa
        import pyarrow.compute as pc

        if get_origin(kind) is tuple:
            item, item_meta, _ = _unwrap(get_args(kind)[0])
            values = pc.list_flatten(column)
            _refuse_if(values.null_count)
            if len(values):
                self.check_values(values, item, item_meta)
        elif kind is Quantity:
            self.quantities(column)
        elif _is_model(kind) and kind is not _model.Period:
            self.check(column, kind)
        elif kind is _model.Period:
            for text in pc.unique(column).to_pylist():
                if text not in self.periods:
                    try:
                        self.periods[text] = _model.Period.model_validate(text)
                    except ValidationError:
                        raise _RefusedError from None
        elif kind is date:
            for text in pc.unique(column).to_pylist():
                if text not in self.dates:
                    try:
                        self.dates[text] = _DATE.validate_python(text)
                    except ValidationError:
                        raise _RefusedError from None
        elif isinstance(kind, type) and issubclass(kind, StrEnum):
            values = pa.array([member.value for member in kind])
            _refuse_if(not _all(pc.is_in(column, value_set=values)))
        elif kind is str:
            for rule in meta:
                if isinstance(rule, StringConstraints):
                    self.check_string(column, rule)
        elif kind is not bool:  # pragma: no cover - the model has no other kind of field
            raise TypeError(f"scan cannot check a field of type {kind!r}")

    def check_string(self, column: pa.Array, rule: StringConstraints) -> None:
        import pyarrow.compute as pc

        if rule.min_length is not None or rule.max_length is not None:
            lengths = pc.min_max(pc.utf8_length(column)).as_py()
            _refuse_if(rule.min_length is not None and lengths["min"] < rule.min_length)
            _refuse_if(rule.max_length is not None and lengths["max"] > rule.max_length)
        if rule.pattern is not None:
            pattern = arrow_pattern(str(rule.pattern))
            _refuse_if(not _all(pc.match_substring_regex(column, pattern)))

    def quantities(self, column: pa.Array) -> None:
        """Read each distinct quantity once: a text by the reader, a mapping by the model."""
        import pyarrow as pa
        import pyarrow.compute as pc

        if pa.types.is_string(column.type):
            # A mapping's key starts with NUL (see _quantity_key); no text may.
            _refuse_if(pc.any(pc.starts_with(column, "\x00")).as_py())
            for text in pc.unique(column).to_pylist():
                if text not in self.readings:
                    try:
                        self.readings[text] = read_quantity(text)
                    except QuantityParseError:
                        raise _RefusedError from None
            return
        _refuse_if(not pa.types.is_struct(column.type))
        for i in range(column.type.num_fields):
            child = column.type.field(i).type
            plain = pa.types.is_string(child) or pa.types.is_boolean(child)
            _refuse_if(not (plain or pa.types.is_null(child)))
        keys = _quantity_key(column)
        distinct = pc.unique(keys)
        new = [k for k in distinct.to_pylist() if k not in self.readings]
        if not new:
            return
        # One mapping per new key: the first row that has it.
        first = pc.index_in(pa.array(new, pa.string()), value_set=keys)
        for key, item in zip(new, column.take(first).to_pylist(), strict=True):
            data = {k: v for k, v in item.items() if v is not None}
            try:
                self.readings[key] = Quantity.model_validate(data)
            except ValidationError:
                raise _RefusedError from None

    # ------------------------------------------------------------------ the frame

    def table(self) -> pa.Table:
        table = self.read()
        programme = _model.Programme
        header_names = [n for n in table.column_names if n not in ("actions", "indicators")]
        headers = []
        for row in table.select(header_names).to_pylist():
            try:
                headers.append(programme.model_validate(_without_nulls(row)))
            except ValidationError:
                raise _RefusedError from None
        struct = table.to_struct_array() if table.num_rows else None
        if struct is None:
            return _empty()
        fields = programme.model_fields
        for name in ("actions", "indicators"):
            column = table.column(name).chunk(0) if table.column(name).num_chunks else None
            if column is not None:
                if column.null_count:
                    column = column.filter(column.is_valid())
                self.check_values(column, *_unwrap(fields[name].annotation)[:2])
        return _Rows(self, table, headers).build()


def _period_parts() -> tuple[tuple[Callable[[Any], Any], Any], ...]:
    """What the frame takes of a period: its start, end and text, each with its type."""
    import pyarrow as pa

    return (
        (lambda p: p.start, pa.date32()),
        (lambda p: p.end, pa.date32()),
        (str, pa.string()),
    )


def _lookup(
    texts: pa.Array, found: dict[str, Any], part: Callable[[Any], Any], type: pa.DataType
) -> pa.Array:
    """A column of what each row's text was read as (each distinct text looked up once)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    distinct = pc.drop_null(pc.unique(texts))
    values = pa.array([part(found[t]) for t in distinct.to_pylist()], type)
    return pc.take(values, pc.index_in(texts, value_set=distinct))


# --------------------------------------------------------------------------- rules across fields


def _temporal(indicators: pa.Array) -> pa.Array:
    """Each indicator's ``temporal``, read from its other fields where it is not given.

    As the model's ``Indicator`` reads it: ``cumulative`` makes a running total, a period
    alone a flow, a date alone a snapshot; otherwise it stays empty.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    given = pc.struct_field(indicators, "temporal")
    cumulative = pc.fill_null(pc.struct_field(indicators, "cumulative"), False)
    period = pc.is_valid(pc.struct_field(indicators, "period"))
    dated = pc.is_valid(pc.struct_field(indicators, "as_of"))
    none = pa.nulls(len(indicators), pa.string())
    read = pc.if_else(
        cumulative,
        _model.Temporal.RUNNING_TOTAL.value,
        pc.if_else(
            pc.and_(period, pc.invert(dated)),
            _model.Temporal.FLOW.value,
            pc.if_else(pc.and_(dated, pc.invert(period)), _model.Temporal.SNAPSHOT.value, none),
        ),
    )
    return pc.coalesce(given, read)


def _check_time(indicators: pa.Array) -> None:
    """``Indicator``'s rule across its time fields: they may not contradict each other."""
    import pyarrow.compute as pc

    temporal = _temporal(indicators)
    known = pc.is_valid(temporal)
    running = pc.equal(temporal, _model.Temporal.RUNNING_TOTAL.value)
    cumulative = pc.fill_null(pc.struct_field(indicators, "cumulative"), False)
    period = pc.is_valid(pc.struct_field(indicators, "period"))
    dated = pc.is_valid(pc.struct_field(indicators, "as_of"))
    span = pc.is_valid(pc.struct_field(indicators, "span"))
    wrong = pc.or_(
        pc.or_(
            pc.not_equal(cumulative, running),
            pc.and_(pc.equal(temporal, _model.Temporal.SNAPSHOT.value), period),
        ),
        pc.or_(
            pc.and_(pc.equal(temporal, _model.Temporal.FLOW.value), dated),
            pc.and_(span, pc.invert(running)),
        ),
    )
    _refuse_if(pc.any(pc.and_(known, wrong)).as_py())


def _check_aspects(actions: pa.Array) -> None:
    """``Action``'s rule: its aspect ids are unique, and each measure names one of them."""
    import pyarrow as pa
    import pyarrow.compute as pc

    aspects = pc.struct_field(actions, "aspects")
    ids = pc.struct_field(pc.list_flatten(aspects), "id")
    owner = pc.cast(pc.list_parent_indices(aspects), pa.string())
    keys = pc.binary_join_element_wise(owner, ids, "\x00")
    _refuse_if(len(pc.unique(keys)) != len(keys))
    measures = pc.struct_field(actions, "measures")
    named = pc.struct_field(pc.list_flatten(measures), "aspect")
    given = pc.is_valid(named)
    of = pc.cast(pc.filter(pc.list_parent_indices(measures), given), pa.string())
    wanted = pc.binary_join_element_wise(of, pc.filter(named, given), "\x00")
    _refuse_if(not _all(pc.is_in(wanted, value_set=keys)))


def _no_rule(array: pa.Array) -> None:
    """A model with no rule across its fields."""


#: The rules across one model's fields (its model validators), for the models the
#: columnar read checks; a model with a validator not listed here is left to the model.
_ACROSS_FIELDS: Final[dict[ModelClass, Callable[[pa.Array], None]]] = {
    _model.Indicator: _check_time,
    _model.Action: _check_aspects,
    _model.Measure: _no_rule,
    _model.Aspect: _no_rule,
    _model.Text: _no_rule,
    _model.Evidence: _no_rule,
    _model.Jurisdiction: _no_rule,
}
#: The model validators those functions stand for, by model: a test compares them with
#: the model's own, so that a validator added to the model is noticed.
ACROSS_FIELDS_VALIDATORS: Final = {
    _model.Indicator: {"_read_time"},
    _model.Action: {"_check_aspects"},
    _model.Measure: set(),
    _model.Aspect: set(),
    # Text reads a bare string; the columnar read takes only the mapping form.
    _model.Text: {"_from_string"},
    _model.Evidence: set(),
    _model.Jurisdiction: set(),
}


def _quantity_key(column: pa.Array) -> pa.Array:
    """A text per row that is the same exactly when two quantity mappings are the same."""
    import pyarrow as pa
    import pyarrow.compute as pc

    parts = []
    for i in range(column.type.num_fields):
        name = column.type.field(i).name
        child = pc.struct_field(column, name)
        text = child if pa.types.is_string(child.type) else pc.cast(child, pa.string())
        # A name, then the value or a mark for a missing one: no text holds "\x00".
        parts.append(pc.binary_join_element_wise(name, pc.fill_null(text, "\x01"), "\x00"))
    # The type leads: the same text in a field of another type may read otherwise.
    return pc.binary_join_element_wise("", str(column.type), *parts, "\x00")


def _without_nulls(data: Any) -> Any:
    """Data read by Arrow with its absent fields (``None``) left out, as in the file."""
    if isinstance(data, dict):
        return {k: _without_nulls(v) for k, v in data.items() if v is not None}
    if isinstance(data, list):
        return [_without_nulls(v) for v in data]
    return data


def _empty() -> pa.Table:
    return indicator_table(())


class _Rows:
    """The rows of the frame from a checked table: the lists exploded, in walk order."""

    def __init__(self, read: _Columnar, table: pa.Table, headers: list[Any]) -> None:
        self.read = read
        self.table = table
        self.headers = headers

    def build(self) -> pa.Table:
        import pyarrow as pa
        import pyarrow.compute as pc

        programmes = self.table.column("indicators").chunk(0)
        actions = self.table.column("actions").chunk(0)
        action_rows = pc.list_flatten(actions)
        action_programme = pc.list_parent_indices(actions)
        action_position = _positions(actions)
        measures = pc.struct_field(action_rows, "measures")
        measure_rows = pc.list_flatten(measures)
        measure_action = pc.list_parent_indices(measures)
        measure_position = _positions(measures)
        parts = [
            # Programme-wide figures: no action, no measure.
            _part(programmes, _Owners(_arange(self.table.num_rows), None, None, None, None)),
            # Each action's own figures.
            _part(
                pc.struct_field(action_rows, "indicators"),
                _Owners(action_programme, action_position, _arange(len(action_rows)), None, None),
            ),
            # Each measure's figures.
            _part(
                pc.struct_field(measure_rows, "indicators"),
                _Owners(
                    pc.take(action_programme, measure_action),
                    pc.take(action_position, measure_action),
                    measure_action,
                    measure_position,
                    _arange(len(measure_rows)),
                ),
            ),
        ]
        rows = pa.concat_tables(parts)
        self.check_ids(action_rows, action_programme, measure_rows, measure_action, rows)
        order = pc.sort_indices(
            rows,
            sort_keys=[
                ("_programme", "ascending"),
                ("_action", "ascending"),
                ("_measure", "ascending"),
                ("_index", "ascending"),
            ],
        )
        return self.frame(rows.take(order), action_rows, measure_rows)

    def check_ids(
        self,
        action_rows: pa.Array,
        action_of: pa.Array,
        measure_rows: pa.Array,
        measure_of: pa.Array,
        rows: pa.Table,
    ) -> None:
        """Refuse a repeated id in a programme, or evidence naming no source of it."""
        import pyarrow as pa
        import pyarrow.compute as pc

        items = rows.column("_item").combine_chunks() if rows.num_rows else None
        programme_of_measure = pc.take(action_of, measure_of)
        owners = [action_of, programme_of_measure]
        entities = [action_rows, measure_rows]
        if items is not None:
            owners.append(rows.column("_programme").combine_chunks())
            entities.append(items)
        ids = pa.concat_arrays(
            [pc.struct_field(e, "id") for e in entities if len(e)] or [pa.array([], pa.string())]
        )
        owner = pa.concat_arrays(
            [pc.cast(o, pa.int64()) for o, e in zip(owners, entities, strict=True) if len(e)]
            or [pa.array([], pa.int64())]
        )
        keys = pc.binary_join_element_wise(pc.cast(owner, pa.string()), ids, "\x00")
        _refuse_if(len(pc.unique(keys)) != len(keys))
        sources = [
            f"{p}\x00{source.id}"
            for p, header in enumerate(self.headers)
            for source in header.sources
        ]
        for owner_of, entity in zip(owners, entities, strict=True):
            if not len(entity):
                continue
            evidence = pc.struct_field(entity, "evidence")
            named = pc.struct_field(evidence, "source")
            valid = pc.is_valid(named)
            names = pc.binary_join_element_wise(
                pc.cast(pc.filter(owner_of, valid), pa.string()),
                pc.filter(named, valid),
                "\x00",
            )
            known = pa.array(sources, pa.string())
            _refuse_if(not _all(pc.is_in(names, value_set=known)))

    def frame(self, rows: pa.Table, action_rows: pa.Array, measure_rows: pa.Array) -> pa.Table:
        """The frame's columns, in ``FRAME_COLUMNS`` order and types."""
        import pyarrow as pa
        import pyarrow.compute as pc

        schema = arrow_schema(FRAME_COLUMNS)
        if not rows.num_rows:
            return _empty()
        item = rows.column("_item").combine_chunks()
        programme = rows.column("_programme").combine_chunks()
        action = rows.column("_action_row").combine_chunks()
        measure = rows.column("_measure_row").combine_chunks()
        headers = self.headers

        def per_programme(values: list[Any], type: pa.DataType) -> pa.Array:
            return pc.take(pa.array(values, type), programme)

        def field(array: pa.Array, *path: str) -> pa.Array:
            for name in path:
                array = pc.struct_field(array, name)
            return array

        def at(array: pa.Array, index: pa.Array, *path: str) -> pa.Array:
            if not len(array):
                return pa.nulls(len(index), pa.string())
            return pc.take(field(array, *path), index)

        name = field(item, "name")
        scope = field(item, "scope")
        evidence = field(item, "evidence")
        own_period = field(item, "period")
        as_of_text = field(item, "as_of")
        read = self.read
        as_of = _lookup(as_of_text, read.dates, lambda d: d, pa.date32())
        # A figure's own period only: one the file does not give is not filled in.
        start, end, label = (_lookup(own_period, read.periods, f, t) for f, t in _period_parts())
        year = pc.cast(pc.coalesce(pc.year(as_of), pc.year(end)), pa.int32())
        quantity = self.quantity_columns(rows.column("_quantity").combine_chunks())
        columns: dict[str, pa.Array] = {
            "programme": per_programme([h.id for h in headers], pa.string()),
            "jurisdiction": per_programme([h.jurisdiction.code for h in headers], pa.string()),
            "jurisdiction_zh": per_programme(
                [h.jurisdiction.name.zh for h in headers], pa.string()
            ),
            "jurisdiction_en": per_programme(
                [h.jurisdiction.name.en for h in headers], pa.string()
            ),
            "province": per_programme([h.jurisdiction.province_code for h in headers], pa.string()),
            "period_start": start,
            "period_end": end,
            "period": label,
            "as_of": as_of,
            "temporal": _temporal(item),
            "year": year,
            "action": at(action_rows, action, "id"),
            "action_zh": at(action_rows, action, "name", "zh"),
            "action_en": at(action_rows, action, "name", "en"),
            "theme": at(action_rows, action, "theme"),
            "measure": at(measure_rows, measure, "id"),
            "measure_zh": at(measure_rows, measure, "name", "zh"),
            "measure_en": at(measure_rows, measure, "name", "en"),
            "indicator": field(item, "id"),
            "indicator_zh": field(name, "zh"),
            "indicator_en": field(name, "en"),
            "metric": field(item, "metric"),
            "kind": field(item, "kind"),
            **quantity,
            "cumulative": pc.fill_null(field(item, "cumulative"), False),
            "span": field(item, "span"),
            "scope": field(scope, "code"),
            "scope_zh": field(scope, "name", "zh"),
            "scope_en": field(scope, "name", "en"),
            "source": field(evidence, "source"),
            "quote": field(evidence, "quote"),
            "path": _paths(rows),
        }
        arrays = [pc.cast(columns[f.name], f.type) for f in schema]
        return pa.Table.from_arrays(arrays, schema=schema)

    def quantity_columns(self, keys: pa.Array) -> dict[str, pa.Array]:
        """The quantity's columns, each distinct quantity's fields taken once per scan."""
        import pyarrow as pa
        import pyarrow.compute as pc

        shared = self.read.shared
        distinct = pc.unique(keys)
        names = distinct.to_pylist()
        shared.add_quantities([k for k in names if k not in shared.quantity_index])
        at = pa.array([shared.quantity_index[k] for k in names], pa.int64())
        index = pc.take(at, pc.index_in(keys, value_set=distinct))
        return {name: pc.take(column, index) for name, column in shared.quantities().items()}


@attrs.frozen
class _Owners:
    """Where the rows of one level's lists sit: for each list, its programme, its action's
    and measure's positions, and their rows in the flattened tables (``None``: no such)."""

    programme: pa.Array
    action_position: pa.Array | None
    action_row: pa.Array | None
    measure_position: pa.Array | None
    measure_row: pa.Array | None


def _arange(n: int) -> pa.Array:
    import pyarrow as pa

    return pa.array(range(n), pa.int64())


def _part(lists: pa.Array, owners: _Owners) -> pa.Table:
    """The rows of one level's indicator lists, with where each sits."""
    import pyarrow as pa
    import pyarrow.compute as pc

    flat = pc.list_flatten(lists)
    if not len(flat):
        return _no_rows()
    # The quantity is left out of the item: its form (text or mapping) may differ between
    # levels; its key (the text, or the mapping's) stands in.
    item_type = _indicator_type()
    items = pa.StructArray.from_arrays(
        [pc.struct_field(flat, f.name) for f in item_type], fields=list(item_type)
    )
    parent = pc.list_parent_indices(lists)
    n = len(items)

    def per_row(values: pa.Array | None, missing: int | None) -> pa.Array:
        if values is None:
            return pa.array([missing] * n, pa.int64())
        return pc.cast(pc.take(values, parent), pa.int64())

    return pa.table(
        {
            "_programme": per_row(owners.programme, None),
            "_action": per_row(owners.action_position, -1),
            "_measure": per_row(owners.measure_position, -1),
            "_index": _positions(lists),
            "_action_row": per_row(owners.action_row, None),
            "_measure_row": per_row(owners.measure_row, None),
            "_item": items,
            "_quantity": _quantity_keys(pc.struct_field(flat, "quantity")),
        }
    )


@cache
def _indicator_type() -> pa.StructType:
    """The type of an indicator in the file schema (its quantity is inferred per file)."""
    item: pa.StructType = file_schema().field("indicators").type.value_type
    return item


def _quantity_keys(column: pa.Array) -> pa.Array:
    import pyarrow as pa

    return column if pa.types.is_string(column.type) else _quantity_key(column)


def _positions(lists: pa.Array) -> pa.Array:
    """Each item's position in its list, for the items of ``list_flatten(lists)``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    lengths = pc.fill_null(pc.list_value_length(lists), 0)
    starts = pc.subtract(pc.cumulative_sum(lengths), lengths)
    parent = pc.list_parent_indices(lists)
    count = len(parent)
    return pc.subtract(
        pa.array(range(count), pa.int64()), pc.take(pc.cast(starts, pa.int64()), parent)
    )


def _no_rows() -> pa.Table:
    import pyarrow as pa

    ints = pa.array([], pa.int64())
    return pa.table(
        {
            "_programme": ints,
            "_action": ints,
            "_measure": ints,
            "_index": ints,
            "_action_row": ints,
            "_measure_row": ints,
            "_item": pa.array([], _indicator_type()),
            "_quantity": pa.array([], pa.string()),
        }
    )


def _paths(rows: pa.Table) -> pa.Array:
    """Each row's path in its programme: ``actions[2].measures[0].indicators[1]``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    def text(name: str) -> pa.Array:
        return pc.cast(rows.column(name).combine_chunks(), pa.string())

    action, measure, index = text("_action"), text("_measure"), text("_index")
    top = pc.binary_join_element_wise("indicators[", index, "]", "")
    in_action = pc.binary_join_element_wise("actions[", action, "].", top, "")
    in_measure = pc.binary_join_element_wise(
        "actions[", action, "].measures[", measure, "].", top, ""
    )
    a = rows.column("_action").combine_chunks()
    m = rows.column("_measure").combine_chunks()
    return pc.if_else(pc.less(a, 0), top, pc.if_else(pc.less(m, 0), in_action, in_measure))


# --------------------------------------------------------------------------- scan


def _table(files: Sequence[str]) -> pa.Table:
    import pyarrow as pa

    read = Read()
    tables = [scan_file(file, read) for file in files]
    return pa.concat_tables(tables) if tables else _empty()


def scan(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    backend: ScanBackend = "pandas",
    files_per_partition: int = 16,
) -> Any:
    """Read programme files straight into the indicator frame of :func:`to_frame`.

    ``paths`` is a file, a folder (its ``.json``, ``.ndjson`` and ``.jsonl`` files, in
    sorted order, folders within it included) or a list of them. A ``.json`` file holds one
    programme, as :func:`load_file` reads it; an ``.ndjson`` or ``.jsonl`` file holds one
    programme a line (blank lines are skipped). The frame is the one
    ``to_frame([load_file(f) for f in files])`` gives: the same columns, types, rows and
    order, files in the order given.

    It is made for many programmes: each file is parsed by Arrow's JSON reader and checked
    column by column against the same rules as the model (a quantity text is read once
    however often it occurs), with no model object per figure. Anything the model would
    refuse is refused with the :class:`LoadError` that :func:`load_file` raises: the file,
    the line of the record in an NDJSON file, and the field path of the first problem.

    Args:
        paths: A file or folder, or an iterable of them.
        backend: ``"pandas"`` (the default), ``"polars"``, ``"pyarrow"``, or ``"dask"``: a
            lazy Dask frame with one partition per group of ``files_per_partition`` files,
            read where the partitions are computed (for example on a
            ``dask.distributed`` cluster).
        files_per_partition: With ``backend="dask"``, how many files each partition reads.

    Returns:
        A ``pandas.DataFrame``, ``polars.DataFrame``, ``pyarrow.Table`` or Dask frame.

    >>> from unitedfront import scan, to_frame, load_file
    >>> import tempfile, pathlib, json
    >>> from unitedfront import datasets
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder, "linyi.ndjson")
    ...     data = datasets.load("linyi-2024").model_dump(mode="json")
    ...     _ = path.write_text(json.dumps(data, ensure_ascii=False) + "\\n", encoding="utf-8")
    ...     frame = scan(folder, backend="pyarrow")
    >>> frame.num_rows, frame.column("text")[4].as_py()
    (50, '470余条')
    """
    if backend not in (*BACKENDS, "dask"):
        choices = ", ".join(map(repr, (*BACKENDS, "dask")))
        raise AnalysisError(f"unknown backend {backend!r}; choose one of {choices}")
    if not isinstance(files_per_partition, int) or files_per_partition < 1:
        raise AnalysisError(
            f"files_per_partition must be a positive integer, got {files_per_partition!r}"
        )
    need("pyarrow", purpose="scan")
    files = _files(paths)
    if backend == "dask":
        need("dask", "pandas", purpose="a dask frame from scan")
        return _dask(files, files_per_partition)
    need(backend, purpose=f"a {backend} frame")
    return from_arrow(_table(files), backend)


def _partition(files: Sequence[str]) -> Any:
    return from_arrow(_table(files), "pandas")


def _dask(files: list[str], size: int) -> Any:
    import dask.dataframe as dd

    groups = [files[i : i + size] for i in range(0, len(files), size)] or [[]]
    meta = from_arrow(_empty(), "pandas")
    from_map: Callable[..., Any] = dd.from_map
    return from_map(_partition, groups, meta=meta, enforce_metadata=False)


# Kept for the exact figures of an empty file list.
_ = Decimal
