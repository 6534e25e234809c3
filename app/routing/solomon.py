"""Reads Solomon VRPTW benchmark files into the route problem format (euclidean, speed 1).

Customer 0 is the depot; its due date ends every shift. Distances stay unrounded, as the
best-known figures are measured. It reads text only and solves nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class SolomonFormatError(ValueError):
    """A file that is not in the Solomon layout; the message names the file and line."""


def read_solomon(path: Path, customers: int | None = None) -> dict[str, Any]:
    """The route problem (JSON form) of the Solomon file at `path`, optionally only its first
    `customers` customers."""
    lines = path.read_text(encoding="utf-8").splitlines()
    vehicle_count = capacity = None
    rows: list[tuple[int, list[float]]] = []
    for number, line in enumerate(lines, start=1):
        words = line.split()
        if words[:2] == ["NUMBER", "CAPACITY"] and number < len(lines):
            try:
                vehicle_count, capacity = (int(word) for word in lines[number].split()[:2])
            except ValueError:
                raise SolomonFormatError(
                    f"{path}:{number + 1}: expected vehicle number and capacity"
                ) from None
        elif len(words) == 7 and words[0].isdigit():
            try:
                rows.append((number, [float(word) for word in words]))
            except ValueError:
                raise SolomonFormatError(f"{path}:{number}: expected 7 numbers") from None
    if vehicle_count is None or capacity is None or not rows:
        raise SolomonFormatError(f"{path}: no VEHICLE section or no customers")
    (_, depot), *customer_rows = rows
    if customers is not None:
        customer_rows = customer_rows[:customers]
    depot_place = [depot[1], depot[2]]
    return {
        "travel": {"mode": "euclidean", "speed": 1.0},
        "vehicles": [
            {
                "id": f"v{index + 1}",
                "start": depot_place,
                "end": depot_place,
                "shift": [depot[4], depot[5]],
                "capacity": capacity,
                "skills": [],
                "max_jobs": None,
            }
            for index in range(vehicle_count)
        ],
        "jobs": [
            {
                "id": str(int(row[0])),
                "location": [row[1], row[2]],
                "service": row[6],
                "time_windows": [[row[4], row[5]]],
                "demand": int(row[3]),
                "priority": 0,
                "skills": [],
            }
            for _, row in customer_rows
        ],
    }
