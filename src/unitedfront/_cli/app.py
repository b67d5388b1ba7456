"""The application: the command group, the version option, and running it with one-line errors.

Each command lives in a module of this package named after it, as a click command called
``command``. The group lists every command by the summary in :data:`COMMANDS` and imports
a command's module only when that command runs or shows its own help (click's lazy
loading of subcommands), so that ``--version``, ``--help`` and the cheap commands start
without the model or the frame libraries.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any, Final

import click

from unitedfront._cli.params import CONTEXT, EXIT_FINDINGS, EXIT_OK

__all__ = ["COMMANDS", "Group", "build_app", "run"]

#: Every command: its name (also its module's) and its one-line summary, which is the
#: first line of the command's docstring (a test keeps the two the same).
COMMANDS: Final = {
    "list": "The bundled programmes: id, place, kind, framework, period and their counts.",
    "show": "Show a programme as a tree: its actions, measures and every figure.",
    "indicators": "List a programme's figures: the quantity as written, its interval and its "
    "quote.",
    "metrics": "The metric vocabulary: each metric, what it counts, and the programmes that "
    "use it.",
    "themes": "The canonical themes: what each covers, and the programmes with actions under it.",
    "compare": "Compare one metric across the bundled programmes: every figure, place beside "
    "place.",
    "coverage": "Which place covers which theme: actions/measures/figures per place and theme.",
    "report": "Summarise and validate every bundled programme, and compare the metrics they share.",
    "validate": "Check programme files and report every finding, one line each.",
    "extract": "Draft a programme file from a text: its facts and every figure, typed and quoted.",
    "schema": "Print the JSON Schema (draft 2020-12) a programme file follows.",
}


def load(name: str) -> click.Command:
    """The command ``name``, from its module."""
    command = importlib.import_module(f"unitedfront._cli.commands.{name}").command
    assert isinstance(command, click.Command)
    return command


class Group(click.Group):
    """The command group: each command listed by its summary, imported when it runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The commands in the order of :data:`COMMANDS`."""
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command to run or to describe; ``None`` for a name that is none."""
        return load(cmd_name) if cmd_name in COMMANDS else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and their summaries, without importing them."""
        with formatter.section("Commands"):
            formatter.write_dl(list(COMMANDS.items()))

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """The command named first in ``args``; an unknown name suggests the closest."""
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-"):
            import difflib

            close = difflib.get_close_matches(name, COMMANDS, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)


@click.group(
    "unitedfront",
    cls=Group,
    context_settings=CONTEXT,
    invoke_without_command=False,
    no_args_is_help=False,
)
@click.version_option(
    package_name="unitedfront",
    prog_name="unitedfront",
    message="%(prog)s %(version)s",
    help="Print the version and exit.",
)
def unitedfront() -> None:
    """Work with United Front programmes: the bundled datasets, and files of your own.

    Start with: unitedfront report

    Example: unitedfront validate yantai-2024.json
    """


def build_app() -> click.Group:
    """The command group, every command listed (none of their modules imported yet)."""
    return unitedfront


def _one_line(error: click.ClickException) -> str:
    """An error of the command line as one line, naming the command and where to look."""
    ctx = error.ctx if isinstance(error, click.UsageError) else None
    where = ctx.command_path if ctx is not None else "unitedfront"
    hint = f" (see: {where} --help)" if ctx is not None else ""
    return f"{where}: {' '.join(error.format_message().split())}{hint}"


def run(argv: Sequence[str]) -> int:
    """Run the command line on ``argv``; the exit code. Usage errors are one line."""
    group = build_app()
    if not argv:  # no command: the help, and the exit code of a usage error
        group.main(["--help"], prog_name="unitedfront", standalone_mode=False)
        return 2
    try:
        result: Any = group.main(list(argv), prog_name="unitedfront", standalone_mode=False)
    except click.ClickException as error:
        click.echo(_one_line(error), err=True)
        return error.exit_code
    except click.Abort:
        click.echo("unitedfront: aborted", err=True)
        return EXIT_FINDINGS
    return result if isinstance(result, int) else EXIT_OK
