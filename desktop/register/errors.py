"""The register's failures, each with a one-line message a dealer can act on."""

from __future__ import annotations


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
