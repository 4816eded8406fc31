"""The register's failures, each with a one-line message a dealer can act on."""

from __future__ import annotations

import errno
from pathlib import Path

from desktop.fileio import EnvironmentFault


class RegisterError(Exception):
    """Base class: anything the register refuses or cannot do."""


class NotARegisterError(RegisterError):
    """The file is not a Clearstone register (another program's file or database); it is left untouched."""


class RegisterDamagedError(RegisterError):
    """The file looks like a register but SQLite cannot read it; it is left untouched."""


class NewerRegisterError(RegisterError):
    """The register was written by a newer Clearstone whose schema this version does not know."""


class RetentionError(RegisterError):
    """A deletion or setting would break the record-keeping period (OFAC: 10 years, 31 CFR 501.601)."""


class RecordNotFoundError(RegisterError):
    """No record has the given reference."""


class BackupError(RegisterError):
    """A backup could not be written, or a file offered for restore is not a sound register."""


class RestoreRefusedError(BackupError):
    """The backup is older than, or forked from, the register it would replace (a rollback); `--force REASON`."""


class RegisterStorageError(RegisterError, EnvironmentFault):
    """The disk is full, or the register's folder is read-only or not ours: one line naming the folder, nothing
    was changed. Also an OSError, so the command line reports it as a fault the user can fix (exit 2)."""

    def __init__(self, message: str, folder: Path, code: int = errno.EIO) -> None:
        EnvironmentFault.__init__(self, code, message, folder)


class RegisterReadOnlyError(RegisterStorageError):
    """The register was opened read-only (a read-only folder, an auditor's copy): reading works, writing not."""

    def __init__(self, message: str, folder: Path) -> None:
        super().__init__(message, folder, errno.EROFS)


class NumberRecordError(RegisterError, EnvironmentFault):
    """The record of attestation numbers ever issued (kept beside the register) is unreadable or damaged: a
    fault the user fixes (move it aside), so issuing stops with one line rather than risk a number twice."""

    def __init__(self, message: str, path: Path) -> None:
        EnvironmentFault.__init__(self, errno.EIO, message, path.parent)
