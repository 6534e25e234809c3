"""Settings: every preference declared in app.settings, as a form (language, contact rules …)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import settings

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
}
CHOICES = {
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "System language"),
    "zh_CN": "中文（简体）",
    "en": "English",
    "CN": QT_TRANSLATE_NOOP("SettingsDialog", "China (CN): 08:00–22:00, 6 unanswered calls a day"),
    "US": QT_TRANSLATE_NOOP("SettingsDialog", "United States (US): 08:00–21:00, 7 calls in 7 days"),
    "UK": QT_TRANSLATE_NOOP("SettingsDialog", "United Kingdom (UK): 08:00–21:00"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


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
        return chosen
