"""The local trust list: issuer certificates the user has decided to trust, one PEM file each."""

from __future__ import annotations

from dataclasses import dataclass
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
from desktop.identity.errors import CorruptIdentityError, TrustListError
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


class TrustList:
    """`<data_dir>/trusted-issuers/<sha256>.pem`; adding the same certificate twice is harmless."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / TRUST_DIR

    def add(self, data: bytes, source: str = "certificate") -> TrustedIssuer:
        if len(data) > MAX_CERT_BYTES:
            raise TrustListError(f"{source}: {len(data):,} bytes is too large for a certificate")
        try:
            cert = load_certificate(data, source)
        except CorruptIdentityError as exc:
            raise TrustListError(str(exc)) from None
        target = self.folder / f"{cert.fingerprint(hashes.SHA256()).hex()}.pem"
        if not target.is_file():
            write_atomic(target, certificate_pem(cert))
        return TrustedIssuer(certificate=cert, path=target)

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
        return found

    def certificates(self) -> list[x509.Certificate]:
        return [item.certificate for item in self.issuers()]

    def by_key_id(self, prefix: bytes) -> list[x509.Certificate]:
        """Trusted certificates whose public-key hash starts with `prefix` (the QR carries 8 bytes)."""
        return [cert for cert in self.certificates() if key_id(cert).startswith(prefix)]

    def contains(self, cert: x509.Certificate) -> bool:
        return any(item.certificate == cert for item in self.issuers())
