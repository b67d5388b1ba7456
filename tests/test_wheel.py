"""The package as users get it: build the wheel, install it in a bare environment, use it.

Slow (a build and an install from the package index), so marked ``slow``; CI runs it.
Skipped, saying why, when the package index cannot be reached.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from unitedfront import datasets, load_file, validate

ROOT = Path(__file__).resolve().parents[1]
BAD_FILE = ROOT / "tests" / "data" / "bad" / "valid-file-unknown-metric.json"

pytestmark = pytest.mark.slow


def _index_reachable(host: str = "pypi.org") -> bool:
    try:
        with socket.create_connection((host, 443), timeout=5):
            return True
    except OSError:
        return False


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [os.fspath(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, f"{args}: {done.stderr}"
    return done.stdout


def _clean_env() -> dict[str, str]:
    """The environment without anything pointing at the development environment."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "UV_PROJECT_ENVIRONMENT")
    }
    return {**env, "COLUMNS": "80", "PYTHONIOENCODING": "utf-8"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from this tree into a temporary folder."""
    if not _index_reachable():
        pytest.skip("the package index (pypi.org) cannot be reached: no network")
    out = tmp_path_factory.mktemp("dist")
    uv = shutil.which("uv")
    if uv:
        _run(uv, "build", "--wheel", "--out-dir", out, ROOT, cwd=ROOT, env=_clean_env())
    else:
        _run(sys.executable, "-m", "build", "--wheel", "--outdir", out, ROOT, cwd=ROOT)
    (built,) = out.glob("unitedfront-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel and its cli and opencc extras only."""
    folder = tmp_path_factory.mktemp("venv")
    uv = shutil.which("uv")
    env = _clean_env()
    if uv:
        _run(sys.executable, "-m", "venv", "--without-pip", folder, cwd=folder, env=env)
        python = folder / "bin" / "python"
        _run(uv, "pip", "install", "--python", python, f"{wheel}[cli,opencc]", cwd=folder, env=env)
    else:
        _run(sys.executable, "-m", "venv", folder, cwd=folder, env=env)
        python = folder / "bin" / "python"
        pip: list[str | Path] = [
            python,
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "-q",
        ]
        _run(*pip, f"{wheel}[cli,opencc]", cwd=folder, env=env)
    return folder


def test_the_wheel_holds_the_data_schema_and_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for id in datasets.available():
        assert f"unitedfront/data/programmes/{id}.json" in names
        assert f"unitedfront/data/programmes/{id}.md" in names
    shipped = {n for n in names if n.startswith("unitedfront/data/programmes/")}
    assert len(shipped) == 2 * len(datasets.available()) >= 10
    for name in (
        "unitedfront/schema/programme.schema.json",
        "unitedfront/data/metrics.json",
        "unitedfront/py.typed",
    ):
        assert name in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "unitedfront = unitedfront._cli:main" in text


def test_the_wheel_holds_no_test_helper_docs_tool_or_writer_into_itself(wheel: Path) -> None:
    """Example fixtures live in tests/, page rendering in docs/, the schema writer in scripts/."""
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("_analysis/_examples.py", "_markdown.py", "schema/__main__.py"):
        assert f"unitedfront/{name}" not in names
    assert not [n for n in names if n.startswith(("tests/", "docs/", "scripts/"))]


def test_the_installed_command_reports(venv: Path) -> None:
    """``unitedfront report`` runs in an environment without the development tools.

    The ``cli`` extra brings pyarrow (for compare and coverage), but neither pandas nor
    anything of the development tools.
    """
    bare = _run(
        venv / "bin" / "python",
        "-c",
        "import importlib.util as u; print([m for m in ('pytest', 'pandas', 'hypothesis') "
        "if u.find_spec(m)])",
        cwd=venv,
        env=_clean_env(),
    )
    assert bare == "[]\n"
    out = _run(venv / "bin" / "unitedfront", "report", cwd=venv, env=_clean_env())
    lines = out.splitlines()
    assert lines[0].endswith(f": {len(datasets.available())} programmes, side by side")
    assert any(
        line.startswith("villages_paired: Villages paired with enterprises (结对村数), ")
        for line in lines
    )


def test_the_installed_command_validates_a_bad_file(venv: Path) -> None:
    """Exit 1, one line per finding, then the summary line."""
    findings = validate(load_file(BAD_FILE)).findings
    done = subprocess.run(
        [venv / "bin" / "unitedfront", "validate", BAD_FILE],
        cwd=venv,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_clean_env(),
        check=False,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[:-1] == [f"{BAD_FILE}: {finding}" for finding in findings]
    assert lines[-1] == (
        f"{BAD_FILE}: not ok: 1 error, 0 warnings, 0 infos; 0 of 1 quote checked against the "
        "source texts (give them with --source DIR)"
    )


def test_the_installed_library_loads_a_bundled_dataset(venv: Path) -> None:
    code = (
        "import sys, unitedfront; p = unitedfront.datasets.load('linyi-2024'); "
        "print(p.jurisdiction.name.en, 'typer' in sys.modules)"
    )
    assert _run(venv / "bin" / "python", "-c", code, cwd=venv, env=_clean_env()) == "Linyi False\n"


def test_the_sdist_and_wheel_pass_twine_check(tmp_path: Path) -> None:
    """Both distributions build, hold the data, and have metadata PyPI accepts."""
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not installed")
    if not _index_reachable():
        pytest.skip("the package index (pypi.org) cannot be reached: no network")
    _run(uv, "build", "--out-dir", tmp_path, ROOT, cwd=ROOT, env=_clean_env())
    (sdist,) = tmp_path.glob("unitedfront-*.tar.gz")
    (wheel,) = tmp_path.glob("unitedfront-*.whl")
    _run(sys.executable, "-m", "twine", "check", "--strict", sdist, wheel, cwd=tmp_path)
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for dataset_id in datasets.available():
        assert f"src/unitedfront/data/programmes/{dataset_id}.json" in names
    assert "src/unitedfront/schema/programme.schema.json" in names
    assert "src/unitedfront/py.typed" in names
    assert "CITATION.cff" in names
