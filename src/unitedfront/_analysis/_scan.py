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
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
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
    INTERVAL_NAMES,
    ColumnType,
    arrow_schema,
    arrow_type,
    decimal_array,
    dictionary_take,
    encoded,
)
from unitedfront._analysis._deps import need
from unitedfront._analysis._frame import BACKENDS, from_arrow, indicator_table
from unitedfront._quantity import Quantity
from unitedfront._reading import read_quantity
from unitedfront._records import ModelClass, is_model_class
from unitedfront._rules import NON_BLANK, WHITESPACE, arrow_pattern
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


#: How a file gives its quantities: all as texts, all as mappings, or either (``None``).
QuantityForm = Literal["text", "mapping"] | None


def _arrow_type(kind: Any, form: QuantityForm = None) -> pa.DataType | None:
    """The Arrow type a field is read as; ``None`` for a quantity given in either form."""
    import pyarrow as pa

    if get_origin(kind) is tuple:
        item = _arrow_type(_unwrap(get_args(kind)[0])[0], form)
        return pa.list_(item)
    if kind is Quantity:
        return _quantity_type(form)
    if kind is _model.Period or kind is date or kind is str or kind is Decimal:
        return pa.string()
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return pa.string()
    if kind is bool:
        return pa.bool_()
    if kind is int:
        return pa.int64()
    if _is_model(kind):
        return pa.struct(_struct_fields(kind, form))
    raise TypeError(f"scan cannot read a field of type {kind!r}")  # pragma: no cover


def _quantity_type(form: QuantityForm) -> pa.DataType | None:
    """A quantity's Arrow type: a text, a mapping of its fields (a figure as the text of
    its number, as files write it), or left to inference."""
    import pyarrow as pa

    if form == "text":
        return pa.string()
    if form == "mapping":
        return pa.struct(_struct_fields(Quantity, form))
    return None


def _struct_fields(model: ModelClass, form: QuantityForm = None) -> list[pa.Field]:
    import pyarrow as pa

    out = []
    for name, info in model.model_fields.items():
        arrow = _arrow_type(_unwrap(info.annotation, info.metadata)[0], form)
        if arrow is not None:
            out.append(pa.field(name, arrow))
    return out


@cache
def file_schema(form: QuantityForm = None) -> pa.Schema:
    """The Arrow schema a programme file is read with, for the form of its quantities."""
    import pyarrow as pa

    return pa.schema(_struct_fields(_model.Programme, form))


def _fixed(kind: Any, form: QuantityForm) -> pa.DataType | None:
    """The type a field must be parsed as where Arrow would infer another, else ``None``.

    Dates and periods are texts (Arrow would make an ISO date a timestamp), a quantity
    has the type of its form; lists and mappings are declared as far as such fields
    lie within them. Every other type is inferred and then checked by :func:`_conform`.
    """
    import pyarrow as pa

    if get_origin(kind) is tuple:
        item = _fixed(_unwrap(get_args(kind)[0])[0], form)
        return None if item is None else pa.list_(item)
    if kind is Quantity:
        return _quantity_type(form)
    if kind is _model.Period or kind is date:
        return pa.string()
    if _is_model(kind):
        fields = []
        for name, info in kind.model_fields.items():
            fixed = _fixed(_unwrap(info.annotation, info.metadata)[0], form)
            if fixed is not None:
                fields.append(pa.field(name, fixed))
        return pa.struct(fields) if fields else None
    return None


@cache
def _parse_schema(form: QuantityForm) -> pa.Schema:
    """The schema the bytes are first parsed with: only the fields :func:`_fixed` fixes."""
    import pyarrow as pa

    fixed = _fixed(_model.Programme, form)
    assert isinstance(fixed, pa.StructType)
    return pa.schema(list(fixed))


