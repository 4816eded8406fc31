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

from desktop.fileio import full_sync
from desktop.register import chain, opening
from desktop.register.errors import BackupError, RegisterError
from desktop.register.evidence import evidence_dir_for, store_file
from desktop.register.models import ChainReport
from desktop.register.store import Register


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
    partial.unlink(missing_ok=True)
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


def restore(
    backup_file: Path, register_path: Path, *, now: datetime | None = None
) -> tuple[ChainReport, Path | None]:
    """Replace the live register's content with a verified backup; returns the report and the safety copy.

    The backup is copied and checked (SQLite integrity, audit chain, every record and evidence file) before
    anything live changes; the live register is first backed up beside itself, then overwritten through the
    backup API so other open connections see the restored content.
    """
    source = Path(backup_file)
    live_path = Path(register_path)
    if not source.is_file():
        raise BackupError(f"{source}: no such backup file")
    if _same_file(source, live_path):
        raise BackupError(f"{source} is the live register itself")
    opening.check_file(source)
    when = now or datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=live_path.parent) as scratch:
        staged_path = Path(scratch) / "restore.sqlite"
        shutil.copyfile(source, staged_path)
        with Register.open(staged_path, now=when) as staged:
            digests = _evidence_digests(staged.connection, threading.RLock())
            live_evidence = evidence_dir_for(live_path)
            _copy_evidence(evidence_dir_for(source), live_evidence, digests)
            report = chain.verify(staged.connection, live_evidence)
            if not report.ok:
                raise BackupError(
                    f"{source} was not restored: {report.describe()}; the register is unchanged"
                )
            existed = live_path.exists() and live_path.stat().st_size > 0
            with Register.open(live_path, now=when) as live:
                safety = None
                if existed:
                    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
                    safety = live_path.parent / "backups" / f"before-restore-{stamp}.sqlite"
                    safety.parent.mkdir(exist_ok=True)
                    live.backup(safety)
                with live._lock:
                    staged.connection.backup(live.connection)
                final = live.verify()
    return final, safety
