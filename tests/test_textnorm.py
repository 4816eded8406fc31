"""The canonical text: invisibles removed, homoglyphs folded inside mixed words, bidi controls named."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.textnorm import bidi_controls, canonical_text, invisible_characters, visual_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AL\u200dRO\u200cSA", "ALROSA"),  # zero-width joiner and non-joiner
        ("AL\u200bROSA", "ALROSA"),  # zero-width space
        ("AL\u00adROSA", "ALROSA"),  # soft hyphen
        ("AL\u2060ROSA\ufeff", "ALROSA"),  # word joiner, BOM
        ("ALRO\ufe0fSA", "ALROSA"),  # variation selector
        ("AL\U000e0041ROSA", "ALROSA"),  # tag character
        ("AL\u034fROSA", "ALROSA"),  # combining grapheme joiner
        ("ALR\u3164OSA", "ALROSA"),  # Hangul filler renders as nothing
        ("\u202dALROSA\u202c", "ALROSA"),  # bidi override removed from the stored form
        ("ＡＬＲＯＳＡ\u3000Ｌｔｄ", "ALROSA Ltd"),  # full-width forms
        ("𝐀𝐋𝐑𝐎𝐒𝐀", "ALROSA"),  # mathematical bold
        ("\u0410LROSA", "ALROSA"),  # Cyrillic А inside a Latin word
        ("ALR\u039fS\u0391", "ALROSA"),  # Greek Omicron and Alpha
        ("\u0410LR\u039f\u0405A", "ALROSA"),  # Cyrillic and Greek in one Latin word
        ("Алр\u006fс\u0061", "Алроса"),  # Latin o and a inside a Cyrillic word
        ("ПАО «Ал\u200dро\u200cса»", "ПАО «Алроса»"),
        ("\u0301ALROSA", "ALROSA"),  # a combining mark with no letter under it
        ("A\u0301LROSA", "ÁLROSA"),  # a real accent stays (composed)
        ("  Tiffany\t&\nCo  ", "Tiffany & Co"),  # controls and runs of spaces become one space
    ],
)
def test_canonical_text(text: str, expected: str) -> None:
    assert canonical_text(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Алроса", "Αλέξανδρος", "محمد علي", "李明", "Zoë Ñúñez", "Alrosa Алроса", "Mañana S.A.", "Βήτα Beta"],
)
def test_names_written_in_one_script_per_word_are_unchanged(text: str) -> None:
    assert canonical_text(text) == text


def test_invisible_characters_are_named_once_in_order() -> None:
    found = invisible_characters("A\u200dL\u200cR\u200dO\u00adS\u202eA")
    assert found == [
        "U+200D ZERO WIDTH JOINER",
        "U+200C ZERO WIDTH NON-JOINER",
        "U+00AD SOFT HYPHEN",
        "U+202E RIGHT-TO-LEFT OVERRIDE",
    ]
    assert invisible_characters("ALROSA") == []
    assert invisible_characters("Алроса «ПАО»") == []


def test_bidi_controls_are_only_the_reordering_ones() -> None:
    assert bidi_controls("A\u200dB") == []
    assert bidi_controls("\u2067ALROSA\u2069 \u200f") == [
        "U+2067 RIGHT-TO-LEFT ISOLATE",
        "U+2069 POP DIRECTIONAL ISOLATE",
        "U+200F RIGHT-TO-LEFT MARK",
    ]


def test_visual_text_reverses_what_an_override_reverses() -> None:
    assert visual_text("\u202eASORLA\u202c") == "ALROSA"
    assert visual_text("AL\u202eASOR") == "ALROSA"  # an override left open runs to the end
    assert visual_text("X \u202eAB\u202dCD\u202cEF\u202c Y") == "X FECDBA Y"
    assert visual_text("ALROSA") == "ALROSA"


@given(st.text(max_size=60))
def test_canonical_text_is_idempotent_and_visible(text: str) -> None:
    once = canonical_text(text)
    assert canonical_text(once) == once
    assert invisible_characters(once) == []
    assert once == once.strip()
