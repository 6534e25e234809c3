"""The import wizard: a portfolio or payments file (CSV or XLSX) into the central database.

File and kind → column mapping (auto-matched, saved mappings by name) → preview with every
problem as file, row, column and reason (any problem blocks the import: all or nothing) → the
import on a pool thread with a progress bar → the counts. `LeadImport` does the work; the
wizard holds no rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import errors
from app.services import portfolio_import
from app.services.lead_import import ImportOutcome, LeadImport
from ui import formatting
from ui.models.row_table_model import Column, RowTableModel
from ui.tasks import Task, TaskCancelledError

_CONTEXT = "ImportWizard"
# Problems the wizard words itself; any other code shows the service's English reason.
PROBLEMS: Mapping[str, str] = {
    "missing": QT_TRANSLATE_NOOP("ImportWizard", "the value is missing"),
    "bad_amount": QT_TRANSLATE_NOOP("ImportWizard", "not an amount: {value}"),
    "negative_amount": QT_TRANSLATE_NOOP("ImportWizard", "the amount is negative: {value}"),
    "zero_amount": QT_TRANSLATE_NOOP("ImportWizard", "the amount must be above zero: {value}"),
    "too_many_decimals": QT_TRANSLATE_NOOP("ImportWizard", "more than two decimals: {value}"),
    "bad_date": QT_TRANSLATE_NOOP("ImportWizard", "not a date: {value}"),
    "bad_timestamp": QT_TRANSLATE_NOOP("ImportWizard", "not a time: {value}"),
    "duplicate_loan_ref": QT_TRANSLATE_NOOP(
        "ImportWizard", "loan ref {loan_ref} is already in row {first_row}"
    ),
    "unknown_collector": QT_TRANSLATE_NOOP("ImportWizard", "no collector is called {username}"),
    "inactive_collector": QT_TRANSLATE_NOOP(
        "ImportWizard", "collector {username} is no longer active"
    ),
    "missing_column": QT_TRANSLATE_NOOP("ImportWizard", "required column {field} is missing"),
    "unknown_loan_ref": QT_TRANSLATE_NOOP("ImportWizard", "no case has loan ref {loan_ref}"),
}
_IGNORE = ""


def _translate(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def problem_text(problem: portfolio_import.ImportProblem) -> str:
    """The problem's reason in the interface's words (the service's, for codes not listed)."""
    source = PROBLEMS.get(problem.code)
    if source is None:
        return problem.reason
    try:
        return _translate(source).format(**problem.params)
    except (KeyError, IndexError):
        return problem.reason


def _column_text(problem: portfolio_import.ImportProblem) -> str:
    return f"{problem.letter} “{problem.column}”" if problem.letter else problem.column


class _FilePage(QWizardPage):
    """Which file, which kind, and a saved mapping if any."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.path = QLineEdit(objectName="importFile")
        self.path.textChanged.connect(self.completeChanged)
        self.browse = QPushButton(objectName="browseImportFile")
        self.browse.clicked.connect(self._browse)
        self.cases = QRadioButton(objectName="kindCases")
        self.payments = QRadioButton(objectName="kindPayments")
        self.cases.setChecked(True)
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.cases)
        self.kinds.addButton(self.payments)
        self.cases.toggled.connect(self._fill_mappings)
        self.saved = QComboBox(objectName="savedMapping")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        kinds = QHBoxLayout()
        kinds.addWidget(self.cases)
        kinds.addWidget(self.payments)
        kinds.addStretch()
        self.form = QFormLayout(self)
        self.file_label, self.kind_label, self.saved_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.file_label, row)
        self.form.addRow(self.kind_label, kinds)
        self.form.addRow(self.saved_label, self.saved)
        self.retranslate()

    def kind(self) -> portfolio_import.ImportKind:
        return (
            portfolio_import.ImportKind.CASES
            if self.cases.isChecked()
            else portfolio_import.ImportKind.PAYMENTS
        )

    def _fill_mappings(self) -> None:
        self.saved.clear()
        self.saved.addItem(
            QCoreApplication.translate("ImportWizard", "Match columns by their headers"), ""
        )
        for name in self._wizard.service.mapping_names(self.kind()):
            self.saved.addItem(name, name)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ImportWizard", "Choose the file to import"),
            self.path.text() or str(Path.home()),
            QCoreApplication.translate(
                "ImportWizard", "Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)"
            ),
        )
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("ImportWizard", "The file"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportWizard",
                "A CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX export of the core system.",
            )
        )
        self.file_label.setText(QCoreApplication.translate("ImportWizard", "File:"))
        self.kind_label.setText(QCoreApplication.translate("ImportWizard", "It holds:"))
        self.saved_label.setText(QCoreApplication.translate("ImportWizard", "Column mapping:"))
        self.browse.setText(QCoreApplication.translate("ImportWizard", "Browse…"))
        self.cases.setText(QCoreApplication.translate("ImportWizard", "Overdue cases"))
        self.payments.setText(QCoreApplication.translate("ImportWizard", "Payments"))
        self._fill_mappings()


class _MappingPage(QWizardPage):
    """One row per column of the file: the field it fills (auto-matched first)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.table = QWidget(objectName="mappingRows")
        self.rows = QFormLayout(self.table)
        self.combos: dict[str, QComboBox] = {}
        self.notice = QLabel(objectName="mappingNotice", wordWrap=True)
        self.save_button = QPushButton(objectName="saveMapping")
        self.save_button.clicked.connect(self._ask_and_save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def initializePage(self) -> None:
        wizard = self._wizard
        saved = wizard.file_page.saved.currentData()
        self.notice.clear()
        try:
            mapping = wizard.service.load_mapping(saved, wizard.kind()) if saved else None
            preview = wizard.service.preview(wizard.path(), wizard.kind(), mapping)
        except errors.KnownError as error:
            self._clear()
            self.notice.setText(str(error))
            self.notice.setStyleSheet("color: #c62828;")
            return
        wizard.preview = preview
        self._clear()
        fields = portfolio_import.field_names(wizard.kind())
        for column in preview.columns:
            combo = QComboBox(objectName=f"mapColumn{column.letter}")
            combo.addItem(QCoreApplication.translate("ImportWizard", "— not imported —"), _IGNORE)
            for name in fields:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(column.field or _IGNORE)))
            self.combos[column.header] = combo
            self.rows.addRow(f"{column.letter}  {column.header}", combo)
        if preview.missing_fields:
            self.notice.setText(
                QCoreApplication.translate(
                    "ImportWizard", "No column fills: {fields}. Choose one for each."
                ).format(fields=", ".join(preview.missing_fields))
            )
            self.notice.setStyleSheet("color: #ef6c00;")

    def _clear(self) -> None:
        while self.rows.rowCount():
            self.rows.removeRow(0)
        self.combos.clear()

    def mapping(self) -> dict[str, str]:
        """{column header: field} as chosen (columns not imported left out)."""
        chosen = {}
        for header, combo in self.combos.items():
            target = combo.currentData()
            if target:
                chosen[header] = target
        return chosen

    def set_field(self, header: str, field: str) -> None:
        combo = self.combos[header]
        combo.setCurrentIndex(max(0, combo.findData(field or _IGNORE)))

    def save_as(self, name: str) -> Path:
        path = self._wizard.service.save_mapping(name, self._wizard.kind(), self.mapping())
        self.notice.setText(
            QCoreApplication.translate("ImportWizard", "Mapping saved as “{name}”.").format(
                name=name
            )
        )
        self.notice.setStyleSheet("color: #2e7d32;")
        return path

    def _ask_and_save(self) -> None:
        name, accepted = QInputDialog.getText(
            self,
            QCoreApplication.translate("ImportWizard", "Save the mapping"),
            QCoreApplication.translate("ImportWizard", "Name of the mapping:"),
        )
        if not accepted or not name.strip():
            return
        try:
            self.save_as(name)
        except errors.KnownError as error:
            self.notice.setText(str(error))
            self.notice.setStyleSheet("color: #c62828;")

    def isComplete(self) -> bool:
        return bool(self.combos)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("ImportWizard", "Columns"))
        self.setSubTitle(
            QCoreApplication.translate("ImportWizard", "Which field each column of the file fills.")
        )
        self.save_button.setText(QCoreApplication.translate("ImportWizard", "Save this mapping…"))


