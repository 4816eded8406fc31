"""Step 4: both sides of the deal in plain words — who sells to you, who buys from you (you, the issuer, from
Settings) — their owners and any consignee, broker or carrier, every name screened as it is typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from desktop.ui.i18n import colon, tr
from desktop.ui.pages.base import StepPage, dotted
from desktop.ui.pages.match_card import MatchCard, esc
from desktop.ui.pages.party_form import PartyForm, others_hint
from desktop.ui.pages.rows import RowTable
from desktop.ui.services import user_errors
from desktop.ui.widgets import CountryPicker, country_name, field_error, hint
from desktop.ui.workers import Task
from desktop.wizard import Step
from desktop.wizard.sides import (
    BUYER,
    OTHER_ROLES,
    SELLER,
    ensure_side,
    from_own_stock,
    others,
    sell_from_stock,
    set_side_value,
    side_path,
)
from desktop.wizard.wording import ROLE_NAMES

SCREEN_DELAY_MS = 350
# The two sides' field labels: mnemonics only where they stay unique on the page.
SELLER_LABELS = {
    "kind": "Kind",
    "name": "Seller's na&me",
    "country": "C&ountry",
    "aliases": "&Also known as",
    "registration_number": "Re&gistration no.",
    "address": "Address",
    "date_of_birth": "Date of birth",
    "nationality": "Nationality",
    "add_owner": "Add an o&wner",
}
BUYER_LABELS = {
    "kind": "Kind",
    "name": "B&uyer's name",
    "country": "Coun&try",
    "aliases": "Also known as",
    "registration_number": "Registration no.",
    "address": "Address",
    "date_of_birth": "Date of birth",
    "nationality": "Nationality",
    "add_owner": "Add an owner",
}


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


class CounterpartyPage(StepPage):
    step = Step.COUNTERPARTY
    title = "Seller and buyer"
    description = (
        "Who sells to you and who buys from you, and who owns them. Every name is screened against the "
        "sanctions lists as you type."
    )

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

        self.issuer = QLabel()
        self.issuer.setWordWrap(True)
        self.issuer.setAccessibleName(tr("You, the issuer"))
        self.layout_.addWidget(self.issuer)
        self.seller = PartyForm(tr("Who sells to you (your supplier)"), SELLER_LABELS)
        self.own_stock = QCheckBox(tr("No seller to name: you sell from your own stoc&k"))
        self.own_stock.setAccessibleName(tr("No seller to name: you sell from your own stock"))
        self.own_stock.toggled.connect(self._on_own_stock_toggled)
        self.own_stock_note = QLabel()
        self.own_stock_note.setObjectName("fieldError")
        self.own_stock_note.setWordWrap(True)
        self.own_stock_note.hide()
        self.seller.layout().insertWidget(0, self.own_stock)  # type: ignore[union-attr]
        self.seller.layout().insertWidget(1, self.own_stock_note)  # type: ignore[union-attr]
        self.buyer = PartyForm(tr("Who buys from you (your customer)"), BUYER_LABELS)
        self.name = self.seller.name  # the first name field, where screening and Fix land
        for side, form in ((SELLER, self.seller), (BUYER, self.buyer)):
            form.edited.connect(lambda key, value, side=side: self._on_side_edited(side, key, value))
            form.owner_edited.connect(
                lambda index, key, value, side=side: self._on_owner_edited(side, index, key, value)
            )
            form.owner_added.connect(lambda side=side: self._on_owner_added(side))
            form.owner_removed.connect(lambda index, side=side: self._on_owner_removed(side, index))
            self.layout_.addWidget(form)
        self.seller_note = hint(
            tr(
                "The buyer is the other side of this deal: the attestation names it, and its country's rules apply."
            )
        )
        self.layout_.addWidget(self.seller_note)

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

        others = QGroupBox(tr("Others in the deal (optional)"))
        others_layout = QVBoxLayout(others)
        others_layout.addWidget(others_hint())
        self.others = RowTable([tr("Role"), tr("Name"), tr("Country")], [2, 4, 3, 0])
        others_layout.addWidget(self.others)
        others_buttons = QHBoxLayout()
        self.add_other = QPushButton(tr("Add a consignee, b&roker or carrier"))
        self.add_other.clicked.connect(self._on_add_other_clicked)
        others_buttons.addWidget(self.add_other)
        others_buttons.addStretch(1)
        others_layout.addLayout(others_buttons)
        self.layout_.addWidget(others)
        self._others_count = -1

    # ----- the two sides, routed to where the lot keeps them (desktop.wizard.sides)
    def _on_side_edited(self, side: str, key: str, value: Any) -> None:
        before = side_path(self.checklist.draft.data(), side)
        path = set_side_value(self.checklist, side, key, value)
        self._touched.add(dotted((*path, key)))
        if side_path(self.checklist.draft.data(), side) != before:
            self.reload()  # the buyer was created or dropped: its fields are bound to its new place

    def _on_owner_edited(self, side: str, index: int, key: str, value: Any) -> None:
        path = side_path(self.checklist.draft.data(), side)
        if path is not None:
            self.set_value((*path, "owners", index, key), value)

    def _on_owner_added(self, side: str) -> None:
        path = ensure_side(self.checklist, side)
        self.checklist.append_item((*path, "owners"), {"name": "", "kind": "organization"})
        self.reload()
        (self.seller if side == SELLER else self.buyer).focus_last_owner()

    def _on_owner_removed(self, side: str, index: int) -> None:
        path = side_path(self.checklist.draft.data(), side)
        if path is not None:
            self.checklist.remove_item((*path, "owners"), index)
            self.reload()

    def _on_own_stock_toggled(self, on: bool) -> None:
        try:
            sell_from_stock(self.checklist, on)
        except ValueError:
            with QSignalBlocker(self.own_stock):
                self.own_stock.setChecked(False)
            self.own_stock_note.setText(
                tr(
                    "Clear the seller's name first: a seller is entered, so the goods are not from your stock."
                )
            )
            self.own_stock_note.show()
            return
        self.own_stock_note.hide()
        self.reload()

    # ----- others in the deal: consignee, broker, carrier
    def _on_add_other_clicked(self) -> None:
        self.checklist.append_item(("parties",), {"role": "consignee", "kind": "organization", "name": ""})
        self.reload()
        self.others.focus_last_row()

    def _other_row(self, index: int, party: dict[str, Any]) -> None:
        base = ("parties", index)
        number = f" {len(self._other_names) + 1}"
        role = QComboBox()
        role.setAccessibleName(tr("Role of other party") + number)
        for key in OTHER_ROLES:
            role.addItem(tr(ROLE_NAMES[key]), key)
        role.setCurrentIndex(max(role.findData(party.get("role")), 0))
        role.currentIndexChanged.connect(lambda i: self.set_value((*base, "role"), role.itemData(i)))
        name = QLineEdit(party.get("name") or "")
        name.setAccessibleName(tr("Name of other party") + number)
        name.textEdited.connect(lambda text: self.set_value((*base, "name"), text))
        country = CountryPicker()
        country.setAccessibleName(tr("Country of other party") + number)
        country.set_code(party.get("country"))
        country.country_changed.connect(lambda code: self.set_value((*base, "country"), code))
        error = field_error()
        self.others.add_row(
            [role, name, country], error, lambda: self._remove_other(index), tr("party") + number
        )
        self.bind_custom(base, name, lambda _v: None, error)
        self._other_names.append(name)
        self._other_errors.append(error)

    def _remove_other(self, index: int) -> None:
        self.checklist.remove_item(("parties",), index)
        self.reload()

    def reload_extra(self) -> None:
        data = self.checklist.draft.data()
        self.clear_bindings(("counterparty",))
        self.clear_bindings(("parties",))
        settings = self.services.settings()
        seat = (
            data.get("transaction", {}).get("issuer_country")
            if isinstance(data.get("transaction"), dict)
            else None
        )
        seat = seat or self.services.firm_country()
        self.issuer.setText(
            tr("You, the issuer")
            + colon()
            + f"<b>{esc(settings.firm_name or tr('your firm (set its name in Settings)'))}</b>"
            + (f", {esc(country_name(seat))}" if seat else "")
            + " — "
            + tr("from Settings; your country is on step 1")
        )
        stock = from_own_stock(data)
        with QSignalBlocker(self.own_stock):
            self.own_stock.setChecked(stock)
        for key, widget in self.seller.widgets.items():
            if key != "kind":
                widget.setEnabled(not stock)
        self.seller.add_owner.setEnabled(not stock)
        for side, form in ((SELLER, self.seller), (BUYER, self.buyer)):
            path = side_path(data, side)
            party = self.checklist.value(path) if path is not None else None
            form.load(party if isinstance(party, dict) else None)
            if path is None:
                continue
            for key, error in form.errors.items():
                self.bind_custom((*path, key), form.widgets[key], lambda _v: None, error)
            for index, error in enumerate(form.owner_errors):
                self.bind_custom((*path, "owners", index), form.owner_names[index], lambda _v: None, error)
        rows = others(data)
        if len(rows) != self._others_count:  # rebuilt only when rows come or go: typing keeps its field
            self._others_count = len(rows)
            self.others.clear(tr("None."))
            self._other_names: list[QLineEdit] = []
            self._other_errors: list[QLabel] = []
            for index, party in rows:
                self._other_row(index, party)
        else:
            for (index, _party), name, error in zip(rows, self._other_names, self._other_errors, strict=True):
                self.bind_custom(("parties", index), name, lambda _v: None, error)

    def field_for(self, finding: Any) -> QWidget | None:
        """A screening finding lands on the name of the party it is about (else the seller's name)."""
        section = finding.section or ""
        if section.startswith("parties"):
            return self.buyer.name
        return self.name

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
        self.screening_status.setText(text + (f" ({tr('lists')}{colon()}{lists})" if lists else ""))
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
            fresh = card is None
            if card is None:
                card = self._new_card(match, decision)
            elif decision is not None:
                card.show_decision(decision)
            self.match_area.addWidget(card)  # in the order of the matches
            card.show()  # a child added after its parent was shown stays hidden until shown
            predecessor = next(
                (c for c in old.values() if (c.match.list, c.match.entry_id) == (match.list, match.entry_id)),
                None,
            )
            if fresh and predecessor is not None:  # shown first: a hidden widget cannot take the cursor
                self._hand_over(predecessor, card, focused)
            cards.append(card)
        for gone in old.values():
            handed = QApplication.focusWidget() is not focused  # a successor took the cursor over
            if focused is not None and not handed and (gone is focused or gone.isAncestorOf(focused)):
                self.name.setFocus()  # never let Qt pick the window's first button
            gone.setParent(None)
            gone.deleteLater()
        self.match_cards = cards
        self.rows_changed.emit()

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
