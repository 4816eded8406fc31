"""Step 4: the seller or buyer and its owners, screened against the sanctions lists as they are typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.screening.types import Decision, Match, PartyQuery, ScreeningDecision, decision_key
from desktop.ui.i18n import tr
from desktop.ui.pages.base import StepPage, text_or_none
from desktop.ui.pages.rows import RowTable
from desktop.ui.widgets import CountryPicker, hint
from desktop.ui.workers import Task
from desktop.wizard import Step

SCREEN_DELAY_MS = 350
KINDS = [("Organisation", "organization"), ("Person", "person")]


class MatchCard(QFrame):
    """One possible match: who matched whom and why, and the user's ruling with a reason."""

    decided = Signal(object, str, str)  # match, decision, reason

    def __init__(
        self, match: Match, decision: ScreeningDecision | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.match = match
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        strength = tr("strong match") if match.strong else tr("possible match")
        title = QLabel(
            f"<b>{_esc(match.query)}</b> \u2194 <b>{_esc(match.name)}</b> &nbsp; "
            f"<span>{_esc(match.list)} {_esc(match.entry_id)} · {strength} · {tr('score')} {match.score:.2f}</span>"
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        why = QLabel(
            tr("Why")
            + f": {_esc(match.why)}"
            + (
                f" — {tr('matched alias')} \u201c{_esc(match.alias)}\u201d"
                if match.alias != match.name
                else ""
            )
            + f" — {tr('binds')} {', '.join(match.jurisdictions) or '—'}"
        )
        why.setWordWrap(True)
        why.setObjectName("pageHint")
        layout.addWidget(why)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("Reason (required), e.g. different date of birth and country"))
        self.reason.setAccessibleName(tr("Reason for the decision on") + f" {match.name}")
        self.is_match = QPushButton(tr("It is a match"))
        self.not_match = QPushButton(tr("Not a match"))
        self.is_match.setAccessibleName(tr("It is a match") + f": {match.name}")
        self.not_match.setAccessibleName(tr("Not a match") + f": {match.name}")
        for button in (self.is_match, self.not_match):
            button.setEnabled(False)
        row.addWidget(self.reason, 1)
        row.addWidget(self.is_match)
        row.addWidget(self.not_match)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        self.reason.textChanged.connect(self._on_reason_changed)
        self.is_match.clicked.connect(lambda: self._decide(Decision.MATCH))
        self.not_match.clicked.connect(lambda: self._decide(Decision.NOT_A_MATCH))
        if decision is not None:
            self.show_decision(decision)

    def _on_reason_changed(self, text: str) -> None:
        for button in (self.is_match, self.not_match):
            button.setEnabled(bool(text.strip()))

    def _decide(self, decision: Decision) -> None:
        self.decided.emit(self.match, decision.value, self.reason.text().strip())

    def show_problem(self, text: str) -> None:
        self.status.show()
        self.status.setText("\u26a0 " + _esc(text))

    def show_decision(self, decision: ScreeningDecision) -> None:
        verdict = tr("It is a match") if decision.decision is Decision.MATCH else tr("Not a match")
        self.status.show()
        self.status.setText(
            f"\u2714 {tr('Decided')}: <b>{verdict}</b> — {_esc(decision.reason)} "
            f"({_esc(decision.decided_by)}, {decision.decided_at:%Y-%m-%d %H:%M})"
        )
        if not self.reason.text():
            self.reason.setText(decision.reason)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CounterpartyPage(StepPage):
    step = Step.COUNTERPARTY
    title = "Counterparty and owners"
    description = "Who you are dealing with and who owns them. Names are screened against the sanctions lists as you type."

    screening_started = Signal()
    screening_finished = Signal(int)  # number of possible matches
    screening_failed = Signal(str)

    def build(self) -> None:
        self._matches: list[Match] = []
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SCREEN_DELAY_MS)
        self._timer.timeout.connect(self.screen_now)
        self.checklist.add_change_listener(self._on_checklist_changed)
        self._last_queries: list[PartyQuery] | None = None

        box = QGroupBox(tr("Counterparty"))
        form = self.form()
        box.setLayout(form)
        self.bind_combo(form, "&Role", ("counterparty", "role"), [("Seller", "seller"), ("Buyer", "buyer")])
        self.bind_combo(form, "&Kind", ("counterparty", "kind"), KINDS)
        self.name = self.bind_line(form, "Na&me", ("counterparty", "name"), required=True)
        self.bind_country(form, "C&ountry", ("counterparty", "country"))
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(tr("other names, separated by ;"))
        alias_error = self._row(form, "&Also known as", self.aliases, ("counterparty", "aliases"))
        self.aliases.textEdited.connect(self._on_aliases_edited)
        self.bind_custom(("counterparty", "aliases"), self.aliases, self._load_aliases, alias_error)
        self.bind_line(form, "Re&gistration no.", ("counterparty", "registration_number"))
        self.bind_line(form, "Addr&ess", ("counterparty", "address"))
        self.layout_.addWidget(box)

        owners = QGroupBox(tr("Owners"))
        layout = QVBoxLayout(owners)
        self.owners = RowTable([tr("Name"), tr("Kind"), tr("Country"), tr("Share %")], [4, 2, 3, 1, 0])
        layout.addWidget(self.owners)
        buttons = QHBoxLayout()
        self.add_owner = QPushButton(tr("Add an o&wner"))
        self.add_owner.clicked.connect(self._on_add_owner_clicked)
        buttons.addWidget(self.add_owner)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.layout_.addWidget(owners)

        screening = QGroupBox(tr("Sanctions screening"))
        self.results_layout = QVBoxLayout(screening)
        self.screening_status = QLabel(tr("Type a name to screen it."))
        self.screening_status.setWordWrap(True)
        self.screening_status.setAccessibleName(tr("Screening status"))
        self.results_layout.addWidget(self.screening_status)
        self.match_area = QVBoxLayout()
        self.results_layout.addLayout(self.match_area)
        self.results_layout.addWidget(
            hint(
                tr(
                    "A possible match is not a verdict: compare the details and record your decision with a reason."
                )
            )
        )
        self.layout_.addWidget(screening)
        self.match_cards: list[MatchCard] = []

    # ----- aliases and owners
    def _on_aliases_edited(self, text: str) -> None:
        self.set_value(("counterparty", "aliases"), [a.strip() for a in text.split(";") if a.strip()])

    def _load_aliases(self, value: Any) -> None:
        text = "; ".join(value) if isinstance(value, list) else ""
        if [a.strip() for a in self.aliases.text().split(";") if a.strip()] != (value or []):
            self.aliases.setText(text)

    def _on_add_owner_clicked(self) -> None:
        self.checklist.append_item(("counterparty", "owners"), {"name": "", "kind": "organization"})
        self.reload()
        self.owners.focus_last_row()

    def reload_extra(self) -> None:
        self.clear_bindings(("counterparty", "owners"))
        self.owners.clear(tr("No owners entered. Owners with 50 % or more matter for sanctions."))
        for index, owner in enumerate(self.checklist.value(("counterparty", "owners")) or []):
            self._add_owner_row(index, owner if isinstance(owner, dict) else {})

    def _add_owner_row(self, index: int, owner: dict[str, Any]) -> None:
        base = ("counterparty", "owners", index)
        name = QLineEdit(owner.get("name") or "")
        name.setAccessibleName(tr("Owner name") + f" {index + 1}")
        name.textEdited.connect(lambda t: self.set_value((*base, "name"), t))
        kind = QComboBox()
        kind.setAccessibleName(tr("Owner kind") + f" {index + 1}")
        for text, value in KINDS:
            kind.addItem(tr(text), value)
        kind.setCurrentIndex(max(kind.findData(owner.get("kind")), 0))
        kind.currentIndexChanged.connect(lambda i: self.set_value((*base, "kind"), kind.itemData(i)))
        country = CountryPicker()
        country.setAccessibleName(tr("Owner country") + f" {index + 1}")
        country.set_code(owner.get("country"))
        country.country_changed.connect(lambda c: self.set_value((*base, "country"), c))
        share = QLineEdit(owner.get("share_percent") or "")
        share.setPlaceholderText("100")
        share.setMaximumWidth(80)
        share.setAccessibleName(tr("Owner share in percent") + f" {index + 1}")
        share.textEdited.connect(lambda t: self.set_value((*base, "share_percent"), text_or_none(t)))
        error = QLabel()
        error.setObjectName("fieldError")
        error.hide()
        self.owners.add_row(
            [name, kind, country, share],
            error,
            lambda: self._remove_owner(index),
            tr("owner") + f" {index + 1}",
        )
        self.bind_custom(base, name, lambda _v: None, error)

    def _remove_owner(self, index: int) -> None:
        self.checklist.remove_item(("counterparty", "owners"), index)
        self.reload()

    # ----- screening, off the GUI thread
    def _on_checklist_changed(self, _checklist: object) -> None:
        queries = self.services.screening_queries(self.checklist.draft.data())
        if queries != self._last_queries:
            self._timer.start()

    def entered(self) -> None:
        if self.services.screening_queries(self.checklist.draft.data()) != self._last_queries:
            self.screen_now()

    def screen_now(self) -> None:
        self._timer.stop()
        queries = self.services.screening_queries(self.checklist.draft.data())
        self._last_queries = queries
        self._generation += 1
        generation = self._generation
        if not queries:
            self._show_matches([])
            self.screening_status.setText(tr("Type a name to screen it."))
            self.screening_finished.emit(0)
            return
        self.screening_status.setText(tr("Screening…"))
        self.screening_started.emit()
        services = self.services

        def work(_task: Task) -> tuple[list[Match], list[str]]:
            found: list[Match] = []
            for query in queries:
                found.extend(services.screen(query))
            return found, [info.id for info in services.lists()]

        self.workers.start(
            work,
            lambda result: self._on_screened(generation, result[0], result[1], len(queries)),
            lambda message: self._on_screening_failed(generation, message),
        )

    def _on_screened(self, generation: int, matches: list[Match], list_ids: list[str], parties: int) -> None:
        if generation != self._generation:
            return  # the user typed on; a newer screening is under way
        self._show_matches(matches)
        lists = ", ".join(list_ids)
        if matches:
            text = tr("{n} possible match(es) — decide each one below.").format(n=len(matches))
        else:
            text = tr("No match in the loaded lists for {n} name(s).").format(n=parties)
        self.screening_status.setText(text + (f" ({tr('lists')}: {lists})" if lists else ""))
        self.screening_finished.emit(len(matches))

    def _on_screening_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.screening_status.setText(tr("Screening is not available: ") + message)
        self.screening_failed.emit(message)

    def _show_matches(self, matches: list[Match]) -> None:
        self._matches = matches
        for old in self.match_cards:
            old.setParent(None)
            old.deleteLater()
        decisions = {d.key(): d for d in self.checklist.decisions}
        self.match_cards = []
        for match in matches:
            decision = decisions.get(decision_key(match.query, match.list, match.entry_id))
            item = MatchCard(match, decision)
            item.decided.connect(self._on_match_decided)
            self.match_area.addWidget(item)
            item.show()
            self.match_cards.append(item)

    def _on_match_decided(self, match: Match, decision: str, reason: str) -> None:
        from desktop.service.deciding import MatchDecision
        from desktop.ui.services import user_errors

        card = next((item for item in self.match_cards if item.match is match), None)
        request = MatchDecision(
            party=match.query,
            list_id=match.list,
            entry_id=match.entry_id,
            is_match=decision == Decision.MATCH.value,
            reason=reason,
            decided_by=self.services.decided_by(),
        )
        try:
            ruling = self.services.match_decision(request, match)
        except user_errors() as exc:
            if card is not None:
                card.show_problem(str(exc))
            return
        self.checklist.record_decision(ruling)
        if card is not None:
            card.show_decision(ruling)

    def undecided(self) -> list[Match]:
        keys = {d.key() for d in self.checklist.decisions}
        return [m for m in self._matches if decision_key(m.query, m.list, m.entry_id) not in keys]

    def shutdown(self) -> None:
        self._timer.stop()
        self.checklist.remove_change_listener(self._on_checklist_changed)
