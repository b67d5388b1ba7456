"""Validation reports show as HTML tables in notebooks and as trees in a terminal."""

from __future__ import annotations

from html.parser import HTMLParser

from rich.console import Console

from unitedfront import Finding, Report, Severity, datasets, validate
from unitedfront._display import report_html, report_tree


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            self.cells.append("")
            self.inside = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.cells[-1] += data


def _cells(html: str) -> list[str]:
    parser = _Cells()
    parser.feed(html)
    return parser.cells


BROKEN = Report(
    (
        Finding(
            "UF201",
            Severity.ERROR,
            "indicators[0].evidence",
            "visits",
            "the quote '走访企业' does not hold the quantity '1234家'",
            "quote the shortest phrase of the source that holds the figure as written",
        ),
        Finding("UF601", Severity.INFO, "title", None, "the programme title has no English text"),
    ),
    programme="demo-<2024>",
)


def _text(renderable: object) -> str:
    console = Console(width=200, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def test_a_report_renders_as_an_html_table_of_its_findings() -> None:
    """A row per finding: code, severity, path, id, message and hint."""
    html = report_html(BROKEN)
    assert "not ok" in html and "1 error, 0 warnings, 1 info" in html
    cells = _cells(html)
    start = cells.index("Hint") + 1
    assert cells[start : start + 6] == [
        "UF201",
        "error",
        "indicators[0].evidence",
        "visits",
        "the quote '走访企业' does not hold the quantity '1234家'",
        "quote the shortest phrase of the source that holds the figure as written",
    ]
    assert cells[start + 6 : start + 12] == [
        "UF601",
        "info",
        "title",
        "",
        "the programme title has no English text",
        "",
    ]


def test_the_html_escapes_what_it_shows() -> None:
    html = report_html(BROKEN)
    assert "demo-&lt;2024&gt;" in html
    assert "demo-<2024>" not in html


def test_explained_findings_come_with_their_reasons() -> None:
    report = validate(datasets.load("weihai-2024"))
    html = report_html(report)
    assert "<b>ok</b>" in html and "1 explained" in html
    cells = _cells(html)
    assert cells[cells.index("Reason") + 1] == "UF101"
    assert report.explained[0][1] in cells


def test_a_clean_report_has_no_table() -> None:
    html = report_html(Report((), programme="demo-2024"))
    assert "<table" not in html
    assert "0 errors, 0 warnings, 0 infos" in html


def test_a_report_prints_as_a_tree_by_severity() -> None:
    lines = _text(report_tree(BROKEN)).splitlines()
    assert lines == [
        "demo-<2024>: not ok · 1 error, 0 warnings, 1 info",
        "├── errors",
        "│   └── UF201 indicators[0].evidence [visits]: the quote '走访企业' does not hold the "
        "quantity '1234家' (hint: quote the shortest phrase of the source that holds the "
        "figure as written)",
        "└── infos",
        "    └── UF601 title: the programme title has no English text",
    ]


def test_an_explained_finding_shows_its_reason_in_the_tree() -> None:
    text = _text(report_tree(validate(datasets.load("shenzhen-acfic-2021"))))
    assert (
        text.splitlines()[0]
        == "shenzhen-acfic-2021: ok · 0 errors, 0 warnings, 0 infos, 1 explained"
    )
    assert "└── explained" in text
