"""The checklist on screen: steps down the side, the current page, Back/Next, and what is still missing."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.result import Finding
from desktop.ui.i18n import tr
from desktop.ui.pages.attest_page import AttestPage
from desktop.ui.pages.base import StepPage
from desktop.ui.pages.counterparty_page import CounterpartyPage
from desktop.ui.pages.evidence_page import EvidencePage
from desktop.ui.pages.lot_page import LotPage
from desktop.ui.pages.origin_page import OriginPage
from desktop.ui.pages.processing_page import ProcessingPage
from desktop.ui.pages.review_page import STEP_NAMES, ReviewPage, footer_text
from desktop.ui.services import Services
from desktop.ui.workers import Workers
from desktop.wizard import STEPS, Checklist, Step

PAGE_CLASSES: dict[Step, type[StepPage]] = {
    Step.LOT_TRANSACTION: LotPage,
    Step.ORIGIN: OriginPage,
    Step.PROCESSING: ProcessingPage,
    Step.COUNTERPARTY: CounterpartyPage,
    Step.EVIDENCE: EvidencePage,
    Step.REVIEW: ReviewPage,
    Step.ATTEST: AttestPage,
}


class WizardView(QWidget):
    step_changed = Signal(object)  # Step

    def __init__(
        self, checklist: Checklist, services: Services, workers: Workers, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.checklist = checklist
        self.steps = QListWidget()
        self.steps.setObjectName("stepList")
        self.steps.setAccessibleName(tr("Checklist steps"))
        self.steps.setFixedWidth(250)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.steps.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.stack = QStackedWidget()
        self.pages: dict[Step, StepPage] = {}
        for number, step in enumerate(STEPS, start=1):
            page = PAGE_CLASSES[step](checklist, services, workers)
            page.rows_changed.connect(lambda page=page: self._on_rows_changed(page))
            self.pages[step] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(f"{number}.  {tr(STEP_NAMES[step])}")
            item.setData(Qt.ItemDataRole.UserRole, step.value)
            self.steps.addItem(item)
        self.review.fix_requested.connect(self._on_fix_requested)
        self.review.check_finished.connect(self._on_check_finished)

        self.missing = QLabel()
        self.missing.setObjectName("problem")
        self.missing.setWordWrap(True)
        self.missing.setAccessibleName(tr("What is missing"))
        self.back_button = QPushButton(tr("< &Back"))
        self.next_button = QPushButton(tr("&Next >"))
        self.next_button.setObjectName("primary")
        # Alt+Left as well as the Alt+B mnemonic (setShortcut would replace the mnemonic)
        self.back_shortcut = QShortcut(QKeySequence("Alt+Left"), self, self.on_back_clicked)
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self.on_back_clicked)
        self.next_button.clicked.connect(self.on_next_clicked)
        nav = QHBoxLayout()
        nav.setContentsMargins(28, 8, 28, 12)
        nav.setSpacing(10)
        nav.addWidget(self.missing, 1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setObjectName("statusStrip")
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.stack, 1)
        right.addWidget(line)
        right.addLayout(nav)
        side = QVBoxLayout()
        side.setContentsMargins(8, 16, 0, 8)
        side.addWidget(self.steps)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(side)
        layout.addLayout(right, 1)
        self.steps.currentRowChanged.connect(self._on_step_row_changed)
        checklist.add_change_listener(self._on_checklist_changed)
        self._shown: Step | None = None
        self._sync()
        self.setTabOrder(self.steps, self.stack)

    @property
    def review(self) -> ReviewPage:
        page = self.pages[Step.REVIEW]
        assert isinstance(page, ReviewPage)
        return page

    @property
    def attest(self) -> AttestPage:
        page = self.pages[Step.ATTEST]
        assert isinstance(page, AttestPage)
        return page

    def page(self, step: Step) -> StepPage:
        return self.pages[step]

    def current_page(self) -> StepPage:
        return self.pages[self.checklist.step]

    # ----- navigation
    def on_next_clicked(self) -> None:
        if self.checklist.can_go_next():
            self.checklist.go_next()
        else:
            self.current_page().reveal_all = True
            self._sync()

    def on_back_clicked(self) -> None:
        if self.checklist.can_go_back():
            self.checklist.go_back()

    def go_to(self, step: Step) -> bool:
        if self.checklist.can_jump_to(step):
            self.checklist.jump_to(step)
            return True
        self._sync()
        return False

    def _on_step_row_changed(self, row: int) -> None:
        if 0 <= row < len(STEPS) and STEPS[row] is not self.checklist.step and not self.go_to(STEPS[row]):
            self.steps.setCurrentRow(self.checklist.step.position)

    def _on_fix_requested(self, finding: Finding) -> None:
        """Open the step where the finding is fixed, scroll to its field and put the cursor there."""
        step = self.checklist.resolve(finding)
        page = self.pages[step]
        page.reveal_all = True
        self._sync()
        # once the page is laid out (rows rebuilt on entering it), so the scroll lands on the right place
        QTimer.singleShot(0, lambda: page.land_on(page.field_for(finding)))

    def _on_check_finished(self, _verdict: str) -> None:
        self.attest.assessment_id = self.review.assessment_id

    def _on_checklist_changed(self, _checklist: object) -> None:
        self._sync()

    def _on_rows_changed(self, page: StepPage) -> None:
        if page is self.current_page():
            QTimer.singleShot(0, self._order_tabs)

    def _order_tabs(self) -> None:
        """The page's controls in reading order, then the navigation buttons."""
        page = self.current_page()
        page.fix_tab_order()
        order = page.reading_order()
        QWidget.setTabOrder(self.steps, order[0] if order else self.back_button)
        if order:
            QWidget.setTabOrder(order[-1], self.back_button)
        QWidget.setTabOrder(self.back_button, self.next_button)

    def refresh(self) -> None:
        self._sync()

    def lists_changed(self) -> None:
        """Lists were imported or updated: screen and check again with them."""
        counterparty = self.pages[Step.COUNTERPARTY]
        if isinstance(counterparty, CounterpartyPage):
            counterparty.lists_changed()
        if self.checklist.attested is None:
            self.checklist.forget_assessment()
            if self.checklist.step is Step.REVIEW:
                self.review.check_now()

    def _sync(self) -> None:
        step = self.checklist.step
        page = self.pages[step]
        if self._shown is not step:
            self._shown = step
            self.stack.setCurrentWidget(page)
            for other in self.pages.values():
                # hidden pages keep their mnemonics registered: disable them so Alt+letter is never ambiguous
                other.setEnabled(other is page)
            page.reload()
            page.entered()
            QTimer.singleShot(0, self._order_tabs)
            self.step_changed.emit(step)
        leftovers = page.show_problems()
        for row, each in enumerate(STEPS):
            item = self.steps.item(row)
            done = self.checklist.shows_done(each)
            reachable = self.checklist.can_jump_to(each)
            mark = "\u2714" if done else ("\u2022" if each.position < step.position or each is step else " ")
            item.setText(f"{mark}  {row + 1}. {tr(STEP_NAMES[each])}")
            flags = (
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if reachable
                else Qt.ItemFlag.NoItemFlags
            )
            item.setFlags(flags)
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(step.position)
        self.steps.blockSignals(False)
        problems = self.checklist.problems(step)
        if step is Step.REVIEW:
            assessment = self.checklist.assessment
            refused = assessment is not None and self.checklist.attest_refusal() is not None
            self.missing.setText(
                footer_text(assessment.verdict) if assessment is not None and refused else ""
            )
        elif problems:
            count = len(problems)
            first = leftovers[0] if leftovers else problems[0].text
            self.missing.setText(
                tr("{n} thing(s) to complete on this page; first: {first}").format(n=count, first=first)
                if page.reveal_all
                else tr("{n} thing(s) to complete on this page.").format(n=count)
            )
        else:
            self.missing.setText("")
        self.back_button.setEnabled(self.checklist.can_go_back())
        self.next_button.setVisible(step is not Step.ATTEST)
        self.next_button.setEnabled(
            step is not Step.ATTEST and (self.checklist.can_go_next() or bool(problems))
        )
        self.next_button.setText(tr("&Attest >") if step is Step.REVIEW else tr("&Next >"))

    def shutdown(self) -> None:
        self.checklist.remove_change_listener(self._on_checklist_changed)
        for page in self.pages.values():
            page.shutdown()
