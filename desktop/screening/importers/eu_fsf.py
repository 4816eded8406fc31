"""EU Financial Sanctions Files (FSF) XML export: sanctionEntity records with multilingual aliases."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from desktop.screening.importers.common import (
    ParsedList,
    Progress,
    children,
    countries_of,
    iter_records,
    parse_date,
    root_attributes,
    sha256_of,
)
from desktop.screening.model import Alias, Entry, Identifier

ROOT = "export"
NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
_KINDS = {"person": "person", "enterprise": "organization", "vessel": "vessel", "aircraft": "aircraft"}


def _entry(elem: Element) -> Entry | None:
    names: list[Alias] = []
    primary_index = -1
    for na in children(elem, "nameAlias"):
        whole = " ".join(na.get("wholeName", "").split())
        if not whole:
            continue
        remark = " ".join((r.text or "") for r in children(na, "remark")).lower()
        strong = na.get("strong", "true") != "false" and "low quality" not in remark
        if primary_index < 0 and strong and na.get("lastName"):
            primary_index = len(names)  # the record's structured (first/last name) form is its main name
        names.append(Alias(name=whole, strong=strong))
    if not names:
        return None
    subject = children(elem, "subjectType")
    kind = _KINDS.get(subject[0].get("code", "") if subject else "", "unknown")
    country_codes = [
        c.get("countryIso2Code", "") for tag in ("citizenship", "address") for c in children(elem, tag)
    ]
    births = [b.get("birthdate") or b.get("year") or "" for b in children(elem, "birthdate")]
    idents = [
        Identifier(kind=i.get("identificationTypeDescription") or "identification", value=i.get("number", ""))
        for i in children(elem, "identification")
        if i.get("number")
    ]
    programmes = sorted({r.get("programme", "") for r in children(elem, "regulation") if r.get("programme")})
    remarks = " ".join((r.text or "").strip() for r in children(elem, "remark"))
    primary = names[primary_index] if primary_index >= 0 else next((a for a in names if a.strong), names[0])
    return Entry(
        id=elem.get("logicalId") or elem.get("euReferenceNumber") or primary.name,
        kind=kind,
        name=primary.name,
        aliases=[a for a in names if a is not primary],
        countries=countries_of(country_codes),
        birth_dates=[b for b in births if b],
        identifiers=idents,
        programmes=programmes,
        listed_on=parse_date(elem.get("designationDate")),
        remarks=(f"EU ref {elem.get('euReferenceNumber', '')}. " + remarks)[:500],
    )


def read(path: Path, progress: Progress | None = None) -> ParsedList:
    attrs = root_attributes(path)
    entries = [
        e for e in (_entry(x) for x in iter_records(path, {"sanctionEntity"}, progress)) if e is not None
    ]
    return ParsedList(
        id="EU-FSF",
        name="EU Financial Sanctions Files (consolidated list)",
        source=path.name,
        jurisdictions=["EU"],
        as_of=parse_date(attrs.get("generationDate")),
        sha256=sha256_of([path]),
        format="EU FSF XML",
        entries=entries,
    )
