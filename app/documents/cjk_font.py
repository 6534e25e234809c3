"""Finds and registers a TrueType font that can show an agreement's Chinese text in a PDF.

The bundled subset of WenQuanYi Micro Hei (resources/fonts, Apache-2.0) comes first, so a PDF
looks the same on every machine; installed system fonts are the fallback for characters the
subset lacks. It chooses fonts only; it draws nothing.
"""

from __future__ import annotations

import importlib.resources
import io
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

logger = logging.getLogger(__name__)

BUNDLED_FONT = "wqy-microhei-subset.ttf"


@dataclass(frozen=True, slots=True)
class FontSource:
    """Where a candidate font lives.

    Attributes:
        name: the name reportlab registers it under.
        path: a file path, or None for the font bundled in resources/fonts.
        subfont_index: which face of a .ttc collection.
    """

    name: str
    path: str | None = None
    subfont_index: int = 0


# Only TrueType-outline fonts: reportlab cannot embed CFF/PostScript outlines (Noto CJK .otf).
CANDIDATES: tuple[FontSource, ...] = (
    FontSource("FieldCollectSans"),
    FontSource("FieldCollectSans-wqy-microhei", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    FontSource(
        "FieldCollectSans-wqy-microhei-rh", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"
    ),
    FontSource("FieldCollectSans-wqy-zenhei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    FontSource("FieldCollectSans-uming", "/usr/share/fonts/truetype/arphic/uming.ttc"),
    FontSource("FieldCollectSans-simhei", "C:/Windows/Fonts/simhei.ttf"),
    FontSource("FieldCollectSans-simsun", "C:/Windows/Fonts/simsun.ttc"),
    FontSource("FieldCollectSans-msyh", "C:/Windows/Fonts/msyh.ttc"),
)


class NoFontError(RuntimeError):
    """No font on this machine can show the text."""


@cache
def load_font(source: FontSource) -> TTFont | None:
    """The font registered with reportlab, or None if it is missing or unusable."""
    try:
        if source.path is None:
            resource = importlib.resources.files("resources") / "fonts" / BUNDLED_FONT
            font = TTFont(source.name, io.BytesIO(resource.read_bytes()))
        else:
            if not Path(source.path).is_file():
                return None
            font = TTFont(source.name, source.path, subfontIndex=source.subfont_index)
    except (OSError, TTFError) as error:
        logger.warning("font %s unusable: %s", source.path or BUNDLED_FONT, error)
        return None
    pdfmetrics.registerFont(font)
    logger.debug("registered font %s from %s", source.name, source.path or BUNDLED_FONT)
    return font


def missing_characters(font: TTFont, text: str) -> set[str]:
    """Characters of ``text`` the font has no glyph for (whitespace ignored)."""
    glyphs = font.face.charToGlyph
    return {char for char in set(text) if not char.isspace() and ord(char) not in glyphs}


def font_covering(text: str, candidates: tuple[FontSource, ...] | None = None) -> str:
    """The registered name of the first candidate font that has every character of ``text``.

    If none has them all, the one missing fewest is used and a warning logged (characters that
    are not even in a system font are rare; a blank glyph is better than no agreement).
    """
    best: tuple[int, str] | None = None
    for source in CANDIDATES if candidates is None else candidates:
        font = load_font(source)
        if font is None:
            continue
        missing = missing_characters(font, text)
        if not missing:
            return source.name
        # Counted, not listed: the characters may be part of a borrower's name.
        logger.info("font %s lacks %d characters of the agreement", source.name, len(missing))
        if best is None or len(missing) < best[0]:
            best = (len(missing), source.name)
    if best is None:
        raise NoFontError(
            "no Chinese TrueType font found: the bundled resources/fonts/"
            f"{BUNDLED_FONT} is missing and no system font (e.g. fonts-wqy-microhei) is installed"
        )
    logger.warning("no font has every character of the agreement; %d will show blank", best[0])
    return best[1]
