"""The data status line and warning banner: rule pack version, each list's age, missing official lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.ui.i18n import labelled, tr

if TYPE_CHECKING:  # the window opens before the application layer's modules are loaded
    from desktop.service.status import DataStatus


@dataclass(frozen=True)
class StatusText:
    pack: str  # "clearstone-rules 2026.11 (as of 2026-11-20)" or why it is missing
    lists: list[tuple[str, int | None, bool]]  # (list id, age in days or None, bundled)
    warnings: list[str]


def describe_status(status: DataStatus) -> StatusText:
    """The application layer's data status in the user's words (tested without a window)."""
    warnings: list[str] = list(status.notices)
    if status.pack is not None:
        rules = status.pack.pack
        pack_text = f"{rules.id} {rules.version} ({tr('as of')} {rules.as_of.isoformat()})"
    else:
        pack_text = tr("no rule pack") + (f": {status.pack_error}" if status.pack_error else "")
        warnings.append(tr("No rule pack is loaded; checks cannot run."))
    rows: list[tuple[str, int | None, bool]] = []
    for row in status.lists:
        info = row.info
        rows.append((info.id, row.age_days, info.bundled))
        if row.current:
            continue
        if row.age_days is None:
            warnings.append(
                tr("List {list} gives no publication date: it cannot count as current.").format(list=info.id)
            )
        else:
            warnings.append(
                tr("List {list} is {days} days old: import the current official file.").format(
                    list=info.id, days=row.age_days
                )
            )
    missing = [c.code for c in status.gaps if not c.lists]
    if missing:
        warnings.append(
            tr(
                "No official sanctions list loaded for {codes}: update the lists or import a data pack (Data menu)."
            ).format(codes=", ".join(missing))
        )
    return StatusText(pack_text, rows, warnings)


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
        self.person = QLabel()
        self.person.setAccessibleName(tr("Person deciding"))
        layout.addWidget(self.pack)
        layout.addWidget(QLabel("·"))
        layout.addWidget(self.lists, 1)
        layout.addWidget(self.person)

    def show_status(self, status: StatusText) -> None:
        self.pack.setText(labelled("Rules", status.pack))
        parts = [
            f"{list_id} {tr('bundled') if bundled else (str(age) + ' ' + tr('d') if age is not None else '?')}"
            for list_id, age, bundled in status.lists
        ]
        self.lists.setText(labelled("Lists", ", ".join(parts) if parts else tr("none loaded")))

    def show_person(self, person: str) -> None:
        self.person.setText(labelled("Deciding", person) if person else tr("Nobody chosen to decide"))

    def show_error(self, message: str) -> None:
        self.lists.setText(labelled("Lists", message))


class WarningBanner(QFrame):
    import_requested = Signal()
    update_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(tr("Data warning"))
        self.update_button = QPushButton(tr("Update lists…"))
        self.button = QPushButton(tr("Import lists…"))
        self.update_button.clicked.connect(self.update_requested)
        self.button.clicked.connect(self.import_requested)
        layout.addWidget(self.text, 1)
        for button in (self.update_button, self.button):
            button.setAutoDefault(False)
            layout.addWidget(button)
        self.focus_set = False
        self.hide()

    def _tab_focus_only(self) -> None:
        # No mnemonics and no focus by click or by default: the banner is never where the cursor lands when
        # the widget that had it goes away (issue 16); Tab still reaches its buttons. Set when the banner is
        # first shown, which is after the window: see widgets.START_UP_NOTE.
        from PySide6.QtCore import Qt

        for button in (self.update_button, self.button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.focus_set = True

    def show_warnings(self, warnings: list[str]) -> None:
        if warnings and not self.focus_set:
            self._tab_focus_only()
        self.text.setText("\u26a0 " + "<br>\u26a0 ".join(warnings) if warnings else "")
        self.setVisible(bool(warnings))
