"""``unitedfront coverage``: :func:`unitedfront.coverage`'s rows, places beside themes."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from unitedfront._cli.params import command as declare, format_option, programmes, with_option
from unitedfront._cli.present import Line, emit, library_errors, styled

#: The row label of figures that belong to no action.
PROGRAMME_WIDE: Final = "programme-wide"


@declare("coverage")
@with_option()
@format_option("table for people; csv or json, one row per place and theme.")
def command(with_: tuple[Path, ...], output_format: str) -> None:
    """Which place covers which theme: actions/measures/figures per place and theme.

    The rows and columns are those of unitedfront.coverage.

    Example: unitedfront coverage --format csv
    """
    from unitedfront._analysis import coverage

    with library_errors():
        found = programmes(with_)
        counted = coverage(found, backend="pyarrow")
    rows = counted.to_pylist()

    def table(width: int) -> list[Line]:
        import rich.cells

        places: dict[str, str] = {}
        for r in rows:
            places.setdefault(r["jurisdiction"], r["jurisdiction_en"] or r["jurisdiction_zh"])
        cells: dict[str | None, dict[str, str]] = {}
        for r in rows:
            cell = f"{r['actions']}/{r['measures']}/{r['indicators']}"
            cells.setdefault(r["theme"], {})[r["jurisdiction"]] = cell
        labels = [theme or PROGRAMME_WIDE for theme in cells]
        # As many places beside the themes as the width holds; the rest in further blocks.
        used = max(rich.cells.cell_len(label) for label in ["theme", *labels])
        blocks: list[list[str]] = [[]]
        for code, name in places.items():
            wide = max(
                rich.cells.cell_len(c) for c in [name, *(r.get(code, "-") for r in cells.values())]
            )
            if blocks[-1] and used + 2 + wide > width:
                blocks.append([])
                used = max(rich.cells.cell_len(label) for label in ["theme", *labels])
            blocks[-1].append(code)
            used += 2 + wide
        out: list[Line] = [("actions/measures/indicators under each theme, by place", "dim")]
        for n, block in enumerate(blocks):
            grid = [["theme", *(places[code] for code in block)]]
            for label, row in zip(labels, cells.values(), strict=True):
                grid.append([label, *(row.get(code, "-") for code in block)])
            if n:
                out.append(("", ""))
            out += styled(grid, [False] + [True] * len(block), gaps=[2] * len(block))
        return out

    emit(output_format, counted.column_names, rows, table)
