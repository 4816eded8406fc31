"""Who is at the keyboard: chosen at start when several people share the computer (Settings → People).

Every decision records this person by name; nobody is ever "unknown user". A confirmation under the
four-eyes setting asks the same way for a second person, other than the one who decided.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.service.deciding import check_person
from desktop.service.errors import ServiceError
from desktop.ui.i18n import tr
from desktop.ui.services import Services
from desktop.ui.widgets import problem_and_buttons


class PersonDialog(QDialog):
    def __init__(
        self,
        people: Sequence[str],
        current: str = "",
        *,
        title: str = "",
        intro: str = "",
        excluded: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or tr("Who is deciding?"))
        self.excluded = excluded.casefold().strip()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        text = QLabel(
            intro
            or tr(
                "Decisions on sanctions matches and review items record who made them. Choose your name; "
                "the list is kept in Settings → People."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        caption = QLabel(tr("&Person"))
        self.person = QComboBox()
        self.person.setEditable(True)  # someone not listed yet types the name; Settings keeps the list
        self.person.setAccessibleName(tr("Person"))
        for name in people:
            if name.casefold().strip() != self.excluded:
                self.person.addItem(name)
        self.person.setCurrentText(current if current.casefold().strip() != self.excluded else "")
        caption.setBuddy(self.person)
        layout.addWidget(caption)
        layout.addWidget(self.person)
        self.problem, self.buttons = problem_and_buttons(self, layout)
        self.person.currentTextChanged.connect(self._update)
        self._update()

    def chosen(self) -> str:
        return " ".join(self.person.currentText().split())

    def _problem(self) -> str:
        try:
            check_person(self.person.currentText())
        except ServiceError:
            return tr("Choose or type the name of a person.")
        if self.excluded and self.chosen().casefold() == self.excluded:
            return tr("A second person must confirm: not the one who decided.")
        return ""

    def _update(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not problem)


def ask_person(parent: QWidget, services: Services) -> str:
    """Ask who is deciding (nobody is known yet); remembers the answer for this session. Empty if cancelled."""
    dialog = PersonDialog(services.people(), services.decided_by(), parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    services.user = dialog.chosen()
    return services.user
