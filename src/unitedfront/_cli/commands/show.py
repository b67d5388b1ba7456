"""``unitedfront show ID``: a programme as a tree, with every figure."""

from __future__ import annotations

import sys

from unitedfront._cli.params import ID_HELP, argument, command as declare, programme
from unitedfront._cli.present import library_errors


@declare("show")
@argument("id", "ID", ID_HELP)
def command(id: str) -> None:
    """Show a programme as a tree: its actions, measures and every figure.

    Example: unitedfront show linyi-2024
    """
    import rich.console

    from unitedfront._display import rich_tree

    with library_errors():
        tree = rich_tree(programme(id))
    rich.console.Console(file=sys.stdout, highlight=False, emoji=False).print(tree)
