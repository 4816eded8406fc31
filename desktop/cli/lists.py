"""`clearstone lists`: status, import (files, folders, data packs), update from publishers, export a data pack."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.common import (
    EXIT_OK,
    CommandError,
    add_common_options,
    data_dir,
    print_json,
    published_text,
    workspace,
)

if TYPE_CHECKING:
    from desktop.service.lists import Rescreen

_PROGRESS_FROM_BYTES = 5 * 1024 * 1024
_VIA = {
    "file": " from a file",
    "update": " by `lists update`",
    "pack": " from a data pack",
    "bundled": " from the lists bundled with this installation",
}


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "lists", help="sanctions lists: status, import files or a data pack, update, export a data pack"
    )
    actions = parser.add_subparsers(dest="lists_command", metavar="ACTION", required=True)

    status = actions.add_parser(
        "status", help="show each loaded list: source, publication date, entries, SHA-256, age"
    )
    add_common_options(status)
    status.set_defaults(handler=_status)

    imp = actions.add_parser(
        "import", help="import an official list file or folder, or a data pack (format read from content)"
    )
    imp.add_argument("path", type=Path, metavar="FILE_OR_FOLDER_OR_PACK")
    imp.add_argument(
        "--force",
        action="store_true",
        help="import even a list with no entries, under half the entries, or an older publication (recorded)",
    )
    add_common_options(imp)
    imp.set_defaults(handler=_import)

    upd = actions.add_parser(
        "update",
        help="download the official lists from their publishers (the only network access of Clearstone)",
    )
    upd.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="ID=URL",
        help="fetch list ID from URL instead (a mirror); with --source, only the named lists are updated",
    )
    upd.add_argument("--force", action="store_true", help="as for `lists import` (recorded)")
    upd.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="give up on a silent server (default 30)",
    )
    add_common_options(upd)
    upd.set_defaults(handler=_update)

    pack = actions.add_parser(
        "export-pack", help="write the loaded official lists, signed, to one file for an offline machine"
    )
    pack.add_argument("file", type=Path, metavar="FILE")
    pack.add_argument(
        "--passphrase-env", metavar="VAR", help="read the passphrase from this environment variable (scripts)"
    )
    add_common_options(pack)
    pack.set_defaults(handler=_export_pack)


def _now() -> datetime:
    return datetime.now(UTC)


def _seeded(folder: Path) -> list[str]:
    from desktop.service import lists as service

    return service.seed(folder)


class _StderrProgress:
    """Percent lines on stderr for long imports and downloads; silent for small files."""

    def __init__(self, verb: str = "importing") -> None:
        self._verb = verb
        self._last: dict[str, int] = {}

    def __call__(self, done: int, total: int) -> None:
        self.report("", done, total)

    def report(self, label: str, done: int, total: int) -> None:
        what = f"{self._verb} {label}".strip()
        if total <= 0:  # the server does not say how much: every 10 MB
            step = done // (10 * 1024 * 1024)
            if done >= _PROGRESS_FROM_BYTES and step != self._last.get(label, -1):
                self._last[label] = step
                self._write(f"{what}... {done / 1048576:.0f} MB")
            return
        if total < _PROGRESS_FROM_BYTES:
            return
        percent = min(100, done * 100 // max(1, total))
        if percent // 10 != self._last.get(label, -1) // 10:
            self._last[label] = percent
            self._write(f"{what}... {percent}%")

    @staticmethod
    def _write(line: str) -> None:
        sys.stderr.write(f"clearstone: {line}\n")
        sys.stderr.flush()


def _status(args: argparse.Namespace) -> int:
    from desktop.screening.matcher import ALERT_THRESHOLD
    from desktop.service.status import data_status, list_warnings

    folder = data_dir(args)
    seeded = _seeded(folder)
    with workspace(args) as ws:
        status = data_status(ws, every_regime=True)
    rows, warnings = status.lists, list_warnings(status)
    if args.json:
        print_json(
            {
                "lists": [r.to_json() for r in rows],
                "warnings": warnings,
                "alert_threshold": ALERT_THRESHOLD,
                "bundled_lists": seeded,
            }
        )
        return EXIT_OK
    out = sys.stdout
    for line in seeded:
        out.write(f"note: {line}\n")
    for r in rows:
        i = r.info
        age = f"{r.age_days} days old" if r.age_days is not None else "age unknown"
        kind = "bundled" if i.bundled else "imported"
        out.write(
            f"{i.id:<11} {kind:<8} {r.published} ({age})  {i.entries} entries  binds {','.join(i.jurisdictions)}\n"
            f"            {i.name}; source: {i.source_url or i.source}; sha256 {i.sha256}\n"
        )
        if i.imported_at and not i.bundled:
            via = _VIA.get(i.via or "", "")
            out.write(f"            imported {i.imported_at:%Y-%m-%d %H:%M} UTC{via}\n")
        if i.forced:
            out.write(f"            FORCED: imported with --force over: {i.forced}\n")
    for w in warnings:
        out.write(f"warning: {w}\n")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from desktop.screening.errors import ScreeningError
    from desktop.service import lists as service

    folder = data_dir(args)
    _seeded(folder)
    try:
        result = service.import_lists(
            folder, args.path, now=_now(), force=args.force, progress=_StderrProgress()
        )
    except ScreeningError as exc:
        raise CommandError(f"import refused, loaded lists unchanged: {exc}") from None
    pack = result.pack
    if args.json:
        doc: dict[str, Any] = {"imported": [i.to_json() | {"forced": i.forced} for i in result.infos]}
        if pack is not None:
            doc["pack"] = {
                "signer": pack.signer_name,
                "fingerprint": service.fingerprint(pack.signer),
                "trusted": pack.trusted is not None,
                "trusted_as": pack.trusted,
                "created_at": pack.manifest.created_at.isoformat(),
            }
        doc["rescreen"] = _rescreen_json(result.rescreen)
        print_json(doc)
        return EXIT_OK
    out = sys.stdout
    if pack is not None:
        signer = f"signed by {pack.signer_name} (SHA-256 {service.fingerprint(pack.signer)})"
        if pack.trusted:
            out.write(f"data pack {args.path.name} {signer}: signer trusted ({pack.trusted})\n")
        else:
            out.write(
                f"data pack {args.path.name} {signer}: signer NOT trusted (neither your own identity nor in your "
                "trust list): the files match the signed manifest, but compare the fingerprint with the sender "
                "before relying on them (`identity trust CERT` adds the sender)\n"
            )
    for i in result.infos:
        published = published_text(i.as_of)
        forced = f" — FORCED over: {i.forced}" if i.forced else ""
        out.write(
            f"imported {i.id} ({i.name}): {i.entries} entries, {published}, from {i.source}, "
            f"sha256 {i.sha256[:16]}...{forced}\n"
        )
    _print_rescreen(result.rescreen)
    return EXIT_OK


def _update(args: argparse.Namespace) -> int:
    from desktop.screening.download import DEFAULT_TIMEOUT
    from desktop.screening.errors import ScreeningError
    from desktop.service import lists as service

    if args.timeout is not None and not 0 < args.timeout <= 3600:
        raise CommandError("--timeout must be between 0 and 3600 seconds")
    folder = data_dir(args)
    _seeded(folder)
    progress = _StderrProgress("downloading")
    try:
        result = service.update(
            folder,
            now=_now(),
            overrides=args.source,
            force=args.force,
            timeout=args.timeout or DEFAULT_TIMEOUT,
            progress=progress.report,
        )
    except ScreeningError as exc:
        raise CommandError(f"update failed, loaded lists unchanged: {exc}") from None
    if args.json:
        print_json(
            {"lists": [o.to_json() for o in result.outcomes], "rescreen": _rescreen_json(result.rescreen)}
        )
        return EXIT_OK
    out = sys.stdout
    for o in result.outcomes:
        info = o.info
        published = published_text(info.as_of)
        line = f"{o.source.id:<10} {o.status:<9} {published}, {info.entries} entries, {o.size / 1048576:.1f} MB from {o.source.url}"
        if o.status == "updated" and o.previous is not None:
            before = f"published {o.previous.as_of}" if o.previous.as_of else "undated"
            line += f" (was {before}, {o.previous.entries} entries)"
        if o.status == "updated" and info.forced:
            line += f" — FORCED over: {info.forced}"
        out.write(line + "\n")
    _print_rescreen(result.rescreen)
    return EXIT_OK


def _export_pack(args: argparse.Namespace) -> int:
    from desktop.cli.identity import read_passphrase
    from desktop.identity import IdentityError
    from desktop.screening.errors import ScreeningError
    from desktop.service import lists as service

    folder = data_dir(args)
    _seeded(folder)
    passphrase = read_passphrase(args.passphrase_env)
    try:
        exported = service.export(folder, args.file, passphrase, now=_now())
    except (ScreeningError, IdentityError) as exc:
        raise CommandError(f"no data pack written: {exc}") from None
    lists = exported.manifest.lists
    if args.json:
        print_json(
            {
                "pack": str(exported.path),
                "sha256": exported.sha256,
                "lists": [item.model_dump(mode="json", exclude={"files"}) for item in lists],
            }
        )
        return EXIT_OK
    sys.stdout.write(f"wrote {exported.path} (sha256 {exported.sha256}) with {len(lists)} lists, signed:\n")
    for item in lists:
        published = published_text(item.publication_date)
        sys.stdout.write(
            f"  {item.id:<10} {published}, {item.entries} entries, sha256 {item.sha256[:16]}...\n"
        )
    return EXIT_OK


def _rescreen_json(rescreen: Rescreen) -> dict[str, Any] | None:
    if rescreen.report is None:
        return None if rescreen.error is None else {"error": rescreen.error}
    return {
        **rescreen.report.to_json(),
        "new_hits": [c.to_json() for c in rescreen.new_hits],
        "unscreenable": rescreen.unscreenable,
    }


def _print_rescreen(rescreen: Rescreen) -> None:
    if rescreen.error is not None:
        sys.stdout.write(f"warning: the register could not be re-screened: {rescreen.error}\n")
        return
    report = rescreen.report
    if report is None:
        return
    hits = rescreen.new_hits
    sys.stdout.write(
        f"re-screened {report.parties} parties of {report.assessments} past assessments against the new lists: "
        f"{len(hits)} new hit(s), {len(report.changes) - len(hits)} match(es) gone (recorded as rescreen:{report.run_id})\n"
    )
    for change in report.changes:
        marker = "NEW HIT" if change.change == "new_match" else "gone   "
        sys.stdout.write(f"  {marker}  {change.message}\n")
