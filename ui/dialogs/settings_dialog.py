"""Settings: every preference declared in app.settings, as a form (language, contact rules …)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.services import map_tiles

# The English labels of app.settings, listed for Qt's translation tools.
LABELS = {
    "language": QT_TRANSLATE_NOOP("SettingsDialog", "Language"),
    "compliance_profile": QT_TRANSLATE_NOOP("SettingsDialog", "Contact rules"),
    "promise_grace_days": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Days of grace before a promise counts as broken"
    ),
    "auto_sync": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Sync automatically when the server is reachable"
    ),
    "auto_lock_minutes": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Lock after this many idle minutes (0: never)"
    ),
    "max_attachment_mb": QT_TRANSLATE_NOOP("SettingsDialog", "Largest attachment file synced (MB)"),
    "cost_per_km": QT_TRANSLATE_NOOP("SettingsDialog", "Travel cost per km (yuan)"),
    "hourly_rate": QT_TRANSLATE_NOOP("SettingsDialog", "Collector's hourly rate (yuan)"),
    "map_tiles": QT_TRANSLATE_NOOP("SettingsDialog", "Map background"),
    "map_tile_url": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Online map tiles (URL with {z}, {x} and {y})"
    ),
    "map_mbtiles_file": QT_TRANSLATE_NOOP("SettingsDialog", "Offline map tiles (.mbtiles file)"),
    "osrm_url": QT_TRANSLATE_NOOP(
        "SettingsDialog", "OSRM server for road travel times (URL; empty: estimate)"
    ),
    "route_seconds": QT_TRANSLATE_NOOP("SettingsDialog", "Seconds the route planner may take"),
    "route_threads": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Cores the route planner may use (0: all)"
    ),
}
CHOICES = {
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "System language"),
    "zh_CN": "中文（简体）",
    "en": "English",
    "CN": QT_TRANSLATE_NOOP("SettingsDialog", "China (CN): 08:00–22:00, 6 unanswered calls a day"),
    "US": QT_TRANSLATE_NOOP("SettingsDialog", "United States (US): 08:00–21:00, 7 calls in 7 days"),
    "UK": QT_TRANSLATE_NOOP("SettingsDialog", "United Kingdom (UK): 08:00–21:00"),
    "none": QT_TRANSLATE_NOOP("SettingsDialog", "None: markers and routes on a plain background"),
    "online": QT_TRANSLATE_NOOP("SettingsDialog", "Online tiles"),
    "mbtiles": QT_TRANSLATE_NOOP("SettingsDialog", "Offline tiles from an .mbtiles file"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


class MbtilesEditor(QWidget):
    """The imported .mbtiles file and a button that imports another (copied into the data folder).

    Attributes:
        path: the file the preference will name.
        import_button: opens the file chooser.
        error: why the last import failed, if it did.
    """

    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = QLineEdit(value, readOnly=True, objectName="mbtilesPath")
        self.import_button = QPushButton(_tr("Import…"), objectName="importMbtiles")
        self.import_button.clicked.connect(self._choose)
        self.error = QLabel(objectName="mbtilesError", wordWrap=True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def _choose(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _tr("Import map tiles"), "", _tr("MBTiles files (*.mbtiles)")
        )
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, source: Path) -> bool:
        """Copy `source` into the data folder and name the copy; False (with the reason shown)
        when it is not a usable .mbtiles file."""
        try:
            stored = map_tiles.import_mbtiles(source)
        except map_tiles.TileSourceError as error:
            self.error.setText(str(error))
            self.error.show()
            return False
        self.error.hide()
        self.path.setText(str(stored))
        return True


class SettingsDialog(QDialog):
    """Edits a copy of the preferences; `values()` are what the user chose."""

    def __init__(self, preferences: settings.Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "Settings"))
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for spec in settings.SETTINGS:
            editor = self._editor(spec, preferences.get(spec.key))
            editor.setObjectName(spec.key)
            self.editors[spec.key] = editor
            form.addRow(_tr(LABELS.get(spec.key, spec.label)), editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @staticmethod
    def _editor(spec: settings.SettingSpec, value: Any) -> QWidget:
        if spec.key == "map_mbtiles_file":
            return MbtilesEditor(str(value))
        if spec.choices is not None:
            combo = QComboBox()
            for choice in spec.choices:
                text = CHOICES.get(choice, str(choice))
                combo.addItem(_tr(text) if text.isascii() else text, choice)
            combo.setCurrentIndex(combo.findData(value))
            return combo
        if spec.kind is bool:
            box = QCheckBox()
            box.setChecked(bool(value))
            return box
        if spec.kind is int:
            spin = QSpinBox()
            spin.setRange(0, 365)
            spin.setValue(int(value))
            return spin
        if spec.kind is Decimal:
            amount = QDoubleSpinBox()
            amount.setDecimals(2)
            amount.setRange(0, 100_000)
            amount.setValue(float(value))
            return amount
        if spec.kind is str:
            return QLineEdit(str(value))
        raise TypeError(f"no editor for setting {spec.key!r} of type {spec.kind.__name__}")

    def values(self) -> dict[str, Any]:
        chosen: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                chosen[key] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                chosen[key] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                chosen[key] = editor.value()
            elif isinstance(editor, QDoubleSpinBox):
                # Two decimals shown, two kept: the amount is exact, never a float.
                chosen[key] = Decimal(f"{editor.value():.2f}")
            elif isinstance(editor, QLineEdit):
                chosen[key] = editor.text().strip()
            elif isinstance(editor, MbtilesEditor):
                chosen[key] = editor.path.text()
        return chosen
