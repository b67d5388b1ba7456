"""scan(): programme files straight into the frame to_frame(load_file(...)) gives, or its error."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, example, given, strategies as st

from tests._heavy import heavy
from tests.strategies import programmes
from unitedfront import AnalysisError, Indicator, LoadError, Programme, load_file, scan, to_frame
from unitedfront._analysis import _scan

DATA = Path(__file__).parents[1] / "src" / "unitedfront" / "data" / "programmes"
BUNDLED = sorted(DATA.glob("*.json"))
LINYI = DATA / "linyi-2024.json"
BAD = Path(__file__).parent / "data" / "bad"


def _outcome(run: Any) -> tuple[Any, ...]:
    """What a read gives: its frame, or the kind, place and message of its refusal."""
    try:
        return ("frame", run())
    except LoadError as exc:
        return ("refused", exc.path, exc.line, exc.message)
    except AnalysisError:
        return ("does not fit",)


def _expected(files: list[Path]) -> tuple[Any, ...]:
    """What load_file and to_frame give for the same files (NDJSON: one record a file)."""
    programmes: list[Programme] = []
    for file in files:
        if file.suffix == ".json":
            outcome = _outcome(lambda file=file: load_file(file))
            if outcome[0] != "frame":
                return outcome
            programmes.append(outcome[1])
            continue
        for number, line in enumerate(file.read_text(encoding="utf-8").split("\n"), 1):
            if not line.strip():
                continue
            one = file.with_name(f"{file.stem}-{number}.json")
            one.write_text(line, encoding="utf-8")
            outcome = _outcome(lambda one=one: load_file(one))
            one.unlink()
            if outcome[0] == "refused":
                return (*outcome[:2], number, outcome[3])
            if outcome[0] != "frame":
                return outcome
            programmes.append(outcome[1])
    return _outcome(lambda: to_frame(programmes, backend="pyarrow"))


def _plain(table: pa.Table) -> pa.Table:
    """The table with its dictionary-encoded columns decoded: the values each row holds."""
    columns = [
        column.cast(column.type.value_type) if pa.types.is_dictionary(column.type) else column
        for column in table.columns
    ]
    return pa.Table.from_arrays(columns, names=table.column_names)


def assert_same_frame(got: pa.Table, expected: pa.Table) -> None:
    """The same schema (types and descriptions) and the same values in every row.

    Dictionaries may differ in layout (a scan's runs of files are chunks with their own);
    a user concatenates the two frames all the same.
    """
    assert got.schema.equals(expected.schema, check_metadata=True)
    assert _plain(got).equals(_plain(expected))
    assert pa.concat_tables([got, expected]).num_rows == got.num_rows + expected.num_rows


def _same(files: list[Path]) -> tuple[Any, ...]:
    """Scan the files and require what load_file and to_frame give; return that."""
    expected = _expected(files)
    got = _outcome(lambda: scan(files, backend="pyarrow"))
    if expected[0] == "frame":
        assert got[0] == "frame", got
        assert_same_frame(got[1], expected[1])
    else:
        assert got == expected
    return expected


# --------------------------------------------------------------------------- bundled data


@pytest.mark.parametrize("file", BUNDLED, ids=lambda p: p.stem)
def test_each_bundled_programme_scans_to_its_frame(file: Path) -> None:
    """Each bundled file gives exactly the frame of to_frame(load_file(file))."""
    assert _same([file])[0] == "frame"


def test_a_folder_of_the_bundled_files_scans_in_sorted_order(tmp_path: Path) -> None:
    """A folder's files are read in sorted order, into one frame."""
    for file in BUNDLED:
        shutil.copy(file, tmp_path / file.name)
    expected = to_frame([load_file(f) for f in BUNDLED], backend="pyarrow")
    assert_same_frame(scan(tmp_path, backend="pyarrow"), expected)


def test_the_bundled_programmes_as_one_ndjson_file(tmp_path: Path) -> None:
    """NDJSON holds one programme a line; blank lines are skipped."""
    lines = [json.dumps(json.loads(f.read_text(encoding="utf-8"))) for f in BUNDLED]
    file = tmp_path / "all.ndjson"
    file.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    assert _same([file])[0] == "frame"


def test_most_bundled_files_take_the_columnar_read() -> None:
    """The bundled files whose forms the file schema holds are read column by column."""
    columnar = [f.stem for f in BUNDLED if _scan._columnar(f.read_bytes(), "JSON") is not None]
    # Shandong's figures mix texts and mappings, which the columnar read leaves to the model.
    assert columnar == [f.stem for f in BUNDLED if f.stem != "shandong-acfic-2019"]


@pytest.mark.parametrize("backend", ["pandas", "polars"])
def test_the_other_backends_convert_the_same_table(backend: str) -> None:
    """pandas and polars frames are the Arrow table converted, as to_frame converts it."""
    got = scan(LINYI, backend=backend)  # type: ignore[arg-type]
    expected = to_frame(load_file(LINYI), backend=backend)  # type: ignore[arg-type]
    assert got.equals(expected)


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "name", sorted(p.name for p in BAD.iterdir() if p.suffix == ".json"), ids=str
)
def test_a_malformed_file_is_refused_as_load_file_refuses_it(name: str) -> None:
    """Each malformed JSON file of the load_file suite fails with the same error (the few
    that load and only fail validation load alike)."""
    outcome = _same([BAD / name])
    assert outcome[0] == "refused" or name.startswith("valid-")


