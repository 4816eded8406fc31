"""The verify dialog: green only for a trusted issuer; a same-name impostor shows amber with its fingerprint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.attestation.build import build_attestation
from desktop.identity import IdentityInfo, IdentityStore, SigningIdentity, TrustList, certificate_pem
from tests.attestation.helpers import NOW as SIGNED_AT
from tests.attestation.helpers import assessment, lot

REAL = IdentityInfo("Anna Peeters", "Compliance Officer", "Peeters Diamonds BV", "BE", "anna@peeters.example")
PASS = "correct horse battery"


def _identity(folder: Path) -> SigningIdentity:
    return IdentityStore(folder).create(REAL, PASS, now=SIGNED_AT)


def _signed_pdf(shared_dir: Path, identity: SigningIdentity, target: Path) -> Path:
    attestation = build_attestation(
        assessment(lot(shared_dir, "S16")), identity, number="CS-2026-000009", issued_at=SIGNED_AT
    )
    target.write_bytes(attestation.pdf)
    return target


def _verify(qtbot: Any, window: Any, pdf: Path) -> tuple[Any, list[Any], list[Any]]:
    from desktop.ui.dialogs.verify_dialog import VerifyDialog

    dialog = VerifyDialog(window.services, window.workers, window)
    dialog.show()
    with (
        qtbot.waitSignal(dialog.status_shown, timeout=60000) as shown,
        qtbot.waitSignal(dialog.verification_finished, timeout=60000) as finished,
    ):
        dialog.verify_pdf(pdf)
    return dialog, shown.args, finished.args


def test_impostor_shows_amber_with_fingerprint_and_what_to_do(
    qtbot: Any, window: Any, shared_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    real, impostor = _identity(tmp_path / "real"), _identity(tmp_path / "impostor")
    TrustList(data_dir).add(certificate_pem(real.certificate))  # the buyer trusts the real issuer only
    forged = _signed_pdf(shared_dir, impostor, tmp_path / "forged.pdf")
    dialog, shown, finished = _verify(qtbot, window, forged)
    assert shown == ["untrusted"] and finished == [False]
    assert "Untrusted" in dialog.verdict.text() and "Valid" not in dialog.verdict.text()
    assert "#9a6700" in dialog.verdict.styleSheet()  # amber, neither green nor red
    details = dialog.details.text()
    assert impostor.fingerprint in details and "impostor" in details
    assert "compare" in details and "identity trust" in details
    assert real.fingerprint in details  # the certificate the buyer does trust, named for comparison
    dialog.close()


def test_trusted_issuer_is_green_and_a_broken_file_red(
    qtbot: Any, window: Any, shared_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    real = _identity(tmp_path / "real")
    TrustList(data_dir).add(certificate_pem(real.certificate))
    good = _signed_pdf(shared_dir, real, tmp_path / "good.pdf")
    dialog, shown, finished = _verify(qtbot, window, good)
    assert shown == ["valid"] and finished == [True]
    assert "#1a7f37" in dialog.verdict.styleSheet() and "trusted" in dialog.verdict.text()
    dialog.close()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(good.read_bytes().replace(b"LG-2026-1154", b"LG-2026-1155"))
    dialog, shown, finished = _verify(qtbot, window, broken)
    assert shown == ["invalid"] and finished == [False]
    assert "#cf222e" in dialog.verdict.styleSheet()
    dialog.close()
