"""A check in progress survives a crash: the next start offers the autosaved draft and restores it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from desktop.wizard import Step
from tests.ui.driving import click

# The first run types into a real window, waits for the autosave, then dies without any clean-up.
CRASHING_RUN = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from PySide6.QtCore import QEventLoop, QTimer, Qt
    from PySide6.QtTest import QTest
    from desktop.ui.app import create_application, prepare
    from desktop.ui.main_window import MainWindow
    from desktop.ui.services import Services
    from desktop.wizard import Step

    data = Path(sys.argv[1])
    app = create_application(["crash"])
    services = Services(data_dir=data, config_dir=data / "config")
    prepare(app, services)
    window = MainWindow(services)
    window.show()
    QTest.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    page = window.wizard.page(Step.LOT_TRANSACTION)
    QTest.keyClicks(page.lot_id, "L-CRASH-7")
    QTest.keyClicks(page.largest, "0.75")
    window.wizard.next_button.click()
    saved = []
    window.draft_saved.connect(saved.append)
    loop = QEventLoop()
    window.draft_saved.connect(loop.quit)
    QTimer.singleShot(20000, loop.quit)
    loop.exec()
    print("saved" if saved else "not saved", flush=True)
    os._exit(9)  # no closeEvent, no database close: as if the laptop's battery died
    """
)


@pytest.mark.slow
def test_draft_is_restored_after_a_crash(
    qtbot: Any, make_window: Any, data_dir: Path, firm_settings: Any
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    crashed = subprocess.run(
        [sys.executable, "-c", CRASHING_RUN, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert crashed.returncode == 9, crashed.stderr
    assert crashed.stdout.strip() == "saved"

    window = make_window()
    assert window.start.restore_frame.isVisible()
    assert "saved automatically" in window.start.restore_label.text()
    click(qtbot, window.start.restore_button)
    checklist = window.wizard.checklist
    assert checklist.value(("lot_id",)) == "L-CRASH-7"
    assert checklist.value(("goods", "largest_stone_carats")) == "0.75"
    assert checklist.step is Step.ORIGIN  # where the dealer was
    assert window.wizard.page(Step.LOT_TRANSACTION).lot_id.text() == "L-CRASH-7"


def test_discarded_draft_is_not_offered_again(qtbot: Any, make_window: Any, services: Any) -> None:
    services.save_draft("check-old", '{"format": "clearstone.draft/1", "draft": {}, "step": "origin"}')
    window = make_window()
    assert window.start.restore_frame.isVisible()
    click(qtbot, window.start.discard_button)
    assert not window.start.restore_frame.isVisible()
    assert services.pending_drafts() == []


def test_damaged_draft_is_refused_with_a_message(
    qtbot: Any, make_window: Any, services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    services.save_draft("check-bad", '{"format": "something else"}')
    window = make_window()
    shown: list[str] = []
    # a modal box would block the test; record what the user would read instead
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text: shown.append(text))
    )
    click(qtbot, window.start.restore_button)
    assert shown == ["not an autosaved Clearstone draft"]
    assert window.wizard is None


def test_closing_an_unfinished_check_keeps_it_for_later(qtbot: Any, window: Any) -> None:
    click(qtbot, window.start.new_button)
    page = window.wizard.page(Step.LOT_TRANSACTION)
    page.lot_id.setFocus()
    qtbot.keyClicks(page.lot_id, "L-LATER-1")
    with qtbot.waitSignal(window.data_status_loaded, timeout=30000):
        window.close_action.trigger()
    assert window.wizard is None
    assert window.start.restore_frame.isVisible()
    click(qtbot, window.start.restore_button)
    assert window.wizard.checklist.value(("lot_id",)) == "L-LATER-1"