def _conform(array: pa.Array, type: pa.DataType) -> pa.Array:
    """An array parsed with inferred types as one of the layout's ``type``.

    A field the data lacks (or gives only as null) is added as nulls; a field the layout
    does not have is kept after the layout's (the checks refuse it); any other type than
    the layout's refuses the read.
    """
    import pyarrow as pa

    if array.type == type:
        return array
    if pa.types.is_null(array.type):
        return pa.nulls(len(array), type)
    mask = array.is_null() if array.null_count else None
    if pa.types.is_struct(type) and pa.types.is_struct(array.type):
        given = {array.type.field(i).name: i for i in range(array.type.num_fields)}
        children = [
            _conform(array.field(given[f.name]), f.type)
            if f.name in given
            else pa.nulls(len(array), f.type)
            for f in type
        ]
        names = [f.name for f in type]
        for name, i in given.items():
            if type.get_field_index(name) < 0:
                children.append(array.field(i))
                names.append(name)
        return pa.StructArray.from_arrays(children, names=names, mask=mask)
    if pa.types.is_list(type) and pa.types.is_list(array.type):
        values = _conform(array.values, type.value_type)
        return pa.ListArray.from_arrays(array.offsets, values, mask=mask)
    raise _RefusedError


def _quantity_form(raw: bytes) -> QuantityForm:
    """How the quantities of these bytes are likely given: as the first one is.

    Arrow's reader refuses a quantity of the other form, and the bytes are then read
    again with the quantity's type left to inference.
    """
    at = raw.find(b'"quantity"')
    if at < 0:
        return None
    start = raw[at + 10 : at + 30].lstrip(b" \t\r\n")
    if start[:1] != b":":
        return None
    start = start[1:].lstrip(b" \t\r\n")[:1]
    return "text" if start == b'"' else "mapping" if start == b"{" else None


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
            if raw[close] != 0x22 or b"\\" in key or key not in nullable:
                return True
        at = raw.find(b"null", at + 4)
    return False


#: Arrow's reader survives nesting this deep (it fails at about 100,000 levels).
_FEW_BRACKETS: Final = 500


