"""Small functions the benchmarks share: medians, fresh processes, memory and the machine.

Timings on a shared machine are noisy, so every figure is a median of repeated runs, and
every comparison times both sides in the same run, taking turns, so that a busy machine
slows them alike.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def median(values: Sequence[float]) -> float:
    """The median of some timings."""
    return statistics.median(values)


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds one call of ``function`` takes (after a full collection), and its result."""
    gc.collect()
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def alternate(
    functions: Sequence[Callable[[], Any]], repeat: int, *, keep: bool = False
) -> list[list[float]]:
    """Time each function ``repeat`` times, taking turns; the seconds of every run of each.

    The result of each call is dropped before the next one unless ``keep`` is set, so that
    large results do not pile up in memory.
    """
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(repeat):
        for i, function in enumerate(functions):
            elapsed, result = timed(function)
            times[i].append(elapsed)
            if not keep:
                del result
    return times


def rss_bytes() -> int:
    """The resident memory of this process now, in bytes (Linux ``/proc/self/statm``)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        resident = int(handle.read().split()[1])
    return resident * os.sysconf("SC_PAGE_SIZE")


def release_free_memory() -> None:
    """Hand the memory the C allocator holds free back to the system (glibc only).

    After a large load, glibc keeps much of what was freed (the parsed JSON document, say)
    for reuse; without this, resident memory counts it as held.
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if name is None:  # pragma: no cover - not a glibc system
        return
    libc = ctypes.CDLL(name)
    trim = getattr(libc, "malloc_trim", None)
    if trim is not None:
        trim(0)


def peak_rss_bytes() -> int:
    """The largest resident memory this process has had, in bytes."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def child(arguments: Sequence[str], *, timeout: float = 3600) -> Any:
    """Run ``python <arguments>`` in a fresh process and read the JSON it prints last."""
    # The repository root first (for ``benchmarks``), then anything the caller set.
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    env = dict(os.environ, PYTHONPATH=path)
    done = subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"benchmark process {' '.join(arguments)} failed ({done.returncode}):\n"
            + done.stderr[-4000:]
        )
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return json.loads(lines[-1])


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, str]:
    """What the figures were measured on: CPU, cores, Python and library versions."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        usable = os.cpu_count() or 0
    return {
        "cpu": _cpu_model(),
        "cores": f"{os.cpu_count()} ({usable} usable)",
        "python": platform.python_version(),
        "pydantic": _version("pydantic"),
        "pydantic-core": _version("pydantic-core"),
        "msgspec": _version("msgspec"),
        "polars": _version("polars"),
        "cn2an": _version("cn2an"),
        "os": platform.platform(terse=True),
    }
