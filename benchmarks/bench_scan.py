"""The columnar bulk path: ``scan`` against ``json.loads`` and the object path, one run.

Writes a corpus from :mod:`benchmarks.gen_corpus` as NDJSON files (one programme a line,
``--per-file`` programmes a file) into a temporary folder, then times, taking turns:

- ``json.loads`` of every line of the same bytes (held in memory: the reference line);
- ``scan(folder, backend="pyarrow")``, which reads the files itself;
- the object path: ``load`` of every line through the model, then ``to_frame``.

It prints the indicators per second of each, the ratios, and the memory the frame holds
per indicator: every Arrow buffer it references, counted whole (a column that is a slice
of a larger buffer counts all of it), what Arrow's allocator holds more after the scan
than before, and the growth of the resident memory of the process::

    uv run python benchmarks/bench_scan.py --indicators 150000
    uv run python benchmarks/bench_scan.py --indicators 150000 --text   # quantities as text
    uv run python benchmarks/bench_scan.py --indicators 150000 --unique # an id and quote each
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._timing import alternate, median, release_free_memory, rss_bytes
from benchmarks.gen_corpus import corpus_data

from unitedfront import scan, to_frame
from unitedfront._io import programme_from_data


def write_corpus(
    folder: Path, indicators: int, per_file: int, text: bool, unique: bool = False
) -> list[bytes]:
    """The corpus as NDJSON files in ``folder``; the bytes of each file."""
    return write_ndjson(folder, corpus_data(indicators, text=text, unique=unique), per_file)


def write_ndjson(folder: Path, data: list[Any], per_file: int) -> list[bytes]:
    """Programme data as NDJSON files of ``per_file`` programmes in ``folder``; their bytes."""
    out = []
    for start in range(0, len(data), per_file):
        lines = [json.dumps(p, ensure_ascii=False) for p in data[start : start + per_file]]
        raw = ("\n".join(lines) + "\n").encode("utf-8")
        (folder / f"part-{start // per_file:05d}.ndjson").write_bytes(raw)
        out.append(raw)
    return out


def held_by_scan(folder: Path) -> dict[str, int]:
    """What a frame of ``scan(folder)`` holds, in bytes, with the number of its rows.

    ``buffers`` is every Arrow buffer the frame references, each counted whole and once;
    ``allocated`` is how much more Arrow's allocator holds after the scan than before
    (the frame and anything the scan left behind); ``resident`` is the growth of the
    process's resident memory, after the C allocator and Arrow's have handed back the
    pages they hold free.
    """
    import pyarrow as pa

    gc.collect()
    release_free_memory()
    resident, allocated = rss_bytes(), pa.total_allocated_bytes()
    table = scan(folder, backend="pyarrow")
    gc.collect()
    release_free_memory()
    pa.default_memory_pool().release_unused()  # Arrow's allocator keeps freed pages too
    return {
        "rows": table.num_rows,
        "buffers": table.get_total_buffer_size(),
        "allocated": pa.total_allocated_bytes() - allocated,
        "resident": rss_bytes() - resident,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--indicators", type=int, default=150_000)
    parser.add_argument("--per-file", type=int, default=50, help="programmes per NDJSON file")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--text", action="store_true", help="quantities written as text")
    parser.add_argument("--unique", action="store_true", help="a distinct id and quote each")
    parser.add_argument("--skip-objects", action="store_true", help="leave out the object path")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = write_corpus(folder, args.indicators, args.per_file, args.text, args.unique)
        size = sum(len(raw) for raw in files)

        def loads() -> list[object]:
            return [json.loads(line) for raw in files for line in raw.splitlines()]

        def scanned() -> object:
            return scan(folder, backend="pyarrow")

        def objects() -> object:
            programmes = [programme_from_data(d) for d in loads()]
            return to_frame(programmes, backend="pyarrow")

        rows = scanned().num_rows  # type: ignore[attr-defined]
        checks = [loads, scanned] if args.skip_objects else [loads, scanned, objects]
        times = alternate(checks, args.repeat)
        held = held_by_scan(folder)

    names = ["json.loads", "scan", "object path"]
    medians = [median(t) for t in times]
    print(
        f"corpus: {rows} indicators in {len(files)} NDJSON files, {size / 1e6:.1f} MB, "
        f"quantities as {'text' if args.text else 'mappings'}, "
        f"{'unique' if args.unique else 'repeating'} ids and quotes; "
        f"median of {args.repeat} runs"
    )
    for label, seconds in zip(names, medians, strict=False):
        print(f"  {label:<12} {seconds:8.3f} s  {rows / seconds:>10,.0f} indicators/s")
    print(f"  scan / json.loads speed: {medians[0] / medians[1]:.2f}x")
    if len(medians) > 2:
        print(f"  scan / object path speed: {medians[2] / medians[1]:.2f}x")
    print(
        f"  memory held by the frame: {held['buffers'] / rows:.0f} B per indicator (its Arrow "
        f"buffers, each counted whole), Arrow's allocator holds {held['allocated'] / rows:.0f} "
        f"B more, the process grew {held['resident'] / rows:.0f} B per indicator"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
