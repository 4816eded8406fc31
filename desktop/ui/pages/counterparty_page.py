"""Step 4: the seller or buyer and its owners, screened against the sanctions lists as they are typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.screening.types import (
    Decision,
    DifferingFact,
    Match,
    PartyQuery,
    ScreeningDecision,
    decision_key,
)
from desktop.ui.dialogs.person_dialog import ask_person
from desktop.ui.i18n import tr
from desktop.ui.pages.base import StepPage, text_or_none
from desktop.ui.pages.match_card import MatchCard
from desktop.ui.pages.rows import RowTable
from desktop.ui.services import user_errors
from desktop.ui.widgets import CountryPicker, hint
from desktop.ui.workers import Task
from desktop.wizard import Step

SCREEN_DELAY_MS = 350


def party_facts(data: dict[str, Any], name: str) -> dict[str, str]:
    """What the lot says to identify the party or owner named `name` (the match card offers it as the
    party's value of a differing fact)."""
    wanted = name.casefold().strip()
    parties = [data.get("counterparty"), *(data.get("parties") or [])]
    candidates = [p for p in parties if isinstance(p, dict)]
    candidates += [o for p in candidates for o in p.get("owners") or [] if isinstance(o, dict)]
    for party in candidates:
        if str(party.get("name") or "").casefold().strip() != wanted:
            continue
        facts = {
            key: str(party[field])
            for key, field in (
                ("date_of_birth", "date_of_birth"),
                ("nationality", "nationality"),
                ("country", "country"),
                ("address", "address"),
                ("registration", "registration_number"),
            )
            if party.get(field)
        }
        for identifier in party.get("identifiers") or []:
            if isinstance(identifier, dict) and identifier.get("type") and identifier.get("value"):
                facts.setdefault(str(identifier["type"]), str(identifier["value"]))
        return facts
    return {}


KINDS = [("Organisation", "organization"), ("Person", "person")]


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
        """Show a card per match. A card whose match is unchanged is kept as it is; a card for the same listed
        entry (the name was edited) hands its typed reason and the cursor to its successor. Cards are never
        dropped while the user types in them: that lost the text and sent the focus to the window's first
        button (the banner's Import lists…), where a space opened the import dialog (issue 16)."""
        from PySide6.QtWidgets import QApplication

        self._matches = matches
        decisions = {d.key(): d for d in self.checklist.decisions}
        focused = QApplication.focusWidget()
        old = {decision_key(c.match.query, c.match.list, c.match.entry_id): c for c in self.match_cards}
        cards: list[MatchCard] = []
        for match in matches:
            key = decision_key(match.query, match.list, match.entry_id)
            decision = decisions.get(key)
            card = old.pop(key, None)
            if card is None:
                card = self._new_card(match, decision)
                predecessor = next(
                    (
                        c
                        for c in old.values()
                        if (c.match.list, c.match.entry_id) == (match.list, match.entry_id)
                    ),
                    None,
                )
                if predecessor is not None:
                    self._hand_over(predecessor, card, focused)
            elif decision is not None:
                card.show_decision(decision)
            self.match_area.addWidget(card)  # in the order of the matches
            card.show()  # a child added after its parent was shown stays hidden until shown
            cards.append(card)
        for gone in old.values():
            if focused is not None and (gone is focused or gone.isAncestorOf(focused)):
                self.name.setFocus()  # never let Qt pick the window's first button
            gone.setParent(None)
            gone.deleteLater()
        self.match_cards = cards

    def _new_card(self, match: Match, decision: ScreeningDecision | None) -> MatchCard:
        exact = self.services.is_exact(match)
        listed: dict[str, list[str]] = {}
        if exact:
            try:
                listed = self.services.listed_facts(match.list, match.entry_id)
            except user_errors():
                listed = {}
        known = party_facts(self.checklist.draft.data(), match.query)
        card = MatchCard(match, decision, exact=exact, listed=listed, known=known)
        card.decided.connect(self._on_match_decided)
        return card

    @staticmethod
    def _hand_over(old: MatchCard, new: MatchCard, focused: QWidget | None) -> None:
        new.reason.setText(old.reason.text())
        if old.party_value.text():
            new.field.setCurrentIndex(old.field.currentIndex())
            new.party_value.setText(old.party_value.text())
        for before, after in ((old.reason, new.reason), (old.party_value, new.party_value)):
            if focused is before:
                after.setFocus()
                after.setCursorPosition(before.cursorPosition())

    def _on_match_decided(
        self, match: Match, decision: str, reason: str, differs: list[DifferingFact]
    ) -> None:
        from desktop.service.deciding import MatchDecision

        card = next((item for item in self.match_cards if item.match is match), None)
        person = self.services.decided_by()
        if not person:
            person = ask_person(self, self.services)
            if not person:
                return
        request = MatchDecision(
            party=match.query,
            list_id=match.list,
            entry_id=match.entry_id,
            is_match=decision == Decision.MATCH.value,
            reason=reason,
            decided_by=person,
            differs=differs,
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

    def lists_changed(self) -> None:
        self._last_queries = None  # screen again with the new lists
        if self.isEnabled():
            self.screen_now()

    def undecided(self) -> list[Match]:
        keys = {d.key() for d in self.checklist.decisions}
        return [m for m in self._matches if decision_key(m.query, m.list, m.entry_id) not in keys]

    def shutdown(self) -> None:
        self._timer.stop()
        self.checklist.remove_change_listener(self._on_checklist_changed)
