"""Small reusable widgets: searchable country picker, country list editor, headings, verdict chips."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
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

from desktop.ui.i18n import tr
from desktop.ui.theme import verdict_style

# START_UP_NOTE: the first `Qt` attribute lookup builds every enum of the Qt namespace (~0.1 s); modules on
# the path to the first window import it inside the functions that need it, after the window is shown.

# Producers listed first: a dealer picks these far more often than the rest of the world.
MINING_COUNTRIES = (
    "BW",
    "RU",
    "CA",
    "ZA",
    "AO",
    "NA",
    "CD",
    "AU",
    "SL",
    "LS",
    "ZW",
    "TZ",
    "GN",
    "LR",
    "CF",
    "GH",
)


@cache
def all_countries() -> tuple[tuple[str, str], ...]:
    """(code, name) for every ISO 3166 country, sorted by name; pycountry is loaded only when first needed."""
    import pycountry

    from desktop.lot import country_name

    codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    return tuple(sorted(((code, country_name(code)) for code in codes), key=lambda item: item[1]))


def country_label(code: str) -> str:
    names = dict(all_countries())
    return f"{names.get(code, code)} ({code})"


class CountryPicker(QComboBox):
    """Type a name or an ISO code; producers first. Emits the code, or None when cleared or unknown."""

    country_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, allow_empty: bool = True) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(14)
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        if allow_empty:
            self.addItem("", None)
        for code in MINING_COUNTRIES:
            self.addItem(country_label(code), code)
        self.insertSeparator(self.count())
        for code, name in all_countries():
            self.addItem(f"{name} ({code})", code)
        from PySide6.QtCore import Qt  # see START_UP_NOTE

        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # an editable combo box always has its line edit
        line.setPlaceholderText(tr("Type a country or code"))
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

    def resolve(self, text: str) -> str | None:
        """A code from what was typed: the code itself, a name, or the one country whose name contains it."""
        wanted = text.strip().casefold()
        if not wanted:
            return None
        countries = all_countries()
        for code, name in countries:
            if wanted in {code.casefold(), name.casefold(), f"{name} ({code})".casefold()}:
                return code
        hits = [code for code, name in countries if wanted in name.casefold()]
        return hits[0] if len(hits) == 1 else None

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


def verdict_chip(verdict: str, parent: QWidget | None = None) -> QLabel:
    chip = QLabel(verdict_text(verdict), parent)
    chip.setObjectName("verdict")
    chip.setStyleSheet(verdict_style(verdict))
    chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    chip.setAccessibleName(tr("Verdict") + ": " + verdict_text(verdict))
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
