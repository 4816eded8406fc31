"""Online backup (SQLite backup API) and restore that checks a backup fully before it touches the live file."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path

from desktop.fileio import (
    as_fault,
    create_private_file,
    fault_cause,
    full_sync,
    is_fault,
    make_private_dir,
    sqlite_fault,
)
from desktop.register import chain, opening
from desktop.register.clock import utc_iso
from desktop.register.errors import BackupError, RegisterError, RegisterStorageError, RestoreRefusedError
from desktop.register.evidence import evidence_dir_for, store_file
from desktop.register.models import ChainReport, RestoreOutcome
from desktop.register.store import Register
from desktop.register.watermark import read_watermark, watermark_path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def write_backup(register: Register, lock: threading.RLock, dest: Path) -> ChainReport:
    """Copy the live register page by page into one self-contained file, check the copy, then move it in place."""
    target = Path(dest)
    if _same_file(target, register.path):
        raise BackupError(f"{target} is the live register; choose another file for the backup")
    if target.exists():
        try:
            opening.check_file(target)
            opening.connect(target).close()  # an older backup may be replaced, another program's file not
        except RegisterError as exc:
            raise BackupError(
                f"{target} exists and is not a Clearstone backup, so it is not overwritten ({exc})"
            ) from None
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        create_private_file(partial)  # a backup holds everything the register does: owner-only
        copy = sqlite3.connect(str(partial), isolation_level=None)
        try:
            with lock:
                register.connection.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # a backup is one file, no -wal beside it
            report = chain.verify(copy, register.evidence_dir)
        finally:
            copy.close()
        if report.integrity != "ok":
            partial.unlink(missing_ok=True)
            raise BackupError(
                f"the backup copy failed SQLite's integrity check ({report.integrity}); nothing was written"
            )
        with partial.open("rb+") as handle:
            full_sync(handle.fileno())
        os.replace(partial, target)
    except (sqlite3.OperationalError, OSError) as exc:
        partial.unlink(missing_ok=True)
        fault = (
            sqlite_fault(exc, target.parent)
            if isinstance(exc, sqlite3.OperationalError)
            else (as_fault(exc, target.parent) if is_fault(exc) else None)
        )
        if fault is None:
            raise
        raise RegisterStorageError(
            f"the backup {target} was not written: {fault_cause(fault)}", target.parent, fault.errno or 0
        ) from None
    _copy_evidence(
        register.evidence_dir, evidence_dir_for(target), _evidence_digests(register.connection, lock)
    )
    return report


def _evidence_digests(conn: sqlite3.Connection, lock: threading.RLock) -> list[str]:
    with lock:
        return [str(r[0]) for r in conn.execute("SELECT sha256 FROM evidence_files")]


def _copy_evidence(source: Path, dest: Path, digests: list[str]) -> None:
    """Content-addressed: a file is copied only when its bytes hash to its name."""
    for digest in digests:
        origin = source / digest[:2] / digest
        if not origin.is_file():
            continue
        data = origin.read_bytes()
        if hashlib.sha256(data).hexdigest() == digest:
            store_file(dest, digest, data)


def _hash_at(conn: sqlite3.Connection, seq: int) -> str | None:
    row = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()
    return str(row[0]) if row else None


def _head(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, chain.GENESIS)


def _rollback(staged: sqlite3.Connection, anchors: list[tuple[str, int, str]]) -> list[str]:
    """Why restoring would roll back: the backup must contain each anchor (seq, hash) unchanged, i.e. extend
    both the register it replaces and the last head given out. Shorter is older; a different hash is a fork."""
    backup_seq, _ = _head(staged)
    found: list[str] = []
    for label, seq, digest in anchors:
        if seq <= 0:
            continue
        held = _hash_at(staged, seq)
        if held is None:
            found.append(
                f"the backup is older than {label}: it ends at audit entry {backup_seq}, {label} reached entry {seq}"
            )
        elif held != digest:
            found.append(
                f"the backup is forked from {label}: its audit entry {seq} differs (rewritten, or another history)"
            )
    return found


def _live_state(live_path: Path) -> tuple[tuple[int, str] | None, dict[int, int], set[str]]:
    """Head, attestation counters and numbers of the register about to be replaced (None when unreadable)."""
    if not live_path.exists() or live_path.stat().st_size == 0:
        return None, {}, set()
    try:
        with Register.open(live_path) as live:
            conn = live.connection
            counters = {
                int(y): int(n) for y, n in conn.execute("SELECT year, last FROM attestation_counters")
            }
            numbers = {str(n) for (n,) in conn.execute("SELECT number FROM attestations")}
            return live.head(), counters, numbers
    except (RegisterError, sqlite3.DatabaseError):
        return None, {}, set()  # damaged: only the watermark beside it can tell what it held


def restore(
    backup_file: Path,
    register_path: Path,
    *,
    now: datetime | None = None,
    force_reason: str | None = None,
) -> RestoreOutcome:
    """Replace the live register's content with a verified backup.

    The backup is copied and checked (SQLite integrity, audit chain, every record and evidence file) before
    anything live changes. It must extend the register it replaces and the last chain head given out (kept
    in the watermark file): an older or forked backup is a rollback, refused unless `force_reason` is given,
    which is then recorded in the chain. The live register is first backed up beside itself, then overwritten
    through the backup API so other open connections see the restored content.
    """
    source = Path(backup_file)
    live_path = Path(register_path)
    if not source.is_file():
        raise BackupError(f"{source}: no such backup file")
    if _same_file(source, live_path):
        raise BackupError(f"{source} is the live register itself")
    if force_reason is not None and not force_reason.strip():
        raise BackupError("a forced restore needs a reason, which is recorded in the register")
    opening.check_file(source)
    when = now or datetime.now(UTC)
    mark = read_watermark(watermark_path(live_path))
    live_head, live_counters, live_numbers = _live_state(live_path)
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=live_path.parent) as scratch:
        staged_path = Path(scratch) / "restore.sqlite"
        shutil.copyfile(source, staged_path)
        with Register.open(staged_path, now=when) as staged:
            digests = _evidence_digests(staged.connection, threading.RLock())
            live_evidence = evidence_dir_for(live_path)
            anchors = [("the last head given out", mark.head_seq, mark.head_hash)]
            if live_head is not None:
                anchors.insert(0, ("the register it replaces", *live_head))
            rollback = _rollback(staged.connection, anchors)
            backup_numbers = {str(n) for (n,) in staged.connection.execute("SELECT number FROM attestations")}
            dropped = sorted(live_numbers - backup_numbers)
            if rollback and force_reason is None:
                lost = f"; it would drop attestations {', '.join(dropped[:5])}" if dropped else ""
                more = f" and {len(dropped) - 5} more" if len(dropped) > 5 else ""
                raise RestoreRefusedError(
                    f"{source} was not restored: {rollback[0]}{lost}{more}; the register is unchanged "
                    "(restore it anyway with --force REASON; the reason is recorded)"
                )
            _copy_evidence(evidence_dir_for(source), live_evidence, digests)
            report = chain.verify(staged.connection, live_evidence)
            if not report.ok:
                raise BackupError(
                    f"{source} was not restored: {report.describe()}; the register is unchanged"
                )
            backup_head = _head(staged.connection)
            existed = live_path.exists() and live_path.stat().st_size > 0
            with Register.open(live_path, now=when, read_only=False) as live:
                # Numbers the replaced register issued are never issued again, even if the mark lagged.
                live._raise_watermark(live_counters, utc_iso(when))
                safety = None
                if existed:
                    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
                    safety = live_path.parent / "backups" / f"before-restore-{stamp}.sqlite"
                    make_private_dir(safety.parent)
                    live.backup(safety, now=when)
                with live._lock:
                    staged.connection.backup(live.connection)
                live.record_restore(
                    source=source.name,
                    forced=bool(rollback),
                    reason=(force_reason or "").strip(),
                    backup_head=backup_head,
                    replaced_head=live_head,
                    details={"rollback": rollback, "dropped_attestations": dropped},
                    now=when,
                )
                final = live.verify()
    return RestoreOutcome(final, safety, forced=bool(rollback), rollback=rollback, dropped=dropped)
