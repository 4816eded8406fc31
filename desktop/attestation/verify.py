"""Verify an attestation: the PDF signature, that nothing changed since signing, the QR payload, trust."""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from asn1crypto import cms
from cryptography import x509
from pydantic import ValidationError
from pyhanko.pdf_utils.generic import ArrayObject, DictionaryObject
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from desktop.attestation.content import AttestationContent
from desktop.attestation.qr import KEY_ID_BYTES, QrFormatError, QrPayload, SignedQr, decode_qr, differences
from desktop.attestation.sign import to_asn1_certificate
from desktop.identity import certificate_fingerprint, key_id
from desktop.identity.certificate import info_from_certificate

CONTENT_FILE = "attestation.json"
QR_FILE = "attestation-qr.txt"
MAX_PDF_BYTES = 50 * 1024 * 1024
# The signer's clock and the verifier's may differ a little; a signing time further ahead than this is false.
CLOCK_SKEW = timedelta(minutes=10)
# What a damaged file can make the PDF and CMS parsers raise; any of them means "invalid", never a crash.
MALFORMED = (
    PdfError, ValueError, LookupError, TypeError, AttributeError, ArithmeticError, NotImplementedError, RecursionError,
    zlib.error,
)  # fmt: skip

Status = Literal["valid", "untrusted", "invalid"]


@dataclass
class Verification:
    """The outcome. `valid` says the document or code is authentic and unchanged (the signature is intact);
    `trusted` that its issuer is one the user trusts. Only both together make the status "valid"."""

    kind: Literal["pdf", "qr"]
    valid: bool = False
    trusted: bool = False
    problems: list[str] = field(default_factory=list)
    signer: str | None = None
    company: str | None = None
    fingerprint: str | None = None
    signed_at: datetime | None = None
    payload: QrPayload | None = None
    content: AttestationContent | None = None
    trust_note: str | None = None  # why an intact signature's issuer is not trusted

    def fail(self, problem: str) -> Verification:
        self.problems.append(problem)
        self.valid = False
        return self

    @property
    def status(self) -> Status:
        """ "valid" (intact and by a trusted issuer), "untrusted" (intact, issuer not trusted) or "invalid"."""
        if not self.valid:
            return "invalid"
        return "valid" if self.trusted else "untrusted"

    @property
    def ok(self) -> bool:
        return self.status == "valid"

    def status_text(self) -> str:
        if self.status == "valid":
            return "valid, issuer trusted"
        if self.status == "untrusted":
            return "signature intact, but the issuer is not one you trust"
        return "invalid"

    def how_to_trust(self, source: str = "CERT.pem") -> str | None:
        """For an untrusted issuer: how to check the certificate with its owner, then trust it."""
        if self.status != "untrusted":
            return None
        who = f"{self.company or self.signer or 'the issuer'}"
        return (
            f"call {who} on a number you already know (not one from the same e-mail) and compare the "
            f"certificate's SHA-256 fingerprint {self.fingerprint}; if it matches, trust it with "
            f"`clearstone identity trust {source}`"
        )

    def summary(self) -> str:
        if not self.valid:
            return "INVALID: " + "; ".join(self.problems)
        p = self.payload
        facts = (
            f" — attestation {p.number} of {p.issued_on.isoformat()}, lot {p.lot_id}, {p.verdict} for "
            f"{', '.join(p.jurisdictions)}"
            if p
            else ""
        )
        who = f" by {self.signer} ({self.company})" if self.signer else ""
        if self.status == "untrusted":
            note = f"; {self.trust_note}" if self.trust_note else ""
            return (
                f"UNTRUSTED: the signature{who} is intact, but the issuer is not one you trust "
                f"(certificate SHA-256 {self.fingerprint}){note}{facts}"
            )
        return f"VALID (issuer trusted){who}{facts}"

    def to_json(self) -> dict[str, Any]:
        p = self.payload
        return {
            "kind": self.kind,
            "status": self.status,
            "valid": self.ok,
            "intact": self.valid,
            "trusted": self.trusted,
            "problems": self.problems,
            "signer": self.signer,
            "company": self.company,
            "certificate_sha256": self.fingerprint,
            "trust_note": self.trust_note,
            "how_to_trust": self.how_to_trust(),
            "signed_at": self.signed_at.isoformat() if self.signed_at else None,
            "attestation": None
            if p is None
            else {
                "number": p.number,
                "issued_on": p.issued_on.isoformat(),
                "issuer": p.issuer,
                "buyer": p.buyer,
                "lot_id": p.lot_id,
                "total_carats": p.total_carats,
                "stone_count": p.stone_count,
                "largest_stone_carats": p.largest_stone_carats,
                "mining_countries": list(p.mining_countries),
                "verdict": p.verdict,
                "jurisdictions": list(p.jurisdictions),
                "rule_pack_sha256_prefix": p.rule_pack_sha256.hex(),
                "content_sha256": p.content_sha256.hex(),
                "register_head": self.content.register_head if self.content else None,
            },
        }


