"""User preferences, each declared once with its type, default and label, stored as versioned JSON.

Window state lives in QSettings (ui/ only) and secrets in the OS keyring; neither belongs here.
Labels are English source texts: the UI translates them (they are listed for Qt's translation
tools in ui/), the command line shows them as they are.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import platformdirs

from app import errors

logger = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass(frozen=True, slots=True)
class SettingSpec:
    """One declared preference.

    Attributes:
        key: the stable name stored in the file.
        kind: the Python type of its value.
        default: the value until the user changes it.
        label: the English text people read (translated by the UI).
        choices: the allowed values, when the setting is a choice.
    """

    key: str
    kind: type
    default: Any
    label: str
    choices: tuple[Any, ...] | None = None


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("language", str, "system", "Language", ("system", "zh_CN", "en")),
    SettingSpec("compliance_profile", str, "CN", "Contact rules", ("CN", "US", "UK")),
    SettingSpec("promise_grace_days", int, 3, "Days of grace before a promise counts as broken"),
    SettingSpec("auto_sync", bool, True, "Sync automatically when the server is reachable"),
    # The window hides behind a lock screen after this long without input (0: never).
    SettingSpec("auto_lock_minutes", int, 10, "Lock after this many idle minutes (0: never)"),
    # Attachment files (photos, signed agreements) larger than this are refused by the push.
    SettingSpec("max_attachment_mb", int, 20, "Largest attachment file synced (MB)"),
    # The day plan's estimated cost: road distance × cost per km + hours on duty × hourly rate.
    SettingSpec("cost_per_km", Decimal, Decimal("0.80"), "Travel cost per km (yuan)"),
    SettingSpec("hourly_rate", Decimal, Decimal("40.00"), "Collector's hourly rate (yuan)"),
    # The map's background: none (markers and routes on plain ground), an online tile server,
    # or an .mbtiles file imported into the data folder (app.services.map_tiles).
    SettingSpec("map_tiles", str, "none", "Map background", ("none", "online", "mbtiles")),
    SettingSpec("map_tile_url", str, "", "Online map tiles (URL with {z}, {x} and {y})"),
    SettingSpec("map_mbtiles_file", str, "", "Offline map tiles (.mbtiles file)"),
    # Road travel times for plans from an OSRM server's Table service (empty: straight-line
    # estimates); when it cannot be reached, plans are made with the estimates and say so.
    SettingSpec("osrm_url", str, "", "OSRM server for road travel times (URL; empty: estimate)"),
    # The route planner's budget: wall-clock seconds per plan and cores (0: all of them).
    SettingSpec("route_seconds", int, 2, "Seconds the route planner may take"),
    SettingSpec("route_threads", int, 0, "Cores the route planner may use (0: all)"),
)
_BY_KEY = {spec.key: spec for spec in SETTINGS}

# Versioned upgrades of the stored file: UPGRADES[n] turns a version-n document into n + 1.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def default_path() -> Path:
    folder = os.environ.get("FIELDCOLLECT_CONFIG_DIR") or platformdirs.user_config_dir(
        "FieldCollect", appauthor=False
    )
    return Path(folder) / "preferences.json"


def _checked(spec: SettingSpec, value: Any) -> Any:
    if spec.kind is Decimal and isinstance(value, str):
        # JSON has no decimal type: amounts are stored as their text, never as floats.
        try:
            value = Decimal(value)
        except InvalidOperation:
            raise errors.KnownError(
                f"setting {spec.key!r} needs an amount, got {value!r}"
            ) from None
    if (
        spec.kind is Decimal
        and isinstance(value, Decimal)
        and not (value.is_finite() and value >= 0)
    ):
        raise errors.KnownError(f"setting {spec.key!r} must be an amount of 0 or more, got {value}")
    if type(value) is not spec.kind:
        raise errors.KnownError(f"setting {spec.key!r} needs a {spec.kind.__name__}, got {value!r}")
    if spec.choices is not None and value not in spec.choices:
        raise errors.KnownError(
            f"setting {spec.key!r} must be one of {spec.choices}, got {value!r}"
        )
    return value


class Preferences:
    """The user's preferences, read from and written to one JSON file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self._values: dict[str, Any] = {}
        if self.path.exists():
            self._values = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            logger.warning("ignoring unreadable preferences %s: %s", self.path, exc)
            return {}
        version = int(document.get("version", 1))
        while version < SETTINGS_VERSION:
            document = UPGRADES[version](document)
            version += 1
        values = {}
        for key, value in document.get("values", {}).items():
            spec = _BY_KEY.get(key)
            if spec is None:
                logger.warning("ignoring unknown preference %r", key)
                continue
            try:
                values[key] = _checked(spec, value)
            except errors.KnownError as exc:
                logger.warning("ignoring preference: %s", exc)
        return values

    def get(self, key: str) -> Any:
        return self._values.get(key, _BY_KEY[key].default)

    def set(self, key: str, value: Any) -> None:
        spec = _BY_KEY.get(key)
        if spec is None:
            raise errors.KnownError(f"there is no setting named {key!r}")
        self._values[key] = _checked(spec, value)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        document = {"version": SETTINGS_VERSION, "values": self._values}
        self.path.write_text(
            json.dumps(document, indent=1, sort_keys=True, default=str), encoding="utf-8"
        )
