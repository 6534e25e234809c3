"""Starting the GUI: the Qt application, its language, the workspace and the main window.

A workspace whose store key is wrapped by its user's password (no keyring at login) is opened
through a password prompt before the main window, unless the password was given (the CLI's
--password-stdin).

With FIELDCOLLECT_SMOKE_TEST=1 the application shows each main screen once, prints one line
saying what it showed and exits 0 (for CI and for the built installer).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import errors, settings
from app.services.workspace import Workspace, WorkspacePasswordNeededError
from ui import i18n
from ui.dialogs.workspace_password_dialog import WorkspacePasswordDialog
from ui.main_window import MainWindow
from ui.positioning import Positioner
from ui.web import local_content

logger = logging.getLogger(__name__)

SMOKE_TEST_ENV = "FIELDCOLLECT_SMOKE_TEST"


def _application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if (
        hasattr(os, "geteuid")
        and os.geteuid() == 0
        and "QTWEBENGINE_CHROMIUM_FLAGS" not in os.environ
    ):
        # Chromium refuses to start its sandbox as root; the map would stay blank.
        logger.warning("running as root: the map's web engine runs without its sandbox")
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    # The map's local content scheme must be known before the application exists.
    local_content.register_schemes()
    QApplication.setApplicationName("FieldCollect")
    QApplication.setDesktopFileName("fieldcollect")  # how GeoClue knows who asks for a position
    QApplication.setOrganizationName("FieldCollect")
    return QApplication(list(argv))


def open_workspace(folder: Path, password: str | None, *, ask: bool) -> Workspace | None:
    """The workspace in `folder`; with `ask`, a password prompt when its key is wrapped by the
    user's password and none was given (None when the user gives up). KnownErrors propagate."""
    try:
        return Workspace.open(folder, password=password)
    except WorkspacePasswordNeededError:
        if not ask:
            raise
    dialog = WorkspacePasswordDialog(folder, lambda typed: Workspace.open(folder, password=typed))
    dialog.exec()
    return dialog.workspace


def run_gui(folder: Path, argv: Sequence[str] = (), password: str | None = None) -> int:
    """Show the application on the workspace in `folder` until the user quits; the exit status.

    `password` opens a workspace whose key it wraps (else the user is asked for it)."""
    qt_app = _application(argv or sys.argv[:1])
    preferences = settings.Preferences()
    translations = i18n.Translations(qt_app)
    translations.install(i18n.resolve_language(preferences.get("language")))
    smoke_test = os.environ.get(SMOKE_TEST_ENV) == "1"
    try:
        opened = open_workspace(folder, password, ask=not smoke_test)
    except errors.KnownError as exc:
        if smoke_test:
            print(f"fieldcollect: {exc}", file=sys.stderr)  # noqa: T201 - the smoke test's output
        else:
            QMessageBox.critical(
                None,
                QCoreApplication.translate("Application", "FieldCollect cannot start"),
                str(exc),
            )
        return 1
    if opened is None:
        return 1  # the password prompt was closed: nothing opened
    workspace = opened

    def choose_language(code: str) -> None:
        translations.install(i18n.resolve_language(code))

    with workspace:
        window = MainWindow(
            workspace,
            translations,
            choose_language,
            preferences=preferences,
            positioner=Positioner.system(),
        )
        window.language_actions[preferences.get("language")].setChecked(True)
        window.show()
        if smoke_test:
            QTimer.singleShot(0, lambda: _smoke_test(window))
        return qt_app.exec()


def _smoke_test(window: MainWindow) -> None:
    """Show every screen once, say what was shown on one line, and quit with status 0."""
    shown = []
    for row, (widget, name) in enumerate(window.screens):
        window.navigation.setCurrentRow(row)
        QApplication.processEvents()
        if window.stack.currentWidget() is not widget or not widget.isVisible():
            print(f"smoke test failed: {name()} did not show", file=sys.stderr)  # noqa: T201
            QApplication.exit(1)
            return
        shown.append(name())
    identity = window.workspace.identity()
    print(  # noqa: T201 - the smoke test's one line
        f"smoke test ok: showed {', '.join(shown)}; {window.cases_view.model.total} cases, "
        f"{len(window.today_view.visits)} visits today for "
        f"{identity.username if identity else 'nobody'} in {window.workspace.folder}"
    )
    window.close()
    QApplication.exit(0)
