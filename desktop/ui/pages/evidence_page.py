"""Step 5: the documents held for this lot (declarations, verifications, reports, licences), with scans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.lot import EVIDENCE_LABELS, EVIDENCE_TYPES
from desktop.ui.i18n import tr
from desktop.ui.pages.base import StepPage
from desktop.ui.services import user_errors
from desktop.wizard import Step

ATTACHMENTS_KEY = "clearstone.attachments"  # under the lot's "extensions": scan name and hash per document

EVIDENCE_NAMES = EVIDENCE_LABELS  # the lot format names its document types; the window translates them

# The fields each document type has besides its reference (lot-format.md, table of evidence types).
EXTRA_FIELDS: dict[str, list[tuple[str, str, str]]] = {
    "g7_verification": [("issued_on", "Issued on", "date")],
    "supplier_declaration": [("issued_on", "Issued on", "date")],
    "due_diligence_statement": [
        ("jurisdiction", "Jurisdiction", "jurisdiction"),
        ("issued_on", "Issued on", "date"),
    ],
    "grading_report": [("lab", "Laboratory", "text"), ("carats", "Weight (ct)", "text")],
    "origin_report": [("lab", "Laboratory", "text"), ("country", "Country of origin", "country")],
    "general_licence": [("jurisdiction", "Jurisdiction", "jurisdiction")],
    "prior_confirmation": [("jurisdiction", "Jurisdiction", "jurisdiction")],
    "pre_ban_proof": [("located_outside_russia_since", "Outside Russia since", "date")],
}


class EvidencePage(StepPage):
    step = Step.EVIDENCE
    title = "Evidence"
    description = (
        "Documents you hold for this lot. The review tells you which ones a rule asks for; "
        "attach a scan of each so its hash is kept in the register."
    )

    def build(self) -> None:
        adder = QHBoxLayout()
        self.new_type = QComboBox()
        self.new_type.setAccessibleName(tr("Type of document to add"))
        for kind in EVIDENCE_TYPES:
            if kind != "kp_certificate":
                self.new_type.addItem(tr(EVIDENCE_NAMES[kind]), kind)
        self.add_button = QPushButton(tr("&Add document"))
        self.add_button.clicked.connect(self._on_add_clicked)
        caption = QLabel(tr("Document &type"))
        caption.setBuddy(self.new_type)
        adder.addWidget(caption)
        adder.addWidget(self.new_type, 1)
        adder.addWidget(self.add_button)
        self.layout_.addLayout(adder)
        self.items = QVBoxLayout()
        self.items.setSpacing(10)
        self.layout_.addLayout(self.items)
        self.empty = QLabel(tr("No documents yet."))
        self.empty.setObjectName("pageHint")
        self.layout_.addWidget(self.empty)
        self._cards: list[QWidget] = []

    def add_document(self, kind: str) -> int:
        index = self.checklist.append_item(("evidence",), {"type": kind, "reference": ""})
        self.reload()
        return index

    def _on_add_clicked(self) -> None:
        self.add_document(self.new_type.currentData())
        first_field = self._cards[-1].findChild(QLineEdit) if self._cards else None
        if first_field is not None:
            first_field.setFocus()

    def reload_extra(self) -> None:
        self.clear_bindings(("evidence",))
        for old in self._cards:
            old.setParent(None)
            old.deleteLater()
        self._cards = []
        for index, item in enumerate(self.checklist.value(("evidence",)) or []):
            if isinstance(item, dict) and item.get("type") != "kp_certificate":
                self._cards.append(self._card(index, item))
        self.empty.setVisible(not self._cards)

    def _card(self, index: int, item: dict[str, Any]) -> QWidget:
        kind = str(item.get("type"))
        box = QGroupBox(tr(EVIDENCE_NAMES.get(kind, kind)), self.body)
        form = self.form()
        box.setLayout(form)
        base = ("evidence", index)
        self.bind_line(
            form, "Reference", (*base, "reference"), required=True, placeholder=tr("number on the document")
        )
        for key, label, widget_kind in EXTRA_FIELDS.get(kind, []):
            if widget_kind == "date":
                self.bind_line(form, label, (*base, key), placeholder="YYYY-MM-DD")
            elif widget_kind == "country":
                self.bind_country(form, label, (*base, key))
            elif widget_kind == "jurisdiction":
                choices = [("—", None)] + [(code, code) for code in self.services.jurisdiction_names()]
                self.bind_combo(form, label, (*base, key), choices)
            else:
                self.bind_line(form, label, (*base, key))
        scan = QHBoxLayout()
        scan.setSpacing(8)
        attached = self.attachment(index)
        status = QLabel(
            f"{attached['file']} · SHA-256 {attached['sha256'][:16]}…" if attached else tr("No scan attached")
        )
        status.setObjectName("pageHint")
        attach = QPushButton(tr("Attach scan…"))
        attach.setAccessibleName(tr("Attach scan for document") + f" {index + 1}")
        attach.clicked.connect(lambda: self._on_attach_clicked(index))
        remove = QPushButton(tr("Remove"))
        remove.setAccessibleName(tr("Remove document") + f" {index + 1}")
        remove.clicked.connect(lambda: self._remove(index))
        scan.addWidget(status, 1)
        scan.addWidget(attach)
        scan.addWidget(remove)
        form.addRow(scan)
        self.items.addWidget(box)
        box.show()  # a child made after its parent was shown stays hidden until shown
        return box

    def field_for(self, finding: Any) -> QWidget | None:
        """The document a finding asks for: its reference when one is held, else the type chooser set to it."""
        needed = finding.evidence_needed.any_of if finding.evidence_needed is not None else []
        wanted = [str(item.get("type")) for item in needed if item.get("type")]
        items = self.checklist.value(("evidence",)) or []
        for index, item in enumerate(items):
            if isinstance(item, dict) and item.get("type") in wanted:
                found = self.widget_for_path(f"evidence[{index}].reference")
                if found is not None:
                    return found
        for kind in wanted:
            at = self.new_type.findData(kind)
            if at >= 0:
                self.new_type.setCurrentIndex(at)
                return self.new_type
        return self.new_type

    # ----- scans: their hash goes into the lot's extensions; the file itself into the register
    def attachment(self, index: int) -> dict[str, str] | None:
        found = (self.checklist.value(("extensions", ATTACHMENTS_KEY)) or {}).get(str(index))
        return found if isinstance(found, dict) else None

    def _on_attach_clicked(self, index: int) -> None:
        from desktop.ui.files import open_file

        path = open_file(
            self,
            self.services,
            tr("Attach a scan"),
            tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"),
        )
        if path is not None:
            self.attach_file(index, path)

    def attach_file(self, index: int, path: Path) -> None:
        """Copy the scan into the register under its SHA-256 and note name and hash in the lot."""
        try:
            digest = self.services.add_evidence_file(path)
        except user_errors() as exc:
            QMessageBox.warning(self, tr("Scan not attached"), str(exc))
            return
        attachments = dict(self.checklist.value(("extensions", ATTACHMENTS_KEY)) or {})
        attachments[str(index)] = {"file": path.name, "sha256": digest}
        self.checklist.set_value(("extensions", ATTACHMENTS_KEY), attachments)
        self.reload()

    def _remove(self, index: int) -> None:
        self.checklist.remove_item(("evidence",), index)
        attachments = {
            str(int(k) - (int(k) > index)): v
            for k, v in (self.checklist.value(("extensions", ATTACHMENTS_KEY)) or {}).items()
            if int(k) != index
        }
        if attachments or self.checklist.value(("extensions",)):
            self.checklist.set_value(("extensions", ATTACHMENTS_KEY), attachments)
        self.reload()
