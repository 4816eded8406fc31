"""One canonical form of names for screening and display: NFKC, no invisible characters, homoglyphs folded."""

from __future__ import annotations

import unicodedata

# Bidirectional controls: they reorder what a reader sees without changing the letters (Trojan Source).
_BIDI = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# Default-ignorable code points outside category Cf (Unicode DerivedCoreProperties): fillers and
# variation selectors render as nothing, so a name can hide them between letters.
_IGNORABLE_RANGES = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul choseong/jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian free variation selectors and vowel separator
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # half-width Hangul filler
    (0xFFF0, 0xFFF8),  # unassigned specials
    (0x1BCA0, 0x1BCA3),  # shorthand format controls
    (0x1D173, 0x1D17A),  # musical formatting
    (0xE0000, 0xE0FFF),  # tags and variation selectors supplement
)
# Look like a space but are not Unicode white space.
_SPACE_LIKE = frozenset([0x2800])  # Braille blank

# Letters of one script that look like a letter of another. Only used inside a word whose other letters
# are mostly of the other script ("АLROSA" with a Cyrillic А), never on a word written in one script.
_CYRILLIC_TO_LATIN = dict(
    zip(
        "АВЕКМНОРСТХУЅІЈԚԜҮаеорсухѕіјԁԛԝӏһԍɡкмнтв",
        "ABEKMHOPCTXYSIJQWYaeopcyxsijdqwlhGgkmhtb",
        strict=True,
    )
)
_GREEK_TO_LATIN = dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹϳαικνορυχϲ", "ABEZHIKMNOPTYXCjaiknopuxc", strict=True))
# The reverse directions keep to letters a Russian or Greek reader writes, so a Latin S in a Cyrillic
# word stays S (not Macedonian Ѕ, which would read DZ).
_LATIN_TO_CYRILLIC = dict(zip("ABEKMHOPCTXYIJaeopcyxij", "АВЕКМНОРСТХУІЈаеорсухіј", strict=True))
_LATIN_TO_GREEK = dict(zip("ABEZHIKMNOPTYXo", "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο", strict=True))
_SCRIPTS = ("latin", "cyrillic", "greek")


def _is_ignorable(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _IGNORABLE_RANGES)


def _is_invisible(ch: str) -> bool:
    """Format characters (category Cf: zero-width joiner, soft hyphen, BOM, bidi controls...) and fillers."""
    return unicodedata.category(ch) == "Cf" or _is_ignorable(ord(ch))


