"""A dealer checks a Botswana lot from an empty form to a signed PDF that `clearstone verify` accepts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from desktop.cli import run as cli
from desktop.wizard import Step
from tests.ui.conftest import PASSPHRASE
from tests.ui.driving import accept_list_gaps, add_country, choose, click, named, pick_country, type_into


@pytest.mark.slow
def test_whole_check_to_a_verified_pdf(qtbot: Any, window: Any, data_dir: Path, tmp_path: Path) -> None:
    click(qtbot, window.start.new_button)
    wizard = window.wizard
    checklist = wizard.checklist
    assert checklist.value(("transaction", "jurisdictions")) == ["US", "EU"]  # the firm's, from settings

    # 1. lot and transaction: Next only reveals what is missing until the step is complete
    page = wizard.page(Step.LOT_TRANSACTION)
    click(qtbot, wizard.next_button)
    assert checklist.step is Step.LOT_TRANSACTION
    assert "to complete" in wizard.missing.text()
    type_into(qtbot, named(page, QLineEdit, "Lot ID"), "KRT-26-1184")
    choose(qtbot, named(page, QComboBox, "Category"), "Rough")
    type_into(qtbot, named(page, QLineEdit, "Largest stone (ct)"), "1.2O")  # a typo, said in plain words
    error = page.findChildren(type(wizard.missing), "fieldError")
    shown = [e.text() for e in error if e.isVisible()]
    assert "Not a number: “1.2O”. Use a point for decimals, for example 0.50." in shown, shown
    type_into(qtbot, named(page, QLineEdit, "Largest stone (ct)"), "1.20")
    type_into(qtbot, named(page, QLineEdit, "Total weight (ct)"), "27.45")
    assert not any(e.isVisible() for e in page.findChildren(type(wizard.missing), "fieldError"))
    click(qtbot, wizard.next_button)

    # 2. origin, with the KP certificate
    assert checklist.step is Step.ORIGIN
    origin = wizard.page(Step.ORIGIN)
    add_country(qtbot, origin.mining, "Botswana")
    assert checklist.value(("origin", "mining_countries")) == ["BW"]
    click(qtbot, named(origin, QCheckBox, "A KP certificate accompanies this lot"))
    type_into(qtbot, origin.kp_reference, "BW0087321")
    pick_country(qtbot, origin.kp_country, "BW")
    type_into(qtbot, origin.kp_issued, "2026-11-16")
    type_into(qtbot, origin.kp_expires, "2027-01-15")
    kp = checklist.value(("evidence", 0))
    assert kp["issuing_country"] == "BW" and kp["mining_countries"] == ["BW"]
    click(qtbot, wizard.next_button)

    # 3. processing: rough as mined
    assert checklist.step is Step.PROCESSING
    click(qtbot, wizard.next_button)

    # 4. counterparty, screened as it is typed
    counterparty = wizard.page(Step.COUNTERPARTY)
    with qtbot.waitSignal(counterparty.screening_finished, timeout=30000) as screened:
        type_into(qtbot, counterparty.name, "Kgalagadi Rough Trading (Pty) Ltd")
    assert screened.args == [0]
    assert "No match" in counterparty.screening_status.text()
    click(qtbot, wizard.next_button)

    # 5. evidence: the G7 verification the EU requires for rough
    evidence = wizard.page(Step.EVIDENCE)
    choose(qtbot, evidence.new_type, "G7 verification (e.g. Antwerp Diamond Office)")
    click(qtbot, evidence.add_button)
    type_into(qtbot, named(evidence, QLineEdit, "Reference"), "ADO-2026-118840")
    scan = tmp_path / "ado-scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan of the verification")
    evidence.attach_file(1, scan)
    attached = checklist.value(("extensions", "clearstone.attachments", "1"))
    assert attached["file"] == "ado-scan.pdf" and len(attached["sha256"]) == 64
    stored = window.services.workspace.register().evidence_path(attached["sha256"])
    assert stored.read_bytes() == scan.read_bytes(), "the scan is kept in the register under its hash"
    with qtbot.waitSignal(wizard.review.check_finished, timeout=60000) as checked:
        click(qtbot, wizard.next_button)

    # 6. review
    assert checked.args == ["cleared"], checklist.attest_refusal()
    assert "Ready to attest" in wizard.review.gate.text()
    click(qtbot, wizard.next_button)

    # 7. attest: identity on first use, then sign
    attest = wizard.attest
    assert checklist.step is Step.ATTEST
    assert attest.create_form.isVisible()
    assert attest.id_name.text() == "Ilse Peeters"  # from the settings
    type_into(qtbot, attest.id_pass, PASSPHRASE)
    type_into(qtbot, attest.id_pass2, PASSPHRASE)
    with qtbot.waitSignal(attest.identity_created):
        click(qtbot, attest.create_button)
    assert not attest.create_form.isVisible()
    accept_list_gaps(qtbot, attest)
    with qtbot.waitSignal(attest.signing_finished, timeout=60000) as signed:
        click(qtbot, attest.sign_button)
    number = signed.args[0]
    assert number == "CS-2026-000001"
    assert attest.print_button.isEnabled() and attest.save_button.isEnabled()
    assert attest.preview.pixmap() is not None and not attest.preview.pixmap().isNull()

    out = tmp_path / "attestation.pdf"
    attest.save_to(out)
    assert cli(["verify", str(out), "--data-dir", str(data_dir)]) == 0
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(out.read_bytes().replace(b"KRT-26-1184", b"KRT-26-1185"))
    assert cli(["verify", str(tampered), "--data-dir", str(data_dir)]) == 3

    # the verify dialog agrees, and names the issuer and the facts
    from desktop.ui.dialogs.verify_dialog import VerifyDialog

    dialog = VerifyDialog(window.services, window.workers, window)
    dialog.show()
    with qtbot.waitSignal(dialog.verification_finished, timeout=60000) as verified:
        dialog.verify_pdf(out)
    assert verified.args == [True]
    assert "Ilse Peeters" in dialog.details.text() and "KRT-26-1184" in dialog.details.text()
    with qtbot.waitSignal(dialog.verification_finished, timeout=60000) as verified:
        dialog.verify_pdf(tampered)
    assert verified.args == [False]
    assert "changed after signing" in dialog.details.text()
    dialog.close()

    # printing renders the signed pages themselves (to a PDF printer here)
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(attest.printed, timeout=60000):
        attest.print_to(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000
    assert "Sent to the printer" in attest.status.text()
