"""The analysis functions on the bundled programmes: real comparisons, pinned."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import unitedfront as uf
from tests._examples import KINDS, native, rows
from tests._seeds import SEED_FILES
from unitedfront import Programme, datasets

LINYI, NINGBO, WEIHAI, SHANDONG = "371300", "330200", "371000", "370000"


@pytest.fixture(scope="module")
def programmes() -> tuple[Programme, ...]:
    """The five first programmes, whose comparisons are pinned here."""
    return tuple(datasets.load(id) for id in sorted(SEED_FILES))


def _by_place(result: Any) -> dict[str, list[tuple[str, Decimal]]]:
    out: dict[str, list[tuple[str, Decimal]]] = {}
    for r in rows(result):
        out.setdefault(r["jurisdiction"], []).append((r["programme"], r["value"]))
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_enterprises_paired_with_villages_linyi_beside_ningbo(
    programmes: tuple[Programme, ...], kind: str
) -> None:
    frame = native(uf.to_frame(programmes, backend="pyarrow"), kind)
    got = _by_place(uf.compare(frame, "enterprises_paired_with_villages", kind="actual"))
    assert got == {
        NINGBO: [("ningbo-acfic-2023", Decimal(822))],
        LINYI: [("linyi-2024", Decimal(4221))],
    }


def test_villages_paired_linyi_beside_ningbo(programmes: tuple[Programme, ...]) -> None:
    got = _by_place(uf.compare(programmes, "villages_paired", kind="actual", backend="polars"))
    assert got == {
        NINGBO: [("ningbo-acfic-2023", Decimal(668))],
        LINYI: [("linyi-2024", Decimal(3702))],
    }


def test_a_shandong_rollup_refuses_weihai_and_linyi_unless_accepted(
    programmes: tuple[Programme, ...],
) -> None:
    """Reports submitted: a total since 1 January beside one from an unknown start."""
    refused = rows(uf.rollup(programmes, backend="pyarrow"))
    (row,) = [
        r
        for r in refused
        if r["metric"] == "reports_submitted"
        and r["kind"] == "actual"
        and r["province"] == SHANDONG
    ]
    assert (row["status"], row["value"]) == ("not_alike", None)
    assert "only weihai-2024/acfic-information-submitted (18条) gives its start" in row["note"]
    result = rows(uf.rollup(programmes, unlike="accept", backend="pyarrow"))
    (row,) = [
        r
        for r in result
        if r["metric"] == "reports_submitted"
        and r["kind"] == "actual"
        and r["province"] == SHANDONG
    ]
    assert row["status"] == "summed"
    assert row["contributors"] == [WEIHAI, LINYI]
    assert len(row["unlike"]) == 1
    figures = [
        ref.indicator.quantity
        for p in programmes
        if p.jurisdiction.code in (WEIHAI, LINYI)
        for ref in p.iter_indicators()
        if ref.indicator.metric == "reports_submitted" and ref.indicator.kind == "actual"
    ]
    assert len(figures) == 2
    assert row["value"] == sum((q.value for q in figures), Decimal(0))
    assert row["low"] == sum((q.low for q in figures if q.low is not None), Decimal(0))
    assert row["high"] == sum((q.high for q in figures if q.high is not None), Decimal(0))


def test_every_figure_of_the_bundled_data_is_in_the_frame_exactly(
    programmes: tuple[Programme, ...],
) -> None:
    table = uf.to_frame(programmes, backend="pyarrow")
    model = [
        (p.id, ref.path, ref.indicator.quantity.value, ref.indicator.quantity.low)
        for p in programmes
        for ref in p.iter_indicators()
    ]
    frame = list(
        zip(
            table["programme"].to_pylist(),
            table["path"].to_pylist(),
            table["value"].to_pylist(),
            table["low"].to_pylist(),
            strict=True,
        )
    )
    assert frame == model


def test_coverage_has_every_programmes_place(programmes: tuple[Programme, ...]) -> None:
    result = rows(uf.coverage(programmes, backend="pyarrow"))
    places = {r["jurisdiction"] for r in result}
    assert places == {p.jurisdiction.code for p in programmes}
    for p in programmes:
        measures = sum(r["measures"] for r in result if r["jurisdiction"] == p.jurisdiction.code)
        assert measures == sum(1 for _ in p.iter_measures())


def test_the_shenzhen_checklist_lists_every_measure(programmes: tuple[Programme, ...]) -> None:
    shenzhen = datasets.load("shenzhen-acfic-2021")
    result = rows(uf.checklist(shenzhen, backend="pyarrow"))
    assert [r["measure"] for r in result] == [m.id for _, m in shenzhen.iter_measures()]
    assert all(r["lead"] for r in result)


def test_a_composite_index_of_village_pairing_reports_who_lacks_it(
    programmes: tuple[Programme, ...],
) -> None:
    metrics = ["enterprises_paired_with_villages", "villages_paired"]
    with pytest.raises(
        uf.UnlikeFiguresError, match=r"ningbo-acfic-2023/villages-paired .* is not dated"
    ):
        uf.composite_index(programmes, metrics, backend="pyarrow")
    result = rows(uf.composite_index(programmes, metrics, unlike="accept", backend="pyarrow"))
    ranked = [(r["jurisdiction"], r["rank"]) for r in result if r["rank"] is not None]
    assert ranked == [(LINYI, 1), (NINGBO, 2)]
    assert all(len(r["unlike"]) == 2 for r in result if r["rank"] is not None)
    unranked = {r["jurisdiction"]: r["missing"] for r in result if r["rank"] is None}
    assert unranked[WEIHAI] == ["enterprises_paired_with_villages", "villages_paired"]
