"""`clearstone selftest`: run the bundled sample lot end to end in a throwaway data folder."""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import __version__
from desktop.cli.common import EXIT_INTERNAL, EXIT_OK, add_common_options, print_json
from desktop.paths import resource, resource_root

if TYPE_CHECKING:
    from desktop.assessment import Assessment
    from desktop.lot import Lot
    from desktop.service import Workspace

SAMPLE_LOT = ("samples", "sample-cleared.lot.json")
# A sanctioned name in Cyrillic: the bundled list must find ALROSA from it (cross-script, legal form dropped).
KNOWN_LISTED_NAME = "ПАО «Алроса»"
KNOWN_LISTED_TOKEN = "ALROSA"


class SelftestError(Exception):
    """A step did not give the expected result; the message says what was wrong."""


@dataclass(frozen=True)
class StepResult:
    step: str
    ok: bool
    seconds: float
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"step": self.step, "ok": self.ok, "seconds": round(self.seconds, 3), "detail": self.detail}


@dataclass
class SelftestRun:
    """What the steps hand on to each other; `now` is the one clock reading the whole run uses."""

    folder: Path
    now: datetime
    sample: Path
    lot: Lot | None = None
    assessment: Assessment | None = None
    pdf: bytes = b""
    qr_text: str = ""
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    _workspace: Workspace | None = None

    @property
    def ws(self) -> Workspace:
        """The throwaway data folder, opened through the same application layer the app uses."""
        if self._workspace is None:
            from desktop.service import Workspace

            self._workspace = Workspace(self.folder, clock=lambda: self.now)
        return self._workspace

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()


def step_check(run: SelftestRun) -> str:
    from desktop.rules.result import Verdict
    from desktop.service.checking import assess_lot, read_lot

    run.lot = read_lot(run.ws, run.sample)
    run.assessment = assess_lot(run.ws, run.lot)
    a = run.assessment
    if a.verdict is not Verdict.CLEARED:
        raise SelftestError(f"lot {run.lot.lot_id} should be cleared but is {a.verdict.value}")
    if a.screening.matches:
        raise SelftestError(
            f"the sample's parties should not match, got {len(a.screening.matches)} match(es)"
        )
    return (
        f"{run.lot.lot_id}: cleared for {', '.join(a.jurisdictions)} "
        f"(pack {a.rule_pack.id} {a.rule_pack.version}, {run.ws.pack().origin})"
    )


def step_screen(run: SelftestRun) -> str:
    from desktop.parties import screened_parties
    from desktop.screening.types import PartyQuery

    assert run.lot is not None
    screener = run.ws.screener()
    bundled = {info.id for info in screener.lists() if info.bundled}
    hits = screener.screen(PartyQuery(name=KNOWN_LISTED_NAME))
    strong = [m for m in hits if m.strong and m.list in bundled and KNOWN_LISTED_TOKEN in m.name.upper()]
    if not strong:
        raise SelftestError(
            f"«{KNOWN_LISTED_NAME}» gave no strong match on the bundled list {sorted(bundled)}"
        )
    parties = screened_parties(run.lot)
    for party in parties:
        found = screener.screen(party.query)
        if found:
            raise SelftestError(
                f"«{party.name}» should not match, but matched {found[0].name} ({found[0].list})"
            )
    best = strong[0]
    return (
        f"«{KNOWN_LISTED_NAME}» -> {best.name} [{best.list} {best.entry_id}] score {best.score:.2f}; "
        f"{len(parties)} sample name(s): no match"
    )


def step_identity(run: SelftestRun) -> str:
    from desktop.identity import certificate_pem
    from desktop.service.identity import create_identity

    created = create_identity(
        run.ws,
        name="Selftest Signer",
        title="Self-test",
        company="Clearstone self-test",
        country="BE",
        email=None,
        passphrase=run.passphrase,
    )
    store = run.ws.identity_store()
    if store.load(run.passphrase, now=run.now).fingerprint != created.fingerprint:
        raise SelftestError("the identity read back is not the one created")
    run.ws.trust_list().add(certificate_pem(store.certificate()), "selftest")
    return f"throwaway identity, certificate SHA-256 {created.fingerprint[:23]}…"


def step_attest(run: SelftestRun) -> str:
    from desktop.service.attesting import AttestRequest, issue, prepare_attestation

    assert run.lot is not None and run.assessment is not None
    # The throwaway folder holds no official list by design: the gap is accepted, and printed, like a user's.
    # Its settings hold no SoW ID either: the sample's WDC statement gets a throwaway one.
    request = AttestRequest(
        lot=run.lot,
        accept_list_gap="self-test in a throwaway data folder without lists",
        sow_id="SOW-SELFTEST",
    )
    prepared = prepare_attestation(run.ws, request, assessment=run.assessment)
    if prepared.refused:
        raise SelftestError("the sample lot was refused: " + "; ".join(prepared.reasons))
    issued = issue(run.ws, prepared, run.passphrase)
    run.pdf, run.qr_text = issued.pdf, issued.attestation.qr_text
    (run.folder / f"{issued.number}.pdf").write_bytes(run.pdf)
    return f"{issued.number}: {len(run.pdf):,} bytes signed PDF"


