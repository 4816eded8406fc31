"""Settings: firm details, home jurisdictions, signer, paper, language, theme, data folder, portable mode."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import Settings, SettingsError, Signer, choose_data_dir, make_portable
from desktop.ui.i18n import LANGUAGES, tr
from desktop.ui.services import Services
from desktop.ui.widgets import CountryPicker, hint


class SettingsDialog(QDialog):
    settings_saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.setWindowTitle(tr("Settings"))
        settings = services.settings()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)

        firm = QGroupBox(tr("Your firm"))
        form = QFormLayout(firm)
        self.firm_name = self._line(form, "Firm &name", settings.firm_name)
        self.firm_address = self._line(form, "&Address", settings.firm_address)
        self.firm_country = CountryPicker()
        self.firm_country.set_code(settings.firm_country or None)
        self._add(form, "C&ountry", self.firm_country)
        self.sow_id = self._line(form, "&SoW ID", settings.sow_id)
        grid = QGridLayout()
        self.jurisdictions: dict[str, QCheckBox] = {}
        for i, code in enumerate(services.jurisdiction_names()):
            box = QCheckBox(code)
            box.setAccessibleName(tr("Also check") + f" {code}")
            box.setChecked(code in settings.home_jurisdictions)
            self.jurisdictions[code] = box
            grid.addWidget(box, 0, i)
        holder = QWidget()
        holder.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        # The firm's own country brings its regime into every check by itself; these are added on top.
        caption = QLabel(tr("Also check"))
        caption.setMinimumWidth(140)
        form.addRow(caption, holder)
        layout.addWidget(firm)

        signer = QGroupBox(tr("Signer"))
        form = QFormLayout(signer)
        self.signer_name = self._line(form, "Na&me", settings.signer.name)
        self.signer_title = self._line(form, "&Title", settings.signer.title)
        self.signer_email = self._line(form, "&E-mail", settings.signer.email)
        layout.addWidget(signer)

        look = QGroupBox(tr("Printing and display"))
        form = QFormLayout(look)
        self.paper = self._combo(
            form,
            "&Paper size",
            [("From the buyer's country", "auto"), ("A4", "A4"), ("Letter", "Letter")],
            settings.paper_size,
        )
        self.language = self._combo(
            form, "&Language", list((n, c) for c, n in LANGUAGES.items()), settings.language
        )
        self.theme = self._combo(
            form,
            "Appea&rance",
            [("Follow the system", "system"), ("Light", "light"), ("Dark", "dark")],
            settings.theme,
        )
        layout.addWidget(look)

        data = QGroupBox(tr("Data folder"))
        folder_box = QVBoxLayout(data)
        self.folder = QLabel(str(services.data_dir))
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setAccessibleName(tr("Data folder"))
        folder_box.addWidget(self.folder)
        row = QHBoxLayout()
        self.change_folder = QPushButton(tr("&Change folder…"))
        self.portable = QPushButton(tr("Ma&ke portable (keep data beside the program)"))
        self.change_folder.clicked.connect(self._on_change_folder_clicked)
        self.portable.clicked.connect(self._on_portable_clicked)
        row.addWidget(self.change_folder)
        row.addWidget(self.portable)
        row.addStretch(1)
        folder_box.addLayout(row)
        folder_box.addWidget(
            hint(tr("Portable mode suits a USB stick at trade shows. Changes apply at the next start."))
        )
        layout.addWidget(data)

        self.message = QLabel()
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add(self, form: QFormLayout, label: str, widget: QWidget) -> None:
        caption = QLabel(tr(label))
        caption.setMinimumWidth(140)  # one label column across the dialog's sections
        caption.setBuddy(widget)
        widget.setAccessibleName(tr(label).replace("&", ""))
        form.addRow(caption, widget)

    def _line(self, form: QFormLayout, label: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setMinimumWidth(320)
        self._add(form, label, edit)
        return edit

    def _combo(self, form: QFormLayout, label: str, choices: list[tuple[str, str]], value: str) -> QComboBox:
        combo = QComboBox()
        for text, data in choices:
            combo.addItem(tr(text), data)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        self._add(form, label, combo)
        return combo

    def collect(self) -> Settings:
        """The dialog's values as validated settings; raises SettingsError naming the first bad field."""
        return self.services.settings().updated(
            firm_name=self.firm_name.text().strip(),
            firm_address=self.firm_address.text().strip(),
            firm_country=self.firm_country.code() or "",
            sow_id=self.sow_id.text().strip(),
            home_jurisdictions=tuple(c for c, box in self.jurisdictions.items() if box.isChecked()),
            signer=Signer(
                name=self.signer_name.text().strip(),
                title=self.signer_title.text().strip(),
                email=self.signer_email.text().strip(),
            ),
            paper_size=self.paper.currentData(),
            language=self.language.currentData(),
            theme=self.theme.currentData(),
        )

    def save(self) -> None:
        try:
            settings = self.collect()
            self.services.save_settings(settings)
        except SettingsError as exc:
            self.message.setText(str(exc))
            return
        from PySide6.QtWidgets import QApplication

        from desktop.ui.theme import apply_theme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)  # the language needs a restart; the palette does not
        self.settings_saved.emit()
        self.accept()

    def _on_change_folder_clicked(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr("Data folder"), str(self.services.data_dir))
        if name:
            self.use_folder(Path(name))

    def use_folder(self, folder: Path) -> None:
        try:
            choose_data_dir(self.services.config_folder(), folder)
        except SettingsError as exc:
            self.message.setText(str(exc))
            return
        self.folder.setText(str(folder) + "  " + tr("(from the next start)"))

    def _on_portable_clicked(self) -> None:
        from desktop.paths import PORTABLE_DIR_NAME, executable_dir

        target = executable_dir() / PORTABLE_DIR_NAME
        answer = QMessageBox.question(
            self, tr("Portable mode"), tr("Copy all data to {folder}?").format(folder=str(target))
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.make_portable(target)

    def make_portable(self, target: Path) -> None:
        try:
            make_portable(self.services.data_dir, target)
        except SettingsError as exc:
            self.message.setText(str(exc))
            return
        self.folder.setText(str(target) + "  " + tr("(from the next start)"))
