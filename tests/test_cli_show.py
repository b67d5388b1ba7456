"""``unitedfront show`` and what every command that names a programme shares."""

from __future__ import annotations

import re

import pytest
import rich.cells

from tests._cli_helpers import BAD, EXAMPLE_CITY, EXIT_OK, one_line_error, run, unknown_message
from unitedfront import datasets, load_file
from unitedfront.errors import LoadError


def test_show_prints_the_programme_as_a_tree_with_its_figures() -> None:
    """The tree starts with the title and lists every figure with its interval."""
    result = run("show", "linyi-2024", columns=200)
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0].startswith("临沂")
    assert lines[1].startswith("linyi-2024 · 临沂市 371300 · report · 2024")
    assert "1234家 [1234, 1234] 家 · Enterprises visited (enterprises_visited)" in result.stdout
    figures = [line for line in lines if re.search(r"[\[(].*[\])] .*· ", line)]
    assert len(figures) == len(list(datasets.load("linyi-2024").iter_indicators()))


def test_show_wraps_a_tree_to_the_width_without_losing_words() -> None:
    """At 80 columns no line is wider, and the long title wraps rather than being cut."""
    result = run("show", "ningbo-acfic-2023")
    lines = result.stdout.splitlines()
    assert max(rich.cells.cell_len(line) for line in lines) <= 80
    assert "two healthy developments" in " ".join(lines)


def test_show_reads_a_programme_file() -> None:
    """A path (it has a suffix or a slash) is read as a programme file."""
    result = run("show", str(EXAMPLE_CITY), columns=200)
    assert result.exit_code == EXIT_OK
    assert "860余家 (860, 870) 家 · Private enterprises visited" in result.stdout


@pytest.mark.parametrize("command", ["show", "indicators"])
def test_an_unknown_dataset_id_exits_2_with_the_loaders_message(command: str) -> None:
    """The message is UnknownDatasetError's: the closest id and every id there is."""
    message = one_line_error(run(command, "linyi"))
    assert message == unknown_message("linyi")
    assert "Did you mean 'linyi-2024'?" in message


def test_a_broken_programme_file_exits_2_with_the_load_error() -> None:
    """The error names the file, the line and column, and what is wrong."""
    path = BAD / "json-trailing-comma.json"
    with pytest.raises(LoadError) as info:
        load_file(path)
    assert one_line_error(run("show", str(path))) == str(info.value)
