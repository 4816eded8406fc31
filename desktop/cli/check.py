"""`clearstone check`: evaluate lot files against the active rule pack and the loaded sanctions lists."""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_FAIL_ON, EXIT_OK, add_common_options, parse_day, print_json, workspace
from desktop.rules.language import quoted, score_text
from desktop.rules.result import Level, Verdict, shared_notes

_VERDICTS = [v.value for v in Verdict]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "check",
        help="check lot files against the rules and the sanctions lists",
        description="Evaluate each lot for every jurisdiction that binds it, as the law stood on its transaction date.",
    )
    parser.add_argument("lots", nargs="+", type=Path, metavar="LOT.json")
    parser.add_argument(
        "--jurisdiction",
        action="append",
        type=str.upper,
        metavar="J",
        help="a what-if: report only these regimes (repeatable; the rule pack's codes, e.g. US, EU, UK) instead "
        "of every regime the lot engages",
    )
    parser.add_argument(
        "--on", type=parse_day, metavar="DATE", help="apply the rules as of this day (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--fail-on", choices=_VERDICTS, metavar="VERDICT", help="exit 4 when a verdict is this bad or worse"
    )
    parser.add_argument(
        "--no-record", action="store_true", help="do not record the assessments in the register"
    )
    add_common_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.service.checking import check_lots, read_lot

    with workspace(args) as ws:
        lots = [read_lot(ws, path) for path in args.lots]
        pack = ws.pack()
        if pack.notice:
            sys.stderr.write(f"clearstone: note: {pack.notice}\n")
        assessments = check_lots(ws, lots, on=args.on, only=args.jurisdiction, record=not args.no_record)
    if args.json:
        documents = [a.to_json() for a in assessments]
        print_json(documents[0] if len(documents) == 1 else documents)
    else:
        width = min(shutil.get_terminal_size((100, 24)).columns, 120)
        sys.stdout.write("\n\n".join(render_text(a, width) for a in assessments) + "\n")
    if args.fail_on:
        threshold = Verdict(args.fail_on)
        if any(a.verdict.rank >= threshold.rank for a in assessments):
            return EXIT_FAIL_ON
    return EXIT_OK


_MARK = {
    Verdict.CLEARED: "cleared",
    Verdict.NEEDS_EVIDENCE: "needs evidence",
    Verdict.REVIEW: "review",
    Verdict.BLOCKED: "BLOCKED",
}


def _wrap(head: str, text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=head, subsequent_indent="      ")


def render_text(assessment: Any, width: int = 100) -> str:
    """A readable report: verdict table first, then each finding with its source."""
    lot = assessment.lot
    pack = assessment.rule_pack
    lines = [
        f"{lot.lot_id}  {lot.description or ''}".rstrip(),
        f"Verdict: {_MARK[assessment.verdict]}   (rules as of {assessment.date}; pack {pack.id} {pack.version}, "
        f"sha256 {pack.sha256[:12]}…)",
        *(
            [f"Regimes: {'; '.join(f'{r.code} ({r.describe()})' for r in assessment.regimes)}"]
            if assessment.regimes
            else []
        ),
        *(
            [f"What-if: only {', '.join(assessment.restricted_to)} reported"]
            if assessment.restricted_to is not None
            else []
        ),
        "",
        f"  {'Jurisdiction':<13}{'Verdict':<16}Deciding rule",
    ]
    for code, result in assessment.jurisdictions.items():
        deciding = next(
            (f for f in result.findings if f.outcome is result.verdict and f.level is Level.DECISIVE), None
        )
        label = deciding.rule if deciding else "no rule prohibits it"
        lines.append(f"  {code:<13}{_MARK[result.verdict]:<16}{label}")
    results = list(assessment.jurisdictions.values())
    shared = shared_notes(results)
    for code, result in assessment.jurisdictions.items():
        own = [f for f in result.findings if (f.rule, f.summary) not in shared]
        if not own:
            continue
        lines.append("")
        lines.append(f"{code} — {_MARK[result.verdict]}")
        for finding in own:
            tag = finding.level.value if finding.outcome is Verdict.CLEARED else _MARK[finding.outcome]
            if finding.suggested is not None:
                tag += f", likely {finding.suggested.value}"
            if finding.confidence == "U":
                tag += ", unverified [U]"
            head = f"  {finding.rule} ({tag}): "
            lines.extend(
                textwrap.wrap(finding.summary, width, initial_indent=head, subsequent_indent="      ")
            )
            lines.extend(
                textwrap.wrap(
                    f"Source: {finding.source}", width, initial_indent="      ", subsequent_indent="      "
                )
            )
            if finding.evidence_needed is not None and finding.outcome is Verdict.NEEDS_EVIDENCE:
                lines.extend(
                    textwrap.wrap(
                        f"Needed: {finding.evidence_needed.text}",
                        width,
                        initial_indent="      ",
                        subsequent_indent="      ",
                    )
                )
    if shared:
        lines.append("")
        lines.append("Every jurisdiction")
        for finding in results[0].findings:
            if (finding.rule, finding.summary) in shared:
                lines.extend(_wrap(f"  {finding.rule} ({finding.level.value}): ", finding.summary, width))
                lines.extend(_wrap("      ", f"Source: {finding.source}", width))
    screening = assessment.screening
    lists = ", ".join(f"{item.id} (as of {item.as_of})" for item in screening.lists) or "none"
    lines.append("")
    lines.append(
        f"Screening: {len(screening.parties)} name(s) against {lists}; {len(screening.matches)} match(es)."
    )
    for match in screening.matches:
        lines.append(
            f"  {quoted(match.query)} ~ {match.name} [{match.list} {match.entry_id}] score {score_text(match.score)}: "
            f"{match.why}"
        )
    return "\n".join(lines)
