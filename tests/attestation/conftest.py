"""Shared fixtures: one signing identity per session and a signed attestation built from fixture S01."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.attestation.build import Attestation, build_attestation
from desktop.identity import IdentityInfo, IdentityStore, SigningIdentity
from tests.attestation.helpers import NOW, assessment, lot, possible_match

PASS = "correct horse battery"
ISSUER = IdentityInfo("Анна Петрова-Ødegård", "Head of Compliance", "Antwerpse Diamanthandel Ελλάς BV", "BE",
                      "compliance@adh.example")  # fmt: skip


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
