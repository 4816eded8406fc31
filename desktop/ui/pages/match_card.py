"""One possible sanctions match on screen: who matched whom and why, and a person's ruling with a reason.

Dismissing an **exact** match (an exact normalised name or an equal identifier) takes the fact that tells
the party apart: which identifying field differs, the party's value, and what the list gives. "Not a match"
stays disabled until that fact is given (the application layer checks it again).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.language import score_text
from desktop.screening.types import Decision, DifferingFact, Match, ScreeningDecision
from desktop.ui.i18n import colon, language, tr

# The identifying facts a dismissal can rest on (desktop.service.deciding.DIFFERING_FIELDS), in words.
FIELD_LABELS = {
    "date_of_birth": "Date of birth",
    "nationality": "Nationality",
    "registration": "Registration number",
    "passport": "Passport number",
    "national_id": "National ID number",
    "tax": "Tax number",
    "lei": "LEI",
    "imo": "IMO number",
    "country": "Country",
    "address": "Address",
    "other": "Other identifier",
}


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def describe_decision(decision: ScreeningDecision) -> str:
    """'Not a match — reason (Ilse Peeters, 2026-12-01 09:30); differs: …; confirmed by …' as rich text."""
    verdict = tr("It is a match") if decision.decision is Decision.MATCH else tr("Not a match")
    text = (
        f"<b>{verdict}</b> — {esc(decision.reason)} "
        f"({tr('decided by')} {esc(decision.decided_by)}, {decision.decided_at:%Y-%m-%d %H:%M})"
    )
    for fact in decision.differs:
        listed = fact.listed_value or tr("not given by the list")
        text += (
            f"<br>{tr('Differs')}{colon()}{tr(FIELD_LABELS.get(fact.field, fact.field))}{colon()}"
            f"{tr('party')} {esc(fact.party_value)}, {tr('listed')} {esc(listed)}"
        )
    if decision.confirmed_by:
        text += f"<br>{tr('Confirmed by')} {esc(decision.confirmed_by)}"
    return text


class MatchCard(QFrame):
    """One possible match; `decided` carries (match, decision value, reason, differing facts)."""

    decided = Signal(object, str, str, object)

    def __init__(
        self,
        match: Match,
        decision: ScreeningDecision | None,
        *,
        exact: bool,
        listed: dict[str, list[str]] | None = None,
        known: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.match = match
        self.exact = exact
        self.listed = listed or {}
        self.known = known or {}  # the party's own identifying facts as entered in the lot
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        strength = tr("exact match") if exact else tr("possible match")
        title = QLabel(
            f"<b>{esc(match.query)}</b> \u2194 <b>{esc(match.name)}</b> &nbsp; "
            f"<span>{esc(match.list)} {esc(match.entry_id)} · {strength} · {tr('score')} {score_text(match.score, language())}</span>"
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        why = QLabel(
            tr("Why")
            + colon()
            + esc(match.why)
            + (
                f" — {tr('matched alias')} \u201c{esc(match.alias)}\u201d"
                if match.alias != match.name
                else ""
            )
            + f" — {tr('binds')} {', '.join(match.jurisdictions) or '—'}"
        )
        why.setWordWrap(True)
        why.setObjectName("pageHint")
        layout.addWidget(why)

        self.differs_box = QWidget()
        grid = QGridLayout(self.differs_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        intro = QLabel(tr("An exact match is dismissed only with the fact that tells them apart:"))
        intro.setWordWrap(True)
        grid.addWidget(intro, 0, 0, 1, 3)
        self.field = QComboBox()
        self.field.setAccessibleName(tr("Identifying fact that differs"))
        for key, label in FIELD_LABELS.items():
            self.field.addItem(tr(label), key)
        self.party_value = QLineEdit()
        self.party_value.setAccessibleName(tr("The party's value"))
        self.party_value.setPlaceholderText(tr("the party's value, from its documents"))
        self.listed_value = QLineEdit()
        self.listed_value.setAccessibleName(tr("The listed value"))
        grid.addWidget(self.field, 1, 0)
        grid.addWidget(self.party_value, 1, 1)
        grid.addWidget(self.listed_value, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        layout.addWidget(self.differs_box)
        self.differs_box.setVisible(exact)
        self.field.currentIndexChanged.connect(self._on_field_changed)
        self.party_value.textChanged.connect(self._update_buttons)

        row = QHBoxLayout()
        row.setSpacing(8)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("Reason (required), e.g. different date of birth and country"))
        self.reason.setAccessibleName(tr("Reason for the decision on") + f" {match.name}")
        self.is_match = QPushButton(tr("It is a match"))
        self.not_match = QPushButton(tr("Not a match"))
        self.is_match.setAccessibleName(tr("It is a match") + colon() + f"{match.name}")
        self.not_match.setAccessibleName(tr("Not a match") + colon() + f"{match.name}")
        row.addWidget(self.reason, 1)
        row.addWidget(self.is_match)
        row.addWidget(self.not_match)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        self.reason.textChanged.connect(self._update_buttons)
        self.is_match.clicked.connect(lambda: self._decide(Decision.MATCH))
        self.not_match.clicked.connect(lambda: self._decide(Decision.NOT_A_MATCH))
        self._on_field_changed()
        if decision is not None:
            self.show_decision(decision)

    def _on_field_changed(self, _index: int = 0) -> None:
        """Offer the party's own value (from the lot) and show what the list gives for this field."""
        key = str(self.field.currentData())
        if not self.party_value.text() or self.party_value.text() in self.known.values():
            self.party_value.setText(self.known.get(key, ""))
        given = "; ".join(self.listed.get(key, []))
        self.listed_value.setText(given)
        self.listed_value.setReadOnly(bool(given))  # what the list says is not the user's to change
        self.listed_value.setPlaceholderText(
            tr("not given by the list: type it from the official entry, if you checked it")
        )
        self._update_buttons()

    def _update_buttons(self, _text: str = "") -> None:
        has_reason = bool(self.reason.text().strip())
        self.is_match.setEnabled(has_reason)
        self.not_match.setEnabled(has_reason and (not self.exact or bool(self.party_value.text().strip())))

    def differing(self) -> list[DifferingFact]:
        if not self.exact or not self.party_value.text().strip():
            return []
        return [
            DifferingFact(
                field=str(self.field.currentData()),
                party_value=self.party_value.text().strip(),
                listed_value=self.listed_value.text().strip(),
            )
        ]

    def _decide(self, decision: Decision) -> None:
        differs: Sequence[DifferingFact] = self.differing() if decision is Decision.NOT_A_MATCH else []
        self.decided.emit(self.match, decision.value, self.reason.text().strip(), list(differs))

    def show_problem(self, text: str) -> None:
        self.status.show()
        self.status.setText("\u26a0 " + esc(text))

    def show_decision(self, decision: ScreeningDecision) -> None:
        self.status.show()
        self.status.setText("\u2714 " + tr("Decided") + colon() + describe_decision(decision))
        if not self.reason.text():
            self.reason.setText(decision.reason)
        if decision.differs and not self.party_value.text():
            fact = decision.differs[0]
            self.field.setCurrentIndex(max(self.field.findData(fact.field), 0))
            self.party_value.setText(fact.party_value)
