"""Plots for notebooks: a comparison bar chart with interval whiskers, a theme-coverage heat map.

Needs the ``plot`` extra (matplotlib), imported only when a plot is drawn. Labels are in
English by default, since a fresh machine may lack fonts with Chinese glyphs; pass
``lang="zh"`` for Chinese labels, which needs such a font installed
(:class:`~unitedfront.errors.MissingFontError` otherwise).

>>> from unitedfront import datasets
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> two = [datasets.load("ningbo-acfic-2023"), datasets.load("linyi-2024")]
>>> ax = compare(two, "villages_paired", unlike="accept")
>>> [t.get_text() for t in ax.get_xticklabels()]
['Ningbo*\\nnot dated', 'Linyi*\\nas of 2024-07-19']
>>> import matplotlib.pyplot as plt; plt.close("all")
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Final, Literal

from unitedfront._alike import ALONE, figure_label
from unitedfront._analysis._deps import need
from unitedfront._analysis._frame import frame_rows
from unitedfront._model import Theme
from unitedfront.errors import AnalysisError, MissingFontError, UnlikeFiguresError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.font_manager import FontProperties

__all__ = ["compare", "coverage"]

#: Theme labels: (English, Chinese).
THEME_LABELS: Final[dict[str | None, tuple[str, str]]] = {
    Theme.ADVICE.value: ("Advice", "建言献策"),
    Theme.INNOVATION.value: ("Innovation", "创新创造"),
    Theme.PRIVATE_ECONOMY.value: ("Private economy", "壮大民企"),
    Theme.INVESTMENT_TALENT.value: ("Investment and talent", "双招双引"),
    Theme.COMMON_PROSPERITY.value: ("Common prosperity", "共同富裕"),
    Theme.ORGANISATION.value: ("Organisation", "自身建设"),
    Theme.GENERAL.value: ("General", "综合"),
    None: ("Programme-wide", "全局"),
}
#: English words for the units of each unit kind (the units themselves are Chinese).
_UNIT_KIND_LABELS: Final = {
    "count": "count",
    "person_times": "person-times",
    "money": "yuan",
    "share": "%",
    "percentage_points": "percentage points",
    "person_years": "person-years",
    "duration": "duration",
    "rank": "rank",
}
_KIND_LABELS: Final = {
    "actual": ("actual", "实际"),
    "target": ("target", "目标"),
    "baseline": ("baseline", "基数"),
    "statistic": ("statistic", "统计"),
    "rank": ("rank", "排名"),
    "structure": ("structure", "结构"),
}


@cache
def cjk_font() -> str | None:
    """The file of an installed font with Chinese glyphs, or ``None`` if there is none.

    A font counts when it has distinct glyphs for 中 and 国 (a fallback font that draws
    one placeholder for a whole block of characters does not).
    """
    need("matplotlib", purpose="plots")
    from matplotlib import font_manager, ft2font

    for entry in sorted(font_manager.fontManager.ttflist, key=lambda f: str(f.fname)):
        try:
            font = ft2font.FT2Font(entry.fname)
        except (OSError, RuntimeError, ValueError):
            continue
        zhong, guo = font.get_char_index(ord("中")), font.get_char_index(ord("国"))
        if zhong and guo and zhong != guo:
            return str(entry.fname)
    return None


def _font(lang: str) -> FontProperties | None:
    """The font for labels in this language; ``None`` for matplotlib's default."""
    if lang == "en":
        return None
    if lang != "zh":
        raise AnalysisError(f"unknown language {lang!r}; choose 'en' or 'zh'")
    path = cjk_font()
    if path is None:
        raise MissingFontError(
            "Chinese labels need a font with Chinese glyphs, and no installed font has them; "
            "install one (for example Noto Sans CJK) or use lang='en'"
        )
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=path)


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _name(row: dict[str, Any], lang: str) -> str:
    zh, en = row.get("jurisdiction_zh"), row.get("jurisdiction_en")
    code = str(row["jurisdiction"])
    if lang == "zh":
        return str(zh or en or code)
    # Never Chinese text in English labels: the font may lack the glyphs.
    return str(en or code)


