"""Reading a text to draft from: :func:`read_text` reads a text file, :func:`normalise`
normalises it as the validator does (and without the opencc extra, simplified text still
reads while traditional text is refused, naming the characters), and :func:`slug` names a
source after its file. :func:`unitedfront.draft` and the ``extract`` command use them.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Final

from unitedfront.errors import LoadError, MissingExtraError

__all__ = ["normalise", "read_text", "slug"]

# Characters common in traditional-script text that simplified text never uses. Without
# the opencc extra, a text holding any of them cannot be converted, and extract says so.
_TRADITIONAL_ONLY: Final = frozenset(
    "們個與會發業經濟國來這為說開關動務設員進還對時從當現實產應過將區縣鎮鄉議聯黨協組織導領"
    "傳統戰線構機係級單園補質費貿資權億萬餘兩條處項場屆輪類種間臺輛張節課學隊雙塊頭隻顆筆層"
    "則鐘週歲噸畝戶約數達總計點內營無義體農幹幫專門廣東蘇澤長風環態愛眾結報廳財稅價錢銀樣"
    "檢驗證據劃規鄰鐵書記題問調訪談話語講論"
)


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
    """:func:`normalize_source`; without opencc, simplified text alike, traditional refused."""
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


def slug(stem: str) -> str:
    """A source id from a file's name: lowercase ASCII words joined by hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug[:80].strip("-") or "source"
