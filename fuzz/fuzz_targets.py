"""Long fuzzing runs of the functions that read untrusted text and files.

Run from the repository root (not collected by pytest)::

    uv run python fuzz/fuzz_targets.py --examples 100000 --seed 0

Each target draws inputs with hypothesis, both random ones and ones built from the
library's own vocabulary (the text functions also get bytes, ``None`` and numbers one
draw in twenty; ``load_file`` and ``scan`` get files of arbitrary bytes), and checks on
every call that:

- only the library's own exceptions (:class:`unitedfront.errors.UnitedFrontError` and its
  subclasses) are raised; ``load_file`` raises nothing but ``LoadError`` (a pydantic
  ``ValidationError`` escaping it is a failure); ``scan`` gives a frame or a ``LoadError``,
  and of a ``.json`` file exactly the verdict and error ``load_file`` gives;
- ``Programme.model_validate_json`` gives the programme, or the errors (type and field
  path), that the same data validated as Python objects gives;
- no call runs longer than ``--timeout`` seconds (a timer interrupts it);
- ``find_quantities`` gives offsets inside the text, in order and without overlap, with
  ``text[start:end] == match.text == match.quantity.text``;
- the reader under them (``unitedfront._reading``) refuses only with a coded
  ``QuantityParseError``, reads exactly what the grammar's match alone reads (its
  shortcuts for the common shapes change nothing), and ``parse_quantity`` holds exactly
  the reading it reads.

A failure does not stop the run: the shortest input of each kind of failure is kept and
printed at the end, after a table of examples run, failures and the slowest call per
target. The exit status is 1 when any target failed.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import (
    HealthCheck,
    Phase,
    given,
    seed as hypothesis_seed,
    settings,
    strategies as st,
)
from pydantic import ValidationError

from unitedfront import (
    Programme,
    comparability,
    draft,
    find_jurisdictions,
    find_quantities,
    load_file,
    normalize_source,
    parse_quantity,
    scan,
)
from unitedfront._parse import UNITS
from unitedfront._reading import MAX_LENGTH, _general, find_readings, read_quantity
from unitedfront.errors import (
    LoadError,
    MissingExtraError,
    NotTextError,
    QuantityParseError,
    UnitedFrontError,
)

# --------------------------------------------------------------------------- strategies

DIGITS = list("0123456789０１２３４５６７８９")
CN_DIGITS = list("〇零一二三四五六七八九两壹贰叁肆伍陆柒捌玖貳參陸")
CN_PLACES = ["十", "百", "千", "万", "亿", "拾", "佰", "仟", "萬", "億", "万亿", "十万"]
QUALIFIERS = [
    "余",
    "多",
    "近",
    "超",
    "约",
    "第",
    "逾",
    "将近",
    "接近",
    "大约",
    "不少于",
    "不超过",
    "不到",
    "不足",
    "至少",
    "最多",
    "超过",
    "以上",
    "以下",
    "以内",
    "左右",
    "达到",
    "累计",
    "共计",
    "余万",
]
PUNCT = list('.,，、。．·:：;；%％‰+-—~至到“”"《》()（）[] \n\t')
OTHER = ["年", "月", "日", "号", "分之", "百分点", "个百分点", "企业", "走访", "商会", "届"]
VOCABULARY = DIGITS + CN_DIGITS + CN_PLACES + QUALIFIERS + PUNCT + OTHER + list(UNITS)


def quantity_texts() -> st.SearchStrategy[str]:
    """Texts biased towards quantity expressions: words of the parser's own grammar."""
    tokens = st.lists(st.sampled_from(VOCABULARY), max_size=30).map("".join)
    mixed = st.lists(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=3)), max_size=30).map(
        "".join
    )
    # A repeated fragment gives long inputs, where a slow pattern would show.
    repeated = st.tuples(
        st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=6).map("".join),
        st.integers(1, 600),
    ).map(lambda pair: pair[0] * pair[1])
    return st.one_of(tokens, mixed, repeated)


def any_texts() -> st.SearchStrategy[str]:
    """Random Unicode text, and text biased towards the quantity grammar."""
    return st.one_of(st.text(max_size=300), quantity_texts())


