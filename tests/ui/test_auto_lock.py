"""The idle lock: the window's content leaves the screen after the idle time; the right password
(or, for a workspace without one, the login name) brings it back, a wrong one is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from app import settings
from app.services.session_lock import UnlockSecret, UnlockService
from app.services.workspace import STATE_SERVER_URL, STATE_SERVER_USER, Workspace
from app.sync import credentials
from ui.auto_lock import AutoLock

BORROWER = "借款人 王小明 310101199001011234"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace of li.qiang on a PostgreSQL server, his password in the (memory) keyring."""
    with Workspace.open(tmp_path / "ws", create=True) as opened:
        opened.set_state(STATE_SERVER_URL, "postgresql://db.example/fieldcollect")
        opened.set_state(STATE_SERVER_USER, "li.qiang")
        key = credentials.credential_key("li.qiang", "db.example", None, "fieldcollect")
        credentials.PasswordStore().save(key, "s3cret-pw")
        yield opened


def _window(qtbot: QtBot) -> tuple[QMainWindow, QWidget]:
    window = QMainWindow()
    content = QLabel(BORROWER, objectName="caseContent")
    window.setCentralWidget(content)
    qtbot.addWidget(window)
    window.show()
    return window, content


def _visible_texts(window: QMainWindow) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel) if label.isVisible()]


def test_idle_time_locks_the_window_and_only_the_right_password_unlocks_it(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window, content = _window(qtbot)
    service = UnlockService(workspace)
    assert service.secret() is UnlockSecret.PASSWORD
    lock = AutoLock(window, service, minutes=1, interval_ms=lambda _minutes: 50)
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass  # nobody touches anything
    assert lock.is_locked and window.centralWidget() is lock.lock_screen
    assert not content.isVisible() and BORROWER not in _visible_texts(window)
    assert not window.menuBar().isVisible()

    screen = lock.lock_screen
    assert screen is not None
    qtbot.keyClicks(screen.secret_field, "wrong")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert lock.is_locked and screen.error.isVisible()
    assert "Wrong password" in screen.error.text()
    assert screen.secret_field.text() == ""  # cleared for the next try
    assert not content.isVisible()

    with qtbot.waitSignal(lock.unlocked, timeout=1000):
        qtbot.keyClicks(screen.secret_field, "s3cret-pw")
        qtbot.keyClick(screen.secret_field, Qt.Key.Key_Return)
    assert not lock.is_locked
    assert window.centralWidget() is content and content.isVisible()
    assert BORROWER in _visible_texts(window)
    # The idle clock runs again: the window locks again when left alone.
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass


def test_input_keeps_the_window_unlocked_and_zero_minutes_never_locks(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window, _content = _window(qtbot)
    lock = AutoLock(window, UnlockService(workspace), minutes=1, interval_ms=lambda _m: 400)
    handle = window.windowHandle()
    assert handle is not None
    for _ in range(4):  # a key every 200 ms for 800 ms: twice the idle time, never idle
        qtbot.wait(200)
        QTest.keyClick(handle, Qt.Key.Key_Shift)  # through the window, as the system sends it
    assert not lock.is_locked
    lock.set_idle_minutes(0)
    qtbot.wait(600)
    assert not lock.is_locked


def test_a_workspace_without_a_stored_password_unlocks_with_the_login_name(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with Workspace.open(tmp_path / "plain", create=True) as plain:
        plain.set_state(STATE_SERVER_URL, f"sqlite:///{tmp_path / 'central.db'}")
        plain.set_state(STATE_SERVER_USER, "zhang.wei")
        service = UnlockService(plain)
        assert service.secret() is UnlockSecret.LOGIN_NAME
        window, content = _window(qtbot)
        lock = AutoLock(window, service, minutes=5)
        lock.lock()
        screen = lock.lock_screen
        assert screen is not None and "login name" in screen.hint.text()
        assert not lock.try_unlock("") and not lock.try_unlock("li.qiang")
        assert lock.try_unlock("zhang.wei") and content.isVisible()


def test_the_main_window_locks_by_the_setting(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    from ui.main_window import MainWindow

    preferences = settings.Preferences(tmp_path / "preferences.json")
    assert preferences.get("auto_lock_minutes") == 10
    window = MainWindow(demo_workspace, preferences=preferences)
    qtbot.addWidget(window)
    window.show()
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.editors["auto_lock_minutes"].setValue(3)  # type: ignore[attr-defined]
    window.apply_settings(dialog.values())
    assert preferences.get("auto_lock_minutes") == 3
    window.auto_lock.lock()
    assert not window.cases_view.isVisible() and not window.today_view.isVisible()
    assert window.auto_lock.try_unlock(UnlockService(demo_workspace).username())
    assert window.stack.isVisible()
