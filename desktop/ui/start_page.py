"""The first screen: start a check, open a lot file, resume a draft, reopen recent work, and — on a fresh
install without official lists — get them (update now, import a data pack or folder, or later)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import tr
from desktop.ui.widgets import heading, hint, verdict_text

if TYPE_CHECKING:  # the window opens before the application layer's modules are loaded
    from desktop.service.records import WorkRow


class StartPage(QWidget):
    new_check_requested = Signal()
    open_lot_requested = Signal()
    verify_requested = Signal()
    restore_requested = Signal(str)  # draft key
    discard_requested = Signal(str)
    recent_requested = Signal(str)  # a lot file path or a register reference
    details_requested = Signal(str)  # a register reference: show the record itself (its JSON)
    update_requested = Signal()
    import_lists_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 24)
        layout.setSpacing(16)
        layout.addWidget(heading(tr("Check a diamond lot")))
        layout.addWidget(
            hint(
                tr(
                    "Enter the lot step by step; Clearstone applies each jurisdiction's rules and screens the "
                    "counterparty, then signs an attestation the buyer can verify offline."
                )
            )
        )
        self.restore_frame = QFrame()
        self.restore_frame.setObjectName("banner")
        restore = QHBoxLayout(self.restore_frame)
        restore.setContentsMargins(12, 8, 12, 8)
        self.restore_label = QLabel()
        self.restore_label.setWordWrap(True)
        self.restore_button = QPushButton(tr("&Restore draft"))
        self.discard_button = QPushButton(tr("Discard"))
        self.restore_button.setAccessibleName(tr("Restore the autosaved draft"))
        self.discard_button.setAccessibleName(tr("Discard the autosaved draft"))
        restore.addWidget(self.restore_label, 1)
        restore.addWidget(self.restore_button)
        restore.addWidget(self.discard_button)
        self.restore_frame.hide()
        self._draft_key = ""
        self.restore_button.clicked.connect(lambda: self.restore_requested.emit(self._draft_key))
        self.discard_button.clicked.connect(lambda: self.discard_requested.emit(self._draft_key))
        layout.addWidget(self.restore_frame)

        # A fresh install screens against the bundled diamond-sector list only: say so, and offer the ways
        # to get the official lists. Nothing is fetched unless the user presses "Update now".
        self.data_frame = QFrame()
        self.data_frame.setObjectName("banner")
        offer = QVBoxLayout(self.data_frame)
        offer.setContentsMargins(12, 8, 12, 8)
        self.data_label = QLabel(
            tr(
                "No official sanctions list is loaded yet: checks screen against the bundled diamond-sector "
                "list only, and attestations would have to accept that gap. Get the official lists:"
            )
        )
        self.data_label.setWordWrap(True)
        offer.addWidget(self.data_label)
        choices = QHBoxLayout()
        self.update_button = QPushButton(tr("&Update now (needs internet)"))
        self.import_lists_button = QPushButton(tr("&Import a data pack or folder…"))
        self.later_button = QPushButton(tr("&Later"))
        self.update_button.clicked.connect(self.update_requested)
        self.import_lists_button.clicked.connect(self.import_lists_requested)
        self.later_button.clicked.connect(self._on_later_clicked)
        for button in (self.update_button, self.import_lists_button, self.later_button):
            choices.addWidget(button)
        choices.addStretch(1)
        offer.addLayout(choices)
        self.data_frame.hide()
        self._later = False
        layout.addWidget(self.data_frame)

        actions = QGridLayout()
        actions.setHorizontalSpacing(12)
        self.new_button = QPushButton(tr("&New check"))
        self.new_button.setObjectName("primary")
        self.open_button = QPushButton(tr("&Open lot file…"))
        self.verify_button = QPushButton(tr("&Verify an attestation…"))
        subs = (
            tr("Start with an empty lot"),
            tr("A .lot.json from a colleague or a previous check"),
            tr("A PDF you received, or its QR text"),
        )
        for column, (button, sub) in enumerate(
            zip((self.new_button, self.open_button, self.verify_button), subs, strict=True)
        ):
            button.setMinimumHeight(40)
            actions.addWidget(button, 0, column)
            actions.addWidget(hint(sub), 1, column)
        self.new_button.clicked.connect(self.new_check_requested)
        self.open_button.clicked.connect(self.open_lot_requested)
        self.verify_button.clicked.connect(self.verify_requested)
        layout.addLayout(actions)

        recent_title = QLabel(tr("Recent &work"))
        recent_title.setObjectName("sectionTitle")
        self.recent = QTreeWidget()
        self.recent.setAccessibleName(tr("Recent work"))
        self.recent.setRootIsDecorated(False)
        self.recent.setUniformRowHeights(True)
        self.recent.setHeaderLabels(
            [tr("Lot"), tr("Seller → buyer"), tr("Verdict"), tr("Date"), tr("Attestation")]
        )
        recent_title.setBuddy(self.recent)
        self.recent.itemActivated.connect(lambda item, _column: self._on_recent_activated(item))
        self.recent.currentItemChanged.connect(lambda _item, _before: self._update_details_button())
        layout.addWidget(recent_title)
        layout.addWidget(self.recent, 4)
        details = QHBoxLayout()
        self.details_button = QPushButton(tr("Show the record (&JSON)…"))
        self.details_button.clicked.connect(self._on_details_clicked)
        self.details_button.setEnabled(False)
        details.addWidget(self.details_button)
        details.addStretch(1)
        layout.addLayout(details)
        self.recent_empty = hint(tr("Nothing yet. Your checks and attestations will be listed here."))
        self.recent_empty.hide()
        layout.addWidget(self.recent_empty)
        # Takes the free space when the list is hidden, so the page does not spread out into gaps.
        layout.addStretch(1)
        self._targets: list[str] = []
        self.setMaximumWidth(16777215)
        for child in (self.recent, self.restore_frame, self.data_frame):
            child.setMaximumWidth(1100)

    def show_draft(self, key: str | None, description: str = "") -> None:
        self._draft_key = key or ""
        self.restore_frame.setVisible(bool(key))
        self.restore_label.setText(
            tr("An unfinished check was saved automatically") + (f": {description}" if description else ".")
        )

    def show_data_offer(self, fresh: bool) -> None:
        self.data_frame.setVisible(fresh and not self._later)

    def _on_later_clicked(self) -> None:
        self._later = True  # for this session; the banner keeps saying what is missing
        self.data_frame.hide()
        self.new_button.setFocus()

    def set_recent(self, files: list[tuple[str, str]], rows: list[WorkRow] | None = None) -> None:
        """Recently opened lot files (text, path), then the register's latest checks and attestations."""
        from PySide6.QtCore import Qt  # see widgets.START_UP_NOTE

        self.recent.clear()
        self._targets = []
        for text, path in files:
            item = QTreeWidgetItem([text, "", "", "", ""])
            item.setData(0, Qt.ItemDataRole.UserRole, path)
            item.setToolTip(0, path)
            self.recent.addTopLevelItem(item)
        for row in rows or []:
            item = QTreeWidgetItem(
                [
                    row.lot_id,
                    row.counterparty,
                    verdict_text(row.verdict) if row.verdict else "",
                    row.at[:10],
                    row.number or "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.ref)
            self.recent.addTopLevelItem(item)
        for column in (0, 2, 3, 4):
            self.recent.resizeColumnToContents(column)
        shown = self.recent.topLevelItemCount() > 0
        self.recent.setVisible(shown)
        self.details_button.setVisible(shown)
        self.recent_empty.setVisible(not shown)
        self._update_details_button()

    def target(self, item: QTreeWidgetItem | None) -> str:
        from PySide6.QtCore import Qt  # see widgets.START_UP_NOTE

        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, str) else ""

    def _update_details_button(self) -> None:
        ref = self.target(self.recent.currentItem())
        self.details_button.setEnabled(ref.startswith(("assessment:", "attestation:")))

    def _on_recent_activated(self, item: QTreeWidgetItem) -> None:
        target = self.target(item)
        if target:
            self.recent_requested.emit(target)

    def _on_details_clicked(self) -> None:
        ref = self.target(self.recent.currentItem())
        if ref:
            self.details_requested.emit(ref)
