"""Source-text normalization: romanisation removed, simplified script, folded widths.

Evidence quotes are stored as :func:`normalize_source` leaves a source, so that a quote
can be checked against a source written in either script, with or without pinyin.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Any

from unitedfront.errors import MissingExtraError, _require_text

__all__ = ["normalize_source", "strip_pinyin", "to_simplified"]

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_INITIALS = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINALS = (
    "(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ei|ao|ou|an|en|er|"
    "ia|ie|iu|in|io|ua|uo|ui|un|ün|vn|üe|ve|ue|a|o|e|i|u|ü|v|m|n|ng)"
)
_SYLLABLE = re.compile(f"^{_INITIALS}{_FINALS}$")
# A bracketed run of Latin letters (tone-marked or not) directly after a Han character.
_BRACKETED = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]([a-zA-Z{_TONED}]{{1,7}})[)）]")
_PLAIN = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ", "aaaaeeeeiiiioooouuuuüüüünnnm")


def _is_pinyin(word: str) -> bool:
    return word.islower() and _SYLLABLE.match(word.translate(_PLAIN)) is not None


def strip_pinyin(text: str) -> str:
    """Remove the pinyin some sources put in brackets after characters.

    Only a bracket that directly follows a Han character and holds one pinyin syllable
    (with or without tone marks) is removed; any other bracket is kept.

    >>> strip_pinyin("2021年以來(lái),市工商聯(lián)堅(jiān)持")
    '2021年以來,市工商聯堅持'
    >>> strip_pinyin("山大(威海)、数字(AI)与应用(app)")
    '山大(威海)、数字(AI)与应用(app)'
    """
    _require_text(text, "strip_pinyin")
    if "(" not in text and "（" not in text:
        return text
    return _BRACKETED.sub(lambda m: "" if _is_pinyin(m.group(1)) else m.group(0), text)


_converter_lock = threading.Lock()


@lru_cache(maxsize=1)
def _converter() -> Any:
    try:
        import opencc
    except ImportError:  # pragma: no cover - depends on what is installed
        raise MissingExtraError(
            "opencc", "opencc", "Converting traditional to simplified Chinese"
        ) from None
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional Chinese characters to simplified ones (OpenCC ``t2s``).

    Needs the ``opencc`` extra (``pip install 'unitedfront[opencc]'``); without it,
    :class:`~unitedfront.errors.MissingExtraError` names the extra to install.

    >>> to_simplified("寧波市工商聯 3.6萬余個")
    '宁波市工商联 3.6万余个'
    """
    _require_text(text, "to_simplified")
    if text.isascii():
        return text
    converter = _converter()
    with _converter_lock:
        result: str = converter.convert(text)
    return result


# Full-width ASCII forms (U+FF01..U+FF5E) to their ASCII counterparts, and the
# ideographic space to a plain one.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_SPACES = re.compile(r"\s+")


def fold_width(text: str) -> str:
    """Fold full-width letters, digits and punctuation to ASCII (``１２３４％`` → ``1234%``)."""
    _require_text(text, "fold_width")
    return text.translate(_WIDTH)


def normalize_source(text: str) -> str:
    """Normalize a source text so that quotes can be matched against it.

    In order: Unicode NFC; bracketed pinyin removed (:func:`strip_pinyin`); traditional
    characters converted to simplified (:func:`to_simplified`, needs the ``opencc``
    extra when the text is not ASCII); full-width ASCII forms folded to ASCII
    (``，`` → ``,``, ``％`` → ``%``, ``１`` → ``1``); every run of white space, line breaks
    included, folded to one space; and the ends stripped.

    >>> normalize_source("寧波(níng)市  走訪企業３３００家，\\n協調解決")
    '宁波市 走访企业3300家, 协调解决'
    """
    _require_text(text, "normalize_source")
    text = unicodedata.normalize("NFC", text)
    text = strip_pinyin(text)
    text = to_simplified(text)
    text = fold_width(text)
    return _SPACES.sub(" ", text).strip()
