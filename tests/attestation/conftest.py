"""Shared fixtures: one signing identity per session and a signed attestation built from fixture S01."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.attestation.build import Attestation, build_attestation
from desktop.attestation.issue import issue_attestation
from desktop.identity import IdentityInfo, IdentityStore, SigningIdentity
from desktop.register import Register
from tests.attestation.helpers import NOW, assessment, lot, possible_match

PASS = "correct horse battery"
ISSUER = IdentityInfo("Анна Петрова-Ødegård", "Head of Compliance", "Antwerpse Diamanthandel Ελλάς BV", "BE",
                      "compliance@adh.example")  # fmt: skip


def two_attestations_and_a_backup(
    data_dir: Path, shared_dir: Path, tmp_path: Path
) -> tuple[list[Path], Path]:
    """A dealer's data folder with two attestations issued (their PDFs saved), and a backup taken between them."""
    identity = IdentityStore(data_dir).create(ISSUER, PASS, now=NOW)
    backup = tmp_path / "between.sqlite"
    pdfs = []
    with Register.in_data_dir(data_dir, now=NOW) as register:
        for n in range(2):
            issued = issue_attestation(register, assessment(lot(shared_dir, "S16")), identity, now=NOW)
            pdf = tmp_path / f"{issued.number}.pdf"
            pdf.write_bytes(issued.pdf)
            pdfs.append(pdf)
            if n == 0:
                register.backup(backup)
    return pdfs, backup


@pytest.fixture(scope="session")
def identity(tmp_path_factory: pytest.TempPathFactory) -> SigningIdentity:
    return IdentityStore(tmp_path_factory.mktemp("issuer")).create(ISSUER, PASS, now=NOW)


@pytest.fixture(scope="session")
def other_identity(tmp_path_factory: pytest.TempPathFactory) -> SigningIdentity:
    info = IdentityInfo("Mallory Impostor", "Director", "Antwerpse Diamanthandel Ελλάς BV", "BE")
    return IdentityStore(tmp_path_factory.mktemp("other")).create(info, PASS, now=NOW)


@pytest.fixture(scope="session")
def attestation(shared_dir: Path, identity: SigningIdentity) -> Attestation:
    the_lot = lot(shared_dir, "S01")
    match, decision = possible_match(the_lot.counterparty.name)
    return build_attestation(
        assessment(the_lot, matches=[match], decisions=[decision]),
        identity,
        number="CS-2026-000042",
        issued_at=NOW,
        buyer="Gemmes Lumière SARL",
        sow_id="SOW-BE-00917",
    )
