"""Step 3: what happened to the goods after mining (cutting, polishing, setting), where and when."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from desktop.ui.i18n import tr
from desktop.ui.pages.base import StepPage, text_or_none
from desktop.ui.pages.rows import RowTable
from desktop.ui.widgets import CountryPicker
from desktop.wizard import Step

ACTIVITIES = [
    ("Cutting and polishing", "cutting_polishing"),
    ("Setting in jewellery", "setting"),
    ("Sorting", "sorting"),
    ("Growing (lab-grown)", "growing"),
]


class ProcessingPage(StepPage):
    step = Step.PROCESSING
    title = "Processing"
    description = (
        "Each step after mining, in order. A lot of rough that was never cut has none. "
        "Where the stones were cut decides several rules."
    )

    def build(self) -> None:
        box = QGroupBox(tr("Processing steps"))
        layout = QVBoxLayout(box)
        self.table = RowTable([tr("Country"), tr("Activity"), tr("Completed on")], [3, 3, 2, 0])
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("&Add a processing step"))
        self.add_button.clicked.connect(self._on_add_clicked)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.layout_.addWidget(box)

    def _on_add_clicked(self) -> None:
        self.checklist.append_item(("processing",), {"country": None, "activity": "cutting_polishing"})
        self.reload()
        self.table.focus_last_row()

    def reload_extra(self) -> None:
        self.clear_bindings(("processing",))
        self.table.clear(tr("No processing steps: rough as mined."))
        for index, item in enumerate(self.checklist.value(("processing",)) or []):
            self._add_row(index, item if isinstance(item, dict) else {})

    def _add_row(self, index: int, item: dict[str, Any]) -> None:
        base = ("processing", index)
        country = CountryPicker()
        country.setAccessibleName(tr("Processing country") + f" {index + 1}")
        country.set_code(item.get("country"))
        country.country_changed.connect(lambda code: self.set_value((*base, "country"), code))
        activity = QComboBox()
        activity.setAccessibleName(tr("Activity") + f" {index + 1}")
        for text, value in ACTIVITIES:
            activity.addItem(tr(text), value)
        activity.setCurrentIndex(max(activity.findData(item.get("activity")), 0))
        activity.currentIndexChanged.connect(
            lambda i: self.set_value((*base, "activity"), activity.itemData(i))
        )
        done = QLineEdit(item.get("completed_on") or "")
        done.setPlaceholderText(tr("YYYY-MM-DD"))
        done.setAccessibleName(tr("Completed on") + f" {index + 1}")
        done.textEdited.connect(lambda t: self.set_value((*base, "completed_on"), text_or_none(t)))
        error = QLabel()
        error.setObjectName("fieldError")
        error.hide()
        self.table.add_row(
            [country, activity, done], error, lambda: self._remove(index), tr("step") + f" {index + 1}"
        )
        self.bind_custom(base, country, lambda _v: None, error)

    def _remove(self, index: int) -> None:
        self.checklist.remove_item(("processing",), index)
        self.reload()
