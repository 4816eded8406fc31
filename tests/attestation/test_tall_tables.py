"""An owner or alias list of any length renders: long lists get their own tables, split across pages."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pypdf
import pytest

from desktop.attestation.build import build_attestation
from desktop.attestation.verify import verify_pdf
from desktop.cli import run
from desktop.identity import SigningIdentity
from desktop.lot import Lot
from tests.attestation.helpers import NOW, assessment, lot


def _crowded(shared_dir: Path, owners: int, aliases: int) -> Lot:
    data = lot(shared_dir, "S16").model_dump(mode="json")
    data["counterparty"]["owners"] = [
        {"name": f"Holding Company Number {i:04d} of the Long Name Group Ltd", "share_percent": "0.05"}
        for i in range(owners)
    ]
    data["counterparty"]["aliases"] = [f"Trading Name {i:04d}" for i in range(aliases)]
    return Lot.model_validate(data)


def _pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize(("owners", "aliases"), [(250, 0), (600, 300), (3, 4)])
def test_every_owner_and_alias_is_printed(
    shared_dir: Path, identity: SigningIdentity, owners: int, aliases: int
) -> None:
    crowded = _crowded(shared_dir, owners, aliases)
    attestation = build_attestation(assessment(crowded), identity, number="CS-2026-000007", issued_at=NOW)
    assert verify_pdf(attestation.pdf, [identity.certificate], now=NOW).status == "valid"
    pages = _pages(attestation.pdf)
    text = " ".join(pages)
    for i in range(owners):
        assert f"Holding Company Number {i:04d} of the Long Name Group Ltd" in text
    for i in range(aliases):
        assert f"Trading Name {i:04d}" in text
    total = len(pages)
    assert all(f"Page {n} of {total}" in page for n, page in enumerate(pages, 1))
    if owners > 12:
        assert total > 3 and f"Owners: {owners}, listed below" in text


def test_cli_attests_a_lot_with_250_owners(
    shared_dir: Path, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CS_TALL_PASS", "correct horse battery")
    at = ["--data-dir", str(data_dir)]
    assert run(["identity", "create", "--name", "Anna Peeters", "--title", "CO", "--company", "Peeters BV",
                "--country", "BE", "--passphrase-env", "CS_TALL_PASS", *at]) == 0  # fmt: skip
    lot_file = tmp_path / "crowded.lot.json"
    lot_file.write_text(json.dumps(_crowded(shared_dir, 250, 0).model_dump(mode="json")))
    out = tmp_path / "crowded.pdf"
    gap = ["--accept-list-gap", "test folder: no official lists loaded"]
    assert (
        run(["attest", str(lot_file), "--out", str(out), "--passphrase-env", "CS_TALL_PASS", *gap, *at]) == 0
    )
    assert run(["verify", str(out), *at]) == 0
