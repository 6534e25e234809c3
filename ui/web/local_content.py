"""The `fieldcollect:` URL scheme: pages built in memory and packaged files, served to QtWebEngine
with no network and no temporary files.

The scheme must be registered before the QApplication is created (`register_schemes`); each
profile that shows such pages installs its own `LocalContentHandler`. A handler serves only what
was published or mounted on it, nothing outside a mounted folder, and map tiles `{z}/{x}/{y}`
below a tile prefix from the tile reader given for it (an offline .mbtiles file).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

logger = logging.getLogger(__name__)

SCHEME = "fieldcollect"

_CONTENT_TYPES = {
    ".html": b"text/html",
    ".js": b"text/javascript",
    ".css": b"text/css",
    ".png": b"image/png",
    ".svg": b"image/svg+xml",
    ".json": b"application/json",
    ".map": b"application/json",
}


# "{z}/{x}/{y}" below a tile prefix, with or without an image suffix.
_TILE_PATH = re.compile(r"(\d{1,2})/(\d{1,9})/(\d{1,9})(?:\.[a-z]{3,4})?")


class TileReader(Protocol):
    """What serves tiles: `app.services.map_tiles.MbtilesReader` (any thread may call it)."""

    content_type: str

    def tile(self, zoom: int, x: int, y: int) -> bytes | None: ...


def register_schemes() -> None:
    """Declare the `fieldcollect:` scheme to QtWebEngine; call once, before the QApplication.

    Raises RuntimeError when a QApplication already exists (QtWebEngine would ignore the scheme
    and every local page would fail to load).
    """
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name() == SCHEME.encode():
        return
    if QCoreApplication.instance() is not None:
        raise RuntimeError(
            "register_schemes() must run before the QApplication is created "
            "(QtWebEngine reads URL schemes once, at start-up)"
        )
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    # Host syntax (fieldcollect://map/index.html) so relative links resolve like on the web.
    # Not a secure scheme on purpose: a secure page would refuse tiles from a plain-http server.
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    QWebEngineUrlScheme.registerScheme(scheme)


def url(path: str) -> QUrl:
    """The address of `path` ("host/some/file.html") under the scheme."""
    return QUrl(f"{SCHEME}://{path}")


def _content_type(path: str) -> bytes:
    return _CONTENT_TYPES.get(Path(path).suffix.lower(), b"application/octet-stream")


class LocalContentHandler(QWebEngineUrlSchemeHandler):
    """Answers `fieldcollect:` requests from published pages and mounted folders.

    Paths are "host/path" without the scheme: `publish("map/index.html", …)` answers
    `fieldcollect://map/index.html`; `mount("map/assets/leaflet/", folder)` answers every file
    under `folder` below that prefix.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pages: dict[str, bytes] = {}
        self._folders: dict[str, Path] = {}
        self._tiles: dict[str, TileReader] = {}

    def publish(self, path: str, content: bytes) -> None:
        self._pages[path] = content

    def mount(self, prefix: str, folder: Path) -> None:
        if not prefix.endswith("/"):
            raise ValueError(f"a mount prefix ends with '/', got {prefix!r}")
        self._folders[prefix] = folder.resolve()

    def serve_tiles(self, prefix: str, reader: TileReader | None) -> None:
        """Answer `{prefix}{z}/{x}/{y}` from `reader` (None: stop serving tiles there)."""
        if not prefix.endswith("/"):
            raise ValueError(f"a tile prefix ends with '/', got {prefix!r}")
        if reader is None:
            self._tiles.pop(prefix, None)
        else:
            self._tiles[prefix] = reader

    def tile(self, path: str) -> tuple[bytes, bytes] | None:
        """(tile bytes, content type) when `path` names a tile that a tile reader holds."""
        for prefix, reader in self._tiles.items():
            if path.startswith(prefix):
                found = _TILE_PATH.fullmatch(path.removeprefix(prefix))
                if found is None:
                    return None
                zoom, x, y = (int(part) for part in found.groups())
                data = reader.tile(zoom, x, y)
                return (data, reader.content_type.encode()) if data is not None else None
        return None

    def is_tile_path(self, path: str) -> bool:
        return any(path.startswith(prefix) for prefix in self._tiles)

    def content(self, path: str) -> bytes | None:
        """What `path` serves, or None when nothing (or something outside a mount) is asked."""
        if path in self._pages:
            return self._pages[path]
        if self.is_tile_path(path):
            tile = self.tile(path)
            return tile[0] if tile is not None else None
        for prefix, folder in self._folders.items():
            if path.startswith(prefix):
                file = (folder / path.removeprefix(prefix)).resolve()
                if file.is_relative_to(folder) and file.is_file():
                    return file.read_bytes()
        return None

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        requested = job.requestUrl()
        path = requested.host() + requested.path()
        if job.requestMethod() != b"GET":
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        if self.is_tile_path(path):
            tile = self.tile(path)
            if tile is None:
                # A tile file covers some zooms and places only; Leaflet asks for more.
                logger.debug("no map tile at %s", requested.toString())
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
                return
            content, content_type = tile
        else:
            found = self.content(path)
            if found is None:
                logger.warning("no local content at %s", requested.toString())
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
                return
            content, content_type = found, _content_type(path)
        # The job owns the buffer, so it lives exactly as long as the request.
        buffer = QBuffer(job)
        buffer.setData(QByteArray(content))
        job.reply(content_type, buffer)
