"""`clearstone decide`: record a person's ruling on a possible sanctions match or on a `review` finding."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import EXIT_OK, CommandError, add_common_options, print_json, workspace


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "decide",
        help="record a decision: a possible match is or is not the listed party; a review finding is settled",
        description="Decisions are kept in the register (who, when, why) and applied by every later check and "
        "attestation of the lot. Every decision names the person and a reason of at least a sentence.",
    )
    actions = parser.add_subparsers(dest="decide_command", metavar="ACTION", required=True)
    for name, text in (
        ("match", "the screened name IS the listed party"),
        ("not-a-match", "it is NOT the listed party"),
    ):
        sub = actions.add_parser(name, help=text)
        _match_arguments(sub)
        _common(sub)
        if name == "not-a-match":
            sub.add_argument(
                "--differs",
                action="append",
                default=[],
                metavar="FIELD=VALUE",
                help="an identifying fact that tells the party apart, with the party's own value (repeatable): "
                "date_of_birth, nationality, registration, passport, national_id, tax, lei, imo, country, "
                "address, other. Required to dismiss an exact match; the listed value is taken from the list",
            )
        sub.set_defaults(handler=_screening, decision=name)
    confirm = actions.add_parser(
        "confirm", help="a second person confirms the dismissal of an exact match (four eyes, when required)"
    )
    _match_arguments(confirm)
    confirm.add_argument(
        "--by", dest="decided_by", required=True, help="the confirming person (name and role)"
    )
    add_common_options(confirm)
    confirm.set_defaults(handler=_confirm)
    review = actions.add_parser("review", help="settle a finding in `review` for one lot")
    review.add_argument("lot_id", metavar="LOT_ID")
    review.add_argument("jurisdiction", metavar="J")
    review.add_argument("rule", metavar="RULE", help="the finding's rule id, e.g. EU-R4-C")
    review.add_argument(
        "--as",
        dest="resolution",
        required=True,
        choices=["cleared", "needs_evidence", "blocked"],
        help="what the finding becomes (only what that finding may become is accepted)",
    )
    _common(review)
    review.set_defaults(handler=_review)


def _match_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("party", metavar="NAME", help="the screened name exactly as in the lot")
    parser.add_argument("list", metavar="LIST", help="the list's short id, e.g. OFAC-SDN or CS-DIAMOND")
    parser.add_argument("entry_id", metavar="ENTRY_ID", help="the entry id the list gives, e.g. 34644")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reason",
        required=True,
        help="why: what was checked and what it showed (kept and printed on attestations)",
    )
    parser.add_argument("--by", dest="decided_by", required=True, help="who decides (name and role)")
    add_common_options(parser)


def _differs(args: argparse.Namespace) -> list[tuple[str, str]]:
    found = []
    for item in getattr(args, "differs", []) or []:
        field, sep, value = item.partition("=")
        if not sep or not field.strip() or not value.strip():
            raise CommandError(
                f"--differs: expected FIELD=VALUE, e.g. date_of_birth=1971-03-02, not {item!r}"
            )
        found.append((field.strip(), value.strip()))
    return found


def _screening(args: argparse.Namespace) -> int:
    from desktop.service.deciding import MatchDecision, decide_match, differing_facts

    with workspace(args) as ws:
        differs = differing_facts(ws, args.list, args.entry_id, _differs(args))
        decision = decide_match(
            ws,
            MatchDecision(
                party=args.party,
                list_id=args.list,
                entry_id=args.entry_id,
                is_match=args.decision == "match",
                reason=args.reason,
                decided_by=args.decided_by,
                differs=differs,
            ),
        )
    text = (
        f"«{decision.party}» {decision.decision.value.replace('_', ' ')} {decision.list} {decision.entry_id}"
    )
    if decision.differs:
        text += "; differs: " + "; ".join(d.describe() for d in decision.differs)
    return _report(args, decision.decided_by, text)


def _confirm(args: argparse.Namespace) -> int:
    from desktop.service.deciding import confirm_dismissal

    with workspace(args) as ws:
        confirmed = confirm_dismissal(ws, args.party, args.list, args.entry_id, args.decided_by)
    return _report(
        args,
        confirmed.confirmed_by or "",
        f"«{confirmed.party}» not a match {confirmed.list} {confirmed.entry_id}, decided by {confirmed.decided_by}",
    )


def _review(args: argparse.Namespace) -> int:
    from desktop.rules.result import Verdict
    from desktop.service.deciding import resolve_review

    with workspace(args) as ws:
        record = resolve_review(
            ws,
            lot_id=args.lot_id,
            jurisdiction=args.jurisdiction,
            rule=args.rule,
            resolution=Verdict(args.resolution),
            reason=args.reason,
            decided_by=args.decided_by,
        )
    return _report(
        args, record.decided_by, f"{args.lot_id} {args.jurisdiction} {args.rule} settled as {args.resolution}"
    )


def _report(args: argparse.Namespace, person: str, text: str) -> int:
    if args.json:
        print_json({"decision": text, "decided_by": person})
    else:
        print(f"Recorded: {text} (by {person})")
    return EXIT_OK
