"""A screen that is planned but not built yet: it says so plainly instead of pretending."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderView(QWidget):
    """A heading and one paragraph, both given as functions that return translated text."""

    def __init__(
        self,
        object_name: str,
        heading: Callable[[], str],
        text: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._heading_text, self._body_text = heading, text
        self.heading = QLabel(objectName="placeholderHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.body = QLabel(objectName="placeholderText", wordWrap=True)
        self.body.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addStretch()
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self._heading_text())
        self.body.setText(self._body_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
