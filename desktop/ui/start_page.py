"""The first screen: start a check, open a lot file, resume a draft, or reopen recent work."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import tr
from desktop.ui.widgets import heading, hint


class StartPage(QWidget):
    new_check_requested = Signal()
    open_lot_requested = Signal()
    verify_requested = Signal()
    restore_requested = Signal(str)  # draft key
    discard_requested = Signal(str)
    recent_requested = Signal(str)  # a lot file path or a register reference

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
        self.recent = QListWidget()
        self.recent.setAccessibleName(tr("Recent work"))
        recent_title.setBuddy(self.recent)
        self.recent.itemActivated.connect(self._on_recent_activated)
        layout.addWidget(recent_title)
        layout.addWidget(self.recent, 4)
        self.recent_empty = hint(tr("Nothing yet. Your checks and attestations will be listed here."))
        self.recent_empty.hide()
        layout.addWidget(self.recent_empty)
        # Takes the free space when the list is hidden, so the page does not spread out into gaps.
        layout.addStretch(1)
        self._targets: list[str] = []
        self.setMaximumWidth(16777215)
        for child in (self.recent, self.restore_frame):
            child.setMaximumWidth(1100)

    def show_draft(self, key: str | None, description: str = "") -> None:
        self._draft_key = key or ""
        self.restore_frame.setVisible(bool(key))
        self.restore_label.setText(
            tr("An unfinished check was saved automatically") + (f": {description}" if description else ".")
        )

    def set_recent(self, items: list[tuple[str, str]]) -> None:
        """(text, target) pairs: a lot file path, or a register reference."""
        self.recent.clear()
        self._targets = [target for _text, target in items]
        for text, _target in items:
            self.recent.addItem(text)
        self.recent.setVisible(bool(items))
        self.recent_empty.setVisible(not items)

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        row = self.recent.row(item)
        if 0 <= row < len(self._targets):
            self.recent_requested.emit(self._targets[row])
