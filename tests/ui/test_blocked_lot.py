"""A lot a rule prohibits: the review says which rule and why, and the attestation is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.wizard import Step
from tests.ui.driving import click
from tests.ui.lots import RUSSIAN_CUT_IN_INDIA, write_lot


def test_blocked_lot_shows_why_and_cannot_be_attested(qtbot: Any, window: Any, tmp_path: Path) -> None:
    assert window.open_lot(write_lot(tmp_path, RUSSIAN_CUT_IN_INDIA))
    wizard = window.wizard
    for _ in range(4):
        click(qtbot, wizard.next_button)
    assert wizard.checklist.step is Step.EVIDENCE
    with qtbot.waitSignal(wizard.review.check_finished, timeout=60000) as checked:
        click(qtbot, wizard.next_button)
    assert checked.args == ["blocked"]

    review = wizard.review
    texts = [label.text() for label in review.findChildren(QLabel) if label.isVisibleTo(review)]
    assert any("Russian-mined" in t and "1.00 ct" in t for t in texts), texts
    assert any(t.startswith("US-R2 · Source:") for t in texts), "the finding names its rule and legal source"
    assert review.gate.text().startswith("Cannot be attested") and "blocked" in review.gate.text()
    assert not wizard.next_button.isEnabled()
    assert "blocked" in wizard.missing.text()
    # the footer beside the disabled button points up at the rules, not "below" as the gate at the top does
    assert "above" in wizard.missing.text() and wizard.missing.text() != review.gate.text()

    # the step list refuses the attest step, by mouse and by keyboard
    attest_row = wizard.steps.item(Step.ATTEST.position)
    assert not attest_row.flags() & Qt.ItemFlag.ItemIsEnabled
    wizard.steps.setFocus()
    qtbot.keyClick(wizard.steps, Qt.Key.Key_End)
    assert wizard.checklist.step is Step.REVIEW
    assert not wizard.checklist.can_jump_to(Step.ATTEST)

    # and the attest page itself refuses to sign, whatever calls it
    with qtbot.waitSignal(wizard.attest.signing_failed) as refused:
        wizard.attest.sign_now()
    assert "blocked" in refused.args[0]
    assert wizard.attest.number is None