def _problem_columns() -> list[Column[portfolio_import.ImportProblem]]:
    return [
        Column(
            lambda: QCoreApplication.translate("ImportWizard", "File"),
            lambda problem: Path(problem.file).name,
        ),
        Column(
            lambda: QCoreApplication.translate("ImportWizard", "Row"),
            lambda problem: str(problem.row),
            True,
        ),
        Column(lambda: QCoreApplication.translate("ImportWizard", "Column"), _column_text),
        Column(
            lambda: QCoreApplication.translate("ImportWizard", "Reason"),
            problem_text,
            colour=lambda _p: "#c62828",
        ),
    ]


class _PreviewPage(QWizardPage):
    """The file read with the mapping: the first rows, every problem, what would change."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.summary = QLabel(objectName="previewSummary", wordWrap=True)
        self.problems: RowTableModel[portfolio_import.ImportProblem] = RowTableModel(
            _problem_columns(), self
        )
        self.problem_table = QTableView(objectName="importProblems")
        self.problem_table.setModel(self.problems)
        self.problem_table.verticalHeader().hide()
        self.problem_table.horizontalHeader().setStretchLastSection(True)
        self.sample: RowTableModel[portfolio_import.PreviewRow] = RowTableModel([], self)
        self.sample_table = QTableView(objectName="importSample")
        self.sample_table.setModel(self.sample)
        self.sample_table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem_table, 1)
        layout.addWidget(self.sample_table, 1)
        # Its Next starts the import, which cannot be taken back: no Back button after it.
        self.setCommitPage(True)
        self.retranslate()

    def initializePage(self) -> None:
        wizard = self._wizard
        try:
            preview = wizard.service.preview(
                wizard.path(), wizard.kind(), wizard.mapping_page.mapping()
            )
        except errors.KnownError as error:
            wizard.preview = None
            self.summary.setText(str(error))
            self.summary.setStyleSheet("color: #c62828;")
            self.problems.set_rows([])
            self.completeChanged.emit()
            return
        wizard.preview = preview
        # Headed by the file's own column names (what the lead knows them by), each showing
        # the value read for the field it was mapped to (a field's first column, as read).
        headers: dict[str, str] = {}
        for column in preview.columns:
            if column.field:
                headers.setdefault(column.field, column.header)
        self.sample = RowTableModel(
            [
                Column(
                    lambda header=header: header,
                    lambda row, name=name: row.values.get(name, ""),
                )
                for name, header in headers.items()
            ],
            self,
        )
        self.sample_table.setModel(self.sample)
        self.sample.set_rows(preview.sample)
        self.problems.set_rows(preview.problems)
        self.problem_table.resizeColumnsToContents()
        self.problem_table.setVisible(bool(preview.problems))
        if preview.problems:
            self.summary.setText(
                QCoreApplication.translate(
                    "ImportWizard",
                    "{count} problems in {rows} rows: nothing will be imported until the file "
                    "is corrected.",
                ).format(count=len(preview.problems), rows=preview.rows)
            )
            self.summary.setStyleSheet("color: #c62828; font-weight: 600;")
        else:
            planned = preview.planned
            self.summary.setText(
                QCoreApplication.translate(
                    "ImportWizard",
                    "{rows} rows read ({encoding}), no problem: {created} new, {updated} updated, "
                    "{unchanged} unchanged.",
                ).format(
                    rows=preview.rows,
                    encoding=preview.encoding,
                    created=planned.created if planned else 0,
                    updated=planned.updated if planned else 0,
                    unchanged=planned.unchanged if planned else 0,
                )
            )
            self.summary.setStyleSheet("color: #2e7d32; font-weight: 600;")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        preview = self._wizard.preview
        return preview is not None and preview.ok

    def validatePage(self) -> bool:
        # All or nothing: a file with any problem never reaches the import step.
        return self.isComplete()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("ImportWizard", "Preview"))
        self.setButtonText(
            QWizard.WizardButton.CommitButton, QCoreApplication.translate("ImportWizard", "Import")
        )
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportWizard", "Every row is checked; a file with any problem imports nothing."
            )
        )


class _RunPage(QWizardPage):
    """The import itself, on a pool thread, with its progress and its counts."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.progress = QProgressBar(objectName="importProgress")
        self.result = QLabel(objectName="importResult", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addStretch()
        self.retranslate()

    def initializePage(self) -> None:
        self.progress.setValue(0)
        self.result.setText(QCoreApplication.translate("ImportWizard", "Importing…"))
        self._wizard.start_import()

    def isComplete(self) -> bool:
        return self._wizard.outcome is not None or self._wizard.failure is not None

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("ImportWizard", "Import"))
        self.setSubTitle(
            QCoreApplication.translate(
                "ImportWizard", "All rows are written in one transaction, or none."
            )
        )


