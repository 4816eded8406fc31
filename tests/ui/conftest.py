"""GUI test harness: fail on any Qt warning or logged error, build the window through fixtures, check leaks.

Modelled on qutebrowser's logfail (any Qt warning fails the test) and napari's conftest (no widget or
thread may outlive a test).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from desktop.settings import Settings, Signer, save_settings
from desktop.ui.i18n import set_language
from desktop.ui.services import Services

# The offscreen platform plugin cannot size, raise or grab native windows and says so for every dialog and
# popup (qtbase src/plugins/platforms/offscreen); these are properties of the test platform, not of our code.
IGNORED_QT_MESSAGES = [
    r"^This plugin does not support propagateSizeHints\(\)$",
    r"^This plugin does not support raise\(\)$",  # completer popups
    r"^This plugin does not support grabbing the (keyboard|mouse)$",
]
NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
PASSPHRASE = "trade-show-2026"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore(*IGNORED_QT_MESSAGES))


class QtMessages:
    """Every Qt warning from fixture set-up to tear-down, passed on to pytest-qt's capture as well."""

    def __init__(self, forward: Any) -> None:
        self.bad: list[str] = []
        self.forward = forward if callable(forward) else None

    def __call__(self, kind: QtMsgType, context: Any, message: str) -> None:
        if self.forward is not None:
            self.forward(kind, context, message)
        if kind == QtMsgType.QtDebugMsg or kind == QtMsgType.QtInfoMsg:
            return
        if any(re.search(pattern, message) for pattern in IGNORED_QT_MESSAGES):
            return
        self.bad.append(f"{kind.name}: {message}")


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qapp: QApplication) -> Iterator[None]:
    """pytest-qt fails the test body on warnings (qt_log_level_fail); this covers fixtures as well."""
    messages = QtMessages(None)
    previous = qInstallMessageHandler(messages)
    messages.forward = previous if callable(previous) else None
    yield
    qInstallMessageHandler(previous)
    assert not messages.bad, "Qt warned:\n" + "\n".join(messages.bad)


@pytest.fixture(autouse=True)
def fail_on_logged_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A background task that dies logs an error: that is a failure even if the screen looks fine."""
    caplog.set_level(logging.WARNING, logger="desktop")
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("desktop")]
    assert not errors, "errors were logged:\n" + "\n".join(r.getMessage() for r in errors)


def flush_deletions() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def _python_threads() -> set[int]:
    """Threads Python started; Qt pool threads show up as dummy entries that never go away, so they are
    checked through the pool itself (see make_window)."""
    return {t.ident or 0 for t in threading.enumerate() if not isinstance(t, threading._DummyThread)}


@pytest.fixture(autouse=True)
def no_leaks(qapp: QApplication, fail_on_qt_warnings: None) -> Iterator[None]:
    """No top-level widget and no thread may outlive the test that made it."""
    flush_deletions()
    before = {id(w) for w in qapp.topLevelWidgets()}
    threads_before = _python_threads()
    yield
    flush_deletions()
    leaked = [w for w in qapp.topLevelWidgets() if id(w) not in before]
    assert not leaked, "top-level widgets leaked: " + ", ".join(
        f"{type(w).__name__}({w.objectName() or w.windowTitle()!r})" for w in leaked
    )
    assert _python_threads() <= threads_before, "a thread outlived the test"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def firm_settings(data_dir: Path) -> Settings:
    settings = Settings(
        firm_name="Meir & Co. Diamonds BV",
        firm_country="BE",
        sow_id="SOW-BE-11873",
        home_jurisdictions=("US", "EU"),
        signer=Signer(name="Ilse Peeters", title="Compliance officer", email="ilse@meir.example"),
    )
    save_settings(settings, data_dir)
    return settings


@pytest.fixture
def services(data_dir: Path, tmp_path: Path, firm_settings: Settings) -> Iterator[Services]:
    made = Services(data_dir=data_dir, config_dir=tmp_path / "config", clock=lambda: NOW)
    yield made
    made.close()


@pytest.fixture
def make_window(qtbot: Any, services: Services) -> Iterator[Callable[..., Any]]:
    """Build main windows the way the app does; each is closed and deleted after the test."""
    from desktop.ui.main_window import MainWindow

    made: list[MainWindow] = []

    def make(with_services: Services | None = None) -> MainWindow:
        window = MainWindow(with_services or services)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.data_status_loaded, timeout=30000):
            window.load_data_status()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        assert window.workers.pool.activeThreadCount() == 0, "a worker outlived its window"
        window.deleteLater()
    flush_deletions()


@pytest.fixture
def window(make_window: Callable[..., Any]) -> Any:
    return make_window()
