"""A stand-in OSRM server for tests: a real HTTP server on 127.0.0.1 answering the Table service
in OSRM's own response format, with road legs from a known rule, and OSRM's size limit.

Rule: the road distance is the Manhattan distance in degrees × 100 km, the duration that
distance at 5 m/s (one decimal, as OSRM rounds). Requests are recorded for the tests to inspect.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from app.routing import travel_matrix


def road_metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    return round((abs(a[0] - b[0]) + abs(a[1] - b[1])) * 100_000, 1)


def road_seconds(a: tuple[float, float], b: tuple[float, float]) -> float:
    return round(road_metres(a, b) / 5.0, 1)


@dataclass
class FakeOsrm:
    """The running server.

    Attributes:
        url: its base URL (http://127.0.0.1:PORT).
        max_table: the most sources × destinations per request, as OSRM's --max-table-size.
        requests: each request's profile, coordinate count, sources and destinations.
        broken: answer every request with an HTML error page instead.
        hits: every request received, broken or not.
    """

    url: str
    max_table: int = 100
    requests: list[dict] = field(default_factory=list)
    broken: bool = False
    hits: int = 0


def _handler(state: FakeOsrm) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits += 1
            if state.broken:
                self._send(502, b"<html>Bad Gateway</html>", "text/html")
                return
            parsed = urllib.parse.urlsplit(self.path)
            parts = parsed.path.split("/")
            # /table/v1/{profile}/{coordinates}
            if len(parts) != 5 or parts[1:3] != ["table", "v1"]:
                self._json(400, {"code": "InvalidUrl", "message": "URL string malformed"})
                return
            profile = parts[3]
            places = [tuple(map(float, pair.split(","))) for pair in parts[4].split(";")]
            query = urllib.parse.parse_qs(parsed.query)
            sources = _indices(query.get("sources"), len(places))
            destinations = _indices(query.get("destinations"), len(places))
            state.requests.append(
                {
                    "profile": profile,
                    "coordinates": len(places),
                    "sources": sources,
                    "destinations": destinations,
                    "annotations": query.get("annotations", [""])[0],
                }
            )
            if len(sources) * len(destinations) > state.max_table**2:
                self._json(400, {"code": "TooBig", "message": "Too many table coordinates"})
                return

            def waypoint(index: int) -> dict:
                lon, lat = places[index]
                return {"hint": "x", "distance": 0.0, "name": "", "location": [lon, lat]}

            self._json(
                200,
                {
                    "code": "Ok",
                    "durations": [
                        [road_seconds(places[s], places[d]) for d in destinations] for s in sources
                    ],
                    "distances": [
                        [road_metres(places[s], places[d]) for d in destinations] for s in sources
                    ],
                    "sources": [waypoint(s) for s in sources],
                    "destinations": [waypoint(d) for d in destinations],
                },
            )

        def _json(self, status: int, body: dict) -> None:
            self._send(status, json.dumps(body).encode(), "application/json; charset=UTF-8")

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


def _indices(given: list[str] | None, count: int) -> list[int]:
    if not given:
        return list(range(count))
    return [int(item) for item in given[0].split(";")]


@contextmanager
def fake_osrm(max_table: int = 100) -> Iterator[FakeOsrm]:
    """Run the stand-in server on a free port for the duration of the block (what the planner
    remembers of earlier servers, perhaps on the same port, is forgotten)."""
    travel_matrix.forget_osrm_answers()
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)  # type: ignore[arg-type]
    state = FakeOsrm(url=f"http://127.0.0.1:{server.server_address[1]}", max_table=max_table)
    server.RequestHandlerClass = _handler(state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