def _embedded_files(reader: PdfFileReader) -> dict[str, bytes]:
    """The document-level embedded files of a flat name tree (the only kind Clearstone writes)."""
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except KeyError:
        return {}
    found: dict[str, bytes] = {}
    if not isinstance(names, ArrayObject):
        return found
    for i in range(0, len(names) - 1, 2):
        spec = names[i + 1].get_object()
        if isinstance(spec, DictionaryObject) and "/EF" in spec:
            found[str(names[i])] = spec["/EF"]["/F"].get_object().data
    return found


def _unsigned_gap_problem(data: bytes, embedded: Any) -> str | None:
    """The /Contents hole is the one part of the file the digest cannot cover: it must hold exactly the
    signature followed by zero padding, written in one letter case, or a changed byte there would go unseen."""
    try:
        _, len1, start2, _ = (int(x) for x in embedded.byte_range)
        contents: bytes = embedded.pkcs7_content
        gap = data[len1:start2]
        if contents[:1] != b"\x30":
            return "the signature container is malformed"
        first = contents[1]
        header, length = (
            (2, first)
            if first < 0x80
            else (2 + (first & 0x7F), int.from_bytes(contents[2 : 2 + (first & 0x7F)], "big"))
        )
    except (ValueError, TypeError, IndexError):
        return "the signature container is malformed"
    written = gap[1:-1]
    if (
        gap[:1] != b"<"
        or gap[-1:] != b">"
        or written not in (contents.hex().encode(), contents.hex().upper().encode())
    ):
        return "the file was changed after signing (inside the signature field)"
    if any(contents[header + length :]):
        return "the file was changed after signing (inside the signature padding)"
    return _cms_layout_problem(contents[: header + length], embedded.signer_cert)


def _cms_layout_problem(der: bytes, cert: Any) -> str | None:
    """CMS leaves its containers, versions, digest algorithm list and signer identifier outside the signature.
    Rebuild the one layout Clearstone writes from the parts that are checked elsewhere (signed attributes and
    signature value by the signature check, the certificate by its fingerprint in the attested content) and
    require the exact same bytes, so no byte of the container can change unnoticed."""
    problem = "the file was changed after signing (the signature container was altered)"
    try:
        info = cms.ContentInfo.load(der, strict=True)
        signed = info["content"]
        signer = signed["signer_infos"][0]
        certificates = signed["certificates"]
        expected = cms.ContentInfo(
            {
                "content_type": "signed_data",
                "content": cms.SignedData(
                    {
                        "version": "v1",
                        "digest_algorithms": [{"algorithm": "sha256"}],
                        "encap_content_info": {"content_type": "data"},
                        "certificates": [cms.CertificateChoices.load(c.dump()) for c in certificates],
                        "signer_infos": [
                            cms.SignerInfo(
                                {
                                    "version": "v1",
                                    "sid": cms.SignerIdentifier(
                                        {
                                            "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                                                {"issuer": cert.issuer, "serial_number": cert.serial_number}
                                            )
                                        }
                                    ),
                                    "digest_algorithm": {"algorithm": "sha256"},
                                    "signed_attrs": signer["signed_attrs"],
                                    "signature_algorithm": signer["signature_algorithm"],
                                    "signature": signer["signature"],
                                }
                            )
                        ],
                    }
                ),
            }
        )
        if expected.dump() != der:
            return problem
    except MALFORMED:
        return problem
    return None


