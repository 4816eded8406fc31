"""What every subcommand shares: the data folder option, JSON output, and errors that map to exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.fileio import make_private_dir
from desktop.paths import default_data_dir

if TYPE_CHECKING:
    from desktop.service import Workspace

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_INVALID = 3
EXIT_FAIL_ON = 4


class CommandError(Exception):
    """A failure the user can act on: printed as one line on stderr, exits with `code`."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def add_common_options(parser: argparse.ArgumentParser, *, json_output: bool = True) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder for the register, identity, imported lists and settings (default: the user data folder)",
    )
    parser.add_argument(
        "--log-level",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        type=str.upper,
        metavar="LEVEL",
        help="how much to log on standard error (and in the app's log file): DEBUG, INFO, WARNING (default), "
        "ERROR; also $CLEARSTONE_LOG_LEVEL",
    )
    if json_output:
        parser.add_argument("--json", action="store_true", help="print exactly one JSON document")


def data_dir(args: argparse.Namespace) -> Path:
    chosen: Path | None = getattr(args, "data_dir", None)
    target = chosen if chosen is not None else default_data_dir()
    try:
        make_private_dir(
            target
        )  # owner-only (0700 on POSIX) when created here; an existing one is left as it is
    except OSError as exc:
        raise CommandError(f"cannot use data folder {target}: {exc.strerror}") from None
    if not target.is_dir():
        raise CommandError(f"data folder {target} is not a folder")
    return target


@contextmanager
def workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    """The data folder opened for one command; any failure a person can act on becomes one line, exit 2."""
    from desktop.service import Workspace
    from desktop.service.errors import user_errors

    ws = Workspace(data_dir(args))
    try:
        yield ws
    except user_errors() as exc:
        raise CommandError(str(exc)) from None
    finally:
        ws.close()


def parse_day(text: str) -> date:
    """argparse type for --on and similar options."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def published_text(day: date | None) -> str:
    """A list's publication date as the commands print it; OFAC's legacy CSV files carry none."""
    return f"published {day}" if day else "publication date unknown"


def print_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")


def print_error(message: str) -> None:
    sys.stderr.write(f"clearstone: {message}\n")
