"""The register browser: past checks and attestations by lot, sides, verdict, date and number (the record's
JSON one click away), search and filter, open, re-check, export, alerts, the audit chain, and attestations
held against the register (a rewrite or a rollback named)."""

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
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.ui.files import save_file
from desktop.ui.i18n import colon, tr
from desktop.ui.pages.match_card import esc
from desktop.ui.services import Services, user_errors
from desktop.ui.widgets import dialog_body, verdict_text
from desktop.ui.workers import Workers

KIND_NAMES = {
    "assessment": "Check",
    "attestation": "Attestation",
    "decision": "Decision",
    "lot": "Lot",
    "rescreen": "Re-screening",
    "evidence": "Scan",
    "restore": "Restore",
}

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
    anchors_checked = Signal(object)  # list of AnchorCheck

    def __init__(self, services: Services, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.workers = workers
        layout = dialog_body(
            self, tr("Register"), 980, 620, caption=tr("Register of checks and attestations")
        )
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
        self.records.setHeaderLabels(
            [tr("Date (UTC)"), tr("Kind"), tr("Lot"), tr("Seller → buyer"), tr("Verdict"), tr("Attestation")]
        )
        self.records.setSortingEnabled(True)
        self.records.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.records.setAlternatingRowColors(True)
        self.records.setUniformRowHeights(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(tr("Record summary"))
        self.summary.setContentsMargins(8, 8, 8, 8)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("Record details"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.summary, tr("Summary"))
        self.tabs.addTab(self.details, tr("Record (JSON)"))
        splitter.addWidget(self.records)
        splitter.addWidget(self.tabs)
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
        self.against_button = QPushButton(tr("Check &attestations against the register…"))
        for button in (
            self.open_button,
            self.recheck_button,
            self.save_pdf_button,
            self.export_button,
            self.verify_button,
            self.against_button,
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
        self.against_button.clicked.connect(self._on_against_clicked)
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
            shown = self.services.work_rows([r for r in found if kind is None or r.kind.value == kind])
        except user_errors() as exc:
            self.details.setPlainText(str(exc))
            self.records_loaded.emit(0)
            return
        self.records.setSortingEnabled(False)
        for row in shown:
            item = QTreeWidgetItem(
                [
                    row.at[:16].replace("T", " "),
                    tr(KIND_NAMES.get(row.kind, row.kind)),
                    row.lot_id,
                    row.counterparty
                    or (row.summary if row.kind not in ("assessment", "attestation") else ""),
                    verdict_text(row.verdict) if row.verdict else "",
                    row.number or "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.ref)
            item.setData(1, Qt.ItemDataRole.UserRole, row.kind)
            item.setToolTip(3, row.summary)
            self.records.addTopLevelItem(item)
        self.records.setSortingEnabled(True)
        self.records.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        for column in (0, 1, 2, 4, 5):
            self.records.resizeColumnToContents(column)
        first = self.records.topLevelItem(0)
        if first is not None:
            self.records.setCurrentItem(first)
        self.alerts.setText("\u26a0 " + "<br>\u26a0 ".join(r.summary for r in alerts) if alerts else "")
        self.records_loaded.emit(len(shown))

    def select(self, ref: str) -> bool:
        """Show one record (from Recent work): the whole register listed, that row chosen."""
        if self.search.text():
            self.search.clear()  # refreshes
        for index in range(self.records.topLevelItemCount()):
            item = self.records.topLevelItem(index)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == ref:
                self.records.setCurrentItem(item)
                self.records.scrollToItem(item)
                return True
        return False

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
        self.summary.setText(self._summary_of(item, shown))
        has_lot = self._lot_of(shown) is not None
        self.recheck_button.setEnabled(has_lot)
        self.open_button.setEnabled(has_lot)
        self.save_pdf_button.setEnabled(self._attestation_number(shown) is not None)

    def _summary_of(self, item: QTreeWidgetItem, shown: dict[str, Any]) -> str:
        """The record in people's words; the JSON tab has all of it."""
        lines = [
            f"<b>{esc(item.text(1))}</b> — {esc(item.text(0))} UTC",
        ]
        work = item.data(1, Qt.ItemDataRole.UserRole) in ("assessment", "attestation")
        for label, column in (("Lot", 2), ("Seller → buyer", 3), ("Verdict", 4), ("Attestation", 5)):
            if item.text(column):
                caption = label if work or column != 3 else "Record"
                lines.append(tr(caption) + colon() + esc(item.text(column)))
        assessment = shown.get("assessment")
        if isinstance(assessment, dict):
            for code, result in (assessment.get("jurisdictions") or {}).items():
                verdict = result.get("verdict") if isinstance(result, dict) else None
                if isinstance(verdict, str):
                    lines.append(f"{esc(code)}{colon()}{verdict_text(verdict)}")
        decision = shown.get("decision")
        if isinstance(decision, dict):
            lines.append(tr("Decided by") + colon() + esc(str(decision.get("decided_by", ""))))
            lines.append(tr("Reason") + colon() + esc(str(decision.get("reason", ""))))
        return "<br>".join(lines)

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

    # ----- attestations held against the register (issue 13): copies kept elsewhere anchor its history
    def _on_against_clicked(self) -> None:
        from desktop.ui.files import open_files

        paths = open_files(self, self.services, tr("Choose signed attestations"), "PDF (*.pdf)")
        if paths:
            self.check_against(paths)

    def check_against(self, paths: list[Path]) -> None:
        services = self.services
        self.summary.setText(tr("Checking {n} attestation(s) against the register…").format(n=len(paths)))
        self.tabs.setCurrentWidget(self.summary)
        self.against_button.setEnabled(False)
        self.workers.start(
            lambda _task: services.check_against(paths), self._on_checked, self._on_check_failed
        )

    def _on_checked(self, checks: list[Any]) -> None:
        self.against_button.setEnabled(True)
        lines = []
        for check in checks:
            label = f"{esc(check.number)} ({esc(check.source)})" if check.number else esc(check.source)
            if check.ok:
                lines.append("\u2714 " + label + colon() + tr("agrees with the register"))
            else:
                lines.append("\u2716 " + label + colon() + f"<b>{esc(check.problem or '')}</b>")
        bad = [c for c in checks if not c.ok]
        head = (
            tr("The register agrees with every attestation checked.")
            if not bad
            else tr(
                "The register does not agree with {n} attestation(s): it was changed after they were signed."
            ).format(n=len(bad))
        )
        self.summary.setText(f"<b>{head}</b><br>" + "<br>".join(lines))
        self.anchors_checked.emit(checks)

    def _on_check_failed(self, message: str) -> None:
        self.against_button.setEnabled(True)
        self.summary.setText(tr("Not checked") + colon() + esc(message))
        self.anchors_checked.emit([])

    def _on_verify_clicked(self) -> None:
        try:
            report = self.services.verify_register()
        except user_errors() as exc:
            self.details.setPlainText(str(exc))
            return
        self.details.setPlainText(report.describe())
        self.summary.setText(esc(report.describe()))
        self.tabs.setCurrentWidget(self.summary)
