"""UK Sanctions List CSV: one row per name of a designation, grouped by Unique ID; headers found by name."""

from __future__ import annotations

import re
from collections import OrderedDict
from pathlib import Path

from desktop.screening.errors import ListFormatError
from desktop.screening.importers.common import (
    ParsedList,
    countries_of,
    parse_date,
    partial_date,
    sha256_of,
)
from desktop.screening.model import Alias, Entry, Identifier

_KINDS = {"individual": "person", "entity": "organization", "ship": "vessel"}
# Columns are matched on their header with case, spaces and punctuation ignored, so small wording
# changes between releases ("Nationality(/ies)", "Business registration number (s)") still read.
_ID_COLUMNS = ("businessregistrationnumbers", "imonumber", "passportnumber", "nationalidentifiernumber")


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def header_row(rows: list[list[str]]) -> int | None:
    """Index of the header row (it names Unique ID and Name 6), within the first few rows."""
    for i, row in enumerate(rows[:5]):
        keys = {_key(c) for c in row}
        if "uniqueid" in keys and "name6" in keys:
            return i
    return None


def read(path: Path, rows: list[list[str]]) -> ParsedList:
    at = header_row(rows)
    if at is None:
        raise ListFormatError(f"{path.name}: no UK Sanctions List header row (Unique ID, Name 6)")
    columns = {_key(c): n for n, c in enumerate(rows[at])}
    report = next((parse_date(c.split(":", 1)[1]) for r in rows[:at] for c in r if ":" in c), None)

    def cell(row: list[str], name: str) -> str:
        n = columns.get(name)
        return row[n].strip() if n is not None and n < len(row) else ""

    groups: OrderedDict[str, list[list[str]]] = OrderedDict()
    for line, row in enumerate(rows[at + 1 :], start=at + 2):
        if len(row) != len(rows[at]):
            raise ListFormatError(
                f"{path.name} row {line}: expected {len(rows[at])} columns, found {len(row)} (file damaged?)"
            )
        uid = cell(row, "uniqueid")
        if uid:
            groups.setdefault(uid, []).append(row)
    entries: list[Entry] = []
    for uid, group in groups.items():
        primary = ""
        aliases: list[Alias] = []
        for row in group:
            name = " ".join(p for p in (cell(row, f"name{i}") for i in range(1, 7)) if p)
            if not name:
                continue
            if cell(row, "nametype").lower() == "primary name" and not primary:
                primary = name
            else:
                aliases.append(Alias(name=name, strong="low" not in cell(row, "aliasstrength").lower()))
            non_latin = cell(row, "namenonlatinscript")
            if non_latin:
                aliases.append(Alias(name=non_latin, kind="original-script"))
        if not primary and aliases:
            primary = aliases.pop(0).name
        if not primary:
            continue
        first = group[0]
        kind = cell(first, "designationtype") or cell(first, "individualentityship")
        countries = [cell(r, c) for r in group for c in ("addresscountry", "nationalityies", "nationality")]
        births = [d for d in (partial_date(cell(r, "dob")) for r in group) if d]
        idents = [Identifier(kind=c, value=cell(r, c)) for r in group for c in _ID_COLUMNS if cell(r, c)]
        unique_aliases = list({a.name: a for a in reversed(aliases) if a.name != primary}.values())[::-1]
        entries.append(
            Entry(
                id=uid,
                kind=_KINDS.get(kind.lower(), "unknown"),
                name=primary,
                aliases=unique_aliases,
                countries=countries_of([c for c in countries if c]),
                birth_dates=sorted(set(births)),
                identifiers=list({(i.kind, i.value): i for i in idents}.values()),
                programmes=[cell(first, "regimename")] if cell(first, "regimename") else [],
                listed_on=parse_date(cell(first, "datedesignated")),
                remarks=cell(first, "otherinformation")[:500] or None,
            )
        )
    return ParsedList(
        id="UK-SL",
        name="UK Sanctions List",
        source=path.name,
        jurisdictions=["UK"],
        as_of=report,
        sha256=sha256_of([path]),
        format="UK Sanctions List CSV",
        entries=entries,
    )
