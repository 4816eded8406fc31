"""No rollback, no reused number: older or rewritten registers are refused or named, numbers never repeat."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.register import FILE_NAME, Register
from desktop.register.chain import PAYLOADS, entry_hash, row_sha256
from desktop.register.errors import RestoreRefusedError
from tests.register.conftest import NOW, MakeAssessment, pdf_for


def _replace_by_hand(source: Path, target: Path) -> None:
    """What a user (or an attacker) does with a file manager: the old file copied over the live one."""
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


def _rewrite_chain(path: Path) -> None:
    """Edit a record, then recompute every payload hash, every entry hash and the head: a chain that is intact
    on its own and differs from the real one."""
    conn = sqlite3.connect(path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE assessments SET verdict = 'blocked' WHERE id = 1")
    prev = "0" * 64
    for seq, at, kind, ref, payload_sha in conn.execute(
        "SELECT seq, at, kind, ref, payload_sha256 FROM audit_log ORDER BY seq"
    ).fetchall():
        if kind in PAYLOADS:
            payload = PAYLOADS[kind]
            key = ref.partition(":")[2]
            row = conn.execute(
                f"SELECT {', '.join(payload.columns)} FROM {payload.table} WHERE {payload.key} = ?",
                (int(key) if key.isdigit() and payload.key == "id" else key,),
            ).fetchone()
            if row is not None:
                payload_sha = row_sha256(payload, tuple(row))
        digest = entry_hash(seq, at, kind, ref, payload_sha, prev)
        conn.execute(
            "UPDATE audit_log SET payload_sha256 = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (payload_sha, prev, digest, seq),
        )
        prev = digest
    conn.execute("UPDATE chain_head SET hash = ? WHERE id = 1", (prev,))
    conn.close()


@pytest.fixture
def issued(data_dir: Path, make_assessment: MakeAssessment, tmp_path: Path) -> tuple[Path, Path]:
    """A register with attestations 1-3 and a backup taken after the first."""
    backup = tmp_path / "after-first.sqlite"
    with Register.in_data_dir(data_dir, now=NOW) as register:
        assessment = register.record_assessment(make_assessment(lot_id="L-1"))
        register.issue_attestation(assessment, pdf_for, now=NOW)
        register.backup(backup)
        register.issue_attestation(assessment, pdf_for, now=NOW)
        register.issue_attestation(assessment, pdf_for, now=NOW)
    return data_dir / FILE_NAME, backup


def test_an_older_backup_is_refused_and_a_forced_one_never_reissues_a_number(
    issued: tuple[Path, Path],
) -> None:
    live, backup = issued
    with pytest.raises(RestoreRefusedError, match="CS-2026-000002, CS-2026-000003") as refused:
        Register.restore(backup, live, now=NOW)
    assert "\n" not in str(refused.value)
    outcome = Register.restore(backup, live, now=NOW, force_reason="laptop stolen, restored from USB")
    assert outcome.forced and outcome.dropped == ["CS-2026-000002", "CS-2026-000003"]
    with Register.open(live, now=NOW) as register:
        assert register.attestation("CS-2026-000002") is None
        number, _ = register.issue_attestation(1, pdf_for, now=NOW)
        assert number == "CS-2026-000004"  # 2 and 3 were issued before the rollback: never again
        report = register.verify()
        assert report.ok, report.describe()
        skips = register.connection.execute("SELECT year, first, last FROM number_skips").fetchall()
        assert skips == [(2026, 2, 3)]


def test_a_register_replaced_by_hand_is_named_and_numbers_continue(issued: tuple[Path, Path]) -> None:
    live, backup = issued
    _replace_by_hand(backup, live)
    with Register.open(live, now=NOW) as register:
        report = register.verify()
        assert not report.ok
        assert "rolled back" in report.describe()
        number, _ = register.issue_attestation(1, pdf_for, now=NOW)
        assert number == "CS-2026-000004"
        # Growing past the recorded head does not launder the rollback.
        for _ in range(6):
            register.issue_attestation(1, pdf_for, now=NOW)
        assert "rolled back" in register.verify().describe()


def test_cli_verify_names_the_rollback_and_force_acknowledges_it(
    issued: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live, backup = issued
    _replace_by_hand(backup, live)
    data = ["--data-dir", str(live.parent)]
    assert run(["register", "verify", *data]) == 3
    assert "rolled back" in capsys.readouterr().err
    copy = tmp_path / "as-found.sqlite"
    assert run(["register", "backup", str(copy), *data]) == 0
    assert run(["register", "restore", str(copy), *data]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--force REASON" in err
    assert (
        run(["register", "restore", str(copy), "--force", "file replaced by hand on 3 Dec", "--json", *data])
        == 0
    )
    document = json.loads(capsys.readouterr().out)
    assert document["forced"] and document["ok"]
    assert run(["register", "verify", *data]) == 0
    capsys.readouterr()
    assert run(["register", "list", "--kind", "restore", *data]) == 0
    assert "rollback forced: file replaced by hand on 3 Dec" in capsys.readouterr().out


def test_a_backup_with_recomputed_hashes_is_refused_as_forked(
    data_dir: Path, make_assessment: MakeAssessment, tmp_path: Path
) -> None:
    backup = tmp_path / "edited.sqlite"
    with Register.in_data_dir(data_dir, now=NOW) as register:
        register.record_assessment(make_assessment(lot_id="L-1"))
        register.record_assessment(make_assessment(lot_id="L-2"))
        register.backup(backup)
    _rewrite_chain(backup)
    with Register.open(backup, now=NOW) as edited:
        assert edited.verify().ok  # intact on its own: only the register it would replace can tell
    live = data_dir / FILE_NAME
    with pytest.raises(RestoreRefusedError, match="forked"):
        Register.restore(backup, live, now=NOW)
    with Register.open(live, now=NOW) as register:
        assert register.assessment(1) is not None and register.verify().ok
    # Replaced by hand instead of restored: the head recorded beside the register names the rewrite.
    _replace_by_hand(backup, live)
    with Register.open(live, now=NOW) as register:
        assert "rewritten" in register.verify().describe()


def test_hiding_a_record_from_search_breaks_verify(data_dir: Path, make_assessment: MakeAssessment) -> None:
    with Register.in_data_dir(data_dir, now=NOW) as register:
        register.record_assessment(make_assessment(lot_id="L-1", counterparty="Orapa Gem Traders"))
        assert [r.ref for r in register.search("orapa")] == ["assessment:1"]
    conn = sqlite3.connect(data_dir / FILE_NAME, isolation_level=None)
    conn.execute("DROP TRIGGER assessments_no_update")
    conn.execute("UPDATE assessments SET search_text = 'nothing to see' WHERE id = 1")
    conn.close()
    with Register.in_data_dir(data_dir, now=NOW) as register:
        assert register.search("orapa") == []
        report = register.verify()
    assert not report.ok and "hidden from or planted in search" in report.describe()


def test_a_damaged_number_record_stops_issuing_in_one_line(issued: tuple[Path, Path]) -> None:
    from desktop.fileio import is_fault
    from desktop.register.errors import NumberRecordError

    live, _ = issued
    with Register.open(live, now=NOW) as register:
        register.watermark_path.write_text(
            '{"format": "clearstone.register-watermark/1", "numbers": {"2026": "x"}}'
        )
        before = register.verify().entries
        with pytest.raises(NumberRecordError, match="move it aside") as refused:
            register.issue_attestation(1, pdf_for, now=NOW)
        assert is_fault(refused.value) and "\n" not in str(refused.value)  # the CLI's exit 2, one line
        report = register.verify()
        assert report.entries == before and "damaged" in report.describe()
        register.watermark_path.unlink()  # moved aside: issuing continues from the register's own counter
        assert register.issue_attestation(1, pdf_for, now=NOW)[0] == "CS-2026-000004"
