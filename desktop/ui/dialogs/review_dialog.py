"""Settle a rule finding in `review`: who decides, what it becomes (only what it may become), and why.

Nothing is preselected: a hurried click on OK decides nothing. The reason must say what was checked (the
application layer's rule: desktop.service.deciding.check_reason).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.assessment import review_resolutions
from desktop.rules.result import Finding, Verdict
from desktop.service.deciding import check_person, check_reason
from desktop.service.errors import ServiceError
from desktop.ui.i18n import finding_text, tr
from desktop.ui.widgets import problem_and_buttons, verdict_text


def person_box(people: Sequence[str], current: str) -> QComboBox:
    """The people of this install (Settings → People), editable for someone not listed yet."""
    box = QComboBox()
    box.setEditable(True)
    for person in dict.fromkeys([current, *people]):
        if person:
            box.addItem(person)
    box.setCurrentText(current)
    box.setAccessibleName(tr("Decided &by"))
    return box


class ReviewDialog(QDialog):
    def __init__(
        self, finding: Finding, people: Sequence[str], current_person: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Decide on a finding in review"))
        self.allowed = review_resolutions(finding)
        layout = QVBoxLayout(self)
        intro = QLabel(f"<b>{finding.rule}</b> — {finding_text(finding)}")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if finding.suggested is not None:
            hint = QLabel(
                tr(
                    "Likely outcome from the sources: {outcome} (unverified — check before you decide)"
                ).format(outcome=verdict_text(finding.suggested.value))
            )
            hint.setObjectName("pageHint")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        form = QFormLayout()
        self.resolution = QComboBox()
        self.resolution.addItem(tr("Choose…"), None)
        for verdict in self.allowed:
            self.resolution.addItem(verdict_text(verdict.value), verdict.value)
        self.resolution.setCurrentIndex(0)
        self.resolution.setAccessibleName(tr("&Resolution"))
        label = QLabel(tr("&Resolution"))
        label.setBuddy(self.resolution)
        form.addRow(label, self.resolution)
        self.person = person_box(people, current_person)
        person_label = QLabel(tr("Decided &by"))
        person_label.setBuddy(self.person)
        form.addRow(person_label, self.person)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(tr("Reaso&n"))
        self.reason.setPlaceholderText(tr("Why — the source you checked, the document you hold"))
        self.reason.setTabChangesFocus(True)
        reason_label = QLabel(tr("Reaso&n"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        layout.addLayout(form)
        self.problem, self.buttons = problem_and_buttons(self, layout, "pageHint")
        self.reason.textChanged.connect(self._update)
        self.resolution.currentIndexChanged.connect(self._update)
        self.person.currentTextChanged.connect(self._update)
        self._update()

    def _problem(self) -> str:
        if self.resolution.currentData() is None:
            return tr("Choose what this finding becomes.")
        try:
            check_person(self.person.currentText())
            check_reason(self.reason.toPlainText())
        except ServiceError as exc:
            return str(exc)
        return ""

    def _update(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not problem)

    def chosen(self) -> tuple[Verdict, str, str]:
        """(resolution, reason, person)."""
        return (
            Verdict(str(self.resolution.currentData())),
            self.reason.toPlainText().strip(),
            " ".join(self.person.currentText().split()),
        )