def test_a_bad_line_of_an_ndjson_file_is_named_by_its_line(tmp_path: Path) -> None:
    """The error names the file, the line of the record and the field path."""
    data = json.loads(LINYI.read_text(encoding="utf-8"))
    bad = json.loads(json.dumps(data))
    bad["actions"][1]["measures"][0]["indicators"][0]["kind"] = "guess"
    file = tmp_path / "two.ndjson"
    file.write_text(f"{json.dumps(data)}\n\n{json.dumps(bad)}\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        scan(file)
    assert (caught.value.file, caught.value.line) == (str(file), 3)
    assert caught.value.path == "actions[1].measures[0].indicators[0].kind"


def _indicator(data: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = data["actions"][0]["measures"][0]["indicators"][0]
    return first


# Each edit of the first Linyi file breaks a rule across fields, or keeps to it.
_ACROSS: list[Callable[[dict[str, Any]], object]] = [
    # a snapshot taken over a period
    lambda d: _indicator(d).update(temporal="snapshot", period="2024", as_of=None),
    # cumulative, but said to be a flow
    lambda d: _indicator(d).update(temporal="flow", cumulative=True),
    # a span on a figure that is not a running total
    lambda d: _indicator(d).update(span="P3Y", temporal="flow", as_of=None, period="2024"),
    # a running total with its span: fine
    lambda d: _indicator(d).update(span="P3Y", cumulative=True, as_of="2024-06-30"),
    # a measure naming an aspect its action does not have
    lambda d: d["actions"][0]["measures"][0].update(aspect="elsewhere"),
    # an aspect id twice
    lambda d: d["actions"][0].update(
        aspects=[{"id": "a", "name": {"zh": "甲"}}, {"id": "a", "name": {"zh": "乙"}}]
    ),
    # a measure naming one of its action's aspects: fine
    lambda d: (
        d["actions"][0].update(aspects=[{"id": "a", "name": {"zh": "甲"}}]),
        d["actions"][0]["measures"][0].update(aspect="a"),
    ),
]


@pytest.mark.parametrize("edit", range(len(_ACROSS)))
def test_the_rules_across_fields_give_the_same_verdict(edit: int, tmp_path: Path) -> None:
    """The model validators' rules are checked by the columnar read too."""
    data = json.loads(LINYI.read_text(encoding="utf-8"))
    _ACROSS[edit](data)
    raw = json.dumps(data).encode()
    file = tmp_path / "edited.json"
    file.write_bytes(raw)
    outcome = _same([file])
    # The columnar read takes exactly what the model takes.
    assert (_scan._columnar(raw, "JSON") is not None) == (outcome[0] == "frame")


@pytest.mark.parametrize("suffix", [".json", ".ndjson"])
def test_deep_nesting_is_refused_before_arrow_reads_it(suffix: str, tmp_path: Path) -> None:
    """Arrow's reader recurses without a limit: nesting is measured first, as load_file does."""
    file = tmp_path / f"deep{suffix}"
    file.write_text('{"notes": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    with pytest.raises(LoadError, match="nested deeper than 32 levels"):
        scan(file)
    # Brackets inside a text do not count.
    assert _scan._too_deep(b'{"a": "' + b"[" * 600 + b'"}') is False
    assert _scan._too_deep(b'{"a": ' + b"[" * 600 + b"]" * 600 + b"}") is True


def test_an_unknown_suffix_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    """Files are named by their suffix; a missing one is refused as load_file refuses it."""
    with pytest.raises(LoadError, match="scan reads files ending in one of"):
        scan(tmp_path / "programme.yaml")
    with pytest.raises(LoadError, match="no such file"):
        scan(tmp_path / "missing.json")


def test_unknown_options_are_refused() -> None:
    """An unknown backend or a partition size that is not a positive integer is refused."""
    with pytest.raises(AnalysisError, match="unknown backend"):
        scan([], backend="excel")  # type: ignore[arg-type]
    with pytest.raises(AnalysisError, match="files_per_partition"):
        scan([], files_per_partition=0)
    with pytest.raises(AnalysisError, match="paths of files or folders"):
        scan([3])  # type: ignore[list-item]


def test_no_files_give_an_empty_frame_of_the_same_columns(tmp_path: Path) -> None:
    """An empty folder gives the frame of no programmes."""
    expected = to_frame([], backend="pyarrow")
    assert_same_frame(scan(tmp_path, backend="pyarrow"), expected)


def test_files_read_as_one_run_are_refused_in_order(tmp_path: Path) -> None:
    """Files of one kind are parsed together; the error is still the first bad file's."""
    good = LINYI.read_text(encoding="utf-8")
    data = json.loads(good)
    bad = json.loads(good)
    bad["actions"][0]["measures"][0]["indicators"][0]["metric"] = "Not A Code"
    files = [tmp_path / f"{i}.ndjson" for i in range(3)]
    for file, record in zip(files, [data, bad, data], strict=True):
        file.write_text(json.dumps(record) + "\n", encoding="utf-8")
    missing = tmp_path / "missing.ndjson"
    with pytest.raises(LoadError) as caught:
        scan([files[0], files[1], missing])
    assert (caught.value.file, caught.value.line) == (str(files[1]), 1)
    assert caught.value.path == "actions[0].measures[0].indicators[0].metric"
    with pytest.raises(LoadError, match="no such file"):
        scan([files[0], missing, files[1]])
    # Good files read together give the frames of each, in order.
    expected = to_frame([load_file(LINYI)] * 2, backend="pyarrow")
    assert_same_frame(scan([files[0], files[2]], backend="pyarrow"), expected)


def test_a_text_that_reads_as_a_date_keeps_the_columnar_read(tmp_path: Path) -> None:
    """Arrow would take ``"2024-06-30"`` in a name for a timestamp: the file is parsed again
    with the whole layout, and its frame is still the model's."""
    data = json.loads(LINYI.read_text(encoding="utf-8"))
    _indicator(data)["name"] = {"zh": "2024-06-30"}
    raw = json.dumps(data, ensure_ascii=False).encode()
    file = tmp_path / "dated.json"
    file.write_bytes(raw)
    table = _scan._columnar(raw, "JSON")
    assert table is not None
    assert_same_frame(table, to_frame(load_file(file), backend="pyarrow"))


@pytest.mark.parametrize("zh", ["\u3000", " \t", "\u3000甲", " 甲", "甲 "])
def test_a_text_of_whitespace_only_is_refused(zh: str, tmp_path: Path) -> None:
    """A text people read needs a character that is not whitespace, wherever it starts."""
    data = json.loads(LINYI.read_text(encoding="utf-8"))
    _indicator(data)["name"] = {"zh": zh}
    file = tmp_path / "named.ndjson"
    file.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    outcome = _same([file])
    assert (outcome[0] == "frame") == bool(zh.strip())


@pytest.mark.parametrize(
    ("quote", "read"),
    [
        ("甲" * 3_400, True),  # 10,200 bytes, 3,400 characters: within the 10,000 allowed
        ("甲" * 10_000, True),
        ("甲" * 10_001, False),
        ("x" * 10_001, False),
    ],
)
def test_a_text_s_length_is_counted_in_characters(quote: str, read: bool, tmp_path: Path) -> None:
    """Byte lengths settle most columns; a column they do not settle has its characters
    counted: a long text within the limit keeps the columnar read, and the verdict is
    load_file's."""
    data = json.loads(LINYI.read_text(encoding="utf-8"))
    _indicator(data)["evidence"]["quote"] = quote
    raw = (json.dumps(data, ensure_ascii=False) + "\n").encode()
    file = tmp_path / "quoted.ndjson"
    file.write_bytes(raw)
    assert (_scan._columnar(raw, "NDJSON") is not None) == read
    assert (_same([file])[0] == "frame") == read


def test_only_an_indicator_holds_a_quantity() -> None:
    """The columnar read takes a quantity with the rows of figures; no other model has one."""
    holders = [
        model.__name__
        for model in _scan._models()
        for info in model.model_fields.values()
        if "Quantity" in repr(info.annotation)
    ]
    assert holders == ["Indicator"]


def test_a_programme_s_rule_across_fields_reads_no_field_of_its_own() -> None:
    """The header is checked by the model once for each distinct rest of it (all but its
    id, place and period, checked column by column): that holds while the programme's one
    rule across fields reads only its sources and its figures."""
    decorators = Programme.__pydantic_decorators__
    assert set(decorators.model_validators) == {"_check_references"}
    assert not decorators.field_validators
    assert _scan._OWN_HEADER == ("id", "jurisdiction", "period")


def test_the_first_parse_fixes_only_what_arrow_would_infer_otherwise() -> None:
    """Dates, periods and quantities are declared; every other type is inferred and checked."""
    schema = _scan._parse_schema("text")
    indicator = schema.field("indicators").type.value_type
    assert {f.name for f in indicator} == {"period", "as_of", "quantity"}
    assert set(schema.names) == {"period", "adopted", "actions", "indicators", "sources"}


# --------------------------------------------------------------------------- properties

# Values that break one rule or another wherever they are put.
_WRONG = [
    None,
    "",
    " ",
    "\u3000",
    "\u3000甲",
    "2024-06-30",
    "Not A Slug",
    "x" * 81,
    "guess",
    "2024-13-01",
    "2024/2023",
    "470余条",
    "很多",
    "snapshot",
    "flow",
    "running_total",
    "P3Y",
    1,
    1.5,
    True,
    [],
    [None],
    {},
    {"zh": "\u3000"},
]


def _places(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value in the data."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _places(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _places(value, (*path, i))


@st.composite
def _files(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Programme data as files hold it: valid, or with one value changed, removed or added."""
    made = [draw(programmes()).model_dump(mode="json") for _ in range(draw(st.integers(1, 3)))]
    for data in made:
        if draw(st.booleans()):  # figures written as their text
            for place in list(_places(data)):
                if place and place[-1] == "quantity":
                    _at(data, place[:-1])["quantity"] = _at(data, place)["text"]
    if draw(st.booleans()):
        data = draw(st.sampled_from(made))
        place = draw(st.sampled_from([p for p in _places(data) if p]))
        owner = _at(data, place[:-1])
        change = draw(st.sampled_from(["replace", "remove", "add"]))
        if change == "replace":
            owner[place[-1]] = draw(st.sampled_from(_WRONG))
        elif change == "remove" and isinstance(owner, dict):
            del owner[place[-1]]
        elif isinstance(owner, dict):
            owner["surplus"] = 1
    return made


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


@heavy(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(made=_files(), ndjson=st.booleans(), split=st.booleans())
@example(made=[{"id": "x"}], ndjson=True, split=False)
def test_scan_and_load_file_agree_on_any_file(
    made: list[dict[str, Any]],
    ndjson: bool,
    split: bool,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Good or bad, files get the same verdict, error path and frame from both readers.

    Several files are read together as one run (NDJSON with NDJSON, JSON with JSON), so
    the verdict must also be the first bad file's, in order.
    """
    folder = tmp_path_factory.mktemp("files")
    if ndjson and split:  # one NDJSON file a record, read as one run
        files = []
        for i, data in enumerate(made):
            files.append(folder / f"{i}.ndjson")
            files[-1].write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    elif ndjson:
        file = folder / "all.ndjson"
        file.write_text("".join(json.dumps(d) + "\n" for d in made), encoding="utf-8")
        files = [file]
    else:
        files = []
        for i, data in enumerate(made):
            files.append(folder / f"{i}.json")
            files[-1].write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    _same(files)


@heavy(suppress_health_check=[HealthCheck.too_slow])
@given(programme=programmes())
def test_a_valid_programme_takes_the_columnar_read(programme: Programme) -> None:
    """Every valid programme in the file layout is read column by column, not by the model."""
    raw = json.dumps(programme.model_dump(mode="json")).encode()
    table = _scan._columnar(raw, "JSON")
    assert table is not None
    assert_same_frame(table, to_frame(programme, backend="pyarrow"))


def test_the_file_schema_follows_the_model() -> None:
    """Every field of the model is in the file schema, under its own name, but quantities."""
    schema = _scan.file_schema()
    assert schema.names == list(Programme.model_fields)
    indicator = _scan._indicator_type()
    assert isinstance(indicator, pa.StructType)
    # The quantity is left to inference: a text or a mapping.
    assert [f.name for f in indicator] == [n for n in Indicator.model_fields if n != "quantity"]


def test_every_rule_across_fields_of_a_checked_model_is_checked() -> None:
    """The model validators of the models read column by column are the ones scan checks."""
    for model, names in _scan.ACROSS_FIELDS_VALIDATORS.items():
        decorators = model.__pydantic_decorators__  # type: ignore[attr-defined]
        assert set(decorators.model_validators) == names, model.__name__
        assert not decorators.field_validators, model.__name__
        assert "__post_init__" not in vars(model), model.__name__


# --------------------------------------------------------------------------- dask


@pytest.mark.slow
def test_scan_runs_on_a_distributed_cluster_of_two_workers(tmp_path: Path) -> None:
    """With backend="dask" each group of files is one partition, read on the workers."""
    distributed = pytest.importorskip("distributed")
    for file in BUNDLED:
        shutil.copy(file, tmp_path / file.name)
    expected = to_frame([load_file(f) for f in BUNDLED], backend="pandas")
    with (
        distributed.LocalCluster(
            n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        frame = scan(tmp_path, backend="dask", files_per_partition=2)
        assert frame.npartitions == -(-len(BUNDLED) // 2)  # two files to a partition
        got = frame.compute()
    assert got.reset_index(drop=True).equals(expected)
