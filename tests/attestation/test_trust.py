"""Trust is explicit: an impostor of the same name is UNTRUSTED, false signing times are INVALID, QR codes low-S."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.attestation import base45
from desktop.attestation.build import Attestation, build_attestation
from desktop.attestation.qr import LOW_S_REQUIRED_FROM, P256_ORDER, decode_qr, encode_qr, payload_for
from desktop.attestation.verify import verify_pdf, verify_qr_text
from desktop.cli import run
from desktop.identity import IdentityStore, SigningIdentity, TrustList, certificate_pem
from tests.attestation.conftest import ISSUER, PASS
from tests.attestation.helpers import NOW, assessment, lot


@pytest.fixture(scope="session")
def impostor(tmp_path_factory: pytest.TempPathFactory) -> SigningIdentity:
    """Anyone can make a certificate with the real issuer's exact name, title, company and e-mail."""
    return IdentityStore(tmp_path_factory.mktemp("impostor")).create(ISSUER, PASS, now=NOW)


@pytest.fixture(scope="session")
def forged(shared_dir: Path, impostor: SigningIdentity) -> Attestation:
    return build_attestation(
        assessment(lot(shared_dir, "S16")), impostor, number="CS-2026-000042", issued_at=NOW
    )


def test_same_name_impostor_is_untrusted_never_valid(
    forged: Attestation, identity: SigningIdentity, impostor: SigningIdentity
) -> None:
    assert impostor.certificate.subject == identity.certificate.subject
    result = verify_pdf(forged.pdf, [identity.certificate], now=NOW)
    assert result.status == "untrusted" and not result.ok
    assert result.fingerprint == impostor.fingerprint != identity.fingerprint
    assert result.trust_note is not None and "impostor" in result.trust_note
    assert identity.fingerprint in result.trust_note
    qr = verify_qr_text(forged.qr_text, [identity.certificate], now=NOW)
    assert qr.status == "invalid"  # the code names the impostor's key: nothing trusted can check it


def test_cli_exit_3_for_the_impostor(
    forged: Attestation, identity: SigningIdentity, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buyer = tmp_path / "buyer"
    TrustList(buyer).add(certificate_pem(identity.certificate))
    pdf = tmp_path / "forged.pdf"
    pdf.write_bytes(forged.pdf)
    assert run(["verify", str(pdf), "--json", "--data-dir", str(buyer)]) == 3
    document = json.loads(capsys.readouterr().out)
    assert document["status"] == "untrusted" and document["valid"] is False
    assert document["certificate_sha256"] != identity.fingerprint


def test_signing_time_after_the_check_is_invalid(shared_dir: Path, identity: SigningIdentity) -> None:
    later = NOW + timedelta(days=3)
    attestation = build_attestation(
        assessment(lot(shared_dir, "S16")), identity, number="CS-2026-000043", issued_at=later
    )
    result = verify_pdf(attestation.pdf, [identity.certificate], now=NOW)
    assert result.status == "invalid"
    assert any("after the time of this check" in p for p in result.problems)
    assert verify_pdf(attestation.pdf, [identity.certificate], now=later).status == "valid"
    qr = verify_qr_text(attestation.qr_text, [identity.certificate], now=NOW)
    assert qr.status == "invalid" and "after today" in qr.problems[0]


def test_certificate_valid_only_from_the_future_is_invalid(shared_dir: Path, tmp_path: Path) -> None:
    # The attack pass: a certificate valid from 2030 signed a document dated 2030, checked in 2026.
    future = NOW.replace(year=2030)
    issuer = IdentityStore(tmp_path).create(ISSUER, PASS, now=future)
    attestation = build_attestation(
        assessment(lot(shared_dir, "S16")), issuer, number="CS-2030-000001", issued_at=future
    )
    result = verify_pdf(attestation.pdf, [issuer.certificate], now=NOW)
    assert result.status == "invalid"
    assert verify_qr_text(attestation.qr_text, [issuer.certificate], now=NOW).status == "invalid"


def _with_s(text: str, transform: object) -> str:
    raw = base45.decode(text[4:])
    body, r, s = raw[:-64], raw[-64:-32], int.from_bytes(raw[-32:], "big")
    assert callable(transform)
    return "CS1:" + base45.encode(body + r + int(transform(s)).to_bytes(32, "big"))


def test_high_s_qr_signature_is_rejected(shared_dir: Path, identity: SigningIdentity) -> None:
    issued = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)  # since Clearstone writes low-S only
    built = build_attestation(
        assessment(lot(shared_dir, "S16")), identity, number="CS-2026-000044", issued_at=issued
    )
    assert verify_qr_text(built.qr_text, [identity.certificate], now=issued).status == "valid"
    twin = _with_s(built.qr_text, lambda s: P256_ORDER - s)
    assert decode_qr(twin).high_s
    result = verify_qr_text(twin, [identity.certificate], now=issued)
    assert result.status == "invalid" and "low-S" in result.problems[0]


def test_codes_printed_before_low_s_keep_verifying(
    attestation: Attestation, identity: SigningIdentity
) -> None:
    # issued 2026-11-28, when either form was written: a buyer's paper copy must not turn invalid
    assert attestation.content.issued_on < LOW_S_REQUIRED_FROM
    twin = _with_s(attestation.qr_text, lambda s: P256_ORDER - s)
    assert decode_qr(twin).high_s
    assert verify_qr_text(twin, [identity.certificate], now=NOW).status == "valid"


def test_new_qr_signatures_are_always_low_s(attestation: Attestation, identity: SigningIdentity) -> None:
    payload = payload_for(attestation.content)
    # ECDSA draws a fresh nonce each time: half of raw signatures are high-S; all 40 must come out low.
    for _ in range(40):
        code = encode_qr(payload, identity.private_key)
        assert not decode_qr(code).high_s
        assert verify_qr_text(code, [identity.certificate], now=NOW).status == "valid"
