"""What the register holds, for people: recent checks and attestations, a record, exports, the chain check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
