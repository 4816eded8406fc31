"""Small reusable widgets: searchable country picker, country list editor, headings, verdict chips."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import colon, language, tr
from desktop.ui.theme import verdict_style

# START_UP_NOTE: the first `Qt` attribute lookup builds every enum of the Qt namespace (~0.1 s); modules on
# the path to the first window import it inside the functions that need it, after the window is shown.


def country_label(code: str) -> str:
    """'India (IN)', in the user's language."""
    from desktop.wizard.countries import label_of

    return label_of(code, language())


def country_name(code: str) -> str:
    from desktop.wizard.countries import name_of

    return name_of(code, language())


class CountryPicker(QComboBox):
    """Type a name (in English or the user's language) or an ISO code; producers first in the list, each
    country once. Suggestions rank exact and prefix matches first. Emits the code, or None when cleared."""

    country_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, allow_empty: bool = True) -> None:
        super().__init__(parent)
        from PySide6.QtCore import QStringListModel, Qt  # see START_UP_NOTE

        from desktop.wizard.countries import MINING_COUNTRIES, ordered

        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(14)
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        if allow_empty:
            self.addItem("", None)
        for number, country in enumerate(ordered(language())):
            if country.code not in MINING_COUNTRIES and number == len(MINING_COUNTRIES):
                self.insertSeparator(self.count())
            self.addItem(country.label, country.code)
        # Suggestions come ranked from the wizard's country search, not from Qt's filter (which would list a
        # producer twice and put "British Indian Ocean Territory" before "India").
        self.suggestions = QStringListModel(self)
        completer = QCompleter(self.suggestions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(10)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # an editable combo box always has its line edit
        line.setPlaceholderText(tr("Type a country or code"))
        line.textEdited.connect(self._on_text_edited)
        line.editingFinished.connect(self._on_editing_finished)
        self.currentIndexChanged.connect(self._on_index_changed)
        self._code: str | None = None

    def code(self) -> str | None:
        return self._code

    def set_code(self, code: str | None) -> None:
        with QSignalBlocker(self):
            index = self.findData(code) if code else (0 if self.itemData(0) is None else -1)
            if index < 0 and code:
                self.setEditText(code)
            else:
                self.setCurrentIndex(index)
        self._code = code

    def suggest(self, text: str) -> list[str]:
        """The labels offered for `text`, best first (what the popup lists)."""
        from desktop.wizard.countries import rank

        return [c.label for c in rank(text, language())]

    def resolve(self, text: str) -> str | None:
        """A code from what was typed: a code, a name in English or the user's language, or the one country
        the text can mean."""
        from desktop.wizard.countries import resolve

        return resolve(text, language())

    def _on_text_edited(self, text: str) -> None:
        labels = self.suggest(text)
        self.suggestions.setStringList(labels)
        completer = self.completer()
        if completer is None:
            return
        popup = completer.popup()
        if labels:
            completer.complete()
        elif popup is not None:
            popup.hide()

    def _emit(self, code: str | None) -> None:
        if code != self._code:
            self._code = code
            self.country_changed.emit(code)

    def _on_index_changed(self, index: int) -> None:
        code = self.itemData(index)
        self._emit(code if isinstance(code, str) else None)

    def _on_editing_finished(self) -> None:
        code = self.resolve(self.currentText())
        if code is None and self.currentText().strip():
            self._emit(self.currentText().strip().upper()[:8])  # keep what was typed so the loader names it
            return
        index = self.findData(code) if code else -1
        with QSignalBlocker(self):
            if index >= 0:
                self.setCurrentIndex(index)
        self._emit(code)


class CountryListEditor(QWidget):
    """Several countries (mining countries, transit countries): pick, add, remove, keep order."""

    countries_changed = Signal(list)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = CountryPicker(self)
        self.picker.setAccessibleName(name)
        self.add_button = QPushButton(tr("Add"), self)
        self.add_button.setAccessibleName(tr("Add country"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(name)
        self.list.setMaximumHeight(62)
        self.remove_button = QPushButton(tr("Remove"), self)
        self.remove_button.setAccessibleName(tr("Remove selected country"))
        from PySide6.QtCore import Qt  # see START_UP_NOTE

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        lower = QHBoxLayout()
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(self.list, 1)
        lower.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addLayout(lower)
        self.add_button.clicked.connect(self._on_add_clicked)
        line = self.picker.lineEdit()
        assert line is not None  # an editable combo box always has its line edit
        line.returnPressed.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self._codes: list[str] = []

    def codes(self) -> list[str]:
        return list(self._codes)

    def set_codes(self, codes: list[str]) -> None:
        from PySide6.QtCore import Qt  # see START_UP_NOTE

        self._codes = list(codes)
        self.list.clear()
        for code in self._codes:
            item = QListWidgetItem(country_label(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.list.addItem(item)

    def add_code(self, code: str) -> None:
        if code and code not in self._codes:
            self.set_codes([*self._codes, code])
            self.countries_changed.emit(self.codes())

    def _on_add_clicked(self) -> None:
        code = self.picker.resolve(self.picker.currentText()) or self.picker.code()
        if code:
            self.add_code(code)
            self.picker.set_code(None)

    def _on_remove_clicked(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._codes):
            del self._codes[row]
            self.set_codes(self._codes)
            self.countries_changed.emit(self.codes())


def heading(text: str, object_name: str = "pageTitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageHint")
    label.setWordWrap(True)
    return label


def dialog_body(
    dialog: QWidget, title: str, width: int, height: int, explanation: str = "", caption: str = ""
) -> QVBoxLayout:
    """The one frame of the app's task dialogs: title, size, margins, a heading and what the dialog does."""
    dialog.setWindowTitle(title)
    dialog.resize(width, height)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(24, 20, 24, 16)
    layout.setSpacing(10)
    layout.addWidget(heading(caption or title))
    if explanation:
        layout.addWidget(hint(explanation))
    return layout


def field_error(parent: QWidget | None = None) -> QLabel:
    """The line under a field or a table row that says what is wrong with it (styled red); hidden until then."""
    error = QLabel(parent)
    error.setObjectName("fieldError")
    error.setWordWrap(True)
    error.hide()
    return error


def add_field_row(form: QFormLayout, label: str, widget: QWidget, error: QLabel, label_width: int) -> None:
    """A row of a step page's form: the caption in a right-aligned label column of `label_width`, the field
    with its error line under it."""
    from PySide6.QtCore import Qt  # see START_UP_NOTE

    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addWidget(widget)
    box.addWidget(error)
    caption = QLabel(tr(label))
    caption.setBuddy(widget)
    caption.setMinimumWidth(label_width)
    caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.addRow(caption, holder)


def problem_and_buttons(
    dialog: QDialog, layout: QVBoxLayout, object_name: str = "problem"
) -> tuple[QLabel, QDialogButtonBox]:
    """The foot of a decision dialog: a line saying what still stops OK, then OK and Cancel."""
    problem = QLabel()
    problem.setObjectName(object_name)
    problem.setWordWrap(True)
    layout.addWidget(problem)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return problem, buttons


def verdict_chip(verdict: str, parent: QWidget | None = None) -> QLabel:
    chip = QLabel(verdict_text(verdict), parent)
    chip.setObjectName("verdict")
    chip.setStyleSheet(verdict_style(verdict))
    chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    chip.setAccessibleName(tr("Verdict") + colon() + verdict_text(verdict))
    return chip


def verdict_text(verdict: str) -> str:
    return {
        "cleared": tr("Cleared"),
        "needs_evidence": tr("Needs evidence"),
        "review": tr("Needs review"),
        "blocked": tr("Blocked"),
    }.get(verdict, verdict)


def card(parent: QWidget | None = None) -> QFrame:
    frame = QFrame(parent)
    frame.setObjectName("card")
    return frame
