"""Step 1: the lot and the transaction (what, when, which jurisdictions, invoice, goods)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.ui.i18n import language, tr
from desktop.ui.pages.base import LABEL_WIDTH, SHORT_FIELD_WIDTH, StepPage, text_or_none
from desktop.wizard import Step


class LotPage(StepPage):
    step = Step.LOT_TRANSACTION
    title = "Lot and transaction"
    description = "What is being bought or sold, when, and under which countries' rules."

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
            ("Lab-gro&wn", "lab_grown"),
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
        self.jurisdiction_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (code, name) in enumerate(self.services.jurisdiction_names(language()).items()):
            box = QCheckBox(f"{code} · {name}")
            box.setAccessibleName(tr("Jurisdiction") + f" {code}")
            box.toggled.connect(self._on_jurisdiction_toggled)
            self.jurisdiction_boxes[code] = box
            grid.addWidget(box, i // 4, i % 4)
        holder = _wrap(grid)
        self.jurisdiction_error = self._row(None, "Jurisdictions", holder, ("transaction", "jurisdictions"))
        caption = QLabel(tr("Rules of"))
        caption.setMinimumWidth(LABEL_WIDTH)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(caption, holder)
        form.addRow("", self.jurisdiction_error)
        self.bind_custom(
            ("transaction", "jurisdictions"), holder, self._load_jurisdictions, self.jurisdiction_error
        )
        self.bind_line(form, "Cont&ract date", ("transaction", "contract_date"), placeholder="YYYY-MM-DD")
        self.bind_country(form, "Deli&very country", ("transaction", "delivery_country"))
        self.bind_line(form, "Invoice nu&mber", ("transaction", "invoice", "number"))
        self.bind_line(form, "Invoice date", ("transaction", "invoice", "date"), placeholder="YYYY-MM-DD")
        self.bind_combo(
            form,
            "SoW warrant&y",
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

    def _on_jurisdiction_toggled(self) -> None:
        chosen = [code for code, box in self.jurisdiction_boxes.items() if box.isChecked()]
        self.set_value(("transaction", "jurisdictions"), chosen)

    def _load_jurisdictions(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for code, box in self.jurisdiction_boxes.items():
            box.blockSignals(True)
            box.setChecked(code in chosen)
            box.blockSignals(False)

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


def _wrap(layout: Any) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
