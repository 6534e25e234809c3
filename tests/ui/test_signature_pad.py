"""The signature pad drawn on with the mouse: strokes, undo, clear, and the transparent PNG."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.widgets import signature_pad
from ui.widgets.signature_pad import SignaturePad


def _pad(qtbot: QtBot) -> SignaturePad:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 180)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def draw(qtbot: QtBot, pad: SignaturePad, *points: tuple[int, int]) -> None:
    """One stroke through `points` with the left mouse button held down."""
    with qtbot.waitSignal(pad.changed):
        QTest.mousePress(
            pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0])
        )
        for point in points[1:]:
            QTest.mouseMove(pad, QPoint(*point))
        QTest.mouseRelease(
            pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1])
        )


def _image(png: bytes) -> QImage:
    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def _dark_pixels(image: QImage) -> int:
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            color = image.pixelColor(x, y)
            if color.alpha() > 200 and max(color.red(), color.green(), color.blue()) < 100:
                count += 1
    return count


def test_a_horizontal_stroke_becomes_dark_pixels_on_a_transparent_png(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    assert pad.is_empty()
    draw(qtbot, pad, (50, 60), (150, 60), (250, 60))
    assert not pad.is_empty() and pad.stroke_count == 1
    image = _image(pad.to_png())
    assert image.hasAlphaChannel()
    scale, padding = signature_pad.PNG_SCALE, signature_pad.PNG_PADDING
    # Cropped to the stroke (200 px long) and its margin, at twice the resolution.
    assert abs(image.width() - (200 + 2 * padding + signature_pad.MOUSE_WIDTH) * scale) <= 2
    assert image.height() < 40
    assert image.pixelColor(0, 0).alpha() == 0, "the corners are transparent"
    assert image.pixelColor(image.width() - 1, image.height() - 1).alpha() == 0
    middle = image.pixelColor(image.width() // 2, image.height() // 2)
    assert middle.alpha() > 200 and middle.blue() < 100, "the line is drawn in dark ink"
    assert _dark_pixels(image) > 200 * scale


def test_undo_takes_back_only_the_last_stroke(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    draw(qtbot, pad, (40, 40), (200, 40))
    one_stroke = pad.to_png()
    draw(qtbot, pad, (40, 120), (200, 140), (300, 100))
    assert pad.stroke_count == 2
    two_strokes = _image(pad.to_png())
    assert two_strokes.height() > _image(one_stroke).height() * 2
    with qtbot.waitSignal(pad.changed):
        pad.undo()
    assert pad.stroke_count == 1
    assert pad.to_png() == one_stroke


def test_clear_empties_the_pad_and_an_empty_pad_has_no_png(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    QTest.mouseClick(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(100, 50)
    )
    assert pad.stroke_count == 1, "a tap is a dot"
    with qtbot.waitSignal(pad.changed):
        pad.clear()
    assert pad.is_empty()
    try:
        pad.to_png()
    except ValueError:
        pass
    else:
        raise AssertionError("an empty pad has nothing to export")
    with qtbot.assertNotEmitted(pad.changed):
        pad.undo()
        pad.clear()


def test_pen_pressure_sets_the_line_width() -> None:
    assert signature_pad._pressure_width(0.0) == signature_pad.MIN_WIDTH
    assert signature_pad._pressure_width(1.0) == signature_pad.MAX_WIDTH
    assert signature_pad.MIN_WIDTH < signature_pad._pressure_width(0.5) < signature_pad.MAX_WIDTH


def test_a_pen_draws_wider_where_it_presses_harder(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    pen = QPointingDevice(
        "test pen",
        1,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )

    def tablet(kind: QEvent.Type, x: float, pressure: float) -> None:
        event = QTabletEvent(
            kind,
            pen,
            QPointF(x, 60),
            QPointF(pad.mapToGlobal(QPoint(int(x), 60))),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
        )
        QApplication.sendEvent(pad, event)

    with qtbot.waitSignal(pad.changed):
        tablet(QEvent.Type.TabletPress, 40, 0.1)
        tablet(QEvent.Type.TabletMove, 120, 0.1)
        tablet(QEvent.Type.TabletMove, 200, 1.0)
        tablet(QEvent.Type.TabletRelease, 280, 1.0)
    assert pad.stroke_count == 1
    image = _image(pad.to_png())

    def thickness(x: int) -> int:
        return sum(1 for y in range(image.height()) if image.pixelColor(x, y).alpha() > 128)

    # 40 px into the stroke it is light; 40 px before its end it is pressed hard.
    scale = signature_pad.PNG_SCALE
    light, hard = thickness(40 * scale), thickness(image.width() - 40 * scale)
    assert 0 < light < hard


def test_a_finger_signs_too(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    screen = QTest.createTouchDevice()
    with qtbot.waitSignal(pad.changed):
        QTest.touchEvent(pad, screen).press(0, QPoint(30, 50), pad).commit()
        QTest.touchEvent(pad, screen).move(0, QPoint(150, 90), pad).commit()
        QTest.touchEvent(pad, screen).move(0, QPoint(250, 50), pad).commit()
        QTest.touchEvent(pad, screen).release(0, QPoint(250, 50), pad).commit()
    assert pad.stroke_count == 1
    assert _dark_pixels(_image(pad.to_png())) > 100
