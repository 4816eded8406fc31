"""Name normalisation: Unicode clean-up, transliteration, case, punctuation, legal forms and honorifics."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from desktop.screening.legal_forms import GENERIC_WORDS, HONORIFICS, LEGAL_FORMS, resource_phrases
from desktop.screening.translit import CYRILLIC_SCHEMES, has_abjad, has_cyrillic, has_syllabic, to_latin
from desktop.textnorm import canonical_text, visual_text

# Russian, Ukrainian, Belarusian and Turkic patronymics in their usual romanisations (GRIGORIYEVICH,
# HRYHORYAVICH, PETROVNA, IVANIVNA, OGLU): often left out of a query, so missing them costs little.
PATRONYMIC_ENDINGS = (
    "VICH", "VITCH", "VITSCH", "VYCH", "OVNA", "EVNA", "IVNA", "AVNA", "ICHNA", "OVICI", "OGLU", "KYZY",
)  # fmt: skip
MAX_NAME_CHARS = 1000  # a query longer than this is refused; list names are cut to it
_APOSTROPHES = "'’‘`´ʼʻʿʾ′"
_DROP = str.maketrans("", "", _APOSTROPHES + ".")
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u05b0-\u05c7]")


@dataclass(frozen=True, slots=True)
class NormName:
    """One normalised reading of a name: its tokens and the transliteration scheme that produced them."""

    tokens: tuple[str, ...]
    scheme: str
    stripped: tuple[str, ...]  # legal forms and honorifics removed from the edges
    abjad: bool = False  # read from Arabic or Hebrew script: vowels missing, compare consonants
    syllabic: bool = False  # read from Han or Hangul: every syllable must match

    @property
    def key(self) -> str:
        """Order-free form used for exact (strong) matching."""
        return " ".join(sorted(self.tokens))


def clean(text: str) -> str:
    """The canonical text (desktop.textnorm: invisibles dropped, homoglyphs folded) without combining marks."""
    text = canonical_text(text)
    if text.isascii():
        return text
    return " ".join(_COMBINING.sub("", text).split())


# Arabic and Hebrew particles spelt many ways in Latin: one form each, on both sides of a comparison.
_PARTICLES = {
    "EL": "AL", "UL": "AL", "IBN": "BIN", "BEN": "BIN", "BN": "BIN", "ABDEL": "ABDUL", "ABDOUL": "ABDUL",
    "ABDOL": "ABDUL", "ABOU": "ABU", "ABO": "ABU", "DEEN": "DIN", "DINE": "DIN",
}  # fmt: skip


_DIN_ENDINGS = (
    "UDDIN", "UDDEEN", "UDDINE", "EDDIN", "EDDINE", "ADDIN", "ALDIN", "ALDEEN", "UDIN", "ODDIN", "IDDIN",
)  # fmt: skip
_ALLAH_ENDINGS = ("ULLAH", "ALLAH", "OLLAH", "ULLA", "ULAH", "ALAH", "OLAH")


_COMPOUND_TAILS = frozenset(e[-3:] for e in (*_DIN_ENDINGS, *_ALLAH_ENDINGS))


def _split_compound(token: str) -> list[str]:
    """SHAMSUDDIN -> SHAMS AL DIN, EHSANULLAH -> EHSAN ALLAH: Latin spellings join what Arabic writes apart."""
    if token[-3:] not in _COMPOUND_TAILS:
        return [token]
    if token in ("EDDINE", "EDDIN", "UDDIN", "ALDIN", "ADDIN", "ALDEEN"):
        return ["AL", "DIN"]
    for end in _DIN_ENDINGS:
        if token.endswith(end) and len(token) - len(end) >= 3:
            return [token[: -len(end)], "AL", "DIN"]
    for end in _ALLAH_ENDINGS:
        if token.endswith(end) and len(token) - len(end) >= 3:
            return [token[: -len(end)], "ALLAH"]
    return [token]


# The consonants the Arabic article assimilates to as Latin spellings write them (AR-RAHMAN, AS-SABAR,
# ESSABAR), read by the scoring: a doubled one after an opening vowel may be the article run onto the name.
SUN_LETTERS = frozenset("TDRZSNL")
# The article assimilated to a sun letter, written apart (AT-TAWHID, AS-SALAM, ASH-SHAM, EN-NAHDA): the
# article AL when the next word opens with that consonant.
_ASSIMILATED = frozenset(v + c for v in "AEU" for c in ("T", "D", "R", "Z", "S", "N", "SH", "TH", "DH"))


def canonical_particles(tokens: list[str]) -> list[str]:
    """al/el/ul -> AL, ibn/ben/bin -> BIN, abdel/abdoul -> ABDUL, abou/abu -> ABU; -uddin, -ullah apart."""
    out: list[str] = []
    for n, t in enumerate(tokens):
        nxt = tokens[n + 1] if n + 1 < len(tokens) else ""
        # AN before a short word is rather a name (the Korean and Vietnamese AN NING)
        if t in _ASSIMILATED and nxt[: len(t) - 1] == t[1:] and len(nxt) >= (5 if t[1:] == "N" else 4):
            t = "AL"
        t = _PARTICLES.get(t, t)
        out.extend(_split_compound(t) if len(t) >= 5 else (t,))
    return out


def join_letters(tokens: list[str]) -> list[str]:
    """Runs of two or more one-letter tokens joined: A L R O S A -> ALROSA (spaced or dotted letters)."""
    out: list[str] = []
    run: list[str] = []
    for tok in [*tokens, ""]:
        if len(tok) == 1 and tok.isalpha():
            run.append(tok)
            continue
        if len(run) >= 2:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if tok:
            out.append(tok)
    return out


def _tokens(latin: str) -> list[str]:
    return [t for t in _NON_ALNUM.split(latin.upper().translate(_DROP)) if t]


def raw_tokens(text: str, scheme: str = "bgn") -> list[str]:
    """Tokens of `text` in Latin capitals, before legal forms are removed."""
    return _tokens(to_latin(clean(text).casefold(), scheme))


@lru_cache(maxsize=1)
def _edge_phrases() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], int]:
    extra_legal, extra_honor = resource_phrases()
    legal: set[tuple[str, ...]] = set()
    for phrase in (*LEGAL_FORMS, *extra_legal):
        for scheme in CYRILLIC_SCHEMES if has_cyrillic(phrase.casefold()) else CYRILLIC_SCHEMES[:1]:
            toks = tuple(raw_tokens(phrase, scheme))
            if toks:
                legal.add(toks)
    honor = {tuple(raw_tokens(p)) for p in (*HONORIFICS, *extra_honor)}
    honor.discard(())
    longest = max(len(p) for p in legal | honor)
    return frozenset(legal), frozenset(honor), longest


@lru_cache(maxsize=1)
def _phrase_ends() -> frozenset[str]:
    """Tokens a legal form or honorific starts or ends with."""
    legal, honor, _ = _edge_phrases()
    return frozenset(t for p in legal | honor for t in (p[0], p[-1]))


def strip_edges(tokens: list[str], kind: str | None = None) -> tuple[list[str], list[str]]:
    """Remove legal forms and honorifics at the start and end; keep all tokens if nothing would remain."""
    legal, honor, longest = _edge_phrases()
    ends = _phrase_ends()
    if not tokens or (tokens[0] not in ends and tokens[-1] not in ends):
        return list(tokens), []  # most names: no phrase can start or end there
    # a person's name keeps "SA" or "AO" (Thomas Sa); an organisation's keeps "Dr" or "Sheikh"
    phrases = honor if kind == "person" else legal if kind == "organization" else legal | honor
    toks = list(tokens)
    removed: list[str] = []
    changed = True
    while changed and toks:
        changed = False
        for size in range(min(longest, len(toks)), 0, -1):
            if tuple(toks[:size]) in phrases and len(toks) > size:
                removed.extend(toks[:size])
                toks = toks[size:]
                changed = True
                break
            if tuple(toks[-size:]) in phrases and len(toks) > size:
                removed.extend(toks[-size:])
                toks = toks[:-size]
                changed = True
                break
    return toks, removed


_BRACKETED = re.compile(r"[(\[]([^()\[\]]*)[)\]]?")


def bracket_parts(text: str) -> list[str]:
    """The name outside brackets and each bracketed part: "Abou Dher (عبد العالي ابو ذر)" is two names."""
    inner = [m.group(1).strip() for m in _BRACKETED.finditer(text)]
    outer = " ".join(_BRACKETED.sub(" ", text).split())
    return [p for p in (outer, *inner) if p and p != text]


# Arabic letters that do not join the next one: a space lost after them leaves no trace in the text
# (ظاهرعويس is ظاهر عويس, DAHIR AWEYS). A ta marbuta or an alef maksura only ever ends a word.
_NON_JOINING = frozenset("دذرزو")
_WORD_FINAL = frozenset("ةى")
_MAX_RUN_IN_READINGS = 3


def run_in_words(text: str) -> list[str]:
    """`text` with one Arabic word split where a space may have been lost: one text per place.

    A word of seven letters or more, with no article in it, is split after a letter that does not join
    the next, leaving three letters or more on each side; after a ta marbuta or an alef maksura inside a
    word (letters that only end one), two letters are enough.
    """
    words = text.split(" ")
    out: list[str] = []
    for n, word in enumerate(words):
        if len(word) < 5 or "ال" in word or not all(_is_arabic_letter(ch) for ch in word):
            continue
        for k in range(2, len(word) - 1):
            final = word[k - 1] in _WORD_FINAL
            joins = word[k - 1] in _NON_JOINING and len(word) >= 7 and 3 <= k <= len(word) - 3
            if (final or joins) and word[k] not in _WORD_FINAL:
                out.append(" ".join([*words[:n], word[:k], word[k:], *words[n + 1 :]]))
    return out[:_MAX_RUN_IN_READINGS]


def _is_arabic_letter(ch: str) -> bool:
    return ch.isalpha() and ("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f")


def _says_nothing(tokens: list[str]) -> bool:
    legal, honor, _ = _edge_phrases()
    return (
        tuple(tokens) in legal
        or tuple(tokens) in honor
        or all(t in GENERIC_WORDS for t in tokens)
        or (len(tokens) == 1 and len(tokens[0]) <= 3)
    )


def normalise(text: str, kind: str | None = None, *, brackets: bool = False) -> list[NormName]:
    """Every reading of `text` worth matching: one per Cyrillic scheme when it has Cyrillic, else one.

    Spaced or dotted single letters (A L R O S A) add a reading with the letters joined; a right-to-left
    override adds the order a reader sees; with `brackets` (queries), the name outside brackets and each
    bracketed part are read on their own too, and an Arabic word that may be two run together is read
    split as well (`run_in_words`).
    """
    cleaned = clean(text)[:MAX_NAME_CHARS].casefold()
    texts = [cleaned]
    if brackets and ("(" in cleaned or "[" in cleaned):
        texts += [p for p in bracket_parts(cleaned) if p not in texts]
    if brackets and not cleaned.isascii() and has_abjad(cleaned):
        texts += [t for t in run_in_words(cleaned) if t not in texts]
    if "\u202e" in text:
        shown = " ".join(_COMBINING.sub("", visual_text(text)).split())[:MAX_NAME_CHARS].casefold()
        if shown != cleaned:
            texts.append(shown)
    out: list[NormName] = []
    seen: set[tuple[str, ...]] = set()
    for n, variant in enumerate(texts):
        part = n > 0 and brackets  # a bracketed part or the name outside the brackets
        schemes = CYRILLIC_SCHEMES if has_cyrillic(variant) else CYRILLIC_SCHEMES[:1]
        abjad = not variant.isascii() and has_abjad(variant)
        syllabic = not variant.isascii() and has_syllabic(variant)
        for scheme in schemes:
            toks = canonical_particles(_tokens(to_latin(variant, scheme)))
            joined = join_letters(toks)
            for form in (toks, joined) if joined != toks else (toks,):
                kept, removed = strip_edges(form, kind)
                if part and _says_nothing(kept):
                    continue  # "(PJSC)", "(USA)", "(HK)": not a name of its own
                if kept and tuple(kept) not in seen:
                    seen.add(tuple(kept))
                    out.append(NormName(tuple(kept), scheme, tuple(removed), abjad, syllabic))
    return out


_SKELETON_RULES = (
    ("SHCH", "S"), ("SCH", "S"), ("TSCH", "C"), ("TCH", "C"), ("DZH", "J"), ("SH", "S"), ("CH", "C"),
    ("ZH", "J"), ("KH", "H"), ("TS", "Z"), ("TZ", "Z"), ("PH", "F"), ("GH", "G"), ("TH", "T"), ("DJ", "J"),
    ("CK", "K"), ("Q", "K"), ("W", "V"), ("X", "KS"), ("C", "K"), ("J", "Y"), ("DH", "D"),
)  # fmt: skip
_VOWELS = str.maketrans("", "", "AEIOUY")


def _rewrite(token: str, rules: Sequence[tuple[str, str]]) -> str:
    """`token` with each rule's spelling replaced by its reading, in order (SHCH is read before SH and H)."""
    for a, b in rules:
        if a in token:
            token = token.replace(a, b)
    return token


