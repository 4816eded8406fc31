"""Verify an attestation PDF, or a code scanned off a printed copy, against the certificates this install trusts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography import x509

    from desktop.attestation.verify import Verification
    from desktop.service.workspace import Workspace


def trusted_certificates(ws: Workspace) -> list[x509.Certificate]:
    """The trust list plus this data folder's own signing certificate (one's own attestations verify at home)."""
    certificates = list(ws.trust_list().certificates())
    store = ws.identity_store()
    if store.exists():
        own = store.certificate()
        if own not in certificates:
            certificates.append(own)
    return certificates


def verify_pdf(ws: Workspace, data: bytes, *, extra: Sequence[x509.Certificate] = ()) -> Verification:
    """Signature, unchanged since signing, QR matches, and whether the issuer is trusted (`extra`: certificates
    given for this one verification, e.g. `--cert`)."""
    from desktop.attestation.verify import verify_pdf as verify

    return verify(data, [*trusted_certificates(ws), *extra], now=ws.now())


def verify_qr(ws: Workspace, text: str, *, extra: Sequence[x509.Certificate] = ()) -> Verification:
    from desktop.attestation.verify import verify_qr_text

    return verify_qr_text(text, trusted_certificates(ws), extra=extra)
