"""UN Security Council Consolidated List XML (CONSOLIDATED_LIST): individuals and entities."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from desktop.screening.importers.common import (
    ALL_JURISDICTIONS,
    ParsedList,
    Progress,
    child_text,
    children,
    countries_of,
    iter_records,
    local,
    parse_date,
    partial_date,
    root_attributes,
    sha256_of,
)
from desktop.screening.model import Alias, Entry, Identifier

ROOT = "CONSOLIDATED_LIST"
_WEAK_QUALITY = {"low"}


def _name(elem: Element) -> str:
    parts = [child_text(elem, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    return " ".join(p for p in parts if p)


def _aliases(elem: Element, tag: str) -> list[Alias]:
    out: list[Alias] = []
    for al in children(elem, tag):
        quality = child_text(al, "QUALITY").lower()
        text = child_text(al, "ALIAS_NAME")
        # one ALIAS_NAME may hold several names joined by "; "
        for part in text.split(";"):
            part = part.strip()
            if part:
                kind = "fka" if quality == "f.k.a." else "aka"
                out.append(Alias(name=part, strong=quality not in _WEAK_QUALITY, kind=kind))
    return out


def _entry(elem: Element, kind: str) -> Entry | None:
    ref = child_text(elem, "REFERENCE_NUMBER").strip()
    name = _name(elem)
    if not ref or not name:
        return None
    prefix = "INDIVIDUAL" if kind == "person" else "ENTITY"
    aliases = _aliases(elem, f"{prefix}_ALIAS")
    original = child_text(elem, "NAME_ORIGINAL_SCRIPT")
    if original:
        aliases.append(Alias(name=original, kind="original-script"))
    country_names = [child_text(a, "COUNTRY") for a in children(elem, f"{prefix}_ADDRESS")]
    for nat in children(elem, "NATIONALITY"):
        country_names.extend((v.text or "") for v in children(nat, "VALUE"))
    births: list[str] = []
    for dob in children(elem, "INDIVIDUAL_DATE_OF_BIRTH"):
        for tag in ("DATE", "YEAR", "FROM_YEAR", "TO_YEAR"):
            value = partial_date(child_text(dob, tag))
            if value:
                births.append(value)
    idents = [
        Identifier(kind=child_text(d, "TYPE_OF_DOCUMENT") or "document", value=child_text(d, "NUMBER"))
        for d in children(elem, "INDIVIDUAL_DOCUMENT")
        if child_text(d, "NUMBER")
    ]
    return Entry(
        id=ref,
        kind=kind,
        name=name,
        aliases=aliases,
        countries=countries_of(country_names),
        birth_dates=births,
        identifiers=idents,
        programmes=[child_text(elem, "UN_LIST_TYPE")] if child_text(elem, "UN_LIST_TYPE") else [],
        listed_on=parse_date(child_text(elem, "LISTED_ON")),
        remarks=child_text(elem, "COMMENTS1")[:500] or None,
    )


def read(path: Path, progress: Progress | None = None) -> ParsedList:
    attrs = root_attributes(path)
    entries: list[Entry] = []
    for elem in iter_records(path, {"INDIVIDUAL", "ENTITY"}, progress):
        entry = _entry(elem, "person" if local(elem.tag) == "INDIVIDUAL" else "organization")
        if entry is not None:
            entries.append(entry)
    return ParsedList(
        id="UN",
        name="UN Security Council Consolidated List",
        source=path.name,
        jurisdictions=list(ALL_JURISDICTIONS),
        as_of=parse_date(attrs.get("dateGenerated")),
        sha256=sha256_of([path]),
        format="UN consolidated XML",
        entries=entries,
    )
