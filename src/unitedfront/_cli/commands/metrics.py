"""``unitedfront metrics``: the metric vocabulary, and the programmes that use each metric."""

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
from unitedfront._cli.present import Line, emit, library_errors, lines, wrap

#: Columns of ``metrics``, in order.
COLUMNS: Final = (
    "code",
    "name_zh",
    "name_en",
    "unit_kind",
    "summable",
    "temporal",
    "definition",
    "programmes",
)


@declare("metrics")
@with_option()
@format_option(EVERY_FIELD)
def command(with_: tuple[Path, ...], output_format: str) -> None:
    """The metric vocabulary: each metric, what it counts, and the programmes that use it.

    A metric code names what a figure counts (enterprises_visited), so that figures of
    different places can be set side by side with compare.

    Example: unitedfront metrics --format csv
    """
    from unitedfront._catalogue import metric_programmes
    from unitedfront._metrics import metrics

    with library_errors():
        users = metric_programmes(programmes(with_))
    records: list[dict[str, Any]] = [
        {
            "code": m.code,
            "name_zh": m.name.zh,
            "name_en": m.name.en,
            "unit_kind": m.unit_kind.value,
            "summable": m.summable,
            "temporal": m.temporal.value,
            "definition": m.definition,
            "programmes": users.get(m.code, ()),
        }
        for m in metrics()
    ]

    def table(width: int) -> list[Line]:
        cells = [["code", "unit", "over time"]]
        cells += [[r["code"], r["unit_kind"], r["temporal"]] for r in records]
        heads = lines(cells, [False] * 3, gaps=[2] * 2, indent=0)
        out: list[Line] = [(heads[0], "bold")]
        for head, r in zip(heads[1:], records, strict=True):
            used = ", ".join(r["programmes"]) or "none"
            name = r["name_en"] or r["name_zh"]
            about = f"{name} ({r['name_zh']}): {r['definition']} Used by: {used}."
            out += [(head, "bold"), *((line, "") for line in wrap(about, 4, width))]
        return out

    emit(output_format, COLUMNS, records, table)
