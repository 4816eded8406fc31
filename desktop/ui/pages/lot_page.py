"""Step 1: the lot and the transaction (what, when, which jurisdictions, invoice, goods)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
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

from desktop.ui.i18n import language, tr
from desktop.ui.pages.base import LABEL_WIDTH, SHORT_FIELD_WIDTH, StepPage, text_or_none
from desktop.ui.services import user_errors
from desktop.ui.widgets import country_name
from desktop.wizard import Step


class LotPage(StepPage):
    step = Step.LOT_TRANSACTION
    title = "Lot and transaction"
    description = "What is being bought or sold, when, and under which countries' rules."

    def shutdown(self) -> None:
        self.checklist.remove_change_listener(self._on_checklist_changed)

    def build(self) -> None:
        lot_box = QGroupBox(tr("Lot"))
        form = self.form()
        lot_box.setLayout(form)
        self.lot_id = self.bind_line(form, "&Lot ID", ("lot_id",), placeholder="L-2026-0142", required=True)
        self.bind_line(
            form, "Descr&iption", ("description",), placeholder=tr("e.g. Round brilliant, 1 stone")
        )
        self.category = self.bind_combo(
            form,
            "&Category",
            ("goods", "category"),
            [
                ("Polished", "polished"),
                ("Rough", "rough"),
                ("Jewellery", "jewellery"),
                ("Unsorted", "unsorted"),
            ],
        )
        self.bind_spin(form, "Number of st&ones", ("goods", "stone_count"), 1, 10_000_000)
        self.largest = self.bind_line(
            form, "Lar&gest stone (ct)", ("goods", "largest_stone_carats"), placeholder="1.00", short=True
        )
        self.bind_line(form, "&Total weight (ct)", ("goods", "total_carats"), placeholder="1.00", short=True)
        self.bind_line(form, "HS cod&e", ("goods", "hs_code"), placeholder="7102.39", short=True)
        flags = QHBoxLayout()
        for label, key in (
            ("Lab-grown", "lab_grown"),
            ("Ind&ustrial", "industrial"),
            ("&Personal use", "personal_use"),
        ):
            flags.addWidget(self.bind_check(None, label, ("goods", key)))
        flags.addStretch(1)
        form.addRow("", _wrap(flags))
        self.layout_.addWidget(lot_box)

        deal = QGroupBox(tr("Transaction"))
        form = self.form()
        deal.setLayout(form)
        self.date = self.bind_line(
            form, "D&ate", ("transaction", "date"), placeholder="YYYY-MM-DD", required=True
        )
        self.kind = self.bind_combo(
            form,
            "&Kind",
            ("transaction", "kind"),
            [("Import", "import"), ("Purchase", "purchase"), ("Sale", "sale"), ("Export", "export")],
        )
        self.issuer = self.bind_country(form, "&Your country (issuer)", ("transaction", "issuer_country"))
        self.regimes = RegimesBox(self)
        self.jurisdiction_error = self._row(None, "Regimes", self.regimes, ("transaction", "jurisdictions"))
        caption = QLabel(tr("Rules of"))
        caption.setMinimumWidth(LABEL_WIDTH)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(caption, self.regimes)
        form.addRow("", self.jurisdiction_error)
        self.bind_custom(
            ("transaction", "jurisdictions"),
            self.regimes.adder,
            self._load_jurisdictions,
            self.jurisdiction_error,
        )
        self.regimes.added.connect(self._on_regime_added)
        self.regimes.removed.connect(self._on_regime_removed)
        self.checklist.add_change_listener(self._on_checklist_changed)
        self.bind_line(form, "Cont&ract date", ("transaction", "contract_date"), placeholder="YYYY-MM-DD")
        self.bind_country(form, "Deli&very country", ("transaction", "delivery_country"))
        self.bind_line(form, "Invoice nu&mber", ("transaction", "invoice", "number"))
        self.bind_line(form, "Invoice date", ("transaction", "invoice", "date"), placeholder="YYYY-MM-DD")
        self.bind_combo(
            form,
            "SoW &warranty",
            ("transaction", "invoice", "sow_statement"),
            [("None on the invoice", None), ("Revised (2021)", "2021"), ("Original (2002)", "2002")],
        )
        self.bind_line(form, "Supplier's SoW ID", ("transaction", "invoice", "sow_id"))
        money = QHBoxLayout()
        money.setContentsMargins(0, 0, 0, 0)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("12500.00")
        self.currency = QLineEdit()
        self.currency.setPlaceholderText("USD")
        self.currency.setMaxLength(3)
        self.currency.setMaximumWidth(70)
        self.currency.setAccessibleName(tr("Currency"))
        self.amount.setMaximumWidth(SHORT_FIELD_WIDTH)
        money.addWidget(self.amount)
        money.addWidget(self.currency)
        money.addStretch(1)
        money_holder = _wrap(money)
        value_error = self._row(form, "Value", money_holder, ("transaction", "value"))
        self.amount.setAccessibleName(tr("Value"))
        self.amount.textEdited.connect(self._on_value_edited)
        self.currency.textEdited.connect(self._on_value_edited)
        self.bind_custom(("transaction", "value"), money_holder, self._load_value, value_error)
        self.layout_.addWidget(deal)

    # ----- regimes: derived ones are fixed (with why); the dealer may add more, and remove only those
    def listed(self) -> list[str]:
        value = self.checklist.value(("transaction", "jurisdictions"))
        return [c for c in value if isinstance(c, str)] if isinstance(value, list) else []

    def _on_regime_added(self, code: str) -> None:
        if code not in self.listed():
            self.set_value(("transaction", "jurisdictions"), [*self.listed(), code])

    def _on_regime_removed(self, code: str) -> None:
        self.set_value(("transaction", "jurisdictions"), [c for c in self.listed() if c != code])
        self.regimes.adder.setFocus()  # the row and its button are gone: keep the cursor nearby

    def _load_jurisdictions(self, _value: Any) -> None:
        self.refresh_regimes()

    def _on_checklist_changed(self, _checklist: object) -> None:
        self.refresh_regimes()

    def refresh_regimes(self) -> None:
        try:
            in_scope = self.services.draft_regimes(self.checklist.draft.data())
            names = self.services.jurisdiction_names(language())
        except user_errors():
            return
        if self.regimes.show_regimes(in_scope, self.listed(), names):
            self.rows_changed.emit()

    def _on_value_edited(self) -> None:
        amount, currency = text_or_none(self.amount.text()), text_or_none(self.currency.text().upper())
        value = None if amount is None and currency is None else {"amount": amount, "currency": currency}
        self.set_value(("transaction", "value"), value)

    def _load_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for edit, key in ((self.amount, "amount"), (self.currency, "currency")):
            text = "" if value.get(key) is None else str(value[key])
            if edit.text() != text:
                edit.setText(text)


REASONS = {
    "issuer": "your seat in {country}",
    "import": "import into {country}",
    "delivery": "delivery to {country}",
    "buyer": "buyer in {country}",
    "consignee": "consignee in {country}",
    "listed": "added by you",
}


def reason_text(kind: str, country: str | None) -> str:
    """Why a regime applies, in the user's words ("buyer in United States")."""
    template = REASONS.get(kind)
    if template is None:
        return kind
    return tr(template).format(country=country_name(country) if country else "?")


