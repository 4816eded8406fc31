"""What a listing says about who it is (birth dates, identifiers, countries) against what the dealer knows."""

from __future__ import annotations

from desktop.screening.model import Entry
from desktop.screening.normalize import identifier_keys
from desktop.screening.types import PartyQuery

# Words in the lists' identifier labels ("Passport", "Tax ID No.", "innCode", "BusinessRegistrationNumber")
# that say which kind of identifier it is, in the lot format's vocabulary.
_ID_KINDS = (
    ("passport", "passport"),
    ("lei", "lei"),
    ("imo", "imo"),
    ("tax", "tax"),
    ("inn", "tax"),
    ("vat", "tax"),
    ("national", "national_id"),
    ("cedula", "national_id"),
    ("identity", "national_id"),
    ("id no", "national_id"),
    ("registration", "registration"),
    ("ogrn", "registration"),
    ("company", "registration"),
    ("enterprise", "registration"),
    ("business", "registration"),
)


def identifier_type(label: str) -> str:
    """The lot format's identifier type a list's identifier label means; `other` when unclear."""
    low = label.lower()
    for word, kind in _ID_KINDS:
        if word in low:
            return kind
    return "other"


def identifier_conflicts(query: PartyQuery, entry: Entry) -> list[str]:
    """The party's identifiers of a type the entry also lists, none of them equal: another party."""
    listed: dict[str, set[str]] = {}
    for ident in entry.identifiers:
        listed.setdefault(identifier_type(ident.kind), set()).update(identifier_keys(ident.value))
    out: list[str] = []
    for held in query.all_identifiers():
        if held.type == "other" or held.type not in listed:
            continue
        if identifier_keys(held.value) & listed[held.type]:
            return []  # one equal identifier settles it
        shown = ", ".join(sorted(listed[held.type]))[:80]
        out.append(f"{held.type.replace('_', ' ')} {held.value} differs from listed {shown}")
    return out


def birth_date_corroborates(query: PartyQuery, entry: Entry) -> str | None:
    """A sentence when the party's date of birth equals a listed one at the precision both sides give."""
    if not entry.birth_dates or (query.birth_date is None and query.birth_year is None):
        return None
    full = query.birth_date.isoformat() if query.birth_date else None
    year = query.birth_date.year if query.birth_date else query.birth_year
    for listed in entry.birth_dates:
        if full is not None and listed == full:
            return f"date of birth {full} listed"
        if listed[:4] == str(year) and (full is None or len(listed) == 4):
            # one side only knows the year: equal years are as far as the facts go
            return f"year of birth {year} listed"
    return None


def listed_facts(entry: Entry) -> dict[str, list[str]]:
    """The identifying facts a list gives for an entry, for a person to compare with the party's own."""
    facts: dict[str, list[str]] = {}

    def add(key: str, value: str | None) -> None:
        if value and value not in facts.setdefault(key, []):
            facts[key].append(value)

    for d in entry.birth_dates:
        add("date_of_birth", d)
    for c in entry.countries:
        add("country", c)
    for ident in entry.identifiers:
        kind = identifier_type(ident.kind)
        add(
            {"national_id": "national_id", "other": "identifier"}.get(kind, kind),
            f"{ident.value} ({ident.kind})",
        )
    for p in entry.programmes:
        add("programme", p)
    if entry.listed_on:
        add("listed_on", entry.listed_on.isoformat())
    if entry.remarks:
        add("remarks", entry.remarks)
    return {k: v for k, v in facts.items() if v}
