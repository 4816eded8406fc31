"""How common a name token is in the world (not on the lists): the shipped frequency prior.

resources/screening/name_prior.txt.gz maps normalised tokens to their Zipf frequency (log10 of
occurrences per billion words) in ordinary text of 13 languages; see its PROVENANCE.md. ALPHA, CROWN,
MOHAMMED or IVANOV are common there although rare on sanctions lists; ALROSA or URALVAGONZAVOD are not.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Sequence
from functools import lru_cache

from desktop.paths import resource
from desktop.screening.errors import BundledListError
from desktop.screening.legal_forms import GENERIC_WORDS
from desktop.screening.normalize import abjad_skeleton

PRIOR_FILE = ("screening", "name_prior.txt.gz")
# Zipf at or above which a name part counts as common in the world: 1,000 times per billion words, as
# SERGEI, GUPTA, AJAY or ZHANG; the surnames of the famous few (TIMCHENKO 3.3 but GENNADY 2.5) stay below.
COMMON_ZIPF = 3.0
_RARE_ZIPF = 3.0  # at or below this a token weighs fully
_ZIPF_SPAN = 3.0  # the weight falls linearly over this span above _RARE_ZIPF
_MIN_FACTOR = 0.25
_ABJAD_COMMON = 4.5  # skeletons collide more than spellings: a higher bar, and four consonants at least

_lock = threading.Lock()
_tables: tuple[dict[str, int], dict[str, int]] | None = None


def _load() -> tuple[dict[str, int], dict[str, int]]:
    """(Latin tokens, Arabic-script consonant skeletons) -> Zipf x 10; read once, on first use."""
    global _tables
    with _lock:
        if _tables is None:
            path = resource(*PRIOR_FILE)
            words: dict[str, int] = {}
            skeletons: dict[str, int] = {}
            table = words
            try:
                with gzip.open(path, "rt", encoding="utf-8") as fh:
                    for line in fh:
                        if line.startswith("#"):
                            continue
                        if line.startswith("[abjad]"):
                            table = skeletons
                            continue
                        tenths, _, tokens = line.partition("\t")
                        value = int(tenths)
                        for tok in tokens.split():
                            table[tok] = value
            except (OSError, ValueError) as exc:
                raise BundledListError(f"the name frequency prior {path} cannot be read: {exc}") from None
            _tables = (words, skeletons)
        return _tables


def zipf(token: str) -> float:
    """Zipf frequency of a normalised token in ordinary text; 0.0 when it is rarer than the prior keeps."""
    return _load()[0].get(token, 0) / 10


def abjad_zipf(token: str) -> float:
    """Zipf frequency of the token's consonant skeleton among Arabic, Persian and Urdu words."""
    sk = abjad_skeleton(token)
    # three consonants collide with too many words, except for the Persian and Arabic nisba surnames
    # (RAHIMI, KARIMI, REZAEI: -I), the commonest of all
    if len(sk) >= 4 or (len(sk) == 3 and token.endswith("I")):
        return _load()[1].get(sk, 0) / 10
    return 0.0


@lru_cache(maxsize=100_000)
def world_factor(token: str) -> float:
    """1 for a token rare in the world, falling to 0.25 for the most common words (STAR, BLUE, NEW)."""
    z = zipf(token)
    if z <= _RARE_ZIPF:
        return 1.0
    return max(_MIN_FACTOR, 1.0 - (z - _RARE_ZIPF) / _ZIPF_SPAN * (1.0 - _MIN_FACTOR))


def is_common_part(token: str) -> bool:
    """A name part common in the world (in text of 13 languages, or as an Arabic-script skeleton)."""
    return zipf(token) >= COMMON_ZIPF or abjad_zipf(token) >= _ABJAD_COMMON


def is_common_person_name(tokens: Sequence[str]) -> bool:
    """Every part of the name is common in the world: MOHAMMED ALI, SERGEI IVANOV, ZHANG WEI, AJAY GUPTA.

    Such a name, even equal to a listed one, says little about who the person is. (The matcher also
    counts a part as common when many listed people share it: EBRAHIMI, REZAEI.)
    """
    parts = [t for t in tokens if len(t) > 1]
    return bool(parts) and all(is_common_part(t) for t in parts)


def is_generic_name(tokens: Sequence[str]) -> bool:
    """An organisation name made only of trade words and very common words (GLOBAL STAR TRADING)."""
    parts = [t for t in tokens if len(t) > 1]
    return bool(parts) and all(t in GENERIC_WORDS or zipf(t) >= 4.5 for t in parts)
