"""Verify an attestation PDF, or a code scanned off a printed copy, against the certificates this install trusts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography import x509

    from desktop.attestation.verify import Verification
    from desktop.identity.trust import TrustResult
    from desktop.service.workspace import Workspace


def trusted_certificates(ws: Workspace) -> list[x509.Certificate]:
    """The trust list plus this data folder's own signing certificate (one's own attestations verify at home)."""
    from desktop.identity import trusted_certificates as trusted

    return trusted(ws.data_dir)


def verify_pdf(ws: Workspace, data: bytes, *, extra: Sequence[x509.Certificate] = ()) -> Verification:
    """Signature, unchanged since signing, QR matches, and whether the issuer is trusted (`extra`: certificates
    given for this one verification, e.g. `--cert`)."""
    from desktop.attestation.verify import verify_pdf as verify

    return verify(data, [*trusted_certificates(ws), *extra], now=ws.now())


def verify_qr(ws: Workspace, text: str, *, extra: Sequence[x509.Certificate] = ()) -> Verification:
    """A code scanned off a printed copy, checked offline against the certificates trusted here (and `extra`,
    given for this one verification)."""
    from desktop.attestation.verify import verify_qr_text

    return verify_qr_text(text, [*trusted_certificates(ws), *extra], now=ws.now())


def trust_issuer_of(ws: Workspace, pdf: bytes, *, replace: bool = False) -> TrustResult:
    """Trust the certificate that signed an attestation PDF — only after the user compared its fingerprint
    with the issuer. A different key under a name already trusted is refused (TrustConflictError) unless
    `replace`: the same-name impostor is exactly that."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from desktop.attestation.verify import signer_certificate
    from desktop.service.errors import ServiceError

    try:
        certificate = signer_certificate(pdf)
    except ValueError as exc:
        raise ServiceError(str(exc)) from None
    return ws.trust_list().add(
        certificate.public_bytes(Encoding.PEM), "the attestation's certificate", now=ws.now(), replace=replace
    )
