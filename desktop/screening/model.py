"""A sanctions list entry as every importer produces it and the matcher and the store consume it."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from desktop.screening.types import Binding

ENTRY_KINDS = ("person", "organization", "vessel", "aircraft", "unknown")


class Alias(BaseModel):
    """Another name of an entry; a weak alias (low-quality a.k.a.) never matches strongly on its own."""

    model_config = ConfigDict(frozen=True)

    name: str
    strong: bool = True
    kind: str = "aka"  # aka, fka, nka, original-script


class Identifier(BaseModel):
    """A registration number, tax id (INN), state registration (OGRN), IMO number, passport..."""

    model_config = ConfigDict(frozen=True)

    kind: str
    value: str


class SourceRef(BaseModel):
    """Where a bundled entry's facts come from: official list, its entry id, programme, date and URL."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    list: str
    entry_id: str | None = None
    programme: str | None = None
    listed_on: date | None = None
    url: str | None = None
    confidence: str = "S"
    note: str | None = None


class Entry(BaseModel):
    """One listed party. `id` is the identifier the official list gives (OFAC ent_num, UN reference...)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    kind: str = "unknown"
    name: str
    aliases: list[Alias] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)  # ISO 3166 alpha-2 where known
    birth_dates: list[str] = Field(default_factory=list)  # ISO, possibly partial: "1965" or "1965-04-14"
    identifiers: list[Identifier] = Field(default_factory=list)
    programmes: list[str] = Field(default_factory=list)
    listed_on: date | None = None
    remarks: str | None = None
    # Only the bundled list carries these: per-jurisdiction bindings, citations and 50 % rule ownership.
    bindings: list[Binding] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    owned_by: str | None = None

    def all_names(self) -> list[tuple[str, bool]]:
        """Primary name and aliases with their strength, duplicates removed, primary first."""
        seen: set[str] = set()
        out: list[tuple[str, bool]] = []
        for text, strong in [(self.name, True), *((a.name, a.strong) for a in self.aliases)]:
            key = text.strip()
            if key and key not in seen:
                seen.add(key)
                out.append((key, strong))
        return out
