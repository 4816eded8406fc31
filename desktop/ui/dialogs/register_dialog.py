"""The register browser: past checks and attestations, search and filter, open, re-check, export, alerts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.files import save_file
from desktop.ui.i18n import tr
from desktop.ui.services import Services, user_errors
from desktop.ui.widgets import heading
from desktop.ui.workers import Workers

KIND_FILTERS = [
    ("All records", None),
    ("Checks", "assessment"),
    ("Attestations", "attestation"),
    ("Decisions", "decision"),
    ("Lots", "lot"),
    ("Re-screening alerts", "rescreen"),
]


class RegisterDialog(QDialog):
    recheck_requested = Signal(object)  # the Lot to check again on today's rules
    open_requested = Signal(object)  # the Lot to open as it was recorded
    records_loaded = Signal(int)

    def __init__(self, services: Services, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.workers = workers
        self.setWindowTitle(tr("Register"))
        self.resize(980, 620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(tr("Register of checks and attestations")))
        row = QHBoxLayout()
        caption = QLabel(tr("&Search"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("lot ID, counterparty, attestation number…"))
        self.search.setAccessibleName(tr("Search the register"))
        caption.setBuddy(self.search)
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Record kind"))
        for text, value in KIND_FILTERS:
            self.kind.addItem(tr(text), value)
        row.addWidget(caption)
        row.addWidget(self.search, 1)
        row.addWidget(self.kind)
        layout.addLayout(row)
        splitter = QSplitter()
        self.records = QTreeWidget()
        self.records.setAccessibleName(tr("Records"))
        self.records.setRootIsDecorated(False)
        self.records.setHeaderLabels([tr("When (UTC)"), tr("Kind"), tr("Lot"), tr("Summary")])
        self.records.setSortingEnabled(True)
        self.records.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.records.setAlternatingRowColors(True)
        self.records.setUniformRowHeights(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("Record details"))
        splitter.addWidget(self.records)
        splitter.addWidget(self.details)
        splitter.setSizes([600, 360])
        layout.addWidget(splitter, 1)
        self.alerts = QLabel()
        self.alerts.setWordWrap(True)
        self.alerts.setObjectName("problem")
        layout.addWidget(self.alerts)
        actions = QHBoxLayout()
        self.open_button = QPushButton(tr("&Open lot"))
        self.recheck_button = QPushButton(tr("Re-&check on today's rules"))
        self.save_pdf_button = QPushButton(tr("Save &PDF…"))
        self.export_button = QPushButton(tr("&Export CSV…"))
        self.verify_button = QPushButton(tr("&Verify register"))
        for button in (
            self.open_button,
            self.recheck_button,
            self.save_pdf_button,
            self.export_button,
            self.verify_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.search.textChanged.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.records.currentItemChanged.connect(self._on_record_selected)
        self.recheck_button.clicked.connect(self._on_recheck_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.save_pdf_button.clicked.connect(self._on_save_pdf_clicked)
        self.records.itemActivated.connect(lambda _item, _column: self._on_open_clicked())
        self.export_button.clicked.connect(self._on_export_clicked)
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.recheck_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.save_pdf_button.setEnabled(False)
        self.refresh()

    def refresh(self) -> None:
        self.records.clear()
        text = self.search.text().strip()
        kind = self.kind.currentData()
        try:
            found = self.services.records(text)
            alerts = self.services.rescreen_alerts(limit=5)
        except user_errors() as exc:
            self.details.setPlainText(str(exc))
            self.records_loaded.emit(0)
            return
        shown = [r for r in found if kind is None or r.kind.value == kind]
        for record in shown:
            item = QTreeWidgetItem(
                [record.at[:19].replace("T", " "), record.kind.value, record.lot_id or "", record.summary]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, record.ref)
            self.records.addTopLevelItem(item)
        for column in range(3):
            self.records.resizeColumnToContents(column)
        first = self.records.topLevelItem(0)
        if first is not None:
            self.records.setCurrentItem(first)
        self.alerts.setText("\u26a0 " + "<br>\u26a0 ".join(r.summary for r in alerts) if alerts else "")
        self.records_loaded.emit(len(shown))

    def _on_record_selected(self, item: QTreeWidgetItem | None) -> None:
        self._selected: dict[str, Any] | None = None
        self.recheck_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.save_pdf_button.setEnabled(False)
        if item is None:
            return
        ref = item.data(0, Qt.ItemDataRole.UserRole)
        try:
            shown = self.services.show_record(ref)
        except user_errors() as exc:
            self.details.setPlainText(str(exc))
            return
        import json

        self._selected = shown
        self.details.setPlainText(json.dumps(shown, indent=2, ensure_ascii=False, default=str))
        if self._lot_of(shown) is None and isinstance(shown.get("assessment_id"), int):
            try:  # an attestation: its lot is in the assessment it was issued from
                shown["assessment"] = self.services.show_record(f"assessment:{shown['assessment_id']}").get(
                    "assessment"
                )
            except user_errors():
                pass
        has_lot = self._lot_of(shown) is not None
        self.recheck_button.setEnabled(has_lot)
        self.open_button.setEnabled(has_lot)
        self.save_pdf_button.setEnabled(self._attestation_number(shown) is not None)

    @staticmethod
    def _lot_of(shown: dict[str, Any]) -> Any:
        from desktop.lot import Lot

        candidate = shown.get("lot") or (shown.get("assessment") or {}).get("lot")
        if isinstance(candidate, dict):
            try:
                return Lot.model_validate(candidate)
            except ValueError:
                return None
        return None

    @staticmethod
    def _attestation_number(shown: dict[str, Any]) -> str | None:
        numbers = shown.get("attestations") or [None]
        number = shown.get("number") or numbers[-1]
        return number if isinstance(number, str) and number.startswith("CS-") else None

    def _on_open_clicked(self) -> None:
        lot = self._lot_of(self._selected or {})
        if lot is not None:
            self.open_requested.emit(lot)
            self.accept()

    def _on_save_pdf_clicked(self) -> None:
        number = self._attestation_number(self._selected or {})
        if number is None:
            return
        path = save_file(self, self.services, tr("Save attestation"), f"{number}.pdf", "PDF (*.pdf)")
        if path is not None:
            self.save_pdf(number, path)

    def save_pdf(self, number: str, path: Path) -> None:
        """The signed PDF exactly as it was issued and stored."""
        try:
            record = self.services.attestation_record(number)
            if record is None:
                raise KeyError(number)
            self.services.write_file(path, record.pdf)
        except user_errors() as exc:
            QMessageBox.warning(self, tr("Not saved"), str(exc))

    def _on_recheck_clicked(self) -> None:
        lot = self._lot_of(self._selected or {})
        if lot is not None:
            self.recheck_requested.emit(lot)
            self.accept()

    def _on_export_clicked(self) -> None:
        path = save_file(self, self.services, tr("Export register"), "register.csv", "CSV (*.csv)")
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        try:
            self.services.export_register_csv(path)
        except user_errors() as exc:
            QMessageBox.warning(self, tr("Not exported"), str(exc))

    def _on_verify_clicked(self) -> None:
        try:
            report = self.services.verify_register()
        except user_errors() as exc:
            self.details.setPlainText(str(exc))
            return
        self.details.setPlainText(report.describe())
