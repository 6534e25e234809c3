"""Work off the window's thread: one helper that runs a function on Qt's pool and brings its
progress, result or error back to the window's thread as signals. The function never touches
widgets; the slots connected to the signals do."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

logger = logging.getLogger(__name__)

# work(progress) -> result, where progress(done, total) reports how far it got.
Work = Callable[[Callable[[int, int], None]], Any]


class TaskCancelledError(Exception):
    """Raised inside the work (from its progress callback) when the task was cancelled."""


class Task(QObject):
    """One piece of work on the pool.

    Signals:
        progressed(int, int): done and total, as the work reports them.
        finished(object): the work's result.
        failed(object): the exception it raised (a `TaskCancelledError` after `cancel`).
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = False
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self, work: Work) -> bool:
        """Run `work` on the pool; False when this task is still running another."""
        if self._running:
            return False
        self._running, self._cancelled = True, False
        QThreadPool.globalInstance().start(_Runner(self, work))
        return True

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancelled = True

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled:
            raise TaskCancelledError()
        self.progressed.emit(done, total)

    def run(self, work: Work) -> None:
        """Run `work` here (on the pool's thread) and signal its end."""
        try:
            result = work(self._progress)
        except Exception as exc:  # every failure goes back to the window, which words it
            if not isinstance(exc, TaskCancelledError):
                logger.debug("background task failed", exc_info=True)
            self._running = False
            self.failed.emit(exc)
            return
        self._running = False
        self.finished.emit(result)


class _Runner(QRunnable):
    """The pool's handle on one run (a QRunnable of our own, not a wrapped lambda)."""

    def __init__(self, task: Task, work: Work) -> None:
        super().__init__()
        self._task = task
        self._work = work

    def run(self) -> None:
        self._task.run(self._work)
