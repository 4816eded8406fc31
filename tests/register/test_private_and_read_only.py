"""Owner-only files and folders; the read-only mode reads old registers without touching them."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.register import FILE_NAME, Register
from desktop.register.errors import RegisterReadOnlyError
from tests.register.conftest import NOW, MakeAssessment, pdf_for
from tests.register.test_migrations import build_v1_register

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_register_evidence_backups_and_the_data_folder_are_owner_only(
    tmp_path: Path, make_assessment: MakeAssessment
) -> None:
    data = tmp_path / "new-data"
    assert run(["register", "list", "--data-dir", str(data)]) == 0  # creates the folder and the register
    assert _mode(data) == 0o700
    with Register.in_data_dir(data, now=NOW) as register:
        assessment = register.record_assessment(make_assessment(lot_id="L-1"))
        register.issue_attestation(assessment, pdf_for, now=NOW)
        scan = tmp_path / "scan.pdf"
        scan.write_bytes(b"KP scan")
        digest = register.add_evidence_file(scan, now=NOW)
        backup = tmp_path / "backup.sqlite"
        register.backup(backup)
        for path in (data / FILE_NAME, Path(f"{data / FILE_NAME}-wal"), register.watermark_path, backup):
            assert _mode(path) == 0o600, path
        evidence = register.evidence_path(digest)
        assert _mode(evidence) == 0o600
        assert _mode(evidence.parent) == 0o700 and _mode(evidence.parent.parent) == 0o700


def test_an_old_register_is_read_read_only_without_being_changed(
    data_dir: Path, make_assessment: MakeAssessment
) -> None:
    path = data_dir / FILE_NAME
    build_v1_register(path, make_assessment)
    before = path.read_bytes()
    with Register.open(path, now=NOW, read_only=True) as register:
        assert register.read_only
        assert register.verify().ok  # migrated in a private copy, so the chain and search work
        assert [r.ref for r in register.search("orapa legacy")][-1] == "assessment:1"
        with pytest.raises(RegisterReadOnlyError, match="nothing was changed"):
            register.record_assessment(make_assessment(lot_id="NEW"))
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_read_only_sees_what_a_writer_committed(data_dir: Path, make_assessment: MakeAssessment) -> None:
    """An auditor reading beside the dealer's open register sees its latest commits (no stale snapshot)."""
    with Register.in_data_dir(data_dir, now=NOW) as writer:
        writer.record_assessment(make_assessment(lot_id="L-1"))
        with Register.in_data_dir(data_dir, now=NOW, read_only=True) as reader:
            assert [r.lot_id for r in reader.search("l-1")] == ["L-1"]
            writer.record_assessment(make_assessment(lot_id="L-2"))
            assert [r.lot_id for r in reader.search("l-2")] == ["L-2"]
            assert reader.verify().ok


def test_a_missing_register_in_read_only_mode_is_one_line(data_dir: Path) -> None:
    with pytest.raises(RegisterReadOnlyError, match="no register in"):
        Register.in_data_dir(data_dir, read_only=True)
    assert not (data_dir / FILE_NAME).exists()