def _too_deep(raw: bytes, start: int = 0, end: int | None = None) -> bool:
    """Whether a record (``raw[start:end]``) may nest deeper than ``load_file`` allows
    (``True`` when unsure).

    Arrow's reader recurses without a limit, so nesting is bounded before it reads: a
    record with few brackets cannot nest deep; in one with many, brackets outside strings
    are counted with Arrow's kernels over the bytes. A record with an escaped quote is
    taken to be too deep (the model reads it).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    end = len(raw) if end is None else end
    if raw.count(b"[", start, end) + raw.count(b"{", start, end) < _FEW_BRACKETS:
        # Too few brackets to nest as deep as would harm Arrow's reader: what nests
        # deeper than the layout is refused by the schema check after reading.
        return False
    raw = raw[start:end]
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
def _nullable_everywhere() -> frozenset[bytes]:
    """The field names (UTF-8) that may be null (or are absent) in every model that has them."""
    nullable: dict[str, bool] = {}
    for model in _models():
        for name, info in model.model_fields.items():
            ok = _unwrap(info.annotation, info.metadata)[2] or info.is_required()
            nullable[name] = nullable.get(name, True) and ok
    return frozenset(name.encode() for name, ok in nullable.items() if ok)


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
    return _scan_files([(file, _io._read(file))], _kind(file), read or Read())


#: Consecutive files of one kind are read together, up to about this many bytes at once.
GROUP_BYTES: Final = 16 << 20


def _groups(files: Iterable[str]) -> Iterator[tuple[str, list[tuple[str, bytes]]]]:
    """Runs of consecutive files of one kind, with their bytes.

    A file that cannot be named or read ends the run before it, so that the files before
    it are read (and refused) first, as one after another would be.
    """
    run: list[tuple[str, bytes]] = []
    run_kind = ""
    size = 0
    for file in files:
        try:
            kind = _kind(file)
            raw = _io._read(file)
        except LoadError:
            if run:
                yield run_kind, run
            raise
        if run and (kind != run_kind or size + len(raw) > GROUP_BYTES):
            yield run_kind, run
            run, size = [], 0
        run.append((file, raw))
        run_kind = kind
        size += len(raw)
    if run:
        yield run_kind, run


def _scan_files(
    group: Sequence[tuple[str, bytes]],
    kind: str,
    read: Read,
    parsed: Future[pa.Table | None] | None = None,
) -> pa.Table:
    """The frame of a run of files of one kind: read as one column by column if the
    columnar read takes them all, else file by file (columnar, or exact).

    ``parsed`` is the run's table being parsed already (``None`` in it: Arrow refused).
    """
    import pyarrow as pa

    raws = [raw for _, raw in group]
    table = None
    if parsed is None:
        table = _columnar(raws, kind, read)
    else:
        done = parsed.result()
        if done is not None:
            table = _columnar(raws, kind, read, done)
    if table is not None:
        return table
    if len(group) == 1:
        return _exact(group[0][1], kind, group[0][0])
    return pa.concat_tables([_scan_files([item], kind, read) for item in group])


def _parsed(parts: Sequence[bytes], kind: str) -> pa.Table | None:
    """:func:`_parse`, with ``None`` for a refusal (for a worker thread)."""
    try:
        return _parse(parts, kind)
    except (_RefusedError, UnicodeDecodeError):
        return None


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
    c.name: c.type
    for c in FRAME_COLUMNS
    if c.name in ("text", "qualifier", *INTERVAL_NAMES, "unit", "ordinal")
}


def _stored_type(type: ColumnType) -> pa.DataType:
    """The type a column of the table of quantities is held as: texts as plain texts."""
    import pyarrow as pa

    arrow = arrow_type(type)
    return arrow.value_type if pa.types.is_dictionary(arrow) else arrow


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
                array = pa.array(values, _stored_type(_QUANTITY_COLUMNS[name]))
            self._chunks[name].append(array)
        self._columns = None

    def quantities(self) -> dict[str, pa.Array]:
        """The table of quantities: a column per field of the frame, a row per quantity."""
        import pyarrow as pa

        if self._columns is None:
            self._columns = {
                name: pa.concat_arrays(chunks)
                if chunks
                else pa.array([], _stored_type(_QUANTITY_COLUMNS[name]))
                for name, chunks in self._chunks.items()
            }
        return self._columns


def _columnar(
    raw: bytes | Sequence[bytes],
    kind: str,
    read: Read | None = None,
    parsed: pa.Table | None = None,
) -> pa.Table | None:
    """The frame of a file (or of a group of files of one kind, read as one) read column by
    column, or ``None`` to read it exactly instead; ``parsed`` is its table if parsed
    already."""
    parts = [raw] if isinstance(raw, bytes) else raw
    try:
        table = _parse(parts, kind) if parsed is None else parsed
        return _Columnar(table, read or Read()).table()
    except (_RefusedError, UnicodeDecodeError):
        # A name that is not UTF-8 cannot be a field's; the model says why.
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


def _parse(parts: Sequence[bytes], kind: str) -> pa.Table:
    """The table of the records of these bytes (a file, or a group of files of one kind
    read as one), parsed by Arrow against the layout; refused if it does not fit it."""
    import pyarrow as pa
    import pyarrow.json as pj

    one = kind == "JSON"
    records = longest = 0
    for raw in parts:
        _refuse_if(raw.startswith(_BOMS))
        # Every record must be a mapping (Arrow's reader does not survive some other
        # values in first place): a JSON file starts with one, an NDJSON line is one.
        if one:
            _refuse_if(raw.lstrip(b" \t\r\n")[:1] != b"{")
            _refuse_if(_too_deep(raw))
            records += 1
            longest = max(longest, len(raw))
        else:
            count, widest = _lines(raw)
            records += count
            longest = max(longest, widest)
    # The files of a group are read as one: JSON files as a sequence of mappings,
    # NDJSON files as their lines.
    raw = parts[0] if len(parts) == 1 else b"\n".join(parts)
    _refuse_if(_null_where_refused(raw))
    # Blocks of about a megabyte parse fastest; each must hold a whole record.
    read = pj.ReadOptions(use_threads=True, block_size=max(longest + 1, 1 << 20))
    form = _quantity_form(raw)
    # First with the types of the few fields Arrow would infer otherwise (dates,
    # periods, quantities) and the rest inferred, which parses fastest; then with the
    # whole layout; then with the quantities' type left to inference (texts and
    # mappings mixed). What none of them reads is left to the exact read.
    attempts = [(_parse_schema(form), True), (file_schema(form), False)]
    if form is not None:
        attempts.append((file_schema(None), False))
    for schema, partial in attempts:
        options = pj.ParseOptions(
            explicit_schema=schema, unexpected_field_behavior="infer", newlines_in_values=one
        )
        try:
            table = pj.read_json(io.BytesIO(raw), read_options=read, parse_options=options)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            continue
        _refuse_if(table.num_rows != records)
        try:
            # Arrow's reader does not check that texts are UTF-8; this does, in every text.
            table.validate(full=True)
        except pa.ArrowInvalid:
            raise _RefusedError from None
        table = table.combine_chunks()
        if not partial:
            return table
        full = file_schema(form)
        try:
            columns = [
                _conform(table.column(f.name).chunk(0), f.type)
                if f.name in table.column_names
                else pa.nulls(table.num_rows, f.type)
                for f in full
            ]
        except _RefusedError:
            continue
        extra = [n for n in table.column_names if n not in full.names]
        return pa.Table.from_arrays(
            [*columns, *(table.column(n) for n in extra)], names=[*full.names, *extra]
        )
    raise _RefusedError


def _lines(raw: bytes) -> tuple[int, int]:
    """The records of NDJSON bytes and the length of the longest line; refused if a line
    is not a mapping or may nest too deep."""
    records = longest = start = 0
    end = len(raw)
    while start < end:
        stop = raw.find(b"\n", start)
        if stop < 0:
            stop = end
        first = start
        while first < stop and raw[first] in b" \t\r":
            first += 1
        if first < stop:
            _refuse_if(raw[first] != 0x7B)  # '{'
            _refuse_if(_too_deep(raw, start, stop))
            records += 1
        longest = max(longest, stop - start)
        start = stop + 1
    return records, longest


def _repeats(column: pa.Array) -> bool:
    """Whether the texts of a column are likely to repeat (judged by its first 1,024)."""
    import pyarrow.compute as pc

    head = column.slice(0, 1024)
    return len(pc.unique(head)) <= len(head) // 2


@cache
def _whitespace() -> pa.Array:
    """The characters of :data:`unitedfront._rules.WHITESPACE`, one a text."""
    import pyarrow as pa

    spaces = re.compile(f"[{WHITESPACE}]")
    return pa.array([chr(c) for c in range(0x3001) if spaces.fullmatch(chr(c))], pa.string())


class _Columnar:
    """One file's columnar read: the checks, then the rows."""

    def __init__(self, table: pa.Table, read: Read) -> None:
        self.parsed = table
        self.shared = read
        self.readings = read.readings
        self.dates = read.dates
        self.periods = read.periods

    # ------------------------------------------------------------------ reading

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
            if kind is Quantity and model is _model.Indicator:
                continue  # read with the rows (see _Columnar.quantity_rows)
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
        elif kind is Quantity:  # pragma: no cover - only an indicator holds a quantity
            raise TypeError("scan reads quantities only where an indicator holds them")
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

        if rule.pattern != NON_BLANK.pattern and _repeats(column):
            # Each distinct text once: most repeat (ids, codes from row to row).
            column = pc.unique(column)
        if rule.min_length is not None or rule.max_length is not None:
            # A character is one to four bytes: the byte lengths, read from the offsets alone,
            # settle most columns; the characters are counted only when they do not.
            lengths = pc.min_max(pc.binary_length(column)).as_py()
            low, high = lengths["min"], lengths["max"]
            if (
                low is None
                or (rule.min_length is not None and low < 4 * rule.min_length - 3)
                or (rule.max_length is not None and high > rule.max_length)
            ):
                lengths = pc.min_max(pc.utf8_length(column)).as_py()
                _refuse_if(rule.min_length is not None and lengths["min"] < rule.min_length)
                _refuse_if(rule.max_length is not None and lengths["max"] > rule.max_length)
        if rule.pattern == NON_BLANK.pattern:
            # Texts people read are mostly distinct: a text whose first character is not
            # whitespace holds the pattern; it is searched for in the others only.
            first = pc.utf8_slice_codeunits(column, 0, 1)
            column = pc.filter(column, pc.is_in(first, value_set=_whitespace()))
        if rule.pattern is not None:
            pattern = arrow_pattern(str(rule.pattern))
            _refuse_if(not _all(pc.match_substring_regex(column, pattern)))

    def quantity_rows(self, column: pa.Array) -> pa.Array:
        """Each row's quantity as its row in the scan's table of quantities.

        Each distinct quantity is read once: a text by the reader, a mapping by the model.
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        _refuse_if(column.null_count)
        if pa.types.is_string(column.type):
            encoded = pc.dictionary_encode(column)
            keys = encoded.dictionary.to_pylist()
            for text in keys:
                # A mapping's key starts with NUL (see _quantity_key); no text may.
                _refuse_if(text.startswith("\x00"))
                if text not in self.readings:
                    try:
                        self.readings[text] = read_quantity(text)
                    except QuantityParseError:
                        raise _RefusedError from None
            index = encoded.indices
        else:
            _refuse_if(not pa.types.is_struct(column.type))
            for i in range(column.type.num_fields):
                child = column.type.field(i).type
                plain = pa.types.is_string(child) or pa.types.is_boolean(child)
                _refuse_if(not (plain or pa.types.is_null(child)))
            first, index = _distinct_rows(column)
            mappings = column.take(first)
            keys = _quantity_key(mappings).to_pylist()
            for key, item in zip(keys, mappings.to_pylist(), strict=True):
                if key not in self.readings:
                    data = {k: v for k, v in item.items() if v is not None}
                    try:
                        self.readings[key] = Quantity.model_validate(data)
                    except ValidationError:
                        raise _RefusedError from None
        shared = self.shared
        shared.add_quantities([k for k in dict.fromkeys(keys) if k not in shared.quantity_index])
        at = pa.array([shared.quantity_index[k] for k in keys], pa.int64())
        return pc.take(at, index)

    # ------------------------------------------------------------------ the frame

    def table(self) -> pa.Table:
        table = self.parsed
        if not table.num_rows:
            return _empty()
        programme = _model.Programme
        fields = programme.model_fields
        # The fields of a programme that are its own in every file (its id, place and
        # period) are checked column by column; the rest of its header by the model, once
        # for each distinct rest (the model's rule across a programme's fields reads only
        # its sources and its figures, which are checked with the rows).
        for name in (*_OWN_HEADER, "actions", "indicators"):
            info = fields[name]
            kind, meta, nullable = _unwrap(info.annotation, info.metadata)
            column = table.column(name).chunk(0)
            if column.null_count:
                _refuse_if(info.is_required() and not nullable)
                column = column.filter(column.is_valid())
            self.check_values(column, kind, meta)
        rest = [n for n in table.column_names if n not in (*_OWN_HEADER, "actions", "indicators")]
        own = table.select(list(_OWN_HEADER))
        checked: dict[str, Any] = {}
        headers = []
        for i, row in enumerate(table.select(rest).to_pylist()):
            key = repr(row)
            header = checked.get(key)
            if header is None:
                row.update(own.slice(i, 1).to_pylist()[0])
                try:
                    header = checked[key] = programme.model_validate(_without_nulls(row))
                except ValidationError:
                    raise _RefusedError from None
            headers.append(header)
        return _Rows(self, table, headers).build()


#: A programme's fields that differ from programme to programme in most collections.
_OWN_HEADER: Final = ("id", "jurisdiction", "period")


def _lookup(texts: pa.DictionaryArray, values: list[Any], type: pa.DataType) -> pa.Array:
    """A column of what each row's text was read as: ``values`` holds what each text of
    the dictionary was read as (each distinct text looked up once)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.take(pa.array(values, type), texts.indices)


