"""The audit chain names the first entry altered, deleted or reordered, and records changed behind its back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.register import Register
from tests.register.conftest import NOW, MakeAssessment, pdf_for


@pytest.fixture
def filled(data_dir: Path, make_assessment: MakeAssessment) -> Path:
    """A closed register with a few records of each kind; returns its path."""
    with Register.in_data_dir(data_dir, now=NOW) as register:
        for n in range(3):
            assessment_id = register.record_assessment(
                make_assessment(lot_id=f"L-{n}", assessed_at=NOW + timedelta(minutes=n))
            )
        register.issue_attestation(assessment_id, pdf_for, now=NOW + timedelta(hours=1))
        evidence = data_dir / "kp.pdf"
        evidence.write_bytes(b"KP certificate scan")
        register.add_evidence_file(evidence, now=NOW)
        assert register.verify().ok
        return register.path


@contextmanager
def tamper(path: Path) -> Iterator[sqlite3.Connection]:
    """What someone with a SQLite browser could do: drop the guards and edit rows."""
    conn = sqlite3.connect(path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    try:
        yield conn
    finally:
        conn.close()


def entry_seq(path: Path, ref: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT seq FROM audit_log WHERE ref = ?", (ref,)).fetchone()[0])
    finally:
        conn.close()


def verify(path: Path) -> tuple[int | None, str]:
    with Register.open(path) as register:
        report = register.verify()
    assert not report.ok
    assert report.first_bad is not None
    return report.first_bad.seq, report.describe()


def test_an_edited_entry_is_named(filled: Path) -> None:
    seq = entry_seq(filled, "assessment:2")
    with tamper(filled) as conn:
        conn.execute("UPDATE audit_log SET at = '2020-01-01T00:00:00.000000+00:00' WHERE seq = ?", (seq,))
    first, text = verify(filled)
    assert first == seq
    assert f"audit entry {seq}: altered" in text


def test_a_deleted_entry_is_named(filled: Path) -> None:
    seq = entry_seq(filled, "assessment:2")
    with tamper(filled) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq = ?", (seq,))
    first, text = verify(filled)
    assert first == seq
    assert f"audit entry {seq}: entry {seq} is missing" in text


def test_entries_cut_off_the_end_with_their_records_are_named(filled: Path) -> None:
    conn = sqlite3.connect(filled)
    last, ref = conn.execute("SELECT seq, ref FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    conn.close()
    assert ref.startswith("evidence:")
    with tamper(filled) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq >= ?", (last - 1,))
        conn.execute("DELETE FROM evidence_files")
        conn.execute("DELETE FROM attestations")
    first, text = verify(filled)
    assert first == last - 1
    assert f"entries {last - 1}-{last} are missing: deleted from the end of the log" in text


def test_reordered_entries_are_named(filled: Path) -> None:
    a, b = entry_seq(filled, "assessment:1"), entry_seq(filled, "assessment:2")
    with tamper(filled) as conn:
        conn.execute("UPDATE audit_log SET seq = -1 WHERE seq = ?", (a,))
        conn.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", (a, b))
        conn.execute("UPDATE audit_log SET seq = ? WHERE seq = -1", (b,))
    first, text = verify(filled)
    assert first == a
    assert "reordered" in text


def test_an_entry_rewritten_with_a_fresh_hash_breaks_the_next_link(filled: Path) -> None:
    from desktop.register.chain import entry_hash

    seq = entry_seq(filled, "assessment:2")
    with tamper(filled) as conn:
        at, kind, ref, _, prev = conn.execute(
            "SELECT at, kind, ref, payload_sha256, prev_hash FROM audit_log WHERE seq = ?", (seq,)
        ).fetchone()
        forged = "f" * 64
        conn.execute(
            "UPDATE audit_log SET payload_sha256 = ?, hash = ? WHERE seq = ?",
            (forged, entry_hash(seq, at, kind, ref, forged, prev), seq),
        )
    first, _ = verify(filled)
    assert first == seq  # its record no longer matches the forged payload hash
    with Register.open(filled) as register:
        problems = [p.seq for p in register.verify().problems]
    assert seq + 1 in problems  # and the following entry no longer links to it


def test_a_record_changed_behind_the_log_is_named(filled: Path) -> None:
    seq = entry_seq(filled, "assessment:2")
    with tamper(filled) as conn:
        conn.execute(
            "UPDATE assessments SET verdict = 'cleared', json = replace(json, 'L-1', 'L-9') WHERE id = 2"
        )
    first, text = verify(filled)
    assert first == seq
    assert "assessment:2 was changed after it was recorded" in text


def test_a_record_deleted_or_added_behind_the_log_is_named(filled: Path) -> None:
    seq = entry_seq(filled, "assessment:1")
    with tamper(filled) as conn:
        conn.execute("DELETE FROM assessments WHERE id = 1")
        conn.execute(
            "INSERT INTO lots (lot_id, version, saved_at, json, sha256) VALUES ('X', 1, '2026-01-01', '{}', '')"
        )
    with Register.open(filled) as register:
        report = register.verify()
    assert report.first_bad is not None and report.first_bad.seq == seq
    texts = [p.problem for p in report.problems]
    assert "assessment:1 was deleted behind the log's back" in texts
    assert any(t.startswith("lot:1 has no audit entry") for t in texts)


def test_a_swapped_attestation_pdf_is_named(filled: Path) -> None:
    seq = entry_seq(filled, "attestation:CS-2026-000001")
    with tamper(filled) as conn:
        conn.execute("UPDATE attestations SET pdf = ? WHERE number = 'CS-2026-000001'", (b"%PDF forged",))
    first, text = verify(filled)
    assert first == seq
    assert "stored PDF does not match" in text or "was changed" in text


def test_an_altered_evidence_file_is_named(filled: Path) -> None:
    with Register.open(filled) as register:
        (digest,) = register.connection.execute("SELECT sha256 FROM evidence_files").fetchone()
        register.evidence_path(digest).write_bytes(b"another scan")
    first, text = verify(filled)
    assert first == entry_seq(filled, f"evidence:{digest}")
    assert "evidence file was changed" in text


def test_an_untouched_register_verifies_and_reports_its_head(filled: Path) -> None:
    with Register.open(filled) as register:
        report = register.verify()
    assert report.ok
    assert report.entries == entry_seq(filled, "evidence:" + _only_evidence(filled))
    assert report.describe().startswith(f"register intact: {report.entries} audit entries")


def _only_evidence(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT sha256 FROM evidence_files").fetchone()[0])
    finally:
        conn.close()
