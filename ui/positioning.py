"""Where the laptop is, from the system's positioning service where there is one.

`Positioner` keeps the last fix of a Qt position source. The application asks for the platform's
default source (GeoClue on Linux, the OS service on Windows and macOS); without one, or while it
has no fix, check-ins carry the typed place only. Tests give it a real NMEA source fed from a log.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtPositioning import QGeoPositionInfo, QGeoPositionInfoSource

# A fix older than this is not where the collector is now.
MAX_FIX_AGE = dt.timedelta(minutes=10)


class Positioner(QObject):
    """The last position fix of `source` (None: no positioning on this machine)."""

    fixed = Signal(float, float)

    def __init__(
        self, source: QGeoPositionInfoSource | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._fix: tuple[float, float, dt.datetime] | None = None
        if source is not None:
            source.setParent(self)
            source.positionUpdated.connect(self._on_position)
            source.startUpdates()

    @classmethod
    def system(cls, parent: QObject | None = None) -> Positioner:
        """The platform's positioning service, if it has one."""
        return cls(QGeoPositionInfoSource.createDefaultSource(parent), parent)

    @property
    def available(self) -> bool:
        return self._source is not None

    def _on_position(self, info: QGeoPositionInfo) -> None:
        if not info.isValid():
            return
        where = info.coordinate()
        self._fix = (where.latitude(), where.longitude(), dt.datetime.now(dt.UTC))
        self.fixed.emit(where.latitude(), where.longitude())

    def current(self, now: dt.datetime | None = None) -> tuple[float, float] | None:
        """(latitude, longitude) of a fix no older than MAX_FIX_AGE, else None."""
        if self._fix is None:
            return None
        lat, lon, at = self._fix
        if (now or dt.datetime.now(dt.UTC)) - at > MAX_FIX_AGE:
            return None
        return lat, lon
