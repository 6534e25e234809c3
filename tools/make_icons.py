"""Draws the application icon: resources/icons/fieldcollect.png and, for Windows, .ico.

A map pin with a tick on a rounded blue square: a visit done. Drawn large and scaled down, so
the small sizes stay smooth; the .ico carries 16 to 256 pixels, as Windows' Explorer and task
bar ask for. Run it again (`.venv/bin/python tools/make_icons.py`) only to change the drawing;
the files are committed and build_installer.spec uses them.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
CANVAS = 1024
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
BLUE = (25, 92, 170, 255)
WHITE = (255, 255, 255, 255)
GREEN = (46, 160, 67, 255)


def draw() -> Image.Image:
    image = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((32, 32, CANVAS - 32, CANVAS - 32), radius=200, fill=BLUE)
    # The pin: a round head over a point.
    centre, radius = (CANVAS // 2, 410), 250
    pen.polygon(
        [
            (centre[0] - 205, centre[1] + 145),
            (centre[0] + 205, centre[1] + 145),
            (CANVAS // 2, 900),
        ],
        fill=WHITE,
    )
    pen.ellipse(
        (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
        fill=WHITE,
    )
    # The tick inside the head.
    pen.line(
        [
            (centre[0] - 120, centre[1] + 5),
            (centre[0] - 30, centre[1] + 95),
            (centre[0] + 130, centre[1] - 95),
        ],
        fill=GREEN,
        width=70,
        joint="curve",
    )
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS / "fieldcollect.png")
    image.save(ICONS / "fieldcollect.ico", sizes=ICO_SIZES)
    print(f"wrote {ICONS / 'fieldcollect.png'} and {ICONS / 'fieldcollect.ico'}")  # noqa: T201 - a tool says what it wrote


if __name__ == "__main__":
    main()
