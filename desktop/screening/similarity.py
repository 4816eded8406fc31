"""How alike two name tokens are: equal, initial, same phonetic skeleton, or by edit similarity."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Indel

from desktop.screening.normalize import (
    PATRONYMIC_ENDINGS,
    SUN_LETTERS,
    abjad_skeleton,
    dhal_readings,
    phonetic_fold,
    skeleton,
)

_VOWEL_START = frozenset("AEIOUY")
_VOWELS = frozenset("AEIOU")
_FOLDED_EQUAL = 0.9
_FOLD_COST = 0.03
_SOMALI_AIN = re.compile("C(?=[AEIOU])")


def _short_skeleton_agrees(q: str, c: str) -> bool:
    """Two consonants alone collide (HANIH/KHAN, SNAII/CHEN): the spellings must be close and start alike."""
    if q[0] != c[0] and q[0] not in _VOWEL_START and c[0] not in _VOWEL_START:
        return False
    # compared as sounds too: YHII (يحيى read with a Persian final I) and YAHYA are alike as IHI, IAHIA
    return (
        max(
            Indel.normalized_similarity(q, c), Indel.normalized_similarity(phonetic_fold(q), phonetic_fold(c))
        )
        >= 0.5
    )


def _abjad_alike(q: str, c: str) -> bool:
    """Q, read from Arabic script, and the Latin C have the same consonants (and open alike)."""
    # two consonants alone collide too often (SNAII/CHEN, ASRA/SHARRY): the letters must agree too
    # a Latin name opens with a vowel where the Arabic opens with alef or ain: ḤSYN (HOSSEIN) is
    # not EHSAN, ĀRĀD is not RIDA, though the consonants agree
    # a waw that opens a word is OU or O in French spellings (ولد: OULD)
    same_opening = (q[0] in _VOWEL_START) == (c[0] in _VOWEL_START) or (q[0] == "W" and c[0] in "OU")
    if not same_opening:
        return False
    csk = abjad_skeleton(c)
    return any(
        sk == csk and (len(sk) >= 3 or _short_skeleton_agrees(q, c))
        for sk in (abjad_skeleton(q), abjad_skeleton(q, digraphs=False))
    )


# Pairs of name tokens recur from query to query (AL, MOHAMMED, DIAMOND against the same listed tokens):
# a bounded cache keeps the folds and edit similarities from being computed again.
@lru_cache(maxsize=65_536)
def token_similarity(q: str, c: str, abjad: bool = False) -> float:
    """1 for equal tokens; initials 0.9; same phonetic skeleton at least 0.88; else edit similarity."""
    if q == c:
        return 1.0
    if abjad and len(q) > 1:
        forms = [c]
        if c[0] in _VOWEL_START and len(c) >= 4 and c[1] == c[2] and c[1] in SUN_LETTERS:
            # the article assimilated to a sun letter and written onto the name (ESSABAR, ARRAHMAN): the
            # Arabic reading has the article apart (AL SBAR); but ALLAH and ISSA are names as written
            forms.append(c[1:])
        if "C" in c and "CH" not in c:
            # Somali writes ain as C (CUMAR, CABDI, CIISE): the Arabic reading has no consonant there;
            # two consonants must be left (CURA, a Latin name, is not ARIA)
            somali = _SOMALI_AIN.sub("", c)
            if somali and len(abjad_skeleton(somali)) >= 2:
                forms.append(somali)
        if q[-1] == "A":
            # a ta marbuta is read A in the Arabic, AT in a Latin construct (QAIDAT, JAZIRAT)
            forms = [f[:-1] if len(f) >= 5 and f.endswith("AT") else f for f in forms]
        if any(_abjad_alike(r, form) for r in dhal_readings(q) for form in forms):
            return 0.9
        return max(_spelling_similarity(q, form) for form in forms)
    return _spelling_similarity(q, c)


def _spelling_similarity(q: str, c: str) -> float:
    """Initials 0.9; same phonetic skeleton at least 0.88; else edit similarity (below 0.7: 0)."""
    if len(q) == 1 or len(c) == 1:
        return 0.9 if q[0] == c[0] else 0.0
    ratio = Indel.normalized_similarity(q, c)
    same_opening = (q[0] in _VOWEL_START) == (c[0] in _VOWEL_START)
    fq, fc = phonetic_fold(q), phonetic_fold(c)
    # two folded letters say nothing (IDH and IED are both ID); a Y that opens a name is a consonant
    # (YAN is not IAN)
    folded = min(len(fq), len(fc)) >= 3 and (q[0] in _VOWELS) == (c[0] in _VOWELS)
    if fq == fc and folded:
        # one name written by two transliterations (SAEED/SAID, GHASEM/QASEM, POOYA/PUYA)
        return max(ratio, _FOLDED_EQUAL)
    short = min(len(q), len(c)) <= 4
    if short:
        ratio -= 0.08  # one letter changes a short name (CHEN/CHENG, ALI/ALLI): be stricter
    if len(q) > 2 and len(c) > 2 and ratio >= 0.55 and same_opening:
        # same consonants is a transliteration only when the spellings are not far apart already:
        # ASPREY and SUPERIOR, or MESSIKA and MOSCO, share a skeleton and are different names
        sk = skeleton(q)
        if len(sk) >= 3 and sk == skeleton(c):
            ratio = max(ratio, 0.88)
    # the spellings compared as sounds: letters that only spell one sound two ways do not count against
    # (SERGEY/SERHIY, PAVLICHENKO/PAULICHENKA), a little below a plain spelling match
    if folded:
        ratio = max(ratio, Indel.normalized_similarity(fq, fc) - _FOLD_COST - (0.08 if short else 0.0))
    if ratio < 0.7 and ratio >= 0.6 and q.endswith(PATRONYMIC_ENDINGS) and c.endswith(PATRONYMIC_ENDINGS):
        # two patronymics are the father's name in two romanisations (GRIGORIYEVICH / HRYHORYAVICH)
        return ratio
    return ratio if ratio >= 0.7 else 0.0
