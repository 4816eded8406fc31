"""The signing identity: creation, passphrase protection, import, and the errors that leave files intact."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from desktop.identity import (
    CorruptIdentityError,
    ExpiredCertificateError,
    IdentityExistsError,
    IdentityInfo,
    IdentityStore,
    NoIdentityError,
    UnsupportedKeyError,
    WeakPassphraseError,
    WrongPassphraseError,
    certificate_fingerprint,
)
from desktop.identity.certificate import build_self_signed

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
PASS = "correct horse battery"
INFO = IdentityInfo(
    "Анна Петрова-Ødegård", "Head of Compliance", "Διαμάντια Ελλάς BV", "BE", "anna@example.be"
)


@pytest.fixture
def store(tmp_path: Path) -> IdentityStore:
    return IdentityStore(tmp_path)


def _snapshot(store: IdentityStore) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in store.folder.iterdir()}


def test_created_certificate_is_p256_self_signed_for_signing(store: IdentityStore) -> None:
    identity = store.create(INFO, PASS, now=NOW)
    cert = identity.certificate
    assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)
    assert isinstance(cert.public_key().curve, ec.SECP256R1)  # type: ignore[union-attr]
    assert cert.issuer == cert.subject
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.digital_signature and usage.value.content_commitment
    assert not usage.value.key_cert_sign
    assert cert.not_valid_before_utc <= NOW
    assert cert.not_valid_after_utc - NOW >= timedelta(days=5 * 365)
    assert identity.info == INFO  # Unicode names survive the X.509 round trip
    cert.verify_directly_issued_by(cert)


def test_reload_with_passphrase_gives_the_same_key(store: IdentityStore) -> None:
    created = store.create(INFO, PASS, now=NOW)
    loaded = store.load(PASS, now=NOW + timedelta(days=30))
    assert loaded.certificate == created.certificate
    assert loaded.private_key.private_numbers() == created.private_key.private_numbers()
    assert store.certificate() == created.certificate  # readable without the passphrase


def test_key_is_never_stored_unencrypted(store: IdentityStore) -> None:
    identity = store.create(INFO, PASS, now=NOW)
    scalar = identity.private_key.private_numbers().private_value.to_bytes(32, "big")
    pkcs8 = identity.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    for path in store.folder.iterdir():
        data = path.read_bytes()
        assert scalar not in data and pkcs8 not in data and b"PRIVATE KEY" not in data
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(store.p12_path.read_bytes(), None)
    if os.name == "posix":
        assert store.p12_path.stat().st_mode & 0o077 == 0


def test_wrong_passphrase_is_named_and_changes_nothing(store: IdentityStore) -> None:
    store.create(INFO, PASS, now=NOW)
    before = _snapshot(store)
    with pytest.raises(WrongPassphraseError, match="wrong passphrase"):
        store.load("not the passphrase", now=NOW)
    assert _snapshot(store) == before


def test_corrupt_file_is_named(store: IdentityStore) -> None:
    store.create(INFO, PASS, now=NOW)
    data = bytearray(store.p12_path.read_bytes())
    store.p12_path.write_bytes(bytes(data[: len(data) // 2]))
    with pytest.raises(CorruptIdentityError, match="damaged"):
        store.load(PASS, now=NOW)


def test_expired_certificate_is_refused_for_signing(store: IdentityStore) -> None:
    store.create(INFO, PASS, now=NOW, validity=timedelta(days=10))
    with pytest.raises(ExpiredCertificateError, match="expired on"):
        store.load(PASS, now=NOW + timedelta(days=11))


def test_existing_identity_is_not_overwritten_without_the_flag(store: IdentityStore) -> None:
    first = store.create(INFO, PASS, now=NOW)
    before = _snapshot(store)
    with pytest.raises(IdentityExistsError, match="--replace"):
        store.create(INFO, PASS, now=NOW)
    assert _snapshot(store) == before
    second = store.create(INFO, PASS, now=NOW, replace_existing=True)
    assert second.certificate != first.certificate
    assert store.load(PASS, now=NOW).certificate == second.certificate


def test_short_passphrase_and_bad_fields_are_refused(store: IdentityStore) -> None:
    with pytest.raises(WeakPassphraseError):
        store.create(INFO, "short", now=NOW)
    with pytest.raises(Exception, match="ISO 3166"):
        store.create(IdentityInfo("A", "B", "C", "XX"), PASS, now=NOW)
    assert not store.exists()


def test_missing_identity(store: IdentityStore) -> None:
    with pytest.raises(NoIdentityError, match="identity create"):
        store.load(PASS, now=NOW)
    with pytest.raises(NoIdentityError):
        store.certificate()


def test_stale_certificate_copy_is_repaired_from_the_pkcs12(store: IdentityStore) -> None:
    identity = store.create(INFO, PASS, now=NOW)
    store.cert_path.unlink()
    store.load(PASS, now=NOW)
    assert store.certificate() == identity.certificate


def _p12(key: object, cert: x509.Certificate, password: bytes) -> bytes:
    return pkcs12.serialize_key_and_certificates(
        b"x",
        key,
        cert,
        None,
        serialization.BestAvailableEncryption(password),  # type: ignore[arg-type]
    )


def test_import_reencrypts_and_keeps_the_key(store: IdentityStore) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = build_self_signed(key, INFO, now=NOW)
    imported = store.import_pkcs12(
        _p12(key, cert, b"ca-given-pass"), "ca-given-pass", now=NOW, new_passphrase=PASS
    )
    assert imported.certificate == cert
    assert store.load(PASS, now=NOW).private_key.private_numbers() == key.private_numbers()
    with pytest.raises(WrongPassphraseError):
        store.load("ca-given-pass", now=NOW)


def test_import_refuses_rsa_mismatched_and_expired(store: IdentityStore) -> None:
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "R")])
    rsa_cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(rsa_key.public_key())
        .serial_number(1).not_valid_before(NOW - timedelta(days=1)).not_valid_after(NOW + timedelta(days=9))
        .sign(rsa_key, hashes.SHA256())
    )  # fmt: skip
    with pytest.raises(UnsupportedKeyError, match="P-256"):
        store.import_pkcs12(_p12(rsa_key, rsa_cert, b"p"), "p", now=NOW, new_passphrase=PASS)
    key = ec.generate_private_key(ec.SECP256R1())
    other_cert = build_self_signed(ec.generate_private_key(ec.SECP256R1()), INFO, now=NOW)
    # A key packed with another key's certificate: OpenSSL finds no certificate for the key.
    foreign = pkcs12.serialize_key_and_certificates(
        b"x", key, None, [other_cert], serialization.BestAvailableEncryption(b"p")
    )
    with pytest.raises(CorruptIdentityError, match="no private key with its certificate"):
        store.import_pkcs12(foreign, "p", now=NOW, new_passphrase=PASS)
    old = build_self_signed(key, INFO, now=NOW - timedelta(days=3000), validity=timedelta(days=10))
    with pytest.raises(ExpiredCertificateError):
        store.import_pkcs12(_p12(key, old, b"p"), "p", now=NOW, new_passphrase=PASS)
    assert not store.exists()


def test_import_of_garbage_is_corrupt(store: IdentityStore) -> None:
    with pytest.raises(CorruptIdentityError):
        store.import_pkcs12(b"not a pkcs12 file", PASS, now=NOW)


def test_fingerprint_format(store: IdentityStore) -> None:
    identity = store.create(INFO, PASS, now=NOW)
    fp = certificate_fingerprint(identity.certificate)
    assert len(fp.split(":")) == 32 and fp == fp.upper()
    assert fp.replace(":", "").lower() == identity.certificate.fingerprint(hashes.SHA256()).hex()
