"""Render the start page, each checklist step and the dialogs to PNG, offscreen, for the docs.

Every screen in English and French, at 1440×900 and at 1024×768 (the smallest screen the app supports):
`ui-NAME.png` (English, 1440×900), `ui-NAME-fr.png`, `ui-NAME-1024.png`, `ui-NAME-fr-1024.png`.

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/img] [--dark] [--lang en|fr]
       [--size 1440x900|1024x768]
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.lot import Lot
from desktop.settings import Settings, Signer, save_settings
from desktop.ui import i18n
from desktop.ui.app import create_application
from desktop.ui.main_window import MainWindow
from desktop.ui.services import Services
from desktop.ui.theme import apply_theme
from desktop.wizard import Checklist, Draft, Step

# A Belgian dealer imports Botswana rough from its supplier and sells it on to a New York buyer.
DEMO_LOT: dict[str, Any] = {
    "format": "clearstone.lot/1",
    "lot_id": "KRT-26-1184",
    "description": "Botswana run-of-mine rough, 38 stones",
    "transaction": {
        "date": "2026-12-01",
        "kind": "import",
        "jurisdictions": [],
        "issuer_country": "BE",
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
    "parties": [
        {
            "role": "buyer",
            "kind": "organization",
            "name": "Hudson Fine Jewelry LLC",
            "country": "US",
            "address": "580 Fifth Avenue, New York, NY 10036",
        }
    ],
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
SIZES = {"1440x900": (1440, 900), "1024x768": (1024, 768)}
SHARED_LISTS = ("eu/eu_fsf_excerpt_2026-08-05.xml", "uk/uk_sanctions_list_excerpt_2026-09-10.xml")
GAP_REASON = "OFAC SDN checked on the Treasury's search page on 2026-12-01; no hit for either party"


def settle(app: QApplication, ms: int = 60) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def wait_for(app: QApplication, predicate: Any, timeout_ms: int = 30000) -> None:
    waited = 0
    while not predicate() and waited < timeout_ms:
        settle(app, 50)
        waited += 50
    if not predicate():
        raise SystemExit("timed out waiting for the window")


class Shooter:
    def __init__(self, out: Path, suffix: str) -> None:
        self.out, self.suffix = out, suffix

    def __call__(self, widget: QWidget, name: str) -> None:
        path = self.out / f"ui-{name}{self.suffix}.png"
        widget.grab().save(str(path))
        print(f"wrote {path}")


def suffix_of(language: str, size: str, dark: bool) -> str:
    return (
        ("-dark" if dark else "")
        + ("-fr" if language == "fr" else "")
        + ("-1024" if size == "1024x768" else "")
    )


def data_folder(tmp: Path, language: str, dark: bool) -> Path:
    data = tmp / "data"
    data.mkdir()
    save_settings(
        Settings(
            firm_name="Meir & Co. Diamonds BV",
            firm_address="Hoveniersstraat 30, 2018 Antwerpen",
            firm_country="BE",
            sow_id="SOW-BE-11873",
            signer=Signer(name="Ilse Peeters", title="Compliance officer", email="ilse@meir.example"),
            people=("Marc Janssens",),
            language=language,
            theme="dark" if dark else "light",
            list_max_age_days=366,  # the bundled samples are months old: count them current for the pictures
        ),
        data,
    )
    return data


def import_shared_lists(services: Services) -> None:
    """The EU and UK sample lists from ../shared when present, so the status line looks like a dealer's."""
    shared = Path(os.environ.get("CLEARSTONE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    for name in SHARED_LISTS:
        path = shared / "sanctions-data" / name
        if path.is_file():
            services.import_lists(path, lambda _done, _total: None)


def render_pages(pdf: Path, out: Path, stem: str) -> None:
    """First and last page at 100 dpi, as a reader of docs/attestation.md sees them."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    for page, name in ((1, "page1"), (pages, "last-page")):
        target = out / f"{stem.replace('PAGE', name)}"
        subprocess.run(
            ["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
             str(target)],
            check=True,
        )  # fmt: skip
        print(f"wrote {target}.png")


def attestation_pictures(
    services: Services, lot: Lot, signed: bytes, out: Path, language: str, tmp: Path
) -> None:
    """The attestation the window signed (a New York buyer: English, Letter); in French, the same lot sold to
    a Brussels jeweller (French by the buyer's country, A4), signed through the same use case."""
    if shutil.which("pdftoppm") is None or shutil.which("pdfinfo") is None:
        print("poppler-utils not installed: attestation pictures skipped")
        return
    pdf = tmp / f"attestation-{language}.pdf"
    if language == "en":
        pdf.write_bytes(signed)
        render_pages(pdf, out, "attestation-PAGE")
        return
    from desktop.service.attesting import AttestRequest, issue, prepare_attestation

    jeweller = {"name": "Bijouterie Lumière SRL", "country": "BE", "address": "Rue Neuve 41, 1000 Bruxelles"}
    parties = [p.model_copy(update=jeweller) if p.role == "buyer" else p for p in lot.parties]
    brussels = lot.model_copy(update={"parties": parties, "lot_id": lot.lot_id + "-BXL"})
    request = AttestRequest(lot=brussels, accept_list_gap=GAP_REASON)
    issued = issue(services.workspace, prepare_attestation(services.workspace, request), PASSPHRASE)
    pdf.write_bytes(issued.pdf)
    render_pages(pdf, out, f"attestation-PAGE-{language}")


def shoot_all(app: QApplication, out: Path, language: str, size: str, dark: bool) -> None:
    shoot = Shooter(out, suffix_of(language, size, dark))
    width, height = SIZES[size]
    i18n.set_language(language)
    i18n.install_qt_translator(app)  # Qt's own buttons (Save, Cancel) in the same language
    apply_theme(app, "dark" if dark else "light")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        data = data_folder(tmp, language, dark)
        services = Services(data_dir=data, config_dir=tmp / "config", clock=lambda: NOW)
        services.user = "Ilse Peeters"
        window = MainWindow(services)
        window.resize(width, height)
        window.show()
        loaded: list[bool] = []
        window.data_status_loaded.connect(lambda: loaded.append(True))
        window.load_data_status()
        wait_for(app, lambda: loaded)
        settle(app)
        shoot(window, "start")  # a fresh install: no official list yet, three ways to get them

        import_shared_lists(services)
        loaded.clear()
        window.load_data_status()
        wait_for(app, lambda: loaded)

        checklist = Checklist(
            Draft(copy.deepcopy(DEMO_LOT)), jurisdictions=services.pack().jurisdiction_codes()
        )
        window.open_checklist(checklist, reveal=True)
        wizard = window.wizard
        assert wizard is not None
        for step, name in (
            (Step.LOT_TRANSACTION, "1-lot"),
            (Step.ORIGIN, "2-origin"),
            (Step.PROCESSING, "3-processing"),
            (Step.COUNTERPARTY, "4-parties"),
        ):
            wizard.go_to(step)
            if step is Step.COUNTERPARTY:
                done: list[int] = []
                page = wizard.pages[step]
                page.screening_finished.connect(done.append)  # type: ignore[attr-defined]
                page.screen_now()  # type: ignore[attr-defined]
                wait_for(app, lambda done=done: done)
            settle(app, 150)
            shoot(window, name)

        # the review: the EU wants the Antwerp Diamond Office's verification of rough, with a Fix button
        checked: list[str] = []
        wizard.review.check_finished.connect(checked.append)
        wizard.go_to(Step.REVIEW)
        wait_for(app, lambda: checked)
        settle(app, 150)
        shoot(window, "6-review")
        if wizard.review.fix_buttons:
            wizard.review.fix_buttons[0].click()
        evidence = wizard.pages[Step.EVIDENCE]
        index = evidence.add_document("g7_verification")  # type: ignore[attr-defined]
        checklist.set_value(("evidence", index, "reference"), "ADO-2026-118840")
        checklist.set_value(("evidence", index, "issued_on"), "2026-11-25")
        scan = tmp / "ado-verification-118840.pdf"
        scan.write_bytes(b"%PDF-1.4 scanned verification")
        evidence.attach_file(index, scan)  # type: ignore[attr-defined]
        settle(app, 150)
        shoot(window, "5-evidence")

        checked.clear()
        wizard.go_to(Step.REVIEW)
        wait_for(app, lambda: checked)
        if checklist.attest_refusal() is not None:
            raise SystemExit(f"demo lot not attestable: {checklist.attest_refusal()}")
        checklist.go_next()
        attest = wizard.attest
        settle(app)
        shoot(window, "7-attest-identity")  # Sign says why it is disabled, and offers to create the identity
        attest.id_pass.setText(PASSPHRASE)
        attest.id_pass2.setText(PASSPHRASE)
        attest.create_button.click()
        if attest.gap_box.isVisible():  # US coverage: the OFAC samples are CSV files without a date
            attest.accept_gap.setChecked(True)
            attest.gap_reason.setText(GAP_REASON)
        signed: list[str] = []
        attest.signing_finished.connect(signed.append)
        attest.signing_failed.connect(lambda m: signed.append("failed: " + m))
        attest.passphrase.setText(PASSPHRASE)
        attest.sign_now()
        wait_for(app, lambda: signed, 60000)
        if signed[0].startswith("failed"):
            raise SystemExit(signed[0])
        settle(app, 150)
        shoot(window, "7-attest")
        if size == "1440x900" and not dark:
            lot = checklist.lot
            assert lot is not None
            attestation_pictures(services, lot, attest.pdf or b"", out, language, tmp)

        # an exact sanctions match: dismissed only with the fact that tells the party apart
        match_lot = copy.deepcopy(DEMO_LOT)
        match_lot["lot_id"] = "KRT-26-1185"
        match_lot["counterparty"] = {
            "name": "ALROSA",
            "kind": "organization",
            "country": "BW",
            "registration_number": "BW00001873245",
        }
        window.open_checklist(Checklist(Draft(match_lot)), reveal=True)
        wizard = window.wizard
        assert wizard is not None
        page = wizard.pages[Step.COUNTERPARTY]
        screened: list[int] = []
        page.screening_finished.connect(screened.append)  # type: ignore[attr-defined]
        wizard.go_to(Step.COUNTERPARTY)
        wait_for(app, lambda: screened)
        cards = page.match_cards  # type: ignore[attr-defined]
        exact = next((c for c in cards if c.exact), cards[0] if cards else None)
        if exact is not None:
            exact.reason.setText(
                "Registry extract: a Botswana company founded 2019, unrelated to PJSC ALROSA"
            )
            exact.field.setCurrentIndex(max(exact.field.findData("registration"), 0))
        settle(app, 150)
        if exact is not None:
            page.scroller.ensureWidgetVisible(exact, 20, 20)  # type: ignore[attr-defined]
            exact.party_value.setFocus()
        settle(app, 100)
        shoot(window, "match")

        from desktop.ui.dialogs.verify_dialog import VerifyDialog

        pdf = tmp / "attestation.pdf"
        pdf.write_bytes(attest.pdf or b"")
        dialog = VerifyDialog(services, window.workers, window)
        dialog.show()
        verified: list[bool] = []
        dialog.verification_finished.connect(verified.append)
        dialog.verify_pdf(pdf)
        wait_for(app, lambda: verified)
        settle(app)
        shoot(dialog, "verify")
        dialog.close()

        register = window.on_register()
        settle(app)
        shoot(register, "register")
        register.close()

        update = window.on_update_lists()
        settle(app)
        shoot(update, "update")
        update.close()

        from desktop.ui.dialogs.settings_dialog import SettingsDialog

        settings_dialog = SettingsDialog(services, window)
        settings_dialog.show()
        settle(app)
        shoot(settings_dialog, "settings")
        settings_dialog.close()

        window.close()
        services.close()
        QCoreApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/img"))
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--lang", choices=["en", "fr"], action="append")
    parser.add_argument("--size", choices=sorted(SIZES), action="append")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from desktop.startup import silence_known_warnings

    silence_known_warnings()  # as the program does at start (pyHanko's DSA import)
    app = create_application(["screenshots"])
    for language in args.lang or ["en", "fr"]:
        for size in args.size or ["1440x900", "1024x768"]:
            shoot_all(app, args.out, language, size, args.dark)
    return 0


if __name__ == "__main__":
    sys.exit(main())
