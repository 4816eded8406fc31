"""Evidence files: copied beside the register under their SHA-256, written and synced before they are recorded."""

from __future__ import annotations

import hashlib
from pathlib import Path

from desktop.fileio import write_atomic

FILE_NAME = "register.sqlite"


def evidence_dir_for(path: Path) -> Path:
    """Evidence lives beside the register: `evidence/` for the conventional file, `<name>.evidence/` otherwise."""
    return path.parent / "evidence" if path.name == FILE_NAME else path.with_name(path.name + ".evidence")


def store_file(folder: Path, digest: str, data: bytes) -> Path:
    """Write content-addressed, owner-only and synced (the one atomic write); an existing copy with the right
    hash is kept as it is."""
    target = folder / digest[:2] / digest
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == digest:
        return target
    write_atomic(target, data)
    return target