def _one_per_run(s: str) -> str:
    """A letter written twice or more in a row, once (MUHAMMAD: MUHAMAD): keys ignore doubled letters."""
    return "".join(ch for ch, _ in itertools.groupby(s))


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """A crude phonetic key that folds transliteration variants: KH/H, TS/C, J/Y/I, X/KS, vowels dropped."""
    return _one_per_run(_rewrite(token, _SKELETON_RULES).translate(_VOWELS)) or token


# Spellings of one sound that transliterations of Arabic, Persian, Russian, Ukrainian and Belarusian
# names swap (GHASEM/QASEM, SAEED/SAID, POOYA/PUYA, SERGEY/SERHIY, ZUBKOU/ZUBKOV, TAWFIQ/TAUFIK).
# Unlike the skeleton it keeps the vowels, folded to three (A, I, U): spellings that differ only in how
# they write a sound come out equal, and the rest keep their distance.
# CH becomes a lower-case c (no token has lower case) so that a C left alone can be read as in the Romance
# languages: S before E, I or Y (CONCERN/KONSERN, FINANCE/FINANS), K elsewhere.
_FOLD_RULES = (
    ("DZH", "J"), ("DJ", "J"), ("TCH", "c"), ("SHCH", "S"), ("SCH", "S"), ("SH", "S"), ("CH", "c"),
    ("ZH", "J"), ("KH", "H"), ("GH", "K"), ("Q", "K"), ("CK", "K"), ("PH", "F"), ("TH", "T"), ("DH", "D"),
    ("CE", "SE"), ("CI", "SI"), ("CY", "SY"), ("C", "K"), ("TS", "S"), ("TZ", "S"),
    ("OU", "U"), ("OO", "U"), ("EE", "I"), ("Y", "I"), ("E", "I"), ("O", "U"),
)  # fmt: skip
_FOLD_VOWELS = frozenset("AIU")


