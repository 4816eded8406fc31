"""One side of the deal on screen (who sells to you, or who buys from you): the party's identity and its owners.

The form does not know where the party sits in the lot (the seller is the counterparty; the buyer a party
created when its first field is typed): it reports each edit by field name, and the page routes it
(desktop.wizard.sides). Persons get a date of birth and a nationality, which rule out a sanctions match.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import tr
from desktop.ui.pages.rows import RowTable
from desktop.ui.widgets import CountryPicker, add_field_row, field_error, hint

KINDS = [("Organisation", "organization"), ("Person", "person")]
# Text fields of a party, in reading order: (field, label).
TEXT_FIELDS = ("name", "aliases", "registration_number", "address", "date_of_birth")


def text_or_none(text: str) -> str | None:
    return text.strip() or None


class PartyForm(QGroupBox):
    """`edited(field, value)` for the party's own fields; `owner_edited(index, field, value)`,
    `owner_added()` and `owner_removed(index)` for its owners."""

    edited = Signal(str, object)
    owner_edited = Signal(int, str, object)
    owner_added = Signal()
    owner_removed = Signal(int)

    def __init__(self, title: str, labels: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.labels = labels
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(6)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        outer.addLayout(self.form)
        self.errors: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

        self.kind = QComboBox()
        for text, value in KINDS:
            self.kind.addItem(tr(text), value)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._add("kind", self.kind)
        self.name = QLineEdit()
        self.name.textEdited.connect(lambda text: self.edited.emit("name", text))
        self._add("name", self.name)
        self.country = CountryPicker()
        self.country.country_changed.connect(lambda code: self.edited.emit("country", code))
        self._add("country", self.country)
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(tr("other names, separated by ;"))
        self.aliases.textEdited.connect(
            lambda text: self.edited.emit("aliases", [a.strip() for a in text.split(";") if a.strip()])
        )
        self._add("aliases", self.aliases)
        self.registration = QLineEdit()
        self.registration.textEdited.connect(
            lambda text: self.edited.emit("registration_number", text_or_none(text))
        )
        self._add("registration_number", self.registration)
        self.address = QLineEdit()
        self.address.textEdited.connect(lambda text: self.edited.emit("address", text_or_none(text)))
        self._add("address", self.address)
        self.birth = QLineEdit()
        self.birth.setPlaceholderText(tr("YYYY-MM-DD, or the year"))
        self.birth.textEdited.connect(lambda text: self.edited.emit("date_of_birth", text_or_none(text)))
        self._add("date_of_birth", self.birth)
        self.nationality = CountryPicker()
        self.nationality.country_changed.connect(lambda code: self.edited.emit("nationality", code))
        self._add("nationality", self.nationality)

        self.owners = RowTable([tr("Owner"), tr("Kind"), tr("Country"), tr("Share %")], [4, 2, 3, 1, 0])
        owners_title = QLabel(tr("Owners"))
        owners_title.setObjectName("columnHeader")
        outer.addWidget(owners_title)
        outer.addWidget(self.owners)
        buttons = QHBoxLayout()
        self.add_owner = QPushButton(tr(labels.get("add_owner", "Add an owner")))
        self.add_owner.setAccessibleName(tr("Add an owner of") + " " + title)
        self.add_owner.clicked.connect(self.owner_added)
        buttons.addWidget(self.add_owner)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.owner_errors: list[QLabel] = []
        self.owner_names: list[QLineEdit] = []
        self._owner_count = -1
        self._person_rows(False)

    def _add(self, key: str, widget: QWidget) -> None:
        label = self.labels.get(key, "")
        error = field_error()
        add_field_row(self.form, label, widget, error, 150)
        widget.setAccessibleName(f"{self.title()}: {tr(label).replace('&', '')}")
        self.errors[key] = error
        self.widgets[key] = widget

    def _person_rows(self, person: bool) -> None:
        for key in ("date_of_birth", "nationality"):
            holder = self.widgets[key].parentWidget()
            if holder is not None:
                self.form.setRowVisible(holder, person)

    def _on_kind_changed(self, index: int) -> None:
        kind = self.kind.itemData(index)
        self._person_rows(kind == "person")
        self.edited.emit("kind", kind)

    # ----- showing the party as the lot has it
    def load(self, party: dict[str, Any] | None) -> None:
        party = party or {}
        with QSignalBlocker(self.kind):
            self.kind.setCurrentIndex(max(self.kind.findData(party.get("kind") or "organization"), 0))
        self._person_rows(party.get("kind") == "person")
        for edit, key in (
            (self.name, "name"),
            (self.registration, "registration_number"),
            (self.address, "address"),
            (self.birth, "date_of_birth"),
        ):
            text = "" if party.get(key) is None else str(party.get(key))
            if edit.text() != text:
                edit.setText(text)
        aliases = [a for a in party.get("aliases") or [] if isinstance(a, str)]
        if [a.strip() for a in self.aliases.text().split(";") if a.strip()] != aliases:
            self.aliases.setText("; ".join(aliases))
        for picker, key in ((self.country, "country"), (self.nationality, "nationality")):
            value = party.get(key)
            if picker.code() != value:
                picker.set_code(value if isinstance(value, str) else None)
        owners = [o if isinstance(o, dict) else {} for o in party.get("owners") or []]
        if len(owners) != self._owner_count:  # rebuilt only when rows come or go: typing keeps its field
            self._rebuild_owners(owners)
        else:
            for edit, owner in zip(self.owner_names, owners, strict=True):
                if edit.text() != (owner.get("name") or ""):
                    edit.setText(owner.get("name") or "")

    def _rebuild_owners(self, owners: list[dict[str, Any]]) -> None:
        self._owner_count = len(owners)
        self.owners.clear(tr("No owners entered. Owners with 50 % or more matter for sanctions."))
        self.owner_errors, self.owner_names = [], []
        for index, owner in enumerate(owners):
            self._owner_row(index, owner)

    def _owner_row(self, index: int, owner: dict[str, Any]) -> None:
        number = f" {index + 1}"
        name = QLineEdit(owner.get("name") or "")
        name.setAccessibleName(tr("Owner name") + number)
        name.textEdited.connect(lambda t: self.owner_edited.emit(index, "name", t))
        kind = QComboBox()
        kind.setAccessibleName(tr("Owner kind") + number)
        for text, value in KINDS:
            kind.addItem(tr(text), value)
        kind.setCurrentIndex(max(kind.findData(owner.get("kind")), 0))
        kind.currentIndexChanged.connect(lambda i: self.owner_edited.emit(index, "kind", kind.itemData(i)))
        country = CountryPicker()
        country.setAccessibleName(tr("Owner country") + number)
        country.set_code(owner.get("country"))
        country.country_changed.connect(lambda c: self.owner_edited.emit(index, "country", c))
        share = QLineEdit(owner.get("share_percent") or "")
        share.setPlaceholderText("100")
        share.setMaximumWidth(80)
        share.setAccessibleName(tr("Owner share in percent") + number)
        share.textEdited.connect(lambda t: self.owner_edited.emit(index, "share_percent", text_or_none(t)))
        error = field_error()
        self.owners.add_row(
            [name, kind, country, share], error, lambda: self.owner_removed.emit(index), tr("owner") + number
        )
        self.owner_errors.append(error)
        self.owner_names.append(name)

    def focus_last_owner(self) -> None:
        self.owners.focus_last_row()


def others_hint() -> QLabel:
    return hint(tr("Consignees, brokers and carriers of this deal are screened too."))
