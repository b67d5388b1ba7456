"""Small made-up programmes, and frames of every kind, for the analysis tests.

The places are fictional: the province ``990000`` (示例省, "Example Province") with the
cities ``990100`` (甲市, "Jia") and ``990200`` (乙市, "Yi"), the county ``990102`` (甲县,
"Jia County") in Jia, and the city ``980100`` (丙市, "Bing") in the province ``980000``.
No code of GB/T 2260 starts with 98 or 99. Their figures are invented.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from unitedfront._model import Programme
from unitedfront._quantity import Quantity

__all__ = [
    "KINDS",
    "example_programme",
    "example_programmes",
    "native",
    "place",
    "programme_with",
    "quantity",
    "rows",
]

#: The kinds of frame the analysis functions take: ``native`` makes each of them.
KINDS = ("pandas", "polars", "polars-lazy", "pyarrow", "duckdb", "dask")

_PLACES: dict[str, tuple[str, str, str, str, str | None]] = {
    # key: (code, zh, en, level, parent)
    "province": ("990000", "示例省", "Example Province", "province", None),
    "jia": ("990100", "甲市", "Jia", "prefecture", "990000"),
    "yi": ("990200", "乙市", "Yi", "prefecture", "990000"),
    "jia-county": ("990102", "甲县", "Jia County", "county", "990100"),
    "bing": ("980100", "丙市", "Bing", "prefecture", "980000"),
}


def quantity(text: str, value: str | int, unit: str | None = None, **interval: Any) -> Quantity:
    """A quantity given by its parts: exact unless ``qualifier``/``low``/``high`` say otherwise.

    Bounds are inclusive for an exact figure and open otherwise, unless given.

    >>> str(quantity("470余条", 470, "条", qualifier="more_than", low=470, high=480).interval)
    '(470, 480) 条'
    """
    v = Decimal(value)
    exact = interval.get("qualifier", "exact") == "exact"
    fields: dict[str, Any] = {
        "qualifier": "exact",
        "low": v,
        "high": v,
        "low_inclusive": exact,
        "high_inclusive": exact,
    }
    fields.update(interval)
    for bound in ("low", "high"):
        if fields[bound] is not None:
            fields[bound] = Decimal(fields[bound])
    return Quantity(text=text, value=v, unit=unit, **fields)


def place(key: str) -> dict[str, Any]:
    """A jurisdiction of the examples as model data."""
    code, zh, en, level, parent = _PLACES[key]
    return {"code": code, "name": {"zh": zh, "en": en}, "level": level, "parent": parent}


def _indicator(
    id: str,
    metric: str | None,
    q: Quantity,
    *,
    kind: str = "actual",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": id,
        "name": {"zh": q.text, "en": id.replace("-", " ")},
        "metric": metric,
        "kind": kind,
        "quantity": q,
        "evidence": {"source": "report", "quote": q.text},
        **extra,
    }


def example_programme(name: str) -> Programme:
    """One of the example programmes: ``"jia"``, ``"yi"`` or ``"bing"``.

    >>> p = example_programme("jia")
    >>> p.jurisdiction.name.en, len(list(p.iter_indicators()))
    ('Jia', 3)
    """
    key = name
    _, zh, en, _, _ = _PLACES[key]
    figures = {
        "jia": (
            quantity("4221家", 4221, "家"),
            quantity("3702个", 3702, "个"),
            quantity("1400余人次", 1400, "人次", qualifier="more_than", low=1400, high=1500),
        ),
        "yi": (
            quantity("822家", 822, "家"),
            quantity("668个", 668, "个"),
            quantity("1804人次", 1804, "人次"),
        ),
        "bing": (
            quantity("近500家", 500, "家", qualifier="nearly", low=450, high=500,
                     low_inclusive=True),
            quantity("120个", 120, "个"),
            quantity("超2000人次", 2000, "人次", qualifier="over", low=2000, high=None),
        ),
    }[key]  # fmt: skip
    paired, villages, training = figures
    data = {
        "id": f"{key}-2024",
        "title": {"zh": f"{zh}示例报告", "en": f"{en} example report"},
        "kind": "report",
        "framework": "five_actions",
        "jurisdiction": place(key),
        "issuer": {"zh": f"{zh}工商联", "en": f"{en} Federation of Industry and Commerce"},
        "period": "2024",
        "actions": [
            {
                "id": "prosperity",
                "name": {"zh": "共同富裕行动", "en": "Common prosperity"},
                "theme": "common_prosperity",
                "lead": [{"zh": "工商联", "en": "Federation of Industry and Commerce"}],
                "measures": [
                    {
                        "id": "pairing",
                        "name": {"zh": "村企结对", "en": "Pairing firms with villages"},
                        "category": "activity",
                        "due": "2024-12-31",
                        "status": "done",
                        "indicators": [
                            _indicator(
                                "paired-enterprises",
                                "enterprises_paired_with_villages",
                                paired,
                                as_of="2024-12-31",
                                cumulative=True,
                            ),
                            _indicator(
                                "paired-villages",
                                "villages_paired",
                                villages,
                                as_of="2024-12-31",
                                cumulative=True,
                            ),
                        ],
                    }
                ],
            },
            {
                "id": "private-economy",
                "name": {"zh": "壮大民企行动", "en": "Growing private firms"},
                "theme": "private_economy",
                "indicators": [
                    _indicator("training", "entrepreneur_training_attendances", training),
                ],
            },
        ],
        "sources": [{"id": "report", "title": {"zh": f"{zh}示例", "en": f"{en} example"}}],
    }
    return Programme.model_validate(data)


def example_programmes() -> tuple[Programme, ...]:
    """The three example programmes: Jia and Yi in one province, Bing in another."""
    return tuple(example_programme(key) for key in ("jia", "yi", "bing"))


def programme_with(
    id: str,
    where: str | dict[str, Any],
    figures: list[dict[str, Any]],
    *,
    period: str = "2024",
    theme: str = "common_prosperity",
) -> Programme:
    """A programme of one action holding these figures, for examples and tests.

    ``where`` is a place of the examples (``"jia"``) or jurisdiction data. Each figure is
    a dict of :class:`~unitedfront.Indicator` fields, of which ``quantity`` (a
    :class:`Quantity` or its Chinese text) is required; ``kind`` defaults to ``actual``,
    ``scope`` may be a place key, and the id, name and evidence are filled in.

    >>> p = programme_with("demo", "yi", [{"metric": "villages_paired", "quantity": "12个"}])
    >>> p.jurisdiction.code, p.actions[0].indicators[0].quantity.value
    ('990200', Decimal('12'))
    """
    indicators = []
    for i, figure in enumerate(figures):
        data = {"kind": "actual", **figure}
        q = data["quantity"]
        text = q if isinstance(q, str) else q.text
        if isinstance(data.get("scope"), str):
            data["scope"] = place(data["scope"])
        data.setdefault("id", f"f{i}")
        data.setdefault("name", {"zh": f"指标{i}", "en": f"Figure {i}"})
        data.setdefault("evidence", {"source": "report", "quote": text})
        indicators.append(data)
    return Programme.model_validate(
        {
            "id": id,
            "title": {"zh": "示例", "en": "Example"},
            "kind": "report",
            "framework": "other",
            "jurisdiction": place(where) if isinstance(where, str) else where,
            "issuer": {"zh": "工商联", "en": "Federation of Industry and Commerce"},
            "period": period,
            "actions": [
                {
                    "id": "work",
                    "name": {"zh": "工作", "en": "Work"},
                    "theme": theme,
                    "indicators": indicators,
                }
            ],
            "sources": [{"id": "report", "title": {"zh": "示例", "en": "Example"}}],
        }
    )


def native(table: Any, kind: str) -> Any:
    """An Arrow table as a frame of one of :data:`KINDS` (Dask with two partitions).

    >>> import pyarrow as pa
    >>> type(native(pa.table({"a": [1]}), "polars-lazy")).__name__
    'LazyFrame'
    """
    if kind == "dask":
        import dask.dataframe as dd
        import pandas as pd

        from_pandas: Any = dd.from_pandas  # dask is untyped
        return from_pandas(table.to_pandas(types_mapper=pd.ArrowDtype), npartitions=2)
    from unitedfront._analysis._frame import to_kind

    return to_kind(table, kind)  # type: ignore[arg-type]


def rows(frame: Any) -> list[dict[str, Any]]:
    """The rows of any frame the analysis functions return, as dicts of Python values.

    >>> import pyarrow as pa
    >>> rows(native(pa.table({"a": [1, 2]}), "duckdb"))
    [{'a': 1}, {'a': 2}]
    """
    from unitedfront._analysis._frame import frame_rows

    return frame_rows(frame)
