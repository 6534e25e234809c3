"""The installed Qt binding keeps Python's reference counts: PySide6 6.12 on Python 3.11 drops a
reference to None at every call of a method that returns nothing, and the application aborts
("Fatal Python error: none_dealloc") once a session has made a few thousand such calls."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

CALLS = 500


def test_methods_returning_nothing_keep_the_references_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    combo = QComboBox()
    combo.addItem("无数据")  # an item without data: currentData() answers None
    qtbot.addWidget(label)
    qtbot.addWidget(combo)
    before = sys.getrefcount(None)
    for number in range(CALLS):
        label.setText(str(number))
        label.setVisible(True)
        combo.currentData()
    lost = before - sys.getrefcount(None)
    # A leaking binding loses one per call (1,500 here); other threads may move a few.
    assert lost < CALLS // 10
