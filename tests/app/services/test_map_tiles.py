"""The map's tile source: importing an .mbtiles file, reading its tiles (TMS rows), the fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import settings
from app.services import map_tiles
from tests.helpers.mbtiles import write_mbtiles

NORTH_EAST = b"\x89PNG north-east"
SOUTH_EAST = b"\x89PNG south-east"


@pytest.fixture
def mbtiles(tmp_path: Path) -> Path:
    # At zoom 1 the world is 2 × 2 tiles; y = 0 is the northern row (XYZ).
    return write_mbtiles(
        tmp_path / "chengdu.mbtiles", {(1, 1, 0): NORTH_EAST, (1, 1, 1): SOUTH_EAST}
    )


def test_tiles_are_read_in_the_maps_numbering_from_the_tms_rows(mbtiles: Path) -> None:
    reader = map_tiles.MbtilesReader(mbtiles)
    try:
        assert reader.tile(1, 1, 0) == NORTH_EAST
        assert reader.tile(1, 1, 1) == SOUTH_EAST
        assert reader.tile(1, 0, 0) is None
        assert reader.tile(1, 2, 0) is None  # outside the world at zoom 1
        assert (reader.min_zoom, reader.max_zoom) == (1, 1)
        assert reader.content_type == "image/png"
        assert reader.attribution == "Test tiles"
    finally:
        reader.close()


def test_importing_copies_the_file_into_the_data_folder(
    mbtiles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDCOLLECT_DATA_DIR", str(tmp_path / "data"))
    stored = map_tiles.import_mbtiles(mbtiles)
    assert stored == tmp_path / "data" / "tiles" / "chengdu.mbtiles"
    assert stored.read_bytes() == mbtiles.read_bytes()
    mbtiles.unlink()  # the original may go: the copy is what the map reads

    preferences = settings.Preferences(tmp_path / "preferences.json")
    preferences.set("map_tiles", "mbtiles")
    preferences.set("map_mbtiles_file", str(stored))
    assert map_tiles.tile_source(preferences) == map_tiles.TileSource("mbtiles", mbtiles=stored)


def test_a_file_that_is_not_mbtiles_is_refused_naming_it(tmp_path: Path) -> None:
    other = tmp_path / "notes.mbtiles"
    other.write_text("not a database", encoding="utf-8")
    with pytest.raises(map_tiles.TileSourceError, match=r"notes\.mbtiles: not an \.mbtiles file"):
        map_tiles.import_mbtiles(other, tmp_path / "tiles")
    empty = write_mbtiles(tmp_path / "empty.mbtiles", {})
    with pytest.raises(map_tiles.TileSourceError, match="holds no tiles"):
        map_tiles.import_mbtiles(empty, tmp_path / "tiles")
    assert not (tmp_path / "tiles" / "notes.mbtiles").exists()


def test_an_incomplete_choice_falls_back_to_no_tiles(tmp_path: Path) -> None:
    preferences = settings.Preferences(tmp_path / "preferences.json")
    assert map_tiles.tile_source(preferences).kind == "none"
    preferences.set("map_tiles", "online")
    assert map_tiles.tile_source(preferences).kind == "none"  # no address yet
    preferences.set("map_tile_url", "https://tiles.example.cn/{z}/{x}/{y}.png")
    assert map_tiles.tile_source(preferences) == map_tiles.TileSource(
        "online", url_template="https://tiles.example.cn/{z}/{x}/{y}.png"
    )
    preferences.set("map_tiles", "mbtiles")
    preferences.set("map_mbtiles_file", str(tmp_path / "gone.mbtiles"))
    assert map_tiles.tile_source(preferences).kind == "none"