def _when(row: dict[str, Any], zh: bool) -> str:
    """A figure's date or period as a label: ``as of 2024-07-19``, ``2023``, ``not dated``."""
    if row.get("as_of") is not None:
        return f"截至{row['as_of']}" if zh else f"as of {row['as_of']}"
    if row.get("period") or row.get("period_end"):
        return str(row.get("period") or row["period_end"])
    return "未注明时间" if zh else "not dated"


def compare(
    data: Any,
    metric: str,
    *,
    kind: str | Iterable[str] | None = None,
    ax: Axes | None = None,
    lang: str = "en",
    unlike: Literal["refuse", "accept"] = "refuse",
) -> Axes:
    """A bar chart of one metric across places, each bar with the interval its figure implies.

    A bar's height is the number written; its whisker runs from the figure's low to its
    high. A side the figure leaves unbounded (``超2000人次`` has no upper bound) is marked
    with a triangle pointing that way instead of a whisker. Each bar is labelled with its
    place, its period or date (``as of 2024-07-19``, ``not dated``), ``*`` when it is a
    running total (累计), and its kind where there are several; the axis names the unit.

    Bars stand side by side only when their figures are alike (the ``comparable`` column
    of :func:`unitedfront.compare`); otherwise the plot is refused with
    :class:`UnlikeFiguresError` naming the figures and why, unless ``unlike="accept"``,
    and then the title says the figures are not alike.

    Args:
        data: Programmes, or a frame shaped like :func:`unitedfront.to_frame`'s.
        metric: The metric code to plot.
        kind: Keep only figures of this kind (or kinds).
        ax: The axes to draw on; a new figure by default.
        lang: ``"en"`` (the default) or ``"zh"`` for the labels.
        unlike: ``"refuse"`` (the default) or ``"accept"`` figures that are not alike.

    Returns:
        The ``Axes`` drawn on.
    """
    need("matplotlib", purpose="plots")
    from unitedfront._analysis import compare as compare_frame
    from unitedfront._analysis._common import metric_or_error

    font = _font(lang)
    info = metric_or_error(metric)
    if unlike not in ("refuse", "accept"):
        raise AnalysisError(f"unknown choice unlike={unlike!r}; choose 'refuse' or 'accept'")
    rows = frame_rows(compare_frame(data, metric, kind=kind, backend="pyarrow"))
    unalike = [r for r in rows if r["comparable"] not in ("alike", ALONE)]
    if unalike and unlike == "refuse":
        raise UnlikeFiguresError(
            f"the figures of {metric} are not alike, so their bars would mislead: "
            + "; ".join(f"{figure_label(r)}: {r['comparable']}" for r in unalike)
            + "; filter them, or pass unlike='accept' to draw them anyway"
        )
    kinds = {r["kind"] for r in rows}
    zh = lang == "zh"
    labels = []
    for r in rows:
        label = _name(r, lang) + ("*" if r.get("cumulative") else "")
        label += f"\n{_when(r, zh)}"
        if len(kinds) > 1:
            label += f"\n{_KIND_LABELS.get(r['kind'], (r['kind'], r['kind']))[zh]}"
        labels.append(label)
    ax = _axes(ax, (max(4.0, 1.1 * len(rows) + 1.5), 4.0))
    xs = list(range(len(rows)))
    heights = [float(Decimal(r["value"])) for r in rows]
    ax.bar(xs, heights, color="#4C72B0", width=0.6)
    for x, r, h in zip(xs, rows, heights, strict=True):
        low, high = r["low"], r["high"]
        lower = h - float(Decimal(low)) if low is not None else 0.0
        upper = float(Decimal(high)) - h if high is not None else 0.0
        if lower or upper:
            ax.errorbar([x], [h], yerr=[[lower], [upper]], fmt="none", ecolor="black", capsize=4)
        if high is None:
            ax.plot([x], [h], marker="^", color="black", markersize=7, linestyle="none")
        if low is None:
            ax.plot([x], [0], marker="v", color="black", markersize=7, linestyle="none")
    ax.set_xticks(xs, labels, fontproperties=font)
    units = sorted({r["unit"] for r in rows if r["unit"]})
    cumulative = any(r.get("cumulative") for r in rows)
    if zh:
        ylabel = "数值" + (f"（{'、'.join(units)}）" if units else "")
        title = info.name.zh + ("（*累计）" if cumulative else "")
        if unalike:
            title += "（口径不一）"
    else:
        ylabel = f"Value ({_UNIT_KIND_LABELS[info.unit_kind.value]})"
        title = (info.name.en or info.code) + (" (* running total)" if cumulative else "")
        if unalike:
            title += " (figures not alike)"
    ax.set_title(title, fontproperties=font)
    ax.set_ylabel(ylabel, fontproperties=font)
    ax.set_xlabel("地区" if zh else "Jurisdiction", fontproperties=font)
    ax.set_ylim(bottom=0)
    return ax


