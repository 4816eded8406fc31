"""`clearstone decide`: record a person's ruling on a possible sanctions match or on a `review` finding."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from desktop.cli.common import EXIT_OK, CommandError, add_common_options, data_dir, print_json


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "decide",
        help="record a decision: a possible match is or is not the listed party; a review finding is settled",
        description="Decisions are kept in the register (who, when, why) and applied by every later check and "
        "attestation of the lot.",
    )
    actions = parser.add_subparsers(dest="decide_command", metavar="ACTION", required=True)
    for name, text in (
        ("match", "the screened name IS the listed party"),
        ("not-a-match", "it is NOT the listed party"),
    ):
        sub = actions.add_parser(name, help=text)
        sub.add_argument("party", metavar="NAME", help="the screened name exactly as in the lot")
        sub.add_argument("list", metavar="LIST", help="the list's short id, e.g. OFAC-SDN or CS-DIAMOND")
        sub.add_argument("entry_id", metavar="ENTRY_ID", help="the entry id the list gives, e.g. 34644")
        _common(sub)
        sub.set_defaults(handler=_screening, decision=name.replace("-", "_"))
    review = actions.add_parser("review", help="settle a finding in `review` for one lot")
    review.add_argument("lot_id", metavar="LOT_ID")
    review.add_argument("jurisdiction", metavar="J")
    review.add_argument("rule", metavar="RULE", help="the finding's rule id, e.g. EU-R4-C")
    review.add_argument(
        "--as", dest="resolution", required=True, choices=["cleared", "needs_evidence", "blocked"]
    )
    _common(review)
    review.set_defaults(handler=_review)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reason", required=True, help="why (kept in the register and printed on attestations)"
    )
    parser.add_argument("--by", dest="decided_by", required=True, help="who decides (name and role)")
    add_common_options(parser)


def _require_text(args: argparse.Namespace) -> None:
    if not args.reason.strip():
        raise CommandError("--reason: a decision needs a reason")
    if not args.decided_by.strip():
        raise CommandError("--by: a decision needs the name of the person deciding")


def _screening(args: argparse.Namespace) -> int:
    from desktop.register import Register
    from desktop.screening.types import Decision, ScreeningDecision

    _require_text(args)
    ruling = ScreeningDecision(
        party=args.party,
        list=args.list,
        entry_id=args.entry_id,
        decision=Decision(args.decision),
        reason=args.reason.strip(),
        decided_by=args.decided_by.strip(),
        decided_at=datetime.now(UTC),
    )
    with Register.in_data_dir(data_dir(args)) as register:
        ident = register.record_decision(ruling)
    return _report(
        args, ident, f"«{args.party}» {args.decision.replace('_', ' ')} {args.list} {args.entry_id}"
    )


def _review(args: argparse.Namespace) -> int:
    from desktop.register import Register
    from desktop.register.models import ReviewResolution

    _require_text(args)
    resolution = ReviewResolution(
        jurisdiction=args.jurisdiction,
        rule=args.rule,
        resolution=args.resolution,
        reason=args.reason.strip(),
        decided_by=args.decided_by.strip(),
        decided_at=datetime.now(UTC),
        lot_id=args.lot_id,
    )
    with Register.in_data_dir(data_dir(args)) as register:
        ident = register.record_review(resolution)
    return _report(args, ident, f"{args.lot_id} {args.jurisdiction} {args.rule} settled as {args.resolution}")


def _report(args: argparse.Namespace, ident: int, text: str) -> int:
    if args.json:
        print_json({"recorded": ident, "decision": text})
    else:
        print(f"Recorded decision {ident}: {text}")
    return EXIT_OK