def _check_qr_against(
    result: Verification, signed: SignedQr, signer: x509.Certificate, content: AttestationContent | None
) -> None:
    if signed.non_canonical:
        result.fail("the QR signature is not in the low-S form Clearstone writes: the code was altered")
    elif signed.payload.key_id != key_id(signer)[:KEY_ID_BYTES] or not signed.signed_by(signer):
        result.fail("the QR payload is not signed by the document's signer")
    if content is not None:
        mismatched = differences(signed.payload, content)
        if mismatched:
            result.fail("the QR payload and the document disagree on: " + ", ".join(mismatched))


def _signing_time_problem(signed_at: datetime | None, cert: x509.Certificate, now: datetime) -> str | None:
    """A signing time must exist, lie within the certificate's validity, and not after the verification."""
    if signed_at is None:
        return "the signature carries no signing time"
    if signed_at > now + CLOCK_SKEW:
        return (
            f"signed on {signed_at:%Y-%m-%d %H:%M} UTC, after the time of this check ({now:%Y-%m-%d %H:%M} UTC): "
            "the signing time is false"
        )
    if not cert.not_valid_before_utc <= signed_at <= cert.not_valid_after_utc:
        return (
            f"signed on {signed_at:%Y-%m-%d}, outside the validity of the signer's certificate "
            f"({cert.not_valid_before_utc:%Y-%m-%d} to {cert.not_valid_after_utc:%Y-%m-%d})"
        )
    return None


def verify_pdf(
    data: bytes, trusted: Sequence[x509.Certificate], *, now: datetime | None = None
) -> Verification:
    """All checks on a signed attestation PDF. `trusted` are the issuers (or their CAs) the user trusts;
    `now` is the time of the check (default: the clock), which no signing time may lie after."""
    at = now or datetime.now(UTC)
    result = Verification(kind="pdf")
    if len(data) > MAX_PDF_BYTES:
        return result.fail(f"the file is {len(data):,} bytes, too large for an attestation")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except MALFORMED as exc:
        return result.fail(f"not a readable PDF ({exc})")
    if not signatures:
        return result.fail("the PDF carries no digital signature")
    if len(signatures) > 1:
        result.fail(f"the PDF carries {len(signatures)} signatures; an attestation as issued has exactly one")
    embedded = signatures[0]
    try:
        signer = x509.load_der_x509_certificate(embedded.signer_cert.dump())
        claimed = embedded.self_reported_timestamp
    except (SignatureValidationError, *MALFORMED) as exc:
        return result.fail(f"the signature cannot be read ({exc})")
    time_problem = _signing_time_problem(claimed, signer, at)
    # The chain is judged as it stood when the document was signed (a certificate that expired since still
    # vouches for what it signed while valid); a false signing time already makes the document invalid.
    context = ValidationContext(
        trust_roots=[to_asn1_certificate(c) for c in trusted],
        allow_fetching=False,
        moment=claimed if time_problem is None else at,
    )
    try:
        status = validate_pdf_signature(embedded, context, skip_diff=True)
    except (SignatureValidationError, *MALFORMED) as exc:
        return result.fail(f"the signature cannot be read ({exc})")
    info = info_from_certificate(signer)
    result.signer, result.company = info.name, info.company
    result.fingerprint = certificate_fingerprint(signer)
    result.signed_at = status.signer_reported_dt or claimed
    if time_problem:
        result.problems.append(time_problem)
    result.valid = not result.problems
    if not status.intact:
        result.fail("the document was changed after signing (its digest does not match the signature)")
    elif not status.valid:
        result.fail("the signature value does not verify with the signer's certificate")
    gap_problem = _unsigned_gap_problem(data, embedded)
    if gap_problem:
        result.fail(gap_problem)
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        result.fail(
            "the file was changed after signing: data was appended or the signed range does not cover it"
        )
    try:
        files = _embedded_files(reader)
    except MALFORMED as exc:
        return result.fail(f"the embedded attested data cannot be read ({exc})")
    if CONTENT_FILE not in files or QR_FILE not in files:
        return result.fail("not a Clearstone attestation (the attested data is not embedded)")
    try:
        content = AttestationContent.from_canonical_json(files[CONTENT_FILE])
        signed = decode_qr(files[QR_FILE].decode("ascii"))
    except (ValidationError, QrFormatError, UnicodeDecodeError) as exc:
        return result.fail(f"the embedded attested data is damaged ({str(exc).splitlines()[0]})")
    result.content, result.payload = content, signed.payload
    if content.canonical_json() != files[CONTENT_FILE]:
        result.fail("the embedded attested data is not in canonical form")
    if content.issuer.certificate_sha256 != result.fingerprint:
        result.fail("the issuer named in the document is not the certificate that signed it")
    _check_qr_against(result, signed, signer, content)
    result.trusted = result.valid and bool(status.trusted)
    if result.valid and not result.trusted:
        result.trust_note = _why_untrusted(signer, trusted)
    return result


