"""`clearstone attest`: check a lot and, when nothing stands in the way, write the signed attestation PDF."""

from __future__ import annotations

import argparse
import hashlib
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from desktop.cli.common import EXIT_OK, CommandError, add_common_options, data_dir, parse_day, print_json
from desktop.cli.identity import read_passphrase
from desktop.lot import Jurisdiction, LotError, load_lot


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
    parser.add_argument("--buyer", metavar="NAME", help="the buyer named on the attestation")
    parser.add_argument(
        "--on", type=parse_day, metavar="DATE", help="apply the rules as of this day (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--jurisdiction",
        action="append",
        choices=[j.value for j in Jurisdiction],
        metavar="J",
        help="attest for these jurisdictions instead of the lot's own (repeatable)",
    )
    parser.add_argument(
        "--paper", choices=["A4", "Letter"], help="paper size (default: the settings, else A4)"
    )
    parser.add_argument("--sow-id", metavar="ID", help="the firm's WDC SoW ID (default: from the settings)")
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
    try:
        lot = load_lot(args.lot)
    except LotError as exc:
        raise CommandError(str(exc)) from None
    _check_target(args.out, args.force)
    _check_target(args.cbp_letter, args.force)
    folder = data_dir(args)
    now = datetime.now(UTC)

    from desktop.assessment import assess
    from desktop.attestation.build import refusal_reasons
    from desktop.attestation.cbp_letter import NoCbpCertificationError, build_cbp_letter
    from desktop.attestation.declarations import select_declarations
    from desktop.identity import IdentityError, IdentityStore
    from desktop.identity.files import write_atomic
    from desktop.rules.pack import load_active_pack
    from desktop.settings import SettingsError, load_settings
    from desktop.wiring import open_decisions, open_reviews, open_screener

    store = IdentityStore(folder)
    if not store.exists():
        raise CommandError(f"no signing identity in {folder}; create one with `clearstone identity create`")
    try:
        settings = load_settings(folder)
    except SettingsError as exc:
        raise CommandError(str(exc)) from None
    sow_id = (args.sow_id or settings.sow_id or "").strip() or None
    paper: Literal["A4", "Letter"] = "Letter" if (args.paper or settings.paper_size) == "Letter" else "A4"

    pack = load_active_pack(folder)
    assessment = assess(
        lot,
        pack=pack,
        screener=open_screener(folder),
        decisions=open_decisions(folder),
        reviews=open_reviews(folder),
        on=args.on,
        jurisdictions=args.jurisdiction,
        now=now,
    )
    reasons = refusal_reasons(assessment)
    if reasons:
        shown = "\n  ".join(reasons)
        raise CommandError(
            f"cannot attest lot {lot.lot_id} (verdict {assessment.verdict.value}); resolve first:\n  {shown}"
        )
    if args.cbp_letter is not None:
        chosen, omitted = select_declarations(lot, list(assessment.jurisdictions), sow_id)
        if not any(d.kind == "us_cbp_self_certification" for d in chosen):
            why = next(
                (o.reason for o in omitted if o.kind == "us_cbp_self_certification"), "US is not checked"
            )
            raise CommandError(f"no CBP self-certification for lot {lot.lot_id}: {why}")

    passphrase = read_passphrase(args.passphrase_env)
    try:
        identity = store.load(passphrase, now=now)
    except IdentityError as exc:
        raise CommandError(str(exc)) from None

    from desktop.attestation.issue import issue_attestation
    from desktop.register import Register

    with Register.in_data_dir(folder) as register_:
        issued = issue_attestation(
            register_, assessment, identity, now=now, buyer=args.buyer, sow_id=sow_id, paper=paper
        )
    number, pdf, attestation = issued.number, issued.pdf, issued.attestation
    try:
        write_atomic(args.out, pdf)
    except OSError as exc:
        raise CommandError(
            f"{args.out}: cannot write ({exc.strerror}); attestation {number} is kept in the register"
        ) from None
    letter_written = None
    if args.cbp_letter is not None:
        try:
            letter = build_cbp_letter(
                attestation.content, identity, signed_at=now, address=settings.firm_address or None
            )
            write_atomic(args.cbp_letter, letter)
            letter_written = str(args.cbp_letter)
        except NoCbpCertificationError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"{args.cbp_letter}: cannot write ({exc.strerror})") from None
    content = attestation.content
    if args.json:
        print_json(
            {
                "number": number,
                "lot_id": lot.lot_id,
                "verdict": content.verdict,
                "jurisdictions": [j.code for j in content.jurisdictions],
                "out": str(args.out),
                "sha256": hashlib.sha256(pdf).hexdigest(),
                "qr": attestation.qr_text,
                "declarations": [d.kind for d in content.declarations],
                "omitted_declarations": [o.model_dump() for o in content.omitted_declarations],
                "cbp_letter": letter_written,
            }
        )
    else:
        lines = [
            f"Attestation {number} for lot {lot.lot_id} ({content.verdict} for "
            f"{', '.join(j.code for j in content.jurisdictions)}) written to {args.out}",
            f"  Declarations: {', '.join(d.title for d in content.declarations)}",
        ]
        lines += [f"  Not declared: {o.kind}: {o.reason}" for o in content.omitted_declarations]
        if letter_written:
            lines.append(f"  CBP self-certification letter written to {letter_written}")
        sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK
