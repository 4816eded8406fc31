"""Import official sanctions files or a newer rule pack, with progress and cancel, off the GUI thread."""

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
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import tr
from desktop.ui.services import Services, user_errors
from desktop.ui.widgets import heading, hint
from desktop.ui.workers import Task, Workers


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
        lists = what == "lists"
        self.setWindowTitle(tr("Import sanctions lists") if lists else tr("Import a rule pack"))
        self.resize(680, 460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.windowTitle()))
        layout.addWidget(
            hint(
                tr("Official files from UN, OFAC, EU or UK; the format is recognised from the content.")
                if lists
                else tr("A signed rule pack from the publisher; unsigned or older packs are refused.")
            )
        )
        buttons = QHBoxLayout()
        self.file_button = QPushButton(tr("Choose &file…"))
        self.file_button.clicked.connect(self._on_file_clicked)
        buttons.addWidget(self.file_button)
        if lists:
            self.folder_button = QPushButton(tr("Choose f&older…"))
            self.folder_button.clicked.connect(self._on_folder_clicked)
            buttons.addWidget(self.folder_button)
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
        name, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), "", tr("All files (*)"))
        if name:
            self.start_import(Path(name))

    def _on_folder_clicked(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.windowTitle())
        if name:
            self.start_import(Path(name))

    def start_import(self, path: Path) -> None:
        services = self.services
        lists = self.what == "lists"

        def work(task: Task) -> Any:
            if lists:
                return services.import_lists(path, task.report)
            return services.import_rule_pack(path)

        self.progress.setRange(0, 0)  # busy until the first progress report
        self.step.setText(tr("Importing {name}…").format(name=path.name))
        self.cancel_button.setEnabled(True)
        self.file_button.setEnabled(False)
        self.task = self.workers.start(work, self._on_done, self._on_failed, self._on_progress)

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
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.cancel_button.setEnabled(False)
        self.file_button.setEnabled(True)
        self.step.setText(tr("Imported.") + (f" {result}" if isinstance(result, str) else ""))
        self.show_loaded()
        self.import_finished.emit(result)

    def _on_failed(self, message: str) -> None:
        self.task = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(False)
        self.file_button.setEnabled(True)
        self.step.setText(tr("Import cancelled; nothing was changed.") if message == "cancelled" else message)
        self.import_failed.emit(message)

    def reject(self) -> None:
        self.cancel()
        super().reject()
