"""`clearstone lists`: import official sanctions files and show what is loaded and how old it is."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, CommandError, add_common_options, data_dir, print_json

_PROGRESS_FROM_BYTES = 5 * 1024 * 1024


def register(commands: Any) -> None:
    parser = commands.add_parser("lists", help="sanctions lists: import official files, show status")
    actions = parser.add_subparsers(dest="lists_command", metavar="ACTION", required=True)

    status = actions.add_parser(
        "status", help="show each loaded list: source, as-of date, entries, hash, age"
    )
    add_common_options(status)
    status.set_defaults(handler=_status)

    imp = actions.add_parser(
        "import", help="import an official list file or folder (format read from content)"
    )
    imp.add_argument("path", type=Path, metavar="FILE_OR_FOLDER")
    add_common_options(imp)
    imp.set_defaults(handler=_import)


class _StderrProgress:
    """Percent lines on stderr for long imports; silent for small files."""

    def __init__(self) -> None:
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        if total < _PROGRESS_FROM_BYTES:
            return
        percent = min(100, done * 100 // max(1, total))
        if percent // 10 != self._last // 10:
            self._last = percent
            sys.stderr.write(f"clearstone: importing... {percent}%\n")
            sys.stderr.flush()


def _import(args: argparse.Namespace) -> int:
    from desktop.screening.errors import ScreeningError
    from desktop.screening.service import Screener

    folder = data_dir(args)
    try:
        screener = Screener.for_import(folder)
        infos = screener.import_path(args.path, progress=_StderrProgress())
    except ScreeningError as exc:
        raise CommandError(f"import refused, loaded lists unchanged: {exc}") from None
    if args.json:
        print_json({"imported": [i.to_json() for i in infos]})
    else:
        for i in infos:
            sys.stdout.write(
                f"imported {i.id} ({i.name}): {i.entries} entries, as of {i.as_of}, from {i.source}, "
                f"sha256 {i.sha256[:16]}...\n"
            )
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from desktop.screening.errors import ScreeningError
    from desktop.screening.matcher import ALERT_THRESHOLD
    from desktop.screening.service import Screener

    try:
        screener = Screener.open(data_dir(args))
    except ScreeningError as exc:
        raise CommandError(str(exc)) from None
    rows, warnings = screener.status(datetime.now(UTC).date())
    if args.json:
        print_json(
            {"lists": [r.to_json() for r in rows], "warnings": warnings, "alert_threshold": ALERT_THRESHOLD}
        )
        return EXIT_OK
    out = sys.stdout
    for r in rows:
        i = r.info
        age = f"{r.age_days} days old" if r.age_days is not None else "age unknown"
        kind = "bundled" if i.bundled else "imported"
        out.write(
            f"{i.id:<11} {kind:<8} as of {i.as_of}  ({age})  {i.entries} entries  binds {','.join(i.jurisdictions)}\n"
            f"            {i.name}; source: {i.source}; sha256 {i.sha256}\n"
        )
    for w in warnings:
        out.write(f"warning: {w}\n")
    return EXIT_OK
