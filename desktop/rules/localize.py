"""The values put into rule summaries, for a language other than English: words, numbers and country names."""

from __future__ import annotations

from desktop.rules.facts import Facts
from desktop.rules.language import country_name_in, number_text, semicolon, typeset
from desktop.rules.model import KpRegistry

# Placeholders holding a weight in carats (written 1,20 in French).
_CARATS = ("carats", "declared_carats", "russian_carats", "threshold", "below", "over", "report_carats")
# English stand-ins the facts use for an absent value, by placeholder.
_ABSENT = {
    "fr": {
        "processing_countries": {"none": "aucun"},
        "transit_countries": {"none": "aucun"},
        "kp_named": {"none": "aucun"},
        "sow_statement": {"none": "aucune"},
        "delivery_country": {"not stated": "non indiqué"},
        "mining_area": {"area not stated": "non indiquée"},
        "exported_from_russia_on": {"unknown": "inconnue"},
        "outside_russia_since": {"unknown": "inconnue"},
        "proof_date": {"unknown": "inconnue"},
        "contract_date": {"unknown": "inconnue"},
    }
}
CATEGORIES = {
    "fr": {
        "rough": "diamants bruts",
        "polished": "diamants taillés",
        "jewellery": "bijoux en diamants",
        "unsorted": "diamants non triés",
    }
}
ACTIVITIES = {
    "fr": {
        "cutting_polishing": "taille et polissage",
        "setting": "sertissage",
        "sorting": "tri",
        "growing": "croissance",
    }
}
NO_PROCESSING = {"fr": "aucune transformation"}


def localized_values(values: dict[str, str], facts: Facts, kp: KpRegistry, language: str) -> dict[str, str]:
    """`values` (the English placeholders of a finding) as a summary in `language` needs them."""
    if language == "en" or language not in CATEGORIES:
        return values
    lot = facts.lot
    out = dict(values)
    for key, absent in _ABSENT[language].items():
        if out.get(key) in absent:
            out[key] = absent[out[key]]
    for key in _CARATS:
        if key in out and out[key] not in ("-", "?"):
            out[key] = number_text(out[key], language)
    out["category"] = CATEGORIES[language].get(lot.goods.category.value, lot.goods.category.value)
    activities = ACTIVITIES[language]
    out["processing"] = (
        semicolon(language).join(
            f"{activities.get(s.activity.value, s.activity.value)} ({s.country})" for s in lot.processing
        )
        or NO_PROCESSING[language]
    )
    out["mining_names"] = ", ".join(country_name_in(c, language) for c in lot.origin.mining_countries)
    if "kp_issuer_name" in out and out.get("kp_issuer", "?") != "?":
        out["kp_issuer_name"] = country_name_in(out["kp_issuer"], language)
    if "suspended_country" in out:
        named = [c for c in lot.origin.mining_countries if country_name_in(c) == out["suspended_country"]]
        if named:
            out["suspended_country"] = country_name_in(named[0], language)
    if "suspension_reason" in out:
        for participant in kp.participants:
            for suspension in participant.suspensions:
                words = suspension.texts.get(language)
                if suspension.reason == out["suspension_reason"] and words is not None:
                    out["suspension_reason"] = typeset(words.reason, language)
    return out
