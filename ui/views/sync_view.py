"""The Sync screen: where the workspace syncs to, what waits to be sent, syncing now (with
progress and Cancel), the conflicts waiting for a decision, the changes the central database
refused (kept here for a person to see, never dropped) and the log of past syncs."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.services.conflicts import ConflictService
from app.services.status import WorkspaceStatus
from app.services.sync import (
    RefusedChange,
    SyncCancel,
    SyncLogRecord,
    SyncReport,
    SyncService,
)
from app.services.workspace import Workspace
from ui import formatting
from ui.models.row_table_model import Column, RowTableModel
from ui.views.conflicts_view import ConflictsDialog

_OUTCOMES = {
    "running": QT_TRANSLATE_NOOP("SyncView", "Did not finish"),
    "completed": QT_TRANSLATE_NOOP("SyncView", "Completed"),
    "cancelled": QT_TRANSLATE_NOOP("SyncView", "Cancelled"),
    "failed": QT_TRANSLATE_NOOP("SyncView", "Failed"),
}


def _refused_columns() -> list[Column[RefusedChange]]:
    translate = QCoreApplication.translate
    return [
        Column(lambda: translate("SyncView", "Table"), lambda change: change.table_name),
        Column(lambda: translate("SyncView", "Outcome"), lambda change: change.outcome),
        Column(
            lambda: translate("SyncView", "Reason"),
            lambda change: change.message or change.reason or "",
        ),
    ]


def _log_columns() -> list[Column[SyncLogRecord]]:
    translate = QCoreApplication.translate
    return [
        Column(
            lambda: translate("SyncView", "Started"),
            lambda run: formatting.local_datetime(run.started_at),
        ),
        Column(
            lambda: translate("SyncView", "Ended"),
            lambda run: formatting.local_datetime(run.finished_at) if run.finished_at else "",
        ),
        Column(lambda: translate("SyncView", "Result"), _outcome_text),
        Column(lambda: translate("SyncView", "Sent"), lambda run: str(run.pushed)),
        Column(lambda: translate("SyncView", "Received"), lambda run: str(run.pulled)),
        Column(lambda: translate("SyncView", "Refused"), lambda run: str(run.refused)),
        Column(lambda: translate("SyncView", "Message"), lambda run: run.message or ""),
    ]


def _outcome_text(run: SyncLogRecord) -> str:
    outcome = _OUTCOMES.get(run.outcome)
    return QCoreApplication.translate("SyncView", outcome) if outcome else run.outcome


class _SyncRun(QObject):
    """Carries one sync's progress and end from a pool thread to the window's thread."""

    progressed = Signal(str, int, int)
    finished = Signal(object)  # SyncReport
    failed = Signal(str)


class SyncView(QWidget):
    """The workspace's sync status (fed by the main window), Sync now and Cancel, the conflicts
    button with its count, refused changes and the sync log.

    Attributes:
        refused_model: the changes the central database refused, oldest first.
        log_model: the past syncs, newest first.

    Signals:
        synced(object): a SyncReport, after a sync that reached the central database (a
            cancelled one included).
    """

    synced = Signal(object)  # SyncReport, after a sync that reached the central database

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncView")
        self._workspace = workspace
        self._service = SyncService(workspace)
        self._conflicts = ConflictService(workspace)
        self._cancel: SyncCancel | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self._status: WorkspaceStatus | None = None
        self._online = False
        self._running = False
        self._run = _SyncRun(self)
        self._run.progressed.connect(self._on_progress)
        self._run.finished.connect(self._on_finished)
        self._run.failed.connect(self._on_failed)
        self.heading = QLabel(objectName="syncHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.server = QLabel(objectName="syncServer", wordWrap=True)
        self.connection = QLabel(objectName="syncConnection")
        self.pending = QLabel(objectName="syncPending")
        self.last_sync = QLabel(objectName="syncLast")
        self.sync_button = QPushButton(objectName="syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(objectName="syncCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.conflicts_button = QPushButton(objectName="syncConflicts")
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.progress = QProgressBar(objectName="syncProgress")
        self.progress.hide()
        self.result = QLabel(objectName="syncResult", wordWrap=True)
        self.refused_heading = QLabel(objectName="refusedHeading")
        self.refused_model: RowTableModel[RefusedChange] = RowTableModel(_refused_columns(), self)
        self.refused = QTableView(objectName="refusedChanges")
        self.refused.setModel(self.refused_model)
        self.refused.verticalHeader().hide()
        self.refused.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refused.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.refused.horizontalHeader().setStretchLastSection(True)
        self.log_heading = QLabel(objectName="syncLogHeading")
        self.log_model: RowTableModel[SyncLogRecord] = RowTableModel(_log_columns(), self)
        self.log = QTableView(objectName="syncLog")
        self.log.setModel(self.log_model)
        self.log.verticalHeader().hide()
        self.log.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.log.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel(objectName="syncNote", wordWrap=True)
        self.note.setStyleSheet("color: #555;")
        self.form = QFormLayout()
        self.server_name, self.connection_name = QLabel(), QLabel()
        self.pending_name, self.last_name = QLabel(), QLabel()
        self.form.addRow(self.server_name, self.server)
        self.form.addRow(self.connection_name, self.connection)
        self.form.addRow(self.pending_name, self.pending)
        self.form.addRow(self.last_name, self.last_sync)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.conflicts_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.note)
        layout.addWidget(self.refused_heading)
        layout.addWidget(self.refused, 1)
        layout.addWidget(self.log_heading)
        layout.addWidget(self.log, 1)
        self.retranslate()
        self.show_refused()

    @property
    def running(self) -> bool:
        return self._running

    def show_status(self, status: WorkspaceStatus, online: bool) -> None:
        self._status, self._online = status, online
        self._fill()

    # -- syncing -----------------------------------------------------------------------------------

    def sync_now(self, password: str | None = None, *, ask_password: bool = True) -> bool:
        """Start a sync on a pool thread; False when it could not start (no password given)."""
        if self._running:
            return False
        if password is None and self._service.needs_password():
            if not ask_password:
                return False
            password, accepted = QInputDialog.getText(
                self,
                QCoreApplication.translate("SyncView", "Sync"),
                QCoreApplication.translate(
                    "SyncView", "Password for the central database (kept for this session only):"
                ),
                QLineEdit.EchoMode.Password,
            )
            if not accepted:
                return False
        self._running = True
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.result.setText(QCoreApplication.translate("SyncView", "Syncing…"))
        run, service = self._run, self._service
        cancel = self._cancel = SyncCancel()

        def work() -> None:
            try:
                report = service.run(
                    progress=lambda stage, done, total: run.progressed.emit(stage, done, total),
                    password=password,
                    cancel=cancel,
                )
            except errors.KnownError as exc:
                run.failed.emit(str(exc))
            else:
                run.finished.emit(report)

        QThreadPool.globalInstance().start(work)
        return True

    def cancel(self) -> None:
        """Ask the running sync to stop at its next safe point (between batches)."""
        if not self._running or self._cancel is None:
            return
        self._cancel.request()
        self.cancel_button.setEnabled(False)
        self.result.setText(
            QCoreApplication.translate(
                "SyncView", "Cancelling… the sync stops after the batch it is on."
            )
        )

    def _stopped(self) -> None:
        self._running = False
        self._cancel = None
        self.progress.hide()
        self.cancel_button.hide()
        self.sync_button.setEnabled(True)
        self.show_log()

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        if self._cancel is not None and self._cancel.requested:
            return  # keep saying that it is cancelling
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        stages = {
            "push": QCoreApplication.translate("SyncView", "Sending changes: {done} of {total}"),
            "rows": QCoreApplication.translate("SyncView", "Receiving: {done} of {total} rows"),
            "cases": QCoreApplication.translate("SyncView", "Receiving cases: {done} of {total}"),
            "done": QCoreApplication.translate("SyncView", "Finishing…"),
        }
        self.result.setText(
            stages.get(stage, QCoreApplication.translate("SyncView", "Syncing…")).format(
                done=done, total=total
            )
        )

    def _on_finished(self, report: SyncReport) -> None:
        self._stopped()
        self.result.setStyleSheet("")
        self.show_refused()
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.view.reload()  # a sync brings new conflicts and central values
        if report.cancelled:
            self.result.setText(
                QCoreApplication.translate(
                    "SyncView",
                    "Sync cancelled: {pushed} changes sent, {pulled} rows received. The rest "
                    "stays queued for the next sync.",
                ).format(pushed=report.pushed + report.repeated, pulled=report.pulled_rows)
            )
            self.synced.emit(report)
            return
        self.result.setText(
            QCoreApplication.translate(
                "SyncView",
                "Synced: {pushed} changes sent, {pulled} rows received, {refused} refused, "
                "{granted} cases added, {removed} cases removed.",
            ).format(
                pushed=report.pushed + report.repeated,
                pulled=report.pulled_rows,
                refused=report.rejected + report.conflicts,
                granted=report.granted_cases,
                removed=report.removed_cases,
            )
        )
        self.synced.emit(report)

    def _on_failed(self, message: str) -> None:
        self._stopped()
        # The service's message names the server and the cause; nothing local was lost.
        self.result.setText(
            QCoreApplication.translate(
                "SyncView", "Not synced: {reason}. Every change stays queued."
            ).format(reason=message)
        )
        self.result.setStyleSheet("color: #c62828;")

    def show_refused(self) -> None:
        refused = self._service.refused_changes()
        self.refused_model.set_rows(refused)
        self.refused_heading.setVisible(bool(refused))
        self.refused.setVisible(bool(refused))
        self.show_conflict_count()

    def show_conflict_count(self) -> None:
        """The Conflicts button with its badge: how many conflicts wait for a decision."""
        count = self._conflicts.open_count()
        self.conflicts_button.setText(
            QCoreApplication.translate("SyncView", "&Conflicts ({count})").format(count=count)
        )
        self.conflicts_button.setStyleSheet(
            "QPushButton { color: #c62828; font-weight: 600; }" if count else ""
        )

    def show_conflicts(self) -> ConflictsDialog:
        """Open the Conflicts view (one window, reused)."""
        if self.conflicts_dialog is None:
            self.conflicts_dialog = ConflictsDialog(self._workspace, self)
            self.conflicts_dialog.view.decided.connect(self._on_conflict_decided)
        else:
            self.conflicts_dialog.view.reload()
        self.conflicts_dialog.show()
        return self.conflicts_dialog

    def _on_conflict_decided(self, _open: int) -> None:
        self.show_refused()

    def show_log(self) -> None:
        """The past syncs, newest first."""
        runs = self._service.sync_log()
        self.log_model.set_rows(runs)
        self.log_heading.setVisible(bool(runs))
        self.log.setVisible(bool(runs))

    # -- showing -----------------------------------------------------------------------------------

    def _fill(self) -> None:
        status = self._status
        if status is None:
            return
        if status.server_url is None:
            self.server.setText(
                QCoreApplication.translate("SyncView", "No central database yet: log in to sync")
            )
        elif status.demo:
            self.server.setText(
                QCoreApplication.translate(
                    "SyncView", "The demo's embedded central database ({url})"
                ).format(url=status.server_url)
            )
        else:
            self.server.setText(status.server_url)
        self.connection.setText(
            QCoreApplication.translate("SyncView", "Reachable")
            if self._online
            else QCoreApplication.translate("SyncView", "Not reachable (offline)")
        )
        self.pending.setText(
            QCoreApplication.translate("SyncView", "{count} changes").format(
                count=status.pending_changes
            )
        )
        self.last_sync.setText(
            formatting.local_datetime(status.last_sync_at)
            if status.last_sync_at
            else QCoreApplication.translate("SyncView", "Never")
        )
        self.sync_button.setEnabled(status.server_url is not None and not self._running)

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("SyncView", "Sync"))
        self.server_name.setText(QCoreApplication.translate("SyncView", "Central database"))
        self.connection_name.setText(QCoreApplication.translate("SyncView", "Connection"))
        self.pending_name.setText(QCoreApplication.translate("SyncView", "Waiting to be sent"))
        self.last_name.setText(QCoreApplication.translate("SyncView", "Last sync"))
        self.sync_button.setText(QCoreApplication.translate("SyncView", "&Sync now"))
        self.cancel_button.setText(QCoreApplication.translate("SyncView", "Ca&ncel"))
        self.log_heading.setText(QCoreApplication.translate("SyncView", "Sync log"))
        self.log_model.retranslate()
        self.show_log()
        self.show_conflict_count()
        self.note.setText(
            QCoreApplication.translate(
                "SyncView",
                "Everything you record is saved on this laptop at once and waits here until the "
                "next sync. A change the central database refuses is kept below, never dropped.",
            )
        )
        self.refused_heading.setText(
            QCoreApplication.translate("SyncView", "Changes the central database refused")
        )
        self.refused_model.retranslate()
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
