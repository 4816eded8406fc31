"""Issue 15 in the window: update the lists from their publishers (a loopback server here), data packs out and
in (an untrusted signer shown and confirmed), a refused import forced with a recorded confirmation, the
fresh-install offer, banners that follow the lot's regimes, and the list-gap confirmation at attest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.lot import validate_lot
from desktop.ui.services import Services
from tests.screening.listserver import ListServer, serving
from tests.ui.conftest import NOW, PASSPHRASE
from tests.ui.driving import click, type_into
from tests.ui.lots import lot

UN_FILE = "un/UN_consolidated_2026-02-27.xml"
EU_FILE = "eu/eu_fsf_excerpt_2026-08-05.xml"


@pytest.fixture
def server(sanctions_data: Path) -> Iterator[ListServer]:
    with serving({"un.xml": sanctions_data / UN_FILE, "eu.xml": sanctions_data / EU_FILE}) as running:
        yield running


@pytest.fixture
def current_for_a_year(services: Services) -> Services:
    """The sample files are months old: count a list as current for a year, so coverage is about presence."""
    services.save_settings(services.settings().updated(list_max_age_days=366))
    return services


def answer_next_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Answer the next modal question as a user would, noting what it asked."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)


def record_past_check(services: Services, name: str) -> None:
    """A check recorded before the lists changed, whose counterparty the new lists name."""
    data = lot(lot_id="L-2026-0099", counterparty={"name": name, "kind": "person", "country": "CD"})
    assessment = services.assess(validate_lot(data))
    services.record_check(assessment)


def test_update_lists_with_progress_per_source_and_new_hits(
    qtbot: Any, window: Any, server: ListServer, current_for_a_year: Services
) -> None:
    services = current_for_a_year
    record_past_check(services, "Eric Badege")
    services.list_sources = [f"UN={server.url('files/un.xml')}", f"EU-FSF={server.url('files/eu.xml')}"]
    assert any("EU" in w for w in window.banner.text.text().split("<br>")), (
        "no EU list yet: the banner says so"
    )

    dialog = window.on_update_lists()
    assert set(dialog.bars) == {"UN", "EU-FSF"}, "one progress bar per source"
    moved: list[int] = []
    dialog.bars["UN"].valueChanged.connect(moved.append)
    with (
        qtbot.waitSignal(window.data_status_loaded, timeout=60000),
        qtbot.waitSignal(dialog.update_finished, timeout=60000) as finished,
    ):
        click(qtbot, dialog.start_button)
    assert moved and max(moved) > 0, "the UN bar moved"
    assert finished.args[0].changed
    assert dialog.results["UN"].text().startswith("\u2714 updated: published 2026-02-27")
    assert dialog.results["EU-FSF"].text().startswith("\u2714 updated: published 2026-08-05")
    assert "Eric Badege" in dialog.hits.text() or "ERIC BADEGE" in dialog.hits.text().upper()
    assert "L-2026-0099" in dialog.hits.text(), "the new hit names the past check"
    assert [r.info.id for r in services.data_status().lists if not r.info.bundled] == ["EU-FSF", "UN"]
    assert "EU" not in window.banner.text.text(), "the banner refreshed after the update"
    assert "UN" in window.status_strip.lists.text()
    dialog.close()


def test_a_failed_or_cancelled_update_changes_nothing(
    qtbot: Any, window: Any, server: ListServer, services: Services
) -> None:
    services.list_sources = [f"UN={server.url('status/404')}"]
    dialog = window.on_update_lists()
    with qtbot.waitSignal(dialog.update_failed, timeout=60000) as failed:
        click(qtbot, dialog.start_button)
    assert "404" in failed.args[0]
    assert dialog.status.text().startswith("Not updated; the loaded lists are unchanged")
    assert not services.has_official_lists()

    services.list_sources = [f"UN={server.url('stall')}"]
    with qtbot.waitSignal(dialog.update_failed, timeout=60000):
        click(qtbot, dialog.start_button)
        click(qtbot, dialog.cancel_button)
    assert dialog.status.text() == "Update cancelled; the loaded lists are unchanged."
    assert not services.has_official_lists()
    server.release.set()
    dialog.close()


def test_a_refused_import_can_be_forced_and_the_confirmation_is_recorded(
    qtbot: Any, window: Any, sanctions_data: Path, tmp_path: Path, services: Services
) -> None:
    text = (sanctions_data / EU_FILE).read_text(encoding="utf-8")
    older = tmp_path / "eu-older.xml"
    older.write_text(
        text.replace('generationDate="2026-08-05', 'generationDate="2026-01-05', 1), encoding="utf-8"
    )
    dialog = window.on_import_lists()
    with qtbot.waitSignal(dialog.import_finished, timeout=60000):
        dialog.choose(sanctions_data / EU_FILE)
    with qtbot.waitSignal(dialog.import_failed, timeout=60000) as failed:
        dialog.choose(older)
    assert "older than the loaded copy" in failed.args[0]
    assert dialog.force_button.isVisible() and "nothing was changed" in dialog.step.text()

    asked: list[str] = []
    answer_next_question(QMessageBox.StandardButton.No, asked)
    click(qtbot, dialog.force_button)
    assert "older than the loaded copy" in asked[0], "the confirmation repeats what was refused"
    assert next(i for i in services.lists() if i.id == "EU-FSF").as_of.isoformat() == "2026-08-05"

    answer_next_question(QMessageBox.StandardButton.Yes, asked)
    with qtbot.waitSignal(dialog.import_finished, timeout=60000):
        click(qtbot, dialog.force_button)
    info = next(i for i in services.lists() if i.id == "EU-FSF")
    assert info.as_of.isoformat() == "2026-01-05"
    assert info.forced and "older than the loaded copy" in info.forced, (
        "the override is recorded with the list"
    )
    dialog.close()


def test_a_data_pack_moves_the_lists_and_an_untrusted_signer_is_confirmed(
    qtbot: Any, window: Any, sanctions_data: Path, tmp_path: Path, services: Services
) -> None:
    services.create_identity(
        name="Ilse Peeters",
        title="Compliance",
        company="Meir & Co.",
        country="BE",
        email=None,
        passphrase=PASSPHRASE,
    )
    importer = window.on_import_lists()
    with qtbot.waitSignal(importer.import_finished, timeout=60000):
        importer.choose(sanctions_data / EU_FILE)
    importer.close()

    export = window.on_export_pack()
    pack = tmp_path / "lists-2026-12-01.cspack"
    type_into(qtbot, export.file, str(pack))
    type_into(qtbot, export.passphrase, PASSPHRASE)
    with qtbot.waitSignal(export.export_finished, timeout=60000):
        qtbot.keyClick(export.passphrase, Qt.Key.Key_Return)
    assert pack.is_file() and "SHA-256" in export.status.text()
    export.close()

    # the trade-show laptop: another data folder, which does not know the office's identity
    (tmp_path / "laptop").mkdir()
    laptop = Services(data_dir=tmp_path / "laptop", config_dir=tmp_path / "laptop-config", clock=lambda: NOW)
    try:
        from desktop.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(laptop, window.workers, "lists", window)
        dialog.show()
        asked: list[str] = []
        answer_next_question(QMessageBox.StandardButton.Yes, asked)
        with qtbot.waitSignal(dialog.import_finished, timeout=60000) as imported:
            dialog.choose(pack)
        assert "Ilse Peeters is not in your trust list" in asked[0]
        assert len(asked[0].split("\n\n")[1].replace(":", "")) == 64, "the fingerprint to compare by phone"
        assert imported.args[0].pack.trusted is None
        assert "signed by Ilse Peeters" in dialog.step.text() and "not trusted" in dialog.step.text()
        assert [i.id for i in laptop.lists() if not i.bundled] == ["EU-FSF"]
        dialog.close()
    finally:
        laptop.close()


def test_a_fresh_install_offers_update_import_or_later(qtbot: Any, window: Any) -> None:
    start = window.start
    assert start.data_frame.isVisible()
    assert [b.text() for b in (start.update_button, start.import_lists_button, start.later_button)] == [
        "&Update now (needs internet)",
        "&Import a data pack or folder…",
        "&Later",
    ]
    click(qtbot, start.import_lists_button)
    dialog = window.import_dialog
    assert dialog.isVisible() and dialog.folder_button.isVisible(), "a data pack, a file or a folder"
    dialog.close()
    click(qtbot, start.later_button)
    assert not start.data_frame.isVisible()
    with qtbot.waitSignal(window.data_status_loaded, timeout=30000):
        window.load_data_status()
    assert not start.data_frame.isVisible(), "later means later, for this session"


def test_banners_follow_the_lot_on_screen(qtbot: Any, window: Any, services: Services) -> None:
    window.new_check()
    checklist = window.wizard.checklist
    # a US dealer's check: the banner speaks of US coverage, not of the EU
    with qtbot.waitSignal(window.data_status_shown, timeout=30000):
        checklist.set_value(("transaction", "jurisdictions"), [])
        checklist.set_value(("transaction", "issuer_country"), "US")
    assert "for US" in window.banner.text.text() and "EU" not in window.banner.text.text()
    with qtbot.waitSignal(window.data_status_shown, timeout=30000):
        checklist.set_value(("counterparty", "role"), "buyer")
        checklist.set_value(("counterparty", "country"), "FR")
    assert "US, EU" in window.banner.text.text(), "a buyer in France brings the EU in"


def test_the_list_gap_is_accepted_with_the_keyboard_and_a_real_reason(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from desktop.wizard import Step
    from tests.ui.lots import BOTSWANA_POLISHED, write_lot

    assert window.open_lot(write_lot(tmp_path, BOTSWANA_POLISHED))
    wizard = window.wizard
    with qtbot.waitSignal(wizard.review.check_finished, timeout=60000) as checked:
        wizard.go_to(Step.REVIEW)
    assert checked.args == ["cleared"], wizard.checklist.attest_refusal()
    click(qtbot, wizard.next_button)
    attest = wizard.attest
    assert attest.gap_box.isVisible()
    assert (
        "EU · European Union: no official sanctions list of this regime is loaded" in attest.gap_text.text()
    )
    assert not attest.sign_button.isEnabled()
    assert "signing identity" in attest.sign_reason.text(), "Sign says why it is disabled, in plain words"
    assert attest.create_identity_button.isVisible()

    attest.accept_gap.setFocus()
    qtbot.keyClick(attest.accept_gap, Qt.Key.Key_Space)
    assert attest.accept_gap.isChecked() and QApplication.focusWidget() is attest.gap_reason
    qtbot.keyClicks(attest.gap_reason, "ok")
    assert "at least a short sentence" in attest.gap_problem.text()
    qtbot.keyClicks(attest.gap_reason, ": official lists checked on the publishers' websites today")
    assert attest.gap_problem.text() == ""
