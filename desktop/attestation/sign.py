"""Sign a finished PDF: PAdES B-B over the whole file (pyHanko), with the attested data embedded."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_signer import PdfSigningSession
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop.identity import SigningIdentity

SIGNATURE_FIELD = "ClearstoneSignature"
# Room for the CMS blob: a P-256 signature with a self-signed or short CA chain fits in well under 8 KiB;
# reserving it up front spares pyHanko a dry-run signature (half the signing time).
BYTES_RESERVED = 16384


class SigningFailedError(RuntimeError):
    """pyHanko could not sign the document (a broken PDF or unusable key material)."""


def to_asn1_certificate(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _signer(identity: SigningIdentity) -> signers.SimpleSigner:
    key_der = identity.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    registry = SimpleCertificateStore()  # type: ignore[no-untyped-call]
    registry.register_multiple([to_asn1_certificate(c) for c in identity.chain])
    return signers.SimpleSigner(
        signing_cert=to_asn1_certificate(identity.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=registry,
    )


class _TimedPdfSigner(signers.PdfSigner):
    """PdfSigner whose signing time is passed in rather than read from the clock."""

    def __init__(self, *args: Any, signing_time: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signing_time = signing_time

    def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> PdfSigningSession:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._signing_time
        return session


def sign_pdf(
    pdf: bytes,
    identity: SigningIdentity,
    *,
    signing_time: datetime,
    attachments: Mapping[str, tuple[bytes, str, str]] | None = None,
    reason: str = "Compliance attestation",
) -> bytes:
    """Embed `attachments` (name -> (data, MIME type, description)) and sign, in one incremental update."""
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        for name, (data, mime, description) in (attachments or {}).items():
            stream = embed.EmbeddedFileObject.from_file_data(
                writer,
                data=data,
                mime_type=mime,
                params=embed.EmbeddedFileParams(creation_date=signing_time, modification_date=signing_time),
            )
            spec = embed.FileSpec(
                file_spec_string=name,
                file_name=name,
                embedded_data=stream,
                description=description,
                af_relationship=generic.NameObject("/Data"),
            )
            embed.embed_file(writer, spec)
        metadata = signers.PdfSignatureMetadata(
            field_name=SIGNATURE_FIELD,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=reason,
            name=identity.info.name,
            location=identity.info.country_name or None,
        )
        signer = _TimedPdfSigner(metadata, _signer(identity), signing_time=signing_time)
        output = signer.sign_pdf(writer, bytes_reserved=BYTES_RESERVED)
    except (ValueError, KeyError, TypeError) as exc:
        raise SigningFailedError(f"could not sign the PDF: {exc}") from exc
    result: bytes = output.getvalue()
    return result