def text_or_not() -> st.SearchStrategy[Any]:
    """Mostly text; one draw in twenty is bytes, ``None`` or a number, which must be
    refused with the library's own error, not a ``TypeError`` or ``AttributeError``."""
    not_text = st.one_of(st.binary(max_size=40), st.none(), st.integers(), st.floats())
    return st.integers(0, 19).flatmap(lambda i: not_text if i == 0 else any_texts())


def _base_programme() -> dict[str, Any]:
    """A small programme with every level filled, cut down from a bundled one."""
    raw = files("unitedfront").joinpath("data", "programmes", "ningbo-acfic-2023.json")
    data: dict[str, Any] = json.loads(raw.read_bytes())
    action = dict(data["actions"][0])
    action["measures"] = action["measures"][:2]
    data["actions"] = [action]
    return data


_BASE = _base_programme()
_BASE_JSON = json.dumps(_BASE, ensure_ascii=False, indent=1)
_TOML_BASE = """id = "demo-2024"
title = "示例方案"
kind = "plan"
framework = "other"
issuer = "市委统战部"
period = "2024"

[jurisdiction]
code = "371000"
name = "威海市"
level = "prefecture"

[[sources]]
id = "doc"
title = "原文"

[[declared]]
part = "actions"
count = 2
"""
JSON_TOKENS = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    '"id"',
    '"actions"',
    '"measures"',
    '"indicators"',
    '"quantity"',
    '"value"',
    '"x"',
    '"\\u0000"',
    '"\\ud800"',
    "null",
    "true",
    "false",
    "NaN",
    "-Infinity",
    "1e999",
    "0",
    "-1",
    "3.5",
    "1" * 120,
    '"',
    "\\",
    " ",
    "\n",
]
YAML_TOKENS = [
    "- ",
    ": ",
    "\n",
    "  ",
    "id",
    "actions",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!!python/object/apply:os.system ['true']",
    "!!str ",
    "!!int ",
    "!!binary ",
    "!!set ",
    "!!timestamp ",
    "<<: ",
    "---\n",
    "...\n",
    "{",
    "}",
    "[",
    "]",
    ",",
    "? ",
    "|",
    ">",
    "'",
    '"',
    ".nan",
    ".inf",
    "2024-03-20",
    "1" * 120,
    "null",
    "~",
    "#",
    "\t",
    "\x00",
    "\ufeff",
]
TOML_TOKENS = [
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    ",",
    "\n",
    "id",
    "actions",
    '"x"',
    "'x'",
    '"""',
    "'''",
    "nan",
    "inf",
    "-inf",
    "1" * 5000,
    "0x7f",
    "1979-05-27T07:32:00Z",
    "true",
    "3.5",
    "#",
    ".",
]
SUFFIXES = [".json", ".yaml", ".yml", ".toml"]


