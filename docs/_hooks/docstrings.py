"""Griffe extension for the API reference: two docstring habits of this code base, rendered.

- A doctest written in a docstring's text (``>>> ...`` and its output, up to a blank
  line) is shown as a Python console block, not read as Markdown (where its brackets
  would be taken for links).
- In an ``Args:`` section, one line may describe several parameters
  (``kind, bounds: As for composite_index``); it is shown as one entry per parameter.
- A cross-reference written as a Sphinx role (``:func:`total```, ``:class:`~a.b.C```)
  is shown as code, the ``~`` form by its last name.

The docstrings themselves are left as they are: the doctests in them are run by pytest.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_FENCE = re.compile(r"^\s*(```|~~~)")
_SHARED = re.compile(r"^(\s+)([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)\s*:\s*(.*)$")
_SECTION = re.compile(r"^(\s*)[A-Z][A-Za-z ]*:\s*$")
_ROLE = re.compile(r":(?:func|class|meth|attr|data|mod|exc|obj):`(~?)([^`]+)`")


def plain_roles(text: str) -> str:
    """Sphinx roles as Markdown code: ``:func:`total``` → ```total```."""
    return _ROLE.sub(lambda m: f"`{m[2].rsplit('.', 1)[-1] if m[1] else m[2]}`", text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def fence_doctests(text: str) -> str:
    """Wrap every run of doctest lines outside a fenced block in a ``pycon`` fence."""
    out: list[str] = []
    lines = text.split("\n")
    fenced = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or not line.lstrip().startswith(">>>"):
            out.append(line)
            i += 1
            continue
        pad = " " * _indent(line)
        block = []
        while i < len(lines) and lines[i].strip():
            block.append(lines[i])
            i += 1
        out += [f"{pad}```pycon", *block, f"{pad}```"]
    return "\n".join(out)


def split_shared_args(text: str) -> str:
    """Give each parameter of a line that describes several its own line."""
    out: list[str] = []
    args_indent: int | None = None
    for line in text.split("\n"):
        section = _SECTION.match(line)
        if section:
            args_indent = _indent(line) if line.strip() in ("Args:", "Arguments:") else None
        elif args_indent is not None and line.strip() and _indent(line) <= args_indent:
            args_indent = None
        shared = _SHARED.match(line) if args_indent is not None else None
        if shared:
            pad, names, description = shared.groups()
            out += [f"{pad}{name.strip()}: {description}" for name in names.split(",")]
        else:
            out.append(line)
    return "\n".join(out)


class DocstringHabits(griffe.Extension):
    """Rewrites each docstring's text before it is parsed for the reference pages."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            text = fence_doctests(obj.docstring.value)
            obj.docstring.value = plain_roles(split_shared_args(text))
