"""The main window: start page or checklist, data status always in view, menus, autosave, geometry."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from desktop.ui.data_status import StatusStrip, WarningBanner, describe_status
from desktop.ui.i18n import colon, tr
from desktop.ui.services import Services, user_errors
from desktop.ui.start_page import StartPage
from desktop.ui.workers import Task, Workers

if TYPE_CHECKING:
    from desktop.lot import Lot
    from desktop.service.drafts import SavedDraft
    from desktop.service.records import WorkRow
    from desktop.service.status import DataStatus
    from desktop.ui.dialogs.export_dialog import ExportDialog
    from desktop.ui.dialogs.import_dialog import ImportDialog
    from desktop.ui.dialogs.person_dialog import PersonDialog
    from desktop.ui.dialogs.register_dialog import RegisterDialog
    from desktop.ui.dialogs.settings_dialog import SettingsDialog
    from desktop.ui.dialogs.update_dialog import UpdateDialog
    from desktop.ui.wizard_view import WizardView
    from desktop.wizard import Checklist

log = logging.getLogger(__name__)
AUTOSAVE_DELAY_MS = 400


def draft_description(draft: SavedDraft) -> str:
    """'lot KRT-26-1184 (Kgalagadi Rough Trading) — saved 2026-12-01 09:30 UTC': the draft banner names the lot."""
    import json

    try:
        data = json.loads(draft.json_text).get("draft") or {}
    except (ValueError, AttributeError):
        data = {}
    lot_id = str(data.get("lot_id") or "").strip() if isinstance(data, dict) else ""
    party = data.get("counterparty") if isinstance(data, dict) else None
    name = str(party.get("name") or "").strip() if isinstance(party, dict) else ""
    what = (tr("lot {lot}").format(lot=lot_id) if lot_id else tr("a lot without an ID yet")) + (
        f" ({name})" if name else ""
    )
    return what + " — " + tr("saved") + f" {draft.saved_at:%Y-%m-%d %H:%M} UTC"


class MainWindow(QMainWindow):
    data_status_loaded = Signal()
    data_status_shown = Signal()
    language_switched = Signal(str)
    draft_saved = Signal(str)
    check_opened = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.workers = Workers(self)
        self.wizard: WizardView | None = None
        self.draft_key: str | None = None
        self.ask_who_at_start = False
        self.setWindowTitle("Clearstone")
        self.setMinimumSize(900, 620)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_draft_now)
        self._status_regimes: list[str] | None = None
        self._status_check = QTimer(self)
        self._status_check.setSingleShot(True)
        self._status_check.setInterval(AUTOSAVE_DELAY_MS)
        self._status_check.timeout.connect(self._on_status_check)
        self._build_ui()
        self._build_menus()
        self._restore_geometry()

    def _build_ui(self) -> None:
        """The banner, the start page (or the check), the status line: built again when the language changes."""
        self.banner = WarningBanner()
        self.start = StartPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self.status_strip = StatusStrip()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_strip)
        self.setCentralWidget(central)  # the previous one, if any, is deleted by Qt
        self.start.new_check_requested.connect(self.new_check)
        self.start.open_lot_requested.connect(self.on_open_lot)
        self.start.verify_requested.connect(self.on_verify)
        self.start.restore_requested.connect(self.restore_draft)
        self.start.discard_requested.connect(self.discard_draft)
        self.start.recent_requested.connect(self.open_recent)
        self.start.details_requested.connect(self.on_register)
        self.banner.import_requested.connect(self.on_import_lists)
        self.banner.update_requested.connect(self.on_update_lists)
        self.start.update_requested.connect(self.on_update_lists)
        self.start.import_lists_requested.connect(self.on_import_lists)

    # ----- the language, switched live (Settings): every text is built again, nothing entered is lost
    def switch_language(self, language: str) -> None:
        from PySide6.QtWidgets import QApplication

        from desktop.ui.i18n import install_qt_translator, set_language

        set_language(language)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_qt_translator(app)
        old = self.wizard
        checklist = old.checklist if old is not None else None
        if old is not None:
            self._autosave.stop()
            self.save_draft_now()
            old.shutdown()
            checklist.remove_change_listener(self._on_checklist_changed)  # type: ignore[union-attr]
            self.wizard = None
        self.menuBar().clear()
        self._build_menus()
        self._build_ui()  # the old central widget, the old check view in it, goes with it
        if old is not None and checklist is not None:
            self._show_checklist(checklist)
            self._carry_over(old)
        self._update_actions()
        self.load_data_status()
        self.language_switched.emit(language)

    def _carry_over(self, old: WizardView) -> None:
        """What the pages hold besides the checklist: the recorded check's id, the signed attestation."""
        new = self.wizard
        if new is None:
            return
        new.review.assessment_id = old.review.assessment_id
        new.attest.assessment_id = old.attest.assessment_id
        if old.attest.pdf is not None and old.attest.number is not None:
            new.attest.show_signed(old.attest.number, old.attest.pdf, old.attest.preview.pixmap())

    # ----- menus
    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(tr(text), self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # the platform's own list, e.g. Ctrl+Q and Ctrl+W for Close
        elif shortcut is not None:
            # setShortcuts, not setShortcut: resolving setShortcut's overloads builds the whole Qt
            # namespace, ~0.1 s of start-up (widgets.START_UP_NOTE)
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(tr("&File"))
        self._action(file, "&New check", self.new_check, QKeySequence.StandardKey.New)
        self._action(file, "&Open lot file…", self.on_open_lot, QKeySequence.StandardKey.Open)
        self.save_action = self._action(
            file, "&Save lot file as…", self.on_save_lot, QKeySequence.StandardKey.Save
        )
        file.addSeparator()
        self._action(file, "&Verify an attestation…", self.on_verify, "Ctrl+Shift+V")
        self.print_action = self._action(
            file, "&Print attestation…", self.on_print, QKeySequence.StandardKey.Print
        )
        file.addSeparator()
        self.close_action = self._action(
            file, "&Close check", self.on_close_check, QKeySequence.StandardKey.Close
        )
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        data = bar.addMenu(tr("&Data"))
        self._action(data, "&Register…", self.on_register, "Ctrl+R")
        data.addSeparator()
        self._action(data, "&Update lists (needs internet)…", self.on_update_lists, "Ctrl+U")
        self._action(data, "&Import lists or data pack…", self.on_import_lists, "Ctrl+I")
        self._action(data, "&Export data pack…", self.on_export_pack)
        data.addSeparator()
        self._action(data, "Import rule &pack…", self.on_import_rules)
        settings = bar.addMenu(tr("&Settings"))
        self._action(settings, "&Preferences…", self.on_settings, "Ctrl+,")
        self._action(settings, "Switch &person…", self.on_switch_person)
        help_menu = bar.addMenu(tr("&Help"))
        self._action(help_menu, "&About Clearstone", self.on_about)
        self._update_actions()

    def _update_actions(self) -> None:
        in_check = self.wizard is not None
        self.save_action.setEnabled(in_check)
        self.close_action.setEnabled(in_check)
        self.print_action.setEnabled(self.wizard is not None and self.wizard.attest.pdf is not None)

    # ----- after the window is shown: everything slow happens in workers
    def load_data_status(self) -> None:
        services = self.services
        regimes = self._checked_regimes()
        self._status_regimes = regimes

        def work(_task: Task) -> tuple[DataStatus, list[SavedDraft], list[WorkRow]]:
            status = services.data_status(regimes)
            services.warm_screening()  # build the name index now, so the first name typed is screened at once
            return status, services.pending_drafts(), services.recent_work()

        self.workers.start(work, self._on_status_loaded, self._on_status_failed)

    def refresh_data_status(self) -> None:
        """The status line and banners again, for the regimes of the lot on screen (after it changed)."""
        services = self.services
        regimes = self._checked_regimes()
        self._status_regimes = regimes
        self.workers.start(
            lambda _task: services.data_status(regimes), self._show_status, self._on_status_failed
        )

    def _show_status(self, status: DataStatus) -> None:
        text = describe_status(status)
        self.status_strip.show_status(text)
        self.status_strip.show_person(self.services.decided_by())
        self.banner.show_warnings(text.warnings)
        fresh = not any(not row.info.bundled for row in status.lists)
        self.start.show_data_offer(fresh and status.pack is not None)
        self.data_status_shown.emit()

    def _codes(self) -> tuple[str, ...] | None:
        """The rule pack's jurisdiction codes, which a lot's regimes must be among (None: no pack loaded)."""
        try:
            return self.services.pack().jurisdiction_codes()
        except user_errors():
            return None

    def _checked_regimes(self) -> list[str] | None:
        """The regimes of the lot on screen: those it was checked for, else those it engages as entered so
        far; without a lot (or before any regime follows), the firm's own are reported."""
        if self.wizard is None:
            return None
        assessment = self.wizard.checklist.assessment
        if assessment is not None:
            return list(assessment.jurisdictions)
        try:
            codes = [r.code for r in self.services.draft_regimes(self.wizard.checklist.draft.data())]
        except user_errors():
            return None
        return codes or None

    def _on_status_loaded(self, result: tuple[DataStatus, list[SavedDraft], list[WorkRow]]) -> None:
        status, drafts, recent = result
        self._show_status(status)
        if drafts and self.wizard is None:
            latest = drafts[0]
            self.start.show_draft(latest.key, draft_description(latest))
        self._show_recent(recent)
        if self.ask_who_at_start:
            # not before: the person may come from the signing identity, and importing what reads it on the
            # GUI thread while the loading worker imports the same modules races (a half-initialised pydantic)
            self.ask_who_at_start = False
            self.ask_who_decides()
        self.data_status_loaded.emit()

    def _on_status_failed(self, message: str) -> None:
        self.status_strip.show_error(message)
        self.banner.show_warnings([tr("Data could not be loaded") + colon() + f"{message}"])
        self._show_recent([])
        self.data_status_loaded.emit()

    def _show_recent(self, rows: list[WorkRow]) -> None:
        files = [(f"{Path(p).name} — {p}", p) for p in self.services.settings().recent_files[:5]]
        self.start.set_recent(files, rows)

    # ----- checks
    def new_check(self) -> None:
        from desktop.wizard import Checklist, new_draft

        settings = self.services.settings()
        draft = new_draft(
            today=self.services.today(),
            jurisdictions=list(settings.home_jurisdictions),
            issuer_country=self.services.firm_country(),
        )
        self.open_checklist(Checklist(draft, jurisdictions=self._codes()))

    def open_checklist(self, checklist: Checklist, *, reveal: bool = False) -> None:
        self.close_check(discard=False)
        self.draft_key = self.services.new_draft_key()
        if reveal:  # a lot from a file or the register: its content is the user's, every step was "seen"
            from desktop.wizard.steps import EDITING_STEPS

            checklist.mark_visited(*EDITING_STEPS)
        self._show_checklist(checklist, reveal=reveal)
        self.check_opened.emit()

    def _show_checklist(self, checklist: Checklist, *, reveal: bool = False) -> None:
        from desktop.ui.wizard_view import WizardView

        self.wizard = WizardView(checklist, self.services, self.workers)
        for page in self.wizard.pages.values():
            page.reveal_all = reveal
        checklist.add_change_listener(self._on_checklist_changed)
        self.wizard.attest.signing_finished.connect(self._on_attested)
        self.wizard.attest.update_lists_requested.connect(self.on_update_lists)
        self.wizard.attest.import_lists_requested.connect(self.on_import_lists)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        self.start.setEnabled(False)  # its hidden buttons' mnemonics would clash with the wizard's
        page = self.wizard.current_page()
        page.land_on(page.field_for_start())  # the cursor in the first field: typing starts at once
        self._update_actions()

    def on_close_check(self) -> None:
        """File > Close check: an unfinished check stays in the drafts, offered again on the start page."""
        if self.wizard is None:
            return
        finished = self.wizard.checklist.attested is not None
        if not finished:
            self._autosave.stop()
            self.save_draft_now()
        self.close_check(discard=finished)
        self.load_data_status()  # refresh recent work and the draft banner

    def close_check(self, discard: bool = True) -> None:
        if self.wizard is None:
            return
        self._autosave.stop()
        if discard and self.draft_key:
            self._discard(self.draft_key)
        self.wizard.shutdown()
        self.stack.removeWidget(self.wizard)
        self.wizard.deleteLater()
        self.wizard = None
        self.draft_key = None
        self.stack.setCurrentWidget(self.start)
        self.start.setEnabled(True)
        self._update_actions()

    def _on_checklist_changed(self, _checklist: object) -> None:
        self._autosave.start()
        self._status_check.start()  # the lot's regimes may have changed: the banners follow them

    def _on_status_check(self) -> None:
        if self._checked_regimes() != self._status_regimes:
            self.refresh_data_status()

    def save_draft_now(self) -> None:
        if self.wizard is None or self.draft_key is None:
            return
        try:
            self.services.save_draft(self.draft_key, self.wizard.checklist.snapshot_json())
        except user_errors() as exc:
            self.statusBar().showMessage(tr("Autosave failed") + colon() + f"{exc}", 8000)
            return
        self.draft_saved.emit(self.draft_key)

    def _on_attested(self, _number: str) -> None:
        if self.draft_key:
            self._discard(self.draft_key)
        self._update_actions()

    def restore_draft(self, key: str) -> None:
        from desktop.wizard import Checklist

        try:
            text = self.services.draft_text(key)
            checklist = Checklist.from_snapshot_json(text, jurisdictions=self._codes())
        except user_errors() as exc:  # DraftError is a ValueError
            QMessageBox.warning(self, tr("Draft not restored"), str(exc))
            return
        self.open_checklist(checklist)
        self._discard(key)  # the restored check autosaves under its own key from now on
        self.start.show_draft(None)
        self.save_draft_now()

    def discard_draft(self, key: str) -> None:
        self._discard(key)
        self.start.show_draft(None)

    def _discard(self, key: str) -> None:
        try:
            self.services.discard_draft(key)
        except user_errors() as exc:
            log.warning("could not discard draft %s: %s", key, exc)

    # ----- files
    def on_open_lot(self) -> None:
        from desktop.ui.files import open_file

        path = open_file(
            self, self.services, tr("Open lot file"), tr("Lot files (*.lot.json *.json);;All files (*)")
        )
        if path is not None:
            self.open_lot(path)

    def open_lot(self, path: Path) -> bool:
        from desktop.lot import LotError, load_lot
        from desktop.wizard import Checklist, Draft

        try:
            lot = load_lot(path)
        except LotError as exc:
            QMessageBox.warning(self, tr("Lot file not opened"), str(exc))
            return False
        self.open_checklist(Checklist(Draft.from_lot(lot), jurisdictions=self._codes()), reveal=True)
        self._remember(path)
        return True

    def open_path(self, path: Path) -> None:
        """A file handed over by the desktop (double-click): a PDF is verified, anything else opened as a lot."""
        if path.suffix.lower() == ".pdf":
            from desktop.ui.dialogs.verify_dialog import VerifyDialog

            dialog = VerifyDialog(self.services, self.workers, self)
            dialog.open()
            dialog.verify_pdf(path)
        else:
            self.open_lot(path)

    def open_recent(self, target: str) -> None:
        if target.startswith(("assessment:", "attestation:", "lot:")) or target.startswith("CS-"):
            self.on_register(select=target)
        else:
            self.open_lot(Path(target))

    def _remember(self, path: Path) -> None:
        settings = self.services.settings().with_recent(str(path))
        try:
            self.services.save_settings(settings)
        except user_errors() as exc:
            log.warning("recent files not saved: %s", exc)

    def on_save_lot(self) -> None:
        if self.wizard is None:
            return
        lot = self.wizard.checklist.lot
        if lot is None:
            QMessageBox.information(
                self,
                tr("Not saved"),
                tr("The lot is not complete yet: ") + self.wizard.checklist.problems()[0].text,
            )
            return
        from desktop.ui.files import save_file

        path = save_file(self, self.services, tr("Save lot file"), f"{lot.lot_id}.lot.json", "*.lot.json")
        if path is not None:
            self.save_lot(path)

    def save_lot(self, path: Path) -> None:
        from desktop.lot import save_lot

        lot = self.wizard.checklist.lot if self.wizard is not None else None
        if lot is None:
            QMessageBox.warning(
                self, tr("Not saved"), tr("The lot is not complete; go back to the steps marked with a dot.")
            )
            return
        try:
            save_lot(lot, path)
        except OSError as exc:
            QMessageBox.warning(self, tr("Not saved"), f"{path}: {exc.strerror or exc}")
            return
        self._remember(path)
        self.statusBar().showMessage(tr("Saved to {path}.").format(path=str(path)), 5000)

    def on_print(self) -> None:
        if self.wizard is not None and self.wizard.attest.pdf is not None:
            self.wizard.attest._on_print_clicked()

    # ----- dialogs
    def on_verify(self) -> None:
        from desktop.ui.dialogs.verify_dialog import VerifyDialog

        VerifyDialog(self.services, self.workers, self).open()

    def on_register(self, select: str | None = None) -> RegisterDialog:
        from desktop.ui.dialogs.register_dialog import RegisterDialog

        dialog = RegisterDialog(self.services, self.workers, self)
        dialog.recheck_requested.connect(self._on_recheck_requested)
        dialog.open_requested.connect(self._on_open_requested)
        dialog.open()
        self.register_dialog = dialog
        if isinstance(select, str) and not dialog.select(select):
            dialog.search.setText(select.partition(":")[2] or select)
        return dialog

    def _on_open_requested(self, lot: Lot) -> None:
        from desktop.wizard import Checklist, Draft

        self.open_checklist(Checklist(Draft.from_lot(lot), jurisdictions=self._codes()), reveal=True)

    def _on_recheck_requested(self, lot: Lot) -> None:
        from desktop.wizard import Checklist, Draft, Step

        checklist = Checklist(Draft.from_lot(lot.model_copy(update={})), jurisdictions=self._codes())
        checklist.set_value(("transaction", "date"), self.services.today().isoformat())
        self.open_checklist(checklist, reveal=True)
        if checklist.can_jump_to(Step.REVIEW):
            checklist.jump_to(Step.REVIEW)

    def on_import_lists(self) -> ImportDialog:
        from desktop.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.services, self.workers, "lists", self)
        dialog.import_finished.connect(lambda _r: self._after_lists_changed())
        dialog.open()
        self.import_dialog = dialog
        return dialog

    def on_update_lists(self) -> UpdateDialog:
        from desktop.ui.dialogs.update_dialog import UpdateDialog

        dialog = UpdateDialog(self.services, self.workers, self)
        dialog.update_finished.connect(lambda _r: self._after_lists_changed())
        dialog.open()
        return dialog

    def on_export_pack(self) -> ExportDialog:
        from desktop.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.services, self.workers, self)
        dialog.open()
        return dialog

    def _after_lists_changed(self) -> None:
        """New lists: the status line, the banners, recent work and the lot on screen see them at once."""
        self.load_data_status()
        if self.wizard is not None:
            self.wizard.lists_changed()

    def on_import_rules(self) -> None:
        from desktop.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.services, self.workers, "rules", self)
        dialog.import_finished.connect(lambda _r: self.load_data_status())
        dialog.open()

    def on_settings(self) -> SettingsDialog:
        from desktop.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self)
        dialog.settings_saved.connect(lambda: self.load_data_status())
        dialog.language_changed.connect(self.switch_language)
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    # ----- who decides
    def ask_who_decides(self) -> None:
        """At start, when several people share this computer: who is at the keyboard (Settings → People)."""
        if len(self.services.people()) >= 2 and not self.services.user:
            self.on_switch_person()
        self.status_strip.show_person(self.services.decided_by())

    def on_switch_person(self) -> PersonDialog:
        from PySide6.QtCore import Qt  # see widgets.START_UP_NOTE

        from desktop.ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.services.people(), self.services.decided_by(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._use_person(dialog.chosen()))
        dialog.open()
        self.person_dialog = dialog
        return dialog

    def _use_person(self, person: str) -> None:
        self.services.user = person
        self.status_strip.show_person(person)

    def on_about(self) -> None:
        from desktop import __version__
        from desktop.startup import log_file

        QMessageBox.about(
            self,
            tr("About Clearstone"),
            f"<b>Clearstone {__version__}</b><br>"
            + tr("Offline compliance checks and signed attestations for diamond lots.")
            + f"<br>{tr('Data folder')}{colon()}{self.services.data_dir}"
            + f"<br>{tr('Log file')}{colon()}{log_file(self.services.data_dir)}",
        )

    # ----- geometry and closing
    def _restore_geometry(self) -> None:
        saved = self.services.settings().window_geometry
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(1180, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.wizard is not None:
            self._autosave.stop()
            self.save_draft_now()  # an orderly quit keeps the draft too, so the next start offers it
            self.wizard.shutdown()
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        try:
            self.services.save_settings(self.services.settings().updated(window_geometry=geometry))
        except user_errors() as exc:
            log.warning("window geometry not saved: %s", exc)
        self.workers.wait()
        super().closeEvent(event)
