"""The columnar bulk path: ``scan`` against ``json.loads`` and the object path, one run.

Writes a corpus from :mod:`benchmarks.gen_corpus` as NDJSON files (one programme a line,
``--per-file`` programmes a file) into a temporary folder, then times, taking turns:

- ``json.loads`` of every line of the same bytes (held in memory: the reference line);
- ``scan(folder, backend="pyarrow")``, which reads the files itself;
- the object path: ``load`` of every line through the model, then ``to_frame``.

It prints the indicators per second of each, the ratios, and the memory the frame holds
per indicator (its Arrow buffers, and the growth of the process while it is built)::

    uv run python benchmarks/bench_scan.py --indicators 150000
    uv run python benchmarks/bench_scan.py --indicators 150000 --text   # quantities as text
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._timing import alternate, median, rss_bytes
from benchmarks.gen_corpus import corpus_data

from unitedfront import scan, to_frame
from unitedfront._io import programme_from_data


def write_corpus(folder: Path, indicators: int, per_file: int, text: bool) -> list[bytes]:
    """The corpus as NDJSON files in ``folder``; the bytes of each file."""
    data = corpus_data(indicators, text=text)
    out = []
    for start in range(0, len(data), per_file):
        lines = [json.dumps(p, ensure_ascii=False) for p in data[start : start + per_file]]
        raw = ("\n".join(lines) + "\n").encode("utf-8")
        (folder / f"part-{start // per_file:05d}.ndjson").write_bytes(raw)
        out.append(raw)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--indicators", type=int, default=150_000)
    parser.add_argument("--per-file", type=int, default=50, help="programmes per NDJSON file")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--text", action="store_true", help="quantities written as text")
    parser.add_argument("--skip-objects", action="store_true", help="leave out the object path")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = write_corpus(folder, args.indicators, args.per_file, args.text)
        size = sum(len(raw) for raw in files)

        def loads() -> list[object]:
            return [json.loads(line) for raw in files for line in raw.splitlines()]

        def scanned() -> object:
            return scan(folder, backend="pyarrow")

        def objects() -> object:
            programmes = [programme_from_data(d) for d in loads()]
            return to_frame(programmes, backend="pyarrow")

        table = scanned()
        rows = table.num_rows  # type: ignore[attr-defined]
        checks = [loads, scanned] if args.skip_objects else [loads, scanned, objects]
        times = alternate(checks, args.repeat)

        del table
        gc.collect()
        before = rss_bytes()
        table = scanned()
        grown = rss_bytes() - before
        held = table.nbytes  # type: ignore[attr-defined]

    names = ["json.loads", "scan", "object path"]
    medians = [median(t) for t in times]
    print(
        f"corpus: {rows} indicators in {len(files)} NDJSON files, {size / 1e6:.1f} MB, "
        f"quantities as {'text' if args.text else 'mappings'}; median of {args.repeat} runs"
    )
    for label, seconds in zip(names, medians, strict=False):
        print(f"  {label:<12} {seconds:8.3f} s  {rows / seconds:>10,.0f} indicators/s")
    print(f"  scan / json.loads speed: {medians[0] / medians[1]:.2f}x")
    if len(medians) > 2:
        print(f"  scan / object path speed: {medians[2] / medians[1]:.2f}x")
    print(
        f"  memory held by the frame: {held / rows:.0f} B per indicator (Arrow buffers), "
        f"process grew {grown / rows:.0f} B per indicator while scanning"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
