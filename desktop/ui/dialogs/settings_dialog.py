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
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import Settings, SettingsError, Signer, choose_data_dir, make_portable
from desktop.ui.i18n import LANGUAGES, tr
from desktop.ui.services import Services
from desktop.ui.widgets import CountryPicker, hint


class SettingsDialog(QDialog):
    settings_saved = Signal()
    language_changed = Signal(str)  # the window switches at once, no restart

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.setWindowTitle(tr("Settings"))
        settings = services.settings()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        # the dialog scrolls on a small screen (1024×768): the buttons stay in view below
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 8)
        layout.setSpacing(10)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

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

        people = QGroupBox(tr("People who decide"))
        people_box = QVBoxLayout(people)
        people_box.addWidget(
            hint(
                tr(
                    "Everyone who decides on matches and review items at this computer; the signer is one of "
                    "them. With two or more, Clearstone asks at start who is at the keyboard."
                )
            )
        )
        row = QHBoxLayout()
        self.people = QListWidget()
        self.people.setAccessibleName(tr("People who decide"))
        self.people.setMaximumHeight(96)
        for person in settings.people:
            self.people.addItem(person)
        person_buttons = QVBoxLayout()
        self.person_name = QLineEdit()
        self.person_name.setPlaceholderText(tr("Name of a person"))
        self.person_name.setAccessibleName(tr("Name of a person to add"))
        self.add_person = QPushButton(tr("A&dd person"))
        self.remove_person = QPushButton(tr("Remove person"))
        self.add_person.clicked.connect(self._on_add_person_clicked)
        self.person_name.returnPressed.connect(self._on_add_person_clicked)
        self.remove_person.clicked.connect(self._on_remove_person_clicked)
        person_buttons.addWidget(self.person_name)
        person_buttons.addWidget(self.add_person)
        person_buttons.addWidget(self.remove_person)
        person_buttons.addStretch(1)
        row.addWidget(self.people, 1)
        row.addLayout(person_buttons, 1)
        people_box.addLayout(row)
        self.four_eyes = QCheckBox(
            tr("A second person confirms each dismissal of an exact sanctions match (four eyes)")
        )
        self.four_eyes.setChecked(settings.second_person_for_exact)
        people_box.addWidget(self.four_eyes)
        layout.addWidget(people)

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
        self.max_age = QSpinBox()
        self.max_age.setRange(1, 366)
        self.max_age.setValue(settings.list_max_age_days)
        self.max_age.setSuffix(" " + tr("days"))
        self._add(form, "Lists count as current &for", self.max_age)
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
        self.message.setContentsMargins(24, 0, 24, 0)
        outer.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setContentsMargins(24, 0, 24, 0)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        height = min(body.sizeHint().height() + 90, int(screen.height() * 0.9)) if screen else 700
        self.resize(max(body.sizeHint().width() + 40, 640), height)

    def _on_add_person_clicked(self) -> None:
        name = " ".join(self.person_name.text().split())
        existing = {self.people.item(i).text().casefold() for i in range(self.people.count())}
        if name and name.casefold() not in existing:
            self.people.addItem(name)
        self.person_name.clear()

    def _on_remove_person_clicked(self) -> None:
        row = self.people.currentRow()
        if row >= 0:
            self.people.takeItem(row)

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
            people=tuple(self.people.item(i).text() for i in range(self.people.count())),
            second_person_for_exact=self.four_eyes.isChecked(),
            list_max_age_days=self.max_age.value(),
            paper_size=self.paper.currentData(),
            language=self.language.currentData(),
            theme=self.theme.currentData(),
        )

    def save(self) -> None:
        before = self.services.settings().language
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
            apply_theme(app, settings.theme)
        self.settings_saved.emit()
        self.accept()
        if settings.language != before:
            self.language_changed.emit(settings.language)

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
