"""The menus' dialogs: settings and portable mode, imports with progress and cancel, verify, register."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop.settings import load_settings
from tests.ui.driving import choose, click, named, type_into


def test_settings_are_saved_and_applied_to_new_checks(qtbot: Any, window: Any, data_dir: Path) -> None:
    from desktop.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.services, window)
    dialog.show()
    type_into(qtbot, named(dialog, QLineEdit, "Firm name"), "Antwerp Gems BV")
    choose(qtbot, named(dialog, QComboBox, "Paper size"), "Letter")
    click(qtbot, dialog.jurisdictions["UK"])
    click(qtbot, dialog.jurisdictions["US"])
    with qtbot.waitSignal(dialog.settings_saved):
        dialog.save()
    saved = load_settings(data_dir)
    assert saved.firm_name == "Antwerp Gems BV" and saved.paper_size == "Letter"
    assert saved.home_jurisdictions == ("EU", "UK")
    window.new_check()
    assert window.wizard.checklist.value(("transaction", "jurisdictions")) == ["EU", "UK"]


def test_settings_offer_the_rule_packs_regimes_and_need_none_added(
    qtbot: Any, window: Any, data_dir: Path
) -> None:
    from desktop.settings import load_settings
    from desktop.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.services, window)
    dialog.show()
    # the codes come from the active rule pack, not from a list in the code
    assert list(dialog.jurisdictions) == list(window.services.jurisdiction_names())
    for box in dialog.jurisdictions.values():
        if box.isChecked():
            click(qtbot, box)
    dialog.save()  # the firm's own country (BE) brings its regime by itself: nothing needs adding
    assert not dialog.isVisible()
    assert load_settings(data_dir).home_jurisdictions == ()


def test_portable_mode_copies_the_data(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from desktop.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.services, window)
    dialog.show()
    stick = tmp_path / "usb" / "clearstone-data"
    dialog.make_portable(stick)
    assert load_settings(stick).firm_name == "Meir & Co. Diamonds BV"
    assert str(stick) in dialog.folder.text()
    dialog.make_portable(stick)  # a second copy would overwrite: refused with a message
    assert "already holds data" in dialog.message.text()
    dialog.close()


def test_window_geometry_is_remembered(qtbot: Any, make_window: Any, services: Any) -> None:
    first = make_window()
    first.resize(first.width(), 705)  # the offscreen screen is 800 px wide: vary the height only
    first.close()
    assert services.settings().window_geometry
    again = make_window()
    assert again.height() == 705


def test_import_lists_with_progress(qtbot: Any, window: Any, sanctions_data: Path) -> None:
    from desktop.ui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(window.services, window.workers, "lists", window)
    dialog.show()
    before = dialog.loaded.topLevelItemCount()
    progress: list[int] = []
    dialog.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(dialog.import_finished, timeout=60000):
        dialog.start_import(sanctions_data / "eu" / "eu_fsf_excerpt_2026-08-05.xml")
    assert progress, "the progress bar moved"
    assert dialog.loaded.topLevelItemCount() == before + 1
    assert "EU-FSF" in [
        dialog.loaded.topLevelItem(i).text(0) for i in range(dialog.loaded.topLevelItemCount())
    ]
    dialog.close()


def test_cancelled_import_changes_nothing(qtbot: Any, window: Any, sanctions_data: Path) -> None:
    from desktop.ui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(window.services, window.workers, "lists", window)
    dialog.show()
    before = dialog.loaded.topLevelItemCount()
    with qtbot.waitSignal(dialog.import_failed, timeout=60000) as failed:
        dialog.start_import(sanctions_data / "eu" / "eu_fsf_excerpt_2026-08-05.xml")
        click(qtbot, dialog.cancel_button)
    assert failed.args == ["cancelled"]
    assert dialog.step.text() == "Import cancelled; nothing was changed."
    dialog.show_loaded()
    assert dialog.loaded.topLevelItemCount() == before
    dialog.close()


def test_bad_file_import_says_why(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from desktop.ui.dialogs.import_dialog import ImportDialog

    junk = tmp_path / "notes.txt"
    junk.write_text("not a sanctions list", encoding="utf-8")
    dialog = ImportDialog(window.services, window.workers, "lists", window)
    dialog.show()
    with qtbot.waitSignal(dialog.import_failed, timeout=30000) as failed:
        dialog.start_import(junk)
    assert failed.args[0] and dialog.step.text() == failed.args[0]
    dialog.close()


def test_verify_dialog_rejects_a_forged_qr_text(qtbot: Any, window: Any) -> None:
    from desktop.ui.dialogs.verify_dialog import VerifyDialog

    dialog = VerifyDialog(window.services, window.workers, window)
    dialog.show()
    dialog.qr_text.setFocus()
    qtbot.keyClicks(dialog.qr_text, "CS1:NOT-A-REAL-CODE")
    with qtbot.waitSignal(dialog.verification_finished, timeout=30000) as finished:
        click(qtbot, dialog.check_button)
    assert finished.args == [False]
    assert "Not valid" in dialog.verdict.text()
    assert dialog.details.text(), "the reason is shown"
    dialog.close()


@pytest.mark.parametrize("kind", ["Checks", "Attestations"])
def test_register_browser_filters(qtbot: Any, window: Any, kind: str) -> None:
    from desktop.ui.dialogs.register_dialog import RegisterDialog

    dialog = RegisterDialog(window.services, window.workers, window)
    dialog.show()
    with qtbot.waitSignal(dialog.records_loaded) as loaded:
        choose(qtbot, dialog.kind, kind)
    assert loaded.args == [0]
    dialog.close()


def test_rule_pack_import_refuses_an_unsigned_file(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from desktop.ui.dialogs.import_dialog import ImportDialog

    fake = tmp_path / "pack.cspack.json"
    fake.write_text('{"format": "clearstone.signedpack/1"}', encoding="utf-8")
    dialog = ImportDialog(window.services, window.workers, "rules", window)
    dialog.show()
    assert dialog.loaded.topLevelItem(0).text(0) == window.services.pack().pack.id
    with qtbot.waitSignal(dialog.import_failed, timeout=30000) as failed:
        dialog.start_import(fake)
    assert str(fake) in failed.args[0] or "pack" in failed.args[0]
    assert window.services.pack().origin == "bundled"
    dialog.close()


def test_chosen_data_folder_is_used_at_the_next_start(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from desktop.settings import chosen_data_dir
    from desktop.ui.dialogs.settings_dialog import SettingsDialog

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    dialog = SettingsDialog(window.services, window)
    dialog.show()
    dialog.use_folder(elsewhere)
    assert chosen_data_dir(window.services.config_folder()) == elsewhere
    assert "next start" in dialog.folder.text()
    dialog.close()


def test_register_recheck_opens_the_lot_on_todays_rules(qtbot: Any, window: Any, tmp_path: Path) -> None:
    import json

    from desktop.lot import parse_lot
    from desktop.ui.dialogs.register_dialog import RegisterDialog
    from desktop.wizard import Step
    from tests.ui.lots import lot

    old = lot(transaction={"date": "2025-03-01", "kind": "import", "jurisdictions": ["US"]})
    services = window.services
    assessment = services.assess(parse_lot(json.dumps(old).encode()))
    services.record_check(assessment)
    dialog = window.on_register()
    assert isinstance(dialog, RegisterDialog)
    with qtbot.waitSignal(dialog.records_loaded) as loaded:
        choose(qtbot, dialog.kind, "Checks")
    assert loaded.args == [1]
    dialog.records.setCurrentItem(dialog.records.topLevelItem(0))
    assert '"verdict"' in dialog.details.toPlainText()
    with qtbot.waitSignal(window.check_opened):
        click(qtbot, dialog.recheck_button)
    checklist = window.wizard.checklist
    assert checklist.value(("lot_id",)) == old["lot_id"]
    assert checklist.value(("transaction", "date")) == services.today().isoformat()
    assert checklist.step is Step.REVIEW


def test_damaged_settings_file_falls_back_to_defaults(
    qtbot: Any, make_window: Any, services: Any, data_dir: Path
) -> None:
    from desktop.settings import settings_path

    settings_path(data_dir).write_text('{"paper_size": "A3"}', encoding="utf-8")
    services.reload_settings()
    window = make_window()
    window.new_check()
    assert window.wizard.checklist.value(("transaction", "jurisdictions")) == []  # the default: none added


@pytest.mark.slow
def test_register_opens_a_past_attestation_and_saves_its_pdf(
    qtbot: Any, window: Any, tmp_path: Path, services: Any
) -> None:
    import json

    from desktop.lot import parse_lot
    from desktop.ui.dialogs.register_dialog import RegisterDialog
    from tests.ui.conftest import PASSPHRASE
    from tests.ui.lots import BOTSWANA_POLISHED

    services.create_identity(
        name="Ilse Peeters",
        title="Compliance officer",
        company="Meir",
        country="BE",
        email=None,
        passphrase=PASSPHRASE,
    )
    assessment = services.assess(parse_lot(json.dumps(BOTSWANA_POLISHED).encode()))
    services.record_check(assessment)
    issued = services.sign_attestation(
        assessment, PASSPHRASE, accept_list_gap="test folder without official lists"
    )
    number, pdf = issued.number, issued.pdf
    dialog = window.on_register()
    assert isinstance(dialog, RegisterDialog)
    with qtbot.waitSignal(dialog.records_loaded):
        choose(qtbot, dialog.kind, "Attestations")
    dialog.records.setCurrentItem(dialog.records.topLevelItem(0))
    assert dialog.save_pdf_button.isEnabled() and dialog.open_button.isEnabled()
    dialog.save_pdf(number, tmp_path / "copy.pdf")
    assert (tmp_path / "copy.pdf").read_bytes() == pdf
    with qtbot.waitSignal(window.check_opened):
        click(qtbot, dialog.open_button)
    assert window.wizard.checklist.value(("lot_id",)) == BOTSWANA_POLISHED["lot_id"]
