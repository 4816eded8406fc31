"""UK Sanctions List XML (Designations): entities, individuals and ships; dd/mm/yyyy dates."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from desktop.screening.importers.common import (
    ParsedList,
    Progress,
    child_text,
    children,
    countries_of,
    descendants,
    iter_records,
    parse_date,
    partial_date,
    sha256_of,
)
from desktop.screening.model import Alias, Entry, Identifier

ROOT = "Designations"
_KINDS = {"individual": "person", "entity": "organization", "ship": "vessel"}
_ID_TAGS = ("BusinessRegistrationNumber", "IMONumber", "PassportNumber", "NationalIdentifierNumber")


def _full_name(name: Element) -> str:
    parts = [child_text(name, f"Name{i}") for i in range(1, 7)]
    return " ".join(p for p in parts if p)


def _entry(elem: Element) -> Entry | None:
    primary = ""
    aliases: list[Alias] = []
    for block in children(elem, "Names"):
        for name in children(block, "Name"):
            text = _full_name(name)
            if not text:
                continue
            name_type = child_text(name, "NameType").lower()
            strength = child_text(name, "AliasStrength").lower()
            if name_type == "primary name" and not primary:
                primary = text
            else:
                aliases.append(Alias(name=text, strong="low" not in strength))
    if not primary:
        return None
    for nl in descendants(elem, "NameNonLatinScript"):
        text = (nl.text or "").strip()
        if text:
            aliases.append(Alias(name=text, kind="original-script"))
    kind = _KINDS.get(child_text(elem, "IndividualEntityShip").lower(), "unknown")
    countries = [(c.text or "") for tag in ("AddressCountry", "Nationality") for c in descendants(elem, tag)]
    births = [d for d in (partial_date(x.text or "") for x in descendants(elem, "DOB")) if d]
    idents = [
        Identifier(kind=tag, value=(x.text or "").strip())
        for tag in _ID_TAGS
        for x in descendants(elem, tag)
        if (x.text or "").strip()
    ]
    regime = child_text(elem, "RegimeName")
    return Entry(
        id=child_text(elem, "UniqueID") or primary,
        kind=kind,
        name=primary,
        aliases=aliases,
        countries=countries_of(countries),
        birth_dates=births,
        identifiers=idents,
        programmes=[regime] if regime else [],
        listed_on=parse_date(child_text(elem, "DateDesignated")),
        remarks=child_text(elem, "OtherInformation")[:500] or None,
    )


def read(path: Path, progress: Progress | None = None) -> ParsedList:
    generated = None
    entries: list[Entry] = []
    for elem in iter_records(path, {"Designation", "DateGenerated"}, progress):
        if elem.tag.endswith("DateGenerated"):
            generated = parse_date(elem.text)
            continue
        entry = _entry(elem)
        if entry is not None:
            entries.append(entry)
    return ParsedList(
        id="UK-SL",
        name="UK Sanctions List",
        source=path.name,
        jurisdictions=["UK"],
        as_of=generated,
        sha256=sha256_of([path]),
        format="UK Sanctions List XML",
        entries=entries,
    )
