"""``unitedfront extract FILE``: a draft programme file of every figure in a text."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from unitedfront._cli.params import argument, command as declare
from unitedfront._cli.present import fail, library_errors, plural, say, write


@declare("extract")
@argument(
    "file",
    "FILE",
    "A Chinese text, UTF-8 (simplified or traditional script).",
    type=click.Path(path_type=Path),
)
@click.option(
    "--output",
    "-o",
    metavar="OUT",
    type=click.Path(path_type=Path),
    help="Write the draft here instead of to standard output.",
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def command(file: Path, output: Path | None, force: bool) -> None:
    """Draft a programme file from a text: every figure found, with its quote.

    Each figure becomes an indicator (figure-001, figure-002 …) with its quantity as
    written, its name (the words before it) and its quote (its clause, at most 40
    characters). Fill every value that starts with TODO, give each figure its metric and
    kind, move what is not a figure to omitted, then check the file with validate. The
    source id is the file's name as a slug, so that validate --source finds the text in
    its folder.

    Example: unitedfront extract briefing.txt -o yantai-2024.json
    """
    from unitedfront._extract import PLACEHOLDER, draft_programme, normalise, read_text, slug

    spec = os.fspath(file)
    if output is not None and output.exists() and not force:
        fail(f"{os.fspath(output)}: already exists; pass --force to overwrite it")
    with library_errors():
        text = normalise(read_text(file), spec)
        draft = draft_programme(text, slug(file.stem))
    content = json.dumps(draft, ensure_ascii=False, indent=2) + "\n"
    found = plural(len(draft["indicators"]), "candidate figure")
    if output is None:
        write(content)
        say(f"{spec}: {found}")
        return
    try:
        output.write_text(content, encoding="utf-8")
    except OSError as exc:
        fail(f"{os.fspath(output)}: cannot be written: {exc.strerror or exc}")
    source_id = draft["sources"][0]["id"]
    say(
        f"{spec}: {found} written to {os.fspath(output)}; fill every {PLACEHOLDER} value, "
        f"then: unitedfront validate {os.fspath(output)} --source {source_id}={spec}"
    )