@lru_cache(maxsize=200_000)
def phonetic_fold(token: str) -> str:
    """Transliteration variants of one name folded together, vowels kept (GHADDAFI, QADHAFI: KADAFI).

    W and V after a vowel and before a consonant or the end are the vowel U (TAWFIQ, PAVLICHENKA as
    Belarusian writes it, ZUBKOU); a final H after a vowel is not written in every spelling (UBAYDAH);
    doubled letters are one.
    """
    s = _rewrite(token, _FOLD_RULES)
    letters: list[str] = []
    for i, ch in enumerate(s):
        if ch in "WV":
            after_vowel = i > 0 and s[i - 1] in _FOLD_VOWELS
            before_vowel = i + 1 < len(s) and s[i + 1] in _FOLD_VOWELS
            ch = "U" if after_vowel and not before_vowel else "V"
        letters.append(ch)
    out = _one_per_run("".join(letters))
    if len(out) > 2 and out[-1] == "H" and token[-2] in "AEIOUY":  # (KH, SH, GH end a name)
        out = out[:-1]
    return out


def normalise_identifier(value: str) -> str:
    """Registration numbers compare on their letters and digits only: `IMO 9562233` == `imo9562233`."""
    return "".join(ch for ch in clean(value).upper() if ch.isalnum())


