"""Source-text normalization: pinyin removed, simplified script, folded widths and spaces."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given, strategies as st

from tests._seeds import SEED_FILES, normalized_seed, seed_text
from unitedfront import MissingExtraError, _normalize, normalize_source, strip_pinyin, to_simplified

# Latin letters, toned or not, inside round brackets of either width.
BRACKETED_LATIN = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+[)）]")

# --------------------------------------------------------------------------- strip_pinyin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("以來(lái)", "以來"),
        ("市工商聯(lián)堅(jiān)持", "市工商聯堅持"),
        ("創(chuàng)建", "創建"),
        ("雙(shuāng)區", "雙區"),
        ("論(lùn)壇", "論壇"),
        ("女(nǚ)性", "女性"),
        ("略(lüè)", "略"),
        ("以來（lái）", "以來"),
        ("以來(lai)", "以來"),
        ("國(guó)際(jì)", "國際"),
    ],
)
def test_strip_pinyin_removes_a_syllable_in_brackets_after_a_character(
    text: str, expected: str
) -> None:
    """A bracketed pinyin syllable right after a Han character goes, toned or not."""
    assert strip_pinyin(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "山大(威海)与哈工大(威海)",
        "器1处(首批10个项目入园)",
        "工商联(总商会)",
        "数字(AI)与应用(app)",
        "人工(Lái)",
        "ABC(lái)",
        "(lái)开头",
        "编号(2021)",
        "千企帮(助)千村",
        "项目(xyz)",
        "来(lái yuán)",
        "没有括号的文本",
    ],
)
def test_strip_pinyin_keeps_every_other_bracket(text: str) -> None:
    """Brackets holding Chinese, numbers, capitals, non-syllables or several words stay."""
    assert strip_pinyin(text) == text


def test_no_pinyin_is_left_in_the_shenzhen_source() -> None:
    """The Shenzhen source puts pinyin after most characters; all of it is removed."""
    raw = seed_text("shenzhen-acfic-2021")
    assert len(BRACKETED_LATIN.findall(raw)) > 300
    stripped = strip_pinyin(raw)
    assert BRACKETED_LATIN.findall(stripped) == []
    assert stripped == BRACKETED_LATIN.sub("", raw)  # and nothing else was touched
    assert "2021年以來,市工商聯堅持" in stripped


@pytest.mark.parametrize("dataset_id", sorted(SEED_FILES))
def test_no_source_keeps_bracketed_latin_after_normalization(dataset_id: str) -> None:
    """After normalize_source, no bracket holding romanisation remains in any source."""
    assert BRACKETED_LATIN.findall(normalized_seed(dataset_id)) == []


@given(st.text(alphabet="以來工商聯(lái)（）abcāé山大威海AI 123", max_size=40))
def test_strip_pinyin_only_ever_removes_bracketed_letters(text: str) -> None:
    """Stripping never adds text and leaves everything outside removed brackets as it was."""
    stripped = strip_pinyin(text)
    assert len(stripped) <= len(text)
    assert BRACKETED_LATIN.sub("", stripped) == BRACKETED_LATIN.sub("", text)


# --------------------------------------------------------------------------- to_simplified


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("寧波市工商聯 3.6萬余個", "宁波市工商联 3.6万余个"),
        ("兩個健康", "两个健康"),
        ("287.1億元", "287.1亿元"),
        ("約50條", "约50条"),
        ("已经是简体", "已经是简体"),
        ("plain ASCII 123", "plain ASCII 123"),
        ("", ""),
    ],
)
def test_to_simplified(text: str, expected: str) -> None:
    """Traditional characters become simplified; simplified and ASCII text is unchanged."""
    assert to_simplified(text) == expected


def test_to_simplified_without_opencc_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the optional dependency, the error says which extra to install."""
    _normalize._converter.cache_clear()
    monkeypatch.setitem(sys.modules, "opencc", None)
    try:
        with pytest.raises(MissingExtraError) as info:
            to_simplified("寧波")
        assert str(info.value) == (
            "Converting traditional to simplified Chinese needs the optional dependency "
            "'opencc'; install it with: pip install 'unitedfront[opencc]'"
        )
        assert info.value.extra == "opencc"
        assert to_simplified("ASCII only") == "ASCII only"  # needs no converter
    finally:
        _normalize._converter.cache_clear()


# --------------------------------------------------------------------------- normalize_source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("寧波(níng)市  走訪企業３３００家，\n協調解決", "宁波市 走访企业3300家, 协调解决"),
        ("１２３４％", "1234%"),
        ("ＡＢＣ：　ｘ", "ABC: x"),
        ("  前后空白\t\n", "前后空白"),
        ("第一行\r\n\r\n第二行", "第一行 第二行"),
        ("以來(la\u0301i)", "以来"),  # a decomposed tone mark is composed first
        ("3.6萬余個", "3.6万余个"),
    ],
)
def test_normalize_source(text: str, expected: str) -> None:
    """NFC, pinyin removed, simplified, full width folded, white space folded and stripped."""
    assert normalize_source(text) == expected


@pytest.mark.parametrize("dataset_id", sorted(SEED_FILES))
def test_a_normalized_source_is_simplified_folded_and_stable(dataset_id: str) -> None:
    """No full-width ASCII, no runs of white space, NFC, and normalizing again changes nothing."""
    text = normalized_seed(dataset_id)
    assert not re.search("[\uff01-\uff5e\u3000]", text)
    assert not re.search(r"\s\s|^\s|\s$|[\n\t\r]", text)
    assert unicodedata.normalize("NFC", text) == text
    assert not re.search("[萬億個兩餘約條處項場屆聯寧]", text)
    assert normalize_source(text) == text


@given(st.text(max_size=60))
def test_normalize_source_leaves_no_full_width_form_or_double_space(text: str) -> None:
    """Whatever the input, the output has folded widths and single, inner spaces."""
    out = normalize_source(text)
    assert not re.search("[\uff01-\uff5e\u3000]", out)
    assert out == out.strip()
    assert "  " not in out
