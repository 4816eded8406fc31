"""Evidence files: copied beside the register under their SHA-256, written and synced before they are recorded."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from desktop.fileio import as_fault, full_sync, is_fault, make_private_dir

FILE_NAME = "register.sqlite"


def evidence_dir_for(path: Path) -> Path:
    """Evidence lives beside the register: `evidence/` for the conventional file, `<name>.evidence/` otherwise."""
    return path.parent / "evidence" if path.name == FILE_NAME else path.with_name(path.name + ".evidence")


def store_file(folder: Path, digest: str, data: bytes) -> Path:
    """Write content-addressed and synced; an existing copy with the right hash is kept as it is."""
    target = folder / digest[:2] / digest
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == digest:
        return target
    try:
        make_private_dir(target.parent)
        # A name of its own, so two windows adding the same file never write into one half-finished copy.
        fd, partial = tempfile.mkstemp(prefix=f".{digest[:16]}-", suffix=".partial", dir=target.parent)
    except OSError as exc:
        if is_fault(exc):
            raise as_fault(exc, target.parent) from None
        raise
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            full_sync(handle.fileno())
        os.replace(partial, target)
    except BaseException as exc:
        Path(partial).unlink(missing_ok=True)
        if isinstance(exc, OSError) and is_fault(exc):
            raise as_fault(exc, target.parent) from None
        raise
    _sync_folder(target.parent)
    return target


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename itself
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
