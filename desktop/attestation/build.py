"""Produce a signed attestation from a frozen assessment: content, QR, PDF, signature, in that order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.assessment import Assessment
from desktop.attestation.content import AttestationContent, Issuer, Paper, build_content
from desktop.attestation.qr import encode_qr, payload_for
from desktop.attestation.render import render_attestation
from desktop.attestation.sign import SigningFailedError, sign_pdf
from desktop.attestation.verify import CONTENT_FILE, QR_FILE
from desktop.identity import SigningIdentity
from desktop.rules.result import Verdict

__all__ = [
    "Attestation",
    "AttestationRefusedError",
    "SigningFailedError",
    "build_attestation",
    "check_attestable",
]


class AttestationRefusedError(ValueError):
    """The lot may not be attested: blocked, or open items remain; the message names them."""


@dataclass(frozen=True)
class Attestation:
    content: AttestationContent
    qr_text: str
    pdf: bytes


def refusal_reasons(assessment: Assessment) -> list[str]:
    """Why this assessment cannot be attested (empty when it can): every open item, by jurisdiction."""
    reasons: list[str] = []
    if assessment.verdict is Verdict.BLOCKED:
        reasons.append(f"lot {assessment.lot.lot_id} is blocked")
    for code, rule, summary in assessment.open_items():
        outcome = next(
            f.outcome.value
            for f in assessment.jurisdictions[code].findings
            if f.rule == rule and f.summary == summary
        )
        reasons.append(f"{code} {rule} ({outcome.replace('_', ' ')}): {summary}")
    return reasons


def check_attestable(assessment: Assessment) -> None:
    reasons = refusal_reasons(assessment)
    if reasons:
        raise AttestationRefusedError("cannot attest: " + "; ".join(reasons))


def attestation_attachments(content: AttestationContent, qr_text: str) -> dict[str, tuple[bytes, str, str]]:
    return {
        CONTENT_FILE: (
            content.canonical_json(),
            "application/json",
            "The attested content (clearstone.attestation/1)",
        ),
        QR_FILE: (qr_text.encode("ascii"), "text/plain", "The signed QR payload printed on the attestation"),
    }


def build_attestation(
    assessment: Assessment,
    identity: SigningIdentity,
    *,
    number: str,
    issued_at: datetime,
    buyer: str | None = None,
    sow_id: str | None = None,
    paper: Paper = "A4",
    register_head: str | None = None,
) -> Attestation:
    """Refuse a lot that is not attestable; otherwise return the signed PDF and what it states."""
    check_attestable(assessment)
    content = build_content(
        assessment,
        number=number,
        issued_at=issued_at,
        issuer=Issuer.from_identity(identity, sow_id),
        buyer=buyer,
        paper=paper,
        register_head=register_head,
    )
    qr_text = encode_qr(payload_for(content), identity.private_key)
    unsigned = render_attestation(content, qr_text)
    signed = sign_pdf(
        unsigned,
        identity,
        signing_time=issued_at,
        attachments=attestation_attachments(content, qr_text),
        reason=f"Compliance attestation {number} for lot {content.lot.lot_id}",
    )
    return Attestation(content=content, qr_text=qr_text, pdf=signed)
