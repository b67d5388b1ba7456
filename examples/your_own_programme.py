"""Build a programme of your own, validate it, fix what validation finds, and save it.

The programme records three figures of the made-up briefing in ``data/``. The first
draft has one deliberate mistake: a quote that does not hold its figure, which
``validate`` reports as the error UF201. Run with::

    uv run python examples/your_own_programme.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from unitedfront import (
    Action,
    DeclaredCount,
    Evidence,
    Indicator,
    Jurisdiction,
    Measure,
    Programme,
    Source,
    Text,
    load_file,
    validate,
)

HERE = Path(__file__).parent
BRIEFING = (HERE / "data" / "example-city-briefing.txt").read_text(encoding="utf-8")


def figure(id: str, name: Text, metric: str, quantity: str, quote: str) -> Indicator:
    """An actual figure of the briefing, with the phrase of the briefing that holds it."""
    return Indicator(
        id=id,
        name=name,
        metric=metric,
        kind="actual",
        quantity=quantity,  # the Chinese text is parsed exactly: 860余家 is (860, 870)
        evidence=Evidence(source="briefing", quote=quote),
    )


def build(visits_quote: str) -> Programme:
    """The programme, with the quote of its first figure as given."""
    return Programme(
        id="example-city-2024",
        title=Text(zh="示例市工商联2024年上半年工作简报", en="Example City federation, 2024 H1"),
        kind="report",
        framework="two_healthy",
        jurisdiction=Jurisdiction(
            code="371700",
            name=Text(zh="示例市", en="Example City"),
            level="prefecture",
            parent="370000",
        ),
        issuer=Text(zh="示例市工商联", en="Example City Federation of Industry and Commerce"),
        period="2024-01/2024-06",
        declared=(DeclaredCount(part="actions", count=2),),
        actions=(
            Action(
                id="services",
                name=Text(zh="服务企业", en="Serving enterprises"),
                theme="private_economy",
                measures=(
                    Measure(
                        id="visits",
                        name=Text(zh="走访企业", en="Visiting enterprises"),
                        category="activity",
                        indicators=(
                            figure(
                                "enterprises-visited",
                                Text(zh="走访民营企业", en="Private enterprises visited"),
                                "enterprises_visited",
                                "860余家",
                                visits_quote,
                            ),
                            figure(
                                "problems-resolved",
                                Text(zh="协调解决问题", en="Problems resolved"),
                                "problems_resolved",
                                "近300个",
                                "协调解决企业反映的问题近300个",
                            ),
                        ),
                    ),
                ),
            ),
            Action(
                id="villages",
                name=Text(zh="万企兴万村", en="Ten thousand firms for ten thousand villages"),
                theme="common_prosperity",
                indicators=(
                    figure(
                        "villages-paired",
                        Text(zh="结对共建村", en="Villages paired with enterprises"),
                        "villages_paired",
                        "73个",
                        "引导68家企业与73个村结对共建",
                    ),
                ),
            ),
        ),
        sources=(Source(id="briefing", title=Text(zh="工作简报", en="Work briefing")),),
    )


# A first draft: the quote of the first figure leaves the figure out.
draft = build(visits_quote="上半年共走访民营企业")
report = validate(draft, sources={"briefing": BRIEFING})
print(f"First draft: {'ok' if report.ok else 'not ok'}, {len(report.errors)} error")
print(report)

# The fix: quote the shortest phrase that holds the figure as written.
fixed = build(visits_quote="走访民营企业860余家")
report = validate(fixed, sources={"briefing": BRIEFING})
print(f"\nFixed: {'ok' if report.ok else 'not ok'}, {len(report)} findings")

# Save it as a programme file and read it back, as `unitedfront validate` would.
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder, "example-city-2024.json")
    path.write_text(fixed.model_dump_json(indent=2, exclude_defaults=True), encoding="utf-8")
    again = load_file(path)
    print(f"Read back from JSON: {again == fixed}")

for ref in fixed.iter_indicators():
    q = ref.indicator.quantity
    print(f"  {ref.path}: {q.text} is {q.interval}")
