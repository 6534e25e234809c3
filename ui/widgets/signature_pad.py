"""A pad to sign on with a mouse, a pen (its pressure sets the line width) or a finger.

It only captures strokes and exports them as a transparent PNG; what the signature is for, and
where it is stored, is the caller's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

# Dark blue-black ink, as a ballpoint signature on paper.
INK = QColor(16, 24, 64)
# Line widths in pixels: a mouse draws at MOUSE_WIDTH; a pen from MIN_WIDTH (barely touching)
# to MAX_WIDTH (pressed hard).
MOUSE_WIDTH = 2.6
MIN_WIDTH = 1.2
MAX_WIDTH = 4.8
# The PNG is drawn at twice the screen's pixels, so that it stays sharp on paper.
PNG_SCALE = 2
PNG_PADDING = 6


@dataclass(slots=True)
class _Stroke:
    """One stroke: points in widget coordinates and the line width at each."""

    points: list[QPointF] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)

    def add(self, point: QPointF, width: float) -> None:
        # A move to the same spot (a pen resting) adds nothing to the line.
        if self.points and self.points[-1] == point:
            self.widths[-1] = max(self.widths[-1], width)
            return
        self.points.append(QPointF(point))
        self.widths.append(width)

    def bounds(self) -> QRectF:
        xs = [point.x() for point in self.points]
        ys = [point.y() for point in self.points]
        half = max(self.widths) / 2
        return QRectF(
            min(xs) - half,
            min(ys) - half,
            max(xs) - min(xs) + 2 * half,
            max(ys) - min(ys) + 2 * half,
        )


def _pressure_width(pressure: float) -> float:
    return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * max(0.0, min(1.0, pressure))


def _paint_strokes(painter: QPainter, strokes: list[_Stroke]) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for stroke in strokes:
        if len(stroke.points) == 1:
            # A tap is a dot.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(INK)
            radius = stroke.widths[0] / 2
            painter.drawEllipse(stroke.points[0], radius, radius)
            continue
        for index in range(1, len(stroke.points)):
            width = (stroke.widths[index - 1] + stroke.widths[index]) / 2
            painter.setPen(
                QPen(
                    INK,
                    width,
                    Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.RoundCap,
                    Qt.PenJoinStyle.RoundJoin,
                )
            )
            painter.drawLine(stroke.points[index - 1], stroke.points[index])


class SignaturePad(QWidget):
    """A surface to sign on.

    Attributes:
        stroke_count: how many strokes the signature has.

    Signals:
        changed: a stroke was finished or undone, or the pad was cleared.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setMinimumSize(320, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[_Stroke] = []
        self._current: _Stroke | None = None

    # -- the signature ---------------------------------------------------------------------------

    @property
    def stroke_count(self) -> int:
        return len(self._strokes)

    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        self._current = None
        if self._strokes:
            self._strokes.clear()
            self.update()
            self.changed.emit()

    def undo(self) -> None:
        """Take back the last stroke."""
        if self._strokes:
            self._strokes.pop()
            self.update()
            self.changed.emit()

    def to_png(self) -> bytes:
        """The signature as a PNG: transparent background, cropped to the strokes with a small
        margin, at twice the screen's resolution. ValueError when nothing has been drawn."""
        if not self._strokes:
            raise ValueError("nothing has been signed")
        bounds = QRectF(self._strokes[0].bounds())
        for stroke in self._strokes[1:]:
            bounds = bounds.united(stroke.bounds())
        bounds.adjust(-PNG_PADDING, -PNG_PADDING, PNG_PADDING, PNG_PADDING)
        image = QImage(
            max(1, round(bounds.width() * PNG_SCALE)),
            max(1, round(bounds.height() * PNG_SCALE)),
            QImage.Format.Format_ARGB32,
        )
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.scale(PNG_SCALE, PNG_SCALE)
        painter.translate(-bounds.topLeft())
        _paint_strokes(painter, self._strokes)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise RuntimeError("Qt could not encode the signature as PNG")
        buffer.close()
        return bytes(data.data())

    # -- drawing ---------------------------------------------------------------------------------

    def _begin(self, point: QPointF, width: float) -> None:
        if not self.isEnabled():
            return
        self._current = _Stroke()
        self._current.add(point, width)
        self._strokes.append(self._current)
        self.update()

    def _extend(self, point: QPointF, width: float) -> None:
        if self._current is not None:
            self._current.add(point, width)
            self.update()

    def _end(self, point: QPointF | None, width: float) -> None:
        if self._current is None:
            return
        if point is not None:
            self._current.add(point, width)
        self._current = None
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_WIDTH)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        # Only while a stroke is under way (the button is down); the pad does not track hovers.
        self._extend(event.position(), MOUSE_WIDTH)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position(), MOUSE_WIDTH)
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted, so Qt does not also send the mouse events it would make of it.
        width = _pressure_width(event.pressure())
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), width)
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position(), width)
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position(), width)
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            self._touch(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        """One finger signs; a second finger on the pad is ignored."""
        kind = event.type()
        points = event.points()
        point = points[0].position() if points else None
        # Touch screens that report no pressure give 1.0 or 0.0; both mean "as a mouse".
        pressure = points[0].pressure() if points else 0.0
        width = _pressure_width(pressure) if 0.0 < pressure < 1.0 else MOUSE_WIDTH
        if kind == QEvent.Type.TouchBegin and point is not None:
            self._begin(point, width)
        elif kind == QEvent.Type.TouchUpdate and point is not None:
            self._extend(point, width)
        elif kind == QEvent.Type.TouchEnd:
            self._end(point, width)
        elif kind == QEvent.Type.TouchCancel and self._current is not None:
            # The system took the touch away mid-stroke: the stroke is not the signer's.
            self._strokes.remove(self._current)
            self._current = None
            self.update()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        baseline = self.height() - 28
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
        painter.drawLine(16, baseline, self.width() - 16, baseline)
        if not self._strokes:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect().adjusted(0, 0, 0, -(self.height() - baseline) - 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                QCoreApplication.translate("SignaturePad", "Sign here"),
            )
        _paint_strokes(painter, self._strokes)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
        super().changeEvent(event)
