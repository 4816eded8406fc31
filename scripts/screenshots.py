"""Render the start page, each checklist step and the dialogs to PNG, offscreen, for the README and docs.

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/img] [--dark] [--lang fr]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.settings import Settings, Signer, save_settings
from desktop.ui.app import create_application, prepare
from desktop.ui.main_window import MainWindow
from desktop.ui.services import Services
from desktop.wizard import Checklist, Draft, Step

DEMO_LOT = {
    "format": "clearstone.lot/1",
    "lot_id": "KRT-26-1184",
    "description": "Botswana run-of-mine rough, 38 stones",
    "transaction": {
        "date": "2026-12-01",
        "kind": "import",
        "jurisdictions": ["EU", "US", "UK"],
        "invoice": {
            "number": "KRT/2026/1184",
            "date": "2026-11-18",
            "sow_statement": "2021",
            "sow_id": "SOW-BW-20417",
        },
        "value": {"amount": "9840.00", "currency": "USD"},
    },
    "goods": {
        "category": "rough",
        "hs_code": "7102.31",
        "stone_count": 38,
        "total_carats": "27.45",
        "largest_stone_carats": "1.20",
    },
    "origin": {"mining_countries": ["BW"], "transit_countries": ["ZA"]},
    "processing": [],
    "counterparty": {
        "role": "seller",
        "kind": "organization",
        "name": "Kgalagadi Rough Trading (Pty) Ltd",
        "country": "BW",
        "registration_number": "BW00001873245",
        "address": "Plot 64518, Fairgrounds Office Park, Gaborone",
        "owners": [{"name": "Tumelo Segokgo", "kind": "person", "country": "BW", "share_percent": "100"}],
    },
    "evidence": [
        {
            "type": "kp_certificate",
            "reference": "BW0087321",
            "issuing_country": "BW",
            "issued_on": "2026-11-16",
            "expires_on": "2027-01-15",
            "mining_countries": ["BW"],
            "mixed_origin": False,
        }
    ],
}
PASSPHRASE = "trade-show-2026"
NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def settle(app: QApplication, ms: int = 60) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def wait_for(app: QApplication, predicate: object, timeout_ms: int = 30000) -> None:
    waited = 0
    while not predicate() and waited < timeout_ms:  # type: ignore[operator]
        settle(app, 50)
        waited += 50
    if not predicate():  # type: ignore[operator]
        raise SystemExit("timed out waiting for the window")


def shoot(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/img"))
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = ("-dark" if args.dark else "") + (f"-{args.lang}" if args.lang != "en" else "")

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        save_settings(
            Settings(
                firm_name="Meir & Co. Diamonds BV",
                firm_address="Hoveniersstraat 30, 2018 Antwerpen",
                firm_country="BE",
                sow_id="SOW-BE-11873",
                home_jurisdictions=("EU", "US"),
                signer=Signer(name="Ilse Peeters", title="Compliance officer", email="ilse@meir.example"),
                language=args.lang,
                theme="dark" if args.dark else "light",
            ),
            data,
        )
        app = create_application(["screenshots"])
        services = Services(data_dir=data, config_dir=Path(tmp) / "config", clock=lambda: NOW)
        prepare(app, services)
        window = MainWindow(services)
        window.resize(1180, 820)
        window.show()
        window.load_data_status()
        loaded: list[bool] = []
        window.data_status_loaded.connect(lambda: loaded.append(True))
        wait_for(app, lambda: loaded)
        settle(app)
        shoot(window, args.out / f"ui-start{suffix}.png")

        window.open_checklist(Checklist(Draft(dict(DEMO_LOT))), reveal=True)
        wizard = window.wizard
        names = {
            Step.LOT_TRANSACTION: "1-lot",
            Step.ORIGIN: "2-origin",
            Step.PROCESSING: "3-processing",
            Step.COUNTERPARTY: "4-counterparty",
        }
        for step, name in names.items():
            wizard.go_to(step)
            if step is Step.COUNTERPARTY:
                done: list[int] = []
                wizard.pages[step].screening_finished.connect(done.append)
                wizard.pages[step].screen_now()
                wait_for(app, lambda done=done: done)
            settle(app)
            shoot(window, args.out / f"ui-{name}{suffix}.png")

        # the EU wants the Antwerp Diamond Office's verification of rough: the review says so, with a Fix button
        checked: list[str] = []
        wizard.review.check_finished.connect(checked.append)
        wizard.go_to(Step.REVIEW)
        wait_for(app, lambda: checked)
        settle(app)
        shoot(window, args.out / f"ui-6-review{suffix}.png")
        wizard.review.fix_buttons[0].click()
        evidence = wizard.pages[Step.EVIDENCE]
        index = evidence.add_document("g7_verification")
        wizard.checklist.set_value(("evidence", index, "reference"), "ADO-2026-118840")
        wizard.checklist.set_value(("evidence", index, "issued_on"), "2026-11-25")
        scan = Path(tmp) / "ado-verification-118840.pdf"
        scan.write_bytes(b"%PDF-1.4 scanned verification")
        evidence.attach_file(index, scan)
        settle(app)
        shoot(window, args.out / f"ui-5-evidence{suffix}.png")

        checked.clear()
        wizard.go_to(Step.REVIEW)
        wait_for(app, lambda: checked)
        if wizard.checklist.attest_refusal() is not None:
            raise SystemExit(f"demo lot not attestable: {wizard.checklist.attest_refusal()}")
        wizard.checklist.go_next()
        attest = wizard.attest
        settle(app)
        attest.id_pass.setText(PASSPHRASE)
        attest.id_pass2.setText(PASSPHRASE)
        attest.create_button.click()
        signed: list[str] = []
        attest.signing_finished.connect(signed.append)
        attest.signing_failed.connect(lambda m: signed.append("failed: " + m))
        attest.passphrase.setText(PASSPHRASE)
        attest.sign_now()
        wait_for(app, lambda: signed, 60000)
        if signed[0].startswith("failed"):
            raise SystemExit(signed[0])
        settle(app)
        shoot(window, args.out / f"ui-7-attest{suffix}.png")

        # a possible sanctions match, shown with why it matched
        match_lot = dict(DEMO_LOT, lot_id="KRT-26-1185")
        match_lot["counterparty"] = {
            "name": "Kristal Produktion Corporation",
            "kind": "organization",
            "country": "BW",
        }
        window.open_checklist(Checklist(Draft(match_lot)), reveal=True)
        page = window.wizard.pages[Step.COUNTERPARTY]
        screened: list[int] = []
        page.screening_finished.connect(screened.append)
        window.wizard.go_to(Step.COUNTERPARTY)
        wait_for(app, lambda: screened)
        page.match_cards[0].reason.setText(
            "Different company: Botswana registry extract 2019, no link to Smolensk"
        )
        settle(app)
        shoot(window, args.out / f"ui-match{suffix}.png")

        from desktop.ui.dialogs.verify_dialog import VerifyDialog

        pdf = Path(tmp) / "attestation.pdf"
        pdf.write_bytes(attest.pdf or b"")
        dialog = VerifyDialog(services, window.workers, window)
        dialog.show()
        verified: list[bool] = []
        dialog.verification_finished.connect(verified.append)
        dialog.verify_pdf(pdf)
        wait_for(app, lambda: verified)
        settle(app)
        shoot(dialog, args.out / f"ui-verify{suffix}.png")
        dialog.close()

        from desktop.ui.dialogs.register_dialog import RegisterDialog

        register = RegisterDialog(services, window.workers, window)
        register.show()
        settle(app)
        shoot(register, args.out / f"ui-register{suffix}.png")
        register.close()

        from desktop.ui.dialogs.settings_dialog import SettingsDialog

        settings_dialog = SettingsDialog(services, window)
        settings_dialog.show()
        settle(app)
        shoot(settings_dialog, args.out / f"ui-settings{suffix}.png")
        settings_dialog.close()

        window.close()
        services.close()
        QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
