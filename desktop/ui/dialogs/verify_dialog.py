"""Verify an attestation: open its PDF or paste the QR text; see valid or invalid, the issuer, facts, reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.ui.i18n import tr
from desktop.ui.services import Services
from desktop.ui.widgets import dialog_body
from desktop.ui.workers import Workers


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Green only for a trusted issuer; amber for an intact signature by someone the user has not trusted (the
# same-name impostor looks exactly like this), red for anything broken.
STATUS_COLOURS = {"valid": "#1a7f37", "untrusted": "#9a6700", "invalid": "#cf222e"}


def status_headline(status: str) -> str:
    if status == "valid":
        return "\u2714 " + tr("Valid — issuer trusted")
    if status == "untrusted":
        return "\u26a0 " + tr("Untrusted issuer — not verified")
    return "\u2716 " + tr("Not valid")


def describe_result(result: Any, source: str = "CERT.pem") -> tuple[str, str]:
    """(status, rich text) from a Verification: "valid", "untrusted" or "invalid"; the reasons, the issuer and
    its certificate fingerprint, what to do for an untrusted issuer, and the attested facts."""
    status = str(result.status)
    lines = [f"<b>{tr('Status')}:</b> {_esc(result.status_text())}"]
    for problem in result.problems:
        lines.append(f"<b>{tr('Reason')}:</b> {_esc(problem)}")
    if result.signer:
        lines.append(f"<b>{tr('Issuer')}:</b> {_esc(result.signer)} ({_esc(result.company or '')})")
    if result.fingerprint:
        lines.append(f"<b>{tr('Certificate SHA-256')}:</b> <tt>{_esc(result.fingerprint)}</tt>")
    if status == "untrusted":
        if result.trust_note:
            lines.append(f"<b>{tr('Why not trusted')}:</b> {_esc(result.trust_note)}")
        who = result.company or result.signer or tr("the issuer")
        advice = tr(
            "call {who} on a number you already know (not one from the same e-mail) and compare the "
            "certificate's SHA-256 fingerprint above; if it matches, choose Trust this issuer."
        ).format(who=who)
        if (
            source == "CERT.pem"
        ):  # a scanned code carries no certificate: the issuer's PDF or certificate does
            advice = tr(
                "a scanned code does not carry the issuer's certificate: open the signed PDF, or ask {who} for "
                "it, and compare its fingerprint by phone before trusting it."
            ).format(who=who)
        lines.append(f"<b>{tr('What to do')}:</b> {_esc(advice)}")
    elif status == "invalid":
        lines.append(
            f"<b>{tr('What to do')}:</b> "
            + _esc(
                tr(
                    "do not rely on this document. Ask the issuer for the signed PDF as they sent it, or for a "
                    "new attestation; for a printed copy, scan its QR code and check the text here."
                )
            )
        )
    if result.signed_at:
        lines.append(f"<b>{tr('Signed at')}:</b> {result.signed_at:%Y-%m-%d %H:%M} UTC")
    facts = result.to_json().get("attestation") or {}
    if facts and status != "valid":
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
    return status, "<br>".join(lines)


class VerifyDialog(QDialog):
    verification_finished = Signal(bool)  # True only for "valid": intact and by an issuer the user trusts
    status_shown = Signal(str)  # "valid", "untrusted" or "invalid"

    def __init__(self, services: Services, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.workers = workers
        self.status = ""  # the last status shown: "valid", "untrusted" or "invalid"
        self._source = "CERT.pem"  # what `identity trust` is told to read for an untrusted issuer
        layout = dialog_body(
            self,
            tr("Verify an attestation"),
            640,
            520,
            tr(
                "Open the signed PDF. For a printed copy, scan its QR code with any QR scanner (a phone "
                "camera app does) and paste the text here: it starts with CS1: and is checked offline."
            ),
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
        # The fingerprint is read out on the phone or pasted into a message: it must be selectable.
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(tr("Verification details"))
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        trust_row = QHBoxLayout()
        self.trust_button = QPushButton(tr("&Trust this issuer…"))
        self.trust_button.setToolTip(tr("Only after comparing the fingerprint with the issuer by phone"))
        self.trust_button.clicked.connect(self._on_trust_clicked)
        self.trust_button.hide()
        trust_row.addWidget(self.trust_button)
        trust_row.addStretch(1)
        layout.addLayout(trust_row)
        layout.addStretch(1)  # free space below the result, never between the result and its details
        self._pdf: bytes | None = None
        self._fingerprint = ""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_open_clicked(self) -> None:
        from desktop.ui.files import open_file

        path = open_file(self, self.services, tr("Open attestation"), "PDF (*.pdf)")
        if path is not None:
            self.verify_pdf(path)

    def verify_pdf(self, path: Path) -> None:
        services = self.services
        self._busy()
        self._source = str(path)
        try:
            self._pdf = path.read_bytes()
        except OSError as exc:
            self._failed(f"{path}: {exc.strerror or exc}")
            return
        data = self._pdf
        self.workers.start(lambda _t: services.verify_pdf(data), self._show, self._failed)

    def _on_check_qr_clicked(self) -> None:
        text = self.qr_text.toPlainText().strip()
        if not text:
            return
        services = self.services
        self._busy()
        self._source = "CERT.pem"
        self._pdf = None
        self.workers.start(lambda _t: services.verify_qr(text), self._show, self._failed)

    def _busy(self) -> None:
        self.verdict.setText(tr("Checking…"))
        self.details.clear()
        self.trust_button.hide()

    def _show(self, result: Any) -> None:
        status, text = describe_result(result, self._source)
        self._set_status(status)
        self.details.setText(text)
        self._fingerprint = str(result.fingerprint or "")
        self.trust_button.setVisible(status == "untrusted" and self._pdf is not None)
        self.verification_finished.emit(status == "valid")
        self.status_shown.emit(status)

    def _failed(self, message: str) -> None:
        self._set_status("invalid")
        self.details.setText(_esc(message))
        self.verification_finished.emit(False)
        self.status_shown.emit("invalid")

    def _on_trust_clicked(self) -> None:
        """Trust the issuer of the open PDF, once the user confirms the fingerprint was compared by phone."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.identity.errors import TrustConflictError
        from desktop.ui.services import user_errors

        if self._pdf is None:
            return
        asked = QMessageBox.question(
            self,
            tr("Trust this issuer?"),
            tr(
                "Trust only a certificate whose fingerprint the issuer read out to you on a number you already "
                "know:\n\n{fingerprint}\n\nDid you compare it?"
            ).format(fingerprint=self._fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if asked != QMessageBox.StandardButton.Yes:
            return
        try:
            self.services.trust_issuer_of(self._pdf)
        except TrustConflictError as exc:
            self.details.setText(
                self.details.text() + "<br><b>" + tr("Not trusted") + ":</b> " + _esc(str(exc))
            )
            return
        except user_errors() as exc:
            self.details.setText(
                self.details.text() + "<br><b>" + tr("Not trusted") + ":</b> " + _esc(str(exc))
            )
            return
        data = self._pdf
        self._busy()
        self.workers.start(lambda _t: self.services.verify_pdf(data), self._show, self._failed)

    def _set_status(self, status: str) -> None:
        self.status = status
        self.verdict.setText(status_headline(status))
        self.verdict.setStyleSheet(f"color: {STATUS_COLOURS.get(status, STATUS_COLOURS['invalid'])};")
