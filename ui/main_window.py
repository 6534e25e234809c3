"""The main window: the collector's screens on the left, the chosen one on the right, and a status
bar that always says whether the laptop is online, when it last synced and what waits to be sent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

import app
from app import settings
from app.services import status as status_service
from app.services.session_lock import UnlockService
from app.services.workspace import Workspace
from ui import formatting, i18n
from ui.auto_lock import AutoLock
from ui.dialogs.settings_dialog import SettingsDialog
from ui.positioning import Positioner
from ui.views.agreements_view import AgreementsView
from ui.views.cases_view import CasesView
from ui.views.lead.assignment_view import AssignmentView
from ui.views.lead.early_warning_view import EarlyWarningView
from ui.views.lead.import_view import ImportView
from ui.views.lead.reports_view import ReportsView
from ui.views.lead.team_board_view import TeamBoardView
from ui.views.map_view import MapView
from ui.views.sync_view import SyncView
from ui.views.today_view import TodayView

# How often the status bar re-reads the outbox and probes the server.
STATUS_INTERVAL_MS = 15_000
# Roles that see the team lead's screens (the central database's RLS backs this: a collector's
# workspace holds only his own cases, and he cannot write assignments or imports there).
LEAD_ROLES = frozenset({"lead", "admin"})


ROLE_NAMES: dict[str, Callable[[], str]] = {
    "collector": lambda: QCoreApplication.translate("MainWindow", "Field collector"),
    "lead": lambda: QCoreApplication.translate("MainWindow", "Team lead"),
    "admin": lambda: QCoreApplication.translate("MainWindow", "Administrator"),
}


class _Probe(QObject):
    """Carries the answer of a server probe run on a pool thread back to the window's thread."""

    answered = Signal(bool)


