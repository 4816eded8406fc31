"""A register written by an older schema opens in this version, keeps its data and its chain verifies."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from desktop.register import NewerRegisterError, Register
from desktop.register.chain import canonical, log_record
from desktop.register.schema import APPLICATION_ID, LATEST_VERSION, MIGRATIONS
from tests.register.conftest import NOW, MakeAssessment, pdf_for

V1_AT = "2025-03-01T10:00:00.000000+00:00"


def build_v1_register(path: Path, make_assessment: MakeAssessment) -> str:
    """Write a register exactly as version 1 of the schema did (rollback journal, no drafts, no search column)."""
    assessment = make_assessment(lot_id="OLD-1", counterparty="Orapa Legacy Traders")
    text = canonical(assessment.model_dump(mode="json"))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    assert MIGRATIONS[0].version == 1
    MIGRATIONS[0].apply(conn)
    conn.execute("INSERT INTO schema_version VALUES (1, ?, ?)", (MIGRATIONS[0].description, V1_AT))
    log_record(conn, "schema", 1, V1_AT)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO settings VALUES ('retention_years', '10', ?)", (V1_AT,))
    log_record(conn, "setting", "retention_years", V1_AT)
    conn.execute(
        "INSERT INTO assessments (lot_id, lot_record, verdict, assessed_at, json, sha256, rule_pack_id,"
        " rule_pack_version, rule_pack_sha256, lists) VALUES (?, NULL, 'cleared', ?, ?, ?, 'pack', '1', ?, '[]')",
        ("OLD-1", V1_AT, text, assessment.sha256(), "cd" * 32),
    )
    log_record(conn, "assessment", 1, V1_AT)
    pdf = pdf_for("CS-2025-000001")
    conn.execute("INSERT INTO attestation_counters VALUES (2025, 1)")
    conn.execute(
        "INSERT INTO attestations VALUES ('CS-2025-000001', 2025, 1, 1, ?, ?, ?)",
        (hashlib.sha256(pdf).hexdigest(), pdf, V1_AT),
    )
    log_record(conn, "attestation", "CS-2025-000001", V1_AT)
    conn.execute("COMMIT")
    conn.close()
    return assessment.sha256()


def test_a_version_1_register_opens_migrated_and_verified(
    data_dir: Path, make_assessment: MakeAssessment
) -> None:
    path = data_dir / "register.sqlite"
    digest = build_v1_register(path, make_assessment)
    with Register.open(path, now=NOW) as register:
        versions = [
            r[0] for r in register.connection.execute("SELECT version FROM schema_version ORDER BY version")
        ]
        assert versions == list(range(1, LATEST_VERSION + 1))
        assert register.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        report = register.verify()
        assert report.ok, report.describe()
        # old data is intact and the columns a later version added were filled in from it
        old = register.assessment(1)
        assert old is not None and old.sha256() == digest
        assert [r.ref for r in register.search("orapa legacy")] == [
            "attestation:CS-2025-000001",
            "assessment:1",
        ]
        # each migration step is itself in the audit log
        refs = [r[0] for r in register.connection.execute("SELECT ref FROM audit_log WHERE kind = 'schema'")]
        assert refs == [f"schema:{v}" for v in range(1, LATEST_VERSION + 1)]
        # and the new features work on the old file
        register.save_draft("wizard", json.dumps({"step": 1}), now=NOW)
        new_id = register.record_assessment(make_assessment(lot_id="NEW-1"))
        assert register.issue_attestation(new_id, pdf_for, now=NOW.replace(year=2025))[0] == "CS-2025-000002"
        assert register.verify().ok
    with Register.open(path, now=NOW) as again:  # opening a current register changes nothing
        schema_entries = again.connection.execute("SELECT COUNT(*) FROM audit_log WHERE kind = 'schema'")
        assert schema_entries.fetchone()[0] == LATEST_VERSION


def test_a_register_from_a_newer_version_is_refused_untouched(data_dir: Path) -> None:
    path = data_dir / "register.sqlite"
    Register.open(path, now=NOW).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO schema_version VALUES (?, 'from the future', ?)", (LATEST_VERSION + 1, V1_AT))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerRegisterError, match="update Clearstone"):
        Register.open(path, now=NOW)
    assert path.read_bytes() == before


def test_two_processes_creating_the_register_at_once_migrate_it_once(data_dir: Path) -> None:
    import multiprocessing

    path = data_dir / "register.sqlite"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_open_once, args=(path,)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == 0
    with Register.open(path, now=NOW) as register:
        assert (
            register.connection.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == LATEST_VERSION
        )
        assert register.verify().ok


def _open_once(path: Path) -> None:
    Register.open(path, now=NOW).close()
