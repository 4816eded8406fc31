"""Step 6: the verdict per jurisdiction, every finding with its legal source, and a way to fix each open item."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.assessment import Assessment, review_resolutions
from desktop.rules.language import score_text
from desktop.rules.result import Finding, Level, Verdict, shared_notes
from desktop.screening.types import ScreeningDecision, decision_key
from desktop.ui.i18n import colon, finding_text, language, tr
from desktop.ui.pages.base import StepPage
from desktop.ui.pages.lot_page import reason_text
from desktop.ui.pages.match_card import describe_decision
from desktop.ui.services import user_errors
from desktop.ui.theme import verdict_style
from desktop.ui.widgets import verdict_chip, verdict_text
from desktop.ui.workers import Task
from desktop.wizard import STEP_TITLES, Step, step_for_finding

STEP_NAMES = STEP_TITLES  # the wizard package names its steps; the window translates them


def gate_text(verdict: Verdict) -> str:
    """What the verdict means for the attestation, in the user's language."""
    return {
        Verdict.CLEARED: "\u2714 " + tr("Ready to attest: nothing prevents this transaction."),
        Verdict.NEEDS_EVIDENCE: tr(
            "Cannot be attested yet: hold the documents named below, then check again."
        ),
        Verdict.REVIEW: tr("Cannot be attested yet: a person must decide each item marked Needs review."),
        Verdict.BLOCKED: tr("Cannot be attested: the transaction is blocked by the rules shown below."),
    }[verdict]


