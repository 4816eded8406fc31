"""How alike two name tokens are: equal, initial, same phonetic skeleton, or by edit similarity."""

from __future__ import annotations

from rapidfuzz.distance import Indel

from desktop.screening.normalize import abjad_skeleton, skeleton


def token_similarity(q: str, c: str, abjad: bool = False) -> float:
    """1 for equal tokens; initials 0.9; same phonetic skeleton at least 0.88; else edit similarity."""
    if q == c:
        return 1.0
    if abjad and len(q) > 1:
        sk = abjad_skeleton(q)
        # two consonants alone collide too often (SNAII/CHEN, ASRA/SHARRY): the letters must agree too
        if sk == abjad_skeleton(c) and (len(sk) >= 3 or Indel.normalized_similarity(q, c) >= 0.5):
            return 0.9
    if len(q) == 1 or len(c) == 1:
        return 0.9 if q[0] == c[0] else 0.0
    ratio = Indel.normalized_similarity(q, c)
    if min(len(q), len(c)) <= 4:
        ratio -= 0.08  # one letter changes a short name (CHEN/CHENG, ALI/ALLI): be stricter
    if len(q) > 2 and len(c) > 2 and ratio >= 0.55:
        # same consonants is a transliteration only when the spellings are not far apart already:
        # ASPREY and SUPERIOR, or MESSIKA and MOSCO, share a skeleton and are different names
        sk = skeleton(q)
        if len(sk) >= 3 and sk == skeleton(c):
            ratio = max(ratio, 0.88)
    return ratio if ratio >= 0.7 else 0.0
