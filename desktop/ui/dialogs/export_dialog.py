"""Data → Export data pack: the loaded official lists in one file, signed with this computer's identity, for a
laptop that stays offline (it imports the file with Data → Import lists or data pack)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.ui.i18n import colon, tr
from desktop.ui.services import Services, user_errors
from desktop.ui.widgets import dialog_body
from desktop.ui.workers import Task, Workers

if TYPE_CHECKING:
    from desktop.screening.datapack import PackExport
    from desktop.screening.types import ListInfo


class ExportDialog(QDialog):
    export_finished = Signal(object)  # PackExport
    export_failed = Signal(str)

    def __init__(self, services: Services, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.workers = workers
        self.task: Task | None = None
        layout = dialog_body(
            self,
            tr("Export a data pack"),
            640,
            360,
            tr(
                "Writes the official lists loaded here into one file, signed with your signing identity. "
                "On a computer that stays offline, import it with Data → Import lists or data pack."
            ),
        )
        official = [i for i in self._lists() if not i.bundled]
        self.lists = QLabel(
            tr("Lists")
            + colon()
            + (
                ", ".join(f"{i.id} ({i.as_of.isoformat() if i.as_of else tr('no date')})" for i in official)
                or tr("none loaded: update or import the official lists first")
            )
        )
        self.lists.setWordWrap(True)
        layout.addWidget(self.lists)
        form = QFormLayout()
        self.file = QLineEdit()
        self.file.setAccessibleName(tr("Data pack file"))
        self.file.setPlaceholderText(tr("where to write the data pack"))
        self.browse = QPushButton(tr("&Choose…"))
        self.browse.setAutoDefault(False)  # Enter exports; it never opens the file dialog
        self.browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        file_caption = QLabel(tr("&File"))
        file_caption.setBuddy(self.file)
        form.addRow(file_caption, holder)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(tr("Passphrase of your signing identity"))
        pass_caption = QLabel(tr("&Passphrase"))
        pass_caption.setBuddy(self.passphrase)
        form.addRow(pass_caption, self.passphrase)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Export progress"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Export status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.export_button = QPushButton(tr("&Export"))
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.start_export)
        self.export_button.setEnabled(bool(official))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter in the passphrase exports; set once the button is inside the dialog (else Qt picks another)
        self.export_button.setDefault(True)

    def _lists(self) -> list[ListInfo]:
        try:
            return self.services.lists()
        except user_errors():
            return []

    def _on_browse_clicked(self) -> None:
        from desktop.ui.files import save_file

        name = f"lists-{self.services.today().isoformat()}.cspack"
        path = save_file(
            self, self.services, self.windowTitle(), name, tr("Data packs (*.cspack);;All files (*)")
        )
        if path is not None:
            self.file.setText(str(path))

    def start_export(self) -> None:
        target = self.file.text().strip()
        if not target:
            self.status.setText(tr("Choose where to write the data pack."))
            return
        if not self.export_button.isEnabled():
            return
        services, passphrase, path = self.services, self.passphrase.text(), Path(target)
        self.progress.setRange(0, 0)
        self.status.setText(tr("Writing and signing the data pack…"))
        self.export_button.setEnabled(False)
        self.task = self.workers.start(
            lambda _task: services.export_pack(path, passphrase), self._on_done, self._on_failed
        )

    def _on_done(self, result: PackExport) -> None:
        self.task = None
        self.passphrase.clear()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.export_button.setEnabled(True)
        self.status.setText(
            "\u2714 "
            + tr("Data pack written to {path}").format(path=str(result.path))
            + "<br>SHA-256"
            + colon()
            + result.sha256
        )
        self.export_finished.emit(result)

    def _on_failed(self, message: str) -> None:
        self.task = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.export_button.setEnabled(True)
        self.status.setText(tr("Not exported") + colon() + message)
        self.export_failed.emit(message)