def footer_text(verdict: Verdict) -> str:
    """Beside the disabled Attest button: why it is disabled, pointing up at the page (the gate above says
    the same at the top, where the items follow)."""
    return {
        Verdict.CLEARED: "",
        Verdict.NEEDS_EVIDENCE: tr("Attest is unavailable until the documents named above are held."),
        Verdict.REVIEW: tr(
            "Attest is unavailable until a person decides each item marked Needs review above."
        ),
        Verdict.BLOCKED: tr("Attest is unavailable: the transaction is blocked by the rules shown above."),
    }[verdict]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ReviewPage(StepPage):
    step = Step.REVIEW
    title = "Review"
    description = "What each jurisdiction's rules say about this lot on the transaction date, and why."

    check_started = Signal()
    check_finished = Signal(str)  # the verdict
    check_failed = Signal(str)
    fix_requested = Signal(object)  # the Step to go to

    def build(self) -> None:
        self.assessment_id: int | None = None
        self._generation = 0
        top = QHBoxLayout()
        self.verdict_holder = QHBoxLayout()
        top.addLayout(self.verdict_holder)
        self.summary = QLabel(tr("Not checked yet."))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(tr("Check summary"))
        top.addWidget(self.summary, 1)
        self.recheck = QPushButton(tr("&Check again"))
        self.recheck.clicked.connect(self.check_now)
        top.addWidget(self.recheck, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(top)
        self.gate = QLabel()
        self.gate.setWordWrap(True)
        self.gate.setAccessibleName(tr("Attestation status"))
        self.layout_.addWidget(self.gate)
        self.results = QVBoxLayout()
        self.results.setSpacing(10)
        self.layout_.addLayout(self.results)
        self._result_widgets: list[QWidget] = []
        self.fix_buttons: list[QPushButton] = []
        self.decide_buttons: list[QPushButton] = []
        self.confirm_buttons: list[QPushButton] = []

    def entered(self) -> None:
        if self.checklist.assessment is None:
            self.check_now()
        else:
            self.show_assessment()

    def check_now(self) -> None:
        lot = self.checklist.lot
        if lot is None:
            self.summary.setText(tr("The lot is not complete; go back to the steps marked with a dot."))
            return
        self._generation += 1
        generation = self._generation
        decisions = self.checklist.decisions
        services = self.services
        self._clear()
        self.summary.setText(tr("Checking the lot against the rules and the sanctions lists…"))
        self.recheck.setEnabled(False)
        self.check_started.emit()

        def work(_task: Task) -> tuple[Assessment, int | None]:
            assessment = services.assess(lot, decisions)
            return assessment, services.record_check(assessment, decisions)

        self.workers.start(
            work,
            lambda result: self._on_checked(generation, *result),
            lambda message: self._on_failed(generation, message),
        )

    def _on_checked(self, generation: int, assessment: Assessment, assessment_id: int | None) -> None:
        self.recheck.setEnabled(True)
        if generation != self._generation or not self.checklist.is_of_this_lot(assessment):
            return  # the lot changed while it was being checked
        self.assessment_id = assessment_id
        self.checklist.set_assessment(assessment)
        self.show_assessment()
        self.check_finished.emit(assessment.verdict.value)

    def _on_failed(self, generation: int, message: str) -> None:
        self.recheck.setEnabled(True)
        if generation != self._generation:
            return
        self.summary.setText(tr("The check could not run: ") + message)
        self.check_failed.emit(message)

    def _clear(self) -> None:
        for widget in self._result_widgets:
            widget.setParent(None)
            widget.deleteLater()
        self._result_widgets = []
        self.fix_buttons = []
        self.decide_buttons = []
        self.confirm_buttons = []
        while self.verdict_holder.count():
            item = self.verdict_holder.takeAt(0)
            held = item.widget() if item is not None else None
            if held is not None:
                held.deleteLater()
        self.gate.clear()

    def show_assessment(self) -> None:
        self._clear()
        assessment = self.checklist.assessment
        if assessment is None:
            return
        chip = verdict_chip(assessment.verdict.value)
        self.verdict_holder.addWidget(chip)
        chip.show()
        pack = assessment.rule_pack
        self.summary.setText(
            tr("Rules in force on {date}; rule pack {pack} {version} (as of {as_of}).").format(
                date=assessment.date.isoformat(),
                pack=pack.id,
                version=pack.version,
                as_of=pack.as_of.isoformat(),
            )
        )
        self.gate.setText(gate_text(assessment.verdict))
        ok = self.checklist.attest_refusal() is None
        self.gate.setStyleSheet(f"color: {'#1a7f37' if ok else '#cf222e'}; font-weight: 600;")
        results = list(assessment.jurisdictions.values())
        shared = shared_notes(results)
        names = self.services.jurisdiction_names(language())
        why = {
            r.code: ", ".join(reason_text(x.kind, x.country) for x in r.reasons) for r in assessment.regimes
        }
        for code, result in assessment.jurisdictions.items():
            own = [f for f in result.findings if (f.rule, f.summary) not in shared]
            title = f"{code} · {names.get(code, code)}" + (f" ({why[code]})" if code in why else "")
            self._add(self._jurisdiction_box(code, title, result.verdict.value, own))
        if shared:
            self._add(self._notes_box([f for f in results[0].findings if (f.rule, f.summary) in shared]))
        self._add(self._screening_box(assessment))

    def _add(self, widget: QWidget) -> None:
        self.results.addWidget(widget)
        widget.show()
        self._result_widgets.append(widget)

    def _jurisdiction_box(self, code: str, title: str, verdict: str, findings: list[Finding]) -> QWidget:
        box = QGroupBox(f"{title} — {verdict_text(verdict)}")
        box.setAccessibleName(tr("Jurisdiction") + f" {code}: {verdict_text(verdict)}")
        layout = QVBoxLayout(box)
        ordered = sorted(findings, key=lambda f: -f.outcome.rank)
        for finding in ordered:
            layout.addWidget(self._finding_row(finding))
        if not findings:
            layout.addWidget(QLabel(tr("No rule applies to this lot.")))
        return box

    def _notes_box(self, findings: list[Finding]) -> QWidget:
        """Warnings and notes that every jurisdiction carries, shown once."""
        box = QGroupBox(tr("Every jurisdiction"))
        box.setAccessibleName(tr("Every jurisdiction"))
        layout = QVBoxLayout(box)
        for finding in findings:
            layout.addWidget(self._finding_row(finding))
        return box

    def _finding_row(self, finding: Finding) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 4, 0, 4)
        text = QVBoxLayout()
        muted = finding.outcome is Verdict.CLEARED
        summary = QLabel(("" if muted else "<b>") + _esc(finding_text(finding)) + ("" if muted else "</b>"))
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(summary)
        detail = f"{_esc(finding.rule)} · {tr('Source')}{colon()}{_esc(finding.source)}"
        if finding.evidence_needed is not None:
            detail += f"<br>{tr('Needed')}{colon()}{_esc(finding.evidence_needed.text)}"
        source = QLabel(detail)
        source.setObjectName("pageHint")
        source.setWordWrap(True)
        text.addWidget(source)
        if muted and finding.level is not Level.DECISIVE:
            chip = verdict_chip("cleared")
            warning = finding.level is Level.WARNING
            chip.setText(tr("Caution") if warning else tr("Note"))
            chip.setStyleSheet(verdict_style("needs_evidence" if warning else "note"))
        else:
            chip = verdict_chip(finding.outcome.value)
        chip.setMinimumWidth(110)
        chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        line.addWidget(chip, 0, Qt.AlignmentFlag.AlignTop)
        line.addLayout(text, 1)
        if review_resolutions(finding):
            decide = QPushButton(tr("Decide…"))
            decide.setAccessibleName(tr("Decide…") + f" {finding.rule}")
            decide.clicked.connect(lambda: self._decide(finding))
            line.addWidget(decide, 0, Qt.AlignmentFlag.AlignTop)
            self.decide_buttons.append(decide)
        if finding.outcome in (Verdict.NEEDS_EVIDENCE, Verdict.REVIEW):
            target = step_for_finding(finding)
            fix = QPushButton(tr("Fix") + " \u2192 " + tr(STEP_NAMES[target]))
            fix.setAccessibleName(tr("Fix") + f" {finding.rule}: " + tr(STEP_NAMES[target]))
            fix.clicked.connect(lambda: self.fix_requested.emit(finding))
            line.addWidget(fix, 0, Qt.AlignmentFlag.AlignTop)
            self.fix_buttons.append(fix)
        row.setAccessibleName(
            f"{finding.rule}: {verdict_text(finding.outcome.value)}: {finding_text(finding)}"
        )
        return row

    def _decide(self, finding: Finding) -> None:
        """A person settles a finding in review for this lot; the register keeps who, when and why."""
        from desktop.ui.dialogs.review_dialog import ReviewDialog
        from desktop.ui.services import user_errors

        lot = self.checklist.lot
        if lot is None:
            return
        dialog = ReviewDialog(finding, self.services.settings().people, self.services.decided_by(), self)
        if dialog.exec() != ReviewDialog.DialogCode.Accepted:
            return
        resolution, reason, person = dialog.chosen()
        try:
            self.services.resolve_review(
                finding,
                lot_id=lot.lot_id,
                resolution=resolution,
                reason=reason,
                decided_by=person,
                assessment_id=self.assessment_id,
            )
        except user_errors() as exc:
            self.summary.setText(tr("Not recorded: ") + str(exc))
            return
        self.services.user = person  # the next decision defaults to the same person
        self.check_now()

    def _screening_box(self, assessment: Assessment) -> QWidget:
        box = QGroupBox(tr("Sanctions screening"))
        layout = QVBoxLayout(box)
        screening = assessment.screening
        lists = ", ".join(
            f"{info.id} ({info.as_of.isoformat() if info.as_of else tr('no date')})"
            for info in screening.lists
        )
        layout.addWidget(QLabel(tr("Screened") + colon() + (_esc(", ".join(screening.parties)) or "—")))
        layout.addWidget(QLabel(tr("Against") + colon() + (_esc(lists) or tr("no list loaded"))))
        applied = {d.key(): d for d in screening.decisions}
        try:
            waiting = {
                d.key(): d
                for d in self.services.awaiting_confirmation(screening.matches, self.checklist.decisions)
            }
        except user_errors():
            waiting = {}
        for match in screening.matches:
            key = decision_key(match.query, match.list, match.entry_id)
            decision = applied.get(key)
            pending = waiting.get(key)
            head = (
                f"{_esc(match.query)} \u2194 {_esc(match.name)} ({match.list} {match.entry_id}, "
                f"{score_text(match.score, language())})"
            )
            if decision is not None:
                ruling = " — " + tr("decided") + colon() + describe_decision(decision)
            elif pending is not None:
                ruling = (
                    " — "
                    + describe_decision(pending)
                    + f"<br><b>{tr('awaiting confirmation by a second person')}</b>"
                )
            else:
                ruling = f" — <b>{tr('awaiting your decision')}</b>"
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 2, 0, 2)
            label = QLabel(head + ruling)
            label.setWordWrap(True)
            line.addWidget(label, 1)
            if pending is not None:
                confirm = QPushButton(tr("Confirm dismissal…"))
                confirm.setAccessibleName(tr("Confirm dismissal") + colon() + f"{match.name}")
                confirm.clicked.connect(
                    lambda _on=False, d=pending, n=match.name: self.confirm_dismissal(d, listed=n)
                )
                line.addWidget(confirm, 0, Qt.AlignmentFlag.AlignTop)
                self.confirm_buttons.append(confirm)
            layout.addWidget(row)
        if not screening.matches:
            layout.addWidget(QLabel(tr("No possible match.")))
        return box

    def confirm_dismissal(
        self, decision: ScreeningDecision, person: str | None = None, *, listed: str = ""
    ) -> bool:
        """Four eyes: a second person (not the one who decided) confirms the dismissal; then check again."""
        from desktop.ui.dialogs.person_dialog import PersonDialog

        if person is None:
            dialog = PersonDialog(
                self.services.people(),
                "",
                title=tr("Confirm a dismissal"),
                intro=tr(
                    "{who} decided that «{party}» is not {name} ({list} {entry}). A second person confirms "
                    "this before the lot can be attested."
                ).format(
                    who=decision.decided_by,
                    party=decision.party,
                    name=listed or decision.entry_id,
                    list=decision.list,
                    entry=decision.entry_id,
                )
                + "\n"
                + tr("Reason")
                + colon()
                + decision.reason,
                excluded=decision.decided_by,
                parent=self,
            )
            if dialog.exec() != PersonDialog.DialogCode.Accepted:
                return False
            person = dialog.chosen()
        try:
            confirmed = self.services.confirm_dismissal(decision, person)
        except user_errors() as exc:
            self.summary.setText(tr("Not recorded: ") + str(exc))
            return False
        self.checklist.record_decision(confirmed)
        self.check_now()
        return True
