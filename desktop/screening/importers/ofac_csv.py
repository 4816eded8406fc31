"""OFAC legacy CSV sets: sdn/add/alt/sdn_comments and the consolidated cons_* files, joined on ent_num."""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import re
from collections import defaultdict
from collections.abc import Generator, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO

from desktop.screening.errors import ListFormatError
from desktop.screening.importers.common import (
    ParsedList,
    Progress,
    StreamedEntries,
    check_size,
    countries_of,
    partial_date,
)
from desktop.screening.model import Alias, Entry, Identifier

# Columns of each legacy file, which is how a file's role is recognised from its content.
PRIMARY_COLUMNS = (
    12  # ent_num, name, type, programs, title, call_sign, vess_type, tonnage, grt, flag, owner, remarks
)
ALIAS_COLUMNS = 5  # ent_num, alt_num, alt_type, alt_name, remarks
ADDRESS_COLUMNS = 6  # ent_num, add_num, address, city/state/zip, country, remarks
COMMENT_COLUMNS = 2  # ent_num, remarks overflow
_ALIAS_TYPES = {"aka", "fka", "nka"}
# Programme tags of the non-SDN lists (the consolidated file): sectoral, Palestinian Legislative Council, CMIC...
NON_SDN_TAGS = {
    "NS-PLC",
    "CMIC-EO13959",
    "561-RELATED",
    "CAATSA - RUSSIA",
    "NS-ISA",
    "FSE-IR",
    "FSE-SY",
    "SSI",
}
_ID_PATTERNS = re.compile(
    r"(Tax ID No\.|Registration Number|Registration ID|Company Number|Legal Entity Number|IMO|"
    r"National ID No\.|Passport|Government Gazette Number|Business Registration Number|"
    r"Enterprise Number|V\.A\.T\. Number|VAT Number)\s+([A-Za-z0-9][A-Za-z0-9./-]{3,})"
)
_DOB = re.compile(r"DOB ((?:\d{1,2} [A-Z][a-z]{2} )?\d{4})")
_WEAK_AKA = re.compile(r"a\.k\.a\. '([^']+)'")
_KINDS = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft"}


def _value(field: str) -> str:
    v = field.strip()
    return "" if v == "-0-" else v


def _rows(name: str, raw: IO[bytes]) -> Generator[list[str], None, None]:
    """Rows of a legacy CSV as they are read: Latin-1 safe, Ctrl-Z dropped, blank lines skipped."""
    with io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="") as text:
        try:
            for row in csv.reader(line.replace("\x1a", "") for line in text):
                if row and any(map(str.strip, row)):
                    yield row
        except csv.Error as exc:
            raise ListFormatError(f"{name}: not a readable CSV ({exc})") from None


def read_rows(path: Path) -> list[list[str]]:
    """Every row of a legacy CSV (blank lines skipped)."""
    check_size(path)
    with path.open("rb") as fh:
        return list(_rows(path.name, fh))


def head_rows(path: Path, count: int = 5) -> list[list[str]]:
    """The first rows of a CSV, enough to tell its format: detection reads no more of a large file."""
    check_size(path)
    with path.open("rb") as fh:
        rows = _rows(path.name, fh)
        try:
            return list(itertools.islice(rows, count))
        finally:
            rows.close()  # closes the text reader now, not when collected


def role_of(rows: list[list[str]]) -> str | None:
    """'primary', 'alias', 'address' or 'comments' when the first row has that file's shape, else None."""
    if not rows or not rows[0][0].strip().isdigit():
        return None
    width = len(rows[0])
    if width == ALIAS_COLUMNS and rows[0][2].strip().strip('"').lower() in _ALIAS_TYPES:
        return "alias"
    return {PRIMARY_COLUMNS: "primary", ADDRESS_COLUMNS: "address", COMMENT_COLUMNS: "comments"}.get(width)


_WIDTHS = {"primary": PRIMARY_COLUMNS, "alias": ALIAS_COLUMNS, "address": ADDRESS_COLUMNS}


def _checked_rows(name: str, data: bytes, width: int) -> Iterator[list[str]]:
    """The rows of one file of the set, each checked as it is read: its width, a numeric entity number."""
    for line, row in enumerate(_rows(name, io.BytesIO(data)), start=1):
        if len(row) != width:
            raise ListFormatError(
                f"{name} row {line}: expected {width} columns, found {len(row)} (file damaged or not OFAC CSV)"
            )
        if not row[0].strip().isdigit():
            raise ListFormatError(f"{name} row {line}: entity number {row[0][:20]!r} is not a number")
        yield row


def _non_sdn(row: list[str]) -> bool:
    return _non_sdn_programmes(row[3]) or "Directive" in row[11]


@lru_cache(maxsize=4096)
def _non_sdn_programmes(programs: str) -> bool:
    """Whether a programmes cell names a non-SDN list (a list repeats a few hundred distinct cells)."""
    tags = {t.strip().upper() for t in _value(programs).replace("]", "").split("[")}
    return bool(tags & NON_SDN_TAGS)


