"""Build a small programme in code, total two approximate figures, and print the result.

Run with::

    uv run python examples/quickstart.py
"""

from __future__ import annotations

from unitedfront import (
    Action,
    Evidence,
    Indicator,
    Jurisdiction,
    Measure,
    Programme,
    Source,
    Text,
    total,
)

source = Source(id="briefing", title=Text(zh="新闻发布会", en="Press briefing"))


def suggestions(id: str, figure: str, quote: str) -> Indicator:
    return Indicator(
        id=id,
        name=Text(zh="征集意见建议", en="Suggestions collected"),
        metric="suggestions_collected",
        kind="actual",
        quantity=figure,  # a Chinese figure is parsed exactly, qualifier and all
        evidence=Evidence(source="briefing", quote=quote),
    )


programme = Programme(
    id="example-city-2024",
    title=Text(zh="统一战线“五大行动”", en="United Front five actions"),
    kind="report",
    framework="five_actions",
    jurisdiction=Jurisdiction(
        code="371300", name=Text(zh="临沂市", en="Linyi"), level="prefecture", parent="370000"
    ),
    issuer=Text(zh="市委统战部", en="City United Front Work Department"),
    period="2024",
    actions=(
        Action(
            id="advice",
            name=Text(zh="建言献策", en="Advice and proposals"),
            theme="advice",
            measures=(
                Measure(
                    id="consultations",
                    name=Text(zh="协商座谈", en="Consultation meetings"),
                    category="activity",
                    indicators=(
                        suggestions("spring", "470余条", "征集意见建议470余条"),
                        suggestions("autumn", "近300条", "征集意见建议近300条"),
                    ),
                ),
            ),
        ),
    ),
    sources=(source,),
)

figures = [ref.indicator.quantity for ref in programme.iter_indicators()]
for q in figures:
    print(f"{q.text:>8}  {q.qualifier.value:<10} {q.interval}")
combined = total(figures)
print(f"{'total':>8}  {combined.qualifier.value:<10} {combined.interval}")
