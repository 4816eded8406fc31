"""Build resources/screening/name_prior.txt.gz: how common each name token is in ordinary text, worldwide.

Source: wordfreq 3.1.1 (Robyn Speer et al., data CC BY-SA 4.0: Wikipedia, subtitles, news, web text, Google
Books...), languages a dealer's counterparties write in Latin or Cyrillic script. Each word is normalised
with Clearstone's own name pipeline (Cyrillic read in the BGN scheme) and keeps its highest Zipf frequency
(log10 of occurrences per billion words) over the languages. Arabic, Persian and Urdu words, which
carry no short vowels, are kept apart as consonant skeletons (section `[abjad]`). Run in any environment where wordfreq is
installed (it is not a dependency of Clearstone):

    python -m pip install wordfreq==3.1.1 && python scripts/build_name_prior.py
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wordfreq import iter_wordlist, zipf_frequency  # noqa: E402

from desktop.screening.normalize import abjad_skeleton, raw_tokens  # noqa: E402

OUT = ROOT / "resources" / "screening" / "name_prior.txt.gz"
# Languages with the cut-off Zipf frequency kept: English and Russian lower, to reach surnames and
# given names of many cultures as the press writes them.
LANGUAGES = {
    "en": 2.5, "ru": 2.8, "de": 3.3, "fr": 3.3, "es": 3.3, "it": 3.3, "nl": 3.3, "pt": 3.3, "tr": 3.3,
    "pl": 3.3, "sv": 3.3, "id": 3.3, "uk": 3.3,
}  # fmt: skip
# Arabic-script languages write no short vowels: their words are kept as consonant skeletons, which is
# how a Latin spelling (EBRAHIMI, REZAEI, MOHAMMADI) can be found common.
ABJAD_LANGUAGES = {"ar": 3.0, "fa": 3.0, "ur": 3.0}


def _buckets(table: dict[str, int]) -> list[str]:
    buckets: dict[int, list[str]] = {}
    for tok, tenths in table.items():
        buckets.setdefault(tenths, []).append(tok)
    return [f"{t}\t{' '.join(sorted(buckets[t]))}" for t in sorted(buckets, reverse=True)]


def main() -> None:
    best: dict[str, int] = {}
    for lang, floor in LANGUAGES.items():
        for word in iter_wordlist(lang, "best"):
            z = zipf_frequency(word, lang)
            if z < floor:
                break
            toks = raw_tokens(word)
            if len(toks) != 1 or len(toks[0]) < 2 or not toks[0].isalpha():
                continue
            tenths = round(z * 10)
            if tenths > best.get(toks[0], 0):
                best[toks[0]] = tenths
    abjad: dict[str, int] = {}
    for lang, floor in ABJAD_LANGUAGES.items():
        for word in iter_wordlist(lang, "best"):
            z = zipf_frequency(word, lang)
            if z < floor:
                break
            toks = raw_tokens(word)
            if len(toks) != 1 or not toks[0].isalpha():
                continue
            sk = abjad_skeleton(toks[0])
            if len(sk) >= 2 and round(z * 10) > abjad.get(sk, 0):
                abjad[sk] = round(z * 10)
    lines = [*_buckets(best), "[abjad]", *_buckets(abjad)]
    header = (
        "# Zipf frequency x10 <TAB> tokens; built by scripts/build_name_prior.py from wordfreq (CC BY-SA 4.0)"
    )
    # mtime=0: the same input gives the same bytes
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(("\n".join([header, *lines]) + "\n").encode())
    print(f"{len(best)} tokens, {len(abjad)} skeletons, {OUT.stat().st_size} bytes -> {OUT}")


if __name__ == "__main__":
    main()
