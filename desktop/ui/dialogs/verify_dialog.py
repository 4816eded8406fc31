"""Verify an attestation: open its PDF or paste the QR text; see valid or invalid, the issuer, facts, reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import tr
from desktop.ui.services import Services
from desktop.ui.widgets import heading, hint
from desktop.ui.workers import Workers


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def describe_result(result: Any) -> tuple[bool, str]:
    """(valid, rich text) from a Verification: the status or the reasons, the issuer, the attested facts."""
    valid = bool(result.valid)
    lines = [f"<b>{tr('Status')}:</b> {_esc(result.status)}"]
    for problem in result.problems:
        lines.append(f"<b>{tr('Reason')}:</b> {_esc(problem)}")
    if result.signer:
        lines.append(f"<b>{tr('Issuer')}:</b> {_esc(result.signer)} ({_esc(result.company or '')})")
    if result.signed_at:
        lines.append(f"<b>{tr('Signed at')}:</b> {result.signed_at:%Y-%m-%d %H:%M} UTC")
    facts = result.to_json().get("attestation") or {}
    if facts and not valid:
        lines.append(f"<i>{tr('What the document claims (not verified):')}</i>")
    labels = {
        "number": "Attestation",
        "issued_on": "Issued on",
        "lot_id": "Lot",
        "verdict": "Verdict",
        "jurisdictions": "Jurisdictions",
        "mining_countries": "Mining countries",
        "stone_count": "Stones",
        "largest_stone_carats": "Largest stone (ct)",
        "total_carats": "Total weight (ct)",
        "buyer": "Buyer",
    }
    for key, label in labels.items():
        value = facts.get(key)
        if value not in (None, "", []):
            shown = ", ".join(value) if isinstance(value, list) else str(value)
            lines.append(f"<b>{tr(label)}:</b> {_esc(shown)}")
    return valid, "<br>".join(lines)


class VerifyDialog(QDialog):
    verification_finished = Signal(bool)

    def __init__(self, services: Services, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.workers = workers
        self.setWindowTitle(tr("Verify an attestation"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(tr("Verify an attestation")))
        layout.addWidget(
            hint(tr("Open the signed PDF, or paste the text read from its QR code (starts with CS1:)."))
        )
        row = QHBoxLayout()
        self.open_button = QPushButton(tr("&Open PDF…"))
        self.open_button.clicked.connect(self._on_open_clicked)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        caption = QLabel(tr("&QR text"))
        self.qr_text = QPlainTextEdit()
        self.qr_text.setAccessibleName(tr("QR text"))
        self.qr_text.setMaximumHeight(110)
        caption.setBuddy(self.qr_text)
        layout.addWidget(caption)
        layout.addWidget(self.qr_text)
        self.check_button = QPushButton(tr("&Check QR text"))
        self.check_button.clicked.connect(self._on_check_qr_clicked)
        check_row = QHBoxLayout()
        check_row.addStretch(1)
        check_row.addWidget(self.check_button)
        layout.addLayout(check_row)
        self.verdict = QLabel()
        self.verdict.setObjectName("pageTitle")
        self.verdict.setAccessibleName(tr("Verification result"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName(tr("Verification details"))
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_open_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Open attestation"), "", "PDF (*.pdf)")
        if name:
            self.verify_pdf(Path(name))

    def verify_pdf(self, path: Path) -> None:
        services = self.services
        self._busy()
        self.workers.start(lambda _t: services.verify_pdf(path.read_bytes()), self._show, self._failed)

    def _on_check_qr_clicked(self) -> None:
        text = self.qr_text.toPlainText().strip()
        if not text:
            return
        services = self.services
        self._busy()
        self.workers.start(lambda _t: services.verify_qr(text), self._show, self._failed)

    def _busy(self) -> None:
        self.verdict.setText(tr("Checking…"))
        self.details.clear()

    def _show(self, result: Any) -> None:
        valid, text = describe_result(result)
        self.verdict.setText(("\u2714 " + tr("Valid")) if valid else ("\u2716 " + tr("Not valid")))
        self.verdict.setStyleSheet("color: #1a7f37;" if valid else "color: #cf222e;")
        self.details.setText(text)
        self.verification_finished.emit(valid)

    def _failed(self, message: str) -> None:
        self.verdict.setText("\u2716 " + tr("Not valid"))
        self.verdict.setStyleSheet("color: #cf222e;")
        self.details.setText(_esc(message))
        self.verification_finished.emit(False)
