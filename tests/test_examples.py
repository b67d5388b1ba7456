"""Every example script and the notebook in ``examples/`` runs and prints what it promises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NOTEBOOK = EXAMPLES / "tour.ipynb"

#: Lines each script prints, in order (among others).
EXPECTED: dict[str, list[str]] = {
    "quickstart.py": [
        "   470余条  more_than  (470, 480) 条",
        "   近300条  nearly     [270, 300) 条",
        "   total  sum        (740, 780) 条",
    ],
    "compare_cities.py": [
        "Linyi (2024) and Ningbo (2023) share 5 metrics.",
        "enterprises_assisted: Enterprises assisted",
        "  Ningbo  4000多家    (4000, 5000)   running_total, not dated",
        "  Linyi   100余家     (100, 200)     running_total, as of 2024-07-19",
        "  -> not alike, so not compared: ningbo-acfic-2023/enterprises-helped (4000多家) is "
        "not dated",
        "entrepreneur_training_attendances: Entrepreneur training attendances",
        "  Ningbo  1804人次    [1804, 1804]   flow, 2023-01/2023-06",
        "  -> not alike, so not compared: different temporal natures (flow and running_total)",
    ],
    "your_own_programme.py": [
        "First draft: not ok, 1 error",
        "UF201 error actions[0].measures[0].indicators[0].evidence [enterprises-visited]: the "
        "quote '上半年共走访民营企业' does not hold the quantity '860余家' (hint: if the quantity "
        "was mistyped, correct it to the figure as the quote writes it; if the quote is wrong, "
        "quote the shortest phrase of the source that holds the figure as written)",
        "Fixed: ok, 0 findings",
        "Read back from JSON: True",
        "  actions[0].measures[0].indicators[0]: 860余家 is (860, 870) 家",
    ],
    "extract_figures.py": [
        "13 figures found",
        "  offsets  as written     qualifier  interval",
        "  98-103   860余家        more_than  (860, 870) 家",
        " 230-237   超过1.5亿元    over       (150000000, ∞) 元",
        " 296-302   不少于50家     at_least   [50, ∞) 家",
        "The first figure in its clause: 上半年共走访民营企业860余家",
        "协调解决企业反映的问题近300个",
    ],
}


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
        timeout=300,
    )


def test_every_example_script_is_tested() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_example_script_runs_from_anywhere(name: str, tmp_path: Path) -> None:
    """Run from another folder, a script exits 0, warns of nothing and prints its lines."""
    done = _run("-W", "error", str(EXAMPLES / name), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    printed = iter(done.stdout.splitlines())
    for line in EXPECTED[name]:
        assert any(line == candidate for candidate in printed), line


def test_the_example_text_is_our_own() -> None:
    """The sample text says it is made up, and is short."""
    text = (EXAMPLES / "data" / "example-city-briefing.txt").read_text(encoding="utf-8")
    assert "虚构的示例文本" in text
    assert len(text) < 600


# --------------------------------------------------------------------------- the notebook


def _code(notebook: dict[str, Any]) -> list[str]:
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def test_the_notebook_is_stored_without_outputs() -> None:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


def _html(cell: Any) -> str:
    return "".join(str(o.get("data", {}).get("text/html", "")) for o in cell.outputs)


def _text(cell: Any) -> str:
    return "".join(str(o.get("data", {}).get("text/plain", "")) for o in cell.outputs)


@pytest.mark.slow
def test_the_notebook_runs() -> None:
    """Executed in a Jupyter kernel: programmes show as HTML, the report finds UF201.

    Where no kernel can start here, the code cells run in order in a plain Python process
    instead, which checks the code but not how the results show.
    """
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    try:
        client.execute()
    except CellExecutionError:
        raise
    except Exception as exc:  # no kernel can start here: run the code without one
        kernel_failure: Exception | None = exc
    else:
        kernel_failure = None
    if kernel_failure is not None:
        # CI installs ipykernel: there the notebook must run in a kernel, as users run it.
        assert not os.environ.get("CI"), f"no Jupyter kernel could start: {kernel_failure!r}"
        script = "\n".join([*_code(notebook), "print(sorted(report.codes))"])
        done = _run("-c", script, cwd=EXAMPLES)
        assert done.returncode == 0, f"{kernel_failure!r}\n{done.stderr}"
        assert done.stdout.splitlines()[-1] == "['UF201']"
        return
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert "linyi-2024" in _text(cells[0])
    assert "4221家" in _html(cells[1]) and "(470, 480) 条" in _html(cells[1])
    assert "<table" in _html(cells[2])
    assert "470余条" in _html(cells[3]) or "63处" in _html(cells[3])
    assert "3300家" in _html(cells[4]) and "1234家" in _html(cells[4])
    assert "UF201" in _text(cells[5]) + _html(cells[5])
    assert _text(cells[6]) == "[('UF201', 'error', 'indicators[0].evidence')]"
