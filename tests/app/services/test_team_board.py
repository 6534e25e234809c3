"""The team board on a small hand-built team: counts per collector, the overdue rule's boundary,
flagged addresses and borrowers, and the planned route's arrivals."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.team_board import AlertKind, TeamBoardError, TeamBoardService
from app.services.workspace import STATE_USER_ID, Workspace
from app.store import models

DAY = dt.date(2026, 11, 23)
# 14:00 in Chengdu.
NOW = dt.datetime(2026, 11, 23, 6, 0, tzinfo=dt.UTC)
HALF_HOUR = dt.timedelta(minutes=30)


def utc(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, 23, hour, minute, tzinfo=dt.UTC)


class Team:
    """Ids of the hand-built team, named by what they are."""

    def __init__(self) -> None:
        self.ids: dict[str, uuid.UUID] = {}

    def __getitem__(self, name: str) -> uuid.UUID:
        return self.ids.setdefault(name, uuid.uuid4())


def _build(workspace: Workspace, ids: Team) -> None:
    with workspace.session() as session:
        session.add_all(
            [
                models.Team(
                    id=ids["team"], name="成都外访一组", office_lat=30.65, office_lon=104.06
                ),
                models.Team(id=ids["other_team"], name="成都外访二组"),
            ]
        )
        session.flush()
        for name, role, team, active, home in (
            ("li.na", "lead", "team", True, None),
            ("zhang.wei", "collector", "team", True, (30.60, 104.00)),
            ("wang.fang", "collector", "team", True, None),
            ("old.hand", "collector", "team", False, None),
            ("chen.jie", "collector", "other_team", True, None),
        ):
            session.add(
                models.AppUser(
                    id=ids[name],
                    username=name,
                    display_name=name,
                    role=role,
                    team_id=ids[team],
                    active=active,
                    home_lat=home[0] if home else None,
                    home_lon=home[1] if home else None,
                )
            )
        session.flush()
        for number, (who, borrower_flags, address_flags, lon) in enumerate(
            (
                ("zhang.wei", [], [], 104.01),  # 0: done, first stop
                ("zhang.wei", [], [], 104.02),  # 1: checked in, second stop
                ("zhang.wei", [], ["aggressive"], 104.03),  # 2: planned, third stop
                ("zhang.wei", [], [], 104.04),  # 3: cancelled
                ("wang.fang", [], [], 104.05),  # 4: checked in recently
                ("wang.fang", [], ["dog"], 104.06),  # 5: done at a flagged address
                ("wang.fang", ["two_person"], [], 104.07),  # 6: planned, flagged borrower
                ("zhang.wei", [], [], 104.08),  # 7: yesterday's visit
                ("chen.jie", [], ["aggressive"], 104.09),  # 8: another team's
            )
        ):
            session.add(
                models.Borrower(
                    id=ids[f"borrower{number}"],
                    full_name=f"借款人{number}",
                    id_number=f"51010419900101{number:04d}",
                    safety_flags=borrower_flags,
                )
            )
            session.add(
                models.BorrowerAddress(
                    id=ids[f"address{number}"],
                    borrower_id=ids[f"borrower{number}"],
                    address_text=f"成都市武侯区{number}号",
                    lat=30.60,
                    lon=lon,
                    safety_flags=address_flags,
                    is_primary=True,
                )
            )
            session.add(
                models.LoanCase(
                    id=ids[f"case{number}"],
                    loan_ref=f"CD-{number:04d}",
                    borrower_id=ids[f"borrower{number}"],
                    assigned_to_id=ids[who],
                    team_id=ids["other_team" if who == "chen.jie" else "team"],
                )
            )
        session.flush()
        visits: list[dict[str, Any]] = [
            dict(number=0, status="completed", order=1, window=(utc(1), utc(2)),
                 check_in=utc(2), check_out=utc(2, 40)),
            dict(number=1, status="checked_in", order=2, check_in=utc(5)),
            dict(number=2, status="planned", order=3, window=(utc(7), utc(8))),
            dict(number=3, status="cancelled"),
            dict(number=4, status="checked_in", check_in=utc(5, 20)),
            dict(number=5, status="completed", check_in=utc(3), check_out=utc(3, 30)),
            dict(number=6, status="planned", window=(utc(9), utc(10))),
            dict(number=7, status="checked_in", check_in=utc(1), day=DAY - dt.timedelta(days=1)),
            dict(number=8, status="checked_in", check_in=utc(1)),
        ]  # fmt: skip
        who = ["zhang.wei"] * 4 + ["wang.fang"] * 3 + ["zhang.wei", "chen.jie"]
        for visit, user in zip(visits, who, strict=True):
            number = visit["number"]
            window = visit.get("window", (None, None))
            session.add(
                models.Visit(
                    id=ids[f"visit{number}"],
                    case_id=ids[f"case{number}"],
                    user_id=ids[user],
                    address_id=ids[f"address{number}"],
                    planned_date=visit.get("day", DAY),
                    window_start=window[0],
                    window_end=window[1],
                    route_order=visit.get("order"),
                    status=visit["status"],
                    check_in_at=visit.get("check_in"),
                    check_in_lat=30.6001 if visit.get("check_in") else None,
                    check_in_lon=104.0201 if visit.get("check_in") else None,
                    check_out_at=visit.get("check_out"),
                )
            )
    workspace.set_state(STATE_USER_ID, str(ids["li.na"]))


@pytest.fixture
def team(tmp_path: Path) -> Iterator[tuple[Workspace, Team]]:
    ids = Team()
    with Workspace.open(tmp_path / "lead", create=True) as workspace:
        _build(workspace, ids)
        yield workspace, ids


def board(workspace: Workspace, overdue_after: dt.timedelta, now: dt.datetime = NOW) -> Any:
    return TeamBoardService(workspace, clock=lambda: now).today(DAY, overdue_after=overdue_after)


def test_each_active_collector_of_the_team_has_his_days_counts(
    team: tuple[Workspace, Team],
) -> None:
    workspace, _ids = team
    shown = board(workspace, HALF_HOUR)

    assert shown.team_name == "成都外访一组" and shown.timezone == "Asia/Shanghai"
    counts = {
        day.username: (len(day.planned), len(day.checked_in), len(day.done))
        for day in shown.collectors
    }
    # The cancelled visit, yesterday's and the other team's are not on the board.
    assert counts == {"wang.fang": (3, 1, 1), "zhang.wei": (3, 1, 1)}
    zhang = next(day for day in shown.collectors if day.username == "zhang.wei")
    (checked_in,) = zhang.checked_in
    assert (checked_in.loan_ref, checked_in.check_in_at) == ("CD-0001", utc(5))
    assert (checked_in.check_in_lat, checked_in.check_in_lon) == (30.6001, 104.0201)
    assert checked_in.address_text == "成都市武侯区1号"


def test_a_check_out_overdue_by_exactly_the_limit_is_not_yet_an_alert(
    team: tuple[Workspace, Team],
) -> None:
    workspace, _ids = team
    # CD-0001 checked in at 05:00, planned end 05:30: at 06:00 it is exactly 30 minutes over.
    shown = board(workspace, HALF_HOUR)

    assert [a.kind for a in shown.alerts if a.kind is AlertKind.OVERDUE_CHECK_OUT] == []


def test_a_check_out_overdue_by_more_than_the_limit_is_an_alert(
    team: tuple[Workspace, Team],
) -> None:
    workspace, ids = team
    shown = board(workspace, HALF_HOUR, now=NOW + dt.timedelta(seconds=60))

    overdue = [a for a in shown.alerts if a.kind is AlertKind.OVERDUE_CHECK_OUT]
    assert [(a.loan_ref, a.collector_id, a.since, a.overdue_minutes) for a in overdue] == [
        ("CD-0001", ids["zhang.wei"], utc(5, 30), 31)
    ]


def test_a_shorter_limit_alerts_both_open_check_ins_longest_first(
    team: tuple[Workspace, Team],
) -> None:
    workspace, _ids = team
    # CD-0004 checked in at 05:20, planned end 05:50: 10 minutes over at 06:00.
    shown = board(workspace, dt.timedelta(minutes=9))

    overdue = [
        (a.loan_ref, a.overdue_minutes)
        for a in shown.alerts
        if a.kind is AlertKind.OVERDUE_CHECK_OUT
    ]
    assert overdue == [("CD-0001", 30), ("CD-0004", 10)]


def test_open_visits_at_flagged_addresses_or_of_flagged_borrowers_are_alerts(
    team: tuple[Workspace, Team],
) -> None:
    workspace, _ids = team
    shown = board(workspace, HALF_HOUR)

    flagged = [
        (a.loan_ref, a.collector_name, a.flags, a.since)
        for a in shown.alerts
        if a.kind is AlertKind.FLAGGED_ADDRESS
    ]
    # CD-0005's address has a dog, but that visit is done; the other team's is not shown.
    assert flagged == [
        ("CD-0002", "zhang.wei", ("aggressive",), utc(7)),
        ("CD-0006", "wang.fang", ("two_person",), utc(9)),
    ]
    assert len(shown.alerts) == 2


def _road_seconds(lat: float, lon1: float, lon2: float) -> float:
    """Haversine on the same latitude, × 1.3 road factor, at 18 km/h (the day planner's)."""
    radius = 6_371_008.8
    half = math.cos(math.radians(lat)) ** 2 * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    metres = 2 * radius * math.asin(math.sqrt(half)) * 1.3
    return metres / 5.0


def test_the_route_lists_the_stops_in_order_with_their_planned_arrivals(
    team: tuple[Workspace, Team],
) -> None:
    workspace, ids = team
    zhang = next(
        day for day in board(workspace, HALF_HOUR).collectors if day.username == "zhang.wei"
    )
    leg = dt.timedelta(seconds=round(_road_seconds(30.60, 104.00, 104.01)))
    # About 1.24 km by road: 249 s on an e-bike.
    assert leg == dt.timedelta(seconds=249)

    # Leaves home at 08:30 local (00:30 UTC); waits for CD-0000's window at 01:00, stays 30
    # minutes; the next stops are one such leg further each, CD-0002 then waits until 07:00.
    first_arrival = utc(0, 30) + leg
    second_arrival = utc(1, 30) + leg
    third_arrival = second_arrival + HALF_HOUR + leg
    assert [
        (stop.order, stop.loan_ref, stop.lat, stop.lon, stop.planned_arrival, stop.status)
        for stop in zhang.route
    ] == [
        (1, "CD-0000", 30.60, 104.01, first_arrival, "completed"),
        (2, "CD-0001", 30.60, 104.02, second_arrival, "checked_in"),
        (3, "CD-0002", 30.60, 104.03, third_arrival, "planned"),
    ]
    assert (zhang.home_lat, zhang.home_lon) == (30.60, 104.00)
    wang = next(
        day for day in board(workspace, HALF_HOUR).collectors if day.username == "wang.fang"
    )
    # No visit of hers was routed; her day starts at the team's office.
    assert wang.route == () and (wang.home_lat, wang.home_lon) == (30.65, 104.06)
    assert ids["visit0"] == zhang.route[0].visit_id


def test_a_workspace_nobody_logged_in_to_has_no_board(tmp_path: Path) -> None:
    with (
        Workspace.open(tmp_path / "empty", create=True) as workspace,
        pytest.raises(TeamBoardError, match="log in first"),
    ):
        TeamBoardService(workspace).today(DAY, overdue_after=HALF_HOUR)
