"""The languages of the core's texts, and how each writes numbers, scores, quotes and punctuation."""

from __future__ import annotations

import gettext
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from typing import Literal

Language = Literal["en", "fr"]
LANGUAGES: tuple[Language, ...] = ("en", "fr")
ENGLISH: Language = "en"

NBSP = "\u00a0"  # no-break space: before a French colon
NNBSP = "\u202f"  # narrow no-break space: before ; ! ? % and inside « »

# French punctuation that takes a space before it, when it ends a word (so "https://", "10:30" and
# "CS1:ABC" are left alone): the colon a full no-break space, the others a narrow one.
_FR_BEFORE = re.compile(r"(?<=\S)[ \u00a0\u202f]?([;:!?])(?=\s|$)")
_FR_PERCENT = re.compile(r"(?<=\d)[ \u00a0\u202f]?%")
_FR_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_FR_CLOSE = re.compile(r"[ \u00a0\u202f]*»")


def language_of(value: str | None) -> Language:
    """A supported language code, English for anything else."""
    return "fr" if value == "fr" else "en"


def french_typography(text: str) -> str:
    """French spacing: a no-break space before a colon, a narrow one before ; ! ? % and inside « »."""
    text = _FR_BEFORE.sub(lambda m: (NBSP if m.group(1) == ":" else NNBSP) + m.group(1), text)
    text = _FR_PERCENT.sub(NNBSP + "%", text)
    text = _FR_OPEN.sub("«" + NNBSP, text)
    return _FR_CLOSE.sub(NNBSP + "»", text)


def typeset(text: str, language: str) -> str:
    return french_typography(text) if language == "fr" else text


def semicolon(language: str) -> str:
    """The separator of items that each hold commas: "; " (with a narrow no-break space before it in French)."""
    return f"{NNBSP}; " if language == "fr" else "; "


def _decimal(value: str | Decimal | float) -> Decimal | None:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def number_text(value: str | Decimal | int | float, language: str, places: int | None = None) -> str:
    """A number as a reader of `language` writes it: 1,234.50 / 1 234,50 (narrow no-break space)."""
    number = _decimal(value)
    if number is None:
        return str(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number:,f}"
    if language == "fr":
        return text.replace(",", NNBSP).replace(".", ",")
    return text


def carats_text(value: str | Decimal, language: str) -> str:
    """A weight in carats as the lot states it (never re-rounded), with the unit."""
    return f"{number_text(value, language)}{NBSP}ct"


def score_text(score: float, language: str = "en") -> str:
    """A match score, rounded once (half up, from the four places every record keeps) to two places, so the
    same match reads the same on the screen, in a report and on the attestation."""
    kept = Decimal(repr(round(score, 4)))
    text = str(kept.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    return text.replace(".", ",") if language == "fr" else text


_QUOTES = {"en": (("“", "”"), ("‘", "’")), "fr": (("«" + NNBSP, NNBSP + "»"), ("“", "”"))}


def quoted(name: str, language: str = "en") -> str:
    """A name in the language's quotation marks, unless it carries them itself (ПАО «АЛРОСА» is not wrapped
    in a second pair: no «ПАО «АЛРОСА»»)."""
    if not name or name[0] in "«»“”„\"'‘’‹›" or name[-1] in "«»“”\"'‘’‹›":
        return name
    for opening, closing in _QUOTES.get(language, _QUOTES["en"]):
        if opening.strip() not in name and closing.strip() not in name:
            return f"{opening}{name}{closing}"
    return name


# pycountry's French names put the qualifier after a comma ("Russie, Fédération de"); a document says
# "Russie". Where dropping it would be ambiguous, the name is given here.
_FRENCH_NAMES = {
    "KR": "Corée du Sud",
    "KP": "Corée du Nord",
    "CD": "République démocratique du Congo",
    "CG": "Congo",
    "MD": "Moldavie",
    "MK": "Macédoine du Nord",
    "VN": "Viêt Nam",
    "XK": "Kosovo",
    "TW": "Taïwan",
    "LA": "Laos",
    "FM": "Micronésie",
    "VA": "Saint-Siège (Vatican)",
    "PS": "Palestine",
}


@cache
def _french_countries() -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)


def country_name_in(code: str, language: str = "en") -> str:
    """A country's short name in `language` (the code itself when unknown)."""
    from desktop.lot import country_name

    if language != "fr":
        return country_name(code)
    if code in _FRENCH_NAMES:
        return _FRENCH_NAMES[code]
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return country_name(code)
    name = _french_countries().gettext(str(found.name))
    return name.split(", ")[0] if ", " in name else name
