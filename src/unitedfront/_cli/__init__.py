"""The ``unitedfront`` command line; needs the ``cli`` extra (click, rich, and pyarrow).

Commands (``unitedfront COMMAND --help`` shows each one's options and an example), one
module each in this package:

- ``list``: the bundled programmes, with their counts;
- ``show ID``: a programme as a tree, with every figure;
- ``indicators ID``: a programme's figures as a table, CSV or JSON;
- ``metrics``: the metric vocabulary, and which programmes use each metric;
- ``themes``: the canonical themes, and which programmes have actions under each;
- ``compare METRIC``: the rows of :func:`unitedfront.compare`, place beside place;
- ``coverage``: the rows of :func:`unitedfront.coverage`, places beside themes;
- ``report``: every bundled programme summarised and validated, and the metrics two or
  more of them share compared side by side;
- ``validate FILE...``: every finding of :func:`unitedfront.validate`, one line each;
- ``extract FILE``: the figures of a Chinese text, as a draft programme file;
- ``schema``: the JSON Schema of a programme file.

The commands parse their arguments, call the library and lay out what it returns
(:mod:`unitedfront._cli.present`); :mod:`unitedfront._cli.app` holds the group, which
imports a command's module only when it runs.

``ID`` is a bundled dataset id (``linyi-2024``) or the path of a programme file of your
own (``yantai-2024.json``). ``compare``, ``coverage`` and ``report`` take ``--with FILE``
to set programmes of your own beside the bundled ones. Output is deterministic: sorted,
with no dates or times of its own; ``--format json`` writes figures as decimal strings,
exactly as the data holds them.

Exit codes, the highest that applies:

- ``0``: done; for ``validate`` and ``report``, no programme has a validation error
  (warnings and infos may remain);
- ``1``: ``validate`` or ``report`` read everything, and a programme has a validation error;
- ``2``: something given cannot be read or found: a file that is missing, too large, not
  UTF-8, not valid JSON/YAML/TOML, or does not fit the model; an unknown dataset id or
  metric; a missing optional dependency; also a usage error;
- ``3``: an internal error, which is a bug to report.

Every error is one line on standard error, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib.util import find_spec

__all__ = ["main"]

#: Exit codes (see above).
EXIT_UNREADABLE = 2
EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 1


def missing() -> str | None:
    """The first package the command line needs that is not installed, if any."""
    return next((name for name in ("click", "rich") if find_spec(name) is None), None)


def _tolerant_streams() -> None:
    # A terminal that cannot show Chinese gets escapes instead of a UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the ``unitedfront`` console script and ``python -m unitedfront``)."""
    absent = missing()
    if absent is not None:
        print(
            f"unitedfront: the command line needs {absent!r}, which is not installed; "
            "install it with: pip install 'unitedfront[cli]'",
            file=sys.stderr,
        )
        raise SystemExit(EXIT_UNREADABLE)
    _tolerant_streams()
    from unitedfront._cli.app import run

    try:
        code = run(sys.argv[1:] if argv is None else list(argv))
    except BrokenPipeError:  # output piped into a program that stopped reading
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # pragma: no cover
            pass
        raise SystemExit(EXIT_BROKEN_PIPE) from None
    except Exception as exc:
        print(f"unitedfront: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_INTERNAL) from None
    raise SystemExit(code)
