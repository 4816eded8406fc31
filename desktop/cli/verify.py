"""`clearstone verify`: check an attestation PDF, or a QR code scanned off a printed copy, offline."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_INVALID, EXIT_OK, CommandError, add_common_options, print_json, workspace

MAX_INPUT = 50 * 1024 * 1024


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "verify",
        help="verify an attestation PDF or its scanned QR code (exit 0 valid, 3 untrusted or invalid)",
        description="Checks the PDF signature, that the document is unchanged since signing, and the signed QR "
        "payload; or, with --qr, a code scanned off a printed copy. VALID (exit 0) only for an issuer you trust: "
        "one in your trust list, given with --cert, or this data folder's own identity. An intact signature by "
        "anyone else is UNTRUSTED (exit 3); anything else INVALID (exit 3).",
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE.pdf")
    parser.add_argument(
        "--qr", metavar="TEXT", help="the scanned QR text (starts with CS1:); '-' reads stdin"
    )
    parser.add_argument(
        "--cert",
        type=Path,
        metavar="CERT.pem",
        help="trust this issuer certificate for this check (compare its fingerprint with the issuer first)",
    )
    # Kept so that old scripts keep working: an untrusted issuer now always exits 3.
    parser.add_argument("--require-trusted", action="store_true", help=argparse.SUPPRESS)
    add_common_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.qr is None):
        raise CommandError("give either FILE.pdf or --qr TEXT")
    from desktop.identity.certificate import load_certificate
    from desktop.service.verifying import verify_pdf, verify_qr

    if os.environ.get("CLEARSTONE_DEBUG") != "1":
        # pyHanko logs a full traceback for every untrusted self-signed certificate; the result says it once.
        logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    with workspace(args) as ws:
        given = [load_certificate(_read(args.cert), str(args.cert))] if args.cert is not None else []
        if args.file is not None:
            result = verify_pdf(ws, _read(args.file), extra=given)
            source = str(args.file)
        else:
            text = sys.stdin.read(MAX_INPUT) if args.qr == "-" else args.qr
            result = verify_qr(ws, text, extra=given)
            source = "CERT.pem"
    if args.json:
        document = result.to_json()
        document["how_to_trust"] = result.how_to_trust(source)
        print_json(document)
    else:
        sys.stdout.write(_describe(result, source) + "\n")
    if result.status == "valid":
        return EXIT_OK
    if result.status == "untrusted":
        sys.stderr.write(
            f"clearstone: UNTRUSTED: the signature is intact but {result.company or result.signer} is not an issuer "
            f"you trust (certificate SHA-256 {result.fingerprint}); {result.trust_note}\n"
        )
    else:
        sys.stderr.write("clearstone: verification failed: " + "; ".join(result.problems) + "\n")
    return EXIT_INVALID


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT:
            raise CommandError(f"{path}: {size:,} bytes is too large")
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(f"{path}: cannot read ({exc.strerror})") from None


def _describe(result: Any, source: str) -> str:
    lines = [result.summary()]
    if result.signer:
        lines.append(f"  Signed by    {result.signer}, {result.company}")
        lines.append(f"  Certificate  SHA-256 {result.fingerprint}")
    if result.signed_at:
        lines.append(f"  Signed at    {result.signed_at.isoformat(timespec='seconds')}")
    p = result.payload
    if p is not None and result.valid:
        if result.status == "untrusted":
            lines.append("  Claimed by an issuer you do not trust (intact, but not vouched for):")
        lines.append(f"  Attestation  {p.number} of {p.issued_on.isoformat()}")
        lines.append(
            f"  Lot          {p.lot_id}: {p.stone_count} stone(s)"
            + (f", {p.total_carats} ct" if p.total_carats else "")
            + f", largest {p.largest_stone_carats} ct, mined in {', '.join(p.mining_countries)}"
        )
        if p.buyer:
            lines.append(f"  Buyer        {p.buyer}")
    elif p is not None:
        lines.append(f"  Claimed (NOT verified): attestation {p.number} of {p.issued_on.isoformat()}, lot {p.lot_id}, "
                     f"issuer {p.issuer}")  # fmt: skip
    advice = result.how_to_trust(source)
    if advice:
        lines.append(f"  What to do   {advice}")
    return "\n".join(lines)
