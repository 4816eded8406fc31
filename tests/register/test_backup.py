"""Online backup and a restore that verifies the backup before it touches the live register."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.register import BackupError, NotARegisterError, RecordKind, Register
from desktop.register.errors import RestoreRefusedError
from tests.register.conftest import NOW, MakeAssessment, pdf_for


@pytest.fixture
def live(data_dir: Path, make_assessment: MakeAssessment) -> Register:
    register = Register.in_data_dir(data_dir, now=NOW)
    assessment_id = register.record_assessment(make_assessment(lot_id="L-1"))
    register.issue_attestation(assessment_id, pdf_for, now=NOW)
    scan = data_dir / "scan.pdf"
    scan.write_bytes(b"KP scan")
    register.add_evidence_file(scan, now=NOW)
    return register


def test_backup_is_one_verified_file_with_its_evidence(live: Register, tmp_path: Path) -> None:
    target = tmp_path / "backups" / "clearstone-2026-11-28.sqlite"
    target.parent.mkdir()
    report = live.backup(target)
    live.close()
    assert report.ok
    assert not Path(f"{target}-wal").exists()
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT COUNT(*) FROM attestations").fetchone()[0] == 1
    conn.close()
    assert [
        p.name
        for p in (tmp_path / "backups" / "clearstone-2026-11-28.sqlite.evidence").rglob("*")
        if p.is_file()
    ]


def test_backup_never_overwrites_the_live_register_or_a_foreign_file(live: Register, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="live register"):
        live.backup(live.path)
    foreign = tmp_path / "notes.sqlite"
    foreign.write_text("my notes")
    with pytest.raises(BackupError, match="not overwritten"):
        live.backup(foreign)
    assert foreign.read_text() == "my notes"
    live.close()


def test_restore_brings_back_the_backed_up_state(
    live: Register, tmp_path: Path, make_assessment: MakeAssessment
) -> None:
    target = tmp_path / "backup.sqlite"
    live.backup(target)
    live.record_assessment(make_assessment(lot_id="AFTER-BACKUP"))
    digest = live.connection.execute("SELECT sha256 FROM evidence_files").fetchone()[0]
    live.evidence_path(digest).unlink()  # lost with the disk, say
    path = live.path
    # The backup is older than the register: restoring it would be a rollback, refused without a reason.
    with pytest.raises(RestoreRefusedError, match=r"older than the register it replaces.*--force REASON"):
        Register.restore(target, path, now=NOW)
    assert [r.lot_id for r in live.search("after-backup")] == ["AFTER-BACKUP"]
    outcome = Register.restore(target, path, now=NOW, force_reason="disk failure; last backup of the 28th")
    assert outcome.report.ok and outcome.forced and outcome.rollback
    assert [
        r.lot_id for r in live.search("after-backup")
    ] == []  # an open connection sees the restored content
    live.close()
    with Register.open(path, now=NOW) as restored:
        assert restored.attestation("CS-2026-000001") is not None
        assert restored.evidence_path(digest).read_bytes() == b"KP scan"
        assert restored.verify().ok
        (record,) = restored.list_records([RecordKind.RESTORE])
        assert "rollback forced: disk failure" in record.summary
        assert restored.show(record.ref)["reason"] == "disk failure; last backup of the 28th"
    assert outcome.safety_copy is not None
    with Register.open(outcome.safety_copy, now=NOW) as before:  # the state just before the restore was kept
        assert [r.lot_id for r in before.search("after-backup")] == ["AFTER-BACKUP"]


def test_restoring_a_newer_backup_needs_no_force(
    live: Register, tmp_path: Path, make_assessment: MakeAssessment
) -> None:
    other = tmp_path / "copy.sqlite"
    live.backup(other)
    live.close()
    with Register.open(other, now=NOW) as copy:  # the backup went on to record more (another machine)
        copy.record_assessment(make_assessment(lot_id="LATER"))
    path = live.path
    outcome = Register.restore(other, path, now=NOW)
    assert outcome.report.ok and not outcome.forced
    with Register.open(path, now=NOW) as restored:
        assert [r.lot_id for r in restored.search("later")] == ["LATER"]


def test_a_tampered_backup_is_refused_and_the_live_register_is_unchanged(
    live: Register, tmp_path: Path
) -> None:
    target = tmp_path / "backup.sqlite"
    live.backup(target)
    conn = sqlite3.connect(target)
    conn.execute("DROP TRIGGER assessments_no_update")
    conn.execute("UPDATE assessments SET verdict = 'cleared', json = replace(json, 'L-1', 'L-X')")
    conn.commit()
    conn.close()
    path = live.path
    live.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.read_bytes()
    with pytest.raises(BackupError, match=r"was not restored: audit entry .* assessment:1 was changed"):
        Register.restore(target, path, now=NOW)
    assert path.read_bytes() == before
    live.close()


def test_a_foreign_file_is_not_restored(live: Register, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00" * 5000)
    with pytest.raises(NotARegisterError):
        Register.restore(junk, live.path, now=NOW)
    with pytest.raises(BackupError, match="no such backup"):
        Register.restore(tmp_path / "missing.sqlite", live.path, now=NOW)
    live.close()
