"""The route problem: collectors (vehicles), visits (jobs) and how travel is measured.

Parses and validates the plain JSON problem format of DESIGN.md ("Route problem JSON") into frozen
values; every error names the field (`jobs[3].time_windows[0]: ...`). It solves nothing.
"""

from __future__ import annotations

import enum
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]
Window = tuple[float, float]

MAX_PRIORITY = 100


class ProblemFormatError(ValueError):
    """A route problem that does not follow the format; the message starts with the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.detail = message


class TravelMode(enum.StrEnum):
    EUCLIDEAN = "euclidean"
    HAVERSINE = "haversine"


@dataclass(frozen=True, slots=True)
class Travel:
    """How far and how long a leg is.

    Attributes:
        mode: euclidean (locations [x, y], time = distance / speed, any unit) or haversine
            (locations [lon, lat], metres and seconds).
        speed: distance units per time unit (euclidean only).
        kmh: travel speed in km/h (haversine only).
        road_factor: road distance over straight-line distance (haversine only; 1 for euclidean).
    """

    mode: TravelMode
    speed: float = 1.0
    kmh: float = 0.0
    road_factor: float = 1.0


@dataclass(frozen=True, slots=True)
class Vehicle:
    """A collector's day.

    Attributes:
        id: the collector's identifier, as given.
        start: where the day starts.
        end: where it ends; None for a day that ends at the last visit.
        shift: earliest departure and latest return.
        capacity: how much demand the vehicle can carry; None for no limit.
        skills: skills the collector has.
        max_jobs: most visits in the day; None for no limit.
    """

    id: str
    start: Point
    end: Point | None
    shift: Window
    capacity: int | None = None
    skills: frozenset[str] = frozenset()
    max_jobs: int | None = None


@dataclass(frozen=True, slots=True)
class Job:
    """A visit to make.

    Attributes:
        id: the visit's identifier, as given.
        location: where it is.
        service: how long the visit lasts.
        time_windows: windows for the START of the visit, sorted; empty means any time.
        demand: capacity it uses.
        priority: 0 (lowest) to 100; higher-priority visits are kept when not all fit.
        skills: skills the collector must all have.
    """

    id: str
    location: Point
    service: float = 0.0
    time_windows: tuple[Window, ...] = ()
    demand: int = 0
    priority: int = 0
    skills: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class RouteProblem:
    """A whole planning problem.

    Attributes:
        travel: how legs are measured.
        vehicles: the collectors, in the order given.
        jobs: the visits, in the order given.
    """

    travel: Travel
    vehicles: tuple[Vehicle, ...]
    jobs: tuple[Job, ...]


_TOP_KEYS = {"travel", "vehicles", "jobs"}
_VEHICLE_KEYS = {"id", "start", "end", "shift", "capacity", "skills", "max_jobs"}
_JOB_KEYS = {"id", "location", "service", "time_windows", "demand", "priority", "skills"}


def parse_problem(data: Any) -> RouteProblem:
    """The problem described by `data` (decoded JSON); ProblemFormatError names a bad field."""
    top = _mapping(data, "", "the problem", _TOP_KEYS)
    travel = _travel(_required(top, "travel", ""))
    vehicles_data = _list(_required(top, "vehicles", ""), "vehicles")
    jobs_data = _list(_required(top, "jobs", ""), "jobs")
    if not vehicles_data:
        raise ProblemFormatError("vehicles", "at least one vehicle is needed")
    vehicles = tuple(
        _vehicle(item, f"vehicles[{index}]", travel.mode)
        for index, item in enumerate(vehicles_data)
    )
    jobs = tuple(_job(item, f"jobs[{index}]", travel.mode) for index, item in enumerate(jobs_data))
    _unique_ids([vehicle.id for vehicle in vehicles], "vehicles")
    _unique_ids([job.id for job in jobs], "jobs")
    return RouteProblem(travel=travel, vehicles=vehicles, jobs=jobs)


def problem_to_dict(problem: RouteProblem) -> dict[str, Any]:
    """The JSON form of `problem` (parse_problem of it gives the same problem back)."""
    travel = problem.travel
    if travel.mode is TravelMode.EUCLIDEAN:
        travel_data: dict[str, Any] = {"mode": "euclidean", "speed": travel.speed}
    else:
        travel_data = {"mode": "haversine", "kmh": travel.kmh, "road_factor": travel.road_factor}
    return {
        "travel": travel_data,
        "vehicles": [
            {
                "id": vehicle.id,
                "start": list(vehicle.start),
                "end": list(vehicle.end) if vehicle.end is not None else None,
                "shift": list(vehicle.shift),
                "capacity": vehicle.capacity,
                "skills": sorted(vehicle.skills),
                "max_jobs": vehicle.max_jobs,
            }
            for vehicle in problem.vehicles
        ],
        "jobs": [
            {
                "id": job.id,
                "location": list(job.location),
                "service": job.service,
                "time_windows": [list(window) for window in job.time_windows],
                "demand": job.demand,
                "priority": job.priority,
                "skills": sorted(job.skills),
            }
            for job in problem.jobs
        ],
    }


def _travel(data: Any) -> Travel:
    travel = _mapping(data, "travel", "an object", {"mode", "speed", "kmh", "road_factor"})
    mode_text = _required(travel, "mode", "travel")
    try:
        mode = TravelMode(mode_text)
    except ValueError:
        raise ProblemFormatError(
            "travel.mode", f"{mode_text!r} is not a mode; use 'euclidean' or 'haversine'"
        ) from None
    if mode is TravelMode.EUCLIDEAN:
        _no_keys(travel, "travel", {"kmh", "road_factor"}, "euclidean travel")
        speed = _number(travel.get("speed", 1.0), "travel.speed")
        if speed <= 0:
            raise ProblemFormatError("travel.speed", f"must be above 0, not {speed:g}")
        return Travel(mode=mode, speed=speed)
    _no_keys(travel, "travel", {"speed"}, "haversine travel")
    kmh = _number(_required(travel, "kmh", "travel"), "travel.kmh")
    if kmh <= 0:
        raise ProblemFormatError("travel.kmh", f"must be above 0, not {kmh:g}")
    road_factor = _number(travel.get("road_factor", 1.0), "travel.road_factor")
    if road_factor < 1:
        raise ProblemFormatError(
            "travel.road_factor",
            f"must be at least 1 (roads are never shorter), not {road_factor:g}",
        )
    return Travel(mode=mode, kmh=kmh, road_factor=road_factor)


def _vehicle(data: Any, field: str, mode: TravelMode) -> Vehicle:
    vehicle = _mapping(data, field, "an object", _VEHICLE_KEYS)
    vehicle_id = _identifier(_required(vehicle, "id", field), f"{field}.id")
    start = _point(_required(vehicle, "start", field), f"{field}.start", mode)
    # An absent end means "back home"; an explicit null means the day ends at the last visit.
    end_data = vehicle.get("end", list(start))
    end = None if end_data is None else _point(end_data, f"{field}.end", mode)
    shift = _window(_required(vehicle, "shift", field), f"{field}.shift")
    capacity = _optional_count(vehicle.get("capacity"), f"{field}.capacity")
    max_jobs = _optional_count(vehicle.get("max_jobs"), f"{field}.max_jobs")
    skills = _skills(vehicle.get("skills", []), f"{field}.skills")
    return Vehicle(
        id=vehicle_id,
        start=start,
        end=end,
        shift=shift,
        capacity=capacity,
        skills=skills,
        max_jobs=max_jobs,
    )


def _job(data: Any, field: str, mode: TravelMode) -> Job:
    job = _mapping(data, field, "an object", _JOB_KEYS)
    job_id = _identifier(_required(job, "id", field), f"{field}.id")
    location = _point(_required(job, "location", field), f"{field}.location", mode)
    service = _number(job.get("service", 0), f"{field}.service")
    if service < 0:
        raise ProblemFormatError(f"{field}.service", f"must not be negative, not {service:g}")
    windows_data = _list(job.get("time_windows", []), f"{field}.time_windows")
    windows = [
        _window(item, f"{field}.time_windows[{index}]") for index, item in enumerate(windows_data)
    ]
    ordered = sorted(windows)
    for before, after in itertools.pairwise(ordered):
        if after[0] <= before[1]:
            raise ProblemFormatError(
                f"{field}.time_windows",
                f"windows {_show(before)} and {_show(after)} overlap; merge them into one",
            )
    demand = _optional_count(job.get("demand", 0), f"{field}.demand") or 0
    priority = _optional_count(job.get("priority", 0), f"{field}.priority") or 0
    if priority > MAX_PRIORITY:
        raise ProblemFormatError(
            f"{field}.priority", f"must be from 0 to {MAX_PRIORITY}, not {priority}"
        )
    skills = _skills(job.get("skills", []), f"{field}.skills")
    return Job(
        id=job_id,
        location=location,
        service=service,
        time_windows=tuple(ordered),
        demand=demand,
        priority=priority,
        skills=skills,
    )


def _mapping(data: Any, field: str, what: str, allowed: set[str]) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ProblemFormatError(field, f"must be {what} with keys {sorted(allowed)}")
    unknown = sorted(str(key) for key in data if key not in allowed)
    if unknown:
        prefix = f"{field}." if field else ""
        raise ProblemFormatError(
            f"{prefix}{unknown[0]}", f"unknown key; the known keys are {', '.join(sorted(allowed))}"
        )
    return data


def _no_keys(data: Mapping[str, Any], field: str, forbidden: set[str], what: str) -> None:
    for key in sorted(forbidden):
        if key in data:
            raise ProblemFormatError(f"{field}.{key}", f"does not apply to {what}")


def _required(data: Mapping[str, Any], key: str, field: str) -> Any:
    if key not in data:
        raise ProblemFormatError(f"{field}.{key}" if field else key, "missing")
    return data[key]


def _list(data: Any, field: str) -> Sequence[Any]:
    if not isinstance(data, list):
        raise ProblemFormatError(field, f"must be a list, not {_kind(data)}")
    return data


def _number(data: Any, field: str) -> float:
    # bool is an int in Python but never a meaningful number here.
    if isinstance(data, bool) or not isinstance(data, int | float):
        raise ProblemFormatError(field, f"must be a number, not {_kind(data)}")
    value = float(data)
    if not math.isfinite(value):
        raise ProblemFormatError(field, f"must be a finite number, not {value}")
    return value


def _optional_count(data: Any, field: str) -> int | None:
    if data is None:
        return None
    value = _number(data, field)
    if value != int(value) or value < 0:
        raise ProblemFormatError(field, f"must be a whole number of 0 or more, not {value:g}")
    return int(value)


def _identifier(data: Any, field: str) -> str:
    if not isinstance(data, str) or not data.strip():
        raise ProblemFormatError(field, f"must be a non-empty string, not {_kind(data)}")
    return data


def _point(data: Any, field: str, mode: TravelMode) -> Point:
    if not isinstance(data, list) or len(data) != 2:
        layout = "[x, y]" if mode is TravelMode.EUCLIDEAN else "[lon, lat]"
        raise ProblemFormatError(field, f"must be a pair of numbers {layout}")
    first = _number(data[0], f"{field}[0]")
    second = _number(data[1], f"{field}[1]")
    if mode is TravelMode.HAVERSINE:
        if not -180 <= first <= 180:
            raise ProblemFormatError(f"{field}[0]", f"longitude {first:g} is outside -180..180")
        if not -90 <= second <= 90:
            raise ProblemFormatError(f"{field}[1]", f"latitude {second:g} is outside -90..90")
    return (first, second)


def _window(data: Any, field: str) -> Window:
    if not isinstance(data, list) or len(data) != 2:
        raise ProblemFormatError(field, "must be a pair of numbers [start, end]")
    start = _number(data[0], f"{field}[0]")
    end = _number(data[1], f"{field}[1]")
    if start > end:
        raise ProblemFormatError(field, f"start {start:g} after end {end:g}")
    return (start, end)


def _skills(data: Any, field: str) -> frozenset[str]:
    items = _list(data, field)
    for index, item in enumerate(items):
        if not isinstance(item, str) or not item:
            raise ProblemFormatError(f"{field}[{index}]", "must be a non-empty string")
    return frozenset(items)


def _unique_ids(ids: list[str], field: str) -> None:
    seen: dict[str, int] = {}
    for index, identifier in enumerate(ids):
        if identifier in seen:
            raise ProblemFormatError(
                f"{field}[{index}].id",
                f"{identifier!r} is already used by {field}[{seen[identifier]}]",
            )
        seen[identifier] = index


def _show(window: Window) -> str:
    return f"[{window[0]:g}, {window[1]:g}]"


def _kind(data: Any) -> str:
    if data is None:
        return "null"
    return {bool: "true/false", str: "a string", list: "a list", dict: "an object"}.get(
        type(data), type(data).__name__
    )
