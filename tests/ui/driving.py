"""Drive widgets like a user: type, tab, press keys, click, choose; no setters behind the UI's back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from desktop.ui.widgets import CountryListEditor, CountryPicker


def click(qtbot: Any, button: QAbstractButton) -> None:
    assert button.isEnabled(), f"{button.text()!r} is disabled"
    assert button.isVisible(), f"{button.text()!r} is hidden"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot: Any, edit: QLineEdit, text: str, *, replace: bool = True) -> None:
    edit.setFocus()
    if replace:
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def choose(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Pick an item by its visible text with the keyboard, as a user tabbing through a form would."""
    index = combo.findText(text)
    assert index >= 0, (
        f"{text!r} is not offered; choices: {[combo.itemText(i) for i in range(combo.count())]}"
    )
    combo.setFocus()
    steps = index - combo.currentIndex()
    key = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up
    for _ in range(abs(steps)):
        qtbot.keyClick(combo, key)
    assert combo.currentText() == text


def pick_country(qtbot: Any, picker: CountryPicker, typed: str) -> None:
    """Type part of a name or the code, then leave the field (Tab)."""
    line = picker.lineEdit()
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, typed)
    picker.completer().popup().hide()
    qtbot.keyClick(line, Qt.Key.Key_Tab)


def add_country(qtbot: Any, editor: CountryListEditor, typed: str) -> None:
    line = editor.picker.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, typed)
    editor.picker.completer().popup().hide()
    qtbot.keyClick(line, Qt.Key.Key_Return)


def named(parent: QWidget, kind: type, accessible_name: str) -> Any:
    """The child a screen reader would announce with this name."""
    found = [
        w
        for w in parent.findChildren(kind)
        if w.accessibleName() == accessible_name and w.isVisibleTo(parent)
    ]
    assert found, f"no visible {kind.__name__} named {accessible_name!r}"
    return found[0]


def accept_list_gaps(
    qtbot: Any, attest: Any, reason: str = "official lists checked on the publishers' sites"
) -> None:
    """A test data folder holds no official list: accept the coverage gap with a reason, as a user must."""
    assert attest.gap_box.isVisible(), "no sanctions-list gap is shown"
    attest.accept_gap.setFocus()
    qtbot.keyClick(attest.accept_gap, Qt.Key.Key_Space)  # as a keyboard user ticks it
    assert attest.accept_gap.isChecked()
    type_into(qtbot, attest.gap_reason, reason)
