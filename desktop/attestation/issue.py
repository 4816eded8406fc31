"""Issue an attestation through the register: record the assessment, number, build, sign, store in one step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.assessment import Assessment
from desktop.attestation.build import Attestation, build_attestation, check_attestable
from desktop.attestation.content import CoverageGap, Paper
from desktop.identity import SigningIdentity
from desktop.register import Register
from desktop.rules.language import Language


@dataclass(frozen=True)
class IssuedAttestation:
    number: str
    pdf: bytes
    attestation: Attestation
    assessment_id: int


def issue_attestation(
    register: Register,
    assessment: Assessment,
    identity: SigningIdentity,
    *,
    now: datetime,
    buyer: str | None = None,
    sow_id: str | None = None,
    paper: Paper = "A4",
    coverage_gap: CoverageGap | None = None,
    language: Language = "en",
) -> IssuedAttestation:
    """Refuse (AttestationRefusedError) before anything is recorded; otherwise the register reserves the next
    number and stores the signed PDF in the same transaction, so a failure leaves no gap in the numbering."""
    check_attestable(assessment)
    built: list[Attestation] = []

    def pdf_builder(number: str) -> bytes:
        # Runs inside the register's write transaction (same thread, re-entrant lock): the head read here
        # is the last entry before this attestation's own.
        seq, digest = register.head()
        attestation = build_attestation(
            assessment,
            identity,
            number=number,
            issued_at=now,
            buyer=buyer,
            sow_id=sow_id,
            paper=paper,
            register_head=f"{seq}:{digest}",
            coverage_gap=coverage_gap,
            language=language,
        )
        built.append(attestation)
        return attestation.pdf

    with register.transaction():  # all three records, or none (a full disk midway leaves nothing behind)
        register.record_lot(assessment.lot, now=now)
        assessment_id = register.record_assessment(assessment)
        number, pdf = register.issue_attestation(assessment_id, pdf_builder, now=now)
    return IssuedAttestation(number=number, pdf=pdf, attestation=built[-1], assessment_id=assessment_id)
