"""Settle a rule finding in `review`: the person's resolution, with a mandatory reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.result import Finding
from desktop.ui.i18n import tr

RESOLUTIONS = ("cleared", "needs_evidence", "blocked")


class ReviewDialog(QDialog):
    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Decide on a finding in review"))
        layout = QVBoxLayout(self)
        intro = QLabel(f"<b>{finding.rule}</b> — {finding.summary}")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.resolution = QComboBox()
        self.resolution.addItem(tr("Cleared"), "cleared")
        self.resolution.addItem(tr("Needs evidence"), "needs_evidence")
        self.resolution.addItem(tr("Blocked"), "blocked")
        self.resolution.setAccessibleName(tr("&Resolution"))
        if finding.suggested is not None:
            index = self.resolution.findData(finding.suggested.value)
            self.resolution.setCurrentIndex(max(index, 0))
        label = QLabel(tr("&Resolution"))
        label.setBuddy(self.resolution)
        form.addRow(label, self.resolution)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(tr("Reaso&n"))
        self.reason.setPlaceholderText(tr("Why — the source you checked, the document you hold"))
        self.reason.setTabChangesFocus(True)
        reason_label = QLabel(tr("Reaso&n"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.reason.toPlainText().strip()))

    def chosen(self) -> tuple[str, str]:
        return str(self.resolution.currentData()), self.reason.toPlainText().strip()
