"""Build and describe X.509 certificates: the self-signed signing certificate, fingerprints, key ids."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.identity.errors import CorruptIdentityError, ExpiredCertificateError, UnsupportedKeyError
from desktop.lot import country_name, is_country

DEFAULT_VALIDITY = timedelta(days=5 * 365 + 1)
# Clocks on dealers' laptops drift; a certificate valid from a few minutes earlier avoids "not yet valid".
CLOCK_SKEW = timedelta(minutes=10)
MAX_FIELD = 64  # X.509 upper bound for CN, O and title (RFC 5280 ub-common-name etc.)


@dataclass(frozen=True)
class IdentityInfo:
    """Who signs: shown on every attestation and stored in the certificate's subject."""

    name: str
    title: str
    company: str
    country: str
    email: str | None = None

    def validate(self) -> IdentityInfo:
        """Check a new identity's fields; raise ValueError naming the first bad one."""
        for label, value in (("name", self.name), ("title", self.title), ("company", self.company)):
            if not value.strip():
                raise ValueError(f"{label} must not be empty")
            if len(value) > MAX_FIELD:
                raise ValueError(f"{label} is longer than {MAX_FIELD} characters")
            if any(ord(ch) < 32 for ch in value):
                raise ValueError(f"{label} contains control characters")
        if not is_country(self.country):
            raise ValueError(f"country {self.country!r} is not an ISO 3166-1 alpha-2 code (e.g. BE, IN, US)")
        if self.email is not None and ("@" not in self.email or " " in self.email or len(self.email) > 128):
            raise ValueError(f"e-mail address {self.email!r} does not look like one")
        return self

    @property
    def country_name(self) -> str:
        return country_name(self.country) if self.country else ""


def subject_name(info: IdentityInfo) -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, info.name),
        x509.NameAttribute(NameOID.TITLE, info.title),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, info.company),
        x509.NameAttribute(NameOID.COUNTRY_NAME, info.country),
    ]
    if info.email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, info.email))
    return x509.Name(attributes)


def build_self_signed(
    key: ec.EllipticCurvePrivateKey,
    info: IdentityInfo,
    *,
    now: datetime,
    validity: timedelta = DEFAULT_VALIDITY,
) -> x509.Certificate:
    """A self-signed end-entity certificate for document signing (digitalSignature + nonRepudiation)."""
    name = subject_name(info)
    public = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + validity)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
    )
    if info.email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(info.email)]), critical=False
        )
    return builder.sign(key, hashes.SHA256())


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    if not values:
        return None
    value = values[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


def info_from_certificate(cert: x509.Certificate) -> IdentityInfo:
    """Read who signs from a certificate subject; certificates from a CA may lack title or country."""
    subject = cert.subject
    email = _attribute(subject, NameOID.EMAIL_ADDRESS)
    if email is None:
        try:
            san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
            emails = san.get_values_for_type(x509.RFC822Name)
            email = emails[0] if emails else None
        except x509.ExtensionNotFound:
            pass
    name = _attribute(subject, NameOID.COMMON_NAME) or subject.rfc4514_string()
    return IdentityInfo(
        name=name,
        title=_attribute(subject, NameOID.TITLE) or "Authorised signatory",
        company=_attribute(subject, NameOID.ORGANIZATION_NAME) or name,
        country=_attribute(subject, NameOID.COUNTRY_NAME) or "",
        email=email,
    )


def certificate_fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate (DER), upper-case hex in pairs: what buyers compare by phone."""
    digest = cert.fingerprint(hashes.SHA256()).hex().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def key_id(cert: x509.Certificate) -> bytes:
    """SHA-256 of the SubjectPublicKeyInfo: stays the same when a certificate is renewed for the same key."""
    spki = cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).digest()


def require_p256(key: object) -> None:
    if not isinstance(key, ec.EllipticCurvePublicKey | ec.EllipticCurvePrivateKey) or not isinstance(
        key.curve, ec.SECP256R1
    ):
        raise UnsupportedKeyError(
            "only ECDSA P-256 keys are supported (the QR code carries a compact P-256 signature); "
            f"this key is {type(key).__name__.removeprefix('_')}"
        )


def check_validity(cert: x509.Certificate, now: datetime) -> None:
    if now < cert.not_valid_before_utc:
        raise ExpiredCertificateError(
            f"the signing certificate is not valid before {cert.not_valid_before_utc:%Y-%m-%d %H:%M} UTC"
        )
    if now > cert.not_valid_after_utc:
        raise ExpiredCertificateError(
            f"the signing certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}; "
            "create a new identity (identity create --replace) or import a renewed one"
        )


def load_certificate(data: bytes, source: str) -> x509.Certificate:
    """A certificate from PEM or DER bytes; CorruptIdentityError names the file otherwise."""
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError:
        raise CorruptIdentityError(f"{source}: not an X.509 certificate (PEM or DER expected)") from None


def certificate_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)
