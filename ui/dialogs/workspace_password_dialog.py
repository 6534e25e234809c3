"""The start prompt of a workspace whose store key is wrapped by its user's password (the machine
had no keyring at login): asked before the main window, it opens the workspace or says the
password is wrong. It never keeps the password itself; the workspace keeps it for the session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.services.workspace import Workspace, WrongWorkspacePasswordError


class WorkspacePasswordDialog(QDialog):
    """Asks for the password that opens the workspace in `folder`, until it is right or given up.

    Attributes:
        workspace: the opened workspace once the dialog is accepted, else None.
        password_field, error, buttons: its widgets (the error shows after a refusal).
    """

    def __init__(
        self,
        folder: Path,
        open_with: Callable[[str], Workspace],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspacePasswordDialog")
        self.workspace: Workspace | None = None
        self._folder = folder
        self._open_with = open_with
        self.hint = QLabel(objectName="workspacePasswordHint", wordWrap=True)
        self.password_field = QLineEdit(objectName="workspacePassword")
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="workspacePasswordError", wordWrap=True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.password_field)
        layout.addWidget(self.error, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.password_field.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open workspace"))
        self.hint.setText(
            self.tr(
                "This workspace in {folder} is encrypted with your password, because this "
                "computer has no keyring to keep its key. Enter your password to open it; it is "
                "kept for this session only, for syncing."
            ).format(folder=self._folder)
        )
        self.password_field.setPlaceholderText(self.tr("Password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Open"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quit"))

    def _submit(self) -> None:
        try:
            self.workspace = self._open_with(self.password_field.text())
        except WrongWorkspacePasswordError:
            self._refused(self.tr("Wrong password. Try again."))
            return
        except errors.KnownError as exc:
            self._refused(str(exc))
            return
        self.accept()

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.password_field.clear()
        self.password_field.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
