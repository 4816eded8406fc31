"""`clearstone screen`: screen one name, or a CSV file of names, against the loaded sanctions lists."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    CommandError,
    add_common_options,
    print_json,
    published_text,
    workspace,
)

_KINDS = ("organization", "person")


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "screen", help="screen a name (or a CSV of names) against the sanctions lists"
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help="the name to screen")
    parser.add_argument(
        "--file", type=Path, metavar="NAMES.csv", help="screen the `name` column of a CSV file"
    )
    parser.add_argument("--country", metavar="CC", help="ISO country code of the party (refines the score)")
    parser.add_argument("--kind", choices=_KINDS, help="organization or person")
    parser.add_argument("--registration", metavar="NUMBER", help="registration, INN/OGRN or IMO number")
    parser.add_argument("--birth-date", type=date.fromisoformat, metavar="YYYY-MM-DD", help="for persons")
    parser.add_argument("--nationality", metavar="CC", help="ISO country code of a person's nationality")
    parser.add_argument(
        "--identifier",
        action="append",
        default=[],
        metavar="TYPE=VALUE",
        help="an identifier the party holds (registration, tax, lei, passport, national_id, imo, other); repeatable",
    )
    add_common_options(parser)
    parser.set_defaults(handler=_screen)


def _rows(args: argparse.Namespace) -> list[dict[str, str]]:
    if args.file is None:
        if not args.name:
            raise CommandError("give a NAME to screen or --file NAMES.csv")
        return [{"name": args.name, "country": args.country or "", "kind": args.kind or ""}]
    if args.name:
        raise CommandError("give either a NAME or --file, not both")
    try:
        with args.file.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or "name" not in [f.strip().lower() for f in reader.fieldnames]:
                raise CommandError(f"{args.file} has no `name` column")
            return [{(k or "").strip().lower(): (v or "") for k, v in row.items()} for row in reader]
    except OSError as exc:
        raise CommandError(f"cannot read {args.file}: {exc.strerror}") from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise CommandError(f"{args.file} is not a readable UTF-8 CSV file: {exc}") from None


_ID_TYPES = ("registration", "tax", "lei", "passport", "national_id", "imo", "other")


def _identifiers(values: list[str]) -> list[Any]:
    from desktop.screening.types import PartyIdentifier

    out = []
    for value in values:
        kind, sep, number = value.partition("=")
        if not sep or kind.strip().lower() not in _ID_TYPES or not number.strip():
            raise CommandError(
                f"--identifier {value!r}: expected TYPE=VALUE with TYPE one of {', '.join(_ID_TYPES)}"
            )
        out.append(PartyIdentifier(type=kind.strip().lower(), value=number.strip()))
    return out


def _screen(args: argparse.Namespace) -> int:
    from desktop.screening.errors import ScreeningError
    from desktop.screening.types import PartyQuery

    rows = _rows(args)
    identifiers = _identifiers(args.identifier)
    with workspace(args) as ws:
        screener = ws.screener()  # the lists bundled with this installation are seeded on first use
    results: list[dict[str, Any]] = []
    for row in rows:
        kind = (row.get("kind") or args.kind or "").strip().lower() or None
        if kind is not None and kind not in _KINDS:
            kind = None
        query = PartyQuery(
            name=row.get("name", ""),
            kind=kind,
            country=(row.get("country") or args.country or "").strip().upper() or None,
            registration_number=args.registration if args.file is None else None,
            birth_date=args.birth_date if args.file is None else None,
            nationality=(args.nationality or "").strip().upper() or None if args.file is None else None,
            identifiers=identifiers if args.file is None else [],
        )
        try:
            matches = screener.screen(query)
        except ScreeningError as exc:
            if args.file is None:
                raise CommandError(str(exc)) from None
            results.append({"query": query.name, "matches": [], "error": str(exc)})
            continue
        results.append({"query": query.name, "matches": [m.to_json() for m in matches]})
    lists = [i.to_json() for i in screener.lists()]
    if args.json:
        print_json(results if args.file is not None else {**results[0], "lists": lists})
    else:
        _print_text(results, screener.lists())
    return EXIT_OK


def _print_text(results: list[dict[str, Any]], lists: list[Any]) -> None:
    from desktop.screening.matcher import ALERT_THRESHOLD

    names = ", ".join(f"{i.id} ({published_text(i.as_of)})" for i in lists)
    out = sys.stdout
    out.write(f"Screened against {names}; alert threshold {ALERT_THRESHOLD}.\n")
    for result in results:
        if "error" in result:
            out.write(f"{result['query']!r}: not screened: {result['error']}\n")
            continue
        matches = result["matches"]
        if not matches:
            out.write(f"{result['query']}: no match\n")
            continue
        out.write(f"{result['query']}: {len(matches)} match(es)\n")
        for m in matches:
            level = "MATCH " if m["strong"] else "REVIEW"
            out.write(
                f"  {level} {m['score']:.2f}  {m['list']} {m['entry_id']}  {m['name']}"
                f"  [{', '.join(m['jurisdictions'])}]\n      why: {m['why']}\n"
            )
