"""The verify dialog: green only for a trusted issuer; a same-name impostor shows amber with its fingerprint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.attestation.build import build_attestation
from desktop.identity import IdentityInfo, IdentityStore, SigningIdentity, TrustList, certificate_pem
from tests.attestation.helpers import NOW as SIGNED_AT
from tests.attestation.helpers import assessment, lot
from tests.ui.driving import click

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
    qtbot: Any, window: Any, shared_dir: Path, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
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
    assert "compare" in details and "Trust this issuer" in details and "clearstone" not in details
    assert real.fingerprint in details  # the certificate the buyer does trust, named for comparison
    # trusting the impostor is refused: a different key under a name already trusted
    assert dialog.trust_button.isVisible()
    _answer_yes(monkeypatch)
    click(qtbot, dialog.trust_button)
    assert "Not trusted" in dialog.details.text() and "different key" in dialog.details.text()
    dialog.close()


def _answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )


def test_a_new_issuer_is_trusted_from_the_dialog_after_the_fingerprint_check(
    qtbot: Any, window: Any, shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    supplier = _identity(tmp_path / "supplier")
    pdf = _signed_pdf(shared_dir, supplier, tmp_path / "from-supplier.pdf")
    dialog, shown, _finished = _verify(qtbot, window, pdf)
    assert shown == ["untrusted"] and dialog.trust_button.isVisible()
    _answer_yes(monkeypatch)
    with qtbot.waitSignal(dialog.status_shown, timeout=60000) as again:
        click(qtbot, dialog.trust_button)
    assert again.args == ["valid"] and not dialog.trust_button.isVisible()
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
    assert "do not rely on this document" in dialog.details.text()  # and what to ask the issuer for
    assert not dialog.trust_button.isVisible()
    dialog.close()