@st.composite
def _mutated(draw: st.DrawFn, base: bytes) -> bytes:
    """A base document with a few byte-level edits: deletions, copies, insertions."""
    data = bytearray(base)
    for _ in range(draw(st.integers(0, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["delete", "copy", "insert", "flip", "truncate"]))
        if kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "copy":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
        elif kind == "insert":
            tokens = JSON_TOKENS + YAML_TOKENS + TOML_TOKENS
            data[at:at] = draw(st.sampled_from(tokens)).encode("utf-8")
        elif kind == "flip":
            data[at] = draw(st.integers(0, 255))
        else:
            del data[at:]
    return bytes(data)


def _yaml_base() -> bytes:
    import yaml

    return yaml.safe_dump(_BASE, allow_unicode=True, sort_keys=False).encode("utf-8")


def file_contents() -> st.SearchStrategy[tuple[str, bytes]]:
    """(suffix, bytes): random bytes, grammar-built documents and edited real ones."""

    def joined(tokens: list[str]) -> st.SearchStrategy[bytes]:
        return st.lists(st.sampled_from(tokens), max_size=60).map(
            lambda parts: "".join(parts).encode("utf-8")
        )

    nested = st.integers(1, 80).map(lambda n: ("[" * n + "]" * n).encode())
    bodies = st.one_of(
        st.binary(max_size=400),
        st.text(max_size=200).map(lambda s: s.encode("utf-8")),
        joined(JSON_TOKENS),
        joined(YAML_TOKENS),
        joined(TOML_TOKENS),
        nested,
        _mutated(_BASE_JSON.encode("utf-8")),
        _mutated(_yaml_base()),
        _mutated(_TOML_BASE.encode("utf-8")),
    )
    return st.tuples(st.sampled_from(SUFFIXES), bodies)


# --------------------------------------------------------------------------- running


class _Hang(BaseException):
    """Raised by the timer when a call runs past its limit (not an ``Exception``)."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Hang


@dataclass
class Target:
    """One fuzzed function: its name, its input strategy and the check of one call."""

    name: str
    inputs: st.SearchStrategy[Any]
    check: Callable[[Any], None]
    allowed: tuple[type[BaseException], ...] = (UnitedFrontError,)
    runs: int = 0
    refused: int = 0
    slowest: float = 0.0
    slowest_input: Any = None
    failures: dict[tuple[str, str], Any] = field(default_factory=dict)
    failure_count: int = 0

    def fail(self, kind: str, detail: str, value: Any) -> None:
        self.failure_count += 1
        key = (kind, detail[:120])
        known = self.failures.get(key)
        if known is None or len(repr(value)) < len(repr(known)):
            self.failures[key] = value


def _check_parse(text: Any) -> None:
    parse_quantity(text)


def _grammar_alone(text: Any) -> tuple[object, ...]:
    """What the grammar's match alone reads (exactly, exponents of figures included)."""
    try:
        reading = _general(text)
    except QuantityParseError as exc:
        return ("refused", exc.code, str(exc))
    return ("read", tuple(map(repr, reading)))


def _check_read(text: Any) -> None:
    alone = _grammar_alone(text) if isinstance(text, str) and len(text) <= MAX_LENGTH else None
    try:
        reading = read_quantity(text)
    except QuantityParseError as exc:
        if not exc.code.startswith("quantity_"):
            raise AssertionError(f"refused without a code: {exc.code!r}") from exc
        if alone is not None and alone != ("refused", exc.code, str(exc)):
            raise AssertionError(f"refused, and the grammar alone gives {alone!r}") from exc
        raise
    if alone is not None and alone != ("read", tuple(map(repr, reading))):
        raise AssertionError(f"read {reading!r}, and the grammar alone gives {alone!r}")
    q = parse_quantity(text)
    if (q.text, q.value, q.qualifier, q.low, q.high, q.unit) != reading[:3] + reading[3:5] + (
        reading.unit,
    ):
        raise AssertionError(f"parse_quantity holds {q!r}, the reader read {reading!r}")


def _check_find_readings(text: Any) -> None:
    if not isinstance(text, str):
        raise NotTextError("find_readings reads text")
    found = find_readings(text)
    if [(m.start, m.end) for m in find_quantities(text)] != [(a, b) for a, b, _ in found]:
        raise AssertionError("find_quantities and find_readings report other spans")


def _check_find(text: Any) -> None:
    previous_end = 0
    for match in find_quantities(text):
        if not 0 <= match.start < match.end <= len(text):
            raise AssertionError(f"offsets {match.start}:{match.end} outside the text")
        if text[match.start : match.end] != match.text:
            raise AssertionError(f"text[{match.start}:{match.end}] is not {match.text!r}")
        if match.quantity.text != match.text:
            raise AssertionError(f"quantity text {match.quantity.text!r} is not the match's")
        if match.start < previous_end:
            raise AssertionError("matches overlap or are out of order")
        previous_end = match.end


def _check_normalize(text: Any) -> None:
    result = normalize_source(text)
    if not isinstance(result, str):
        raise AssertionError(f"returned {type(result).__name__}")


PLACE_PARTS = [
    *("山东", "朝阳", "寧波", "维吾尔", "自治", "族", " "),
    *("省", "市", "县", "区", "州", "旗"),
]


def place_names() -> st.SearchStrategy[Any]:
    """Names built from place words and suffixes, random text, and now and then no text."""
    built = st.lists(st.sampled_from(PLACE_PARTS), max_size=8).map("".join)
    return st.integers(0, 19).flatmap(
        lambda i: st.one_of(st.none(), st.integers()) if i == 0 else st.one_of(built, st.text())
    )


def _check_places(name: Any) -> None:
    found = find_jurisdictions(name)
    if not isinstance(found, tuple):
        raise AssertionError(f"returned {type(found).__name__}")


def _check_draft(text: Any) -> None:
    result = draft(text, source_id="fuzz")
    for figure in result.figures:
        if result.text[figure.start : figure.end] != figure.text:
            raise AssertionError(f"figure {figure.text!r} is not at {figure.start}")
        if figure.text not in figure.quote or figure.quote not in result.text:
            raise AssertionError(f"quote {figure.quote!r} does not hold {figure.text!r}")
    result.to_dict()


ROW_KEYS = (
    "metric",
    "kind",
    "unit",
    "temporal",
    "period_start",
    "period_end",
    "as_of",
    "span",
    "cumulative",
    "ordinal",
    "jurisdiction",
    "programme",
    "indicator",
    "text",
)
ROW_VALUES = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from(["flow", "running_total", "snapshot", "2024-07-19", "2024", "P3Y", "家"]),
    st.dates(),
    st.integers(),
    st.booleans(),
)


