"""Produce a signed attestation from a frozen assessment: content, QR, PDF, signature, in that order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.assessment import Assessment
from desktop.attestability import refusal_reasons
from desktop.attestation.content import AttestationContent, CoverageGap, Issuer, Paper, build_content
from desktop.attestation.qr import encode_qr, payload_for
from desktop.attestation.render import render_attestation
from desktop.attestation.sign import SigningFailedError, sign_pdf
from desktop.attestation.verify import CONTENT_FILE, QR_FILE
from desktop.attestation.wording import say
from desktop.identity import SigningIdentity
from desktop.rules.language import Language

__all__ = [
    "Attestation",
    "AttestationRefusedError",
    "SigningFailedError",
    "build_attestation",
    "check_attestable",
    "refusal_reasons",
]


class AttestationRefusedError(ValueError):
    """The lot may not be attested: blocked, or open items remain; the message names them."""


@dataclass(frozen=True)
class Attestation:
    content: AttestationContent
    qr_text: str
    pdf: bytes


def check_attestable(assessment: Assessment) -> None:
    """The guard at the point of signing (the application layer has already refused with every reason)."""
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
    coverage_gap: CoverageGap | None = None,
    language: Language = "en",
) -> Attestation:
    """The signed PDF and what it states, its texts in `language` (the caller has checked the lot is
    attestable)."""
    content = build_content(
        assessment,
        number=number,
        issued_at=issued_at,
        issuer=Issuer.from_identity(identity, sow_id),
        buyer=buyer,
        paper=paper,
        register_head=register_head,
        coverage_gap=coverage_gap,
        language=language,
    )
    qr_text = encode_qr(payload_for(content), identity.private_key)
    unsigned = render_attestation(content, qr_text)
    signed = sign_pdf(
        unsigned,
        identity,
        signing_time=issued_at,
        attachments=attestation_attachments(content, qr_text),
        reason=say(language, "pdf_reason", number=number, lot=content.lot.lot_id),
    )
    return Attestation(content=content, qr_text=qr_text, pdf=signed)
