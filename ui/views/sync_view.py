"""The Sync screen: where the workspace syncs to, what waits to be sent, and when it last synced."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.status import WorkspaceStatus
from ui import formatting


class SyncView(QWidget):
    """Shows a `WorkspaceStatus`; the main window feeds it with every status refresh."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncView")
        self._status: WorkspaceStatus | None = None
        self._online = False
        self.heading = QLabel(objectName="syncHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.server = QLabel(objectName="syncServer", wordWrap=True)
        self.connection = QLabel(objectName="syncConnection")
        self.pending = QLabel(objectName="syncPending")
        self.last_sync = QLabel(objectName="syncLast")
        self.sync_button = QPushButton(objectName="syncNow", enabled=False)
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
        layout.addWidget(self.note)
        layout.addStretch()
        self.retranslate()

    def show_status(self, status: WorkspaceStatus, online: bool) -> None:
        self._status, self._online = status, online
        self._fill()

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

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("SyncView", "Sync"))
        self.server_name.setText(QCoreApplication.translate("SyncView", "Central database"))
        self.connection_name.setText(QCoreApplication.translate("SyncView", "Connection"))
        self.pending_name.setText(QCoreApplication.translate("SyncView", "Waiting to be sent"))
        self.last_name.setText(QCoreApplication.translate("SyncView", "Last sync"))
        self.sync_button.setText(QCoreApplication.translate("SyncView", "Sync now"))
        self.note.setText(
            QCoreApplication.translate(
                "SyncView",
                "Everything you record is saved on this laptop at once and waits here until the "
                "next sync. Sending and receiving changes with the central database is not "
                "available in this version yet.",
            )
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
