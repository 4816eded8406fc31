"""Issuing through the register: numbers from the register, refusals record nothing, failures leave no gap."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.attestation import build as build_module
from desktop.attestation.build import AttestationRefusedError
from desktop.attestation.issue import issue_attestation
from desktop.attestation.verify import verify_pdf
from desktop.identity import SigningIdentity
from desktop.register import Register
from desktop.rules.result import Verdict
from tests.attestation.helpers import NOW, assessment, finding, lot


def test_issue_numbers_and_stores(shared_dir: Path, tmp_path: Path, identity: SigningIdentity) -> None:
    with Register.in_data_dir(tmp_path, now=NOW) as register:
        first = issue_attestation(register, assessment(lot(shared_dir, "S16")), identity, now=NOW)
        second = issue_attestation(register, assessment(lot(shared_dir, "S30")), identity, now=NOW)
        assert (first.number, second.number) == ("CS-2026-000001", "CS-2026-000002")
        stored = register.attestation(first.number)
        assert stored is not None and stored.pdf == first.pdf
    result = verify_pdf(first.pdf, [identity.certificate], now=NOW)
    assert result.valid and result.payload is not None and result.payload.number == "CS-2026-000001"


def test_refusal_records_nothing(shared_dir: Path, tmp_path: Path, identity: SigningIdentity) -> None:
    blocked = assessment(
        lot(shared_dir, "S02"),
        {"US": [finding("US", "US-R1", Verdict.BLOCKED, "Diamond of Russian Federation origin", "EO 14068")]},
    )
    with Register.in_data_dir(tmp_path, now=NOW) as register:
        with pytest.raises(AttestationRefusedError, match="US-R1"):
            issue_attestation(register, blocked, identity, now=NOW)
        assert register.attestations() == []


def test_failed_signing_leaves_no_gap(
    shared_dir: Path, tmp_path: Path, identity: SigningIdentity, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> bytes:
        raise build_module.SigningFailedError("token removed")

    with Register.in_data_dir(tmp_path, now=NOW) as register:
        monkeypatch.setattr(build_module, "sign_pdf", broken)
        with pytest.raises(build_module.SigningFailedError):
            issue_attestation(register, assessment(lot(shared_dir, "S16")), identity, now=NOW)
        monkeypatch.undo()
        issued = issue_attestation(register, assessment(lot(shared_dir, "S16")), identity, now=NOW)
        assert issued.number == "CS-2026-000001"


def test_the_register_chain_head_is_printed_and_signed(
    shared_dir: Path, tmp_path: Path, identity: SigningIdentity
) -> None:
    import io

    from pypdf import PdfReader

    with Register.in_data_dir(tmp_path, now=NOW) as register:
        issued = issue_attestation(register, assessment(lot(shared_dir, "S16")), identity, now=NOW)
        head = issued.attestation.content.register_head
        assert head is not None
        seq, digest = head.split(":")
        stored = register.connection.execute(
            "SELECT hash FROM audit_log WHERE seq = ?", (int(seq),)
        ).fetchone()
        assert stored is not None and stored[0] == digest, "the printed head is a real entry of the chain"
        assert register.head()[0] > int(seq), "the attestation's own entry follows it"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(issued.pdf)).pages)
    assert "Register chain head" in text and seq in text