def _why_untrusted(signer: x509.Certificate, trusted: Sequence[x509.Certificate]) -> str:
    """Name the impostor case: a trusted issuer of the same name whose key is not this one."""
    info = info_from_certificate(signer)
    for cert in trusted:
        other = info_from_certificate(cert)
        if cert != signer and (other.name.casefold(), other.company.casefold()) == (
            info.name.casefold(),
            info.company.casefold(),
        ):
            return (
                f"you trust a different certificate under the same name (SHA-256 {certificate_fingerprint(cert)}): "
                "this may be an impostor"
            )
    if signer in trusted:
        return "the certificate is in your trust list but does not validate for this signature"
    return "the issuer is not in your trust list"


def verify_qr_text(
    text: str,
    trusted: Sequence[x509.Certificate],
    *,
    extra: Sequence[x509.Certificate] = (),
    now: datetime | None = None,
) -> Verification:
    """Verify a scanned code alone: the issuer's certificate comes from `trusted`, or from `extra` (certificates
    at hand but not trusted: a match there is "untrusted"). No issue date may lie after `now` (default: today)."""
    today = (now or datetime.now(UTC)).date()
    result = Verification(kind="qr")
    try:
        signed = decode_qr(text)
    except QrFormatError as exc:
        return result.fail(str(exc))
    result.payload = signed.payload
    if signed.non_canonical:
        return result.fail(
            "the QR signature is not in the low-S form Clearstone writes: the code was altered"
        )
    kid = signed.payload.key_id
    trusted_keys = [c for c in trusted if key_id(c).startswith(kid)]
    other_keys = [c for c in extra if key_id(c).startswith(kid) and c not in trusted_keys]
    for cert, is_trusted in [(c, True) for c in trusted_keys] + [(c, False) for c in other_keys]:
        if signed.signed_by(cert):
            info = info_from_certificate(cert)
            result.valid, result.trusted = True, is_trusted
            result.signer, result.company = info.name, info.company
            result.fingerprint = certificate_fingerprint(cert)
            if not is_trusted:
                result.trust_note = _why_untrusted(cert, trusted)
            issued = signed.payload.issued_on
            if not cert.not_valid_before_utc.date() <= issued <= cert.not_valid_after_utc.date():
                result.fail(
                    f"issued on {issued.isoformat()}, outside the validity of the issuer's certificate"
                )
            if issued > today:
                result.fail(
                    f"issued on {issued.isoformat()}, after today ({today.isoformat()}): the date is false"
                )
            return result
    if trusted_keys or other_keys:
        return result.fail("the signature does not match: the code was altered or not issued with this key")
    if extra:
        return result.fail(f"the given certificate is not the issuer's key (the code names key {kid.hex()})")
    return result.fail(
        f"cannot check the signature: the issuer's certificate (key {kid.hex()}) is not in your trust list; "
        "add it with `clearstone identity trust CERT.pem` or pass --cert CERT.pem"
    )


def signer_certificate(data: bytes) -> x509.Certificate:
    """The certificate that signed an attestation PDF, unverified: for `identity trust FILE.pdf`, after the
    user has compared its fingerprint with the issuer. ValueError when the file carries no signature."""
    try:
        signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
        if len(signatures) != 1:
            raise ValueError("the PDF does not carry exactly one signature")
        return x509.load_der_x509_certificate(signatures[0].signer_cert.dump())
    except MALFORMED as exc:
        raise ValueError(
            f"not a signed PDF ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})"
        ) from None