class RegimesBox(QWidget):
    """The regimes a lot is checked under: those its facts bring in (fixed, each with why), and those the
    dealer adds (removable)."""

    added = Signal(str)
    removed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(2)
        layout.addLayout(self.rows)
        adder = QHBoxLayout()
        adder.setContentsMargins(0, 0, 0, 0)
        self.adder = QComboBox()
        self.adder.setAccessibleName(tr("Regime to add"))
        self.add_button = QPushButton(tr("Add regime"))
        self.add_button.setAccessibleName(tr("Add the chosen regime"))
        self.add_button.clicked.connect(self._on_add_clicked)
        adder.addWidget(self.adder, 1)
        adder.addWidget(self.add_button)
        adder.addStretch(1)
        layout.addLayout(adder)
        self.note = QLabel()
        self.note.setObjectName("pageHint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.remove_buttons: dict[str, QPushButton] = {}
        self.labels: dict[str, QLabel] = {}
        self._shown: tuple[object, ...] = ()

    def show_regimes(self, in_scope: list[Any], listed: list[str], names: dict[str, str]) -> bool:
        """Show them; False when nothing changed (the widgets, and the focus in them, are kept)."""
        derived = {r.code: r for r in in_scope if r.derived}
        state = (tuple((r.code, r.describe()) for r in in_scope), tuple(listed), tuple(names.items()))
        if state == self._shown:
            return False
        self._shown = state
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.remove_buttons, self.labels = {}, {}
        for code, name in names.items():
            regime = derived.get(code)
            if regime is not None:
                why = ", ".join(reason_text(r.kind, r.country) for r in regime.reasons if r.kind != "listed")
                self._row(code, f"\u2714 <b>{code}</b> · {name} — {why}", removable=False)
            elif code in listed:
                self._row(code, f"+ <b>{code}</b> · {name} — {reason_text('listed', None)}", removable=True)
        self.adder.clear()
        for code, name in names.items():
            if code not in derived and code not in listed:
                self.adder.addItem(f"{code} · {name}", code)
        self.adder.setEnabled(self.adder.count() > 0)
        self.add_button.setEnabled(self.adder.count() > 0)
        self.note.setText(
            tr(
                "Regimes marked \u2714 follow from the facts (your seat, the buyer, the delivery) and always apply."
            )
            if derived
            else tr(
                "No regime follows from the facts yet: give your country, the buyer's country or the delivery country, or add a regime."
            )
        )
        return True

    def _row(self, code: str, text: str, *, removable: bool) -> None:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAccessibleName(tr("Regime") + f" {code}")
        line.addWidget(label, 1)
        self.labels[code] = label
        if removable:
            remove = QPushButton(tr("Remove"))
            remove.setAccessibleName(tr("Remove regime") + f" {code}")
            remove.clicked.connect(lambda: self.removed.emit(code))
            line.addWidget(remove)
            self.remove_buttons[code] = remove
        self.rows.addWidget(row)
        row.show()

    def _on_add_clicked(self) -> None:
        code = self.adder.currentData()
        if isinstance(code, str):
            self.added.emit(code)


def _wrap(layout: Any) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
