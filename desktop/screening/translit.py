"""Transliteration of Cyrillic (several schemes), Arabic and other scripts to plain Latin letters."""

from __future__ import annotations

import re

from anyascii import anyascii

# Three Russian romanisations in real use: BGN/PCGN-like (press, OFAC), ICAO passports, and the
# scientific/German-style one (Alrosa, Almazjuvelirexport). Letters not listed are the same in all three.
_CYR_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "з": "z", "и": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "ъ": "",
    "ь": "", "э": "e", "і": "i", "ґ": "g", "ў": "u", "ї": "yi", "є": "ye", "ј": "j", "љ": "lj", "њ": "nj",
    "ћ": "c", "ђ": "dj", "џ": "dz", "ѕ": "dz", "ѓ": "g", "ќ": "k",
}  # fmt: skip
_CYR_SCHEMES: dict[str, dict[str, str]] = {
    "bgn": {"ё": "e", "ж": "zh", "й": "y", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
            "ы": "y", "ю": "yu", "я": "ya"},
    "icao": {"ё": "e", "ж": "zh", "й": "i", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
             "ы": "y", "ю": "iu", "я": "ia"},
    "scientific": {"ё": "jo", "ж": "zh", "й": "j", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sch",
                   "ы": "y", "ю": "ju", "я": "ja"},
}  # fmt: skip
CYRILLIC_SCHEMES = tuple(_CYR_SCHEMES)

# Arabic and Persian letters; waw and yeh are vowels inside a word and consonants at its start.
_ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ة": "a", "ى": "a", "ء": "", "ئ": "", "ؤ": "", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g",
    "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ھ": "h", "ۃ": "a", "ے": "e",
    # Urdu heh goal and the Persian heh with hamza; Pashto letters; veh, and the G of the Maghreb
    # (ڨ, ڭ: the Algerian and Moroccan qaf or kaf, GADDAFI-like spellings)
    "ہ": "h", "ۀ": "h", "ە": "a", "ځ": "z", "څ": "s", "ټ": "t", "ډ": "d", "ړ": "r", "ږ": "zh", "ښ": "sh",
    "ګ": "g", "ڼ": "n", "ۍ": "i", "ۓ": "e", "ڤ": "v", "ڨ": "g", "ڭ": "g",
}  # fmt: skip
_ARABIC_WAW = {"و"}
_ARABIC_YEH = {"ي", "ی", "ې"}


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufdff"


_CYRILLIC_RE = re.compile("[\u0400-\u052f]")


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC_RE.search(text) is not None


# Letters only Persian, Urdu and Pashto write: in such text a final alef maksura is the vowel I (HAJI,
# NOORZAI), and dad, zah and dhal are Z (ZIA, not DIA).
_PERSIAN_LETTERS = frozenset("پچژگکیۀٹڈڑںےہځڅټډړږښګڼۍ")
_PERSIAN_AS_Z = frozenset("ضظذ")
_ALEFS = frozenset("اأإآٱ")


def _after_article(text: str, i: int) -> bool:
    """Text[i] opens the noun after the article ال (or وال, "and the"): a word start in Latin spelling."""
    if i < 2 or text[i - 1] != "ل" or text[i - 2] not in "اٱ":
        return False
    j = i - 3
    if j >= 0 and text[j] == "و":
        j -= 1
    return j < 0 or not _is_arabic(text[j])


def _arabic_letter(text: str, i: int, persian: bool = False) -> str:
    ch = text[i]
    word_start = i == 0 or not _is_arabic(text[i - 1])
    if ch in _ARABIC_WAW:
        return "w" if word_start else "u"
    if ch in _ARABIC_YEH:
        return "y" if word_start else "i"
    if ch == "ع" and (word_start or (_after_article(text, i) and text[i + 1 : i + 2] not in _ALEFS)):
        # a word-initial ain is written as a vowel in Latin: ALI, ABBAS, OMAR, and after the article
        # AL-ARAB (but AL-ALI, not AL-AALI: an alef after it is the vowel already)
        return "a"
    if persian and ch == "ى" and (i + 1 == len(text) or not _is_arabic(text[i + 1])):
        return "i"
    if persian and ch in _PERSIAN_AS_Z:
        return "z"
    if ch == "ل" and _after_article(text, i + 1):
        # the article al- is a word of its own in Latin spellings (AL-UBAYDI, EL MOTASSADEQ), unless
        # the rest of the word is too short to be a name
        rest = 0
        while i + 1 + rest < len(text) and _is_arabic(text[i + 1 + rest]) and text[i + 1 + rest].isalpha():
            rest += 1
        return "l " if rest >= 3 else "l"
    return _ARABIC.get(ch, "")


# Greek digraphs that spell one Latin sound in names (Βλαντίμιρ: Vladimir, Πούτιν: Putin, Μπους: Bush).
_GREEK_DIGRAPHS = (
    (re.compile(r"(?<![α-ωά-ώ])μπ"), "b"), (re.compile(r"(?<![α-ωά-ώ])ντ"), "d"), (re.compile("ντ"), "nd"),
    (re.compile("μπ"), "mb"), (re.compile("γκ"), "g"), (re.compile("γγ"), "ng"), (re.compile("ο[υύ]"), "u"),
)  # fmt: skip
_GREEK_RE = re.compile("[\u0370-\u03ff]")


def to_latin(text: str, scheme: str = "bgn") -> str:
    """Lower-case Latin rendering of `text` (already case-folded) using one Cyrillic `scheme`."""
    if text.isascii():
        return text
    if _GREEK_RE.search(text):
        for pattern, latin in _GREEK_DIGRAPHS:
            text = pattern.sub(latin, text)
    table = _CYR_SCHEMES[scheme]
    persian = not _PERSIAN_LETTERS.isdisjoint(text)
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch)
        elif _is_cyrillic(ch):
            low = ch.lower()
            out.append(table.get(low) or _CYR_COMMON.get(low) or anyascii(ch).lower())
        elif _is_arabic(ch):
            out.append(_arabic_letter(text, i, persian) if ch.isalpha() else " ")
        elif _is_syllabic_word(ch):
            out.append(anyascii(ch).lower() + " ")  # one Han/Hangul character is one name syllable
        else:
            out.append(anyascii(ch).lower())
    return "".join(out)


def _is_syllabic_word(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af"


def has_syllabic(text: str) -> bool:
    """Han or Hangul characters: each one is a syllable with a fixed reading."""
    return any(_is_syllabic_word(ch) for ch in text)


def has_abjad(text: str) -> bool:
    """Arabic or Hebrew script: short vowels are not written, so only consonants can be compared."""
    return any(_is_arabic(ch) or "\u0590" <= ch <= "\u05ff" for ch in text)