def read_set(files: dict[str, Path], progress: Progress | None = None) -> ParsedList:
    """Join one OFAC set: a primary file (sdn.csv / cons_prim.csv) and/or an alias file, plus the others.

    Every file is read once, its bytes hashed and checked whole (widths, entity numbers) before anything
    is stored; the primary file's entries are then made from those same bytes as the store writes them
    (StreamedEntries), so a million-entry set is never held as a million Entry objects.
    """
    if "primary" not in files and "alias" not in files:
        raise ListFormatError(
            "an OFAC address or comments file cannot be imported without its sdn.csv or alt.csv"
        )
    data: dict[str, bytes] = {}
    digest = hashlib.sha256()  # as sha256_of: the files' bytes in name order
    for role, path in sorted(files.items(), key=lambda item: item[1].name):
        check_size(path)
        data[role] = path.read_bytes()
        digest.update(data[role])

    def rows(role: str) -> Iterator[list[str]]:
        if role not in files:
            return iter(())
        return _checked_rows(files[role].name, data[role], _WIDTHS.get(role, COMMENT_COLUMNS))

    remarks: dict[str, str] = defaultdict(str)
    for row in rows("comments"):
        remarks[row[0].strip()] += _value(row[1])
    # (name, strong, kind): Alias objects are made with their entry
    aliases: dict[str, list[tuple[str, bool, str]]] = defaultdict(list)
    for row in rows("alias"):
        name = _value(row[3])
        if name:
            kind = _value(row[2]).lower() or "aka"
            aliases[row[0].strip()].append((name, kind != "weak", kind))
    countries: dict[str, list[str]] = defaultdict(list)
    for row in rows("address"):
        if _value(row[4]):
            countries[row[0].strip()].append(_value(row[4]))
    count = non_sdn = 0
    for row in rows("primary"):  # the whole file is checked here, before the store is touched
        count += 1
        non_sdn += _non_sdn(row)
    consolidated = count > 0 and non_sdn >= 0.3 * count
    total = count or len(aliases)
    for role in ("alias", "address", "comments"):
        data.pop(role, None)  # read once: only the primary file's bytes are read again

    def primary_entries() -> Iterator[Entry]:
        for done, row in enumerate(rows("primary"), start=1):
            ent = row[0].strip()
            remark = _value(row[11]) + remarks.get(ent, "")
            yield _entry(ent, _value(row[1]), _value(row[2]), _value(row[3]), remark, aliases, countries)
            if progress is not None and done % 2000 == 0:
                progress(done, total)

    def extract_entries() -> Iterator[Entry]:
        # An alias/address extract without sdn.csv: the first alias stands in for the absent primary name.
        for ent, names in aliases.items():
            remark = "primary name not in the imported files; " + remarks.get(ent, "")
            yield _entry(ent, names[0][0], "", "", remark, {ent: names[1:]}, countries)

    paths = list(files.values())
    kind_names = ", ".join(sorted(p.name for p in paths))
    return ParsedList(
        id="OFAC-CONS" if consolidated else "OFAC-SDN",
        name="OFAC Consolidated (non-SDN) List"
        if consolidated
        else "OFAC Specially Designated Nationals List",
        source=kind_names + ("" if count else " (alias extract: primary names absent)"),
        jurisdictions=["US"],
        # The legacy CSV set carries no publication date; a file's date would be a guess, not a fact.
        as_of=None,
        sha256=digest.hexdigest(),
        format="OFAC legacy CSV",
        entries=StreamedEntries(total, primary_entries if count else extract_entries),
    )


def _entry(
    ent: str,
    name: str,
    sdn_type: str,
    programs: str,
    remark: str,
    aliases: dict[str, list[tuple[str, bool, str]]],
    countries: dict[str, list[str]],
) -> Entry:
    kind = _KINDS.get(sdn_type.lower(), "organization")
    extra: list[Alias] = []
    idents: list[Identifier] = []
    births: list[str] = []
    if remark:  # many entries have none: three scans saved
        # OFAC's quoted a.k.a.s in the remarks are its "weak" aliases: they may alert, never block
        extra = [Alias(name=m.group(1).strip(), kind="aka", strong=False) for m in _WEAK_AKA.finditer(remark)]
        idents = [
            Identifier(kind=m.group(1), value=m.group(2).rstrip(".;,")) for m in _ID_PATTERNS.finditer(remark)
        ]
        births = [d for d in (partial_date(m.group(1)) for m in _DOB.finditer(remark)) if d]
    listed = [Alias(name=n, strong=strong, kind=k) for n, strong, k in aliases.get(ent, ())]
    known = {a.name for a in listed}
    return Entry(
        id=ent,
        kind=kind,
        name=name or (listed[0].name if listed else ent),
        aliases=[*listed, *(a for a in extra if a.name not in known)],
        countries=countries_of(countries.get(ent, [])),
        birth_dates=births,
        identifiers=idents,
        programmes=[t.strip() for t in programs.replace("]", "").split("[") if t.strip()],
        remarks=remark[:500] or None,
    )