class ImportWizard(QWizard):
    """The four steps of an import.

    Attributes:
        service: the lead's import.
        preview: the last preview (None before one, or when the file could not be read).
        outcome: the import done (None before).
        failure: why the import failed, in words (None unless it did).

    Signals:
        imported(object): an `ImportOutcome`, once the import and the sync after it are done.
    """

    imported = Signal(object)

    def __init__(self, service: LeadImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.service = service
        self.preview: portfolio_import.ImportPreview | None = None
        self.outcome: ImportOutcome | None = None
        self.failure: str | None = None
        # Cancel was pressed while the import ran: the wizard closes once it has stopped.
        self._cancelling = False
        self.task = Task(self)
        self.task.progressed.connect(self._on_progress)
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        self.file_page = _FilePage(self)
        self.mapping_page = _MappingPage(self)
        self.preview_page = _PreviewPage(self)
        self.run_page = _RunPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.run_page):
            self.addPage(page)
        self.setWindowTitle(QCoreApplication.translate("ImportWizard", "Import a file"))
        self.resize(820, 620)

    def path(self) -> Path:
        return Path(self.file_page.path.text().strip())

    def kind(self) -> portfolio_import.ImportKind:
        return self.file_page.kind()

    def start_import(self) -> None:
        path, kind, mapping = self.path(), self.kind(), self.mapping_page.mapping()
        self.outcome, self.failure = None, None
        self.task.start(lambda progress: self.service.run(path, kind, mapping, progress))

    def reject(self) -> None:
        """Cancel (the button, Esc or the window's close box). While the import runs, it is
        asked to stop at its next row, which rolls everything back, and the wizard closes when
        it has; an import already committing cannot be stopped, and the wizard shows its result.
        """
        if not self.task.running:
            super().reject()
            return
        if not self._cancelling:
            self._cancelling = True
            self.task.cancel()
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            self.run_page.result.setText(
                QCoreApplication.translate("ImportWizard", "Cancelling: nothing will be imported…")
            )

    def _on_progress(self, done: int, total: int) -> None:
        bar = self.run_page.progress
        bar.setMaximum(max(total, 1))
        bar.setValue(done)

    def _on_finished(self, outcome: object) -> None:
        assert isinstance(outcome, ImportOutcome)
        # Too late to cancel (it was writing its last rows): the import stands, and says so.
        too_late, self._cancelling = self._cancelling, False
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.outcome = outcome
        result = outcome.result
        bar = self.run_page.progress
        bar.setValue(bar.maximum())
        text = QCoreApplication.translate(
            "ImportWizard",
            "{rows} rows imported in {seconds} s: {created} new, {updated} updated, "
            "{unchanged} unchanged.",
        ).format(
            rows=result.rows,
            seconds=f"{result.seconds:.1f}",
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
        )
        settled = ""
        if result.kind is portfolio_import.ImportKind.PAYMENTS:
            settled = QCoreApplication.translate(
                "ImportWizard",
                "{kept} promises kept, {paid} instalments paid, {settled} cases settled.",
            ).format(
                kept=result.promises_kept,
                paid=result.instalments_paid,
                settled=result.cases_settled,
            )
        unsynced = ""
        if outcome.sync_error:
            unsynced = QCoreApplication.translate(
                "ImportWizard", "The workspace could not sync: {error}"
            ).format(error=outcome.sync_error)
        late = ""
        if too_late:
            late = QCoreApplication.translate(
                "ImportWizard", "It was too late to cancel: the file had been written."
            )
        text = formatting.sentences(late, text, settled, unsynced)
        self.run_page.result.setText(text)
        self.run_page.completeChanged.emit()
        self.imported.emit(outcome)

    def _on_failed(self, error: object) -> None:
        cancelling, self._cancelling = self._cancelling, False
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        if isinstance(error, TaskCancelledError) and cancelling:
            self.failure = QCoreApplication.translate(
                "ImportWizard", "Cancelled: nothing was imported."
            )
            super().reject()
            return
        if isinstance(error, portfolio_import.ImportRejectedError):
            self.failure = QCoreApplication.translate(
                "ImportWizard", "{count} problems: nothing was imported."
            ).format(count=len(error.problems))
        elif isinstance(error, errors.KnownError):
            self.failure = str(error)
        else:
            self.failure = QCoreApplication.translate(
                "ImportWizard", "The import failed: {error}"
            ).format(error=error)
        self.run_page.result.setText(self.failure)
        self.run_page.result.setStyleSheet("color: #c62828;")
        self.run_page.completeChanged.emit()
