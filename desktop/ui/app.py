"""Start the Qt application: language, theme, services, main window; the GUI's crash hook."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.paths import resource
from desktop.settings import SettingsError, load_settings
from desktop.ui.i18n import install_qt_translator, set_language, tr
from desktop.ui.main_window import MainWindow
from desktop.ui.services import Services
from desktop.ui.theme import apply_theme

log = logging.getLogger(__name__)


def _crash_hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Log it, say so plainly, and close: the draft is autosaved; carrying on could sign a wrong state."""
    log.critical("unexpected error", exc_info=(kind, value, tb))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        QMessageBox.critical(
            None,
            tr("Clearstone must close"),
            tr(
                "An unexpected error occurred: {error}. Your check was saved automatically; restart to resume."
            ).format(error=f"{kind.__name__}: {value}"),
        )
        app.exit(1)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Clearstone")
    app.setOrganizationName("Clearstone")
    app.setApplicationDisplayName("Clearstone")
    icon = resource("icons", "clearstone.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def prepare(app: QApplication, services: Services) -> str | None:
    """Language and theme from the settings; returns a warning when the settings file was unreadable."""
    try:
        settings = load_settings(services.data_dir)
    except SettingsError as exc:
        set_language("en")
        apply_theme(app, "system")
        return str(exc)
    set_language(settings.language)
    install_qt_translator(app)
    apply_theme(app, settings.theme)
    return None


def run_gui(
    data_dir: Path,
    config_dir: Path | None = None,
    *,
    exit_after_shown: bool = False,
    open_file: Path | None = None,
) -> int:
    app = create_application()
    services = Services(data_dir=data_dir, config_dir=config_dir)
    warning = prepare(app, services)
    window = MainWindow(services)
    window.show()
    if exit_after_shown:
        # a zero timer fires once the queued show/expose events are processed: the loop is idle
        QTimer.singleShot(0, lambda: app.exit(0 if window.isVisible() else 1))
        code = app.exec()
        window.close()
        return code
    sys.excepthook = _crash_hook
    if warning:
        QMessageBox.warning(window, tr("Settings not read"), warning + "\n" + tr("Defaults are used."))
    QTimer.singleShot(0, window.load_data_status)
    if open_file is not None:
        QTimer.singleShot(0, lambda: window.open_path(open_file))
    try:
        return app.exec()
    finally:
        services.close()
