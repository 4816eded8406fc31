"""Retention: records are kept at least 10 years (OFAC, 31 CFR 501.601); younger ones cannot be deleted."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from desktop.register import chain
from desktop.register.clock import add_years, parse_iso, utc_iso
from desktop.register.errors import RecordNotFoundError, RegisterError, RetentionError

SETTING = "retention_years"
MINIMUM_YEARS = 10
LEGAL_BASIS = "OFAC record-keeping, 31 CFR 501.601"

# Which column dates each deletable kind of record.
_DATED: dict[str, str] = {
    "lot": "saved_at",
    "assessment": "assessed_at",
    "decision": "decided_at",
    "evidence": "added_at",
    "attestation": "issued_at",
    "rescreen": "run_at",
}


def years(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (SETTING,)).fetchone()
    # A missing or lowered setting (edited behind the app's back) never shortens the legal minimum.
    return max(MINIMUM_YEARS, int(row[0])) if row else MINIMUM_YEARS


def set_years(conn: sqlite3.Connection, value: int, at: str) -> None:
    if value < MINIMUM_YEARS:
        raise RetentionError(
            f"the retention period cannot be less than {MINIMUM_YEARS} years ({LEGAL_BASIS})"
        )
    conn.execute(
        "INSERT INTO settings (key, value, changed_at) VALUES (?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at",
        (SETTING, str(value), at),
    )
    chain.log_record(conn, "setting", SETTING, at)


def delete(conn: sqlite3.Connection, ref: str, reason: str, now: datetime) -> None:
    """Delete one record once its retention period is over, logging the deletion in the chain."""
    kind, _, key = ref.partition(":")
    if kind not in _DATED:
        raise RegisterError(f"{ref}: only {', '.join(sorted(_DATED))} records can be deleted")
    if not reason.strip():
        raise RegisterError(f"{ref}: a deletion needs a reason")
    payload = chain.PAYLOADS[kind]
    row = conn.execute(
        f"SELECT {_DATED[kind]} FROM {payload.table} WHERE {payload.key} = ?", (key,)
    ).fetchone()
    if row is None:
        raise RecordNotFoundError(f"{ref}: no such record")
    recorded = parse_iso(str(row[0]))
    kept = years(conn)
    until = add_years(recorded.date(), kept)
    if utc_iso(now)[:10] < until.isoformat():
        raise RetentionError(
            f"{ref} was recorded on {recorded.date().isoformat()}; records are kept {kept} years ({LEGAL_BASIS}), "
            f"so it cannot be deleted before {until.isoformat()}"
        )
    try:
        conn.execute(f"DELETE FROM {payload.table} WHERE {payload.key} = ?", (key,))
    except sqlite3.IntegrityError:
        raise RegisterError(
            f"{ref} is still referenced by other records (attestations, decisions); delete those first"
        ) from None
    chain.log_deletion(conn, ref, reason, utc_iso(now))
