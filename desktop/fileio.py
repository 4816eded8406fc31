"""Durable file writes: a crash or power cut never leaves half a file under the real name."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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


def write_atomic(target: Path, data: bytes | str, *, private: bool = False) -> None:
    """Write to a temporary file beside `target`, sync, then rename over it."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
    try:
        if private:
            os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            full_sync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
