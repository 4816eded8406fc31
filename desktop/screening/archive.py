"""The official files each loaded list was read from, kept in the data folder so a data pack can carry them."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from desktop.fileio import full_sync
from desktop.screening.errors import ListStoreError
from desktop.screening.importers.common import ParsedList, sha256_of

ARCHIVE_DIR = "list-files"


def folder_of(data_dir: Path, list_id: str, sha256: str) -> Path:
    """`<data>/list-files/<ID>/<sha256>/`: one folder per loaded list, named by its content hash."""
    return data_dir / ARCHIVE_DIR / list_id / sha256


def keep(data_dir: Path, parsed: ParsedList) -> Path | None:
    """Copy the list's files beside the store before it is committed; returns the folder (None: no files).

    Written under a temporary name and renamed, so a crash leaves no half-copied folder under the real name;
    a folder left by an import that then failed is removed by the next `prune`.
    """
    if not parsed.files:
        return None
    target = folder_of(data_dir, parsed.id, parsed.sha256)
    if target.is_dir() and _intact(target, parsed.sha256):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=target.parent))
        try:
            for source in parsed.files:
                copied = staging / source.name
                shutil.copyfile(source, copied)
                with copied.open("rb") as handle:
                    full_sync(handle.fileno())
            if target.exists():
                shutil.rmtree(target)
            os.replace(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise ListStoreError(
            f"cannot keep the list files in {target.parent}: {exc.strerror or exc}"
        ) from None
    if not _intact(target, parsed.sha256):
        raise ListStoreError(f"the copy of {parsed.id}'s files in {target} does not match the imported files")
    return target


def files(data_dir: Path, list_id: str, sha256: str) -> list[Path] | None:
    """The kept files of a loaded list when present and unchanged (their hash is the list's), else None."""
    folder = folder_of(data_dir, list_id, sha256)
    if not folder.is_dir() or not _intact(folder, sha256):
        return None
    return sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.name)


def prune(data_dir: Path, loaded: dict[str, str]) -> None:
    """Remove kept files that belong to no loaded list (`loaded`: list id -> sha256); best effort."""
    root = data_dir / ARCHIVE_DIR
    if not root.is_dir():
        return
    for list_folder in root.iterdir():
        if not list_folder.is_dir():
            continue
        for folder in list_folder.iterdir():
            if folder.name != loaded.get(list_folder.name):
                shutil.rmtree(folder, ignore_errors=True)


def _intact(folder: Path, sha256: str) -> bool:
    present = [p for p in folder.iterdir() if p.is_file()]
    return bool(present) and sha256_of(present) == sha256


def scratch_folder(data_dir: Path, prefix: str) -> Path:
    """A temporary folder inside the data folder (same disk as the store); ListStoreError when it cannot be made."""
    try:
        return Path(tempfile.mkdtemp(prefix=prefix, dir=data_dir))
    except OSError as exc:
        raise ListStoreError(f"cannot write in the data folder {data_dir}: {exc.strerror or exc}") from None
