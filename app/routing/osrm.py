"""Road travel times and distances from an OSRM server's Table service.

One job: ask `GET {url}/table/v1/{profile}/{lon,lat;...}?annotations=duration,distance` for the
matrix between places, tiled into requests of at most `max_table` sources × `max_table`
destinations (OSRM's default `--max-table-size` is 100, counted on sources × destinations), and
read the answer. Every failure (no server, a timeout, an answer that is not OSRM's) is an
`OsrmError`; the caller decides what to plan with instead. It never retries and never caches.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from app import errors

logger = logging.getLogger(__name__)

MAX_TABLE = 100  # OSRM's default --max-table-size
TIMEOUT_SECONDS = 5.0  # a 100 × 100 table takes OSRM milliseconds; the Today screen waits on it

# OSRM's stock profiles (car.lua, bicycle.lua, foot.lua) as its HTTP API names them.
PROFILE_BY_MODE = {"car": "driving", "e-bike": "cycling", "walk": "foot"}


class OsrmError(errors.KnownError):
    """The OSRM server could not be reached or did not answer with a usable table."""


@dataclass(frozen=True, slots=True)
class RoadTable:
    """Road legs between every pair of places, as OSRM measured them.

    Attributes:
        durations: durations[i, j] seconds from place i to place j.
        distances: distances[i, j] metres.
        unroutable: how many legs OSRM found no route for (NaN in both arrays).
    """

    durations: np.ndarray
    distances: np.ndarray
    unroutable: int


def fetch_table(
    url: str,
    profile: str,
    places: Sequence[tuple[float, float]],
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_table: int = MAX_TABLE,
) -> RoadTable:
    """The road matrix between `places` ([lon, lat] each) from the OSRM server at `url`.

    Legs OSRM cannot route are NaN. Raises OsrmError naming the server and what went wrong."""
    count = len(places)
    durations = np.full((count, count), np.nan)
    distances = np.full((count, count), np.nan)
    blocks = [range(start, min(start + max_table, count)) for start in range(0, count, max_table)]
    for sources in blocks:
        for destinations in blocks:
            tile = _tile(url, profile, places, sources, destinations, timeout)
            durations[sources.start : sources.stop, destinations.start : destinations.stop] = tile[
                0
            ]
            distances[sources.start : sources.stop, destinations.start : destinations.stop] = tile[
                1
            ]
    for index in range(count):
        durations[index, index] = distances[index, index] = 0.0
    unroutable = int(np.isnan(durations).sum() + 0)
    logger.info(
        "OSRM %s: %d × %d legs in %d requests (%d unroutable)",
        profile,
        count,
        count,
        len(blocks) ** 2,
        unroutable,
    )
    return RoadTable(durations=durations, distances=distances, unroutable=unroutable)


def table_url(
    url: str,
    profile: str,
    places: Sequence[tuple[float, float]],
    sources: Sequence[int] | None = None,
    destinations: Sequence[int] | None = None,
) -> str:
    """The Table service request for `places` (all, or the `sources` × `destinations` given)."""
    coordinates = ";".join(f"{lon:.6f},{lat:.6f}" for lon, lat in places)
    query = {"annotations": "duration,distance"}
    if sources is not None:
        query["sources"] = ";".join(str(index) for index in sources)
    if destinations is not None:
        query["destinations"] = ";".join(str(index) for index in destinations)
    return (
        f"{url.rstrip('/')}/table/v1/{urllib.parse.quote(profile)}/{coordinates}?"
        + urllib.parse.urlencode(query, safe=";,")
    )


def _tile(
    url: str,
    profile: str,
    places: Sequence[tuple[float, float]],
    sources: range,
    destinations: range,
    timeout: float,
) -> tuple[np.ndarray, np.ndarray]:
    """One request: the legs from `sources` to `destinations`. A tile on the diagonal sends its
    places once; any other sends the sources' places, then the destinations'."""
    if sources == destinations:
        chosen = [places[index] for index in sources]
        request = table_url(url, profile, chosen)
    else:
        chosen = [places[index] for index in (*sources, *destinations)]
        request = table_url(
            url,
            profile,
            chosen,
            range(len(sources)),
            range(len(sources), len(sources) + len(destinations)),
        )
    answer = _get(request, url, timeout)
    shape = (len(sources), len(destinations))
    return (
        _matrix(answer, "durations", shape, url),
        _matrix(answer, "distances", shape, url),
    )


def _get(request: str, url: str, timeout: float) -> dict[str, Any]:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as exc:
        # OSRM answers 400 with {"code": "TooBig" | "InvalidQuery" | ..., "message": ...}.
        detail = _error_text(exc.read())
        raise OsrmError(f"the OSRM server {url} refused the table request: {detail}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise OsrmError(f"the OSRM server {url} cannot be reached: {reason}") from None
    try:
        answer = json.loads(body)
    except ValueError:
        raise OsrmError(f"the OSRM server {url} did not answer in JSON") from None
    if not isinstance(answer, dict) or answer.get("code") != "Ok":
        detail = _error_text(body)
        raise OsrmError(f"the OSRM server {url} answered with an error: {detail}")
    return answer


def _error_text(body: bytes) -> str:
    try:
        answer = json.loads(body)
    except ValueError:
        return body[:200].decode("utf-8", "replace") or "no details"
    if isinstance(answer, dict):
        return f"{answer.get('code', '?')}: {answer.get('message', '')}".strip(": ")
    return "no details"


def _matrix(answer: dict[str, Any], key: str, shape: tuple[int, int], url: str) -> np.ndarray:
    """`answer[key]` as an array of `shape`, null (no route) as NaN."""
    rows = answer.get(key)
    if not isinstance(rows, list) or len(rows) != shape[0]:
        raise OsrmError(
            f"the OSRM server {url} answered without a {shape[0]} × {shape[1]} {key!r} table"
        )
    try:
        values = np.array(
            [[np.nan if value is None else float(value) for value in row] for row in rows],
            dtype=float,
        )
    except (TypeError, ValueError):
        raise OsrmError(f"the OSRM server {url} answered a {key!r} table of non-numbers") from None
    if values.shape != shape or bool((values < 0).any()):
        raise OsrmError(
            f"the OSRM server {url} answered a {key!r} table that is not {shape[0]} × {shape[1]} "
            "non-negative numbers"
        )
    return values
