"""Opening a register file safely: refuse foreign or damaged files untouched, then set durable pragmas."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from desktop.fileio import fault_cause, sqlite_fault
from desktop.register.errors import (
    NotARegisterError,
    RegisterDamagedError,
    RegisterError,
    RegisterReadOnlyError,
    RegisterStorageError,
)
from desktop.register.schema import APPLICATION_ID, LATEST_VERSION, current_version

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 30.0


def check_file(path: Path) -> None:
    """Look at the bytes before SQLite does, so a foreign file is never opened for writing."""
    if not path.exists():
        if not path.parent.is_dir():
            raise RegisterError(f"{path}: the folder {path.parent} does not exist")
        return
    if not path.is_file():
        raise NotARegisterError(f"{path} is not a file, so it cannot be the register")
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise RegisterError(f"{path}: cannot read the register ({exc.strerror})") from None
    if not head:
        return  # an empty file is an empty SQLite database: nothing in it can be lost
    if not head.startswith(SQLITE_MAGIC):
        raise NotARegisterError(
            f"{path} is not a Clearstone register (not an SQLite database); it was left unchanged"
        )
    if len(head) < 100:
        raise RegisterDamagedError(f"{path} is damaged (truncated SQLite header); it was left unchanged")


def is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def classify(path: Path, exc: sqlite3.DatabaseError) -> RegisterError:
    """Damage is named as damage; a full disk or a read-only folder as a fault the user can fix."""
    fault = sqlite_fault(exc, path.parent)
    if fault is not None:
        return RegisterStorageError(
            f"cannot use the register {path}: {fault_cause(fault)}; nothing was changed",
            path.parent,
            fault.errno or 0,
        )
    text = str(exc).lower()
    if any(word in text for word in ("malformed", "not a database", "corrupt")):
        return RegisterDamagedError(
            f"{path} is damaged ({exc}); it was left unchanged: move it aside, then restore a backup"
        )
    return RegisterError(f"{path}: cannot use the register ({exc})")


def connect(path: Path) -> sqlite3.Connection:
    """Open the file, confirm it is (or may become) a register, and switch on WAL and full syncing."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            return _connect_once(path)
        except sqlite3.OperationalError as exc:
            # Switching a brand-new file to WAL needs an exclusive lock; SQLite reports BUSY at once,
            # without its busy handler, when another process is creating the same register.
            if not is_busy(exc) or time.monotonic() > deadline:
                raise RegisterError(f"{path}: the register is locked by another program ({exc})") from None
            time.sleep(0.05)


def _connect_once(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise RegisterError(f"{path}: cannot open the register ({exc})") from None
    try:
        # Both values from one read snapshot: read one at a time, another process creating the register could
        # commit in between and make a half-seen new register look like another program's database.
        conn.execute("BEGIN")
        try:
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            objects = int(conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0])
        finally:
            if conn.in_transaction:  # a failed read (a full disk refusing the -shm) already ended it
                conn.execute("COMMIT")
        if app_id != APPLICATION_ID and (app_id != 0 or objects):
            raise NotARegisterError(
                f"{path} is an SQLite database of another program, not a Clearstone register; it was left unchanged"
            )
        mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        if mode.lower() != "wal":
            raise RegisterError(
                f"{path}: the register needs write-ahead logging, but the file system refused it"
            )
        conn.execute("PRAGMA synchronous = FULL")  # a commit survives a power cut, not only a crash
        # macOS fsync() leaves data in the drive's cache; F_FULLFSYNC flushes it (a no-op elsewhere).
        conn.execute("PRAGMA fullfsync = ON")
        conn.execute("PRAGMA checkpoint_fullfsync = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    except RegisterError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_busy(exc):
            raise
        raise classify(path, exc) from None
    return conn


def is_writable(path: Path) -> bool:
    """Whether the register (and its -wal/-shm beside it) can be written here: a read-only disk, a folder or
    file without write permission means the register is opened read-only instead."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return all(
        not candidate.exists() or os.access(candidate, os.W_OK)
        for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))
    )


def connect_read_only(path: Path) -> tuple[sqlite3.Connection, tempfile.TemporaryDirectory[str] | None]:
    """Open a register that must not be written (an auditor's copy on a USB stick, a read-only folder).

    Read-only first, which also sees the commits of a writer who may hold the file open (its -shm exists).
    Without a -shm SQLite cannot read a WAL database read-only, so the file is then opened as immutable; if a
    -wal holds commits not yet in the main file, or the schema is older than this version's, a private copy
    in a temporary folder is read (and migrated) instead. The original is never written.
    """
    if not path.exists():
        raise RegisterReadOnlyError(
            f"no register in {path.parent}, and the folder is read-only, so none can be created", path.parent
        )
    check_file(path)
    wal = Path(f"{path}-wal")
    for query in ("mode=ro", "mode=ro&immutable=1"):
        if query.endswith("immutable=1") and wal.exists() and wal.stat().st_size > 0:
            break  # immutable would ignore the commits in the -wal: read a copy instead
        conn = None
        try:
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?{query}", uri=True, isolation_level=None, check_same_thread=False
            )
            _check_application_id(conn, path)
            if current_version(conn) >= LATEST_VERSION:
                return conn, None
            conn.close()
            break  # an older schema: migrate a copy
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            # No -shm can be made (a read-only folder, a full disk): try the next way in.
            if sqlite_fault(exc, path.parent) is not None or "unable to open" in str(exc).lower():
                continue
            raise classify(path, exc) from None
        except RegisterError:
            if conn is not None:
                conn.close()
            raise
    scratch = tempfile.TemporaryDirectory(prefix="clearstone-register-")
    try:
        copy = Path(scratch.name) / path.name
        shutil.copyfile(path, copy)
        if wal.exists():
            shutil.copyfile(wal, Path(f"{copy}-wal"))
        return connect(copy), scratch
    except BaseException:
        scratch.cleanup()
        raise


def _check_application_id(conn: sqlite3.Connection, path: Path) -> None:
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    objects = int(conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0])
    if app_id != APPLICATION_ID and (app_id != 0 or objects):
        raise NotARegisterError(
            f"{path} is an SQLite database of another program, not a Clearstone register; it was left unchanged"
        )
