"""`clearstone register`: list, show, search, export, verify, back up, restore, reconcile and re-screen."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.register import RecordSummary, Register

from desktop.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    CommandError,
    add_common_options,
    data_dir,
    print_json,
    workspace,
)


def register(commands: Any) -> None:
    parser = commands.add_parser("register", help="the register of checks, decisions and attestations")
    actions = parser.add_subparsers(dest="register_command", metavar="ACTION", required=True)

    def action(
        name: str, help_text: str, handler: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
        add_common_options(sub)
        sub.set_defaults(handler=handler)
        return sub

    listing = action("list", "list records, newest first", _list)
    listing.add_argument(
        "--kind",
        action="append",
        choices=["lot", "assessment", "decision", "evidence", "attestation", "rescreen", "restore", "draft"],
        help="only records of this kind (repeatable)",
    )
    listing.add_argument("--lot", metavar="LOT_ID", help="only records of this lot")
    listing.add_argument("--limit", type=int, metavar="N", help="at most N records")

    show = action("show", "everything about one record", _show)
    show.add_argument(
        "ref", metavar="ID", help="assessment id, attestation number (CS-2026-000001) or kind:key"
    )
    show.add_argument(
        "--pdf", type=Path, metavar="FILE.pdf", help="for an attestation: write the stored signed PDF"
    )

    search = action("search", "records whose names or numbers contain TEXT", _search)
    search.add_argument("text", metavar="TEXT")

    export = action("export", "write every record to FILE (.json or .csv)", _export)
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--format", choices=["json", "csv"], help="default: from the file name, else json")

    verify = action("verify", "recompute the audit chain; exit 3 naming the first bad entry", _verify)
    verify.add_argument(
        "--against",
        nargs="+",
        type=Path,
        metavar="PDF",
        help="also check the chain head printed on these attestations against the register",
    )

    backup = action("backup", "consistent copy of the register (and its evidence files) to FILE", _backup)
    backup.add_argument("file", type=Path, metavar="FILE")

    restore = action(
        "restore",
        "replace the register with a backup, once it verifies and is not older than the register",
        _restore,
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument(
        "--force",
        metavar="REASON",
        help="restore an older or forked backup anyway (a rollback); the reason is recorded in the register",
    )

    reconcile = action("reconcile", "WDC System of Warranties reconciliation of YEAR as CSV", _reconcile)
    reconcile.add_argument("year", type=int, metavar="YEAR")
    reconcile.add_argument("--out", type=Path, required=True, metavar="FILE.csv")

    rescreen = action(
        "rescreen", "re-screen past counterparties and owners against the loaded lists", _rescreen
    )
    rescreen.add_argument(
        "--since-years", type=int, default=5, metavar="N", help="assessments of the last N years"
    )

    retention = action("retention", "show or raise how many years records are kept (at least 10)", _retention)
    retention.add_argument("--set", type=int, dest="years", metavar="YEARS")


def _open(args: argparse.Namespace) -> Register:
    from desktop.register import Register

    with _user_errors():
        return Register.in_data_dir(data_dir(args), now=_now())


def _now() -> datetime:
    return datetime.now(UTC)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Register errors are the user's to act on: one line, exit 2, nothing changed."""
    from desktop.register import RegisterError

    try:
        yield
    except RegisterError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"{exc.filename or 'file'}: {exc.strerror}") from None


def _print_records(args: argparse.Namespace, records: list[RecordSummary]) -> None:
    if args.json:
        print_json([r.to_json() for r in records])
        return
    if not records:
        print("no records")
    for r in records:
        print(f"{r.at[:19].replace('T', ' ')}  {r.ref:<32}  {r.lot_id or '-':<16}  {r.summary}")


def _list(args: argparse.Namespace) -> int:
    from desktop.register import RecordKind

    if args.limit is not None and args.limit < 1:
        raise CommandError("--limit must be at least 1")
    with _open(args) as reg:
        kinds = [RecordKind(k) for k in args.kind] if args.kind else None
        _print_records(args, reg.list_records(kinds, lot_id=args.lot, limit=args.limit))
    return EXIT_OK