def figure_rows() -> st.SearchStrategy[Any]:
    """Pairs of frame rows with any of their columns holding anything, or not rows at all."""
    row = st.dictionaries(st.sampled_from(ROW_KEYS), ROW_VALUES, max_size=len(ROW_KEYS))
    return st.tuples(st.one_of(row, row, st.text(max_size=5), st.none()), row)


def _check_comparability(pair: tuple[Any, Any]) -> None:
    verdict = comparability(*pair)
    if verdict.alike == bool(verdict.reasons):
        raise AssertionError(f"alike={verdict.alike} with reasons {verdict.reasons}")
    if comparability(pair[1], pair[0]).alike != verdict.alike:
        raise AssertionError("the verdict depends on the order of the figures")


def _make_load_check(folder: Path) -> Callable[[tuple[str, bytes]], None]:
    def check(case: tuple[str, bytes]) -> None:
        suffix, body = case
        path = folder / f"programme{suffix}"
        path.write_bytes(body)
        try:
            load_file(path)
        except ValidationError as exc:
            raise AssertionError(f"ValidationError escaped: {exc.error_count()} errors") from exc

    return check


def _verdict(validate: Callable[[], Programme]) -> Any:
    try:
        return validate()
    except ValidationError as exc:
        return sorted((e["type"], e["loc"]) for e in exc.errors())


def _check_validate_json(case: tuple[str, bytes]) -> None:
    """``Programme.model_validate_json`` gives the programme, or the errors, that the same
    data validated as Python objects gives (where Python's JSON reader reads the bytes)."""
    _, body = case
    got = _verdict(lambda: Programme.model_validate_json(body))
    try:
        data = json.loads(body)
    except ValueError:
        return  # not JSON to Python's reader: nothing to hold it to
    expected = _verdict(lambda: Programme.model_validate(data))
    refused = isinstance(got, list)
    if refused != isinstance(expected, list) or (got != expected and not refused):
        raise AssertionError(f"as JSON: {_short(got, 200)}; as Python: {_short(expected, 200)}")
    if refused and got != expected and not _json_only(body):
        raise AssertionError(f"as JSON: {got[:3]}; as Python: {expected[:3]}")


def _json_only(body: bytes) -> bool:
    """Whether the bytes hold what the two JSON readers read differently (numbers out of
    a float's range, NaN, lone surrogates, duplicate keys): then only the verdicts must agree."""
    text = body.decode("utf-8", "replace")
    return any(mark in text for mark in ("NaN", "Infinity", "e9", "E9", "\\ud", "\\uD")) or (
        _has_duplicate_keys(text)
    )


def _has_duplicate_keys(text: str) -> bool:
    found = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal found
        keys = [k for k, _ in items]
        found = found or len(keys) != len(set(keys))
        return dict(items)

    try:
        json.loads(text, object_pairs_hook=pairs)
    except ValueError:
        return True
    return found


def _make_scan_check(folder: Path) -> Callable[[tuple[str, bytes]], None]:
    """``scan`` of the same bytes as JSON and as NDJSON: a frame or a ``LoadError`` only,
    and for a ``.json`` file the verdict and error ``load_file`` gives."""

    def check(case: tuple[str, bytes]) -> None:
        _, body = case
        for suffix in (".json", ".ndjson"):
            path = folder / f"scanned{suffix}"
            path.write_bytes(body)
            try:
                got: Any = scan(path, backend="pyarrow").num_rows
            except LoadError as exc:
                got = (exc.message, exc.path, exc.line)
            except ValidationError as exc:
                raise AssertionError(f"ValidationError escaped: {exc.error_count()}") from exc
            if suffix == ".json":
                try:
                    expected: Any = len(list(load_file(path).iter_indicators()))
                except LoadError as exc:
                    expected = (exc.message, exc.path, exc.line)
                if got != expected:
                    raise AssertionError(f"scan gave {got!r}, load_file {expected!r}")

    return check


