"""Start the Qt application: language, theme, services, main window; the GUI's crash hook."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
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


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("qt")
_platform_messages: list[str] = []
_starting = [True]  # until the QApplication exists, platform messages wait: they may end in one fatal line


def _platform_failure(messages: list[str]) -> str:
    """One line for the user from Qt's several about why no platform plugin could start."""
    text = "\n".join(messages)
    display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or ""
    if "could not connect to display" in text or "Failed to create wl_display" in text:
        cause = f"no usable display ({display or 'none set'}: cannot connect)"
    elif "xcb-cursor0" in text:
        cause = "the system library libxcb-cursor0 is missing (Debian/Ubuntu: apt-get install libxcb-cursor0)"
    elif "Could not load the Qt platform plugin" in text:
        cause = "Qt's display plugin cannot load: a system library is missing (run scripts/bootstrap.sh, or see the README)"
    else:
        cause = "no usable display"
    return f"clearstone: cannot open the window: {cause}; the command line works without one: clearstone --help\n"


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages go to the log; a fatal one at start-up (no display, missing library) becomes one line and
    exit 2 instead of Qt's abort and core dump."""
    category = context.category or "qt"
    if _starting[0] and kind is not QtMsgType.QtFatalMsg:
        _platform_messages.append(f"{category}: {message}")
        return
    if kind is QtMsgType.QtFatalMsg:
        _platform_messages.append(message)
        sys.stderr.write(_platform_failure(_platform_messages))
        sys.stderr.flush()
        logging.shutdown()
        os._exit(2)  # Qt aborts right after this handler returns: leave first, with the contract's code
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s: %s", category, message)


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
    qInstallMessageHandler(_qt_message)
    app = create_application()
    _starting[0] = False
    for message in _platform_messages:  # what Qt said while starting, now that it did start
        _qt_log.info("%s", message)
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
    window.ask_who_at_start = True  # once the data is loaded (the identity is read off the GUI thread first)
    QTimer.singleShot(0, window.load_data_status)
    if open_file is not None:
        QTimer.singleShot(0, lambda: window.open_path(open_file))
    try:
        return app.exec()
    finally:
        services.close()
