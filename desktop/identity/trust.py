"""The local trust list: issuer certificates the user has decided to trust, one PEM file each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from desktop.identity.certificate import (
    IdentityInfo,
    certificate_fingerprint,
    certificate_pem,
    info_from_certificate,
    key_id,
    load_certificate,
)
from desktop.identity.errors import CorruptIdentityError, IdentityError, TrustConflictError, TrustListError
from desktop.identity.files import write_atomic

TRUST_DIR = "trusted-issuers"
MAX_CERT_BYTES = 256 * 1024


@dataclass(frozen=True)
class TrustedIssuer:
    certificate: x509.Certificate
    path: Path

    @property
    def info(self) -> IdentityInfo:
        return info_from_certificate(self.certificate)

    @property
    def fingerprint(self) -> str:
        return certificate_fingerprint(self.certificate)


@dataclass(frozen=True)
class TrustResult:
    """What `TrustList.add` did: the issuer now trusted, what it replaced, and what the user should know."""

    issuer: TrustedIssuer
    already_trusted: bool = False
    replaced: tuple[TrustedIssuer, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)


def same_subject(a: x509.Certificate, b: x509.Certificate) -> bool:
    """The same name as far as a person reading an attestation can tell: the full subject, or signer and company.

    An impostor copies the name a buyer knows; a title or e-mail changed on the side must not slip through."""
    if a.subject == b.subject:
        return True
    first, second = info_from_certificate(a), info_from_certificate(b)
    return (first.name.casefold(), first.company.casefold()) == (
        second.name.casefold(),
        second.company.casefold(),
    )


def validity_warnings(cert: x509.Certificate, now: datetime) -> list[str]:
    if now > cert.not_valid_after_utc:
        return [
            f"this certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}: attestations it signed before then "
            "still verify, but it cannot sign new ones; ask the issuer for their current certificate"
        ]
    if now < cert.not_valid_before_utc:
        return [f"this certificate is not valid before {cert.not_valid_before_utc:%Y-%m-%d %H:%M} UTC"]
    return []


class TrustList:
    """`<data_dir>/trusted-issuers/<sha256>.pem`; adding the same certificate twice is harmless."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / TRUST_DIR

    def add(
        self, data: bytes, source: str = "certificate", *, now: datetime | None = None, replace: bool = False
    ) -> TrustResult:
        """Trust a certificate. A *different key* under a name already trusted is refused (TrustConflictError)
        unless `replace`, which removes the certificates of that name; the same key renewed is simply added."""
        cert = self.parse(data, source)
        target = self.folder / f"{cert.fingerprint(hashes.SHA256()).hex()}.pem"
        warnings = validity_warnings(cert, now) if now is not None else []
        existing = self.issuers()
        if any(item.certificate == cert for item in existing):
            return TrustResult(TrustedIssuer(cert, target), already_trusted=True, warnings=tuple(warnings))
        rivals = [
            item
            for item in existing
            if same_subject(item.certificate, cert) and key_id(item.certificate) != key_id(cert)
        ]
        if rivals and not replace:
            first = rivals[0]
            raise TrustConflictError(
                f"{source}: you already trust a different key for {first.info.name} ({first.info.company}), "
                f"SHA-256 {first.fingerprint}; this one is SHA-256 {certificate_fingerprint(cert)}. Call the "
                "issuer on a number you know and compare the fingerprint; if they confirm a new key, pass --replace"
            )
        write_atomic(target, certificate_pem(cert))
        for item in rivals:
            item.path.unlink(missing_ok=True)
        return TrustResult(TrustedIssuer(cert, target), replaced=tuple(rivals), warnings=tuple(warnings))

    @staticmethod
    def parse(data: bytes, source: str = "certificate") -> x509.Certificate:
        if len(data) > MAX_CERT_BYTES:
            raise TrustListError(f"{source}: {len(data):,} bytes is too large for a certificate")
        try:
            return load_certificate(data, source)
        except CorruptIdentityError as exc:
            raise TrustListError(str(exc)) from None

    def issuers(self) -> list[TrustedIssuer]:
        """Every readable certificate; a damaged file is reported rather than silently trusted or skipped."""
        if not self.folder.is_dir():
            return []
        found: list[TrustedIssuer] = []
        for path in sorted(self.folder.glob("*.pem")):
            try:
                found.append(
                    TrustedIssuer(certificate=load_certificate(path.read_bytes(), str(path)), path=path)
                )
            except CorruptIdentityError as exc:
                raise TrustListError(f"trust list: {exc}") from None
            except OSError as exc:
                raise TrustListError(f"trust list: {path}: cannot read ({exc.strerror})") from None
        return found

    def certificates(self) -> list[x509.Certificate]:
        return [item.certificate for item in self.issuers()]

    def by_key_id(self, prefix: bytes) -> list[x509.Certificate]:
        """Trusted certificates whose public-key hash starts with `prefix` (the QR carries 8 bytes)."""
        return [cert for cert in self.certificates() if key_id(cert).startswith(prefix)]

    def contains(self, cert: x509.Certificate) -> bool:
        return any(item.certificate == cert for item in self.issuers())


def trusted_certificates(data_dir: Path) -> list[x509.Certificate]:
    """Whom `verify` trusts: the trust list plus the data folder's own signing certificate (one's own
    attestations verify at home). Raises TrustListError for a damaged trust list."""
    from desktop.identity.store import IdentityStore

    certificates = TrustList(data_dir).certificates()
    store = IdentityStore(data_dir)
    if store.exists():
        try:
            own = store.certificate()
        except IdentityError:
            return certificates  # no readable copy of the certificate: only the trust list counts
        if own not in certificates:
            certificates.append(own)
    return certificates
