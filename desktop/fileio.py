"""Durable, owner-only file writes, and one-line messages for the faults a user can fix (disk full, read-only)."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite3 stays out of the start-up path (the window opens without it)
    import sqlite3

# On POSIX the data folder holds counterparties, signed PDFs and the signing key: owner only.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600

_FAULTS = {
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the folder is on a read-only disk",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}
if hasattr(errno, "EDQUOT"):  # not defined on Windows
    _FAULTS[errno.EDQUOT] = "the disk quota is used up"


class EnvironmentFault(OSError):
    """A fault of the machine the user can fix (disk full, read-only folder, no permission); nothing was changed.

    It is an OSError, so code that already handles OSError keeps working; `str()` is one complete line."""

    def __init__(self, code: int, message: str, folder: Path | str | None = None, cause: str = "") -> None:
        super().__init__(code, message)
        self.message = message
        self.folder = Path(folder) if folder is not None else None
        self.cause = cause or _FAULTS.get(code, "")

    def __str__(self) -> str:
        return self.message


def is_fault(exc: BaseException) -> bool:
    """An OSError the user can fix by freeing space or changing permissions, rather than a bug."""
    return isinstance(exc, EnvironmentFault) or (isinstance(exc, OSError) and exc.errno in _FAULTS)


def fault_cause(exc: OSError) -> str:
    """The short cause of a fault: "the disk is full", "permission denied", ..."""
    if isinstance(exc, EnvironmentFault) and exc.cause:
        return exc.cause
    return _FAULTS.get(exc.errno or 0, exc.strerror or str(exc))


def fault_message(exc: OSError, folder: Path | str | None = None, *, action: str = "cannot write in") -> str:
    """`cannot write in /data: the disk is full; nothing was changed`: names the folder, says what to do."""
    if isinstance(exc, EnvironmentFault):
        return exc.message
    place = folder if folder is not None else _folder_of(exc)
    what = _FAULTS.get(exc.errno or 0, exc.strerror or str(exc))
    where = f" {place}" if place is not None else ""
    return f"{action}{where}: {what}; nothing was changed"


def as_fault(
    exc: OSError, folder: Path | str | None = None, *, action: str = "cannot write in"
) -> EnvironmentFault:
    place = folder if folder is not None else _folder_of(exc)
    return EnvironmentFault(exc.errno or errno.EIO, fault_message(exc, place, action=action), place)


def _folder_of(exc: OSError) -> Path | None:
    if not exc.filename:
        return None
    path = Path(os.fsdecode(exc.filename))
    return path if path.is_dir() else path.parent


def sqlite_fault(exc: sqlite3.Error, folder: Path) -> EnvironmentFault | None:
    """SQLite reports a full disk or a read-only file as text; turn those into an EnvironmentFault."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        code = errno.ENOSPC
    elif "readonly" in text or "read-only" in text:
        code = errno.EROFS if not os.access(folder, os.W_OK) else errno.EACCES
    elif "unable to open database file" in text and not os.access(folder, os.W_OK):
        code = errno.EACCES
    elif "disk i/o error" in text:
        # SQLite reports a full disk met while growing its -shm or -wal file as a plain I/O error.
        if _has_free_space(folder):
            return EnvironmentFault(
                errno.EIO, f"cannot write in {folder}: disk I/O error; nothing was changed", folder
            )
        code = errno.ENOSPC
    else:
        return None
    return EnvironmentFault(code, fault_message(OSError(code, os.strerror(code)), folder), folder)


def _has_free_space(folder: Path, needed: int = 1 << 20) -> bool:
    try:
        return shutil.disk_usage(folder).free >= needed
    except OSError:
        return True  # cannot tell: do not claim the disk is full


def full_sync(fd: int) -> None:
    """fsync, and on macOS F_FULLFSYNC, which also empties the drive's write cache."""
    os.fsync(fd)
    try:
        import fcntl
    except ImportError:  # Windows: FlushFileBuffers (behind os.fsync) already reaches the disk
        return
    full = getattr(fcntl, "F_FULLFSYNC", None)
    if full is not None:
        fcntl.fcntl(fd, full)


def make_private_dir(folder: Path) -> Path:
    """Create `folder` and any missing parents owner-only (0700 on POSIX); existing folders keep their mode."""
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for level in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it in between
            level.mkdir(mode=PRIVATE_DIR_MODE)
    return folder


def write_atomic(target: Path, data: bytes | str, *, private: bool = True) -> None:
    """Write to a temporary file beside `target`, sync, rename over it, then sync the folder (so the rename
    itself survives a power cut): never half a file, never a lost one.

    The file is owner-only (0600) unless `private` is False (documents the user hands on, such as a PDF);
    a full disk or a read-only folder raises EnvironmentFault naming the folder, and leaves no temporary file.
    """
    target = Path(target)
    try:
        make_private_dir(target.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        if is_fault(exc):
            raise as_fault(exc, target.parent) from None
        raise
    try:
        os.chmod(tmp, PRIVATE_FILE_MODE if private else _shared_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            full_sync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and is_fault(exc):
            raise as_fault(exc, target.parent) from None
        raise
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable."""
    if os.name == "nt":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename itself
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _shared_mode() -> int:
    """0666 less the umask: what an ordinary new file gets (mkstemp alone would make it owner-only).

    The umask is read from /proc where there is one: os.umask() to read it would briefly change it for
    every thread of the process."""
    mask = 0o022
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
        found = next((line.split()[1] for line in status.splitlines() if line.startswith("Umask:")), None)
        if found is not None:
            mask = int(found, 8)
    except (OSError, ValueError):
        pass
    return 0o666 & ~mask


def create_private_file(path: Path) -> bool:
    """Create an empty owner-only file if none exists (before SQLite opens it, which would use the umask).

    Returns whether the file was created here."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    return True
