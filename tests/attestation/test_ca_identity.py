"""An identity imported from a CA (leaf + CA certificate in the PKCS#12) signs and verifies through the chain."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from desktop.attestation.build import build_attestation
from desktop.attestation.verify import verify_pdf
from desktop.identity import IdentityInfo, IdentityStore
from desktop.identity.certificate import subject_name
from tests.attestation.helpers import NOW, assessment, lot


def _ca_issued(tmp_path: Path) -> tuple[IdentityStore, x509.Certificate]:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Diamond Bourse Test CA"),
                         x509.NameAttribute(NameOID.COUNTRY_NAME, "BE")])  # fmt: skip
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=30)).not_valid_after(NOW + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    key = ec.generate_private_key(ec.SECP256R1())
    info = IdentityInfo("Priya Shah", "Director", "Shah Gems BV", "BE", "priya@shah.example")
    leaf = (
        x509.CertificateBuilder().subject_name(subject_name(info)).issuer_name(ca_name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1)).not_valid_after(NOW + timedelta(days=730))
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    blob = pkcs12.serialize_key_and_certificates(
        b"priya", key, leaf, [ca], serialization.BestAvailableEncryption(b"from the CA")
    )
    store = IdentityStore(tmp_path)
    store.import_pkcs12(blob, "from the CA", now=NOW, new_passphrase="a good passphrase")
    return store, ca


def test_ca_issued_identity_signs_and_chains_to_a_trusted_root(shared_dir: Path, tmp_path: Path) -> None:
    store, ca = _ca_issued(tmp_path)
    identity = store.load("a good passphrase", now=NOW)
    assert identity.chain == (ca,)
    assert identity.info.company == "Shah Gems BV"
    built = build_attestation(
        assessment(lot(shared_dir, "S16")), identity, number="CS-2026-000007", issued_at=NOW
    )
    trusted = verify_pdf(built.pdf, [ca], now=NOW)
    assert trusted.valid and trusted.trusted, trusted.problems
    untrusted = verify_pdf(built.pdf, [], now=NOW)
    assert untrusted.valid and not untrusted.trusted
