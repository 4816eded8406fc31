"""Any single edit made behind the app's back, to any row of any table, is caught by verify()."""

from __future__ import annotations

import random
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.register import NewerRegisterError, Register, RegisterDamagedError, ReviewResolution
from desktop.register.chain import PAYLOADS
from desktop.register.watermark import raised, write_watermark
from desktop.screening.types import Decision, ScreeningDecision
from tests.register.conftest import NOW, pdf_for, sdn_match

ROUNDS = 80
# Every column verify() vouches for, plus the log, the head and the counters, and the search column (derived
# from the hashed JSON and recomputed by verify, so a record cannot be hidden from search).
COLUMNS: dict[str, tuple[str, ...]] = {p.table: p.columns for p in PAYLOADS.values()}
COLUMNS["assessments"] = (*COLUMNS["assessments"], "search_text")
COLUMNS["audit_log"] = ("seq", "at", "kind", "ref", "payload_sha256", "prev_hash", "hash")
COLUMNS["chain_head"] = ("seq", "hash")
COLUMNS["attestation_counters"] = ("year", "last")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, base_lot: Any) -> Path:
    """One register with a record of every kind, copied fresh for each round."""
    from tests.register.conftest import build_assessment

    def make(**changes: Any) -> Any:
        return build_assessment(base_lot, **changes)

    folder = tmp_path_factory.mktemp("template")
    with Register.in_data_dir(folder, now=NOW) as register:
        register.record_lot(base_lot, now=NOW)
        register.record_lot(base_lot.model_copy(update={"description": "v2"}), now=NOW)
        first = register.record_assessment(make())
        register.record_assessment(make(lot_id="L-2", assessed_at=NOW + timedelta(minutes=1)))
        register.issue_attestation(first, pdf_for, now=NOW)
        register.issue_attestation(first, pdf_for, now=NOW)
        decision = ScreeningDecision(
            party="X",
            list="OFAC-SDN",
            entry_id="1",
            decision=Decision.MATCH,
            reason="same passport",
            decided_by="A",
            decided_at=NOW,
        )
        register.record_decision(decision, assessment_id=first)
        register.record_review(
            ReviewResolution(
                jurisdiction="EU",
                rule="EU-R4",
                resolution="cleared",
                reason="checked",
                decided_by="A",
                decided_at=NOW,
            )
        )
        (folder / "scan.pdf").write_bytes(b"scan")
        register.add_evidence_file(folder / "scan.pdf", now=NOW)
        register.save_draft("w", '{"a": 1}', now=NOW)
        register.discard_draft("w", now=NOW)
        register.rescreen(lambda q: [sdn_match(q.name)], now=NOW)
        register.set_retention_years(11, now=NOW)
        register.record_restore(
            source="b.sqlite", forced=True, reason="test", backup_head=register.head(), replaced_head=None,
            details={"rollback": ["older"]}, now=NOW,
        )  # fmt: skip
        # Numbers 3-4 were issued before a rollback (as the watermark beside the register says): skipped.
        write_watermark(register.watermark_path, raised(register.watermark(), {2026: 4}))
        register.issue_attestation(first, pdf_for, now=NOW)
        assert register.verify().ok
    return folder


def _changed(value: Any) -> Any:
    if value is None:
        return "{}"
    if isinstance(value, bytes):
        return value + b" "
    if isinstance(value, int):
        return value + 1
    return str(value)[:-1] + ("0" if str(value)[-1:] != "0" else "1")


def _tamper(conn: sqlite3.Connection, rng: random.Random) -> str:
    """Apply one random edit that changes something; return what was done."""
    while True:
        action = rng.choice(["update", "update", "delete", "swap"])
        table = rng.choice(sorted(COLUMNS))
        rows = [r[0] for r in conn.execute(f"SELECT rowid FROM {table}")]
        if not rows:
            continue
        rowid = rng.choice(rows)
        try:
            if action == "update":
                column = rng.choice(COLUMNS[table])
                (value,) = conn.execute(f"SELECT {column} FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (_changed(value), rowid))
                return f"update {table}.{column} of row {rowid}"
            if action == "delete":
                conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
                return f"delete row {rowid} of {table}"
            entries = [r[0] for r in conn.execute("SELECT seq FROM audit_log")]
            a, b = rng.sample(entries, 2)
            columns = ", ".join(c for c in COLUMNS["audit_log"] if c != "seq")
            row_a = conn.execute(f"SELECT {columns} FROM audit_log WHERE seq = ?", (a,)).fetchone()
            row_b = conn.execute(f"SELECT {columns} FROM audit_log WHERE seq = ?", (b,)).fetchone()
            assignments = ", ".join(f"{c} = ?" for c in COLUMNS["audit_log"] if c != "seq")
            conn.execute(f"UPDATE audit_log SET {assignments} WHERE seq = ?", (*row_b, a))
            conn.execute(f"UPDATE audit_log SET {assignments} WHERE seq = ?", (*row_a, b))
            return f"swap audit entries {a} and {b}"
        except sqlite3.IntegrityError:
            continue  # the edit broke a constraint, so SQLite refused it: not a tamper, try another


@pytest.mark.parametrize("seed", range(ROUNDS))
def test_a_random_edit_is_caught(template: Path, tmp_path: Path, seed: int) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(template, folder)
    conn = sqlite3.connect(folder / "register.sqlite", isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    done = _tamper(conn, random.Random(seed))
    conn.close()
    try:
        register = Register.in_data_dir(folder, now=NOW)
    except (RegisterDamagedError, NewerRegisterError):
        return  # an edit of the schema record makes the register refuse to open: caught
    with register:
        report = register.verify()
    assert not report.ok, f"not caught: {done}"
