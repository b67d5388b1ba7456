"""``unitedfront extract FILE``: a draft programme file of every figure in a text."""

from __future__ import annotations

import json
import os
from datetime import datetime
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
@click.option(
    "--published",
    metavar="DATE",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The text's publication date (2023-07-19), which relative cues such as 今年以来 "
    "need; without it, a date in the text's header is used if there is one.",
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def command(file: Path, output: Path | None, published: datetime | None, force: bool) -> None:
    """Draft a programme file from a text: its facts and every figure, typed and quoted.

    The place and its GB/T 2260 code, the issuer, framework, kind, period, publication
    date and actions, and each figure with its kind, period or date, subject, metric
    suggestion and the shortest quote that holds it, as the library's draft() reads them.
    Numbers that are not figures (anniversaries, sessions, spans) are listed under omitted.
    What the text does not give is left as a value starting with TODO: fill it, review
    each figure against the text, then check the file with validate. The source id is the
    file's name as a slug, so that validate --source finds the text in its folder.

    Example: unitedfront extract briefing.txt --published 2024-07-19 -o yantai.json
    """
    from unitedfront._drafting import draft
    from unitedfront._extract import normalise, read_text, slug

    spec = os.fspath(file)
    if output is not None and output.exists() and not force:
        fail(f"{os.fspath(output)}: already exists; pass --force to overwrite it")
    with library_errors():
        raw = read_text(file)
        normalise(raw, spec)  # traditional script without opencc: refused, naming the file
        result = draft(
            raw,
            source_id=slug(file.stem),
            published=None if published is None else published.date(),
        )
    content = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    found = plural(len(result.figures), "figure")
    open_fields = [path for path, _ in result.open_fields()]
    left = (
        f"{plural(len(open_fields), 'field')} left open ({', '.join(open_fields)})"
        if open_fields
        else "no field left open"
    )
    if output is None:
        write(content)
        say(f"{spec}: {found}, {left}")
        return
    try:
        output.write_text(content, encoding="utf-8")
    except OSError as exc:
        fail(f"{os.fspath(output)}: cannot be written: {exc.strerror or exc}")
    say(
        f"{spec}: {found} written to {os.fspath(output)}, {left}; review them, then: "
        f"unitedfront validate {os.fspath(output)} --source {result.source_id}={spec}"
    )