def identifier_keys(value: str) -> set[str]:
    """Exact-match keys of an identifier text: the whole of it, and each chunk that carries digits.

    'UK Company no. 06527449' yields the chunk 06527449, so a bare registration number finds it; short
    digit-only chunks (years, house numbers) are not keys.
    """
    keys = set()
    whole = normalise_identifier(value)
    if len(whole) >= 4:
        keys.add(whole)
    for chunk in re.split(r"[\s,;:()]+", value):
        key = normalise_identifier(chunk)
        if any(ch.isdigit() for ch in key) and len(key) >= 5:
            keys.add(key)
    return keys


_ABJAD_RULES = (
    ("SH", "S"), ("CH", "S"), ("KH", "X"), ("TH", "T"), ("DH", "D"), ("GH", "G"), ("PH", "F"), ("DJ", "J"),
    ("OU", "U"), ("Q", "K"), ("C", "K"), ("P", "B"), ("V", "F"), ("G", "K"), ("Z", "D"),
)  # fmt: skip
# KH stays apart from H (KHAN is not HANIH); Z and D fold (dad and zah are D in Arabic, Z in Persian
# and Urdu spellings: FADL/FAZAL, DIYA/ZIA).
# Arabic writes no short vowels, and waw and yeh are long vowels as often as consonants (THARWAT/THRUT,
# UBAYDI/BIDI); a final heh is often not written in Latin (TAHA/TH, SHIHATA/SHHATH).
_ABJAD_DROP = str.maketrans("", "", "AEIOUWY")


