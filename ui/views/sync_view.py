"""The Sync screen: where the workspace syncs to, what waits to be sent, syncing now, and the
changes the central database refused (kept here for a person to see, never dropped)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.services.status import WorkspaceStatus
from app.services.sync import SyncReport, SyncService
from app.services.workspace import Workspace
from ui import formatting


class _SyncRun(QObject):
    """Carries one sync's progress and end from a pool thread to the window's thread."""

    progressed = Signal(str, int, int)
    finished = Signal(object)  # SyncReport
    failed = Signal(str)


class SyncView(QWidget):
    """The workspace's sync status (fed by the main window) and the Sync now button."""

    synced = Signal(object)  # SyncReport, after a sync that reached the central database

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncView")
        self._service = SyncService(workspace)
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
        self.progress = QProgressBar(objectName="syncProgress")
        self.progress.hide()
        self.result = QLabel(objectName="syncResult", wordWrap=True)
        self.refused_heading = QLabel(objectName="refusedHeading")
        self.refused = QTableWidget(0, 3, objectName="refusedChanges")
        self.refused.verticalHeader().hide()
        self.refused.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refused.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.refused.horizontalHeader().setStretchLastSection(True)
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
        layout.addWidget(self.sync_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.note)
        layout.addWidget(self.refused_heading)
        layout.addWidget(self.refused, 1)
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
        self.progress.setRange(0, 0)
        self.progress.show()
        self.result.setText(QCoreApplication.translate("SyncView", "Syncing…"))
        run, service = self._run, self._service

        def work() -> None:
            try:
                report = service.run(
                    progress=lambda stage, done, total: run.progressed.emit(stage, done, total),
                    password=password,
                )
            except errors.KnownError as exc:
                run.failed.emit(str(exc))
            else:
                run.finished.emit(report)

        QThreadPool.globalInstance().start(work)
        return True

    def _on_progress(self, stage: str, done: int, total: int) -> None:
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
        self._running = False
        self.progress.hide()
        self.sync_button.setEnabled(True)
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
        self.result.setStyleSheet("")
        self.show_refused()
        self.synced.emit(report)

    def _on_failed(self, message: str) -> None:
        self._running = False
        self.progress.hide()
        self.sync_button.setEnabled(True)
        # The service's message names the server and the cause; nothing local was lost.
        self.result.setText(
            QCoreApplication.translate(
                "SyncView", "Not synced: {reason}. Every change stays queued."
            ).format(reason=message)
        )
        self.result.setStyleSheet("color: #c62828;")

    def show_refused(self) -> None:
        refused = self._service.refused_changes()
        self.refused.setRowCount(len(refused))
        for row, change in enumerate(refused):
            cells = (change.table_name, change.outcome, change.message or change.reason or "")
            for column, text in enumerate(cells):
                self.refused.setItem(row, column, QTableWidgetItem(text))
        self.refused_heading.setVisible(bool(refused))
        self.refused.setVisible(bool(refused))

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
        self.refused.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SyncView", "Table"),
                QCoreApplication.translate("SyncView", "Outcome"),
                QCoreApplication.translate("SyncView", "Reason"),
            ]
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