def _describe(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED CHARACTER')}"


def invisible_characters(text: str) -> list[str]:
    """Each distinct invisible character in `text` ('U+200D ZERO WIDTH JOINER'), in order of appearance."""
    seen: dict[str, None] = {}
    for ch in text:
        if ch.isascii():
            continue
        if _is_invisible(ch) or ord(ch) in _SPACE_LIKE:
            seen.setdefault(_describe(ch), None)
    return list(seen)


def without_invisibles(text: str) -> str:
    """`text` with invisible characters removed and nothing else changed (free text: references, notes)."""
    return text if text.isascii() else "".join(ch for ch in text if not _is_invisible(ch))


def bidi_controls(text: str) -> list[str]:
    """Each distinct bidirectional control in `text`: they change the order a reader sees (refused in lots)."""
    seen: dict[str, None] = {}
    for ch in text:
        if ord(ch) in _BIDI:
            seen.setdefault(_describe(ch), None)
    return list(seen)


def _script(ch: str) -> str | None:
    cp = ord(ch)
    if ch.isascii():
        return "latin" if ch.isalpha() else None
    if 0x0400 <= cp <= 0x052F or 0x1C80 <= cp <= 0x1C8F or 0x2DE0 <= cp <= 0x2DFF or 0xA640 <= cp <= 0xA69F:
        return "cyrillic"
    if 0x0370 <= cp <= 0x03FF or 0x1F00 <= cp <= 0x1FFF:
        return "greek"
    if 0x00C0 <= cp <= 0x024F or 0x1E00 <= cp <= 0x1EFF or cp in (0x0261,):
        return "latin" if ch.isalpha() else None
    return None


def _to_script(ch: str, source: str, target: str) -> str:
    if source == target:
        return ch
    if target == "latin":
        table = _CYRILLIC_TO_LATIN if source == "cyrillic" else _GREEK_TO_LATIN
        return table.get(ch, ch)
    latin = ch if source == "latin" else _GREEK_TO_LATIN.get(ch) or _CYRILLIC_TO_LATIN.get(ch)
    if latin is None:
        return ch
    table = _LATIN_TO_CYRILLIC if target == "cyrillic" else _LATIN_TO_GREEK
    return table.get(latin, ch)


def _has_lookalike(ch: str, script: str) -> bool:
    if script == "latin":
        return ch in _LATIN_TO_CYRILLIC or ch in _LATIN_TO_GREEK
    return ch in (_CYRILLIC_TO_LATIN if script == "cyrillic" else _GREEK_TO_LATIN)


def _fold_word(word: str) -> str:
    scripts = [_script(ch) for ch in word]
    present = {s for s in scripts if s is not None}
    if len(present) < 2:
        return word

    # The word's script is the one with most letters that have no look-alike elsewhere (Л, L, Ж);
    # then the one with most letters. "АLROSA" (Cyrillic А) is Latin; "Алрoса" (Latin o) is Cyrillic.
    def rank(script: str) -> tuple[int, int, int]:
        own = [ch for ch, s in zip(word, scripts, strict=True) if s == script]
        distinct = sum(not _has_lookalike(ch, script) for ch in own)
        return distinct, len(own), -_SCRIPTS.index(script)

    major = max(present, key=rank)
    return "".join(
        _to_script(ch, s, major) if s is not None and s != major else ch
        for ch, s in zip(word, scripts, strict=True)
    )


def _fold_homoglyphs(text: str) -> str:
    out: list[str] = []
    word: list[str] = []
    for ch in text:
        if ch.isalpha() or unicodedata.category(ch).startswith("M"):
            word.append(ch)
            continue
        if word:
            out.append(_fold_word("".join(word)))
            word = []
        out.append(ch)
    if word:
        out.append(_fold_word("".join(word)))
    return "".join(out)


def _drop_stray_marks(text: str) -> str:
    """Combining marks with no letter to sit on, and stacks of more than two on one letter (zalgo)."""
    out: list[str] = []
    stacked = 0
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Me"):
            if not out or not (out[-1].isalpha() or unicodedata.category(out[-1]).startswith("M")):
                continue
            stacked += 1
            if stacked > 2:
                continue
        else:
            stacked = 0
        out.append(ch)
    return "".join(out)


_ASCII_CONTROLS = {i: " " for i in (*range(32), 127)}


def canonical_text(text: str) -> str:
    """The form to store, show and screen: NFKC, invisibles removed, look-alike letters folded, one space.

    Letters, case, words and punctuation stay as written; control characters and odd spaces become one
    space. Idempotent: canonical_text(canonical_text(s)) == canonical_text(s).
    """
    if text.isascii():
        return " ".join(text.translate(_ASCII_CONTROLS).split())
    chars = []
    for ch in text:
        if _is_invisible(ch):
            continue
        cat = unicodedata.category(ch)
        chars.append(" " if cat in ("Cc", "Zl", "Zp") or ord(ch) in _SPACE_LIKE else ch)
    text = unicodedata.normalize("NFKC", "".join(chars))
    text = _drop_stray_marks(text)
    text = _fold_homoglyphs(text)
    text = unicodedata.normalize("NFC", text)
    # NFKC can produce new invisibles from compatibility forms only in theory; a second pass is cheap.
    text = "".join(ch for ch in text if not _is_invisible(ch))
    return " ".join(text.split())


_RLO, _LRO, _PDF = "\u202e", "\u202d", "\u202c"


def visual_text(text: str) -> str:
    """`text` in the order a reader sees it where a right-to-left override reverses Latin letters.

    "\u202eASORLA" shows as ALROSA: screening reads both orders, and this is the one shown.
    """
    if _RLO not in text:
        return canonical_text(text)
    out: list[str] = []
    stack: list[list[str]] = []
    for ch in text:
        if ch in (_RLO, _LRO):
            stack.append([])
            stack[-1].append(ch)
        elif ch == _PDF and stack:
            segment = stack.pop()
            body = segment[1:][::-1] if segment[0] == _RLO else segment[1:]
            # a nested segment moves as one piece: its own letters keep the order it gave them
            (stack[-1] if stack else out).append("".join(body))
        else:
            (stack[-1] if stack else out).append(ch)
    while stack:  # an override left open runs to the end of the text
        segment = stack.pop()
        body = segment[1:][::-1] if segment[0] == _RLO else segment[1:]
        (stack[-1] if stack else out).append("".join(body))
    return canonical_text("".join(out))