_ABJAD_DIGRAPHS = sum(1 for a, _ in _ABJAD_RULES if len(a) == 2)


def dhal_readings(token: str) -> tuple[str, ...]:
    """A token read from Arabic script as it is, and with dhal (DH) as TH, as many Latin spellings write it
    (GHATHAFI, AL-THAHAB): candidates are looked up, and tokens scored, by both."""
    return (token, token.replace("DH", "TH")) if "DH" in token else (token,)


@lru_cache(maxsize=200_000)
def abjad_skeleton(token: str, digraphs: bool = True) -> str:
    """Consonant skeleton for names read from Arabic or Hebrew script (no P, V, hard G or short vowels).

    A Latin X is the Somali spelling of ha (XASAN: HSN). With `digraphs` false, SH, KH, TH... stay two
    consonants: in a name read from Arabic script they may be two letters (الاتحاد: ATHAD is ت + ح, ITIHAD
    in Latin; اسحاق: ASHAQ, ISHAQ).
    """
    # Somali writes ha as X (XASAN, MAXAMED): no name read from Arabic script has an X of its own
    s = _rewrite(token.replace("X", "H"), _ABJAD_RULES[0 if digraphs else _ABJAD_DIGRAPHS :])
    out = _one_per_run(s.translate(_ABJAD_DROP))
    if len(out) > 1 and out[-1] == "H":
        out = out[:-1]
    return out or token
