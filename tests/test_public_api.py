"""The public API: what ``unitedfront`` exports, and what importing it costs."""

from __future__ import annotations

import inspect
import subprocess
import sys
from importlib.metadata import version

import pytest

import unitedfront


@pytest.mark.parametrize("name", unitedfront.__all__)
def test_every_exported_name_resolves_and_is_documented(name: str) -> None:
    value = getattr(unitedfront, name)
    if name == "__version__":
        assert value == version("unitedfront")
        return
    doc = inspect.getdoc(value)
    assert doc, f"unitedfront.{name} has no docstring"


@pytest.mark.parametrize("name", unitedfront.__all__)
def test_a_public_docstring_imports_only_public_names(name: str) -> None:
    """What ``help()`` shows a user can be run as it is: no private module in an example."""
    value = getattr(unitedfront, name)
    docs = [inspect.getdoc(value) or ""]
    if inspect.isclass(value):
        docs += [inspect.getdoc(member) or "" for _, member in inspect.getmembers(value)]
    examples = [
        line.strip()
        for doc in docs
        for line in doc.splitlines()
        if line.strip().startswith((">>>", "..."))
    ]
    assert not [line for line in examples if "unitedfront._" in line or "import _" in line]


def test_the_core_names_import_directly() -> None:
    from unitedfront import Action, Indicator, Measure, Programme, Qualifier, Quantity, total

    assert all(callable(x) for x in (Action, Indicator, Measure, Programme, Quantity, total))
    assert Qualifier.MORE_THAN.value == "more_than"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Programm'"):
        unitedfront.Programm  # noqa: B018


def test_dir_lists_the_public_names_only() -> None:
    """Not the names the package imports for itself (Any, TYPE_CHECKING, importlib)."""
    assert dir(unitedfront) == sorted(unitedfront.__all__)


def test_the_api_reference_lists_no_private_module() -> None:
    """Each private module documented there has no entry of its own in the contents."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "reference.md").read_text("utf-8")
    blocks = text.split(":::")[1:]
    private = [b for b in blocks if b.split()[0].startswith("unitedfront._")]
    assert len(private) >= 8
    for block in private:
        assert "show_root_toc_entry: false" in block, block.split()[0]


def test_importing_the_package_loads_no_heavy_or_optional_module() -> None:
    probe = (
        "import sys, unitedfront; "
        "heavy = ('pandas', 'numpy', 'polars', 'pyarrow', 'typer', 'rich', 'click', "
        "'matplotlib', 'opencc', 'yaml', 'narwhals', 'unitedfront._cli'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_citation_names_the_installed_version() -> None:
    """The version is set once, in pyproject.toml; CITATION.cff must agree with it."""
    from pathlib import Path

    citation = Path(__file__).resolve().parents[1] / "CITATION.cff"
    lines = citation.read_text(encoding="utf-8").splitlines()
    assert f"version: {version('unitedfront')}" in lines


def test_an_unknown_metric_is_a_key_error_with_a_plain_message() -> None:
    """UnknownMetricError is a KeyError whose str() is the message, not its quoted repr."""
    with pytest.raises(unitedfront.UnknownMetricError) as info:
        unitedfront.get_metric("Villages_Paired")
    assert isinstance(info.value, KeyError)
    assert str(info.value) == (
        "no metric 'Villages_Paired' in the vocabulary; did you mean 'villages_paired'?"
    )
