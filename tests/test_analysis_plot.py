"""The plots: a comparison bar chart with interval whiskers and a theme-coverage heat map."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib import font_manager, ft2font
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from tests._examples import example_programmes
from unitedfront import UnlikeFiguresError, plot
from unitedfront.errors import AnalysisError, MissingFontError


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _bars(ax: matplotlib.axes.Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def test_the_comparison_chart_has_a_bar_per_place_labelled_in_english(tmp_path: Path) -> None:
    """Each bar names its place, its date and its running-total mark; the axis its unit."""
    ax = plot.compare(example_programmes(), "villages_paired")
    bars = _bars(ax)
    assert [round(b.get_height()) for b in bars] == [120, 3702, 668]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Bing*\nas of 2024-12-31",
        "Jia*\nas of 2024-12-31",
        "Yi*\nas of 2024-12-31",
    ]
    assert ax.get_title() == "Villages paired with enterprises (* running total)"
    assert ax.get_ylabel() == "Value (count)"
    assert ax.get_xlabel() == "Jurisdiction"
    figure = ax.figure
    assert isinstance(figure, Figure)
    figure.savefig(tmp_path / "compare.png")
    assert (tmp_path / "compare.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_unlike_figures_are_refused_unless_accepted_and_then_the_title_says_so() -> None:
    """Undated figures are alike to none: the chart is refused, or drawn and marked."""
    with pytest.raises(UnlikeFiguresError, match=r"jia-2024/training \(1400余人次\).*not recorded"):
        plot.compare(example_programmes(), "entrepreneur_training_attendances")
    ax = plot.compare(example_programmes(), "entrepreneur_training_attendances", unlike="accept")
    assert ax.get_title() == "Entrepreneur training attendances (figures not alike)"
    assert ax.get_ylabel() == "Value (person-times)"
    assert next(t.get_text() for t in ax.get_xticklabels()) == "Bing\nnot dated"


def test_whiskers_span_each_interval_and_open_ends_are_marked() -> None:
    ax = plot.compare(example_programmes(), "entrepreneur_training_attendances", unlike="accept")
    whiskers = [c for c in ax.collections if isinstance(c, LineCollection)]
    spans = sorted(
        (round(float(ends[0, 1])), round(float(ends[1, 1])))
        for c in whiskers
        for ends in map(np.asarray, c.get_segments())
    )
    # Jia's 1400余 is (1400, 1500); Bing's 超2000 has no upper bound, so no whisker.
    assert spans == [(1400, 1500)]
    triangles = [line for line in ax.lines if line.get_marker() == "^"]
    points = [np.asarray(line.get_xydata()) for line in triangles]
    assert [(float(xy[0, 0]), float(xy[0, 1])) for xy in points] == [(0.0, 2000.0)]


def test_a_place_with_several_figures_gets_a_bar_for_each_labelled_by_period() -> None:
    from tests._examples import programme_with

    programmes = [
        *example_programmes(),
        programme_with(
            "jia-2023",
            "jia",
            [
                {
                    "metric": "villages_paired",
                    "quantity": "3500个",
                    "kind": "target",
                    "period": "2023",
                }
            ],
            period="2023",
        ),
    ]
    ax = plot.compare(programmes, "villages_paired", unlike="accept")
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Bing*\nas of 2024-12-31\nactual",
        "Jia\n2023\ntarget",
        "Jia*\nas of 2024-12-31\nactual",
        "Yi*\nas of 2024-12-31\nactual",
    ]


def test_the_chart_draws_on_given_axes() -> None:
    _, ax = plt.subplots()
    assert plot.compare(example_programmes(), "villages_paired", ax=ax) is ax


def test_the_coverage_heat_map_has_a_cell_per_place_and_theme(tmp_path: Path) -> None:
    ax = plot.coverage(example_programmes())
    (image,) = ax.get_images()
    cells_grid = image.get_array()
    assert cells_grid is not None and cells_grid.shape == (3, 7)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Bing", "Jia", "Yi"]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Advice",
        "Innovation",
        "Private economy",
        "Investment and talent",
        "Common prosperity",
        "Organisation",
        "General",
    ]
    cells = [t.get_text() for t in ax.texts]
    assert len(cells) == 21 and cells[4] == "1" and cells[0] == "0"
    assert ax.get_title() == "Measures by theme"
    indicators = plot.coverage(example_programmes(), count="indicators")
    assert [t.get_text() for t in indicators.texts][4] == "2"
    figure = ax.figure
    assert isinstance(figure, Figure)
    figure.savefig(tmp_path / "coverage.png")
    assert (tmp_path / "coverage.png").stat().st_size > 1000


def test_chinese_labels_without_a_chinese_font_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(plot, "cjk_font", lambda: None)
    with pytest.raises(MissingFontError, match="no installed font has them"):
        plot.compare(example_programmes(), "villages_paired", lang="zh")
    with pytest.raises(MissingFontError):
        plot.coverage(example_programmes(), lang="zh")


def test_chinese_labels_when_a_font_is_there(monkeypatch: pytest.MonkeyPatch) -> None:
    # Any font file stands in: the labels are checked, not drawn.
    stand_in = font_manager.findfont("DejaVu Sans")
    monkeypatch.setattr(plot, "cjk_font", lambda: stand_in)
    ax = plot.compare(example_programmes(), "villages_paired", lang="zh")
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "丙市*\n截至2024-12-31",
        "甲市*\n截至2024-12-31",
        "乙市*\n截至2024-12-31",
    ]
    assert (ax.get_title(), ax.get_ylabel()) == ("结对村数（*累计）", "数值（个）")
    heat = plot.coverage(example_programmes(), lang="zh")
    assert [t.get_text() for t in heat.get_xticklabels()][:2] == ["建言献策", "创新创造"]
    assert heat.get_title() == "措施数按主题"


def test_the_font_found_has_distinct_chinese_glyphs() -> None:
    found = plot.cjk_font()
    if found is not None:
        font = ft2font.FT2Font(found)
        assert font.get_char_index(ord("中")) != font.get_char_index(ord("国"))


def test_unknown_options_are_refused() -> None:
    with pytest.raises(AnalysisError, match="unknown language 'fr'"):
        plot.compare(example_programmes(), "villages_paired", lang="fr")
    with pytest.raises(AnalysisError, match="unknown count 'figures'"):
        plot.coverage(example_programmes(), count="figures")


def test_programme_wide_figures_get_a_column_only_when_figures_are_counted() -> None:
    data = example_programmes()[0].model_dump(mode="json")
    data["indicators"] = [
        {
            "id": "wide",
            "name": "总数",
            "kind": "actual",
            "quantity": "3项",
            "evidence": {"source": "report", "quote": "3项"},
        }
    ]
    from unitedfront import Programme

    programme = Programme.model_validate(data)
    measures = plot.coverage(programme)
    assert [t.get_text() for t in measures.get_xticklabels()][-1] == "General"
    figures = plot.coverage(programme, count="indicators")
    assert [t.get_text() for t in figures.get_xticklabels()][-1] == "Programme-wide"
    assert [t.get_text() for t in figures.texts][-1] == "1"
