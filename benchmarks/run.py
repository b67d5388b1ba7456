"""Every performance figure of the library, measured in one run and printed as one table.

Run from the repository root::

    uv run python benchmarks/run.py           # the figures at 1,000,000 indicators
    uv run python benchmarks/run.py --quick   # the same at 50,000 indicators, in a few minutes
    uv run python benchmarks/run.py --only validate,memory --indicators 200000

Each figure is measured in fresh processes (an import, a first load, a corpus held in
memory), against a baseline timed in the same run, taking turns with it, and given as the
median of repeated runs. Validation is measured on four corpora (structured quantities or
Chinese text; repeating or unique ids and quotes) against ``json.loads`` of the same bytes,
with msgspec and orjson as reference lines, the garbage collector treated alike for all.
The table gives each figure, ours, the baseline, their ratio, the aim and whether it is
met; notes under the table give what explains a missed aim. The figures are described in
``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._timing import (
    alternate,
    child,
    machine,
    median,
    peak_rss_bytes,
    release_free_memory,
    rss_bytes,
)

QUICK_INDICATORS = 50_000
FULL_INDICATORS = 1_000_000
FIGURES = ("import", "load", "validate", "parse", "find", "analysis", "memory", "scan")


# --------------------------------------------------------------------------- the table


@attrs.frozen(slots=True)
class Row:
    """One line of the table."""

    figure: str
    ours: str
    baseline: str
    ratio: str
    aim: str
    met: str


def _rate(per_second: float) -> str:
    if per_second >= 1e6:
        return f"{per_second / 1e6:.2f}M/s"
    if per_second >= 1e3:
        return f"{per_second / 1e3:.1f}k/s"
    return f"{per_second:.0f}/s"


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _times(ratio: float) -> str:
    """A ratio of times, ours over the baseline's, said as slower or faster."""
    if ratio >= 1:
        return f"{ratio:.2f}x slower"
    return f"{1 / ratio:.2f}x faster"


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"


