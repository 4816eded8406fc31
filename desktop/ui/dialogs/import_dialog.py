"""Import official sanctions files, a folder of them or a data pack — or a newer rule pack — with progress and
cancel, off the GUI thread. A data pack's signer is shown first and, when not trusted here, confirmed; a file
the import guards refuse (empty, much smaller, older) can be imported anyway after a confirmation, which is
recorded with the list."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.ui.i18n import colon, tr
from desktop.ui.services import Services, user_errors
from desktop.ui.widgets import dialog_body
from desktop.ui.workers import Task, Workers

if TYPE_CHECKING:
    from desktop.service.datapacks import PackPreview


class ImportDialog(QDialog):
    import_finished = Signal(object)
    import_failed = Signal(str)

    def __init__(
        self, services: Services, workers: Workers, what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.workers = workers
        self.what = what
        self.task: Task | None = None
        self.path: Path | None = None  # the file or folder of the last import started
        self.refusal = ""  # the guards' refusal of that import, when it was refused
        lists = what == "lists"
        layout = dialog_body(
            self,
            tr("Import sanctions lists") if lists else tr("Import a rule pack"),
            680,
            460,
            tr("Official files from UN, OFAC, EU or UK; the format is recognised from the content.")
            if lists
            else tr("A signed rule pack from the publisher; unsigned or older packs are refused."),
        )
        buttons = QHBoxLayout()
        self.file_button = QPushButton(tr("Choose a &file or data pack…") if lists else tr("Choose &file…"))
        self.file_button.clicked.connect(self._on_file_clicked)
        buttons.addWidget(self.file_button)
        self.folder_button = QPushButton(tr("Choose f&older…"))
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.folder_button.setVisible(lists)
        buttons.addWidget(self.folder_button)
        self.force_button = QPushButton(tr("Import &anyway…"))
        self.force_button.setAccessibleName(tr("Import anyway, over the refusal"))
        self.force_button.clicked.connect(self._on_force_clicked)
        self.force_button.hide()
        buttons.addWidget(self.force_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Import progress"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.cancel_button = QPushButton(tr("&Cancel import"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addWidget(self.step)
        self.loaded = QTreeWidget()
        self.loaded.setAccessibleName(tr("Loaded lists") if lists else tr("Active rule pack"))
        self.loaded.setRootIsDecorated(False)
        self.loaded.setHeaderLabels(
            [tr("List"), tr("Source"), tr("As of"), tr("Entries"), tr("Binds")]
            if lists
            else [tr("Rule pack"), tr("Version"), tr("As of"), tr("Rules")]
        )
        layout.addWidget(self.loaded, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.show_loaded()

    def show_loaded(self) -> None:
        self.loaded.clear()
        try:
            if self.what == "lists":
                for info in self.services.lists():
                    self.loaded.addTopLevelItem(
                        QTreeWidgetItem(
                            [
                                info.id,
                                info.source,
                                info.as_of.isoformat() if info.as_of else "—",
                                f"{info.entries:,}",
                                ", ".join(info.jurisdictions),
                            ]
                        )
                    )
            else:
                loaded = self.services.pack()
                pack = loaded.pack
                self.loaded.addTopLevelItem(
                    QTreeWidgetItem([pack.id, pack.version, pack.as_of.isoformat(), str(len(pack.rules))])
                )
        except user_errors() as exc:
            self.step.setText(str(exc))
        for column in range(self.loaded.columnCount()):
            self.loaded.resizeColumnToContents(column)

    def _on_file_clicked(self) -> None:
        from desktop.ui.files import open_file

        path = open_file(self, self.services, self.windowTitle(), tr("All files (*)"))
        if path is not None:
            self.choose(path)

    def _on_folder_clicked(self) -> None:
        from desktop.ui.files import open_folder

        path = open_folder(self, self.services, self.windowTitle())
        if path is not None:
            self.choose(path)

    def choose(self, path: Path) -> None:
        """A data pack is looked at first (who signed it); anything else is imported at once."""
        if self.what == "lists" and self.services.is_data_pack(path):
            self.inspect(path)
        else:
            self.start_import(path)

    # ----- data packs: who signed it, and whether that signer is trusted here
    def inspect(self, path: Path) -> None:
        services = self.services
        self._busy(tr("Checking the data pack {name}…").format(name=path.name))
        self.task = self.workers.start(
            lambda _task: services.inspect_pack(path),
            lambda preview: self._on_inspected(path, preview),
            self._on_failed,
        )

    def _on_inspected(self, path: Path, preview: PackPreview) -> None:
        self.task = None
        self._idle()
        self.preview = preview
        lists = ", ".join(
            f"{item.id} ({item.published.isoformat() if item.published else tr('no date')})"
            for item in preview.lists
        )
        signer = tr("Data pack {name}, signed by {signer}").format(name=preview.file, signer=preview.signer)
        self.step.setText(
            signer
            + (f" — {tr('trusted')}{colon()}{tr(preview.trusted)}" if preview.trusted else "")
            + "<br>"
            + tr("Lists")
            + colon()
            + lists
        )
        if preview.trusted is None:
            question = (
                tr(
                    "{signer} is not in your trust list. Compare this certificate fingerprint with the sender, "
                    "by phone, before you import:"
                ).format(signer=preview.signer)
                + f"\n\n{preview.fingerprint}\n\n"
                + tr("Import the lists from this data pack anyway?")
            )
            if not self.confirm(tr("Signer not trusted"), question):
                self.step.setText(signer + " — " + tr("not imported: the signer is not trusted."))
                return
        self.start_import(path)

    def confirm(self, title: str, question: str) -> bool:
        """Ask a yes/no question; No is the default, so Enter never imports by accident."""
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # ----- the import itself
    def start_import(self, path: Path, *, force: bool = False) -> None:
        services = self.services
        lists = self.what == "lists"
        self.path, self.refusal = path, ""
        self.force_button.hide()

        def work(task: Task) -> Any:
            if lists:
                return services.import_lists(path, task.report, force=force)
            return services.import_rule_pack(path)

        self._busy(tr("Importing {name}…").format(name=path.name))
        self.task = self.workers.start(work, self._on_done, self._on_failed, self._on_progress)

    def _on_force_clicked(self) -> None:
        if self.path is None or not self.refusal:
            return
        question = (
            tr("The import was refused")
            + colon()
            + self.refusal
            + "\n\n"
            + tr(
                "Import it anyway? The refusal and your confirmation are recorded with the list, and shown "
                "wherever the list is."
            )
        )
        if self.confirm(tr("Import anyway"), question):
            self.start_import(self.path, force=True)

    def _busy(self, text: str) -> None:
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.step.setText(text)
        self.cancel_button.setEnabled(True)
        self.file_button.setEnabled(False)
        self.folder_button.setEnabled(False)

    def _idle(self) -> None:
        self.progress.setRange(0, 1)
        self.cancel_button.setEnabled(False)
        self.file_button.setEnabled(True)
        self.folder_button.setEnabled(True)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancelled = True
            self.step.setText(tr("Cancelling…"))

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if what:
            self.step.setText(what)

    def _on_done(self, result: Any) -> None:
        self.task = None
        self._idle()
        self.progress.setValue(1)
        self.step.setText(tr("Imported.") + " " + self.describe(result))
        self.show_loaded()
        self.import_finished.emit(result)

    def describe(self, result: Any) -> str:
        """What an import did, in the user's words: the lists now loaded, the pack's signer, new hits."""
        from desktop.ui.dialogs.update_dialog import new_hit_text

        infos = getattr(result, "infos", None)
        if infos is None:
            return str(result) if isinstance(result, str) else ""
        parts = [
            ", ".join(
                f"{i.id} ({tr('published')} {i.as_of.isoformat()})"
                if i.as_of
                else f"{i.id} ({tr('no date')})"
                for i in infos
            )
        ]
        pack = getattr(result, "pack", None)
        if pack is not None:
            parts.append(
                tr("Data pack signed by {signer}").format(signer=pack.signer_name)
                + (f" ({tr(pack.trusted)})" if pack.trusted else f" ({tr('not trusted')})")
            )
        hits = result.rescreen.new_hits
        if hits:
            parts.append("<br>".join("\u26a0 " + new_hit_text(c) for c in hits))
        return "<br>".join(p for p in parts if p)

    def _on_failed(self, message: str) -> None:
        from desktop.screening.errors import ImportRefusedError

        error = self.task.error if self.task is not None else None
        self.task = None
        self._idle()
        self.progress.setValue(0)
        if message == "cancelled":
            self.step.setText(tr("Import cancelled; nothing was changed."))
        elif isinstance(error, ImportRefusedError) and self.path is not None:
            self.refusal = message
            self.step.setText(
                tr("Not imported; nothing was changed")
                + colon()
                + message
                + "<br>"
                + tr(
                    "If you know why (for example the publisher shortened the list), you may import it anyway."
                )
            )
            self.force_button.show()
        else:
            self.step.setText(message)
        self.import_failed.emit(message)

    def reject(self) -> None:
        self.cancel()
        super().reject()
