"""Programmes and actions show themselves in notebooks and terminals."""

from __future__ import annotations

from html.parser import HTMLParser

from rich.console import Console

from unitedfront import datasets


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "td":
            self.cells.append("")
            self.inside = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.cells[-1] += data


def _cells(html: str) -> list[str]:
    parser = _Cells()
    parser.feed(html)
    return parser.cells


def test_a_programme_renders_as_an_html_table_with_every_figure() -> None:
    linyi = datasets.load("linyi-2024")
    cells = _cells(linyi._repr_html_())
    assert "linyi-2024" in cells
    assert "临沂市Linyi (371300)" in cells
    assert "4221家" in cells
    assert "(470, 480) 条" in cells
    figures = sum(1 for _ in linyi.iter_indicators())
    assert f"{figures} figures" in linyi._repr_html_()


def test_html_escapes_what_it_shows() -> None:
    shandong = datasets.load("shandong-acfic-2019")
    html = shandong._repr_html_()
    assert "“双招双引”重大项目" in html
    assert "<script" not in html


def test_an_action_renders_its_measures_and_figures() -> None:
    action = datasets.load("ningbo-acfic-2023").actions[3]
    cells = _cells(action._repr_html_())
    assert "822家" in cells
    assert "668個" in cells


def test_a_programme_prints_as_a_rich_tree() -> None:
    console = Console(width=100, record=True, color_system=None)
    console.print(datasets.load("linyi-2024"))
    text = console.export_text()
    assert text.splitlines()[0].startswith("临沂")
    assert "1234家 [1234, 1234] 家 · Enterprises visited (enterprises_visited)" in text


def test_a_report_shows_itself_in_notebooks_and_terminals() -> None:
    from unitedfront import validate

    report = validate(datasets.load("weihai-2024"))
    assert "UF101" in report._repr_html_()
    console = Console(width=100, record=True, color_system=None)
    console.print(report)
    assert "UF101" in console.export_text()
