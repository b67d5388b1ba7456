"""``unitedfront report``: every programme summarised and validated, shared metrics compared."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
import rich.cells

from tests._cli_helpers import BAD, EXIT_FINDINGS, EXIT_OK, run
from unitedfront import Framework, datasets, get_metric, validate
from unitedfront._catalogue import metric_programmes, shared_metrics, summarise


@pytest.fixture(scope="module")
def report() -> Any:
    """The report of the bundled programmes."""
    return run("report")


def test_the_report_exits_0_and_fits_80_columns(report: Any) -> None:
    assert report.exit_code == EXIT_OK
    assert report.stderr == ""
    lines = report.stdout.splitlines()
    assert max(rich.cells.cell_len(line) for line in lines) <= 80
    assert lines[0].startswith("unitedfront ") and lines[0].endswith(
        f": {len(datasets.available())} programmes, side by side"
    )


def test_the_report_summarises_and_validates_every_programme(report: Any) -> None:
    """A row per programme: its counts and its validation findings."""
    lines = report.stdout.splitlines()
    start = lines.index("Programmes") + 1
    header = "id kind period act mea ind omit err warn info expl"
    assert " ".join(lines[start].split()) == header
    rows = {line.split()[0]: line for line in lines[start + 1 :] if line.startswith("  ")}
    for p in datasets.load_all():
        line = rows[p.id]
        r = validate(p)
        counts = [len(p.actions), len(list(p.iter_measures())), len(list(p.iter_indicators()))]
        counts += [len(p.omitted), len(r.errors), len(r.warnings), len(r.infos), len(r.explained)]
        assert line.split() == [p.id, p.kind, str(p.period), *map(str, counts)]
    indicators = sum(len(list(p.iter_indicators())) for p in datasets.load_all())
    assert lines[2].startswith(f"{indicators} figures recorded as indicators, and ")


def test_the_report_compares_every_metric_two_programmes_share(report: Any) -> None:
    """Each shared metric gets a heading and a row per figure; no other metric appears."""
    sharing: dict[str, set[str]] = {}
    for p in datasets.load_all():
        for ref in p.iter_indicators():
            if ref.indicator.metric:
                sharing.setdefault(ref.indicator.metric, set()).add(p.id)
    shared = sorted(m for m, ids in sharing.items() if len(ids) >= 2)
    text = report.stdout
    assert f"Metrics two or more programmes share: {len(shared)}\n" in text
    headings = re.findall(r"^([a-z_]+): ", text, flags=re.MULTILINE)
    assert sorted(headings) == shared
    assert headings == [m.code for m in shared_metrics(datasets.load_all())]
    assert re.search(
        r"\nenterprises_visited: Enterprises visited \(走访企业数\), \d places\n", text
    )
    after = text.split("villages_paired: ")[1].splitlines()[1:]
    block = after[: next(i for i, line in enumerate(after) if not line.startswith("    "))]
    assert [line.split() for line in block if line.split()[0] in ("Ningbo", "Linyi")] == [
        ["Ningbo", "actual", "668個*", "not", "dated", "no"],
        ["Linyi", "actual", "3702个*", "as", "of", "2024-07-19", "no"],
    ]


def test_the_programmes_are_grouped_by_framework(report: Any) -> None:
    """A line per framework, then its programmes; every programme under its own framework."""
    lines = report.stdout.splitlines()
    start = lines.index("Programmes") + 2
    body = lines[start : lines.index("", start) - 2]
    group = None
    seen: dict[str, str] = {}
    for line in body:
        heading = re.fullmatch(r"  ([a-z_]+): (\d+) programmes?", line)
        if heading:
            group = heading.group(1)
            continue
        seen[line.split()[0]] = str(group)
    assert seen == {p.id: p.framework.value for p in datasets.load_all()}
    frameworks = [f.value for f in Framework]
    groups = re.findall(r"^  ([a-z_]+): \d", report.stdout, flags=re.MULTILINE)
    assert groups == sorted(set(seen.values()), key=frameworks.index)


def test_shared_metrics_come_widest_first_counting_places_not_programmes() -> None:
    """Two programmes of one place share a metric between one place, not two."""
    linyi, ningbo = datasets.load("linyi-2024"), datasets.load("ningbo-acfic-2023")
    linyi_again = linyi.model_copy(update={"id": "linyi-2025"})
    widest = shared_metrics([linyi, ningbo, linyi_again])
    both = {m.code for m in widest if len(m.places) == 2}
    only_linyi = {m.code for m in widest if len(m.places) == 1}
    assert "villages_paired" in both and "visiting_experts" in only_linyi
    assert [len(m.places) for m in widest] == sorted((len(m.places) for m in widest), reverse=True)
    paired = next(m for m in widest if m.code == "villages_paired")
    assert paired.places == ("330200", "371300")
    assert paired.programmes == ("linyi-2024", "linyi-2025", "ningbo-acfic-2023")
    assert all(len(m.programmes) >= 2 for m in widest)


def test_the_report_is_the_same_every_time(report: Any) -> None:
    """No dates or times of its own: the same data gives the same bytes."""
    assert run("report").stdout == report.stdout
    assert date.today().isoformat() not in report.stdout
    assert get_metric("villages_paired").name.zh in report.stdout


def test_the_report_exits_1_when_a_programme_has_an_error() -> None:
    result = run("report", "--with", str(BAD / "valid-file-unknown-metric.json"))
    assert result.exit_code == EXIT_FINDINGS
    row = next(line for line in result.stdout.splitlines() if line.startswith("  demo-2024"))
    assert row.split()[-4:] == ["1", "0", "0", "0"]


def test_the_rows_are_summarise_of_each_programme_and_its_report() -> None:
    """summarise() counts a programme and its findings: the report's rows."""
    for p in datasets.load_all():
        r = validate(p)
        row = summarise(p, r)
        assert (row.id, row.actions, row.omitted) == (p.id, len(p.actions), len(p.omitted))
        assert row.measures == len(list(p.iter_measures()))
        assert row.indicators == len(list(p.iter_indicators()))
        assert (row.errors, row.warnings, row.infos, row.explained) == (
            len(r.errors),
            len(r.warnings),
            len(r.infos),
            len(r.explained),
        )
    assert summarise(datasets.load("linyi-2024")).errors is None


def test_metric_programmes_names_every_programme_with_a_figure_of_each_metric() -> None:
    users = metric_programmes(datasets.load_all())
    assert list(users) == sorted(users)
    assert {"linyi-2024", "ningbo-acfic-2023", "shenqiu-2020"} <= set(users["villages_paired"])
    assert users["enterprises_with_rd_share"] == ("weihai-2024",)
