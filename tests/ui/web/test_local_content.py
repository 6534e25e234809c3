"""The `fieldcollect:` scheme handler: published pages, mounted folders, and nothing beside them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWebEngineCore import QWebEngineUrlScheme

from ui.web import local_content


@pytest.fixture
def handler(tmp_path: Path) -> local_content.LocalContentHandler:
    assets = tmp_path / "assets"
    (assets / "images").mkdir(parents=True)
    (assets / "leaflet.js").write_text("var L = {};", encoding="utf-8")
    (assets / "images" / "layers.png").write_bytes(b"\x89PNG")
    (tmp_path / "secret.txt").write_text("not for the page", encoding="utf-8")
    serving = local_content.LocalContentHandler()
    serving.mount("map/assets/", assets)
    serving.publish("map/index.html", "<html>地图</html>".encode())
    return serving


def test_published_pages_and_mounted_files_are_served(
    handler: local_content.LocalContentHandler,
) -> None:
    assert handler.content("map/index.html") == "<html>地图</html>".encode()
    assert handler.content("map/assets/leaflet.js") == b"var L = {};"
    assert handler.content("map/assets/images/layers.png") == b"\x89PNG"


def test_nothing_outside_a_mount_is_served(handler: local_content.LocalContentHandler) -> None:
    assert handler.content("map/assets/../secret.txt") is None
    assert handler.content("map/assets/images/../../secret.txt") is None
    assert handler.content("map/assets/") is None
    assert handler.content("map/other.html") is None
    assert handler.content("elsewhere/assets/leaflet.js") is None


def test_a_mount_prefix_is_a_folder(handler: local_content.LocalContentHandler) -> None:
    with pytest.raises(ValueError, match="ends with '/'"):
        handler.mount("map/assets", Path("."))


def test_the_scheme_is_registered_once_with_host_syntax() -> None:
    local_content.register_schemes()  # a second time: nothing happens
    scheme = QWebEngineUrlScheme.schemeByName(b"fieldcollect")
    assert scheme.syntax() == QWebEngineUrlScheme.Syntax.Host
    assert local_content.url("map/index.html").toString() == "fieldcollect://map/index.html"


def test_map_tiles_are_served_from_an_mbtiles_file(tmp_path: Path) -> None:
    from app.services import map_tiles
    from tests.helpers.mbtiles import write_mbtiles

    tile = b"\x89PNG one tile"
    reader = map_tiles.MbtilesReader(write_mbtiles(tmp_path / "city.mbtiles", {(3, 6, 2): tile}))
    serving = local_content.LocalContentHandler()
    serving.serve_tiles("map/tiles/", reader)
    try:
        assert serving.content("map/tiles/3/6/2") == tile
        assert serving.tile("map/tiles/3/6/2.png") == (tile, b"image/png")
        assert serving.content("map/tiles/3/6/5") is None  # the TMS row of (3, 6, 2)
        assert serving.content("map/tiles/3/6") is None
        assert serving.content("map/tiles/../index.html") is None
        serving.serve_tiles("map/tiles/", None)
        assert serving.content("map/tiles/3/6/2") is None
    finally:
        reader.close()