def _search(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        _print_records(args, reg.search(args.text))
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    with _open(args) as reg, _user_errors():
        detail = reg.show(args.ref)
        if args.pdf is not None:
            record = reg.attestation(str(detail.get("number", "")))
            if record is None:
                raise CommandError(f"{args.ref} is not an attestation, so it has no PDF")
            args.pdf.write_bytes(record.pdf)
    if args.json:
        print_json(detail)
        return EXIT_OK
    for key, value in detail.items():
        if key in {"assessment", "lot", "decision", "changes"}:
            continue
        if key == "audit":
            for entry in value:
                print(
                    f"audit entry {entry['seq']}: {entry['kind']} at {entry['at']} hash {entry['hash'][:16]}"
                )
        else:
            print(f"{key}: {value}")
    if "assessment" in detail:
        _print_assessment(detail["assessment"])
    for key in ("lot", "decision", "changes"):
        if key in detail:
            print(f"{key}: {json.dumps(detail[key], ensure_ascii=False, indent=2)}")
    return EXIT_OK


def _print_assessment(document: dict[str, Any]) -> None:
    lot = document["lot"]
    print(
        f"lot: {lot['lot_id']} - {lot['counterparty']['name']} ({lot['transaction']['kind']} {lot['transaction']['date']})"
    )
    print(f"verdict: {document['verdict']} on {document['date']}")
    for code, result in document["jurisdictions"].items():
        print(f"  {code}: {result['verdict']}")
        for finding in result["findings"]:
            print(f"    {finding['rule']} {finding['outcome']}: {finding['summary']}")
    pack = document["rule_pack"]
    print(f"rule pack: {pack['id']} {pack['version']} ({pack['sha256'][:16]})")
    for item in document["screening"]["lists"]:
        print(f"list: {item['id']} as of {item['as_of']} ({item['sha256'][:16]})")
    for match in document["screening"]["matches"]:
        print(
            f"match: {match['query']} ~ {match['list']} {match['entry_id']} {match['name']} ({match['score']})"
        )


def _export(args: argparse.Namespace) -> int:
    target: Path = args.file
    fmt = args.format or ("csv" if target.suffix.lower() == ".csv" else "json")
    with _open(args) as reg, _user_errors():
        if fmt == "csv":
            reg.export_csv(target)
        else:
            reg.export_json(target)
    _report(args, {"exported": str(target), "format": fmt}, f"exported the register to {target} ({fmt})")
    return EXIT_OK


def _report(args: argparse.Namespace, document: dict[str, Any], text: str) -> None:
    if args.json:
        print_json(document)
    else:
        print(text)


def _verify(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        report = reg.verify()
        anchors = _anchors(args, reg) if args.against else []
    failed = [a for a in anchors if not a.ok]
    if args.json:
        document = report.to_json()
        if args.against:
            document["against"] = [a.to_json() for a in anchors]
            document["ok"] = report.ok and not failed
        print_json(document)
    else:
        for problem in report.problems:
            print(f"audit entry {problem.seq}: {problem.problem}" if problem.seq else problem.problem)
        for anchor in anchors:
            label = f"{anchor.source} ({anchor.number})" if anchor.number else anchor.source
            print(f"{label}: {anchor.problem}" if anchor.problem else f"{label}: agrees with the register")
        if report.ok:
            print(report.describe())
    if report.ok and not failed:
        return EXIT_OK
    first = report.describe() if not report.ok else f"{failed[0].source}: {failed[0].problem}"
    sys.stderr.write(f"clearstone: verification failed: {first}\n")
    return EXIT_INVALID


def _anchors(args: argparse.Namespace, reg: Register) -> list[Any]:
    from desktop.attestation.anchors import check_against
    from desktop.identity import TrustListError, trusted_certificates

    pdfs = []
    for path in args.against:
        try:
            pdfs.append((str(path), path.read_bytes()))
        except OSError as exc:
            raise CommandError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        trusted = trusted_certificates(data_dir(args))
    except TrustListError as exc:
        raise CommandError(str(exc)) from None
    return check_against(reg, pdfs, trusted, now=_now())


def _backup(args: argparse.Namespace) -> int:
    with _open(args) as reg, _user_errors():
        report = reg.backup(args.file)
    _report(
        args,
        {"backup": str(args.file), **report.to_json()},
        f"backup written to {args.file}: {report.describe()}",
    )
    if not report.ok:
        sys.stderr.write(f"clearstone: the register itself fails verification: {report.describe()}\n")
        return EXIT_INVALID
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from desktop.register import FILE_NAME, Register

    live = data_dir(args) / FILE_NAME
    with _user_errors():
        outcome = Register.restore(args.file, live, now=_now(), force_reason=args.force)
    report, safety = outcome.report, outcome.safety_copy
    text = f"restored {live} from {args.file}: {report.describe()}"
    if outcome.forced:
        text += f"\nrollback forced ({args.force}): {'; '.join(outcome.rollback)}"
        if outcome.dropped:
            text += f"\nattestations no longer in the register: {', '.join(outcome.dropped)} (their numbers stay used)"
    if safety is not None:
        text += f"\nthe register as it was before is kept in {safety}"
    _report(args, {"restored": str(live), **outcome.to_json()}, text)
    return EXIT_OK


def _reconcile(args: argparse.Namespace) -> int:
    if not 1900 <= args.year <= 9999:
        raise CommandError(f"{args.year} is not a plausible year")
    with _open(args) as reg, _user_errors():
        lines = reg.export_reconciliation(args.year, args.out)
    _report(
        args,
        {"year": args.year, "out": str(args.out), "lines": lines},
        f"wrote the {args.year} System of Warranties reconciliation to {args.out} ({lines} lines)",
    )
    return EXIT_OK


def _rescreen(args: argparse.Namespace) -> int:
    from desktop.service.lists import rescreen_register

    if args.since_years < 0:
        raise CommandError("--since-years cannot be negative")
    with workspace(args) as ws:
        if not ws.has_register():
            raise CommandError(f"no register in {ws.data_dir}: nothing to re-screen")
        outcome = rescreen_register(ws.data_dir, ws.screener(), _now(), since_years=args.since_years)
    if outcome.error is not None or outcome.report is None:
        raise CommandError(outcome.error or "the register could not be re-screened")
    report, unscreenable = outcome.report, outcome.unscreenable
    if args.json:
        print_json({**report.to_json(), "unscreenable": unscreenable})
    else:
        for change in report.changes:
            print(change.message)
        print(
            f"re-screened {report.parties} parties of {report.assessments} assessments: "
            f"{len(report.changes)} changed outcomes (recorded as rescreen:{report.run_id})"
        )
        for name in unscreenable:
            print(f"not screenable (nothing left to compare after normalisation): {name}")
    return EXIT_OK


def _retention(args: argparse.Namespace) -> int:
    with _open(args) as reg, _user_errors():
        if args.years is not None:
            reg.set_retention_years(args.years, now=_now())
        years = reg.retention_years()
    _report(
        args,
        {"retention_years": years},
        f"records are kept {years} years (at least 10: OFAC, 31 CFR 501.601)",
    )
    return EXIT_OK
