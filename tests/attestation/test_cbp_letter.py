"""The importer's US CBP self-certification letter (US-R6)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from desktop.attestation.build import Attestation
from desktop.attestation.cbp_letter import NoCbpCertificationError, build_cbp_letter, render_cbp_letter
from desktop.attestation.content import Issuer, build_content
from desktop.attestation.declarations import CBP_NON_INDUSTRIAL
from desktop.attestation.verify import verify_pdf
from desktop.identity import SigningIdentity
from tests.attestation.helpers import NOW, assessment, lot


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))


def test_letter_carries_the_exact_sentence_and_references(
    attestation: Attestation, identity: SigningIdentity
) -> None:
    pdf = build_cbp_letter(
        attestation.content, identity, signed_at=NOW, address="Hoveniersstraat 30, 2018 Antwerpen"
    )
    text = _text(pdf)
    assert CBP_NON_INDUSTRIAL in text
    for fact in ("Antwerpse Diamanthandel Ελλάς BV", "Hoveniersstraat 30", "KRT-26-1184", "KRT/2026/1184",
                 "CS-2026-000042", "Entry number", "CBP03", "Анна Петрова-Ødegård", "Page 1 of 1"):  # fmt: skip
        assert fact in text, fact
    # Signed with the same identity; it is not an attestation, so only the signature part is checked here.
    result = verify_pdf(pdf, [identity.certificate], now=NOW)
    assert result.signer == identity.info.name
    assert not any("digest" in p or "after signing" in p for p in result.problems)


def test_no_letter_for_lab_grown(shared_dir: Path, identity: SigningIdentity) -> None:
    content = build_content(
        assessment(lot(shared_dir, "S16")), number="CS-2026-000001", issued_at=NOW,
        issuer=Issuer.from_identity(identity, None),
    )  # fmt: skip
    with pytest.raises(NoCbpCertificationError, match="laboratory-grown"):
        render_cbp_letter(content)
