"""Drafting a programme file from a text: every figure found, with its quote.

:func:`draft_programme` turns a normalised Chinese text into the data of a draft programme
file, one candidate indicator per figure :func:`~unitedfront.find_quantities` finds; the
``extract`` command writes it. :func:`read_text` and :func:`normalise` read a text file
as the draft expects it; :func:`slug` names a source after its file.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from unitedfront.errors import LoadError, MissingExtraError

__all__ = [
    "NAME_CHARS",
    "PLACEHOLDER",
    "QUOTE_CHARS",
    "draft_programme",
    "normalise",
    "read_text",
    "slug",
]

#: What every value the text cannot supply starts with, in a draft.
PLACEHOLDER: Final = "TODO"

# Characters common in traditional-script text that simplified text never uses. Without
# the opencc extra, a text holding any of them cannot be converted, and extract says so.
_TRADITIONAL_ONLY: Final = frozenset(
    "們個與會發業經濟國來這為說開關動務設員進還對時從當現實產應過將區縣鎮鄉議聯黨協組織導領"
    "傳統戰線構機係級單園補質費貿資權億萬餘兩條處項場屆輪類種間臺輛張節課學隊雙塊頭隻顆筆層"
    "則鐘週歲噸畝戶約數達總計點內營無義體農幹幫專門廣東蘇澤長風環態愛眾結報廳財稅價錢銀樣"
    "檢驗證據劃規鄰鐵書記題問調訪談話語講論"
)
# Marks that end a clause; "," and ":" only when they do not sit between two digits.
_CLAUSE_ENDS: Final = frozenset("。！？；，、：!?;,:")
_NAME_TRIM: Final = " \"'“”‘’《》()（）【】[]"
#: Most characters a candidate's quote and name take.
QUOTE_CHARS: Final = 40
NAME_CHARS: Final = 24


def read_text(path: Path, not_utf8: Callable[[int], str] | None = None) -> str:
    """A text file: UTF-8, a byte-order mark tolerated, within the size limit of a file.

    Text that is not UTF-8 raises :class:`LoadError` with the message ``not_utf8`` gives
    for the byte offset of the first byte that is not.
    """
    from unitedfront._io import _read

    file = os.fspath(path)
    raw = _read(file).removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = (
            not_utf8(exc.start)
            if not_utf8 is not None
            else f"is not valid UTF-8 (byte offset {exc.start}); save the text as UTF-8"
        )
        raise LoadError(message, file=file) from None


def _normalise_simplified(text: str) -> str:
    """:func:`normalize_source` without the conversion of script (for simplified text)."""
    from unitedfront._normalize import fold_width, strip_pinyin

    text = fold_width(strip_pinyin(unicodedata.normalize("NFC", text)))
    return " ".join(text.split())


def normalise(raw: str, file: str) -> str:
    from unitedfront._normalize import normalize_source

    try:
        return normalize_source(raw)
    except MissingExtraError:
        found = "".join(dict.fromkeys(c for c in raw if c in _TRADITIONAL_ONLY))
        if found:
            purpose = (
                f"{file}: the text is in traditional script (it has {', '.join(found[:3])}); "
                "converting it"
            )
            raise MissingExtraError("opencc", "opencc", purpose) from None
        return _normalise_simplified(raw)


def _ends_clause(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in _CLAUSE_ENDS:
        return False
    between_digits = 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
    return not (ch in ",:" and between_digits)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause holding ``text[start:end]``, without its end marks."""
    a = start
    while a > 0 and not _ends_clause(text, a - 1):
        a -= 1
    b = end
    while b < len(text) and not _ends_clause(text, b):
        b += 1
    while a < start and text[a].isspace():
        a += 1
    while b > end and text[b - 1].isspace():
        b -= 1
    return a, b


def _quote(text: str, start: int, end: int, clause: tuple[int, int]) -> str:
    """The clause around a figure, cut to :data:`QUOTE_CHARS`, keeping the words before it."""
    a, b = clause
    budget = QUOTE_CHARS - (end - start)
    if budget <= 0:
        return text[start:end]
    after = min(b - end, budget // 4)
    before = min(start - a, budget - after)
    after = min(b - end, budget - before)
    return text[start - before : end + after].strip()


def slug(stem: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug[:80].strip("-") or "source"


def draft_programme(text: str, source_id: str = "source") -> dict[str, Any]:
    """A draft programme file holding every figure of a normalised text as an indicator.

    Each figure :func:`~unitedfront.find_quantities` finds becomes a candidate indicator:
    id ``figure-001``, ``figure-002`` …, the quantity as written, kind ``actual``, metric
    ``None``, the words before the figure in its clause as its name, and as its evidence
    the clause around it, cut to at most 40 characters. What the text cannot tell (the
    programme's id, title, kind, framework, jurisdiction, issuer, period and the source's
    title) is left as values starting with ``TODO``; the draft loads with
    :func:`~unitedfront.load_file` once they are filled.

    >>> draft = draft_programme("全年走访企业1234家,协调解决问题近300个。", "briefing")
    >>> [(i["id"], i["name"], i["quantity"], i["evidence"]["quote"]) for i in draft["indicators"]]
    [('figure-001', '全年走访企业', '1234家', '全年走访企业1234家'), ('figure-002', '协调解决问题', '近300个', '协调解决问题近300个')]
    """  # noqa: E501
    from unitedfront._parse import find_quantities, parse_quantity
    from unitedfront.errors import QuantityParseError

    matches = find_quantities(text)
    candidates = []
    for n, m in enumerate(matches):
        a, b = _clause(text, m.start, m.end)
        previous = matches[n - 1].end if n > 0 else 0
        following = matches[n + 1].start if n + 1 < len(matches) else len(text)
        name = text[max(a, previous) : m.start].strip(_NAME_TRIM)[-NAME_CHARS:]
        if not name:
            name = text[m.end : min(b, following)].strip(_NAME_TRIM)[:NAME_CHARS]
        try:
            reads_alike = parse_quantity(m.text) == m.quantity
        except QuantityParseError:  # pragma: no cover - every match parses on its own
            reads_alike = False
        # The text is what a person edits; the structured form only if the text alone
        # would read differently, so that nothing found is lost or changed.
        quantity: Any = m.text if reads_alike else m.quantity.model_dump(mode="json")
        candidates.append(
            {
                "id": f"figure-{n + 1:03d}",
                "name": name.strip() or m.text,
                "metric": None,
                "kind": "actual",
                "quantity": quantity,
                "evidence": {"source": source_id, "quote": _quote(text, m.start, m.end, (a, b))},
            }
        )
    todo = PLACEHOLDER
    return {
        "id": f"{todo}: a lowercase slug such as yantai-2024",
        "title": f"{todo}: the title of the programme, in Chinese",
        "kind": f"{todo}: report or plan",
        "framework": f"{todo}: five_actions, two_healthy, acfic_plus or other",
        "jurisdiction": {
            "code": f"{todo}: its GB/T 2260 code, such as 370600",
            "name": f"{todo}: the place, in Chinese",
            "level": f"{todo}: province, prefecture or county",
        },
        "issuer": f"{todo}: the body that issued it, in Chinese",
        "period": f"{todo}: the period it covers, such as 2024",
        "sources": [{"id": source_id, "title": f"{todo}: the title of the source text"}],
        "actions": [],
        "indicators": candidates,
        "omitted": [],
    }
