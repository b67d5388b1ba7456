"""The notebook's HTML output, rendered in headless Chromium: text left-aligned, nothing overflows.

The tour notebook runs in a Jupyter kernel; every HTML output it gives is laid in a page
narrower than a notebook's output area, under the table styles notebook front ends give
(cells right-aligned, a fixed layout, tables centred). A script in the page measures each
table and cell and writes what it found into the page, which Chromium prints.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from unitedfront import datasets, validate

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "tour.ipynb"

#: Width of the page's output area, in CSS pixels: narrower than a notebook's.
WIDTH = 760

#: What notebook front ends give every table of an output (JupyterLab and the classic
#: notebook alike): the repr's own styles must win over these.
_FRONT_END = (
    """
.jp-RenderedHTMLCommon table{border-collapse:collapse;border-spacing:0;border:none;
  font-size:12px;table-layout:fixed;margin-left:auto;margin-right:auto}
.jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th,.jp-RenderedHTMLCommon tr{
  text-align:right;vertical-align:middle;padding:0.5em;line-height:normal;
  white-space:normal;max-width:none;border:none}
.jp-RenderedHTMLCommon code{white-space:pre}
body{margin:8px;font-family:sans-serif}
"""
    + f".output{{width:{WIDTH}px;overflow:visible;border-bottom:1px dashed #999}}"
)

#: Opens every <details>, then measures: each table's place in its output, and each
#: cell's alignment and whether its content is wider than the cell.
_MEASURE = """
document.querySelectorAll('details').forEach(d => { d.open = true; });
const found = [];
document.querySelectorAll('.output').forEach((output, o) => {
  const box = output.getBoundingClientRect();
  output.querySelectorAll('table.uf-table').forEach((table, t) => {
    const r = table.getBoundingClientRect();
    found.push({kind: 'table', output: o, table: t, left: r.left - box.left,
                right: r.right - box.right, width: r.width});
    table.querySelectorAll('td, th').forEach(cell => {
      found.push({kind: 'cell', output: o, table: t,
                  text: cell.textContent.slice(0, 40),
                  num: cell.classList.contains('num'),
                  align: getComputedStyle(cell).textAlign,
                  overflow: cell.scrollWidth - cell.clientWidth});
    });
  });
});
const out = document.createElement('pre');
out.id = 'measured';
out.textContent = JSON.stringify(found);
document.body.appendChild(out);
"""


def _outputs() -> list[str]:
    """The HTML outputs of the tour notebook, executed in a Jupyter kernel."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    found = [
        str(output["data"]["text/html"])
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "text/html" in output.get("data", {})
    ]
    # The report of a programme with findings of every severity, and a long path.
    found.append(validate(datasets.load("shenzhen-acfic-2021"))._repr_html_())
    return found


def _page(outputs: list[str]) -> str:
    body = "".join(
        f"<div class='output jp-RenderedHTMLCommon'>{output}</div>" for output in outputs
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<style>{_FRONT_END}</style></head><body>{body}"
        f"<script>{_MEASURE}</script></body></html>"
    )


def _render(page: str) -> list[dict[str, Any]]:
    """Chromium's measurements of the page, with no network, sync or first-run work."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (.ci/run installs Debian's package)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "page.html")
        path.write_text(page, encoding="utf-8")
        done = subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={Path(folder, 'profile')}",
                f"--window-size={WIDTH + 200},2000",
                "--virtual-time-budget=5000",
                "--dump-dom",
                path.as_uri(),
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=180,
            check=False,
            env={**os.environ, "HOME": folder},
        )
    start = done.stdout.find('<pre id="measured">')
    assert start >= 0, done.stderr[-2000:]
    end = done.stdout.index("</pre>", start)
    measured: list[dict[str, Any]] = json.loads(
        html.unescape(done.stdout[start + len('<pre id="measured">') : end])
    )
    return measured


@pytest.mark.slow
def test_the_notebook_html_is_left_aligned_and_nothing_overflows() -> None:
    measured = _render(_page(_outputs()))
    tables = [m for m in measured if m["kind"] == "table"]
    cells = [m for m in measured if m["kind"] == "cell"]
    assert len(tables) >= 6 and len(cells) >= 100
    for table in tables:
        assert abs(table["left"]) < 1, f"table not at the left of its output: {table}"
        assert table["right"] <= 1, f"table wider than its output: {table}"
    for cell in cells:
        assert cell["overflow"] <= 1, f"content wider than its cell: {cell}"
        if cell["num"]:
            assert cell["text"].strip().isdigit(), f"text marked as a number: {cell}"
        else:
            assert cell["align"] in ("left", "start"), f"text not left-aligned: {cell}"
