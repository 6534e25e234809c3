"""The Import screen: what the lead can bring in from the core system, and the import wizard."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import portfolio_import
from app.services.lead_import import ImportOutcome, LeadImport
from app.services.workspace import Workspace
from ui.dialogs.import_wizard import ImportWizard


class ImportView(QWidget):
    """Starts the import wizard and says what the last import did.

    Signals:
        imported(object): an `ImportOutcome` (the workspace has synced after it).
    """

    imported = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importView")
        self.service = LeadImport(workspace)
        self.heading = QLabel(objectName="importHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.explanation = QLabel(objectName="importExplanation", wordWrap=True)
        self.columns = QLabel(objectName="importColumns", wordWrap=True)
        self.columns.setStyleSheet("color: #555;")
        self.start_button = QPushButton(objectName="startImport")
        self.start_button.clicked.connect(self.open_wizard)
        self.last = QLabel(objectName="lastImport", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.columns)
        layout.addWidget(self.start_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.last)
        layout.addStretch()
        self.retranslate()

    def wizard(self) -> ImportWizard:
        """A new wizard over this workspace (its import reported here when done)."""
        wizard = ImportWizard(self.service, self)
        wizard.imported.connect(self._on_imported)
        return wizard

    def open_wizard(self) -> None:
        if self._ready():
            self.wizard().exec()

    def _ready(self) -> bool:
        """Whether the central database can be opened (asking for the password if needed)."""
        central = self.service.central
        if not central.needs_password():
            return True
        password, accepted = QInputDialog.getText(
            self,
            QCoreApplication.translate("ImportView", "Central database"),
            QCoreApplication.translate(
                "ImportView", "Password for the central database (kept for this session only):"
            ),
            QLineEdit.EchoMode.Password,
        )
        if accepted and password:
            central.use_password(password)
        return accepted and bool(password)

    def _on_imported(self, outcome: ImportOutcome) -> None:
        result = outcome.result
        self.last.setText(
            QCoreApplication.translate(
                "ImportView", "Last import: {file}, {rows} rows ({created} new, {updated} updated)."
            ).format(
                file=result.file.name,
                rows=result.rows,
                created=result.created,
                updated=result.updated,
            )
        )
        self.imported.emit(outcome)

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("ImportView", "Import"))
        self.explanation.setText(
            QCoreApplication.translate(
                "ImportView",
                "Bring the overdue portfolio or the payments of the core system into the central "
                "database: CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX. Every row is checked "
                "first; a file with any problem imports nothing.",
            )
        )
        self.columns.setText(
            QCoreApplication.translate(
                "ImportView", "Case columns: {cases}\nPayment columns: {payments}"
            ).format(
                cases=", ".join(portfolio_import.field_names("cases")),
                payments=", ".join(portfolio_import.field_names("payments")),
            )
        )
        self.start_button.setText(QCoreApplication.translate("ImportView", "Import a file…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
