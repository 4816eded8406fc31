"""OpenSanctions FollowTheMoney JSON lines: target entities, with bindings taken from their datasets."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from desktop.screening.errors import ListFormatError
from desktop.screening.importers.common import (
    ALL_JURISDICTIONS,
    ParsedList,
    Progress,
    check_size,
    countries_of,
    parse_date,
    sha256_of,
)
from desktop.screening.model import Alias, Entry, Identifier
from desktop.screening.types import Binding

_KINDS = {
    "Person": "person", "Company": "organization", "Organization": "organization", "LegalEntity": "unknown",
    "PublicBody": "organization", "Vessel": "vessel", "Airplane": "aircraft",
}  # fmt: skip
_ID_PROPS = (
    "registrationNumber",
    "innCode",
    "ogrnCode",
    "taxNumber",
    "idNumber",
    "imoNumber",
    "leiCode",
    "swiftBic",
)
# Which OpenSanctions datasets are which jurisdiction's official list.
_DATASET_JURISDICTION = {
    "us_ofac_sdn": "US", "us_ofac_cons": "US", "eu_fsf": "EU", "eu_journal_sanctions": "EU",
    "gb_hmt_sanctions": "UK", "gb_fcdo_sanctions": "UK", "ca_dfatd_sema_sanctions": "CA",
    "jp_mof_sanctions": "JP", "jp_meti_ru": "JP", "ch_seco_sanctions": "CH", "au_dfat_sanctions": "AU",
    "nz_russia_sanctions": "NZ",
}  # fmt: skip


def _props(obj: dict[str, Any], name: str) -> list[str]:
    values = obj.get("properties", {}).get(name, [])
    return [str(v) for v in values if isinstance(v, str | int) and str(v).strip()]


def _load(path: Path, progress: Progress | None) -> list[dict[str, Any]]:
    total = check_size(path)
    objs: list[dict[str, Any]] = []
    done = 0
    with path.open("rb") as fh:
        for line_no, raw in enumerate(fh, start=1):
            done += len(raw)
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError:
                raise ListFormatError(
                    f"{path.name} line {line_no}: not valid JSON (truncated file?)"
                ) from None
            if not isinstance(obj, dict) or "schema" not in obj or "id" not in obj:
                raise ListFormatError(f"{path.name} line {line_no}: not a FollowTheMoney entity")
            objs.append(obj)
            if progress is not None and line_no % 5000 == 0:
                progress(done, total)
    return objs


def read(path: Path, progress: Progress | None = None) -> ParsedList:
    objs = _load(path, progress)
    listings: dict[str, dict[str, str | None]] = defaultdict(dict)
    for obj in objs:
        if obj["schema"] == "Sanction":
            dates = _props(obj, "listingDate") or _props(obj, "startDate")
            when = dates[0] if dates else None
            for target in _props(obj, "entity"):
                for ds in obj.get("datasets", []):
                    code = _DATASET_JURISDICTION.get(ds)
                    if code and not listings[target].get(code):
                        listings[target][code] = when
    entries: list[Entry] = []
    jurisdictions: set[str] = set()
    newest = None
    for obj in objs:
        kind = _KINDS.get(obj["schema"])
        if kind is None or not obj.get("target"):
            continue
        names = _props(obj, "name")
        if not names:
            continue
        juris = {_DATASET_JURISDICTION[d] for d in obj.get("datasets", []) if d in _DATASET_JURISDICTION}
        juris |= set(listings.get(obj["id"], {}))
        if "un_sc_sanctions" in obj.get("datasets", []):
            juris |= set(ALL_JURISDICTIONS)
        jurisdictions |= juris
        listed = listings.get(obj["id"], {})
        bindings = [
            Binding(
                jurisdiction=j, listed_on=parse_date(listed.get(j)), confidence="S", note="via OpenSanctions"
            )
            for j in sorted(juris)
        ]
        aliases = [Alias(name=n) for n in names[1:] + _props(obj, "alias") + _props(obj, "previousName")]
        aliases += [Alias(name=n, strong=False) for n in _props(obj, "weakAlias")]
        idents = [Identifier(kind=p, value=v) for p in _ID_PROPS for v in _props(obj, p)]
        countries = [
            c for p in ("country", "nationality", "jurisdiction", "citizenship") for c in _props(obj, p)
        ]
        # The export run sees every current entity, so the newest `last_seen` is the export's date.
        last = parse_date(obj.get("last_seen") or obj.get("last_change"))
        newest = max(newest, last) if newest and last else newest or last
        entries.append(
            Entry(
                id=obj["id"],
                kind=kind,
                name=(obj.get("caption") or names[0]),
                aliases=[a for a in aliases if a.name != obj.get("caption")]
                + ([Alias(name=names[0])] if obj.get("caption") and obj.get("caption") != names[0] else []),
                countries=countries_of(countries),
                birth_dates=_props(obj, "birthDate"),
                identifiers=idents,
                programmes=_props(obj, "program"),
                listed_on=parse_date(next(iter(_props(obj, "createdAt")), None)),
                remarks="; ".join(_props(obj, "notes"))[:500] or None,
                bindings=bindings,
            )
        )
    if not entries:
        raise ListFormatError(f"{path.name}: FollowTheMoney file with no sanctioned target entities")
    return ParsedList(
        id="OS-FTM",
        name="OpenSanctions FollowTheMoney export",
        source=path.name,
        jurisdictions=sorted(jurisdictions),
        as_of=newest,
        sha256=sha256_of([path]),
        format="OpenSanctions FtM JSON lines",
        entries=entries,
        confidence="S",
    )
