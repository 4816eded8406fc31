"""What the register holds, for people: recent checks and attestations, a record, exports, the chain check."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.attestation.anchors import AnchorCheck
    from desktop.register import AttestationRecord, ChainReport, RecordSummary
    from desktop.service.workspace import Workspace


def recent(ws: Workspace, limit: int = 8) -> list[RecordSummary]:
    """The latest checks and attestations; none (and nothing created) without a register."""
    if not ws.has_register():
        return []
    from desktop.register import RecordKind

    return list(ws.register().list_records([RecordKind.ASSESSMENT, RecordKind.ATTESTATION], limit=limit))


def show(ws: Workspace, ref: str) -> dict[str, Any]:
    return ws.register().show(ref)


def attestation(ws: Workspace, number: str) -> AttestationRecord | None:
    return ws.register().attestation(number)


def export_csv(ws: Workspace, path: Path) -> None:
    ws.register().export_csv(path)


def verify_chain(ws: Workspace) -> ChainReport:
    return ws.register().verify()


def add_evidence_file(ws: Workspace, path: Path) -> str:
    """Keep a scan in the data folder under its SHA-256 (recorded in the register); returns the hash."""
    return ws.register().add_evidence_file(path, now=ws.now())


@dataclass(frozen=True)
class WorkRow:
    """One check or attestation as people name it: the lot, who is on the other side, the verdict, the day,
    the attestation number. `ref` opens the full record (its JSON)."""

    ref: str
    kind: str  # "assessment", "attestation", or another record kind (then only `summary` says what it is)
    at: str  # ISO 8601, UTC
    lot_id: str
    seller: str
    buyer: str
    verdict: str | None
    number: str | None
    summary: str

    @property
    def counterparty(self) -> str:
        """'Seller → Buyer', or the one side that is known."""
        return " → ".join(p for p in (self.seller, self.buyer) if p)


def _sides(counterparty: Any, parties: Any) -> tuple[str, str]:
    seller = buyer = ""
    for party in [counterparty, *(parties if isinstance(parties, list) else [])]:
        if not isinstance(party, dict):
            continue
        role, name = party.get("role") or "seller", str(party.get("name") or "")
        if role == "seller" and not seller:
            seller = name
        elif role == "buyer" and not buyer:
            buyer = name
    return seller, buyer


def work_rows(ws: Workspace, records: Sequence[RecordSummary]) -> list[WorkRow]:
    """The register's records in people's terms, read in one query (the browser lists hundreds)."""
    ids: set[int] = set()
    numbers: set[str] = set()
    for record in records:
        kind, _, key = record.ref.partition(":")
        if kind == "assessment" and key.isdigit():
            ids.add(int(key))
        elif kind == "attestation":
            numbers.add(key)
    facts: dict[int, tuple[str, str, str, str, list[str]]] = {}
    by_number: dict[str, int] = {}
    if (ids or numbers) and ws.has_register():
        conn = ws.register().connection
        if numbers:
            marks = ",".join("?" * len(numbers))
            for number, assessment_id in conn.execute(
                f"SELECT number, assessment_id FROM attestations WHERE number IN ({marks})", sorted(numbers)
            ):
                by_number[number] = assessment_id
                ids.add(assessment_id)
        if ids:
            marks = ",".join("?" * len(ids))
            rows = conn.execute(
                "SELECT a.id, a.lot_id, a.verdict, json_extract(a.json, '$.lot.counterparty'),"
                " json_extract(a.json, '$.lot.parties'),"
                " (SELECT group_concat(number) FROM attestations t WHERE t.assessment_id = a.id)"
                f" FROM assessments a WHERE a.id IN ({marks})",
                sorted(ids),
            )
            for assessment_id, lot_id, verdict, counterparty, parties, attested in rows:
                seller, buyer = _sides(
                    json.loads(counterparty) if counterparty else None,
                    json.loads(parties) if parties else None,
                )
                numbers_of = sorted(attested.split(",")) if attested else []
                facts[assessment_id] = (lot_id, verdict, seller, buyer, numbers_of)
    made: list[WorkRow] = []
    for record in records:
        kind, _, key = record.ref.partition(":")
        assessment_id = int(key) if kind == "assessment" and key.isdigit() else by_number.get(key)
        found = facts.get(assessment_id) if assessment_id is not None else None
        if found is None:
            made.append(
                WorkRow(record.ref, kind, record.at, record.lot_id or "", "", "", None, None, record.summary)
            )
            continue
        lot_id, verdict, seller, buyer, attested = found
        number = key if kind == "attestation" else (attested[-1] if attested else None)
        made.append(
            WorkRow(record.ref, kind, record.at, lot_id, seller, buyer, verdict, number, record.summary)
        )
    return made


def recent_work(ws: Workspace, limit: int = 8) -> list[WorkRow]:
    """The latest checks and attestations, in people's terms; an attestation stands for the check it signed."""
    rows = work_rows(ws, recent(ws, limit * 2))
    attested = {r.number for r in rows if r.kind == "attestation"}
    shown = [r for r in rows if not (r.kind == "assessment" and r.number in attested)]
    return shown[:limit]


def check_against(ws: Workspace, pdfs: Sequence[Path]) -> list[AnchorCheck]:
    """Hold signed attestations (copies kept elsewhere) against the register: each must be in it with the same
    PDF, and the chain head it printed must still be there with the same hash. A mismatch names a rewrite, a
    missing entry a rollback (`register verify --against`)."""
    from desktop.attestation.anchors import check_against as against
    from desktop.service.errors import ServiceError
    from desktop.service.verifying import trusted_certificates

    documents: list[tuple[str, bytes]] = []
    for path in pdfs:
        try:
            documents.append((path.name, path.read_bytes()))
        except OSError as exc:
            raise ServiceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return against(ws.register(), documents, trusted_certificates(ws), now=ws.now())
