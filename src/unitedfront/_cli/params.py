"""What the commands share: exit codes, their common options, and the programmes they name."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import click

if TYPE_CHECKING:
    from unitedfront._model import Programme

__all__ = [
    "CONTEXT",
    "EVERY_FIELD",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "ID_HELP",
    "Argument",
    "Command",
    "argument",
    "format_option",
    "is_path",
    "programme",
    "programmes",
    "with_option",
]

EXIT_OK: Final = 0
"""Done; no programme validated has an error."""
EXIT_FINDINGS: Final = 1
"""Everything was read; a programme validated has an error."""
EXIT_UNREADABLE: Final = 2
"""Something given cannot be read or found, or the command line is wrong."""

#: The settings of every command's context: ``-h`` beside ``--help``, at most 100 columns.
CONTEXT: Final[dict[str, Any]] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

ID_HELP: Final = "A bundled dataset id (see: unitedfront list), or a programme file."
EVERY_FIELD: Final = "table for people; csv or json with every field."
#: The choices of ``--format`` for the listing commands.
FORMATS: Final = ("table", "csv", "json")

_F = TypeVar("_F", bound=Callable[..., Any])


class Argument(click.Argument):
    """A positional argument with a line of help, shown under ``Arguments``."""

    def __init__(self, *args: Any, help: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = help


class Command(click.Command):
    """A command whose help lists its arguments, with their help, before its options."""

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Nothing: the arguments are listed by :meth:`format_options`, under ``Arguments``.

        Newer releases of click list arguments that carry help themselves (as "Positional
        arguments"); this keeps one list, the same with every release the extra allows.
        """

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The arguments with their help, then the options with theirs."""
        arguments = [
            (p.make_metavar(ctx), p.help)
            for p in self.get_params(ctx)
            if isinstance(p, Argument) and p.help
        ]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        super().format_options(ctx, formatter)


def command(name: str) -> Callable[[Callable[..., Any]], Command]:
    """Declare a command of this command line (its help from the docstring)."""
    return click.command(name, cls=Command, context_settings=CONTEXT)


def argument(name: str, metavar: str, help: str, **kwargs: Any) -> Callable[[_F], _F]:
    """A positional argument shown as ``metavar``, with its help."""
    return click.argument(name, cls=Argument, metavar=metavar, help=help, **kwargs)


def format_option(help: str, choices: Sequence[str] = FORMATS) -> Callable[[_F], _F]:
    """The ``--format`` option: ``choices[0]`` by default."""
    return click.option(
        "--format",
        "-f",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        metavar="FORMAT",
        show_default=True,
        help=help,
    )


def with_option() -> Callable[[_F], _F]:
    """The ``--with FILE`` option: programme files beside the bundled ones."""
    return click.option(
        "--with",
        "-w",
        "with_",
        multiple=True,
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE",
        help="A programme file of your own to set beside the bundled ones. Repeat for several.",
    )


def is_path(spec: str) -> bool:
    """Whether a programme is named by a file path (a known suffix or a slash), not an id."""
    from unitedfront._io import SUFFIXES

    return Path(spec).suffix.lower() in SUFFIXES or "/" in spec or os.sep in spec


def programme(spec: str) -> Programme:
    """A bundled programme by id, or a programme file when ``spec`` looks like a path."""
    from unitedfront import datasets
    from unitedfront._io import load_file

    return load_file(spec) if is_path(spec) else datasets.load(spec)


def programmes(files: Sequence[Path]) -> list[Programme]:
    """The bundled programmes, then those read from ``files``; ids must not repeat."""
    from unitedfront import datasets
    from unitedfront._cli.present import fail
    from unitedfront._io import load_file

    found = list(datasets.load_all())
    seen = {p.id for p in found}
    for path in files:
        loaded = load_file(path)
        if loaded.id in seen:
            fail(
                f"{os.fspath(path)}: the programme id {loaded.id!r} is already taken "
                "by another programme; give yours an id of its own"
            )
        seen.add(loaded.id)
        found.append(loaded)
    return found
