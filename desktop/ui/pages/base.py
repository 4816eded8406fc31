"""What every step page shares: a scrolling body, fields bound to draft paths, and inline problems."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.result import Finding
from desktop.ui.i18n import colon, tr, worded
from desktop.ui.services import Services
from desktop.ui.widgets import CountryPicker, add_field_row, field_error, heading, hint
from desktop.ui.workers import Workers
from desktop.wizard import Checklist, Problem, Step
from desktop.wizard.wording import field_name, for_people

Path = tuple[int | str, ...]
MAX_CONTENT_WIDTH = 940
LABEL_WIDTH = 170
SHORT_FIELD_WIDTH = 190  # dates, weights, codes: a full-width box for ten characters looks unfinished


def dotted(path: Sequence[int | str]) -> str:
    """The loader's way of naming a field: evidence[0].reference."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (("." if text else "") + part)
    return text


def text_or_none(text: str) -> str | None:
    return text.strip() or None


@dataclass
class Binding:
    path: Path
    load: Callable[[Any], None]
    error: QLabel
    widget: QWidget


class StepPage(QWidget):
    """Base of the pages; subclasses build their fields in `build()` and the base keeps them in sync."""

    rows_changed = Signal()  # controls came or went: the tab order is redone once they are laid out

    step: Step
    title = ""
    description = ""

    def __init__(
        self, checklist: Checklist, services: Services, workers: Workers, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.checklist = checklist
        self.services = services
        self.workers = workers
        self._bindings: list[Binding] = []
        self._touched: set[str] = set()
        self.reveal_all = False  # after a file was opened, every problem shows at once
        scroll = QScrollArea(self)
        self.scroller = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer_body = QWidget()
        row = QHBoxLayout(outer_body)
        row.setContentsMargins(0, 0, 0, 0)
        self.body = QWidget()
        self.body.setObjectName("pageBody")
        self.body.setMaximumWidth(MAX_CONTENT_WIDTH)  # long lines are hard to read on a wide screen
        row.addWidget(self.body, 1)
        row.addStretch(0)
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(28, 20, 28, 20)
        self.layout_.setSpacing(12)
        self.layout_.addWidget(heading(tr(self.title)))
        if self.description:
            self.layout_.addWidget(hint(tr(self.description)))
        scroll.setWidget(outer_body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setAccessibleName(tr(self.title))
        self.build()
        self.layout_.addStretch(1)
        self.reload()

    # ----- to override
    def build(self) -> None:
        raise NotImplementedError

    def entered(self) -> None:
        """The page became the current one."""

    def shutdown(self) -> None:
        """The check is closing: stop timers and listeners on the checklist."""

    def reload_extra(self) -> None:
        """Rebuild parts that are not simple bound fields (lists of rows) from the draft."""

    def field_for(self, finding: Finding) -> QWidget | None:
        """The control where `finding` is fixed (the review's Fix button lands there); pages refine it."""
        return self.widget_for_path(finding.section or "")

    def field_for_start(self) -> QWidget | None:
        """Where the cursor goes when the page opens: its first field."""
        return self._first_input()

    # ----- landing on a field
    def widget_for_path(self, path: str) -> QWidget | None:
        """The control bound to a dotted field path (or the first one under it)."""
        for binding in self._bindings:
            name = dotted(binding.path)
            if path and (name == path or name.startswith((path + ".", path + "["))):
                return binding.widget
        return None

    def land_on(self, widget: QWidget | None) -> None:
        """Scroll the page so the control is in view and put the cursor in it."""
        target = widget or self._first_input()
        if target is None:
            return
        self.scroller.ensureWidgetVisible(target, 40, 80)
        focus = target.focusProxy() or target
        if not focus.isEnabled() or focus.focusPolicy() == Qt.FocusPolicy.NoFocus:
            child = next(
                (
                    w
                    for w in target.findChildren(QWidget)
                    if w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
                ),
                None,
            )
            focus = child or focus
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def reading_order(self) -> list[QWidget]:
        """The page's focusable controls as a reader meets them: top to bottom, then left to right."""
        self.body.layout().activate()  # type: ignore[union-attr]
        found: list[tuple[int, int, QWidget]] = []
        for widget in self.body.findChildren(QWidget):
            if not widget.isVisibleTo(self) or not widget.isEnabled():
                continue
            if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
                continue
            if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
                continue  # a combo box's own line edit: the combo box is the stop (Qt maps it to its proxy)
            top_left = widget.mapTo(self.body, widget.rect().topLeft())
            found.append((top_left.y() + widget.height() // 2, top_left.x(), widget))
        # rows: controls whose middles are within a few pixels of each other are on the same line
        found.sort(key=lambda item: (item[0] // 12, item[1]))
        return [widget for _y, _x, widget in found]

    def fix_tab_order(self) -> None:
        """Tab follows the reading order, also through rows added after the page was built (which Qt would
        otherwise put at the end of the chain)."""
        order = self.reading_order()
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

    def _first_input(self) -> QWidget | None:
        return next((b.widget for b in self._bindings if b.widget.isEnabled()), None)

    # ----- binding helpers
    def form(self) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        return form

    def _row(self, form: QFormLayout | None, label: str, widget: QWidget, path: Path) -> QLabel:
        error = field_error(self)
        widget.setAccessibleName(tr(label).replace("&", ""))
        if form is not None:
            # the same label column in every section of every page
            add_field_row(form, label, widget, error, LABEL_WIDTH)
        return error

    def _bind(self, path: Path, widget: QWidget, load: Callable[[Any], None], error: QLabel) -> None:
        self._bindings.append(Binding(path, load, error, widget))

    def set_value(self, path: Path, value: Any) -> None:
        self._touched.add(dotted(path))
        self.checklist.set_value(path, value)

    def bind_line(
        self,
        form: QFormLayout | None,
        label: str,
        path: Path,
        *,
        placeholder: str = "",
        required: bool = False,
        error: QLabel | None = None,
        edit: QLineEdit | None = None,
        short: bool = False,
    ) -> QLineEdit:
        edit = edit or QLineEdit()
        edit.setPlaceholderText(tr(placeholder) if placeholder.startswith("YYYY") else placeholder)
        if short or placeholder.startswith("YYYY"):
            edit.setMaximumWidth(SHORT_FIELD_WIDTH)
        err = error or self._row(form, label, edit, path)
        if error is not None:
            edit.setAccessibleName(tr(label).replace("&", ""))

        def load(value: Any) -> None:
            if edit.text() != ("" if value is None else str(value)):
                edit.setText("" if value is None else str(value))

        def edited(text: str) -> None:
            self.set_value(path, text if required else text_or_none(text))

        edit.textEdited.connect(edited)
        self._bind(path, edit, load, err)
        return edit

    def bind_combo(
        self, form: QFormLayout | None, label: str, path: Path, choices: Sequence[tuple[str, Any]]
    ) -> QComboBox:
        combo = QComboBox()
        for text, value in choices:
            combo.addItem(tr(text), value)
        err = self._row(form, label, combo, path)

        def load(value: Any) -> None:
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(combo.findData(value), 0))

        combo.currentIndexChanged.connect(lambda index: self.set_value(path, combo.itemData(index)))
        self._bind(path, combo, load, err)
        return combo

    def bind_check(self, form: QFormLayout | None, label: str, path: Path) -> QCheckBox:
        box = QCheckBox(tr(label))
        box.setAccessibleName(tr(label).replace("&", ""))
        err = QLabel(self)  # check boxes cannot be wrong; the label only satisfies the binding
        err.hide()
        if form is not None:
            form.addRow("", box)

        def load(value: Any) -> None:
            with QSignalBlocker(box):
                box.setChecked(bool(value))

        box.toggled.connect(lambda on: self.set_value(path, on))
        self._bind(path, box, load, err)
        return box

    def bind_spin(
        self, form: QFormLayout | None, label: str, path: Path, minimum: int, maximum: int
    ) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(minimum, maximum)
        spin.setGroupSeparatorShown(True)
        err = self._row(form, label, spin, path)

        def load(value: Any) -> None:
            with QSignalBlocker(spin):
                spin.setValue(value if isinstance(value, int) else minimum)

        spin.valueChanged.connect(lambda v: self.set_value(path, v))
        self._bind(path, spin, load, err)
        return spin

    def bind_country(self, form: QFormLayout | None, label: str, path: Path) -> CountryPicker:
        picker = CountryPicker()
        err = self._row(form, label, picker, path)

        def load(value: Any) -> None:
            if picker.code() != value:
                picker.set_code(value if isinstance(value, str) else None)

        picker.country_changed.connect(lambda code: self.set_value(path, code))
        self._bind(path, picker, load, err)
        return picker

    def bind_custom(self, path: Path, widget: QWidget, load: Callable[[Any], None], error: QLabel) -> None:
        self._bind(path, widget, load, error)

    def clear_bindings(self, prefix: Path) -> None:
        """Forget the bindings of rows that are being rebuilt."""
        self._bindings = [b for b in self._bindings if b.path[: len(prefix)] != prefix]

    # ----- keeping in sync
    def reload(self) -> None:
        """Show the draft's values (after opening a file or restoring a draft)."""
        self.reload_extra()
        for binding in self._bindings:
            binding.load(self.checklist.value(binding.path))
        self.show_problems()
        self.rows_changed.emit()

    def show_problems(self) -> list[str]:
        """Put each problem under its field, in words for people; return those no field on this page shows
        (each with the field's name)."""
        problems = self.checklist.problems(self.step)
        shown: set[str] = set()
        for binding in self._bindings:
            name = dotted(binding.path)
            mine = [p for p in problems if p.field == name or p.field.startswith((name + ".", name + "["))]
            touched = any(t == name or t.startswith((name + ".", name + "[")) for t in self._touched)
            if mine and (self.reveal_all or touched):
                binding.error.setText(worded(for_people(mine[0])))
                binding.error.show()
                shown.update(p.text for p in mine)
            else:
                binding.error.hide()
        return [self.described(p) for p in problems if p.text not in shown]

    def described(self, problem: Problem) -> str:
        """'Seller · Name: Required.' — a problem shown away from its field."""
        name, role = field_name(problem.field, self.checklist.draft.data())
        label = tr(name) if role is None else f"{tr(role)} · {tr(name)}"
        return label + colon() + worded(for_people(problem))
