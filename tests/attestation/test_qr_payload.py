"""The CS1 QR payload: compact, signed, and broken by any single changed character."""

from __future__ import annotations

import pytest

from desktop.attestation import base45
from desktop.attestation.build import Attestation
from desktop.attestation.qr import PREFIX, QrFormatError, decode_qr, differences, encode_qr, payload_for
from desktop.attestation.verify import verify_qr_text
from desktop.identity import SigningIdentity

ALPHABET = base45.ALPHABET


def test_payload_carries_the_key_facts(attestation: Attestation) -> None:
    payload = decode_qr(attestation.qr_text).payload
    content = attestation.content
    assert payload.number == "CS-2026-000042"
    assert payload.lot_id == "KRT-26-1184"
    assert (
        payload.total_carats == "27.45"
        and payload.stone_count == 38
        and payload.largest_stone_carats == "1.20"
    )
    assert payload.mining_countries == ("BW",)
    assert payload.verdict == "cleared"
    assert payload.buyer == "Gemmes Lumière SARL"
    assert payload.issuer == "Antwerpse Diamanthandel Ελλάς BV"
    assert payload.content_sha256 == content.sha256()
    assert payload.rule_pack_sha256 == bytes.fromhex(content.rule_pack.sha256)[:16]
    assert differences(payload, content) == []


def test_text_is_compact_and_qr_alphanumeric(attestation: Attestation) -> None:
    text = attestation.qr_text
    assert text.startswith(PREFIX)
    assert len(text) < 600
    assert all(ch in ALPHABET for ch in text)  # QR alphanumeric mode: 5.5 bits per character


def test_long_names_are_clipped_to_keep_the_code_small(
    attestation: Attestation, identity: SigningIdentity
) -> None:
    long_name = "Ювелирный торговый дом «Бриллиантовая линия» международный" * 3
    content = attestation.content.model_copy(update={"buyer": long_name})
    text = encode_qr(payload_for(content), identity.private_key)
    assert len(text) < 600
    assert decode_qr(text).payload.buyer == long_name[:40]


def test_verifies_with_the_issuer_certificate(attestation: Attestation, identity: SigningIdentity) -> None:
    result = verify_qr_text(attestation.qr_text, [identity.certificate])
    assert result.valid and result.trusted, result.problems
    untrusted = verify_qr_text(attestation.qr_text, [], extra=[identity.certificate])
    assert untrusted.valid and not untrusted.trusted
    assert untrusted.status == "untrusted" and not untrusted.ok
    assert untrusted.to_json()["how_to_trust"] and untrusted.fingerprint == identity.fingerprint


def test_unknown_issuer_cannot_be_verified(attestation: Attestation) -> None:
    result = verify_qr_text(attestation.qr_text, [])
    assert not result.valid
    assert "not in your trust list" in result.problems[0]


def test_certificate_from_another_key_fails(
    attestation: Attestation, identity: SigningIdentity, other_identity: SigningIdentity
) -> None:
    assert not verify_qr_text(attestation.qr_text, [other_identity.certificate]).valid
    assert not verify_qr_text(attestation.qr_text, [], extra=[other_identity.certificate]).valid
    # A code signed by another key that claims the issuer's key id fails against the issuer's certificate.
    forged = payload_for(attestation.content)
    text = encode_qr(forged, other_identity.private_key)
    result = verify_qr_text(text, [identity.certificate])
    assert not result.valid and "does not match" in result.problems[0]


def test_every_single_changed_character_fails(attestation: Attestation, identity: SigningIdentity) -> None:
    text = attestation.qr_text
    for position in range(len(PREFIX), len(text), 7):
        replacement = ALPHABET[(ALPHABET.index(text[position]) + 1) % len(ALPHABET)]
        altered = text[:position] + replacement + text[position + 1 :]
        result = verify_qr_text(altered, [identity.certificate])
        assert not result.valid, f"change at {position} was not detected"


@pytest.mark.parametrize("text", ["", "CS2:ABC", "hello", "CS1:", "CS1:AB", "CS1:" + "0" * 200])
def test_malformed_codes_are_rejected(text: str) -> None:
    with pytest.raises(QrFormatError):
        decode_qr(text)
