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
        places: dict[str, str] = {}
        for r in rows:
            places.setdefault(r["jurisdiction"], r["jurisdiction_en"] or r["jurisdiction_zh"])
        cells: dict[str | None, dict[str, str]] = {}
        for r in rows:
            cell = f"{r['actions']}/{r['measures']}/{r['indicators']}"
            cells.setdefault(r["theme"], {})[r["jurisdiction"]] = cell
        out = [["theme", *places.values()]]
        for theme, row in cells.items():
            out.append([theme or PROGRAMME_WIDE, *(row.get(code, "-") for code in places)])
        laid_out = styled(out, [False] + [True] * len(places), gaps=[2] * len(places))
        return [("actions/measures/indicators under each theme, by place", "dim"), *laid_out]

    emit(output_format, counted.column_names, rows, table)