def step_verify(run: SelftestRun) -> str:
    from desktop.service.verifying import verify_pdf, verify_qr

    assert run.lot is not None
    pdf = verify_pdf(run.ws, run.pdf)
    if not (pdf.valid and pdf.trusted):
        raise SelftestError(f"the PDF does not verify: {pdf.summary()}")
    qr = verify_qr(run.ws, run.qr_text)
    if not (qr.valid and qr.trusted) or qr.payload is None or qr.payload.lot_id != run.lot.lot_id:
        raise SelftestError(f"the QR payload does not verify: {qr.summary()}")
    tampered = bytearray(run.pdf)
    tampered[64] ^= 0x01  # inside the first signed byte range, before the signature's own bytes
    if verify_pdf(run.ws, bytes(tampered)).valid:
        raise SelftestError("a PDF with one flipped byte still verifies")
    return f"PDF and QR valid, issuer trusted ({pdf.payload.number if pdf.payload else '?'}); altered copy refused"


def step_register(run: SelftestRun) -> str:
    from desktop.service.records import verify_chain

    report = verify_chain(run.ws)
    if not report.ok:
        raise SelftestError(f"the register's audit chain is broken: {report.problems or report.integrity}")
    return f"audit chain intact ({report.entries} entries)"


STEPS: list[tuple[str, Callable[[SelftestRun], str]]] = [
    ("check", step_check),
    ("screen", step_screen),
    ("identity", step_identity),
    ("attest", step_attest),
    ("verify", step_verify),
    ("register", step_register),
]


def run_steps(
    run: SelftestRun,
    *,
    report: Callable[[StepResult], None],
    timer: Callable[[], float] = time.perf_counter,
) -> list[StepResult]:
    """Run every step in order; stop at the first that fails. Each result is reported as it finishes."""
    results: list[StepResult] = []
    for name, step in STEPS:
        started = timer()
        try:
            detail, ok = step(run), True
        except SelftestError as exc:
            detail, ok = str(exc), False
        except Exception as exc:  # the self-test's job is to name the failing step, whatever broke in it
            detail, ok = f"{type(exc).__name__}: {exc}", False
        result = StepResult(name, ok, timer() - started, detail)
        results.append(result)
        report(result)
        if not ok:
            break
    return results


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "selftest",
        help="run the bundled sample lot end to end (check, screen, attest, verify)",
        description="Checks, screens, attests and verifies the bundled sample lot in a throwaway data folder, "
        "made inside --data-dir (default: the system's temporary folder) and removed afterwards; your own data "
        "is never touched. Exit 0 when every step works, 1 naming the failing step.",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the throwaway data folder and print its path"
    )
    add_common_options(parser)
    parser.set_defaults(handler=run)


def _print_step(result: StepResult) -> None:
    state = "ok" if result.ok else "FAILED"
    sys.stdout.write(f"  {result.step:<9}{state:<7}{result.seconds:6.2f} s  {result.detail}\n")
    sys.stdout.flush()


def _runtime() -> str:
    """Which program runs: an installed bundle must show its own resources, not a source checkout's."""
    kind = "bundle" if getattr(sys, "frozen", False) else f"Python {sys.version.split()[0]}"
    return f"{kind}, resources {resource_root()}"


def run(args: argparse.Namespace) -> int:
    if os.environ.get("CLEARSTONE_DEBUG") != "1":
        # pyHanko logs validation details at WARNING; the verify step reports its own outcome.
        logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    parent: Path | None = args.data_dir
    if parent is not None:
        parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="clearstone-selftest-", dir=parent))
    started = time.perf_counter()
    try:
        selftest = SelftestRun(folder=folder, now=datetime.now(UTC), sample=resource(*SAMPLE_LOT))
        if not args.json:
            sys.stdout.write(f"clearstone {__version__} selftest ({_runtime()}) in {folder}\n")
        try:
            results = run_steps(selftest, report=(lambda r: None) if args.json else _print_step)
        finally:
            selftest.close()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    total = time.perf_counter() - started
    passed = len(results) == len(STEPS) and all(r.ok for r in results)
    if args.json:
        print_json(
            {
                "ok": passed,
                "seconds": round(total, 3),
                "steps": [r.to_json() for r in results],
                "kept": args.keep,
            }
        )
    elif passed:
        sys.stdout.write(f"selftest passed: {len(results)} steps in {total:.2f} s\n")
    if args.keep and not args.json:
        sys.stdout.write(f"data folder kept: {folder}\n")
    if not passed:
        sys.stderr.write(f"clearstone: selftest failed at step {results[-1].step}: {results[-1].detail}\n")
        return EXIT_INTERNAL
    return EXIT_OK
