"""Country names in the user's language, and what a typed name or code most likely means (no Qt).

A dealer types "India", "Inde", "ind" or "IN": exact names and codes rank first, then names that start with
the text, then names with a word that starts with it, then the rest that contain it. Names are matched in
English and in the user's language (pycountry ships the ISO 3166 names in French), without accents or case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from desktop.lot import country_name

# Producers, listed first in a country list: a dealer picks these far more often than the rest of the world.
MINING_COUNTRIES = (
    "BW",
    "RU",
    "CA",
    "ZA",
    "AO",
    "NA",
    "CD",
    "AU",
    "SL",
    "LS",
    "ZW",
    "TZ",
    "GN",
    "LR",
    "CF",
    "GH",
)

# ISO's French short names put the qualifier after a comma ("Russie, Fédération de"); people say "Russie".
_SHORT_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "RU": "Russie",
        "IR": "Iran",
        "SY": "Syrie",
        "VE": "Venezuela",
        "BO": "Bolivie",
        "TZ": "Tanzanie",
        "CD": "Congo (République démocratique)",
        "KP": "Corée du Nord",
        "KR": "Corée du Sud",
        "MD": "Moldavie",
        "FM": "Micronésie",
        "LA": "Laos",
        "TW": "Taïwan",
        "VN": "Viêt Nam",
        "PS": "Palestine",
        "XK": "Kosovo",
    },
}
_LABEL = re.compile(r"\(([A-Za-z]{2})\)\s*$")


def fold(text: str) -> str:
    """Case and accents aside: "États-Unis" and "etats-unis" are the same search."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


@dataclass(frozen=True)
class Country:
    code: str
    name: str  # in the user's language
    forms: tuple[str, ...]  # every folded name it answers to (English and the user's language)
    official: tuple[str, ...] = ()  # folded official names ("kingdom of belgium"): matched exactly only

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


@cache
def countries(language: str = "en") -> tuple[Country, ...]:
    """Every ISO 3166 country (and Kosovo), sorted by its name in `language`."""
    import pycountry

    translate = _translator(language)
    found: list[Country] = []
    for entry in [*pycountry.countries, None]:
        code = entry.alpha_2 if entry is not None else "XK"
        english = country_name(code)
        names = {english}
        official: set[str] = set()
        if entry is not None:
            names.update(filter(None, (entry.name, getattr(entry, "common_name", None))))
            official.update(filter(None, (getattr(entry, "official_name", None),)))
        shown = _SHORT_NAMES.get(language, {}).get(code) or (
            translate(english) if language != "en" else english
        )
        names |= {translate(n) for n in names} | {shown}
        official |= {translate(n) for n in official}
        found.append(
            Country(
                code, shown, tuple(sorted({fold(n) for n in names})), tuple(sorted(fold(n) for n in official))
            )
        )
    return tuple(sorted(found, key=lambda c: fold(c.name)))


def _translator(language: str) -> Callable[[str], str]:
    import gettext

    import pycountry

    def same(text: str) -> str:
        return text

    if language == "en":
        return same
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext
    except OSError:
        return same


@cache
def _by_code(language: str) -> dict[str, Country]:
    return {c.code: c for c in countries(language)}


def name_of(code: str, language: str = "en") -> str:
    found = _by_code(language).get(code)
    return found.name if found is not None else code


def label_of(code: str, language: str = "en") -> str:
    found = _by_code(language).get(code)
    return found.label if found is not None else code


def ordered(language: str = "en") -> list[Country]:
    """Producers first, then every other country once, by name."""
    by_code = _by_code(language)
    first = [by_code[c] for c in MINING_COUNTRIES if c in by_code]
    return first + [c for c in countries(language) if c.code not in MINING_COUNTRIES]


def rank(text: str, language: str = "en", limit: int = 20) -> list[Country]:
    """The countries `text` may mean, best first: exact code or name, name prefix, word prefix, contains."""
    wanted = fold(text)
    label = _LABEL.search(text)
    if label is not None and label.group(1).upper() in _by_code(language):
        return [_by_code(language)[label.group(1).upper()]]
    if not wanted:
        return []
    tiers: list[tuple[int, str, Country]] = []
    for country in countries(language):
        tier = _tier(wanted, country)
        if tier is not None:
            tiers.append((tier, fold(country.name), country))
    tiers.sort(key=lambda t: (t[0], t[1]))
    return [c for _tier_, _name, c in tiers[:limit]]


def _tier(wanted: str, country: Country) -> int | None:
    if wanted == country.code.casefold() or wanted in country.forms or wanted in country.official:
        return 0
    if any(form.startswith(wanted) for form in country.forms):
        return 1
    if any(word.startswith(wanted) for form in country.forms for word in re.split(r"[\s,()'’-]+", form)):
        return 2
    if any(wanted in form for form in country.forms) and len(wanted) > 2:
        return 3
    return None


def resolve(text: str, language: str = "en") -> str | None:
    """The code `text` names: an exact code or name, else the one country it can mean; None when unsure."""
    found = rank(text, language)
    if not found:
        return None
    wanted = fold(text)
    if len(found) == 1 or _tier(wanted, found[0]) == 0:
        return found[0].code
    prefix = [c for c in found if _tier(wanted, c) == 1]
    return prefix[0].code if len(prefix) == 1 else None