def coverage(
    data: Any,
    *,
    count: str = "measures",
    ax: Axes | None = None,
    lang: str = "en",
) -> Axes:
    """A heat map of jurisdictions × themes, each cell the number of measures (or figures).

    Args:
        data: Programmes, or a frame shaped like :func:`unitedfront.to_frame`'s.
        count: What each cell counts: ``"measures"`` (the default), ``"actions"`` or
            ``"indicators"``.
        ax: The axes to draw on; a new figure by default.
        lang: ``"en"`` (the default) or ``"zh"`` for the labels.

    Returns:
        The ``Axes`` drawn on; the cell counts are written in the cells.
    """
    need("matplotlib", purpose="plots")
    from unitedfront._analysis import coverage as coverage_frame

    if count not in ("actions", "measures", "indicators"):
        raise AnalysisError(
            f"unknown count {count!r}; choose 'actions', 'measures' or 'indicators'"
        )
    font = _font(lang)
    zh = lang == "zh"
    rows = frame_rows(coverage_frame(data, backend="pyarrow"))
    if count != "indicators":
        # Programme-wide figures belong to no action or measure: their column is all zeros.
        rows = [r for r in rows if r["theme"] is not None]
    places: list[str] = []
    names: dict[str, str] = {}
    themes: list[str | None] = []
    for r in rows:
        if r["jurisdiction"] not in names:
            places.append(r["jurisdiction"])
            names[r["jurisdiction"]] = _name(r, lang)
        if r["theme"] not in themes:
            themes.append(r["theme"])
    grid = [[0] * len(themes) for _ in places]
    for r in rows:
        grid[places.index(r["jurisdiction"])][themes.index(r["theme"])] = int(r[count])
    ax = _axes(ax, (1.2 * len(themes) + 2.5, 0.6 * len(places) + 2.0))
    image = ax.imshow(grid, cmap="Blues", aspect="auto", vmin=0)
    peak = max((v for line in grid for v in line), default=0)
    for i, line in enumerate(grid):
        for j, value in enumerate(line):
            colour = "white" if peak and value > peak / 2 else "black"
            ax.text(j, i, str(value), ha="center", va="center", color=colour)
    theme_labels = [THEME_LABELS.get(t, (str(t), str(t)))[zh] for t in themes]
    ax.set_xticks(range(len(themes)), theme_labels, rotation=30, ha="right", fontproperties=font)
    ax.set_yticks(range(len(places)), [names[p] for p in places], fontproperties=font)
    what = {
        "actions": ("Actions", "行动数"),
        "measures": ("Measures", "措施数"),
        "indicators": ("Figures", "指标数"),
    }[count][zh]
    ax.set_title(f"{what}按主题" if zh else f"{what} by theme", fontproperties=font)
    ax.figure.colorbar(image, ax=ax, label=what if not zh else None)
    return ax
