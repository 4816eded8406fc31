"""`clearstone attest`: check a lot and, when nothing stands in the way, write the signed attestation PDF."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, CommandError, add_common_options, parse_day, print_json, workspace
from desktop.cli.identity import read_passphrase


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "attest",
        help="write the signed attestation PDF for a cleared lot",
        description="Check the lot and, when its verdict is cleared (every review item decided), write the "
        "signed attestation PDF and record it in the register. Refuses otherwise, saying why.",
    )
    parser.add_argument("lot", type=Path, metavar="LOT.json")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="where to write the PDF")
    parser.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="read the identity's passphrase from this environment variable",
    )
    parser.add_argument(
        "--buyer", metavar="NAME", help="the buyer named on the attestation (default: the lot's buyer)"
    )
    parser.add_argument(
        "--on", type=parse_day, metavar="DATE", help="apply the rules as of this day (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--jurisdiction",
        action="append",
        type=str.upper,
        metavar="J",
        help="also attest for this regime (repeatable); every regime the lot engages is always covered",
    )
    parser.add_argument(
        "--paper",
        choices=["A4", "Letter"],
        help="paper size (default: the settings, else Letter for a buyer in the US or Canada, A4 elsewhere)",
    )
    parser.add_argument(
        "--accept-list-gap",
        metavar="REASON",
        help="attest although a regime's official sanctions list is missing or older than the freshness "
        "setting; the reason is recorded and printed in the verdict box",
    )
    parser.add_argument("--sow-id", metavar="ID", help="the firm's WDC SoW ID (default: from the settings)")
    parser.add_argument(
        "--language",
        choices=["en", "fr"],
        help="the attestation's language (default: the buyer's: French for a buyer in France, Monaco, "
        "Luxembourg, French-speaking Belgium, Switzerland or Québec, English elsewhere; see docs/attestation.md)",
    )
    parser.add_argument(
        "--cbp-letter",
        type=Path,
        metavar="FILE.pdf",
        help="also write the importer's US CBP self-certification",
    )
    parser.add_argument("--force", action="store_true", help="overwrite existing output files")
    add_common_options(parser)
    parser.set_defaults(handler=run)


def _check_target(path: Path | None, force: bool) -> None:
    if path is None:
        return
    if path.exists() and not force:
        raise CommandError(f"{path} already exists; pass --force to overwrite it")
    if not path.parent.is_dir():
        raise CommandError(f"{path.parent} is not a folder")


def run(args: argparse.Namespace) -> int:
    _check_target(args.out, args.force)
    _check_target(args.cbp_letter, args.force)
    from desktop.identity.files import write_atomic
    from desktop.service.attesting import AttestRequest, issue, prepare_attestation
    from desktop.service.checking import read_lot

    with workspace(args) as ws:
        if not ws.identity_store().exists():
            raise CommandError(
                f"no signing identity in {ws.data_dir}; create one with `clearstone identity create`"
            )
        lot = read_lot(ws, args.lot)
        request = AttestRequest(
            lot=lot,
            on=args.on,
            add_jurisdictions=args.jurisdiction or (),
            buyer=args.buyer,
            sow_id=args.sow_id,
            paper=args.paper,
            accept_list_gap=args.accept_list_gap,
            cbp_letter=args.cbp_letter is not None,
            language=args.language,
        )
        prepared = prepare_attestation(ws, request)
        if prepared.refused:
            reasons = [
                f"{r}, or pass --sow-id ID" if prepared.missing_sow_id and "SoW ID" in r else r
                for r in prepared.reasons
            ]
            shown = "\n  ".join(reasons)
            raise CommandError(
                f"cannot attest lot {lot.lot_id} (verdict {prepared.assessment.verdict.value}); resolve first:\n  {shown}"
            )
        passphrase = read_passphrase(args.passphrase_env)
        issued = issue(ws, prepared, passphrase)
    number, pdf = issued.number, issued.pdf
    try:
        write_atomic(args.out, pdf)
    except OSError as exc:
        raise CommandError(
            f"{args.out}: cannot write ({exc.strerror}); attestation {number} is kept in the register"
        ) from None
    letter_written = None
    if issued.cbp_letter is not None and args.cbp_letter is not None:
        try:
            write_atomic(args.cbp_letter, issued.cbp_letter)
        except OSError as exc:
            raise CommandError(f"{args.cbp_letter}: cannot write ({exc.strerror})") from None
        letter_written = str(args.cbp_letter)
    content = issued.attestation.content
    if args.json:
        print_json(
            {
                "number": number,
                "lot_id": lot.lot_id,
                "verdict": content.verdict,
                "jurisdictions": [j.code for j in content.jurisdictions],
                "out": str(args.out),
                "sha256": hashlib.sha256(pdf).hexdigest(),
                "qr": issued.attestation.qr_text,
                "declarations": [d.kind for d in content.declarations],
                "omitted_declarations": [o.model_dump() for o in content.omitted_declarations],
                "cbp_letter": letter_written,
                "paper": content.paper,
                "buyer": content.buyer,
                "language": content.lang,
                "list_gap_accepted": content.coverage_gap.model_dump() if content.coverage_gap else None,
            }
        )
    else:
        lines = [
            f"Attestation {number} for lot {lot.lot_id} ({content.verdict} for "
            f"{', '.join(j.code for j in content.jurisdictions)}) written to {args.out}",
            f"  Declarations: {', '.join(d.title for d in content.declarations)}",
        ]
        lines += [f"  Not declared: {o.kind}: {o.reason}" for o in content.omitted_declarations]
        if content.coverage_gap is not None:
            lines.append(f"  Sanctions-list gap accepted: {content.coverage_gap.reason}")
        if letter_written:
            lines.append(f"  CBP self-certification letter written to {letter_written}")
        sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK
