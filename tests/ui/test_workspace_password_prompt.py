"""A workspace whose store key is wrapped by its user's password (no keyring): the application
asks for the password before the main window, refuses a wrong one and opens with the right one;
the idle lock of such a workspace is unlocked by the same password, checked by unwrapping."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from app.services.session_lock import UnlockService
from app.services.workspace import STATE_SERVER_USER, Workspace
from app.sync import credentials
from ui import application
from ui.auto_lock import AutoLock
from ui.dialogs.workspace_password_dialog import WorkspacePasswordDialog

PASSWORD = "s3cret-pw"  # typed by QTest, which types ASCII only


@pytest.fixture
def folder(tmp_path: Path, no_keyring: None) -> Path:
    """A workspace of zhang.wei whose store is encrypted with a key wrapped by his password."""
    folder = tmp_path / "ws"
    with Workspace.open(folder, create=True) as workspace:
        workspace.set_state(STATE_SERVER_USER, "zhang.wei")
        assert workspace.encrypt(credentials.PasswordStore(), PASSWORD)
        assert workspace.password_keyed
    return folder


def test_the_start_prompt_refuses_a_wrong_password_then_opens_with_the_right_one(
    qtbot: QtBot, folder: Path
) -> None:
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WorkspacePasswordDialog):
            seen["dialog"] = dialog
            return
        try:
            seen["hint"] = dialog.hint.text()
            ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            qtbot.keyClicks(dialog.password_field, "wrong")
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
            seen["refused"] = (dialog.isVisible(), dialog.error.isVisible(), dialog.error.text())
            seen["cleared"] = dialog.password_field.text()
            qtbot.keyClicks(dialog.password_field, PASSWORD)
            qtbot.keyClick(dialog.password_field, Qt.Key.Key_Return)
            seen["closed"] = not dialog.isVisible()
        finally:
            if dialog.isVisible():
                dialog.reject()  # never leave the test waiting on a modal dialog

    QTimer.singleShot(0, answer)
    workspace = application.open_workspace(folder, None, ask=True)
    assert workspace is not None, seen
    with workspace:
        assert workspace.password_keyed and workspace.state(STATE_SERVER_USER) == "zhang.wei"
    assert "no keyring" in str(seen["hint"]) and str(folder) in str(seen["hint"])
    assert seen["refused"] == (True, True, "Wrong password. Try again.")
    assert seen["cleared"] == ""
    assert seen["closed"] is True


def test_closing_the_start_prompt_opens_nothing_and_without_asking_the_error_says_why(
    qtbot: QtBot, folder: Path
) -> None:
    def give_up() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(0, give_up)
    assert application.open_workspace(folder, None, ask=True) is None
    with pytest.raises(credentials.WorkspacePasswordNeededError, match="--password-stdin"):
        application.open_workspace(folder, None, ask=False)
    with application.open_workspace(folder, PASSWORD, ask=False) as given:  # type: ignore[union-attr]
        assert given.encrypted


def test_the_idle_lock_of_such_a_workspace_opens_with_its_password_only(
    qtbot: QtBot, folder: Path
) -> None:
    with Workspace.open(folder, password=PASSWORD) as workspace:
        window = QMainWindow()
        content = QLabel("借款人 王小明", objectName="caseContent")
        window.setCentralWidget(content)
        qtbot.addWidget(window)
        window.show()
        lock = AutoLock(window, UnlockService(workspace), minutes=5)
        lock.lock()
        screen = lock.lock_screen
        assert screen is not None and "password of zhang.wei" in screen.hint.text()
        assert not lock.try_unlock("zhang.wei")  # the login name does not do here
        assert not lock.try_unlock("wrong") and screen.error.isVisible()
        assert lock.try_unlock(PASSWORD) and content.isVisible()
