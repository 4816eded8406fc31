"""The local trust list of issuer certificates."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from desktop.identity import IdentityInfo, TrustList, TrustListError, certificate_pem, key_id
from desktop.identity.certificate import build_self_signed

NOW = datetime(2026, 11, 28, tzinfo=UTC)


def _cert(company: str) -> x509.Certificate:
    return build_self_signed(
        ec.generate_private_key(ec.SECP256R1()), IdentityInfo("N", "T", company, "IN"), now=NOW
    )


def test_add_list_and_find_by_key_id(tmp_path: Path) -> None:
    trust = TrustList(tmp_path)
    assert trust.issuers() == []
    a, b = _cert("Surat Polishers Pvt Ltd"), _cert("Dubai Rough FZE")
    trust.add(certificate_pem(a), "a.pem")
    trust.add(certificate_pem(a), "a.pem")  # idempotent
    trust.add(b.public_bytes(serialization.Encoding.DER))  # DER is accepted too
    issuers = trust.issuers()
    assert len(issuers) == 2
    assert {i.info.company for i in issuers} == {"Surat Polishers Pvt Ltd", "Dubai Rough FZE"}
    assert trust.by_key_id(key_id(a)[:8]) == [a]
    assert trust.contains(b)


def test_bad_certificate_is_refused(tmp_path: Path) -> None:
    trust = TrustList(tmp_path)
    with pytest.raises(TrustListError, match=r"not an X\.509 certificate"):
        trust.add(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "x.pem")
    assert trust.issuers() == []


def test_damaged_trust_file_is_reported(tmp_path: Path) -> None:
    trust = TrustList(tmp_path)
    trust.add(certificate_pem(_cert("A")))
    (trust.folder / "broken.pem").write_text("garbage")
    with pytest.raises(TrustListError, match=r"broken\.pem"):
        trust.issuers()
