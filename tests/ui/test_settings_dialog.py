"""The Settings dialog's route and map settings: costs as exact amounts, tiles from a file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDoubleSpinBox
from pytestqt.qtbot import QtBot

from app import settings
from tests.helpers.mbtiles import write_mbtiles
from ui.dialogs.settings_dialog import MbtilesEditor, SettingsDialog


def test_costs_are_edited_as_amounts_and_an_mbtiles_file_is_imported_into_the_data_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDCOLLECT_DATA_DIR", str(tmp_path / "data"))
    preferences = settings.Preferences(tmp_path / "preferences.json")
    dialog = SettingsDialog(preferences)
    qtbot.addWidget(dialog)
    cost = dialog.editors["cost_per_km"]
    assert isinstance(cost, QDoubleSpinBox) and cost.value() == pytest.approx(0.80)
    cost.setValue(1.15)
    tiles = dialog.editors["map_mbtiles_file"]
    assert isinstance(tiles, MbtilesEditor)

    source = write_mbtiles(tmp_path / "chengdu.mbtiles", {(0, 0, 0): b"\x89PNG"})
    assert tiles.import_file(source)
    stored = tmp_path / "data" / "tiles" / "chengdu.mbtiles"
    assert stored.read_bytes() == source.read_bytes()
    chosen = dialog.values()
    assert chosen["cost_per_km"] == Decimal("1.15")
    assert chosen["hourly_rate"] == Decimal("40.00")
    assert chosen["map_mbtiles_file"] == str(stored)

    broken = tmp_path / "broken.mbtiles"
    broken.write_text("no tiles here", encoding="utf-8")
    assert not tiles.import_file(broken)
    assert "broken.mbtiles" in tiles.error.text() and not tiles.error.isHidden()
    assert dialog.values()["map_mbtiles_file"] == str(stored)

    for key, value in chosen.items():
        preferences.set(key, value)
    reread = settings.Preferences(tmp_path / "preferences.json")
    assert reread.get("cost_per_km") == Decimal("1.15")
    assert reread.get("map_mbtiles_file") == str(stored)
