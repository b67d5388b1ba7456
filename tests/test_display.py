"""Programmes and actions show themselves in notebooks and terminals."""

from __future__ import annotations

from html.parser import HTMLParser

from rich.console import Console

from unitedfront import Programme, datasets


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


class _Parsed(HTMLParser):
    """Every tag of a page and its text as a browser reads it (entities decoded)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


#: Markup where a name, a lead or a quote would be: shown as text, never read as tags.
_HOSTILE = "<i onmouseover='x()'>&amp; \"A&B\"</i>"
_TAGS = {"style", "table", "tr", "th", "td", "br", "span", "b", "code", "div", "details", "summary"}


def _hostile_programme() -> Programme:
    text = {"zh": _HOSTILE, "en": _HOSTILE}
    indicator = {
        "id": "visits",
        "name": text,
        "kind": "actual",
        "quantity": "12家",
        "evidence": {"source": "src", "quote": _HOSTILE},
    }
    measure = {"id": "m", "name": text, "lead": [text], "initiatives": [text]}
    return Programme.model_validate(
        {
            "id": "demo-2024",
            "title": text,
            "kind": "plan",
            "framework": "other",
            "jurisdiction": {"code": "370000", "name": text, "level": "province"},
            "issuer": text,
            "period": "2024",
            "indicators": [{**indicator, "id": "overall"}],
            "actions": [
                {
                    "id": "a",
                    "name": text,
                    "theme": "advice",
                    "indicators": [indicator],
                    "measures": [{**measure, "indicators": [{**indicator, "id": "inner"}]}],
                }
            ],
            "sources": [{"id": "src", "title": "来源"}],
        }
    )


def test_html_escapes_what_it_shows() -> None:
    """Every text a programme or an action shows reads back as itself, and adds no tag."""
    programme = _hostile_programme()
    for html, shown in (
        # title, place and issuer (zh and en each), the action's name, the three figures'
        # names and quotes
        (programme._repr_html_(), 2 * 3 + 2 + 3 * 3),
        # the action's and the measure's names, the measure's lead and initiative, the two
        # figures' names and quotes
        (programme.actions[0]._repr_html_(), 2 + 2 + 2 + 2 * 3),
    ):
        page = _Parsed()
        page.feed(html)
        assert page.tags <= _TAGS
        assert page.text.count(_HOSTILE) == shown


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


def test_text_is_left_aligned_and_only_counts_are_right_aligned() -> None:
    """The repr's styles outrank a notebook's (``.jp-RenderedHTMLCommon td``: right-aligned)."""
    import re

    html = datasets.load("linyi-2024")._repr_html_()
    assert "table.uf-table th,table.uf-table td{" in html
    assert "text-align:left" in html and "overflow-wrap:anywhere" in html
    numbers = re.findall(r"<td class='num'>([^<]*)</td>", html)
    assert numbers and all(n.isdigit() for n in numbers)
    assert "<td>63处</td>" in html and "<td>[63, 63] 处</td>" in html
