"""A finding in review is settled by a person with a reason; the check then follows that decision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.ui.dialogs.review_dialog import ReviewDialog
from desktop.wizard import Step
from tests.ui.driving import click
from tests.ui.lots import lot, write_lot

THIRD_COUNTRY_RING = lot(
    lot_id="RING-7",
    goods={
        "category": "jewellery",
        "hs_code": "7113.19",
        "stone_count": 1,
        "total_carats": "0.90",
        "largest_stone_carats": "0.90",
    },
    transaction={"date": "2026-12-01", "kind": "import", "jurisdictions": ["EU"]},
    origin={"mining_countries": ["RU"], "exported_from_russia_on": "2025-03-01"},
    processing=[
        {"country": "IN", "activity": "cutting_polishing", "completed_on": "2025-06-01"},
        {"country": "TH", "activity": "setting", "completed_on": "2026-09-01"},
    ],
)


def test_review_item_decided_with_a_reason(qtbot: Any, window: Any, tmp_path: Path) -> None:
    assert window.open_lot(write_lot(tmp_path, THIRD_COUNTRY_RING))
    wizard = window.wizard
    for _ in range(4):
        click(qtbot, wizard.next_button)
    assert wizard.checklist.step is Step.EVIDENCE
    with qtbot.waitSignal(wizard.review.check_finished, timeout=60000) as checked:
        click(qtbot, wizard.next_button)
    assert checked.args == ["review"]
    review = wizard.review
    assert review.decide_buttons, "a rule finding in review offers a decision"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReviewDialog)
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled(), "no decision without a reason"
        dialog.resolution.setCurrentIndex(dialog.resolution.findData("cleared"))
        qtbot.keyClicks(dialog.reason, "Part C not activated by the Council (checked 2026-11-30)")
        assert ok.isEnabled()
        click(qtbot, ok)

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(review.check_finished, timeout=60000) as rechecked:
        click(qtbot, review.decide_buttons[0])
    assert rechecked.args == ["cleared"]
    assessment = wizard.checklist.assessment
    assert assessment.reviews and assessment.reviews[0].reason.startswith("Part C not activated")
