"""Keep the signing identity in the data folder: create, import, load with a passphrase, export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12

from desktop.identity.certificate import (
    DEFAULT_VALIDITY,
    IdentityInfo,
    build_self_signed,
    certificate_fingerprint,
    certificate_pem,
    check_validity,
    info_from_certificate,
    key_id,
    load_certificate,
    require_p256,
)
from desktop.identity.errors import (
    CorruptIdentityError,
    IdentityError,
    IdentityExistsError,
    NoIdentityError,
    WrongPassphraseError,
)
from desktop.identity.files import write_atomic
from desktop.identity.passphrase import check_passphrase
from desktop.identity.pkcs12mac import strengthen_mac

IDENTITY_DIR = "identity"
P12_NAME = "signing-identity.p12"
CERT_NAME = "certificate.pem"
# PBKDF2 rounds for the PKCS#12 key bag, and as many for its MAC: a guessed passphrase costs the same
# whichever of the two an attacker tests it against (~0.1 s each, once per attestation run).
KDF_ROUNDS = 200_000
MAX_P12_BYTES = 1024 * 1024


@dataclass(frozen=True)
class SigningIdentity:
    """An unlocked identity: the private key lives only in memory."""

    info: IdentityInfo
    certificate: x509.Certificate
    private_key: ec.EllipticCurvePrivateKey
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def fingerprint(self) -> str:
        return certificate_fingerprint(self.certificate)

    @property
    def key_id(self) -> bytes:
        return key_id(self.certificate)


def _encryption(passphrase: bytes) -> serialization.KeySerializationEncryption:
    # AES-256 + PBKDF2-SHA256 (PBES2) and a SHA-256 MAC: readable by OpenSSL 3, Windows 10+ and macOS.
    return (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase)
    )


def _looks_like_pkcs12(data: bytes) -> bool:
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        pfx["auth_safe"]["content_type"].native  # noqa: B018 - forces parsing of the outer structure
    except (ValueError, TypeError, KeyError):
        return False
    return True


def open_pkcs12(data: bytes, passphrase: str, source: str) -> SigningIdentity:
    """Decrypt PKCS#12 bytes; tell a wrong passphrase apart from a damaged file."""
    if not _looks_like_pkcs12(data):
        raise CorruptIdentityError(f"{source}: not a PKCS#12 file, or the file is damaged")
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8") or None)
    except ValueError:
        raise WrongPassphraseError(f"{source}: wrong passphrase (or the file was altered)") from None
    if key is None or cert is None:
        raise CorruptIdentityError(f"{source}: the PKCS#12 file holds no private key with its certificate")
    require_p256(key)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    if key.public_key().public_numbers() != cert.public_key().public_numbers():  # type: ignore[union-attr]
        raise CorruptIdentityError(f"{source}: the certificate does not belong to the private key")
    return SigningIdentity(
        info=info_from_certificate(cert), certificate=cert, private_key=key, chain=tuple(extra)
    )


class IdentityStore:
    """The identity files under `<data_dir>/identity/`; the PKCS#12 is the source of truth."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / IDENTITY_DIR
        self.p12_path = self.folder / P12_NAME
        self.cert_path = self.folder / CERT_NAME

    def exists(self) -> bool:
        return self.p12_path.is_file()

    def create(
        self,
        info: IdentityInfo,
        passphrase: str,
        *,
        now: datetime,
        replace_existing: bool = False,
        validity: timedelta = DEFAULT_VALIDITY,
    ) -> SigningIdentity:
        secret = check_passphrase(passphrase)
        self._refuse_overwrite(replace_existing)
        try:
            info.validate()
        except ValueError as exc:
            raise IdentityError(str(exc)) from None
        key = ec.generate_private_key(ec.SECP256R1())
        cert = build_self_signed(key, info, now=now, validity=validity)
        identity = SigningIdentity(info=info, certificate=cert, private_key=key)
        self._save(identity, secret)
        return identity

    def import_pkcs12(
        self,
        data: bytes,
        passphrase: str,
        *,
        now: datetime,
        source: str = "PKCS#12 file",
        new_passphrase: str | None = None,
        replace_existing: bool = False,
    ) -> SigningIdentity:
        if len(data) > MAX_P12_BYTES:
            raise CorruptIdentityError(f"{source}: {len(data):,} bytes is too large for a PKCS#12 identity")
        identity = open_pkcs12(data, passphrase, source)
        check_validity(identity.certificate, now)
        secret = check_passphrase(new_passphrase if new_passphrase is not None else passphrase)
        self._refuse_overwrite(replace_existing)
        self._save(identity, secret)
        return identity

    def load(self, passphrase: str, *, now: datetime) -> SigningIdentity:
        """Unlock the identity for signing; its certificate must be valid at `now`."""
        if not self.exists():
            raise NoIdentityError(
                f"no signing identity in {self.folder.parent}; create one with `clearstone identity create`"
            )
        identity = open_pkcs12(self.p12_path.read_bytes(), passphrase, str(self.p12_path))
        check_validity(identity.certificate, now)
        if not self.cert_path.is_file() or self.cert_path.read_bytes() != certificate_pem(
            identity.certificate
        ):
            # A crash between the two renames of _save left a stale copy; the PKCS#12 wins.
            write_atomic(self.cert_path, certificate_pem(identity.certificate))
        return identity

    def certificate(self) -> x509.Certificate:
        """The public certificate, readable without the passphrase."""
        if not self.exists():
            raise NoIdentityError(
                f"no signing identity in {self.folder.parent}; create one with `clearstone identity create`"
            )
        if not self.cert_path.is_file():
            raise CorruptIdentityError(
                f"{self.cert_path} is missing; run any command that asks for the passphrase"
            )
        return load_certificate(self.cert_path.read_bytes(), str(self.cert_path))

    def _refuse_overwrite(self, replace_existing: bool) -> None:
        if self.exists() and not replace_existing:
            raise IdentityExistsError(
                f"a signing identity already exists in {self.folder}; pass --replace to replace it "
                "(attestations signed with the old key stay verifiable with its exported certificate)"
            )

    def _save(self, identity: SigningIdentity, secret: bytes) -> None:
        blob = pkcs12.serialize_key_and_certificates(
            name=identity.info.name.encode("utf-8"),
            key=identity.private_key,
            cert=identity.certificate,
            cas=list(identity.chain) or None,
            encryption_algorithm=_encryption(secret),
        )
        blob = strengthen_mac(blob, secret.decode("utf-8"), KDF_ROUNDS)
        previous_cert = self.cert_path.read_bytes() if self.cert_path.is_file() else None
        # The certificate copy first: if the disk fills up in between, the PKCS#12 (the source of truth) is
        # still the old one and the old copy is put back, so the two never disagree.
        write_atomic(self.cert_path, certificate_pem(identity.certificate))
        try:
            write_atomic(self.p12_path, blob, private=True)
        except BaseException:
            if previous_cert is None:
                self.cert_path.unlink(missing_ok=True)
            else:
                write_atomic(self.cert_path, previous_cert)
            raise
