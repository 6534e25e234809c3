"""The idle lock: after N minutes without keyboard, mouse or touch input, the main window's content
is taken out of sight behind a lock screen that asks for the password (app.services.session_lock
says what unlocks).

An event filter on the application's top-level windows (their QWindow, through which every
keyboard, mouse and touch event of a window passes first; each window is watched from the
moment it gets the focus) restarts a single-shot timer on every input event. Locking takes
the window's central widget out (so no case is drawn, even behind the lock screen), hides the menu
bar and any non-modal window of the application; unlocking puts everything back as it was.
Dialogs in their own event loop (a form half filled in) are left open rather than cancelled.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.session_lock import UnlockSecret, UnlockService

logger = logging.getLogger(__name__)

# The input that counts as someone being there.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class LockScreen(QWidget):
    """What the locked window shows: who it belongs to, a password field and Unlock.

    Signals:
        unlock_requested(str): the typed text, when Unlock is pressed (or Enter).
    """

    unlock_requested = Signal(str)

    def __init__(self, secret: UnlockSecret, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.title = QLabel(objectName="lockTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 18pt;")
        self.hint = QLabel(
            objectName="lockHint", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.secret_field = QLineEdit(objectName="lockSecret")
        self.secret_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_field.setMaximumWidth(320)
        self.unlock_button = QPushButton(objectName="unlockButton")
        self.error = QLabel(objectName="lockError", alignment=Qt.AlignmentFlag.AlignCenter)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.unlock_button.clicked.connect(self._submit)
        self.secret_field.returnPressed.connect(self._submit)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.hint, self.secret_field, self.unlock_button, self.error):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self._secret = secret
        self._username = username
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("FieldCollect is locked"))
        if self._secret is UnlockSecret.PASSWORD:
            self.hint.setText(
                self.tr("Locked after a while without use. Enter the password of {user}.").format(
                    user=self._username
                )
            )
            self.secret_field.setPlaceholderText(self.tr("Password"))
        else:
            self.hint.setText(
                self.tr(
                    "Locked after a while without use. This workspace keeps no password: "
                    "enter your login name."
                )
            )
            self.secret_field.setPlaceholderText(self.tr("Login name"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.error.setText(
            self.tr("Wrong password. Try again.")
            if self._secret is UnlockSecret.PASSWORD
            else self.tr("Wrong login name. Try again.")
        )

    def show_refused(self) -> None:
        self.error.show()
        self.secret_field.clear()
        self.secret_field.setFocus()

    def _submit(self) -> None:
        self.unlock_requested.emit(self.secret_field.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AutoLock(QObject):
    """Locks `window` after `minutes` of no input anywhere in the application (0: never).

    Attributes:
        window: the main window it guards.
        lock_screen: the lock screen while locked, else None.

    Signals:
        locked(), unlocked()
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QMainWindow,
        service: UnlockService,
        minutes: int,
        *,
        interval_ms: Callable[[int], int] = lambda minutes: minutes * 60_000,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.lock_screen: LockScreen | None = None
        self._service = service
        self._interval_ms = interval_ms
        self._content: QWidget | None = None
        self._hidden_windows: list[QWidget] = []
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.lock)
        self.set_idle_minutes(minutes)
        # Watched at the level of QWindow, not of every widget: an application-wide filter in
        # Python would also see the events of widgets half torn down (QtWebEngine's), unsafely.
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch)
        self._watch(window.windowHandle())

    def _watch(self, handle: QWindow | None) -> None:
        """Watch the input of the top-level window `handle`; a window coming into focus is use."""
        if handle is None:
            return
        handle.installEventFilter(self)  # installed again, it is still called once
        self._restart()

    def _restart(self) -> None:
        if not self.is_locked and self._minutes:
            self._timer.start(self._interval_ms(self._minutes))

    @property
    def is_locked(self) -> bool:
        return self.lock_screen is not None

    def set_idle_minutes(self, minutes: int) -> None:
        """Lock after `minutes` without input from now on; 0 turns the lock off."""
        self._minutes = max(0, int(minutes))
        if self._minutes == 0:
            self._timer.stop()
        else:
            self._restart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._restart()
        return False

    def lock(self) -> None:
        """Hide the window's content behind the lock screen (nothing of the cases stays drawn)."""
        if self.is_locked:
            return
        self._timer.stop()
        self._content = self.window.takeCentralWidget()
        if self._content is not None:
            self._content.hide()
        self._hidden_windows = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not self.window and widget.isVisible() and not widget.isModal()
        ]
        for widget in self._hidden_windows:
            widget.hide()
        self.window.menuBar().setEnabled(False)
        self.window.menuBar().hide()
        self.lock_screen = LockScreen(self._service.secret(), self._service.username())
        self.lock_screen.unlock_requested.connect(self.try_unlock)
        self.window.setCentralWidget(self.lock_screen)
        self.lock_screen.show()
        self.lock_screen.secret_field.setFocus()
        logger.info("window locked after %d idle minutes", self._minutes)
        self.locked.emit()

    def try_unlock(self, typed: str) -> bool:
        """Unlock when `typed` is right; otherwise say so and stay locked."""
        if self.lock_screen is None:
            return True
        if not self._service.check(typed):
            self.lock_screen.show_refused()
            return False
        self.window.takeCentralWidget()
        self.lock_screen.deleteLater()
        self.lock_screen = None
        if self._content is not None:
            self.window.setCentralWidget(self._content)
            self._content.show()
            self._content = None
        self.window.menuBar().show()
        self.window.menuBar().setEnabled(True)
        for widget in self._hidden_windows:
            widget.show()
        self._hidden_windows = []
        self.set_idle_minutes(self._minutes)
        self.unlocked.emit()
        return True
