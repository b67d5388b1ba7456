"""``unitedfront list``: the bundled datasets and their counts, read from their files."""

from __future__ import annotations

from typing import Final

from unitedfront._cli.params import command as declare, format_option
from unitedfront._cli.present import Line, emit, styled

#: The fields of a catalogue row that ``list`` prints, in order (no validation counts).
COLUMNS: Final = (
    "id",
    "jurisdiction",
    "jurisdiction_zh",
    "jurisdiction_en",
    "kind",
    "framework",
    "period",
    "actions",
    "measures",
    "indicators",
    "omitted",
)


@declare("list")
@format_option("table for people; csv or json for programs.")
def command(output_format: str) -> None:
    """The bundled programmes: id, place, kind, framework, period and their counts.

    Example: unitedfront list --format csv
    """
    from unitedfront._catalogue import catalogue

    records = [row.to_dict() for row in catalogue()]

    def table(width: int) -> list[Line]:
        rows = [["id", "place", "kind", "framework", "period", "act", "mea", "ind"]]
        for r in records:
            place = r["jurisdiction_en"] or r["jurisdiction_zh"]
            rows.append(
                [r["id"], place, r["kind"], r["framework"], r["period"]]
                + [str(r[k]) for k in ("actions", "measures", "indicators")]
            )
        laid_out = styled(rows, [False] * 5 + [True] * 3, gaps=[2] * 5 + [1, 1])
        return [*laid_out, ("act, mea, ind: actions, measures and indicators", "dim")]

    emit(output_format, COLUMNS, records, table)
