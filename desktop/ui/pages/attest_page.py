"""Step 7: sign the attestation with the dealer's identity, preview it, save it and print it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import colon, language, tr
from desktop.ui.pages.base import StepPage
from desktop.ui.pdfview import can_render, print_pages, render_pages
from desktop.ui.services import user_errors
from desktop.ui.widgets import CountryPicker, hint
from desktop.ui.workers import Task
from desktop.wizard import Step


def gap_text(gap: Any, names: dict[str, str], today: Any) -> str:
    """One regime's missing or old coverage, in the user's words."""
    code = f"{gap.code} · {names.get(gap.code, gap.code)}"
    state = getattr(gap.state, "value", str(gap.state))
    if state == "missing" or not gap.lists:
        return tr("{regime}: no official sanctions list of this regime is loaded").format(regime=code)
    newest = max(gap.lists, key=lambda i: i.as_of or today)
    if state == "undated":
        return tr("{regime}: {list} gives no publication date, so it cannot count as current").format(
            regime=code, list=newest.id
        )
    return tr("{regime}: {list} is {days} days old (published {date}; the limit is {limit} days)").format(
        regime=code,
        list=newest.id,
        days=(today - newest.as_of).days if newest.as_of else "?",
        date=newest.as_of.isoformat() if newest.as_of else "?",
        limit=gap.max_age_days,
    )


class AttestPage(StepPage):
    step = Step.ATTEST
    title = "Attest"
    description = (
        "Sign the attestation for the buyer. The printed page carries a QR code anyone can check offline."
    )

    identity_created = Signal()
    update_lists_requested = Signal()
    import_lists_requested = Signal()
    signing_finished = Signal(str)  # the attestation number
    signing_failed = Signal(str)
    printed = Signal()

    def build(self) -> None:
        self.number: str | None = None
        self.pdf: bytes | None = None
        self.assessment_id: int | None = None

        self.identity_box = QGroupBox(tr("Signing identity"))
        identity = QVBoxLayout(self.identity_box)
        self.identity_label = QLabel()
        self.identity_label.setWordWrap(True)
        identity.addWidget(self.identity_label)
        self.create_form = QWidget()
        form = self.form()
        self.create_form.setLayout(form)
        self.id_name = QLineEdit()
        self.id_title = QLineEdit()
        self.id_company = QLineEdit()
        self.id_country = CountryPicker()
        self.id_email = QLineEdit()
        self.id_sow = QLineEdit()
        self.id_sow.setPlaceholderText(tr("your WDC System of Warranties ID, printed on the attestation"))
        self.id_pass = QLineEdit()
        self.id_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.id_pass2 = QLineEdit()
        self.id_pass2.setEchoMode(QLineEdit.EchoMode.Password)
        for label, widget in (
            ("Your &name", self.id_name),
            ("&Title", self.id_title),
            ("Co&mpany", self.id_company),
            ("Co&untry", self.id_country),
            ("E-mai&l", self.id_email),
            ("&Your SoW ID", self.id_sow),
            ("&Passphrase", self.id_pass),
            ("Repe&at passphrase", self.id_pass2),
        ):
            caption = QLabel(tr(label))
            caption.setBuddy(widget)
            widget.setAccessibleName(tr(label).replace("&", ""))
            form.addRow(caption, widget)
        self.create_button = QPushButton(tr("Create signing &identity"))
        self.create_button.clicked.connect(self._on_create_clicked)
        form.addRow("", self.create_button)
        identity.addWidget(self.create_form)
        identity.addWidget(
            hint(tr("The key stays on this computer, protected by the passphrase. Keep the passphrase safe."))
        )
        self.layout_.addWidget(self.identity_box)

        # Sanctions-list coverage: a regime whose own official list is missing or old is a gap; attesting
        # anyway takes a person's reason, recorded and printed in the verdict box.
        self.gap_box = QGroupBox(tr("Sanctions lists: gaps in coverage"))
        gaps = QVBoxLayout(self.gap_box)
        self.gap_text = QLabel()
        self.gap_text.setWordWrap(True)
        self.gap_text.setAccessibleName(tr("Gaps in sanctions-list coverage"))
        gaps.addWidget(self.gap_text)
        fixes = QHBoxLayout()
        self.gap_update = QPushButton(tr("Update lists…"))
        self.gap_import = QPushButton(tr("Import lists or data pack…"))
        self.gap_update.clicked.connect(self.update_lists_requested)
        self.gap_import.clicked.connect(self.import_lists_requested)
        fixes.addWidget(self.gap_update)
        fixes.addWidget(self.gap_import)
        fixes.addStretch(1)
        gaps.addLayout(fixes)
        gaps.addWidget(
            hint(
                tr(
                    "Or attest with the gaps: your reason is recorded in the register and printed in the verdict "
                    "box of the attestation, where the buyer reads it."
                )
            )
        )
        self.accept_gap = QCheckBox(tr("I a&ccept these gaps for this attestation"))
        self.accept_gap.setAccessibleName(tr("I accept these gaps for this attestation"))
        reason_row = QHBoxLayout()
        reason_caption = QLabel(tr("Reas&on"))
        self.gap_reason = QLineEdit()
        self.gap_reason.setPlaceholderText(
            tr("Why, e.g. the official lists were checked on their websites today")
        )
        self.gap_reason.setAccessibleName(tr("Reason for accepting the list gaps"))
        reason_caption.setBuddy(self.gap_reason)
        self.gap_reason.setEnabled(False)
        reason_row.addWidget(reason_caption)
        reason_row.addWidget(self.gap_reason, 1)
        self.gap_problem = QLabel()
        self.gap_problem.setObjectName("fieldError")
        self.gap_problem.setWordWrap(True)
        self.accept_gap.toggled.connect(self._on_accept_gap_toggled)
        self.gap_reason.textChanged.connect(self._on_gap_reason_changed)
        gaps.addWidget(self.accept_gap)
        gaps.addLayout(reason_row)
        gaps.addWidget(self.gap_problem)
        self.gap_box.hide()
        self.coverage_gaps: list[str] = []
        self.layout_.addWidget(self.gap_box)

        sign = QGroupBox(tr("Sign"))
        sign_box = QVBoxLayout(sign)
        row = QHBoxLayout()
        caption = QLabel(tr("Passphras&e"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(tr("Passphrase for signing"))
        caption.setBuddy(self.passphrase)
        self.sign_button = QPushButton(tr("Si&gn attestation"))
        self.sign_button.setObjectName("primary")
        self.sign_button.clicked.connect(self.sign_now)
        self.passphrase.returnPressed.connect(self.sign_now)
        row.addWidget(caption)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.sign_button)
        sign_box.addLayout(row)
        why = QHBoxLayout()
        self.sign_reason = QLabel()
        self.sign_reason.setWordWrap(True)
        self.sign_reason.setObjectName("pageHint")
        self.sign_reason.setAccessibleName(tr("Why signing is not possible yet"))
        self.create_identity_button = QPushButton(tr("Create a signing identity…"))
        self.create_identity_button.clicked.connect(self._on_create_identity_requested)
        why.addWidget(self.sign_reason, 1)
        why.addWidget(self.create_identity_button)
        sign_box.addLayout(why)
        self.layout_.addWidget(sign)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Signing status"))
        self.layout_.addWidget(self.status)

        actions = QHBoxLayout()
        self.save_button = QPushButton(tr("Sa&ve PDF…"))
        self.print_button = QPushButton(tr("P&rint…"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        actions.addWidget(self.save_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        self.layout_.addLayout(actions)

        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setAccessibleName(tr("Attestation preview"))
        self.preview.setWordWrap(True)
        self.layout_.addWidget(self.preview)
        self.more_pages: list[QLabel] = []
        self._update_buttons()

    # ----- identity
    def entered(self) -> None:
        settings = self.services.settings()
        if not self.id_name.text():
            self.id_name.setText(settings.signer.name)
            self.id_title.setText(settings.signer.title)
            self.id_company.setText(settings.firm_name)
            self.id_email.setText(settings.signer.email)
            self.id_sow.setText(settings.sow_id)
            if settings.firm_country:
                self.id_country.set_code(settings.firm_country)
        self._show_identity()
        self._show_coverage()
        if self.number is None:  # why Sign is disabled is said beside it; here only that it is ready
            self.status.setText(tr("Ready to sign.") if self.sign_refusal() is None else "")
        self._update_buttons()

    def _show_coverage(self) -> None:
        assessment = self.checklist.assessment
        self.coverage_gaps = []
        lines: list[str] = []
        if assessment is not None:
            try:
                self.coverage_gaps = self.services.prepare_attestation(assessment).coverage_gaps
                status = self.services.data_status(list(assessment.jurisdictions))
                names = self.services.jurisdiction_names(language())
                lines = [gap_text(gap, names, self.services.today()) for gap in status.gaps]
            except user_errors() as exc:
                self.coverage_gaps = [str(exc)]
        if self.coverage_gaps and not lines:
            lines = list(self.coverage_gaps)
        self.gap_text.setText("\u26a0 " + "<br>\u26a0 ".join(lines) if lines else "")
        self.gap_box.setVisible(bool(self.coverage_gaps))

    def _on_accept_gap_toggled(self, on: bool) -> None:
        self.gap_reason.setEnabled(on)
        if on:
            self.gap_reason.setFocus()
        self._update_buttons()
        self._say_ready()

    def _on_gap_reason_changed(self, _text: str) -> None:
        self._update_buttons()
        self._say_ready()

    def _say_ready(self) -> None:
        if self.number is None:
            self.status.setText(tr("Ready to sign.") if self.sign_refusal() is None else "")

    def _accepted_gap(self) -> str | None:
        """The reason for attesting despite list gaps, when given and good enough; else None."""
        from desktop.service.deciding import check_reason
        from desktop.service.errors import ServiceError

        if not self.coverage_gaps or not self.accept_gap.isChecked():
            return None
        try:
            return check_reason(self.gap_reason.text())
        except ServiceError:
            return None

    def _show_identity(self) -> None:
        try:
            description = self.services.identity_description()
        except user_errors() as exc:
            self.identity_label.setText(str(exc))
            self.create_form.hide()
            return
        if description is None:
            self.identity_label.setText(tr("No signing identity yet. Create one now; you do this once."))
            self.create_form.show()
        else:
            self.identity_label.setText(tr("Signing as") + colon() + f"{description}")
            self.create_form.hide()

    def _on_create_clicked(self) -> None:
        if self.id_pass.text() != self.id_pass2.text():
            self.identity_label.setText(tr("The two passphrases differ."))
            return
        try:
            self.services.create_identity(
                name=self.id_name.text().strip(),
                title=self.id_title.text().strip(),
                company=self.id_company.text().strip(),
                country=self.id_country.code() or "",
                email=self.id_email.text().strip() or None,
                passphrase=self.id_pass.text(),
            )
        except user_errors() as exc:
            self.identity_label.setText(tr("The identity was not created") + colon() + f"{exc}")
            return
        sow_id = self.id_sow.text().strip()
        if sow_id and sow_id != self.services.settings().sow_id:
            try:  # the issuer's SoW ID belongs with the identity: kept in the settings, editable there
                self.services.save_settings(self.services.settings().updated(sow_id=sow_id))
            except user_errors() as exc:
                self.identity_label.setText(str(exc))
        self.passphrase.setText(self.id_pass.text())
        self.id_pass.clear()
        self.id_pass2.clear()
        self._show_identity()
        self._update_buttons()
        if self.number is None:
            self.status.setText(tr("Ready to sign.") if self.sign_refusal() is None else "")
        self.identity_created.emit()

    # ----- signing, in a worker: it unlocks a key and renders a PDF
    def sign_now(self) -> None:
        assessment = self.checklist.assessment
        refusal = self.sign_refusal()
        if refusal is not None or assessment is None:
            self.status.setText(refusal or tr("The lot cannot be attested yet."))
            self.signing_failed.emit(refusal or "")
            return
        passphrase = self.passphrase.text()
        services = self.services
        accepted = self._accepted_gap()
        self.sign_button.setEnabled(False)
        self.status.setText(tr("Signing…"))

        def work(_task: Task) -> tuple[str, bytes, list[Any], str]:
            issued = services.sign_attestation(assessment, passphrase, accepted)
            number, pdf = issued.number, issued.pdf
            if can_render():
                return number, pdf, render_pages(pdf), ""
            return number, pdf, [], services.attestation_facts(pdf)

        self.workers.start(work, self._on_signed, self._on_sign_failed)

    def _on_signed(self, result: tuple[str, bytes, list[Any], str]) -> None:
        number, pdf, pages, facts = result
        self.number, self.pdf = number, pdf
        self.passphrase.clear()
        self.gap_box.setEnabled(False)  # accepted and printed: nothing to change any more
        self.checklist.mark_attested(number)
        self.status.setText(
            "\u2714 " + tr("Attestation {number} signed and recorded in the register.").format(number=number)
        )
        if pages:
            self.preview.setPixmap(self._page_pixmap(pages[0]))
            for image in pages[1:]:  # every page, one under the other, as it will print
                more = QLabel()
                more.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                more.setPixmap(self._page_pixmap(image))
                more.setAccessibleName(tr("Attestation preview"))
                self.layout_.insertWidget(self.layout_.indexOf(self.preview) + len(self.more_pages) + 1, more)
                more.show()
                self.more_pages.append(more)
        else:
            self.preview.setText(facts)
        self._update_buttons()
        self.signing_finished.emit(number)

    def show_signed(self, number: str, pdf: bytes, first_page: QPixmap | None) -> None:
        """A signature made before the window was rebuilt (the language changed): shown again, not redone."""
        self.number, self.pdf = number, pdf
        self.gap_box.setEnabled(False)
        self.status.setText(
            "\u2714 " + tr("Attestation {number} signed and recorded in the register.").format(number=number)
        )
        if first_page is not None and not first_page.isNull():
            self.preview.setPixmap(first_page)
        self._update_buttons()

    @staticmethod
    def _page_pixmap(image: Any) -> QPixmap:
        page = QPixmap.fromImage(image).scaledToWidth(620, Qt.TransformationMode.SmoothTransformation)
        return page

    def _on_sign_failed(self, message: str) -> None:
        self.status.setText(tr("Not signed") + colon() + f"{message}")
        self._update_buttons()
        self.signing_failed.emit(message)

    def _update_buttons(self) -> None:
        reason = self.sign_refusal()
        self.sign_button.setEnabled(reason is None)
        self.sign_reason.setText(reason or "")
        self.sign_reason.setVisible(bool(reason) and self.number is None)
        self.create_identity_button.setVisible(self.number is None and not self.has_identity())
        if self.coverage_gaps and self.accept_gap.isChecked() and self._accepted_gap() is None:
            self.gap_problem.setText(
                tr("Give a reason of at least a short sentence: what you checked instead, and when.")
            )
        else:
            self.gap_problem.setText("")
        for button in (self.save_button, self.print_button):
            button.setEnabled(self.pdf is not None)

    def has_identity(self) -> bool:
        try:
            return self.services.identity_description() is not None
        except user_errors():
            return False

    def sign_refusal(self) -> str | None:
        """Why Sign is not possible now, in plain words (None: it is)."""
        if self.number is not None:
            return None if False else tr("Signed.")
        if self.checklist.attest_refusal() is not None:
            assessment = self.checklist.assessment
            if assessment is not None and assessment.verdict.value == "blocked":
                return tr("The lot is blocked: it cannot be attested (Review shows the rule that blocks it).")
            return tr("The lot cannot be attested yet: go back to Review and resolve what it shows.")
        if not self.has_identity():
            return tr(
                "You need a signing identity before you can sign: it names you on the attestation and holds the "
                "key that signs it. Create it once, above."
            )
        if self.coverage_gaps and self._accepted_gap() is None:
            return tr(
                "Some sanctions lists are missing or old: update or import them, or accept the gaps with a reason."
            )
        return None

    def _on_create_identity_requested(self) -> None:
        self.create_form.show()
        self.land_on(self.id_name)

    # ----- save and print
    def _on_save_clicked(self) -> None:
        if self.pdf is None:
            return
        from desktop.ui.files import save_file

        path = save_file(self, self.services, tr("Save attestation"), f"{self.number}.pdf", "PDF (*.pdf)")
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        assert self.pdf is not None
        try:
            self.services.write_file(path, self.pdf)
        except OSError as exc:
            QMessageBox.warning(self, tr("Not saved"), f"{path}: {exc.strerror or exc}")
            return
        self.status.setText(tr("Saved to {path}.").format(path=str(path)))

    def _on_print_clicked(self) -> None:
        if self.pdf is None:
            return
        if not can_render():
            QMessageBox.information(
                self,
                tr("Print attestation"),
                tr("This build cannot draw PDF pages. Save the PDF and print it from a PDF viewer."),
            )
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("Print attestation"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Render at print resolution in a worker, then paint the pages into the printer."""
        pdf = self.pdf
        if pdf is None:
            return
        self.print_button.setEnabled(False)
        self.status.setText(tr("Preparing the pages for the printer…"))

        def done(pages: list[Any]) -> None:
            try:
                print_pages(pages, printer)
            except OSError as exc:
                self.status.setText(tr("Not printed") + colon() + f"{exc}")
            else:
                self.status.setText(tr("Sent to the printer."))
                self.printed.emit()
            self.print_button.setEnabled(True)

        def failed(message: str) -> None:
            self.status.setText(tr("Not printed") + colon() + f"{message}")
            self.print_button.setEnabled(True)

        self.workers.start(lambda _task: render_pages(pdf, dpi=300), done, failed)