def print_table(rows: Sequence[Row], notes: Sequence[str], *, markdown: bool = False) -> None:
    """The table, aligned for a terminal or as Markdown, and the notes under it."""
    header = Row("figure", "ours", "baseline (same run)", "ratio", "aim", "met")
    table = [header, *rows]
    names = [f.name for f in attrs.fields(Row)]
    widths = [max(len(getattr(r, name)) for r in table) for name in names]
    for i, row in enumerate(table):
        cells = [getattr(row, name) for name in names]
        if markdown:
            print("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
            if i == 0:
                print("|" + "|".join(" --- " for _ in names) + "|")
            continue
        print(" | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
        if i == 0:
            print("-+-".join("-" * w for w in widths))
    if notes:
        print()
        for note in notes:
            print(f"- {note}" if markdown else note)


# --------------------------------------------------------------------------- 1. import


_IMPORTS = {
    "unitedfront": "import unitedfront",
    "unitedfront+model": "import unitedfront\nunitedfront.Programme",
    "deps": "import pydantic, attrs",
    "deps+model": "import pydantic, attrs\nclass M(pydantic.BaseModel):\n    x: int",
}
# Run with ``python -c`` so that nothing else is imported first.
_IMPORT_CHILD = (
    "import time\nstart = time.perf_counter()\n{code}\n"
    "print('{{\"seconds\": %r}}' % (time.perf_counter() - start))"
)


def _import_seconds(which: str) -> float:
    seconds: float = child(["-c", _IMPORT_CHILD.format(code=_IMPORTS[which])])["seconds"]
    return seconds


def figure_import(args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    runs = 12 if args.quick else 40
    names = list(_IMPORTS)
    for name in names:  # compiled bytecode in place before anything is timed
        _import_seconds(name)
    seconds: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(runs):
        for name in names:
            seconds[name].append(_import_seconds(name))
    ours, first_use, deps, deps_model = (median(seconds[n]) for n in names)
    rows = [
        Row(
            "1a import unitedfront (fresh process)",
            _ms(ours),
            f"import pydantic, attrs {_ms(deps)}",
            f"{ours / deps:.2f}x",
            "<= 1.15x",
            _yes(ours / deps <= 1.15),
        ),
        Row(
            "1b import + first use (unitedfront.Programme)",
            _ms(first_use),
            f"same + one BaseModel {_ms(deps_model)}",
            f"{first_use / deps_model:.2f}x",
            "<= 1.15x",
            _yes(first_use / deps_model <= 1.15),
        ),
    ]
    notes = [
        f"1: medians of {runs} fresh processes each, taking turns, bytecode cached; the time "
        "of the import statements alone. `import unitedfront` loads its parts on first use; "
        "1b's baseline defines one pydantic model, which loads the parts of pydantic any "
        "model needs."
    ]
    return rows, notes


# --------------------------------------------------------------------------- 2. load_all


def child_load(_: argparse.Namespace) -> dict[str, Any]:
    import unitedfront

    datasets = unitedfront.datasets
    from importlib.resources import files

    folder = files("unitedfront").joinpath("data", "programmes")
    paths = [folder.joinpath(f"{id}.json") for id in datasets.available()]
    for path in paths:  # the files in the page cache for both sides
        path.read_bytes()
    cold, _ = _timed_once(datasets.load_all)
    plain, _ = _timed_once(lambda: [json.loads(p.read_bytes()) for p in paths])
    datasets._cache.clear()
    warm, _ = _timed_once(datasets.load_all)
    return {"cold": cold, "json": plain, "warm": warm}


def _timed_once(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def figure_load(args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    runs = 7 if args.quick else 25
    results = [child(["benchmarks/run.py", "--child", "load"]) for _ in range(runs)]
    cold, warm, plain = (median([r[k] for r in results]) for k in ("cold", "warm", "json"))
    rows = [
        Row(
            "2a datasets.load_all() after import (first use)",
            _ms(cold),
            f"json.loads {_ms(plain)}",
            f"{cold / plain:.0f}x",
            "report",
            "-",
        ),
        Row(
            "2b datasets.load_all() again (models built)",
            _ms(warm),
            f"json.loads {_ms(plain)}",
            f"{warm / plain:.1f}x",
            "report",
            "-",
        ),
    ]
    notes = [
        f"2: medians of {runs} fresh processes; 2a includes building the models' validators, "
        "which `import unitedfront` defers to first use; 2b validates the five files again."
    ]
    return rows, notes


# --------------------------------------------------------------------------- 3. validation


#: The corpora of figures 3, 7 and 8: (label, quantities as Chinese text, unique strings).
_CORPORA = (
    ("a", False, False),
    ("b", True, False),
    ("c", False, True),
    ("d", True, True),
)
#: Figure 3 only: 3d's corpus with every figure's text one of its own (gen_corpus distinct).
_DISTINCT = ("e", True, True)


def _form(text: bool, unique: bool, distinct: bool = False) -> str:
    quantities = "quantity strings" if text else "structured quantities"
    if distinct:
        quantities += " each its own"
    return f"{quantities}, {'unique' if unique else 'repeating'} ids and quotes"


def child_validate(args: argparse.Namespace) -> dict[str, Any]:
    import orjson
    from benchmarks._mirror import decoder
    from benchmarks.gen_corpus import corpus_json
    from pydantic import TypeAdapter

    from unitedfront import Programme

    raw = Path(args.corpus).read_bytes()
    adapter = TypeAdapter(list[Programme])
    structs = decoder()
    small = corpus_json(2_000, text=args.text, unique=args.unique, distinct=args.distinct)
    adapter.validate_json(small)  # warm: any lazy set-up out of the timings
    structs.decode(small)
    contenders = [
        lambda: adapter.validate_json(raw),
        lambda: structs.decode(raw),
        lambda: json.loads(raw),
        lambda: orjson.loads(raw),
    ]
    running = alternate(contenders, args.repeat)
    paused = alternate([_collector_paused(f) for f in contenders], max(1, args.repeat // 2))
    names = ("ours", "msgspec", "json", "orjson")
    return {
        "running": dict(zip(names, running, strict=True)),
        "paused": dict(zip(names, paused, strict=True)),
        "bytes": len(raw),
    }


def _collector_paused(function: Callable[[], Any]) -> Callable[[], Any]:
    """``function`` run with the cyclic garbage collector paused, restored however it ends."""

    def run() -> Any:
        gc.disable()
        try:
            return function()
        finally:
            gc.enable()

    return run


def figure_validate(args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    n = args.indicators
    rows = []
    notes = []
    for label, text, unique in (*_CORPORA, _DISTINCT):
        distinct = label == _DISTINCT[0]
        arguments = ["benchmarks/run.py", "--child", "validate", "--repeat", str(args.repeat)]
        arguments += ["--corpus", _corpus(args, text, unique, distinct)]
        arguments += [*(["--text"] if text else []), *(["--unique"] if unique else [])]
        arguments += ["--distinct"] if distinct else []
        result = child(arguments)
        running = {k: median(v) for k, v in result["running"].items()}
        paused = {k: median(v) for k, v in result["paused"].items()}
        ours, plain = running["ours"], running["json"]
        rows.append(
            Row(
                f"3{label} validate {n:,} indicators, {_form(text, unique, distinct)}",
                _rate(n / ours),
                f"json.loads {_rate(n / plain)}",
                f"{plain / ours:.2f}x json.loads",
                ">= 0.5x json.loads",
                _yes(plain / ours >= 0.5),
            )
        )
        rows.append(
            Row(
                f"3{label}' the same: references",
                "-",
                f"msgspec {_rate(n / running['msgspec'])}, orjson {_rate(n / running['orjson'])}",
                f"ours {running['msgspec'] / ours:.2f}x msgspec",
                "report",
                "-",
            )
        )
        notes.append(
            f"3{label}: {result['bytes'] / 1e6:.0f} MB of JSON; every line timed in one process, "
            "taking turns, the cyclic garbage collector running as users run it (msgspec's "
            "Structs declared gc=False, as msgspec recommends). With the collector paused "
            f"for all four alike: ours {_rate(n / paused['ours'])} "
            f"({paused['json'] / paused['ours']:.2f}x json.loads), json.loads "
            f"{_rate(n / paused['json'])}, msgspec {_rate(n / paused['msgspec'])}, orjson "
            f"{_rate(n / paused['orjson'])}."
        )
    return rows, notes


def _corpus(
    args: argparse.Namespace, text: bool, unique: bool = False, distinct: bool = False
) -> str:
    """The path of the corpus JSON of this run (made once, in a fresh process)."""
    name = (
        f"corpus-{args.indicators}-{'text' if text else 'structured'}"
        f"-{'unique' if unique else 'repeating'}{'-distinct' if distinct else ''}.json"
    )
    path = Path(args.workdir) / name
    if not path.exists():
        arguments = ["benchmarks/run.py", "--child", "corpus", "--corpus", str(path)]
        arguments += ["--indicators", str(args.indicators)]
        arguments += [*(["--text"] if text else []), *(["--unique"] if unique else [])]
        child([*arguments, *(["--distinct"] if distinct else [])])
    return str(path)


def child_corpus(args: argparse.Namespace) -> dict[str, Any]:
    from benchmarks.gen_corpus import corpus_json

    raw = corpus_json(args.indicators, text=args.text, unique=args.unique, distinct=args.distinct)
    Path(args.corpus).write_bytes(raw)
    return {"bytes": len(raw)}


# --------------------------------------------------------------------------- 4. parse


def child_parse(args: argparse.Namespace) -> dict[str, Any]:
    import random

    from benchmarks.bench_quantities import cn2an_smart, cn2an_value, corpus, our_value

    from unitedfront import parse_quantity
    from unitedfront._reading import read_quantity

    kinds = corpus(2000, random.Random(20240627))
    both = [
        text
        for items in kinds.values()
        for text in items
        if our_value(text) is not None and our_value(text) == cn2an_value(text)
    ]

    def run(function: Callable[[str], object]) -> Callable[[], None]:
        def go() -> None:
            for text in both:
                function(text)

        return go

    def cached() -> None:  # a fresh cache of 2,048 texts each pass, as a first reading meets it
        run(functools.lru_cache(maxsize=2048)(read_quantity))()

    ours, theirs, reader, with_cache = alternate(
        [run(parse_quantity), run(cn2an_smart), run(read_quantity), cached], args.repeat
    )
    return {"n": len(both), "ours": ours, "cn2an": theirs, "reader": reader, "cached": with_cache}


def figure_parse(args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    result = child(["benchmarks/run.py", "--child", "parse", "--repeat", str(args.repeat * 3)])
    n = result["n"]
    ours, theirs = median(result["ours"]), median(result["cn2an"])
    reader, cached = median(result["reader"]), median(result["cached"])
    speedup = theirs / ours
    rows = [
        Row(
            "4 parse_quantity, distinct texts (expressions/s)",
            _rate(n / ours),
            f"cn2an smart {_rate(n / theirs)}",
            _times(ours / theirs),
            ">= 5x faster",
            _yes(speedup >= 5),
        )
    ]
    notes = [
        f"4: {n:,} distinct numbers both read alike (Arabic, decimal, 万/亿, Chinese, "
        "full width), each read once per pass; the library keeps no cache. The grammar alone "
        f"(the reading, no Quantity built): {_rate(n / reader)} ({theirs / reader:.2f}x "
        f"cn2an). A cache of the 2,048 latest texts in front of the grammar: "
        f"{_rate(n / cached)} ({reader / cached - 1:+.0%} against none)."
    ]
    return rows, notes


# --------------------------------------------------------------------------- 5. find


def child_find(args: argparse.Namespace) -> dict[str, Any]:
    import cn2an
    from benchmarks.bench_quantities import seed_texts

    from unitedfront import find_quantities

    texts = seed_texts()
    if not texts:
        return {"missing": True}
    one = "\n".join(texts)
    big = "\n".join([one] * max(1, 2_000_000 // len(one.encode("utf-8"))))

    def theirs() -> object:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return cn2an.transform(big, "cn2an")

    ours_t, theirs_t = alternate([lambda: find_quantities(big), theirs], args.repeat)
    return {"bytes": len(big.encode("utf-8")), "ours": ours_t, "cn2an": theirs_t}


def figure_find(args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    result = child(["benchmarks/run.py", "--child", "find", "--repeat", str(args.repeat * 3)])
    if result.get("missing"):
        return [Row("5 find_quantities", "skipped", "-", "-", ">= 2 MB/s", "-")], [
            "5: the source texts were not found (set UNITEDFRONT_SEEDS)."
        ]
    size = result["bytes"]
    ours, theirs = median(result["ours"]), median(result["cn2an"])
    rows = [
        Row(
            "5 find_quantities over the sources (MB/s of UTF-8)",
            f"{size / ours / 1e6:.2f} MB/s",
            f"cn2an.transform {size / theirs / 1e6:.2f} MB/s",
            _times(ours / theirs),
            ">= 2 MB/s",
            _yes(size / ours / 1e6 >= 2),
        )
    ]
    notes = [
        f"5: the five normalised sources repeated to {size / 1e6:.1f} MB; cn2an.transform "
        "rewrites the numerals of a text, a lighter job (no units, qualifiers or intervals)."
    ]
    return rows, notes


# --------------------------------------------------------------------------- 6. analysis


def child_analysis(args: argparse.Namespace) -> dict[str, Any]:
    import polars as pl
    from benchmarks.bench_analysis import METRIC, check_same, polars_compare, polars_rollup
    from benchmarks.gen_corpus import corpus
    from benchmarks.polars_by_hand import polars_frame

    import unitedfront as uf

    programmes = corpus(args.indicators)
    few = programmes[:50]  # any first-call set-up (imports, schemas) out of the timings
    for frame in (uf.to_frame(few, backend="polars"), polars_frame(few)):
        uf.compare(frame, METRIC), uf.rollup(frame)
        polars_compare(frame, METRIC), polars_rollup(frame)
    ours_frame, hand_frame = alternate(
        [lambda: uf.to_frame(programmes, backend="polars"), lambda: polars_frame(programmes)],
        args.repeat,
    )
    df: pl.DataFrame = uf.to_frame(programmes, backend="polars")
    by_hand = polars_frame(programmes)
    if not by_hand.equals(df):
        raise SystemExit("the hand-written frame differs from to_frame's")
    programmes.clear()  # the frame is all that is needed from here on
    del by_hand
    gc.collect()
    ours_cmp, hand_cmp = alternate(
        [lambda: uf.compare(df, METRIC), lambda: polars_compare(df, METRIC)], args.repeat * 3
    )
    if uf.compare(df, METRIC).height != polars_compare(df, METRIC).height:
        raise SystemExit("the hand-written comparison differs from compare's")
    ours_roll, hand_roll = alternate(
        [lambda: uf.rollup(df), lambda: polars_rollup(df)], args.repeat
    )
    check_same(uf.rollup(df), polars_rollup(df))
    return {
        "to_frame": [ours_frame, hand_frame],
        "compare": [ours_cmp, hand_cmp],
        "rollup": [ours_roll, hand_roll],
    }


def figure_analysis(args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    n = args.indicators
    arguments = ["benchmarks/run.py", "--child", "analysis", "--repeat", str(args.repeat)]
    result = child([*arguments, "--indicators", str(n)])
    rows = []
    for i, name in enumerate(("to_frame", "compare", "rollup")):
        ours, hand = (median(t) for t in result[name])
        call = "to_frame(backend='polars')" if name == "to_frame" else f"{name} on a polars frame"
        rows.append(
            Row(
                f"6{'abc'[i]} {call}, {n:,} indicators",
                _ms(ours),
                f"polars by hand {_ms(hand)}",
                _times(ours / hand),
                "<= 3x slower",
                _yes(ours / hand <= 3),
            )
        )
    notes = [
        "6: the hand-written versions (benchmarks/polars_by_hand.py, bench_analysis.py) give "
        "the same frame, rows and totals, checked before the figures are printed. 6b: compare "
        "also gives each row's verdict against the others of its metric (the comparable "
        "column), which the hand-written version does not; 6c: both refuse series whose "
        "places' figures are not alike, and rollup writes why."
    ]
    return rows, notes


# --------------------------------------------------------------------------- 7. memory


def child_memory(args: argparse.Namespace) -> dict[str, Any]:
    from benchmarks._mirror import decoder
    from pydantic import TypeAdapter

    from unitedfront import Programme

    if args.which == "msgspec":
        structs = decoder()
        structs.decode(b"[]")
        load: Callable[[bytes], Any] = structs.decode
    else:
        adapter = TypeAdapter(list[Programme])
        adapter.validate_json(b"[]")
        load = adapter.validate_json
    raw = Path(args.corpus).read_bytes()
    gc.collect()
    before = rss_bytes() - len(raw)
    held = load(raw)
    del raw
    gc.collect()
    release_free_memory()
    after = rss_bytes()
    return {"held": after - before, "peak": peak_rss_bytes() - before, "count": len(held)}


def figure_memory(args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    n = args.indicators
    rows = []
    notes = []
    for label, text, unique in _CORPORA:
        corpus = _corpus(args, text, unique)
        ours = child(["benchmarks/run.py", "--child", "memory", "--corpus", corpus])
        theirs = child(
            ["benchmarks/run.py", "--child", "memory", "--corpus", corpus, "--which", "msgspec"]
        )
        per, their_per = ours["held"] / n, theirs["held"] / n
        aim = 1500 if unique else None
        rows.append(
            Row(
                f"7{label} memory holding {n:,} indicators, {_form(text, unique)}",
                f"{per:,.0f} B/indicator",
                f"msgspec {their_per:,.0f} B/indicator",
                f"{per / their_per:.2f}x",
                "report" if aim is None else f"<= {aim:,} B",
                "-" if aim is None else _yes(per <= aim),
            )
        )
        notes.append(
            f"7{label}: resident memory after loading and handing back what the C allocator "
            "held free, less before (the JSON bytes excluded); peak while validating "
            f"{ours['peak'] / n:,.0f} B/indicator (msgspec {theirs['peak'] / n:,.0f})."
        )
    return rows, notes


# --------------------------------------------------------------------------- 8. scan


def _ndjson_folder(corpus: str) -> Path:
    """The corpus as NDJSON files of 50 programmes each, beside it (written once)."""
    from benchmarks.bench_scan import write_ndjson

    folder = Path(f"{corpus}.ndjson.d")
    if not folder.exists():
        folder.mkdir()
        write_ndjson(folder, json.loads(Path(corpus).read_bytes()), 50)
    return folder


def child_scan(args: argparse.Namespace) -> dict[str, Any]:
    from unitedfront import scan

    folder = _ndjson_folder(args.corpus)
    files = [path.read_bytes() for path in sorted(folder.glob("*.ndjson"))]
    scan(sorted(folder.glob("*.ndjson"))[:1], backend="pyarrow")  # first-call set-up

    def loads() -> list[object]:
        return [json.loads(line) for raw in files for line in raw.splitlines()]

    ours, theirs = alternate([lambda: scan(folder, backend="pyarrow"), loads], args.repeat)
    return {
        "scan": ours,
        "json": theirs,
        "bytes": sum(len(raw) for raw in files),
        "files": len(files),
    }


def child_scan_memory(args: argparse.Namespace) -> dict[str, Any]:
    from benchmarks.bench_scan import held_by_scan

    from unitedfront import scan

    folder = _ndjson_folder(args.corpus)
    scan(sorted(folder.glob("*.ndjson"))[:1], backend="pyarrow")  # imports, kernels, caches
    return held_by_scan(folder)


def figure_scan(args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    n = args.indicators
    rows = []
    notes = []
    for label, text, unique in _CORPORA:
        corpus = _corpus(args, text, unique)
        arguments = ["benchmarks/run.py", "--corpus", corpus]
        speed = child([*arguments, "--child", "scan", "--repeat", str(args.repeat)])
        held = child([*arguments, "--child", "scan-memory"])
        ours, plain = median(speed["scan"]), median(speed["json"])
        # The frame's buffers counted whole, or what Arrow's allocator grew by if more.
        per = max(held["buffers"], held["allocated"]) / held["rows"]
        rows.append(
            Row(
                f"8{label} scan {n:,} indicators from NDJSON, {_form(text, unique)}",
                _rate(n / ours),
                f"json.loads {_rate(n / plain)}",
                f"{plain / ours:.2f}x json.loads",
                ">= 2x json.loads",
                _yes(plain / ours >= 2),
            )
        )
        rows.append(
            Row(
                f"8{label}' the same: memory the frame holds",
                f"{per:,.0f} B/indicator",
                "-",
                "-",
                "<= 300 B",
                _yes(per <= 300),
            )
        )
        notes.append(
            f"8{label}: scan(folder, backend='pyarrow') reads {speed['files']} NDJSON files "
            f"({speed['bytes'] / 1e6:.0f} MB) itself; json.loads parses the same bytes held in "
            "memory, line by line; taking turns in one process. Memory, in a fresh process: "
            f"the frame's Arrow buffers {held['buffers'] / held['rows']:,.0f} B/indicator "
            f"(each counted whole), Arrow's allocator grew {held['allocated'] / held['rows']:,.0f}"
            f" B/indicator, the process {held['resident'] / held['rows']:,.0f} B/indicator."
        )
    return rows, notes


# --------------------------------------------------------------------------- main

_CHILDREN: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "corpus": child_corpus,
    "load": child_load,
    "validate": child_validate,
    "parse": child_parse,
    "find": child_find,
    "analysis": child_analysis,
    "memory": child_memory,
    "scan": child_scan,
    "scan-memory": child_scan_memory,
}
_FIGURES: dict[str, Callable[[argparse.Namespace], tuple[list[Row], list[str]]]] = {
    "import": figure_import,
    "load": figure_load,
    "validate": figure_validate,
    "parse": figure_parse,
    "find": figure_find,
    "analysis": figure_analysis,
    "memory": figure_memory,
    "scan": figure_scan,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="50,000 indicators, fewer runs")
    parser.add_argument("--indicators", type=int, help="corpus size (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the large figures")
    parser.add_argument("--only", help=f"comma-separated figures of: {', '.join(FIGURES)}")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    # Used by the fresh processes the figures are measured in.
    parser.add_argument("--child", choices=list(_CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--which", default="ours", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--text", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--unique", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--distinct", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.indicators is None:
        args.indicators = QUICK_INDICATORS if args.quick else FULL_INDICATORS
    if args.child:
        print(json.dumps(_CHILDREN[args.child](args)))
        return 0

    chosen = FIGURES if args.only is None else tuple(args.only.split(","))
    unknown = [name for name in chosen if name not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; choose from {', '.join(FIGURES)}")
    print("unitedfront benchmarks" + (" (--quick)" if args.quick else ""))
    for key, value in machine().items():
        print(f"  {key:14}{value}")
    print(f"  {'indicators':14}{args.indicators:,}; {args.repeat} timed runs per figure\n")
    rows: list[Row] = []
    notes: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="uf-bench-") as workdir:
        args.workdir = workdir
        # Imports are timed as users meet them, with compiled bytecode cached (kept in the
        # run's own folder, not beside the sources).
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(Path(workdir, "pycache"))
        for name in chosen:
            figure_start = time.perf_counter()
            print(f"measuring {name} ...", file=sys.stderr, flush=True)
            more_rows, more_notes = _FIGURES[name](args)
            rows += more_rows
            notes += more_notes
            print(
                f"  {name}: {time.perf_counter() - figure_start:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    print_table(rows, notes, markdown=args.markdown)
    print(f"\n(measured in {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
