"""`clearstone register ...` per the command-line contract: JSON output, exit 0 / 2 / 3."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.register import Register
from tests.register.conftest import NOW, MakeAssessment, pdf_for


@pytest.fixture
def filled(data_dir: Path, make_assessment: MakeAssessment) -> Path:
    with Register.in_data_dir(data_dir, now=NOW) as register:
        first = register.record_assessment(make_assessment(lot_id="L-1", counterparty="Orapa Gem Traders"))
        register.record_assessment(make_assessment(lot_id="L-2"))
        register.issue_attestation(first, pdf_for, now=NOW)
    return data_dir


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_search_and_show_as_json(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "register", "list", "--data-dir", str(filled), "--json")
    assert code == 0
    assert [r["ref"] for r in json.loads(out)] == [
        "attestation:CS-2026-000001",
        "assessment:2",
        "assessment:1",
    ]
    code, out, _ = cli(capsys, "register", "search", "orapa", "--data-dir", str(filled), "--json")
    assert [r["ref"] for r in json.loads(out)] == ["attestation:CS-2026-000001", "assessment:1"]
    code, out, _ = cli(capsys, "register", "show", "CS-2026-000001", "--data-dir", str(filled), "--json")
    assert code == 0 and json.loads(out)["assessment_id"] == 1
    pdf = filled / "copy.pdf"
    code, _, _ = cli(
        capsys, "register", "show", "CS-2026-000001", "--pdf", str(pdf), "--data-dir", str(filled)
    )
    assert code == 0 and pdf.read_bytes() == pdf_for("CS-2026-000001")
    code, _, err = cli(capsys, "register", "show", "1", "--pdf", str(pdf), "--data-dir", str(filled))
    assert code == 2 and "not an attestation" in err
    code, out, _ = cli(capsys, "register", "show", "1", "--data-dir", str(filled))
    assert code == 0 and "verdict: cleared" in out and "attestations: ['CS-2026-000001']" in out
    code, _, err = cli(capsys, "register", "show", "99", "--data-dir", str(filled))
    assert code == 2 and err.startswith("clearstone: assessment:99: no such record")


def test_verify_exits_0_when_intact_and_3_naming_the_first_bad_entry(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(capsys, "register", "verify", "--data-dir", str(filled))
    assert code == 0 and out.startswith("register intact")
    conn = sqlite3.connect(filled / "register.sqlite")
    seq = conn.execute("SELECT seq FROM audit_log WHERE ref = 'assessment:2'").fetchone()[0]
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE seq = ?", (seq,))
    conn.commit()
    conn.close()
    code, out, err = cli(capsys, "register", "verify", "--data-dir", str(filled), "--json")
    assert code == 3
    report = json.loads(out)
    assert report["ok"] is False and report["first_bad"]["seq"] == seq
    assert f"audit entry {seq}" in err


def test_export_backup_restore_and_reconcile(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dd = ("--data-dir", str(filled))
    assert cli(capsys, "register", "export", str(tmp_path / "all.csv"), *dd)[0] == 0
    assert (tmp_path / "all.csv").read_text().startswith("ref,kind,at,lot_id,summary,sha256")
    assert cli(capsys, "register", "export", str(tmp_path / "all.json"), *dd)[0] == 0
    assert json.loads((tmp_path / "all.json").read_text())["format"] == "clearstone.register-export/1"
    code, out, _ = cli(capsys, "register", "backup", str(tmp_path / "b.sqlite"), *dd, "--json")
    assert code == 0 and json.loads(out)["ok"] is True
    code, out, _ = cli(capsys, "register", "restore", str(tmp_path / "b.sqlite"), *dd)
    assert code == 0 and "restored" in out and "before-restore" in out
    code, _, err = cli(capsys, "register", "restore", str(tmp_path / "all.csv"), *dd)
    assert code == 2 and "not a Clearstone register" in err
    code, out, _ = cli(capsys, "register", "reconcile", "2026", "--out", str(tmp_path / "sow.csv"), *dd)
    assert code == 0 and "received" in (tmp_path / "sow.csv").read_text()


def test_a_foreign_register_file_is_refused_with_exit_2(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / "register.sqlite").write_text("not a database")
    code, _, err = cli(capsys, "register", "list", "--data-dir", str(data_dir))
    assert code == 2 and "not a Clearstone register" in err
    assert (data_dir / "register.sqlite").read_text() == "not a database"


def test_retention_cannot_be_lowered(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "register", "retention", "--set", "5", "--data-dir", str(data_dir))
    assert code == 2 and "cannot be less than 10 years" in err
    code, out, _ = cli(capsys, "register", "retention", "--set", "11", "--data-dir", str(data_dir), "--json")
    assert code == 0 and json.loads(out) == {"retention_years": 11}


def test_rescreen_wires_the_screening_service(
    data_dir: Path, make_assessment: MakeAssessment, capsys: pytest.CaptureFixture[str]
) -> None:
    """An assessment recorded before the party was listed: the bundled list now names it."""
    with Register.in_data_dir(data_dir, now=NOW) as register:
        assessment_id = register.record_assessment(make_assessment(lot_id="L-7", counterparty="PJSC ALROSA"))
        number, _ = register.issue_attestation(assessment_id, pdf_for, now=NOW)
    code, out, _ = cli(
        capsys, "register", "rescreen", "--since-years", "50", "--data-dir", str(data_dir), "--json"
    )
    assert code == 0
    messages = [c["message"] for c in json.loads(out)["changes"]]
    assert any(m.startswith(f"counterparty of attestation {number} (lot L-7) now matches") for m in messages)
    assert any("34644" in m for m in messages)
