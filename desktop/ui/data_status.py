"""The data status line and warning banner: rule pack version, each list's age, missing official lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.ui.i18n import tr

STALE_AFTER_DAYS = 30


@dataclass(frozen=True)
class DataStatus:
    pack: str  # "clearstone-rules 2026.11 (as of 2026-11-20)" or why it is missing
    lists: list[tuple[str, int | None, bool]]  # (list id, age in days or None, bundled)
    warnings: list[str]


def describe_status(
    pack: Any, lists: Sequence[Any], jurisdictions: Sequence[str], today: date, pack_error: str = ""
) -> DataStatus:
    """Plain data from the services' answers, so the wording is tested without a window."""
    warnings: list[str] = []
    if pack is not None:
        rules = pack.pack
        pack_text = f"{rules.id} {rules.version} ({tr('as of')} {rules.as_of.isoformat()})"
        if pack.notice:
            warnings.append(pack.notice)
    else:
        pack_text = tr("no rule pack") + (f": {pack_error}" if pack_error else "")
        warnings.append(tr("No rule pack is loaded; checks cannot run."))
    rows: list[tuple[str, int | None, bool]] = []
    for info in lists:
        age = (today - info.as_of).days if info.as_of else None
        rows.append((info.id, age, bool(info.bundled)))
        if age is None or age > STALE_AFTER_DAYS:
            warnings.append(
                tr("List {list} is {days} days old: import the current official file.").format(
                    list=info.id, days=age if age is not None else "?"
                )
                if age is not None
                else tr("List {list} has no date.").format(list=info.id)
            )
    covered = {j for info in lists if not info.bundled for j in info.jurisdictions}
    missing = [j for j in jurisdictions if j not in covered]
    if missing:
        warnings.append(
            tr(
                "No official sanctions list loaded for {codes}: import one (Data → Import sanctions lists)."
            ).format(codes=", ".join(missing))
        )
    return DataStatus(pack_text, rows, warnings)


class StatusStrip(QFrame):
    """Always visible at the bottom of the window."""

    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        self.pack = QLabel(tr("Rules: loading…"))
        self.lists = QLabel(tr("Lists: loading…"))
        self.pack.setAccessibleName(tr("Rule pack"))
        self.lists.setAccessibleName(tr("Sanctions lists"))
        self.lists.setWordWrap(False)
        layout.addWidget(self.pack)
        layout.addWidget(QLabel("·"))
        layout.addWidget(self.lists, 1)

    def show_status(self, status: DataStatus) -> None:
        self.pack.setText(tr("Rules") + ": " + status.pack)
        parts = [
            f"{list_id} {tr('bundled') if bundled else (str(age) + ' ' + tr('d') if age is not None else '?')}"
            for list_id, age, bundled in status.lists
        ]
        self.lists.setText(tr("Lists") + ": " + (", ".join(parts) if parts else tr("none loaded")))

    def show_error(self, message: str) -> None:
        self.lists.setText(tr("Lists") + ": " + message)


class WarningBanner(QFrame):
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(tr("Data warning"))
        self.button = QPushButton(tr("&Import lists…"))
        self.button.clicked.connect(self.import_requested)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_warnings(self, warnings: list[str]) -> None:
        self.text.setText("\u26a0 " + "<br>\u26a0 ".join(warnings) if warnings else "")
        self.setVisible(bool(warnings))
