"""`clearstone identity`, `attest` and `verify` end to end, with the real rules and the bundled lists."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pypdf
import pytest

from desktop.cli import run

PASS_ENV = "CS_TEST_PASSPHRASE"


@pytest.fixture
def issuer_dir(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(PASS_ENV, "correct horse battery")
    code = run(["identity", "create", "--name", "Anna Peeters", "--title", "Compliance Officer", "--company",
                "Peeters Diamonds BV", "--country", "BE", "--email", "anna@peeters.example",
                "--passphrase-env", PASS_ENV, "--data-dir", str(data_dir)])  # fmt: skip
    assert code == 0
    return data_dir


def _lot(shared_dir: Path, scenario: str) -> str:
    return str(shared_dir / "fixtures" / "lots" / f"{scenario}.lot.json")


# These tests are about the attestation itself; list coverage has its own tests (test_coverage.py), so the gap
# of a data folder without official lists is accepted here, with a reason, as a user would.
GAP = "test folder: no official lists loaded"


SOW_ID = "SOW-BE-00917"


def _attest(issuer_dir: Path, *extra: str, sow: bool = True) -> int:
    return run(
        [
            "attest",
            *extra,
            *(["--sow-id", SOW_ID] if sow else []),
            "--accept-list-gap",
            GAP,
            "--passphrase-env",
            PASS_ENV,
            "--data-dir",
            str(issuer_dir),
        ]
    )


def test_identity_show_export_and_refuse_overwrite(
    issuer_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["identity", "show", "--json", "--data-dir", str(issuer_dir)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["company"] == "Peeters Diamonds BV" and len(shown["fingerprint_sha256"]) == 95
    assert run(["identity", "create", "--name", "X", "--title", "Y", "--company", "Z", "--country", "BE",
                "--passphrase-env", PASS_ENV, "--data-dir", str(issuer_dir)]) == 2  # fmt: skip
    assert "--replace" in capsys.readouterr().err
    pem = tmp_path / "peeters.pem"
    assert run(["identity", "export-certificate", str(pem), "--data-dir", str(issuer_dir)]) == 0
    assert pem.read_text().startswith("-----BEGIN CERTIFICATE-----")
    buyer = tmp_path / "buyer"
    assert run(["identity", "trust", str(pem), "--data-dir", str(buyer)]) == 0
    capsys.readouterr()
    assert run(["identity", "trusted", "--json", "--data-dir", str(buyer)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [i["fingerprint_sha256"] for i in listed] == [shown["fingerprint_sha256"]]


def test_attest_then_verify(
    issuer_dir: Path, shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "S16.pdf"
    assert _attest(issuer_dir, _lot(shared_dir, "S16"), "--out", str(out), "--buyer", "Gemmes Lumière SARL",
                   "--json") == 0  # fmt: skip
    issued = json.loads(capsys.readouterr().out)
    assert re.fullmatch(r"CS-\d{4}-\d{6}", issued["number"])
    assert issued["declarations"] == ["lab_grown", "non_russian_origin"]
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert issued["number"] in text and "LG-2026-1154" in text
    # The register keeps the same PDF under the same number.
    from desktop.register import Register

    with Register.in_data_dir(issuer_dir) as register:
        record = register.attestation(issued["number"])
    assert record is not None and record.pdf == out.read_bytes()

    pem = tmp_path / "issuer.pem"
    run(["identity", "export-certificate", str(pem), "--data-dir", str(issuer_dir)])
    capsys.readouterr()
    assert run(["identity", "show", "--json", "--data-dir", str(issuer_dir)]) == 0
    fingerprint = json.loads(capsys.readouterr().out)["fingerprint_sha256"]
    # The issuer's own data folder trusts its own identity.
    assert run(["verify", str(out), "--data-dir", str(issuer_dir)]) == 0
    buyer = tmp_path / "buyer"
    capsys.readouterr()
    # An intact signature by an issuer the buyer has not trusted is UNTRUSTED, exit 3, with the fingerprint.
    assert run(["verify", str(out), "--data-dir", str(buyer)]) == 3
    seen = capsys.readouterr()
    assert seen.out.startswith("UNTRUSTED") and "VALID (" not in seen.out
    assert fingerprint in seen.out and fingerprint in seen.err and "identity trust" in seen.out
    assert len(seen.err.strip().splitlines()) == 1
    assert run(["verify", str(out), "--json", "--data-dir", str(buyer)]) == 3
    document = json.loads(capsys.readouterr().out)
    assert (document["status"], document["valid"], document["intact"]) == ("untrusted", False, True)
    assert document["certificate_sha256"] == fingerprint and fingerprint in document["how_to_trust"]
    # --cert trusts the given certificate for this one check.
    assert run(["verify", str(out), "--cert", str(pem), "--json", "--data-dir", str(buyer)]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "valid"
    run(["identity", "trust", str(pem), "--data-dir", str(buyer)])
    capsys.readouterr()
    assert run(["verify", str(out), "--json", "--require-trusted", "--data-dir", str(buyer)]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "valid"

    qr = issued["qr"]
    assert run(["verify", "--qr", qr, "--data-dir", str(buyer)]) == 0
    changed = qr[:30] + ("A" if qr[30] != "A" else "B") + qr[31:]
    capsys.readouterr()
    assert run(["verify", "--qr", changed, "--json", "--data-dir", str(buyer)]) == 3
    assert json.loads(capsys.readouterr().out)["status"] == "invalid"
    assert run(["verify", "--qr", qr, "--data-dir", str(tmp_path / "stranger")]) == 3
    assert run(["verify", "--qr", qr, "--cert", str(pem), "--data-dir", str(tmp_path / "stranger")]) == 0

    tampered = bytearray(out.read_bytes())
    tampered[len(tampered) // 3] ^= 0x01
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(bytes(tampered))
    capsys.readouterr()
    assert run(["verify", str(bad), "--data-dir", str(buyer)]) == 3
    assert "verification failed" in capsys.readouterr().err


def test_attest_refuses_a_blocked_lot_and_says_why(
    issuer_dir: Path, shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "S02.pdf"
    assert _attest(issuer_dir, _lot(shared_dir, "S02"), "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "cannot attest" in err and "blocked" in err and "US-R1" in err
    assert not out.exists()
    from desktop.register import Register

    with Register.in_data_dir(issuer_dir) as register:
        assert register.attestations() == []


def test_attest_refuses_open_items(
    issuer_dir: Path, shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _attest(issuer_dir, _lot(shared_dir, "S01"), "--out", str(tmp_path / "S01.pdf")) == 2
    err = capsys.readouterr().err
    assert "needs evidence" in err and "EU" in err


def test_wrong_passphrase_and_existing_output(
    issuer_dir: Path, shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    existing = tmp_path / "taken.pdf"
    existing.write_bytes(b"keep me")
    assert _attest(issuer_dir, _lot(shared_dir, "S16"), "--out", str(existing)) == 2
    assert existing.read_bytes() == b"keep me"
    monkeypatch.setenv(PASS_ENV, "not the passphrase")
    out = tmp_path / "x.pdf"
    assert _attest(issuer_dir, _lot(shared_dir, "S16"), "--out", str(out)) == 2
    assert "wrong passphrase" in capsys.readouterr().err
    assert not out.exists()


def test_cbp_letter(
    issuer_dir: Path, shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = tmp_path / "cbp.pdf"
    assert _attest(issuer_dir, _lot(shared_dir, "S05"), "--jurisdiction", "US", "--out", str(tmp_path / "a.pdf"),
                   "--cbp-letter", str(letter)) == 2  # fmt: skip
    assert "Russian link" in capsys.readouterr().err
    assert not letter.exists()
    assert _attest(issuer_dir, _lot(shared_dir, "S30"), "--jurisdiction", "US", "--out", str(tmp_path / "b.pdf"),
                   "--cbp-letter", str(letter)) == 0  # fmt: skip
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(str(letter)).pages))
    assert (
        "I certify that the non-industrial diamonds in this shipment were not mined, extracted, produced, or "
        "manufactured wholly or in part in the Russian Federation, notwithstanding whether such diamonds have been "
        "substantially transformed into other products outside of the Russian Federation."
    ) in text
    assert "Peeters Diamonds BV" in text and "CBP03" in text


def test_attest_asks_for_the_sow_id_and_never_prints_the_question(
    issuer_dir: Path, shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # S30: natural diamonds whose supplier's invoice carries a SoW statement: the WDC statement fits.
    out = tmp_path / "S30.pdf"
    assert _attest(issuer_dir, _lot(shared_dir, "S30"), "--out", str(out), sow=False) == 2
    err = capsys.readouterr().err
    assert "SoW ID" in err and "Settings" in err and "--sow-id" in err and len(err.strip().splitlines()) == 2
    assert not out.exists()
    # The settings' SoW ID is the default; the statement then carries it.
    from desktop.settings import load_settings, save_settings

    save_settings(load_settings(issuer_dir).updated(sow_id="SOW-BE-55555"), issuer_dir)
    assert _attest(issuer_dir, _lot(shared_dir, "S30"), "--out", str(out), "--json", sow=False) == 0
    issued = json.loads(capsys.readouterr().out)
    assert "wdc_sow_2021" in issued["declarations"]
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages))
    assert "WDC System of Warranties (SoW ID SOW-BE-55555)" in text
    assert "--sow-id" not in text and "settings" not in text.lower()
    # A lab-grown lot takes no SoW statement, so no SoW ID is asked for.
    assert _attest(issuer_dir, _lot(shared_dir, "S16"), "--out", str(tmp_path / "S16.pdf"), sow=False) == 0


def test_attest_language_default_and_choice(
    issuer_dir: Path, shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fr.pdf"
    assert _attest(issuer_dir, _lot(shared_dir, "S16"), "--out", str(out), "--language", "fr", "--json") == 0
    issued = json.loads(capsys.readouterr().out)
    assert issued["language"] == "fr"
    reader = pypdf.PdfReader(str(out))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "ATTESTATION DE CONFORMITÉ" in text and "Comment vérifier ce document" in text
    assert "COMPLIANCE ATTESTATION" not in text
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    # Without --language: the buyer's; S16 names no French-speaking buyer, so English.
    out = tmp_path / "en.pdf"
    assert _attest(issuer_dir, _lot(shared_dir, "S16"), "--out", str(out), "--json") == 0
    assert json.loads(capsys.readouterr().out)["language"] == "en"
