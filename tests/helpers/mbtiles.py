"""Writes tiny .mbtiles files (SQLite: metadata and tiles, rows in the TMS scheme) for tests."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path


def write_mbtiles(
    path: Path, tiles: Mapping[tuple[int, int, int], bytes], tile_format: str = "png"
) -> Path:
    """An .mbtiles file at `path` holding `tiles`, keyed by (zoom, x, y) in the XYZ numbering
    Leaflet uses (rows from the north); they are stored with the TMS row, as the format says."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        connection.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
            "tile_data BLOB)"
        )
        connection.executemany(
            "INSERT INTO metadata VALUES (?, ?)",
            [("name", "test tiles"), ("format", tile_format), ("attribution", "Test tiles")],
        )
        connection.executemany(
            "INSERT INTO tiles VALUES (?, ?, ?, ?)",
            [(zoom, x, 2**zoom - 1 - y, data) for (zoom, x, y), data in tiles.items()],
        )
        connection.commit()
    finally:
        connection.close()
    return path
