"""How common a name token is in the world (not on the lists): the shipped frequency prior.

resources/screening/name_prior.txt.gz maps normalised tokens to their Zipf frequency (log10 of
occurrences per billion words) in ordinary text of 13 languages; see its PROVENANCE.md. ALPHA, CROWN,
MOHAMMED or IVANOV are common there although rare on sanctions lists; ALROSA or URALVAGONZAVOD are not.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Sequence

from desktop.paths import resource
from desktop.screening.errors import BundledListError
from desktop.screening.legal_forms import GENERIC_WORDS

PRIOR_FILE = ("screening", "name_prior.txt.gz")
# Zipf at or above which a token counts as common in the world: 300 times per billion words, the
# frequency of IVANOV, GUPTA or AJAY in the press.
COMMON_ZIPF = 2.5
_RARE_ZIPF = 3.0  # at or below this a token weighs fully
_ZIPF_SPAN = 3.0  # the weight falls linearly over this span above _RARE_ZIPF
_MIN_FACTOR = 0.25

_lock = threading.Lock()
_table: dict[str, int] | None = None


def _load() -> dict[str, int]:
    global _table
    with _lock:
        if _table is None:
            path = resource(*PRIOR_FILE)
            table: dict[str, int] = {}
            try:
                with gzip.open(path, "rt", encoding="utf-8") as fh:
                    for line in fh:
                        if line.startswith("#"):
                            continue
                        tenths, _, tokens = line.partition("\t")
                        value = int(tenths)
                        for tok in tokens.split():
                            table[tok] = value
            except (OSError, ValueError) as exc:
                raise BundledListError(f"the name frequency prior {path} cannot be read: {exc}") from None
            _table = table
        return _table


def zipf(token: str) -> float:
    """Zipf frequency of a normalised token in ordinary text; 0.0 when it is rarer than the prior keeps."""
    return _load().get(token, 0) / 10


def world_factor(token: str) -> float:
    """1 for a token rare in the world, falling to 0.25 for the most common words (STAR, BLUE, NEW)."""
    z = zipf(token)
    if z <= _RARE_ZIPF:
        return 1.0
    return max(_MIN_FACTOR, 1.0 - (z - _RARE_ZIPF) / _ZIPF_SPAN * (1.0 - _MIN_FACTOR))


def is_common_person_name(tokens: Sequence[str]) -> bool:
    """Every part of the name is common in the world: MOHAMMED ALI, SERGEI IVANOV, ZHANG WEI, AJAY GUPTA.

    Such a name, even equal to a listed one, says little about who the person is.
    """
    parts = [t for t in tokens if len(t) > 1]
    return bool(parts) and all(zipf(t) >= COMMON_ZIPF for t in parts)


def is_generic_name(tokens: Sequence[str]) -> bool:
    """An organisation name made only of trade words and very common words (GLOBAL STAR TRADING)."""
    parts = [t for t in tokens if len(t) > 1]
    return bool(parts) and all(t in GENERIC_WORDS or zipf(t) >= 4.5 for t in parts)
