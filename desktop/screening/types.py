"""The screening contract other layers rely on: parties in, matches out, human decisions recorded."""

from __future__ import annotations

import builtins
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Binding(BaseModel):
    """A jurisdiction a list entry binds, when it was listed there, and how sure the source is (P/S/U)."""

    model_config = ConfigDict(frozen=True)

    jurisdiction: str
    listed_on: date | None = None
    confidence: str = "P"
    programme: str | None = None
    note: str | None = None  # e.g. "listed by this date; exact day not in the source"
    delisted_on: date | None = None  # removed from this jurisdiction's list on this day


class ListInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str  # short id: UN, OFAC-SDN, OFAC-CONS, EU-FSF, UK-SL, or the bundled list's id
    name: str
    source: str
    jurisdictions: list[str]
    as_of: date | None  # the publication date read from the file; None when the format carries none
    entries: int
    sha256: str
    bundled: bool = False
    imported_at: datetime | None = None
    # How the loaded copy arrived (file, update, pack, bundled), from where, and the refusal it overrode.
    via: str | None = None
    source_url: str | None = None
    forced: str | None = None
    format: str | None = None  # the file format it was read from (OFAC SDN XML, UN consolidated XML, ...)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "source": self.source,
            "jurisdictions": self.jurisdictions,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "entries": self.entries,
            "sha256": self.sha256,
            "bundled": self.bundled,
        }


IdentifierType = Literal["registration", "tax", "lei", "passport", "national_id", "imo", "other"]


class PartyIdentifier(BaseModel):
    """An identifier the dealer holds for a party (lot format `identifiers[]`)."""

    model_config = ConfigDict(frozen=True)

    type: IdentifierType
    value: str
    country: str | None = None


class PartyQuery(BaseModel):
    """A party to screen and what the dealer knows of it; every fact but the name is optional."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: str | None = None  # "organization" | "person"
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    registration_number: str | None = None  # the older single identifier: type `registration`
    birth_date: date | None = None
    birth_year: int | None = None  # when only the year is known (refines person matches)
    nationality: str | None = None  # ISO alpha-2 (persons)
    identifiers: list[PartyIdentifier] = Field(default_factory=list)

    def all_identifiers(self) -> list[PartyIdentifier]:
        """`identifiers` plus `registration_number` as a registration identifier."""
        out = list(self.identifiers)
        if self.registration_number:
            out.append(PartyIdentifier(type="registration", value=self.registration_number))
        return out


class Match(BaseModel):
    model_config = ConfigDict(frozen=True)

    query: str
    list: str
    entry_id: str  # the identifier the official list itself gives (OFAC ent_num, UN reference, ...)
    name: str  # the listed primary name
    alias: str  # the name or alias that matched
    score: float  # 0..1
    # an automatic block is justified: an equal identifier, a name match plus a corroborating fact, or an
    # exact match on a distinctive (not common personal) name; never for a weak alias
    strong: bool
    jurisdictions: builtins.list[str]
    bindings: builtins.list[Binding]
    why: str
    entity_type: str | None = None
    programmes: builtins.list[str] = Field(default_factory=builtins.list)
    # exact normalised name or equal identifier, corroborated or not: dismissing it needs a recorded
    # distinguishing fact
    exact: bool = False
    corroborated_by: builtins.list[str] = Field(
        default_factory=builtins.list
    )  # e.g. "date of birth 1957-01-02"
    conflicts: builtins.list[str] = Field(
        default_factory=builtins.list
    )  # e.g. "birth year 1980, listed 1957"
    common_name: bool = False  # the name is a common personal name: confirm identity before blocking
    weak_alias: bool = False  # matched a low-quality alias: can alert, never block

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "list": self.list,
            "entry_id": self.entry_id,
            "name": self.name,
            "alias": self.alias,
            "score": round(self.score, 4),
            "strong": self.strong,
            "exact": self.exact,
            "corroborated_by": self.corroborated_by,
            "conflicts": self.conflicts,
            "common_name": self.common_name,
            "weak_alias": self.weak_alias,
            "jurisdictions": self.jurisdictions,
            "why": self.why,
        }


def decision_key(party: str, list_id: str, entry_id: str) -> tuple[str, str, str]:
    """What a recorded decision is about: this screened name (case and outer spaces aside), this entry."""
    return (party.casefold().strip(), list_id, entry_id)


class DifferingFact(BaseModel):
    """An identifying fact that tells the party apart from a listed entry (needed to dismiss an exact match)."""

    model_config = ConfigDict(frozen=True)

    field: str  # date_of_birth, nationality, registration, passport, country, address, ...
    party_value: str
    listed_value: str = ""  # as the list gives it; empty when the list gives none

    def describe(self, language: str = "en") -> str:
        """The fact in words, in English or French (the one wording: checks, the window, the attestation)."""
        words = _FACT_WORDS.get(language, _FACT_WORDS["en"])
        name = fact_label(self.field, language)
        listed = self.listed_value or words["(not given)"]
        return words["(template)"].format(field=name, party=self.party_value, listed=listed)


def fact_label(field: str, language: str = "en") -> str:
    """An identifying fact's name ("date of birth", "passport"...) in English or French."""
    return _FACT_WORDS.get(language, _FACT_WORDS["en"]).get(field, field.replace("_", " "))


# The identifying facts a dismissal can rest on, named per language.
_FACT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "(template)": "{field}: party {party}, listed {listed}",
        "(not given)": "not given by the list",
        "date_of_birth": "date of birth",
        "nationality": "nationality",
        "registration": "registration number",
        "tax": "tax number",
        "lei": "LEI",
        "passport": "passport",
        "national_id": "national identity number",
        "imo": "IMO number",
        "country": "country",
        "address": "address",
        "other": "other identifier",
    },
    "fr": {
        "(template)": "{field}\u00a0: partie {party}, liste {listed}",
        "(not given)": "non indiqué par la liste",
        "date_of_birth": "date de naissance",
        "nationality": "nationalité",
        "registration": "numéro d'immatriculation",
        "tax": "numéro fiscal",
        "lei": "LEI",
        "passport": "passeport",
        "national_id": "numéro d'identité nationale",
        "imo": "numéro OMI",
        "country": "pays",
        "address": "adresse",
        "other": "autre identifiant",
    },
}


class Decision(StrEnum):
    MATCH = "match"
    NOT_A_MATCH = "not_a_match"


class ScreeningDecision(BaseModel):
    """A person's ruling on one possible match; it is stored in the register and shown in every output."""

    model_config = ConfigDict(frozen=True)

    party: str  # the screened name exactly as queried
    list: str
    entry_id: str
    decision: Decision
    reason: str
    decided_by: str
    decided_at: datetime
    differs: builtins.list[DifferingFact] = Field(default_factory=builtins.list)
    confirmed_by: str | None = None  # a second person, where the firm asks for one (four eyes)
    confirmed_at: datetime | None = None

    def key(self) -> tuple[str, str, str]:
        return decision_key(self.party, self.list, self.entry_id)
