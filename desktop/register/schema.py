"""The register's SQLite schema as ordered migration steps, so an older register opens in a newer app."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from desktop.register.chain import log_record
from desktop.register.errors import NewerRegisterError, NotARegisterError, RegisterDamagedError
from desktop.register.search import search_text

# "ClSt": PRAGMA application_id marks the file as a Clearstone register (sqlite.org/fileformat.html#appid).
APPLICATION_ID = 0x436C5374


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    statements = [s.strip() for s in sql.split(";\n") if s.strip()]

    def apply(conn: sqlite3.Connection) -> None:
        # executescript() would COMMIT the surrounding transaction; run statement by statement instead.
        for statement in statements:
            conn.execute(statement)

    return apply


def _no_update(table: str) -> str:
    return (
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} records are never changed, only added'); END;\n"
    )


_V1 = """
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, changed_at TEXT NOT NULL);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    payload_sha256 TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_ref ON audit_log(ref);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE lots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lot_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    json TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    UNIQUE (lot_id, version)
);
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lot_id TEXT NOT NULL,
    lot_record INTEGER REFERENCES lots(id),
    verdict TEXT NOT NULL,
    assessed_at TEXT NOT NULL,
    json TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rule_pack_id TEXT NOT NULL,
    rule_pack_version TEXT NOT NULL,
    rule_pack_sha256 TEXT NOT NULL,
    lists TEXT NOT NULL
);
CREATE INDEX assessments_lot ON assessments(lot_id);
CREATE INDEX assessments_at ON assessments(assessed_at);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('screening', 'review')),
    assessment_id INTEGER REFERENCES assessments(id),
    subject TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE evidence_files (
    sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE attestation_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
CREATE TABLE attestations (
    number TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id),
    pdf_sha256 TEXT NOT NULL,
    pdf BLOB NOT NULL,
    issued_at TEXT NOT NULL,
    UNIQUE (year, seq)
);
CREATE INDEX attestations_assessment ON attestations(assessment_id);
""" + "".join(_no_update(t) for t in ("lots", "assessments", "decisions", "evidence_files", "attestations"))

_V2 = """
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    json TEXT
);
CREATE INDEX drafts_key ON drafts(key, id);
""" + _no_update("drafts")


def _v3(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE assessments ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    rows = conn.execute("SELECT id, json FROM assessments").fetchall()
    # The no-update trigger guards content; the search column is derived, so lift the guard for the backfill.
    conn.execute("DROP TRIGGER assessments_no_update")
    for row_id, text in rows:
        conn.execute(
            "UPDATE assessments SET search_text = ? WHERE id = ?", (search_text(json.loads(text)), row_id)
        )
    conn.execute(_no_update("assessments").strip())
    _script(
        """
CREATE TABLE rescreen_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_at TEXT NOT NULL,
    since TEXT NOT NULL,
    assessments INTEGER NOT NULL,
    parties INTEGER NOT NULL,
    json TEXT NOT NULL
);
"""
        + _no_update("rescreen_runs")
    )(conn)
    conn.execute("CREATE INDEX assessments_sha ON assessments(sha256)")


_V4 = """
CREATE TABLE chain_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
INSERT INTO chain_head (id, seq, hash) SELECT 1, seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1;
"""

_V5 = """
CREATE TABLE restores (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    restored_at TEXT NOT NULL,
    source TEXT NOT NULL,
    forced INTEGER NOT NULL,
    reason TEXT NOT NULL,
    backup_head TEXT NOT NULL,
    replaced_head TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE number_skips (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    year INTEGER NOT NULL,
    first INTEGER NOT NULL,
    last INTEGER NOT NULL,
    skipped_at TEXT NOT NULL,
    reason TEXT NOT NULL
);
""" + "".join(_no_update(t) for t in ("restores", "number_skips"))

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "lots, assessments, decisions, evidence, attestations, audit log", _script(_V1)),
    Migration(2, "autosaved wizard drafts", _script(_V2)),
    Migration(3, "search column for assessments; re-screening runs", _v3),
    # The head is kept apart from the log so that entries cut off the end of the log are noticed.
    Migration(4, "chain head", _script(_V4)),
    # Restores (with the reason when a rollback was forced) and attestation numbers skipped because they were
    # issued before the register was rolled back: both are vouched for by the chain.
    Migration(5, "restores and skipped attestation numbers", _script(_V5)),
)

LATEST_VERSION = MIGRATIONS[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has_table:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, at: str, default_settings: dict[str, str]) -> int:
    """Bring the schema up to date in one IMMEDIATE transaction, logging each step; return the version found."""
    if current_version(conn) == LATEST_VERSION:
        return LATEST_VERSION  # the usual case: no write lock, no write, no fsync on open
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = current_version(conn)
        if found > LATEST_VERSION:
            raise NewerRegisterError(
                f"the register has schema version {found}, newer than this Clearstone knows ({LATEST_VERSION}); "
                "update Clearstone to open it"
            )
        if found == 0 and conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
            raise NotARegisterError(
                "the file is an SQLite database of another program, not a Clearstone register"
            )
        for step in MIGRATIONS:
            if step.version <= found:
                continue
            try:
                step.apply(conn)
            except sqlite3.OperationalError as exc:
                if "already exists" not in str(exc):
                    raise
                # The step's tables are there but its row in schema_version is not: edited behind the app.
                raise RegisterDamagedError(
                    f"the register's record of schema versions was altered (step {step.version} is missing but "
                    "its tables exist); it was left unchanged: restore a backup"
                ) from None
            conn.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (step.version, step.description, at),
            )
            log_record(conn, "schema", step.version, at)
        if found == 0:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for key, value in default_settings.items():
                conn.execute(
                    "INSERT INTO settings (key, value, changed_at) VALUES (?, ?, ?)", (key, value, at)
                )
                log_record(conn, "setting", key, at)
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found
