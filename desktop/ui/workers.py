"""Run slow work (screening, checking, signing, importing) off the GUI thread and report back by signal."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.ui.services import user_errors

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Lives in the GUI thread; the worker emits, Qt queues the call back to the receivers."""

    succeeded = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int, str)  # done, total, what


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class Task(QRunnable):
    def __init__(self, work: Callable[[Task], Any]) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._work = work
        self.cancelled = False
        self.error: BaseException | None = (
            None  # why it failed, for a window that acts on the kind of refusal
        )

    def tell(self, done: int, total: int, what: str = "") -> None:
        """Progress without the cancel check (for work that is cancelled through its own `cancel()` hook)."""
        self.signals.progressed.emit(done, total, what)

    def report(self, done: int, total: int, what: str = "") -> None:
        """Progress callback handed to the core; raising here is how a cancel reaches long work."""
        if self.cancelled:
            raise Cancelled()
        self.signals.progressed.emit(done, total, what)

    def run(self) -> None:
        if self.cancelled:  # cancelled while still queued
            self.signals.failed.emit("cancelled")
            return
        try:
            result = self._work(self)
        except Cancelled:
            self.signals.failed.emit("cancelled")
            return
        except user_errors() as exc:  # refusals the user can act on: no traceback in the log
            self.error = exc
            log.info("background task refused: %s", exc)
            self.signals.failed.emit(str(exc) or type(exc).__name__)
            return
        except Exception as exc:  # the worker thread's crash hook: a dead thread must still answer the window
            self.error = exc
            log.error("background task failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc))
            return
        self.signals.succeeded.emit(result)


class Workers(QObject):
    """The window's own thread pool, so closing the window (or a test) can wait for every task."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._running: set[Task] = set()
        self._closed = False

    def start(
        self,
        work: Callable[[Task], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task:
        task = Task(work)
        task.setAutoDelete(False)  # we drop it ourselves once its signals have been delivered
        self._running.add(task)
        # Results reach the GUI thread as queued events; one delivered after the window closed would call
        # into deleted widgets, so callbacks are dropped once wait() has shut the pool.
        if on_success is not None:
            task.signals.succeeded.connect(self._unless_closed(on_success))
        if on_failure is not None:
            task.signals.failed.connect(self._unless_closed(on_failure))
        if on_progress is not None:
            task.signals.progressed.connect(self._unless_closed(on_progress))
        task.signals.succeeded.connect(self._on_task_done)
        task.signals.failed.connect(self._on_task_done)
        self.pool.start(task)
        return task

    @Slot(object)
    def _on_task_done(self, _result: object) -> None:
        signals = self.sender()
        self._running = {t for t in self._running if t.signals is not signals}

    def busy(self) -> bool:
        return bool(self._running)

    def _unless_closed(self, callback: Callable[..., None]) -> Callable[..., None]:
        def deliver(*args: Any) -> None:
            if not self._closed:
                callback(*args)

        return deliver

    def wait(self, msecs: int = 30000) -> bool:
        """Cancel and wait for every task; the window is closing, so no result is delivered after this."""
        self._closed = True
        for task in self._running:
            task.cancelled = True
        return self.pool.waitForDone(msecs)
