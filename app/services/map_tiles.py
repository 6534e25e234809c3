"""Use case: where the map's background comes from — nothing, an online tile server, or an offline
`.mbtiles` file imported into the data folder — and reading single tiles out of such a file.

An MBTiles file is an SQLite database (`tiles(zoom_level, tile_column, tile_row, tile_data)`,
rows counted from the south: the TMS scheme) plus a `metadata` table. This module reads it with
the standard library, read-only; it never writes a tile file after importing it, and it serves
nothing itself (the UI's URL scheme asks it for tiles).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

from app import errors, settings

logger = logging.getLogger(__name__)

NONE = "none"
ONLINE = "online"
MBTILES = "mbtiles"

_CONTENT_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
}


class TileSourceError(errors.KnownError):
    """A tile source that cannot be used; the message names the file or address at fault."""


@dataclass(frozen=True, slots=True)
class TileSource:
    """The map background the preferences ask for.

    Attributes:
        kind: "none", "online" or "mbtiles".
        url_template: the online tile address (with {z}, {x}, {y}); None unless online.
        mbtiles: the imported file; None unless mbtiles.
    """

    kind: str
    url_template: str | None = None
    mbtiles: Path | None = None


def tiles_folder() -> Path:
    """Where imported .mbtiles files are kept: the platform's data folder (or
    $FIELDCOLLECT_DATA_DIR), under `tiles/`."""
    folder = os.environ.get("FIELDCOLLECT_DATA_DIR") or platformdirs.user_data_dir(
        "FieldCollect", appauthor=False
    )
    return Path(folder) / "tiles"


def tile_source(preferences: settings.Preferences) -> TileSource:
    """The source the preferences choose; an incomplete choice (no address, no file, a file that
    has gone) falls back to no tiles, so the map still shows markers and routes."""
    kind = preferences.get("map_tiles")
    if kind == ONLINE:
        template = str(preferences.get("map_tile_url")).strip()
        if template and _is_tile_template(template):
            return TileSource(ONLINE, url_template=template)
        logger.warning("online map tiles chosen but the tile address is missing or incomplete")
    elif kind == MBTILES:
        file = str(preferences.get("map_mbtiles_file")).strip()
        if file and Path(file).is_file():
            return TileSource(MBTILES, mbtiles=Path(file))
        logger.warning("offline map tiles chosen but the .mbtiles file is missing")
    return TileSource(NONE)


def _is_tile_template(template: str) -> bool:
    return urlsplit(template).scheme in ("http", "https") and all(
        part in template for part in ("{z}", "{x}", "{y}")
    )


def import_mbtiles(source: Path, folder: Path | None = None) -> Path:
    """Copy the .mbtiles file `source` into the tiles folder (replacing a file of the same name)
    after checking that it holds tiles; returns the copy, which the preferences then name."""
    reader = MbtilesReader(source)
    try:
        if reader.tile_count() == 0:
            raise TileSourceError(f"{source}: the .mbtiles file holds no tiles")
    finally:
        reader.close()
    target_folder = folder or tiles_folder()
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
        target = target_folder / source.name
        if source.resolve() != target.resolve():
            # Written aside then renamed: an interrupted copy never replaces a good file.
            partial = target.with_suffix(".mbtiles.partial")
            shutil.copyfile(source, partial)
            partial.replace(target)
    except OSError as error:
        raise TileSourceError(
            f"{source}: cannot be copied into {target_folder} ({error.strerror or error})"
        ) from None
    logger.info("imported map tiles into %s", target)
    return target


class MbtilesReader:
    """Reads tiles from one .mbtiles file, read-only; safe to call from any thread.

    Attributes:
        path: the file.
        content_type: the MIME type of its tiles (from its metadata; PNG when unstated).
        min_zoom: the lowest zoom level it holds (None when empty).
        max_zoom: the highest zoom level it holds (None when empty).
        attribution: its metadata's attribution, if any.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise TileSourceError(f"{path}: no such .mbtiles file")
        try:
            self._connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            metadata = dict(self._connection.execute("SELECT name, value FROM metadata"))
            self.min_zoom, self.max_zoom = self._connection.execute(
                "SELECT min(zoom_level), max(zoom_level) FROM tiles"
            ).fetchone()
        except sqlite3.DatabaseError as error:
            raise TileSourceError(
                f"{path}: not an .mbtiles file (an SQLite database with the tables metadata "
                f"and tiles): {error}"
            ) from None
        self._lock = threading.Lock()
        tile_format = str(metadata.get("format", "png")).lower()
        self.content_type = _CONTENT_TYPES.get(tile_format, "image/png")
        self.attribution = metadata.get("attribution") or None

    def tile(self, zoom: int, x: int, y: int) -> bytes | None:
        """The tile at `zoom`/`x`/`y` in the map's (XYZ, rows from the north) numbering, or None."""
        if zoom < 0 or not (0 <= x < 2**zoom and 0 <= y < 2**zoom):
            return None
        # MBTiles counts rows from the south (TMS); Leaflet from the north.
        tms_row = 2**zoom - 1 - y
        with self._lock:
            row = self._connection.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? "
                "AND tile_row = ?",
                (zoom, x, tms_row),
            ).fetchone()
        return bytes(row[0]) if row is not None else None

    def tile_count(self) -> int:
        with self._lock:
            return int(self._connection.execute("SELECT count(*) FROM tiles").fetchone()[0])

    def close(self) -> None:
        self._connection.close()
