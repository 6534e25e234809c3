"""Reading Solomon VRPTW files into the route problem format."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.routing import problem, solomon

SAMPLE = """C101

VEHICLE
NUMBER     CAPACITY
  25         200

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      40         50          0          0       1236          0
    1      45         68         10        912        967         90
    2      45         70         30        825        870         90
"""


def test_a_solomon_file_becomes_a_euclidean_problem_with_the_depot_as_every_home(
    tmp_path: Path,
) -> None:
    path = tmp_path / "C101.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    parsed = problem.parse_problem(solomon.read_solomon(path))
    assert parsed.travel == problem.Travel(mode=problem.TravelMode.EUCLIDEAN, speed=1.0)
    assert len(parsed.vehicles) == 25
    assert parsed.vehicles[0].start == parsed.vehicles[0].end == (40.0, 50.0)
    assert parsed.vehicles[0].shift == (0.0, 1236.0)
    assert parsed.vehicles[0].capacity == 200
    assert parsed.jobs[1] == problem.Job(
        id="2", location=(45.0, 70.0), service=90.0, time_windows=((825.0, 870.0),), demand=30
    )


def test_only_the_first_customers_are_read_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "C101.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    assert [job["id"] for job in solomon.read_solomon(path, customers=1)["jobs"]] == ["1"]


def test_a_file_in_another_layout_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "other.txt"
    path.write_text("NAME: X\nTYPE: CVRP\n", encoding="utf-8")
    with pytest.raises(solomon.SolomonFormatError, match=r"other\.txt"):
        solomon.read_solomon(path)
