"""``unitedfront themes``: the canonical themes, and the programmes with actions under each."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from unitedfront._cli.params import (
    EVERY_FIELD,
    command as declare,
    format_option,
    programmes,
    with_option,
)
from unitedfront._cli.present import Line, emit, library_errors, styled

#: Columns of ``themes``, in order.
COLUMNS: Final = ("code", "description", "programmes")


@declare("themes")
@with_option()
@format_option(EVERY_FIELD)
def command(with_: tuple[Path, ...], output_format: str) -> None:
    """The canonical themes: what each covers, and the programmes with actions under it.

    Every action of a programme maps onto one theme, whatever framework it was written
    in, so that coverage can set places side by side.

    Example: unitedfront themes --format json
    """
    from unitedfront._catalogue import member_docs, theme_programmes
    from unitedfront._model import Theme

    with library_errors():
        users = theme_programmes(programmes(with_))
    docs = member_docs(Theme)
    records: list[dict[str, Any]] = [
        {"code": t.value, "description": docs[t.value], "programmes": users.get(t.value, ())}
        for t in Theme
    ]

    def table(width: int) -> list[Line]:
        cells = [["theme", "what it covers; programmes with actions under it"]]
        for r in records:
            used = ", ".join(r["programmes"]) or "none"
            cells.append([r["code"], f"{r['description']} Used by: {used}."])
        return styled(cells, [False] * 2, gaps=[2], width=width)

    emit(output_format, COLUMNS, records, table)
