"""Generates a field collector's day as a route problem: for demos, tests and the benchmark.

A square city, collectors starting and ending at home, visits of which a share must start within a
two-hour window (the borrower's availability). Deterministic for a seed; it solves nothing.
"""

from __future__ import annotations

import math
import random
from typing import Any

CITY_CENTRE = (121.47, 31.23)  # lon, lat (Shanghai); any city serves
KM_PER_DEGREE_LAT = 111.32
DAY_START = 8 * 3600  # seconds after midnight
HOUR = 3600


def field_day(
    collectors: int = 15,
    visits: int = 300,
    seed: int = 1,
    city_km: float = 30.0,
    windowed_share: float = 0.5,
    window_hours: float = 2.0,
    visit_minutes: float = 30.0,
    shift_hours: float = 8.0,
    kmh: float = 25.0,
    road_factor: float = 1.3,
) -> dict[str, Any]:
    """A day's problem (JSON form): `collectors` from home, `visits` spread over the city."""
    rng = random.Random(seed)
    half_lat = city_km / 2 / KM_PER_DEGREE_LAT
    half_lon = city_km / 2 / (KM_PER_DEGREE_LAT * math.cos(math.radians(CITY_CENTRE[1])))

    def place() -> list[float]:
        return [
            round(CITY_CENTRE[0] + rng.uniform(-half_lon, half_lon), 6),
            round(CITY_CENTRE[1] + rng.uniform(-half_lat, half_lat), 6),
        ]

    shift_end = DAY_START + shift_hours * HOUR
    vehicles = []
    for index in range(collectors):
        home = place()
        vehicles.append(
            {
                "id": f"collector-{index + 1:02d}",
                "start": home,
                "end": home,
                "shift": [DAY_START, shift_end],
                "capacity": None,
                "skills": [],
                "max_jobs": None,
            }
        )
    jobs = []
    window = window_hours * HOUR
    for index in range(visits):
        windows = []
        if rng.random() < windowed_share:
            # Whole half-hours, inside the shift.
            opens = DAY_START + HOUR / 2 * rng.randrange(
                int((shift_hours * HOUR - window) / 1800) + 1
            )
            windows = [[opens, opens + window]]
        jobs.append(
            {
                "id": f"case-{index + 1:04d}",
                "location": place(),
                "service": visit_minutes * 60,
                "time_windows": windows,
                "demand": 0,
                "priority": 0,
                "skills": [],
            }
        )
    return {
        "travel": {"mode": "haversine", "kmh": kmh, "road_factor": road_factor},
        "vehicles": vehicles,
        "jobs": jobs,
    }
