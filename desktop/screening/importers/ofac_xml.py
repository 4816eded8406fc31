"""OFAC SDN XML (sdnList): the namespace changes between years, so elements are matched by local name."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from desktop.screening.importers.common import (
    ParsedList,
    Progress,
    child_text,
    countries_of,
    descendants,
    iter_records,
    parse_date,
    partial_date,
    sha256_of,
)
from desktop.screening.importers.ofac_csv import NON_SDN_TAGS
from desktop.screening.model import Alias, Entry, Identifier

ROOT = "sdnList"
_KINDS = {"individual": "person", "entity": "organization", "vessel": "vessel", "aircraft": "aircraft"}


def _name(elem: Element) -> str:
    last, first = child_text(elem, "lastName"), child_text(elem, "firstName")
    return f"{last}, {first}" if last and first else last or first


def _entry(elem: Element) -> Entry | None:
    uid, name = child_text(elem, "uid"), _name(elem)
    if not uid or not name:
        return None
    aliases = [
        Alias(
            name=_name(aka),
            strong=child_text(aka, "category").lower() != "weak",
            kind=child_text(aka, "type").replace(".", "").lower() or "aka",
        )
        for aka in descendants(elem, "aka")
        if _name(aka)
    ]
    idents = [
        Identifier(kind=child_text(i, "idType") or "id", value=child_text(i, "idNumber"))
        for i in descendants(elem, "id")
        if child_text(i, "idNumber")
    ]
    births = [d for d in (partial_date(x.text or "") for x in descendants(elem, "dateOfBirth")) if d]
    countries = [(c.text or "") for tag in ("country", "nationality") for c in descendants(elem, tag)]
    return Entry(
        id=uid,
        kind=_KINDS.get(child_text(elem, "sdnType").lower(), "unknown"),
        name=name,
        aliases=aliases,
        countries=countries_of(countries),
        birth_dates=births,
        identifiers=idents,
        programmes=[(p.text or "").strip() for p in descendants(elem, "program") if (p.text or "").strip()],
        remarks=child_text(elem, "remarks")[:500] or None,
    )


def _non_sdn(elem: Element) -> bool:
    """A record of the consolidated (non-SDN) list: a non-SDN programme tag, or sectoral directive details."""
    tags = {(p.text or "").strip().upper() for p in descendants(elem, "program")}
    details = " ".join(
        [child_text(elem, "remarks"), *(child_text(i, "idType") for i in descendants(elem, "id"))]
    )
    return bool(tags & NON_SDN_TAGS) or "Directive" in details


def _publish_date(text: str) -> date | None:
    """OFAC writes Publish_Date as MM/DD/YYYY: read it so first (03/04/2026 is 4 March, not 3 April)."""
    try:
        return datetime.strptime(text.strip(), "%m/%d/%Y").date()
    except ValueError:
        return parse_date(text)


def read(path: Path, progress: Progress | None = None) -> ParsedList:
    published = None
    entries: list[Entry] = []
    non_sdn = 0
    for elem in iter_records(path, {"sdnEntry", "publshInformation"}, progress):
        if elem.tag.endswith("publshInformation"):
            published = _publish_date(child_text(elem, "Publish_Date"))
            continue
        entry = _entry(elem)
        if entry is not None:
            entries.append(entry)
            non_sdn += _non_sdn(elem)
    # SDN.XML and CONSOLIDATED.XML share one schema: the consolidated file is told apart by its content,
    # with the same rule as the legacy CSV set.
    consolidated = bool(entries) and non_sdn >= 0.3 * len(entries)
    return ParsedList(
        id="OFAC-CONS" if consolidated else "OFAC-SDN",
        name="OFAC Consolidated (non-SDN) List"
        if consolidated
        else "OFAC Specially Designated Nationals List",
        source=path.name,
        jurisdictions=["US"],
        as_of=published,
        sha256=sha256_of([path]),
        format="OFAC consolidated XML" if consolidated else "OFAC SDN XML",
        entries=entries,
    )
