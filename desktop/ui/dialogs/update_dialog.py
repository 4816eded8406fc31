"""Data → Update lists: fetch the official lists from their publishers, one progress bar per source, cancel,
the result of each source, and any new hit the re-screening of past checks found.

This is the program's only network access, and it happens only here, when the user presses the button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.ui.i18n import colon, tr
from desktop.ui.services import Services, user_errors
from desktop.ui.widgets import dialog_body
from desktop.ui.workers import Task, Workers

if TYPE_CHECKING:
    from desktop.service.lists import UpdateResult


def new_hit_text(change: object) -> str:
    """A past check whose party now matches a listed entry, in the user's words."""
    lot = getattr(change, "lot_id", "")
    attestation = getattr(change, "attestation", None)
    text = tr("New possible hit: lot {lot}, «{party}» resembles {name} ({list} {entry})").format(
        lot=lot,
        party=getattr(change, "party", ""),
        name=getattr(change, "listed_name", ""),
        list=getattr(change, "list", ""),
        entry=getattr(change, "entry_id", ""),
    )
    return text + (f" — {tr('attestation')} {attestation}" if attestation else "")


class UpdateDialog(QDialog):
    update_finished = Signal(object)  # UpdateResult
    update_failed = Signal(str)

    def __init__(self, services: Services, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.workers = workers
        self.task: Task | None = None
        layout = dialog_body(
            self,
            tr("Update sanctions lists"),
            720,
            460,
            tr(
                "Downloads the official lists from their publishers over the internet. This is the only "
                "time Clearstone goes online, and only when you ask; nothing about your checks is sent. "
                "The lists are installed together, or none if one fails."
            ),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.bars: dict[str, QProgressBar] = {}
        self.results: dict[str, QLabel] = {}
        try:
            sources = services.list_sources_named()
        except user_errors() as exc:
            sources = []
            layout.addWidget(QLabel(str(exc)))
        for row, (list_id, publisher) in enumerate(sources):
            name = QLabel(f"<b>{list_id}</b>")
            name.setToolTip(publisher)
            bar = QProgressBar()
            bar.setAccessibleName(tr("Download progress") + f" {list_id}")
            bar.setRange(0, 1)
            bar.setValue(0)
            result = QLabel(tr("not started"))
            result.setWordWrap(True)
            result.setAccessibleName(tr("Result") + f" {list_id}")
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(result, row, 2)
            self.bars[list_id] = bar
            self.results[list_id] = result
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 2)
        layout.addLayout(grid)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Update status"))
        layout.addWidget(self.status)
        self.hits = QLabel()
        self.hits.setWordWrap(True)
        self.hits.setObjectName("problem")
        self.hits.setAccessibleName(tr("New hits in past checks"))
        layout.addWidget(self.hits)
        layout.addStretch(1)
        row_buttons = QHBoxLayout()
        self.start_button = QPushButton(tr("&Update now (needs internet)"))
        self.start_button.setObjectName("primary")
        self.cancel_button = QPushButton(tr("&Cancel update"))
        self.cancel_button.setEnabled(False)
        self.start_button.clicked.connect(self.start_update)
        self.cancel_button.clicked.connect(self.cancel)
        row_buttons.addWidget(self.start_button)
        row_buttons.addWidget(self.cancel_button)
        row_buttons.addStretch(1)
        layout.addLayout(row_buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def start_update(self) -> None:
        services = self.services

        def work(task: Task) -> UpdateResult:
            return services.update_lists(
                lambda list_id, done, total: task.tell(done, total, list_id), lambda: task.cancelled
            )

        for list_id, bar in self.bars.items():
            bar.setRange(0, 0)  # busy until the server says how much
            self.results[list_id].setText(tr("waiting…"))
        self.hits.clear()
        self.status.setText(tr("Downloading…"))
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.task = self.workers.start(work, self._on_done, self._on_failed, self._on_progress)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancelled = True
            self.status.setText(tr("Cancelling…"))

    def _on_progress(self, done: int, total: int, list_id: str) -> None:
        bar = self.bars.get(list_id)
        if bar is None:
            return
        if total > 0:
            bar.setRange(0, total)
            bar.setValue(min(done, total))
        self.results[list_id].setText(tr("{kb} kB received").format(kb=f"{done // 1024:,}"))

    def _finish(self) -> None:
        self.task = None
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        for bar in self.bars.values():
            if bar.maximum() == 0:
                bar.setRange(0, 1)

    def _on_done(self, result: UpdateResult) -> None:
        self._finish()
        for outcome in result.outcomes:
            list_id = outcome.source.id
            info = outcome.info
            published = info.as_of.isoformat() if info.as_of else tr("no publication date")
            text = (
                tr("updated: published {date}, {entries} entries")
                if outcome.status == "updated"
                else tr("unchanged: published {date}, {entries} entries")
            ).format(date=published, entries=f"{info.entries:,}")
            if list_id in self.results:
                self.results[list_id].setText("\u2714 " + text)
                self.bars[list_id].setRange(0, 1)
                self.bars[list_id].setValue(1)
        rescreen = result.rescreen
        if rescreen.error:
            self.hits.setText(
                tr("The lists are installed, but past checks could not be screened again")
                + colon()
                + rescreen.error
            )
        elif rescreen.new_hits:
            self.hits.setText("<br>".join("\u26a0 " + new_hit_text(c) for c in rescreen.new_hits))
        self.status.setText(
            tr("Lists updated; past checks screened again.")
            if result.changed
            else tr("Every list was already current; nothing changed.")
        )
        self.update_finished.emit(result)

    def _on_failed(self, message: str) -> None:
        cancelled = self.task is not None and self.task.cancelled
        self._finish()
        for list_id, label in self.results.items():
            if not label.text().startswith("\u2714"):
                label.setText("—")
            self.bars[list_id].setValue(0)
        self.status.setText(
            tr("Update cancelled; the loaded lists are unchanged.")
            if cancelled
            else tr("Not updated; the loaded lists are unchanged") + colon() + message
        )
        self.update_failed.emit(message)

    def reject(self) -> None:
        self.cancel()
        super().reject()