def _run(target: Target, examples: int, seed: int, timeout: float, progress: bool) -> None:
    @hypothesis_seed(seed)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(target.inputs)
    def property(value: Any) -> None:
        target.runs += 1
        if progress and target.runs % 10000 == 0:
            print(f"  {target.name}: {target.runs} examples", file=sys.stderr, flush=True)
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            target.check(value)
        except _Hang:
            target.fail("hang", f"longer than {timeout} s", value)
        except target.allowed:
            target.refused += 1
        except AssertionError as exc:
            target.fail("check", str(exc), value)
        except Exception as exc:  # anything else escaping is what we look for
            target.fail(type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "", value)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - started
        if elapsed > target.slowest:
            target.slowest, target.slowest_input = elapsed, value
        if elapsed > timeout:
            target.fail("hang", f"took {elapsed:.2f} s", value)

    property()


def _targets(folder: Path) -> Iterator[Target]:
    yield Target("parse_quantity", text_or_not(), _check_parse)
    yield Target("find_quantities", text_or_not(), _check_find)
    yield Target("read_quantity", text_or_not(), _check_read)
    yield Target("find_readings", text_or_not(), _check_find_readings)
    yield Target("normalize_source", text_or_not(), _check_normalize)
    yield Target("find_jurisdictions", place_names(), _check_places)
    yield Target("draft", text_or_not(), _check_draft, allowed=(UnitedFrontError,))
    yield Target("comparability", figure_rows(), _check_comparability, allowed=(UnitedFrontError,))
    yield Target(
        "load_file",
        file_contents(),
        _make_load_check(folder),
        allowed=(LoadError, MissingExtraError),
    )
    yield Target("scan", file_contents(), _make_scan_check(folder), allowed=(LoadError,))
    yield Target("validate_json", file_contents(), _check_validate_json)


def _short(value: Any, width: int = 300) -> str:
    text = repr(value)
    return text if len(text) <= width else text[:width] + f"… ({len(text)} chars)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--examples", type=int, default=100_000, help="examples per target")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds allowed per call")
    parser.add_argument(
        "--target",
        action="append",
        choices=[
            "parse_quantity",
            "find_quantities",
            "read_quantity",
            "find_readings",
            "normalize_source",
            "find_jurisdictions",
            "draft",
            "load_file",
            "scan",
            "validate_json",
        ],
        help="fuzz only this target (repeatable); all by default",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)

    signal.signal(signal.SIGALRM, _on_alarm)
    done: list[Target] = []
    with tempfile.TemporaryDirectory(prefix="unitedfront-fuzz-") as folder:
        for target in _targets(Path(folder)):
            if args.target and target.name not in args.target:
                continue
            started = time.perf_counter()
            _run(target, args.examples, args.seed, args.timeout, not args.quiet)
            if not args.quiet:
                took = time.perf_counter() - started
                print(f"  {target.name}: done in {took:.0f} s", file=sys.stderr, flush=True)
            done.append(target)

    print(f"seed {args.seed}, timeout {args.timeout} s per call")
    header = f"{'target':<20} {'examples':>9} {'refused':>9} {'failures':>9} {'slowest ms':>11}"
    print(header)
    print("-" * len(header))
    for t in done:
        print(
            f"{t.name:<20} {t.runs:>9} {t.refused:>9} {t.failure_count:>9} "
            f"{t.slowest * 1000:>11.1f}"
        )
    for t in done:
        print(f"\nslowest {t.name} input ({t.slowest * 1000:.1f} ms): {_short(t.slowest_input)}")
        for (kind, detail), value in t.failures.items():
            print(f"FAILURE {t.name} [{kind}] {detail}\n  input: {_short(value, 2000)}")
    return 1 if any(t.failure_count for t in done) else 0


if __name__ == "__main__":
    sys.exit(main())
