"""The register: a crash-safe, tamper-evident SQLite record of checks, decisions and attestations."""

from desktop.register.errors import (
    BackupError,
    NewerRegisterError,
    NotARegisterError,
    RecordNotFoundError,
    RegisterDamagedError,
    RegisterError,
    RetentionError,
)
from desktop.register.evidence import FILE_NAME
from desktop.register.models import (
    AttestationRecord,
    ChainProblem,
    ChainReport,
    Draft,
    RecordKind,
    RecordSummary,
    RescreenChange,
    RescreenReport,
    ReviewResolution,
)
from desktop.register.store import Register

__all__ = [
    "FILE_NAME",
    "AttestationRecord",
    "BackupError",
    "ChainProblem",
    "ChainReport",
    "Draft",
    "NewerRegisterError",
    "NotARegisterError",
    "RecordKind",
    "RecordNotFoundError",
    "RecordSummary",
    "Register",
    "RegisterDamagedError",
    "RegisterError",
    "RescreenChange",
    "RescreenReport",
    "RetentionError",
    "ReviewResolution",
]
