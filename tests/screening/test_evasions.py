"""Evasive spellings of a listed name (issue 13): each still matches ALROSA as strongly as the clean name."""

from __future__ import annotations

import pytest

from desktop.screening.service import Screener
from desktop.screening.types import Match, PartyQuery

ALROSA = ("CS-DIAMOND", "34644")

LATIN = [
    "AL\u200dRO\u200cSA",  # zero-width joiner and non-joiner
    "AL\u200bRO\u200bSA",  # zero-width spaces
    "AL\u00adROSA",  # soft hyphen
    "ALRO\u2060SA",  # word joiner
    "\ufeffALROSA",  # byte-order mark
    "ALRO\ufe0fSA",  # variation selector
    "AL\U000e0020ROSA",  # tag character
    "\u202eASORLA\u202c",  # right-to-left override: shows as ALROSA
    "AL\u200eRO\u200fSA",  # left-to-right and right-to-left marks
    "\u2067ALROSA\u2069",  # right-to-left isolate
    "\u0410LROSA",  # Cyrillic А
    "ALR\u041eS\u0410",  # Cyrillic О and А
    "\u0391LR\u039fSA",  # Greek Alpha and Omicron
    "\u0410LR\u039f\u0405A",  # Cyrillic and Greek mixed in one word
    "A L R O S A",  # spaced letters
    "A.L.R.O.S.A",  # dotted letters
    "A. L. R. O. S. A.",
    "ＡＬＲＯＳＡ",  # full-width
    "𝐀𝐋𝐑𝐎𝐒𝐀",  # mathematical bold
    "A\u0301LRO\u0308SA",  # combining accents
    "A\u0336L\u0336R\u0336O\u0336S\u0336A\u0336",  # combining strike-through on every letter
    "al\u200drosa",  # lower case
]
CYRILLIC = [
    "ПАО «Ал\u200dро\u200cса»",
    "Ал\u00adро\u200bса",
    "Алр\u006fс\u0061",  # Latin o and a inside the Cyrillic word
    "А Л Р О С А",
    "А.Л.Р.О.С.А.",
    "Ал\u0301роса",  # stress accent
    "\u202eасорлА\u202c",
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.open(None)


def _alrosa(screener: Screener, name: str, kind: str | None) -> Match | None:
    for m in screener.screen(PartyQuery(name=name, kind=kind)):
        if (m.list, m.entry_id) == ALROSA:
            return m
    return None


@pytest.mark.parametrize("kind", [None, "organization"])
@pytest.mark.parametrize("name", LATIN)
def test_latin_evasions_match_like_the_clean_name(screener: Screener, name: str, kind: str | None) -> None:
    clean = _alrosa(screener, "ALROSA", kind)
    found = _alrosa(screener, name, kind)
    assert clean is not None and clean.strong
    assert found is not None, f"{name!r} does not match ALROSA"
    assert (found.score, found.strong) == (clean.score, clean.strong)


@pytest.mark.parametrize("name", CYRILLIC)
def test_cyrillic_evasions_match_like_the_clean_name(screener: Screener, name: str) -> None:
    clean = _alrosa(screener, "ПАО «Алроса»", "organization")
    found = _alrosa(screener, name, "organization")
    assert clean is not None and clean.strong
    assert found is not None, f"{name!r} does not match ALROSA"
    assert (found.score, found.strong) == (clean.score, clean.strong)


def test_legal_forms_around_an_evasion(screener: Screener) -> None:
    found = _alrosa(screener, "PJSC «AL\u200dRO\u200cSA»", "organization")
    assert found is not None and found.strong
