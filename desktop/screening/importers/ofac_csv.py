"""OFAC legacy CSV sets: sdn/add/alt/sdn_comments and the consolidated cons_* files, joined on ent_num."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from pathlib import Path

from desktop.screening.errors import ListFormatError
from desktop.screening.importers.common import (
    ParsedList,
    Progress,
    check_size,
    countries_of,
    partial_date,
    sha256_of,
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


def _value(field: str) -> str:
    v = field.strip()
    return "" if v == "-0-" else v


def read_rows(path: Path) -> list[list[str]]:
    """Rows of a legacy CSV: Latin-1 safe, trailing Ctrl-Z dropped, blank lines skipped."""
    check_size(path)
    text = path.read_bytes().decode("utf-8", errors="replace").replace("\x1a", "")
    try:
        return [r for r in csv.reader(io.StringIO(text, newline="")) if r and any(c.strip() for c in r)]
    except csv.Error as exc:
        raise ListFormatError(f"{path.name}: not a readable CSV ({exc})") from None


def role_of(rows: list[list[str]]) -> str | None:
    """'primary', 'alias', 'address' or 'comments' when every row has that file's shape, else None."""
    if not rows or not rows[0][0].strip().isdigit():
        return None
    width = len(rows[0])
    if width == ALIAS_COLUMNS and rows[0][2].strip().strip('"').lower() in _ALIAS_TYPES:
        return "alias"
    return {PRIMARY_COLUMNS: "primary", ADDRESS_COLUMNS: "address", COMMENT_COLUMNS: "comments"}.get(width)


def _check_width(path: Path, rows: list[list[str]], width: int) -> None:
    for line, row in enumerate(rows, start=1):
        if len(row) != width:
            raise ListFormatError(
                f"{path.name} row {line}: expected {width} columns, found {len(row)} (file damaged or not OFAC CSV)"
            )
        if not row[0].strip().isdigit():
            raise ListFormatError(f"{path.name} row {line}: entity number {row[0][:20]!r} is not a number")


def _is_consolidated(rows: list[list[str]]) -> bool:
    def non_sdn(row: list[str]) -> bool:
        tags = {t.strip().upper() for t in _value(row[3]).replace("]", "").split("[")}
        return bool(tags & NON_SDN_TAGS) or "Directive" in row[11]

    return sum(non_sdn(r) for r in rows) >= 0.3 * len(rows)


def read_set(files: dict[str, tuple[Path, list[list[str]]]], progress: Progress | None = None) -> ParsedList:
    """Join one OFAC set: a primary file (sdn.csv / cons_prim.csv) and/or an alias file, plus the others."""
    if "primary" not in files and "alias" not in files:
        raise ListFormatError(
            "an OFAC address or comments file cannot be imported without its sdn.csv or alt.csv"
        )
    for role, (path, rows) in files.items():
        width = {"primary": PRIMARY_COLUMNS, "alias": ALIAS_COLUMNS, "address": ADDRESS_COLUMNS}.get(role)
        _check_width(path, rows, width or COMMENT_COLUMNS)
    remarks: dict[str, str] = defaultdict(str)
    for row in files.get("comments", (None, []))[1]:
        remarks[row[0].strip()] += _value(row[1])
    aliases: dict[str, list[Alias]] = defaultdict(list)
    for row in files.get("alias", (None, []))[1]:
        name = _value(row[3])
        if name:
            kind = _value(row[2]).lower() or "aka"
            aliases[row[0].strip()].append(Alias(name=name, strong=kind != "weak", kind=kind))
    countries: dict[str, list[str]] = defaultdict(list)
    for row in files.get("address", (None, []))[1]:
        if _value(row[4]):
            countries[row[0].strip()].append(_value(row[4]))
    entries: list[Entry] = []
    primary_rows = files.get("primary", (None, []))[1]
    consolidated = bool(primary_rows) and _is_consolidated(primary_rows)
    total = len(primary_rows) or len(aliases)
    if primary_rows:
        for done, row in enumerate(primary_rows, start=1):
            ent = row[0].strip()
            remark = _value(row[11]) + remarks.get(ent, "")
            entries.append(
                _entry(ent, _value(row[1]), _value(row[2]), _value(row[3]), remark, aliases, countries)
            )
            if progress is not None and done % 2000 == 0:
                progress(done, total)
    else:
        # An alias/address extract without sdn.csv: the first alias stands in for the absent primary name.
        for ent, names in aliases.items():
            remark = "primary name not in the imported files; " + remarks.get(ent, "")
            entry = _entry(ent, names[0].name, "", "", remark, {ent: names[1:]}, countries)
            entries.append(entry)
    paths = [p for p, _ in files.values()]
    kind_names = ", ".join(sorted(p.name for p in paths))
    return ParsedList(
        id="OFAC-CONS" if consolidated else "OFAC-SDN",
        name="OFAC Consolidated (non-SDN) List"
        if consolidated
        else "OFAC Specially Designated Nationals List",
        source=kind_names + ("" if primary_rows else " (alias extract: primary names absent)"),
        jurisdictions=["US"],
        # The legacy CSV set carries no publication date; a file's date would be a guess, not a fact.
        as_of=None,
        sha256=sha256_of(paths),
        format="OFAC legacy CSV",
        entries=entries,
    )


def _entry(
    ent: str,
    name: str,
    sdn_type: str,
    programs: str,
    remark: str,
    aliases: dict[str, list[Alias]],
    countries: dict[str, list[str]],
) -> Entry:
    kind = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft"}.get(
        sdn_type.lower(), "organization"
    )
    # OFAC's quoted a.k.a.s in the remarks are its "weak" aliases: they may alert, never block
    extra = [
        Alias(name=m.group(1).strip(), kind="aka", strong=False)
        for m in re.finditer(r"a\.k\.a\. '([^']+)'", remark)
    ]
    idents = [
        Identifier(kind=m.group(1), value=m.group(2).rstrip(".;,")) for m in _ID_PATTERNS.finditer(remark)
    ]
    births = [d for d in (partial_date(m.group(1)) for m in _DOB.finditer(remark)) if d]
    known = {a.name for a in aliases.get(ent, [])}
    return Entry(
        id=ent,
        kind=kind,
        name=name or (aliases.get(ent) or [Alias(name=ent)])[0].name,
        aliases=[*aliases.get(ent, []), *(a for a in extra if a.name not in known)],
        countries=countries_of(countries.get(ent, [])),
        birth_dates=births,
        identifiers=idents,
        programmes=[t.strip() for t in programs.replace("]", "").split("[") if t.strip()],
        remarks=remark[:500] or None,
    )
