"""Plain data the register hands out: record summaries, attestations, review rulings, reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict


class RecordKind(StrEnum):
    LOT = "lot"
    ASSESSMENT = "assessment"
    DECISION = "decision"
    EVIDENCE = "evidence"
    ATTESTATION = "attestation"
    DRAFT = "draft"
    RESCREEN = "rescreen"
    RESTORE = "restore"


class ReviewResolution(BaseModel):
    """A person's ruling on a `review` finding: which rule, what they decided, who, when and why."""

    model_config = ConfigDict(frozen=True)

    jurisdiction: str
    rule: str
    resolution: str  # the verdict the person settled on, e.g. "cleared" or "blocked"
    reason: str
    decided_by: str
    decided_at: datetime
    lot_id: str | None = None
    assessment_id: int | None = None


@dataclass(frozen=True)
class RecordSummary:
    """One line of `register list`: enough to find a record and cite its hash."""

    ref: str  # "assessment:17", "attestation:CS-2026-000001", ...
    kind: RecordKind
    at: str  # ISO 8601, UTC
    lot_id: str | None
    summary: str
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "kind": self.kind.value,
            "at": self.at,
            "lot_id": self.lot_id,
            "summary": self.summary,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class AttestationRecord:
    number: str
    year: int
    assessment_id: int
    pdf_sha256: str
    pdf: bytes
    issued_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "year": self.year,
            "assessment_id": self.assessment_id,
            "pdf_sha256": self.pdf_sha256,
            "pdf_bytes": len(self.pdf),
            "issued_at": self.issued_at.isoformat(),
        }


@dataclass(frozen=True)
class Draft:
    key: str
    json_text: str
    saved_at: datetime


@dataclass(frozen=True)
class ChainProblem:
    seq: int  # the audit entry concerned (for a record problem: the entry that logged the record)
    problem: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "problem": self.problem}


@dataclass(frozen=True)
class ChainReport:
    """What `verify()` found: the chain's length and head, and every problem, first one first."""

    entries: int
    head_hash: str
    integrity: str  # "ok" or SQLite's first integrity_check message
    problems: list[ChainProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.problems

    @property
    def first_bad(self) -> ChainProblem | None:
        return self.problems[0] if self.problems else None

    def describe(self) -> str:
        if self.ok:
            return f"register intact: {self.entries} audit entries, head {self.head_hash[:16]}"
        if self.integrity != "ok":
            return f"register damaged: SQLite integrity check failed ({self.integrity})"
        first = self.problems[0]
        more = len(self.problems) - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        where = f"audit entry {first.seq}: " if first.seq else ""
        return f"{where}{first.problem}{tail}"

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head_hash": self.head_hash,
            "integrity": self.integrity,
            "first_bad": self.problems[0].to_json() if self.problems else None,
            "problems": [p.to_json() for p in self.problems],
        }


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore did: the restored register's report, the safety copy, and any rollback it forced."""

    report: ChainReport
    safety_copy: Path | None
    forced: bool = False
    rollback: list[str] = field(default_factory=list)  # why it was a rollback (empty when it was not)
    dropped: list[str] = field(default_factory=list)  # attestation numbers the replaced register had

    def to_json(self) -> dict[str, Any]:
        return {
            **self.report.to_json(),
            "safety_copy": str(self.safety_copy) if self.safety_copy else None,
            "forced": self.forced,
            "rollback": self.rollback,
            "dropped_attestations": self.dropped,
        }


@dataclass(frozen=True)
class RescreenChange:
    assessment_id: int
    lot_id: str
    attestation: str | None
    role: str  # "counterparty" or "owner"
    party: str
    change: str  # "new_match" or "match_gone"
    list: str
    entry_id: str
    listed_name: str

    @property
    def message(self) -> str:
        subject = (
            f"attestation {self.attestation}" if self.attestation else f"assessment {self.assessment_id}"
        )
        who = self.role if self.role == "counterparty" else f"owner {self.party}"
        verb = "now matches" if self.change == "new_match" else "no longer matches"
        return (
            f"{who} of {subject} (lot {self.lot_id}) {verb} {self.list} {self.entry_id} ({self.listed_name})"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "assessment_id": self.assessment_id,
            "lot_id": self.lot_id,
            "attestation": self.attestation,
            "role": self.role,
            "party": self.party,
            "change": self.change,
            "list": self.list,
            "entry_id": self.entry_id,
            "listed_name": self.listed_name,
            "message": self.message,
        }


@dataclass(frozen=True)
class RescreenReport:
    run_id: int
    assessments: int
    parties: int
    changes: list[RescreenChange]

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "assessments": self.assessments,
            "parties": self.parties,
            "changes": [c.to_json() for c in self.changes],
        }