# --------------------------------------------------------------------------- rules across fields


def _temporal(indicators: pa.Array) -> pa.Array:
    """Each indicator's ``temporal``, read from its other fields where it is not given.

    As the model's ``Indicator`` reads it: ``cumulative`` makes a running total, a period
    alone a flow, a date alone a snapshot; otherwise it stays empty.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    given = pc.struct_field(indicators, "temporal")
    if not given.null_count:
        return given  # given everywhere: nothing to read
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
    # Text reads a bare string in its schema; the columnar read takes only the mapping form.
    _model.Text: set(),
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
        quantity_rows = self.read.quantity_rows
        parts = [
            # Programme-wide figures: no action, no measure.
            _part(
                programmes,
                _Owners(_arange(self.table.num_rows), None, None, None, None),
                quantity_rows,
            ),
            # Each action's own figures.
            _part(
                pc.struct_field(action_rows, "indicators"),
                _Owners(action_programme, action_position, _arange(len(action_rows)), None, None),
                quantity_rows,
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
                quantity_rows,
            ),
        ]
        rows = pa.concat_tables(parts)
        self.check_ids(action_rows, action_programme, measure_rows, measure_action, rows)
        if sum(1 for part in parts if part.num_rows) <= 1:
            # The rows of one level are in walk order as they are.
            return self.frame(rows, action_rows, measure_rows)
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

        items = _whole(rows.column("_item")) if rows.num_rows else None
        programme_of_measure = pc.take(action_of, measure_of)
        owners = [action_of, programme_of_measure]
        entities = [action_rows, measure_rows]
        if items is not None:
            owners.append(_whole(rows.column("_programme")))
            entities.append(items)
        ids = pa.concat_arrays(
            [pc.struct_field(e, "id") for e in entities if len(e)] or [pa.array([], pa.string())]
        )
        owner = pa.concat_arrays(
            [pc.cast(o, pa.int64()) for o, e in zip(owners, entities, strict=True) if len(e)]
            or [pa.array([], pa.int64())]
        )
        # An id as its number among the distinct ids, with its programme: one integer.
        encoded = pc.dictionary_encode(ids)
        keys = _pair(owner, encoded.indices, len(encoded.dictionary))
        _refuse_if(len(pc.unique(keys)) != len(keys))
        for owner_of, entity in zip(owners, entities, strict=True):
            if not len(entity):
                continue
            evidence = pc.struct_field(entity, "evidence")
            named = pc.struct_field(evidence, "source")
            valid = pc.is_valid(named)
            named = pc.dictionary_encode(pc.filter(named, valid))
            number = {name: i for i, name in enumerate(named.dictionary.to_pylist())}
            size = len(number)
            known = [
                p * size + number[source.id]
                for p, header in enumerate(self.headers)
                for source in header.sources
                if source.id in number
            ]
            wanted = _pair(pc.filter(owner_of, valid), named.indices, size)
            _refuse_if(not _all(pc.is_in(wanted, value_set=pa.array(known, pa.int64()))))

    def frame(self, rows: pa.Table, action_rows: pa.Array, measure_rows: pa.Array) -> pa.Table:
        """The frame's columns, in ``FRAME_COLUMNS`` order and types."""
        import pyarrow as pa
        import pyarrow.compute as pc

        schema = arrow_schema(FRAME_COLUMNS)
        if not rows.num_rows:
            return _empty()
        item = _whole(rows.column("_item"))
        # Each row's programme, action and measure, dictionary-encoded once for the
        # columns that take their texts.
        programme = pc.dictionary_encode(_whole(rows.column("_programme")))
        action = pc.dictionary_encode(_whole(rows.column("_action_row")))
        measure = pc.dictionary_encode(_whole(rows.column("_measure_row")))

        types = {f.name: f.type for f in schema}

        def per_programme(column: str, *path: str) -> pa.Array:
            values = field(self.table.column(path[0]).chunk(0), *path[1:])
            return dictionary_take(values, programme, types[column])

        def field(array: pa.Array, *path: str) -> pa.Array:
            for name in path:
                array = pc.struct_field(array, name)
            return array

        def at(column: str, array: pa.Array, index: pa.Array, *path: str) -> pa.Array:
            if not len(array):
                return pa.nulls(len(index), types[column])
            return dictionary_take(field(array, *path), index, types[column])

        name = field(item, "name")
        scope = field(item, "scope")
        evidence = field(item, "evidence")
        own_period = field(item, "period")
        as_of_text = field(item, "as_of")
        read = self.read
        dates = pc.dictionary_encode(as_of_text)
        as_of = _lookup(dates, [read.dates[t] for t in dates.dictionary.to_pylist()], pa.date32())
        # A figure's own period only: one the file does not give is not filled in.
        periods = pc.dictionary_encode(own_period)
        found = [read.periods[t] for t in periods.dictionary.to_pylist()]
        start = _lookup(periods, [p.start for p in found], pa.date32())
        end = _lookup(periods, [p.end for p in found], pa.date32())
        labels = pa.array([str(p) for p in found], types["period"].value_type)
        label = dictionary_take(labels, periods.indices, types["period"])
        year = pc.cast(pc.coalesce(pc.year(as_of), pc.year(end)), pa.int32())
        quantity = self.quantity_columns(_whole(rows.column("_quantity")))
        columns: dict[str, pa.Array] = {
            "programme": per_programme("programme", "id"),
            "jurisdiction": per_programme("jurisdiction", "jurisdiction", "code"),
            "jurisdiction_zh": per_programme("jurisdiction_zh", "jurisdiction", "name", "zh"),
            "jurisdiction_en": per_programme("jurisdiction_en", "jurisdiction", "name", "en"),
            "province": dictionary_take(
                pc.binary_join_element_wise(
                    pc.utf8_slice_codeunits(
                        field(self.table.column("jurisdiction").chunk(0), "code"), 0, 2
                    ),
                    "0000",
                    "",
                ),
                programme,
                types["province"],
            ),
            "period_start": start,
            "period_end": end,
            "period": label,
            "as_of": as_of,
            "temporal": _temporal(item),
            "year": year,
            "action": at("action", action_rows, action, "id"),
            "action_zh": at("action_zh", action_rows, action, "name", "zh"),
            "action_en": at("action_en", action_rows, action, "name", "en"),
            "theme": at("theme", action_rows, action, "theme"),
            "measure": at("measure", measure_rows, measure, "id"),
            "measure_zh": at("measure_zh", measure_rows, measure, "name", "zh"),
            "measure_en": at("measure_en", measure_rows, measure, "name", "en"),
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
        arrays = [
            columns[f.name]
            if columns[f.name].type == f.type
            else encoded(columns[f.name], f.type)
            if pa.types.is_dictionary(f.type)
            else pc.cast(columns[f.name], f.type)
            for f in schema
        ]
        return pa.Table.from_arrays(arrays, schema=schema)

    def quantity_columns(self, index: pa.Array) -> dict[str, pa.Array]:
        """The quantity's columns, from the rows of the scan's table of quantities."""
        import pyarrow as pa
        import pyarrow.compute as pc

        shared = self.read.shared
        out = {}
        owners = pc.dictionary_encode(index)
        for name, column in shared.quantities().items():
            type = arrow_type(_QUANTITY_COLUMNS[name])
            if pa.types.is_dictionary(type):
                out[name] = dictionary_take(column, owners, type)
            else:
                out[name] = pc.take(column, index)
        return out


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
    """``0, 1, … n - 1`` as an Arrow array, built by Arrow's kernels."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not n:
        return pa.array([], pa.int64())
    return pc.subtract(pc.cumulative_sum(pa.repeat(pa.scalar(1, pa.int64()), n)), 1)


def _part(
    lists: pa.Array, owners: _Owners, quantity_rows: Callable[[pa.Array], pa.Array]
) -> pa.Table:
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
            if missing is None:
                return pa.nulls(n, pa.int64())
            return pa.repeat(pa.scalar(missing, pa.int64()), n)
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
            "_quantity": quantity_rows(pc.struct_field(flat, "quantity")),
        }
    )


@cache
def _indicator_type() -> pa.StructType:
    """The type of an indicator in the file schema (its quantity is inferred per file)."""
    item: pa.StructType = file_schema().field("indicators").type.value_type
    return item


def _distinct_rows(column: pa.Array) -> tuple[pa.Array, pa.Array]:
    """The first row of each distinct value of a struct array, and each row's distinct value.

    Each field is dictionary-encoded and the codes are combined field by field into one
    code per row, numbered again after each field so that it stays small.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    code = pa.array([0] * len(column), pa.int64())
    for i in range(column.type.num_fields):
        encoded = pc.dictionary_encode(pc.struct_field(column, i), null_encoding="encode")
        values = pc.cast(encoded.indices, pa.int64())
        code = pc.add(pc.multiply(code, len(encoded.dictionary)), values)
        code = pc.cast(pc.dictionary_encode(code).indices, pa.int64())
    # Codes are numbered in order of first appearance: a row is a first where the
    # running maximum of the codes grows.
    highest = pc.cumulative_max(code)
    grows = pc.not_equal(highest.slice(1), highest.slice(0, len(highest) - 1))
    if not len(column):
        return pa.array([], pa.int64()), code
    grown = pc.cast(pc.indices_nonzero(grows), pa.int64())
    first = pa.concat_arrays([pa.array([0], pa.int64()), pc.add(grown, 1)])
    return first, code


def _positions(lists: pa.Array) -> pa.Array:
    """Each item's position in its list, for the items of ``list_flatten(lists)``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    lengths = pc.fill_null(pc.list_value_length(lists), 0)
    starts = pc.subtract(pc.cumulative_sum(lengths), lengths)
    parent = pc.list_parent_indices(lists)
    count = len(parent)
    return pc.subtract(_arange(count), pc.take(pc.cast(starts, pa.int64()), parent))


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
            "_quantity": ints,
        }
    )


def _paths(rows: pa.Table) -> pa.Array:
    """Each row's path in its programme: ``actions[2].measures[0].indicators[1]``.

    The same positions recur from programme to programme: each distinct one is written
    once.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    def column(name: str, shift: int) -> tuple[pa.Array, int]:
        values = pc.add(_whole(rows.column(name)), shift)
        return values, (pc.max(values).as_py() or 0) + 1

    action, actions = column("_action", 1)
    measure, measures = column("_measure", 1)
    index, indices = column("_index", 0)
    _refuse_if(actions * measures * indices >= 1 << 62)
    code = _pair(_pair(action, measure, measures), index, indices)
    encoded = pc.dictionary_encode(code)
    paths = []
    for number in encoded.dictionary.to_pylist():
        rest, i = divmod(number, indices)
        a, m = divmod(rest, measures)
        top = f"indicators[{i}]"
        paths.append(
            top
            if a == 0
            else f"actions[{a - 1}].{top}"
            if m == 0
            else f"actions[{a - 1}].measures[{m - 1}].{top}"
        )
    # Each distinct path once: the dictionary of the column.
    type = arrow_type(next(c.type for c in FRAME_COLUMNS if c.name == "path"))
    indices = pc.cast(encoded.indices, type.index_type)
    return pa.DictionaryArray.from_arrays(indices, pa.array(paths, type.value_type), safe=False)


def _whole(column: pa.ChunkedArray) -> pa.Array:
    """A column as one array: its one chunk with rows as it is, else its chunks joined."""
    chunks = [chunk for chunk in column.chunks if len(chunk)]
    return chunks[0] if len(chunks) == 1 else column.combine_chunks()


def _pair(first: pa.Array, second: pa.Array, size: int) -> pa.Array:
    """One integer for each pair of integers, the second of which is below ``size``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.add(pc.multiply(pc.cast(first, pa.int64()), size), pc.cast(second, pa.int64()))


# --------------------------------------------------------------------------- scan


def _table(files: Sequence[str]) -> pa.Table:
    """The frame of the files, in order.

    While one run of files is checked and made into rows, the next is parsed on a second
    thread (Arrow's reader and kernels let go of the interpreter while they work).
    """
    import pyarrow as pa

    read = Read()
    tables = []
    with ThreadPoolExecutor(max_workers=1) as pool:
        waiting: tuple[list[tuple[str, bytes]], str, Future[pa.Table | None]] | None = None
        runs = _groups(files)
        while True:
            try:
                kind, group = next(runs)
            except StopIteration:
                break
            except LoadError:
                # The run before a file that cannot be read is read (and refused) first.
                if waiting is not None:
                    _scan_files(waiting[0], waiting[1], read, waiting[2])
                raise
            parsing = pool.submit(_parsed, [raw for _, raw in group], kind)
            if waiting is not None:
                tables.append(_scan_files(waiting[0], waiting[1], read, waiting[2]))
            waiting = (group, kind, parsing)
        if waiting is not None:
            tables.append(_scan_files(waiting[0], waiting[1], read, waiting[2]))
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
    from dask.dataframe.utils import clear_known_categories

    groups = [files[i : i + size] for i in range(0, len(files), size)] or [[]]
    # Each partition has the categories of its own files: Dask knows them only when read.
    unknown: Callable[[Any], Any] = clear_known_categories  # dask is untyped
    meta = unknown(from_arrow(_empty(), "pandas"))
    from_map: Callable[..., Any] = dd.from_map
    return from_map(_partition, groups, meta=meta, enforce_metadata=False)


# Kept for the exact figures of an empty file list.
_ = Decimal