class MainWindow(QMainWindow):
    """The application's one window over an open workspace."""

    def __init__(
        self,
        workspace: Workspace,
        translations: i18n.Translations | None = None,
        on_language_chosen: Callable[[str], None] | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        preferences: settings.Preferences | None = None,
        positioner: Positioner | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.workspace = workspace
        self._translations = translations
        self._on_language_chosen = on_language_chosen
        self._identity = workspace.identity()
        self._online = False
        self._status: status_service.WorkspaceStatus | None = None
        self.resize(QSize(1360, 820))

        self.preferences = preferences or settings.Preferences()
        timing = {"clock": clock} if clock is not None else {}
        self.today_view = TodayView(
            workspace, preferences=self.preferences, positioner=positioner, **timing
        )
        self.cases_view = CasesView(workspace, preferences=self.preferences, **timing)
        self.map_view = MapView(workspace, preferences=self.preferences)
        self.agreements_view = AgreementsView(workspace, preferences=self.preferences, **timing)
        self.sync_view = SyncView(workspace)
        self.sync_view.synced.connect(self._on_synced)
        self.today_view.open_case.connect(self.show_case)
        self.map_view.case_clicked.connect(self.show_case)
        self.map_view.place_picked.connect(self.today_view.pick_place)
        self.agreements_view.case_selected.connect(self.show_case)
        self.agreements_view.plans_changed.connect(self._on_plans_changed)
        self.today_view.day.dateChanged.connect(lambda day: self.map_view.set_day(day.toPython()))

        self.screens: list[tuple[QWidget, Callable[[], str]]] = [
            (self.today_view, lambda: QCoreApplication.translate("MainWindow", "Today")),
            (self.cases_view, lambda: QCoreApplication.translate("MainWindow", "Cases")),
            (self.map_view, lambda: QCoreApplication.translate("MainWindow", "Map")),
            (self.agreements_view, lambda: QCoreApplication.translate("MainWindow", "Agreements")),
            (self.sync_view, lambda: QCoreApplication.translate("MainWindow", "Sync")),
        ]
        self.lead_views: list[QWidget] = []
        if self._identity is not None and self._identity.role in LEAD_ROLES:
            self._add_lead_screens(workspace, clock)
        self.navigation = QListWidget(objectName="navigation")
        self.navigation.setFixedWidth(150)
        self.navigation.setStyleSheet("QListWidget::item { padding: 10px 12px; }")
        self.stack = QStackedWidget(objectName="screens")
        for widget, _name in self.screens:
            self.navigation.addItem(QListWidgetItem())
            self.stack.addWidget(widget)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.connection_label = QLabel(objectName="connectionStatus")
        self.last_sync_label = QLabel(objectName="lastSyncStatus")
        self.pending_label = QLabel(objectName="pendingStatus")
        for label in (self.connection_label, self.last_sync_label, self.pending_label):
            self.statusBar().addPermanentWidget(label)

        self._build_menus()
        self._build_shortcuts()
        self._probe = _Probe(self)
        self._probe.answered.connect(self._on_probe)
        self._status_timer = QTimer(self, interval=STATUS_INTERVAL_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.cases_view.detail.changed.connect(self._on_case_changed)
        self.cases_view.detail.audited.connect(self.refresh_status)
        self.cases_view.detail.new_plan_requested.connect(self.new_plan_for)
        self.today_view.changed.connect(self._on_today_changed)

        self.auto_lock = AutoLock(
            self, UnlockService(workspace), int(self.preferences.get("auto_lock_minutes"))
        )

        self.retranslate()
        self.navigation.setCurrentRow(0)
        self.refresh_status()

    # -- navigation -------------------------------------------------------------------------------

    def show_screen(self, widget: QWidget) -> None:
        self.navigation.setCurrentRow(self.stack.indexOf(widget))

    def show_case(self, case_id: object) -> None:
        """Open the Cases screen on `case_id` (clearing filters that hide it)."""
        self.show_screen(self.cases_view)
        if not self.cases_view.select_case(case_id):
            self.cases_view.search.clear()
            self.cases_view.tier_filter.setCurrentIndex(0)
            self.cases_view.bucket_filter.setCurrentIndex(0)
            self.cases_view.status_filter.setCurrentIndex(0)
            self.cases_view.select_case(case_id)

    def _on_synced(self, _report: object) -> None:
        self.cases_view.refresh()
        self.today_view.reload()
        self.agreements_view.reload()
        self.map_view.refresh()
        self._refresh_lead_screens()
        self.refresh_status()

    # -- the team lead's screens ------------------------------------------------------------------

    def _add_lead_screens(
        self, workspace: Workspace, clock: Callable[[], dt.datetime] | None
    ) -> None:
        """Team board, Assignment, Import, Early warning and Reports, after the collector's."""
        timing = {"clock": clock} if clock is not None else {}
        today = (lambda: clock().date()) if clock is not None else dt.date.today
        self.team_board_view = TeamBoardView(workspace, **timing)
        self.assignment_view = AssignmentView(workspace, today=today, preferences=self.preferences)
        self.import_view = ImportView(workspace)
        self.early_warning_view = EarlyWarningView(workspace, today=today)
        self.reports_view = ReportsView(workspace, preferences=self.preferences, today=today)
        for view in (self.team_board_view, self.assignment_view, self.early_warning_view):
            view.case_selected.connect(self.show_case)
        self.assignment_view.assigned.connect(self._on_lead_changed)
        self.import_view.imported.connect(self._on_lead_changed)
        # While the board is shown it syncs every minute (never asking for a password), so the
        # lead sees check-ins and check-outs his collectors have pushed since.
        self.team_board_view.timer.timeout.connect(
            lambda: self.sync_view.sync_now(ask_password=False)
        )
        translate = QCoreApplication.translate
        self.screens += [
            (self.team_board_view, lambda: translate("MainWindow", "Team board")),
            (self.assignment_view, lambda: translate("MainWindow", "Assignment")),
            (self.import_view, lambda: translate("MainWindow", "Import")),
            (self.early_warning_view, lambda: translate("MainWindow", "Early warning")),
            (self.reports_view, lambda: translate("MainWindow", "Reports")),
        ]
        self.lead_views = [widget for widget, _name in self.screens[-5:]]

    def _refresh_lead_screens(self) -> None:
        """After a sync (or an assignment or import, which sync): read the lead's screens again
        where they were already shown."""
        if not self.lead_views:
            return
        if self.team_board_view.board is not None:
            self.team_board_view.refresh()
        if self.assignment_view.model.rows or self.assignment_view.isVisible():
            self.assignment_view.reload()
        if self.early_warning_view.isVisible():
            self.early_warning_view.reload()
        if self.reports_view.report is not None:
            self.reports_view.compute()

    def _on_lead_changed(self, _result: object = None) -> None:
        self.cases_view.refresh()
        self.today_view.reload()
        self.agreements_view.reload()
        self._refresh_lead_screens()
        self.refresh_status()

    def _on_plans_changed(self) -> None:
        self.cases_view.refresh()
        self.refresh_status()

    def new_plan_for(self, case_id: object, borrower_name: str) -> None:
        """The plan editor for a case, then the Agreements screen on the plan saved."""
        plan_id = self.agreements_view.new_plan(case_id, borrower_name)
        if plan_id is not None:
            self.show_screen(self.agreements_view)
            self.agreements_view.select_plan(plan_id)

    def _on_case_changed(self) -> None:
        self.cases_view.refresh()
        self.today_view.reload()
        self.map_view.refresh()
        self.refresh_status()

    def _on_today_changed(self) -> None:
        self.cases_view.refresh()
        self.map_view.refresh()
        self.refresh_status()

    # -- status bar -------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        current = status_service.workspace_status(self.workspace)
        self._status = current
        self._fill_status()
        url = self.workspace.state(status_service.STATE_SERVER_URL)
        probe = self._probe
        QThreadPool.globalInstance().start(
            lambda: probe.answered.emit(status_service.probe_server(url))
        )

    def _on_probe(self, online: bool) -> None:
        became_online = online and not self._online
        self._online = online
        self._fill_status()
        if (
            became_online
            and self.preferences.get("auto_sync")
            and self._status is not None
            and self._status.pending_changes > 0
        ):
            # Back in signal with changes waiting: send them (never asking for a password).
            self.sync_view.sync_now(ask_password=False)

    def _fill_status(self) -> None:
        current = self._status
        if current is None:
            return
        self.connection_label.setText(
            QCoreApplication.translate("MainWindow", "● Online")
            if self._online
            else QCoreApplication.translate("MainWindow", "○ Offline")
        )
        self.connection_label.setStyleSheet(f"color: {'#2e7d32' if self._online else '#757575'};")
        if current.last_sync_at is None:
            self.last_sync_label.setText(QCoreApplication.translate("MainWindow", "Never synced"))
        else:
            self.last_sync_label.setText(
                QCoreApplication.translate("MainWindow", "Last sync {when}").format(
                    when=formatting.local_datetime(current.last_sync_at)
                )
            )
        self.pending_label.setText(
            QCoreApplication.translate("MainWindow", "{count} changes waiting").format(
                count=current.pending_changes
            )
        )
        self.sync_view.show_status(current, self._online)

    # -- menus and language -----------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.settings_action = QAction(self, shortcut=QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.edit_settings)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.language_menu = self.menuBar().addMenu("")
        self.language_group = QActionGroup(self, exclusive=True)
        self.language_actions: dict[str, QAction] = {}
        # Each language is named in itself, so anyone finds his own whatever is showing.
        for code, name in ((i18n.SYSTEM, None), ("zh_CN", "中文（简体）"), ("en", "English")):
            action = QAction(name or "", self, checkable=True)
            action.setData(code)
            action.triggered.connect(
                lambda _checked=False, chosen=code: self.choose_language(chosen)
            )
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

    def _build_shortcuts(self) -> None:
        # Ctrl+1 … Ctrl+9, then Ctrl+0, open the screens in the navigation's order (a lead's
        # screens follow the collector's five); Ctrl+F finds a case.
        for row in range(min(len(self.screens), 10)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{(row + 1) % 10}"), self)
            shortcut.activated.connect(lambda chosen=row: self.navigation.setCurrentRow(chosen))
        sync = QShortcut(QKeySequence.StandardKey.Refresh, self)  # F5
        sync.activated.connect(self.sync_view.sync_now)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self._find_case)

    def _find_case(self) -> None:
        self.show_screen(self.cases_view)
        self.cases_view.search.setFocus()
        self.cases_view.search.selectAll()

    def settings_dialog(self) -> SettingsDialog:
        return SettingsDialog(self.preferences, self)

    def edit_settings(self) -> None:
        dialog = self.settings_dialog()
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_settings(dialog.values())

    def apply_settings(self, values: dict[str, object]) -> None:
        """Store the chosen preferences; a new language shows at once."""
        language = values.get("language")
        for key, value in values.items():
            if key != "language":
                self.preferences.set(key, value)
        if isinstance(language, str) and language != self.preferences.get("language"):
            self.choose_language(language)
        # The map's background may have changed (tiles are a setting).
        self.map_view.refresh()
        self.auto_lock.set_idle_minutes(int(self.preferences.get("auto_lock_minutes")))

    def choose_language(self, code: str) -> None:
        self.preferences.set("language", code)
        if self._on_language_chosen is not None:
            self._on_language_chosen(code)
        self.language_actions[code].setChecked(True)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "About FieldCollect"),
            QCoreApplication.translate(
                "MainWindow", "FieldCollect {version}\nOffline-first field collection."
            ).format(version=app.__version__),
        )

    def retranslate(self) -> None:
        if self._identity is None:
            self.setWindowTitle(QCoreApplication.translate("MainWindow", "FieldCollect"))
        else:
            role = ROLE_NAMES.get(self._identity.role)
            self.setWindowTitle(
                QCoreApplication.translate("MainWindow", "FieldCollect — {name} ({role})").format(
                    name=self._identity.display_name, role=role() if role else self._identity.role
                )
            )
        for row, (_widget, name) in enumerate(self.screens):
            self.navigation.item(row).setText(name())
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.settings_action.setText(QCoreApplication.translate("MainWindow", "&Settings…"))
        self.language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        self.language_actions[i18n.SYSTEM].setText(
            QCoreApplication.translate("MainWindow", "System language")
        )
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self.about_action.setText(QCoreApplication.translate("MainWindow", "&About FieldCollect"))
        self._fill_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.sync_view.running:
            # Leaving mid-sync loses nothing (entries leave the outbox only after the central
            # commit), but the run must finish before the store closes.
            QThreadPool.globalInstance().waitForDone()
        self._status_timer.stop()
        QThreadPool.globalInstance().waitForDone(3000)
        super().closeEvent(event)
