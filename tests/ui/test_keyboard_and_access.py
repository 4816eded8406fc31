"""Keyboard-only use and screen readers: names on every control, buddies, mnemonics, tab order."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
)

from desktop.ui.data_status import describe_status
from desktop.wizard import Step

INPUTS = (QLineEdit, QComboBox, QSpinBox, QAbstractButton, QListWidget)


def test_every_control_has_an_accessible_name(qtbot: Any, window: Any) -> None:
    window.new_check()
    wizard = window.wizard
    for step in Step:
        wizard.checklist._step = step  # visit every page, reachable or not
        wizard._sync()
        page = wizard.page(step)
        unnamed = [
            f"{type(w).__name__}:{getattr(w, 'text', lambda: '')()!r}"
            for kind in INPUTS
            for w in page.findChildren(kind)
            if w.isVisibleTo(page)
            and not w.accessibleName()
            and not (isinstance(w, QAbstractButton) and w.text())  # a button's text is its name
            and w.parent() is not None
            and not isinstance(w.parent(), QComboBox | QAbstractSpinBox)  # their line edit is theirs
        ]
        assert not unnamed, f"{step.value}: unnamed controls {unnamed}"


def mnemonic(text: str) -> str | None:
    plain = re.sub(r"&(amp|lt|gt|nbsp|quot);", "", text).replace("&&", "")  # entities of rich text aside
    at = plain.find("&")
    return plain[at + 1].lower() if at >= 0 else None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_labels_have_buddies_and_mnemonics_do_not_clash(qtbot: Any, make_window: Any, language: str) -> None:
    """In each language, on each page: every mnemonic label has a buddy, and no two controls share Alt+key —
    counting controls that are hidden now but can show together (a person's rows, the list-gap box)."""
    from desktop.ui import i18n

    i18n.set_language(language)
    window = make_window()
    window.new_check()
    wizard = window.wizard
    menus = {mnemonic(a.text()) for a in window.menuBar().actions()}
    assert len(menus) == 4 and None not in menus
    for step in Step:
        wizard.checklist._step = step
        wizard._sync()
        page = wizard.page(step)
        labels = [w for w in page.findChildren(QLabel) if mnemonic(w.text())]
        assert all(label.buddy() is not None for label in labels), [
            w.text() for w in labels if w.buddy() is None
        ]
        buttons = [w for w in page.findChildren(QAbstractButton) if mnemonic(w.text())]
        keys = [mnemonic(w.text()) for w in labels + buttons]
        keys += [mnemonic(b.text()) for b in (wizard.back_button, wizard.next_button) if b.isVisible()]
        keys += sorted(menus)
        clashes = sorted({k for k in keys if keys.count(k) > 1})
        assert not clashes, f"{language} {step.value}: Alt+{clashes} is ambiguous: " + str(
            [w.text() for w in labels + buttons if mnemonic(w.text()) in clashes]
        )


def test_keyboard_only_first_step(qtbot: Any, window: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # File > New check
    wizard = window.wizard
    assert wizard is not None
    page = wizard.page(Step.LOT_TRANSACTION)
    page.lot_id.setFocus()
    qtbot.keyClicks(page.lot_id, "L-KEYS-1")
    qtbot.keyClick(page.lot_id, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().accessibleName() == "Description"
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # the mnemonic of "Lar&gest stone"
    assert QApplication.focusWidget() is page.largest
    qtbot.keyClicks(page.largest, "0.40")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # &Next (an animated click)
    qtbot.waitUntil(lambda: wizard.checklist.step is Step.ORIGIN, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    assert wizard.checklist.step is Step.LOT_TRANSACTION
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.checklist.step is Step.ORIGIN, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # the &Back mnemonic
    qtbot.waitUntil(lambda: wizard.checklist.step is Step.LOT_TRANSACTION, timeout=3000)


def test_data_status_warns_about_stale_and_missing_lists() -> None:
    from desktop.coverage import regime_coverage
    from desktop.rules.model import Regime
    from desktop.screening.types import ListInfo
    from desktop.service.status import DataStatus, ListRow

    def info(list_id: str, as_of: date | None, bundled: bool) -> ListInfo:
        return ListInfo(id=list_id, name=list_id, source="", jurisdictions=[], as_of=as_of, entries=1, sha256="0",
                        bundled=bundled)  # fmt: skip

    pack = SimpleNamespace(pack=SimpleNamespace(id="p", version="1", as_of=date(2026, 11, 1)), notice=None)
    today = date(2026, 12, 1)
    lists = [info("CS-DIAMOND", date(2026, 11, 27), True), info("OFAC-SDN", date(2026, 10, 1), False)]
    us = Regime(code="US", names={"en": "United States"}, countries=["US"], official_lists=["OFAC-SDN"])
    eu = Regime(code="EU", names={"en": "European Union"}, countries=["BE"], official_lists=["EU-FSF"])
    rows = [ListRow(lists[0], 4, True), ListRow(lists[1], 61, False)]
    coverage = {r.code: regime_coverage(r, lists, today) for r in (us, eu)}
    status = describe_status(DataStatus(pack, "", rows, coverage, 30))  # type: ignore[arg-type]
    assert status.pack == "p 1 (as of 2026-11-01)"
    assert status.lists == [("CS-DIAMOND", 4, True), ("OFAC-SDN", 61, False)]
    assert any("OFAC-SDN is 61 days old" in w for w in status.warnings)
    assert any("No official sanctions list loaded for EU" in w for w in status.warnings)
    # a US-only check does not warn about the EU list
    fresh = describe_status(
        DataStatus(
            pack,
            "",
            [ListRow(lists[1], 19, True)],
            {"US": regime_coverage(us, lists, date(2026, 10, 20))},
            30,
        )  # type: ignore[arg-type]
    )
    assert fresh.warnings == []
    missing = describe_status(DataStatus(None, "pack damaged", [], {}, 30))
    assert missing.pack == "no rule pack: pack damaged"
    assert "No rule pack is loaded; checks cannot run." in missing.warnings


@pytest.mark.slow
def test_gui_command_exits_once_shown(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "gui", "--exit-after-shown", "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_gui_command_refuses_a_missing_file(tmp_path: Path) -> None:
    from desktop.cli import run

    assert run(["gui", str(tmp_path / "missing.lot.json"), "--data-dir", str(tmp_path / "d")]) == 2


def test_a_file_handed_over_by_the_desktop_is_opened(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from tests.ui.lots import BOTSWANA_POLISHED, write_lot

    window.open_path(write_lot(tmp_path, BOTSWANA_POLISHED))
    assert window.wizard.checklist.value(("lot_id",)) == BOTSWANA_POLISHED["lot_id"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_dialog_mnemonics_are_unique(qtbot: Any, window: Any, language: str) -> None:
    """The dialogs a dealer meets, in each language: no two controls share Alt+key (standard buttons aside)."""
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui import i18n
    from desktop.ui.dialogs.export_dialog import ExportDialog
    from desktop.ui.dialogs.import_dialog import ImportDialog
    from desktop.ui.dialogs.person_dialog import PersonDialog
    from desktop.ui.dialogs.register_dialog import RegisterDialog
    from desktop.ui.dialogs.settings_dialog import SettingsDialog
    from desktop.ui.dialogs.update_dialog import UpdateDialog

    i18n.set_language(language)
    services, workers = window.services, window.workers
    dialogs = [
        SettingsDialog(services, window),
        ImportDialog(services, workers, "lists", window),
        UpdateDialog(services, workers, window),
        ExportDialog(services, workers, window),
        RegisterDialog(services, workers, window),
        PersonDialog(["Ilse Peeters"], parent=window),
    ]
    for dialog in dialogs:
        standard = {b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}
        labels = [w for w in dialog.findChildren(QLabel) if mnemonic(w.text())]
        assert all(label.buddy() is not None for label in labels), [w.text() for w in labels if not w.buddy()]
        buttons = [
            w for w in dialog.findChildren(QAbstractButton) if mnemonic(w.text()) and w not in standard
        ]
        keys = [mnemonic(w.text()) for w in labels + buttons]
        clashes = sorted({k for k in keys if keys.count(k) > 1})
        assert not clashes, f"{language} {type(dialog).__name__}: Alt+{clashes}: " + str(
            [w.text() for w in labels + buttons if mnemonic(w.text()) in clashes]
        )
        dialog.close()
        dialog.deleteLater()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_start_page_mnemonics_are_unique(qtbot: Any, make_window: Any, language: str) -> None:
    from desktop.ui import i18n

    i18n.set_language(language)
    window = make_window()
    start = window.start
    menus = [mnemonic(a.text()) for a in window.menuBar().actions()]
    labels = [w for w in start.findChildren(QLabel) if mnemonic(w.text())]
    buttons = [w for w in start.findChildren(QAbstractButton) if mnemonic(w.text())]
    keys = [mnemonic(w.text()) for w in labels + buttons] + menus
    clashes = sorted({k for k in keys if keys.count(k) > 1})
    assert not clashes, f"{language} start page: Alt+{clashes}: " + str(
        [w.text() for w in labels + buttons if mnemonic(w.text()) in clashes]
    )
