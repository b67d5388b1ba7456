"""The command line as a whole: help, version, usage errors, start-up, a real process, docs."""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
from importlib.resources import files
from typing import Any

import pytest
import rich.cells

from tests._cli_helpers import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_UNREADABLE,
    ROOT,
    one_line_error,
    run,
    unknown_message,
)
from unitedfront import _cli
from unitedfront._cli.app import COMMANDS, load

# --------------------------------------------------------------------------- help


def test_schema_prints_the_shipped_json_schema() -> None:
    result = run("schema")
    shipped = files("unitedfront").joinpath("schema/programme.schema.json")
    assert result.exit_code == EXIT_OK
    assert result.stdout == shipped.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help", columns=100)
    assert result.exit_code == EXIT_OK
    assert f"Example: unitedfront {command}" in result.stdout


@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_listed_summary_is_the_first_line_of_the_commands_help(command: str) -> None:
    """The group lists a command without importing it, by the summary its help starts with."""
    help = inspect.cleandoc(load(command).help or "")
    assert help.splitlines()[0] == COMMANDS[command]


def test_the_top_level_help_lists_every_command() -> None:
    result = run("--help", columns=100)
    listed = re.findall(r"^  ([a-z]+)  ", result.stdout, flags=re.MULTILINE)
    assert listed == list(COMMANDS)
    assert "Start with: unitedfront report" in result.stdout


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_at_80_columns_is_plain_and_fits(command: str) -> None:
    """No type tags (<bool>, <str>), no braces round arguments, no word broken at the edge."""
    result = run(*command.split(), "--help")
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert max(rich.cells.cell_len(line) for line in lines) <= 80
    assert not re.search(r"<[a-z\[\]]+>|\{[A-Z.]+\}", result.stdout), result.stdout
    words = set(re.findall(r"[a-z_]+", result.stdout))
    for choice in ("private_economy", "common_prosperity", "investment_talent", "structure"):
        halves = [(choice[:n], choice[n:]) for n in range(2, len(choice) - 1)]
        assert not any(a in words and b in words and a + b not in words for a, b in halves)


@pytest.mark.parametrize("command", ["validate", "extract", "show", "compare"])
def test_each_argument_is_listed_once_in_the_help(command: str) -> None:
    """One list of arguments, whichever click release draws the help."""
    out = run(command, "--help").stdout
    assert out.count("Arguments:") == 1
    assert "Positional arguments" not in out


def test_the_help_of_extract_wraps_its_paragraphs() -> None:
    """Each paragraph is refilled to the width: no line of one or two words inside it."""
    lines = run("extract", "--help").stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  The place and its GB/T"))
    body = lines[start : lines.index("", start)]
    assert len(body) >= 5
    assert all(rich.cells.cell_len(line) > 60 for line in body[:-1]), body


def test_no_arguments_shows_the_help() -> None:
    result = run()
    assert result.exit_code == 2
    assert "Usage: unitedfront [OPTIONS] COMMAND [ARGS]..." in result.stdout


def test_version() -> None:
    from importlib.metadata import version

    result = run("--version")
    assert result.stdout == f"unitedfront {version('unitedfront')}\n"


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["indicators", "linyi-2024", "--theme", "welfare"],
            "unitedfront indicators: Invalid value for '--theme' / '-t':",
        ),
        (["list", "--format", "xml"], "unitedfront list: Invalid value for '--format' / '-f':"),
        (["show"], "unitedfront show: Missing argument 'ID'. (see: unitedfront show --help)"),
        (["explain"], "unitedfront: No such command 'explain'. (see: unitedfront --help)"),
        (
            ["lst"],
            "unitedfront: No such command 'lst'. Did you mean 'list'? (see: unitedfront --help)",
        ),
        (["list", "--colour"], "unitedfront list: No such option '--colour'."),
    ],
)
def test_a_usage_error_is_one_line_and_exits_2(args: list[str], message: str) -> None:
    assert one_line_error(run(*args)).startswith(message)


def test_without_click_main_names_the_extra_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_cli, "missing", lambda: "click")
    with pytest.raises(SystemExit) as info:
        _cli.main(["validate", "x.json"])
    assert info.value.code == 2
    assert capsys.readouterr().err == (
        "unitedfront: the command line needs 'click', which is not installed; install it "
        "with: pip install 'unitedfront[cli]'\n"
    )


def test_what_the_command_line_needs_is_what_the_cli_extra_installs() -> None:
    """missing() looks for each package the extra names, and finds them all installed."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    extra = re.search(r"^cli = \[(.*)\]$", text, flags=re.MULTILINE)
    assert extra is not None
    assert re.findall(r'"([a-z]+)', extra.group(1))[:2] == ["click", "rich"]
    assert _cli.missing() is None


def test_an_internal_error_exits_3_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from unitedfront import _catalogue

    def broken() -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(_catalogue, "catalogue", broken)
    with pytest.raises(SystemExit) as info:
        _cli.main(["list"])
    assert info.value.code == EXIT_INTERNAL
    assert capsys.readouterr().err == "unitedfront: internal error: RuntimeError: boom\n"


# --------------------------------------------------------------------------- start-up


_PROBE = """
import sys
from unitedfront._cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = ("pydantic", "pyarrow", "narwhals", "pandas", "unitedfront._model", "rich.console")
print(sorted(m for m in sys.modules if m in heavy or m.split(".")[0] in heavy[:4]))
"""


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["list"], ["list", "-f", "json"]])
def test_the_cheap_commands_build_no_model_and_load_no_dataset(args: list[str]) -> None:
    """--version, --help and list start without pydantic, the model or the frame libraries."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "[]"


def test_importing_the_command_line_imports_no_command() -> None:
    probe = (
        "import sys, unitedfront._cli.app; "
        "print(sorted(m for m in sys.modules if m.startswith('unitedfront._cli.commands.')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --------------------------------------------------------------------------- a real process


def _python_m(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unitedfront", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


def test_through_a_real_process() -> None:
    """The report and an error, exactly as a shell sees them."""
    done = _python_m("report")
    assert done.returncode == EXIT_OK
    assert done.stdout == run("report").stdout
    assert done.stderr == ""
    done = _python_m("show", "weihai")
    assert done.returncode == EXIT_UNREADABLE
    assert done.stdout == ""
    assert done.stderr == unknown_message("weihai") + "\n"


# --------------------------------------------------------------------------- the docs page


def _documented_runs() -> list[Any]:
    """The ``$ unitedfront ...`` lines of docs/cli.md's console blocks and the lines shown."""
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    runs: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", page, flags=re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ unitedfront "):
                runs.append((line.removeprefix("$ unitedfront "), []))
            elif runs:
                runs[-1][1].append(line)
    return [pytest.param(command, shown, id=command) for command, shown in runs]


@pytest.mark.parametrize(("command", "shown"), _documented_runs())
def test_the_command_line_page_shows_real_output(
    command: str, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every line docs/cli.md shows under a command is a line the command prints, in order."""
    monkeypatch.chdir(ROOT)
    printed = iter(line.rstrip() for line in run(*command.split()).output.splitlines())
    for line in shown:
        if line.strip() not in ("", "..."):
            assert any(line.rstrip() == candidate for candidate in printed), line
