"""What every start of the program sets up once: known third-party warnings, logging, fault handler."""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import warnings
from pathlib import Path
from typing import TextIO

LOG_LEVEL_ENV = "CLEARSTONE_LOG_LEVEL"
LOG_FOLDER = "logs"
LOG_FILE = "clearstone.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Third-party deprecations the user can do nothing about, each silenced for its one message and the module
# that triggers it, never wholesale. The test suite keeps the same list (pyproject: filterwarnings).
KNOWN_WARNINGS: tuple[tuple[str, str], ...] = (
    # pyHanko imports cryptography's DSA key types for the algorithms it can verify; cryptography >= 47
    # deprecates DSA. Clearstone signs and verifies only ECDSA/RSA. Upstream: MatthiasValvekens/pyHanko
    # imports `dsa` at module level in pyhanko/sign/signers/pdf_cms.py.
    (r"DSA is deprecated", r"pyhanko(\.|$)"),
)

_configured_file: Path | None = None
_fault_file: TextIO | None = None


def silence_known_warnings() -> None:
    for message, module in KNOWN_WARNINGS:
        warnings.filterwarnings("ignore", message=message, module=module)


def log_level(explicit: str | None = None) -> int:
    """--log-level, else $CLEARSTONE_LOG_LEVEL, else WARNING; an unknown name falls back to WARNING."""
    name = (explicit or os.environ.get(LOG_LEVEL_ENV) or "WARNING").upper()
    level = logging.getLevelName(name)
    return level if isinstance(level, int) else logging.WARNING


def configure(level: int) -> None:
    """Logging to standard error (one handler, set once) and Python's fault handler for hard crashes."""
    root = logging.getLogger()
    handler = next((h for h in root.handlers if getattr(h, "_clearstone", False)), None)
    if handler is None:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("clearstone: %(levelname)s %(name)s: %(message)s"))
        handler._clearstone = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    handler.setLevel(level)
    root.setLevel(min(level, logging.INFO) if _configured_file is not None else level)
    if sys.stderr is not None and not faulthandler.is_enabled():
        # stderr without a file descriptor (embedded interpreters, captured test output): no fault handler
        with contextlib.suppress(OSError, ValueError, AttributeError):
            faulthandler.enable()


def log_file(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER / LOG_FILE


def log_to_file(data_dir: Path) -> Path | None:
    """The desktop app also keeps a rotating log in the data folder, and sends hard-crash tracebacks there
    when there is no console to see them (the windowed build sends standard error to the null device)."""
    global _configured_file, _fault_file
    target = log_file(data_dir)
    if _configured_file == target:
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _rotate(target)
        handler = logging.FileHandler(target, encoding="utf-8")
    except OSError:
        return None  # a read-only data folder: the app still runs, with standard error only
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(logging.INFO)  # the file keeps a little more than the console: what support needs
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level, logging.INFO))
    _configured_file = target
    if not _has_console():
        try:
            _fault_file = (target.parent / "crash.log").open("a", encoding="utf-8")
            faulthandler.enable(file=_fault_file)
        except OSError:
            pass
    from desktop import __version__

    logging.getLogger(__name__).info(
        "Clearstone %s started; data folder %s; Python %s", __version__, data_dir, sys.version.split()[0]
    )
    return target


def _rotate(target: Path) -> None:
    """Rotate at start, when the log has grown past LOG_BYTES: clearstone.log.1 ... .LOG_BACKUPS.

    Once per session rather than logging.handlers.RotatingFileHandler's check at every record: a session
    writes a few kilobytes, and that module (with socket and pickle) costs the window ~5 ms of start-up."""
    if not target.is_file() or target.stat().st_size < LOG_BYTES:
        return
    for n in range(LOG_BACKUPS - 1, 0, -1):
        older = target.with_name(f"{target.name}.{n}")
        if older.exists():
            older.replace(target.with_name(f"{target.name}.{n + 1}"))
    target.replace(target.with_name(f"{target.name}.1"))


def _has_console() -> bool:
    stream = sys.stderr
    if stream is None or getattr(stream, "name", "") == os.devnull:
        return False
    try:
        stream.fileno()
    except (OSError, ValueError, AttributeError):
        return False
    return True
