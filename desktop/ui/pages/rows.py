"""A table-like editor of list items (processing steps, owners, evidence): one row of widgets per item."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from desktop.ui.i18n import tr


class RowTable(QWidget):
    """Header labels over rows of widgets; rebuilt from the draft whenever items are added or removed."""

    def __init__(self, headers: list[str], stretch: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(4)
        self.headers = headers
        for column, factor in enumerate(stretch):
            self.grid.setColumnStretch(column, factor)
        self.empty = QLabel()
        self.empty.setObjectName("pageHint")
        self.rows = 0

    def clear(self, empty_text: str) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.empty:
                widget.setParent(None)
                widget.deleteLater()
        for column, text in enumerate(self.headers):
            header = QLabel(text)
            header.setObjectName("columnHeader")
            self.grid.addWidget(header, 0, column)
        self.rows = 0
        self.empty.setText(empty_text)
        self.grid.addWidget(self.empty, 1, 0, 1, len(self.headers) + 1)
        self.empty.show()

    def focus_last_row(self) -> None:
        """Put the cursor in the first field of the row just added."""
        item = self.grid.itemAtPosition(1 + (self.rows - 1) * 2, 0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setFocus()

    def add_row(
        self, widgets: list[QWidget], errors: QLabel, on_remove: Callable[[], None], name: str
    ) -> QPushButton:
        self.empty.hide()
        row = 1 + self.rows * 2
        for column, widget in enumerate(widgets):
            self.grid.addWidget(widget, row, column)
            widget.show()
        remove = QPushButton(tr("Remove"))
        remove.setAccessibleName(tr("Remove") + " " + name)
        remove.clicked.connect(on_remove)
        self.grid.addWidget(remove, row, len(widgets))
        remove.show()
        self.grid.addWidget(errors, row + 1, 0, 1, len(widgets), Qt.AlignmentFlag.AlignLeft)
        self.rows += 1
        return remove
