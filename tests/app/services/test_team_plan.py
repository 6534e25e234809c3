"""The lead's team plan for a day, in a real embedded (SQLite) central database: one routing
problem over the team, applied as assignments with history and as planned visits in route order."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import socket
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.services import team_plan
from app.services.assignment import CaseFilter
from app.services.team_plan import TeamPlanService, available_windows
from app.store import models
from tests.app.services.test_assignment import (  # the same central database and helpers
    HOMES,
    add_case,
    central,  # noqa: F401 (a fixture)
    central_template,  # noqa: F401 (a fixture)
    history,
    holders,
    near,
    snapshot,
    users,
)
from tests.helpers.osrm_server import fake_osrm

TEAM = "成都外访一组"
DAY = dt.date(2026, 3, 2)


@pytest.fixture
def service(central: Engine) -> TeamPlanService:  # noqa: F811 (the fixture above)
    minutes = itertools.count()
    start = dt.datetime(2026, 3, 1, 2, 0, tzinfo=dt.UTC)
    return TeamPlanService(central, clock=lambda: start + dt.timedelta(minutes=next(minutes)))


def _book(engine: Engine) -> list[str]:
    """Twelve cases around the three homes, all held by one collector; one with no place."""
    refs = []
    for number, (home, step) in enumerate(itertools.product(HOMES, range(4)), start=1):
        ref = f"TP{number:03d}"
        add_case(engine, ref, near(home, step), holder="chen.jing")
        refs.append(ref)
    add_case(engine, "TP-NOWHERE", None, holder="chen.jing")
    return refs


def _visits(engine: Engine) -> list[tuple[str, str, int, dt.date, str]]:
    people = {user.id: name for name, user in users(engine).items()}
    with Session(engine) as session:
        rows = session.execute(
            select(
                models.LoanCase.loan_ref,
                models.Visit.user_id,
                models.Visit.route_order,
                models.Visit.planned_date,
                models.Visit.status,
            ).join(models.LoanCase, models.LoanCase.id == models.Visit.case_id)
        ).all()
    return sorted((ref, people[user], order, day, status) for ref, user, order, day, status in rows)


def test_the_team_day_is_routed_balanced_and_applied_as_assignments_and_visits(
    service: TeamPlanService,
    central: Engine,  # noqa: F811
) -> None:
    refs = _book(central)
    plan = service.plan_team_day(TEAM, DAY, seconds=0.5, by_username="li.na")

    assert plan.applied and plan.visits == len(refs)
    assert [left.loan_ref for left in plan.left_out] == ["TP-NOWHERE"]
    assert plan.left_out[0].code == "no_position"
    share = math.ceil(len(refs) / len(HOMES))
    assert all(len(day.loan_refs) <= share for day in plan.collectors)
    # Everybody takes his own neighbourhood: nearer than anyone else's home.
    for day in plan.collectors:
        assert day.loan_refs and day.distance_km > 0 and day.duty_minutes > 0
        for ref in day.loan_refs:
            number = int(ref[2:]) - 1
            assert list(HOMES)[number // 4] == day.username

    held = holders(central)
    visits = _visits(central)
    for day in plan.collectors:
        assert all(held[ref] == day.username for ref in day.loan_refs)
        mine = [(ref, order) for ref, who, order, _day, _status in visits if who == day.username]
        assert sorted(mine, key=lambda item: item[1]) == [
            (ref, order) for order, ref in enumerate(day.loan_refs, start=1)
        ]
    assert {(day, status) for _ref, _who, _order, day, status in visits} == {(DAY, "planned")}
    moved = [row for row in history(central) if row[2] != "chen.jing"]
    assert moved and all(row[3] == "li.na" and row[4] == f"team plan {DAY}" for row in moved)
    assert held["TP-NOWHERE"] == "chen.jing"  # left out, left alone


def test_a_proposal_writes_nothing(
    service: TeamPlanService,
    central: Engine,  # noqa: F811
) -> None:
    _book(central)
    before = snapshot(central)
    plan = service.plan_team_day(TEAM, DAY, seconds=0.3, apply=False)
    assert not plan.applied and plan.visits == 12
    assert snapshot(central) == before


def test_cases_already_planned_that_day_are_left_alone(
    service: TeamPlanService,
    central: Engine,  # noqa: F811
) -> None:
    refs = _book(central)
    service.plan_team_day(TEAM, DAY, seconds=0.3)
    again = service.plan_team_day(TEAM, DAY, CaseFilter(unassigned_only=False), seconds=0.3)
    assert sorted(again.already_planned) == refs
    assert again.visits == 0
    assert Counter(ref for ref, *_rest in _visits(central)) == Counter(refs)


SHANGHAI = ZoneInfo("Asia/Shanghai")


def _at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), SHANGHAI)


def test_the_windows_of_a_day_follow_the_weekly_availability_within_the_allowed_hours() -> None:
    allowed = (_at(8, 30), _at(21, 30))  # earliest and latest start
    half_hour = dt.timedelta(minutes=30)
    evenings = [
        {"weekdays": [0, 1, 2, 3, 4], "from": "18:30", "to": "23:00"},
        {"weekdays": [0], "from": "12:00", "to": "14:00"},
        {"weekdays": [0], "from": "13:00", "to": "15:00"},  # overlaps the one before: merged
        {"weekdays": [5, 6], "from": "09:30", "to": "20:00"},
        {"weekdays": [0], "from": "late"},  # unreadable: skipped
    ]
    windows = available_windows(evenings, DAY, "Asia/Shanghai", allowed, half_hour)
    assert windows == [(_at(12), _at(14, 30)), (_at(18, 30), _at(21, 30))]
    saturday = DAY + dt.timedelta(days=5)
    assert available_windows(
        evenings, saturday, "Asia/Shanghai", (_at(8, 30, saturday), _at(21, 30, saturday)),
        half_hour,
    ) == [(_at(9, 30, saturday), _at(19, 30, saturday))]  # fmt: skip
    assert available_windows([], DAY, "Asia/Shanghai", allowed, half_hour) == [allowed]
    weekends = [{"weekdays": [5, 6], "from": "09:00", "to": "18:00"}]
    assert available_windows(weekends, DAY, "Asia/Shanghai", allowed, half_hour) == []


def _set_availability(engine: Engine, loan_ref: str, availability: list[dict]) -> None:
    with Session(engine) as session, session.begin():
        borrower_id = session.scalars(
            select(models.LoanCase.borrower_id).where(models.LoanCase.loan_ref == loan_ref)
        ).one()
        for address in session.scalars(
            select(models.BorrowerAddress).where(models.BorrowerAddress.borrower_id == borrower_id)
        ):
            address.availability = availability


def test_visits_are_planned_when_the_borrower_is_available_and_carry_that_window(
    service: TeamPlanService,
    central: Engine,  # noqa: F811
) -> None:
    _book(central)
    _set_availability(
        central, "TP001", [{"weekdays": [0, 1, 2, 3, 4], "from": "18:30", "to": "21:00"}]
    )
    _set_availability(central, "TP002", [{"weekdays": [5, 6], "from": "09:00", "to": "18:00"}])
    plan = service.plan_team_day(TEAM, DAY, seconds=0.5)

    starts = {
        ref: start
        for day in plan.collectors
        for ref, start in zip(day.loan_refs, day.starts, strict=True)
    }
    # Available 18:30–21:00, the shift ends 20:30: a half-hour visit starts by 20:00.
    assert _at(18, 30) <= starts["TP001"] <= _at(20)
    assert "TP002" not in starts
    assert {left.loan_ref for left in plan.left_out} == {"TP002", "TP-NOWHERE"}
    with Session(central) as session:
        visit = session.scalars(
            select(models.Visit)
            .join(models.LoanCase, models.LoanCase.id == models.Visit.case_id)
            .where(models.LoanCase.loan_ref == "TP001")
        ).one()
    assert (visit.window_start, visit.window_end) == (_at(18, 30), _at(20))


def test_a_week_offers_what_a_day_cannot_take_to_the_next_and_keeps_preferred_days(
    service: TeamPlanService,
    central: Engine,  # noqa: F811
) -> None:
    refs = _book(central)
    with Session(central) as session, session.begin():
        for user in session.scalars(select(models.AppUser)):
            user.max_visits_per_day = 2  # six visits a day for the team
    wednesday = [{"weekdays": [2], "from": "09:00", "to": "20:00"}]
    _set_availability(central, "TP005", wednesday)

    week = service.plan_team_days(TEAM, DAY, days=5, seconds=0.3)

    assert [plan.day for plan in week] == [DAY, DAY + dt.timedelta(days=1), DAY + dt.timedelta(2)]
    assert [plan.visits for plan in week] == [6, 5, 1]
    assert [ref for day in week[2].collectors for ref in day.loan_refs] == ["TP005"]
    assert "TP-NOWHERE" in {left.loan_ref for left in week[0].left_out}
    assert week[-1].left_out == ()  # nothing left waiting: the week stops early
    visits = _visits(central)
    assert Counter(ref for ref, *_rest in visits) == Counter(refs)
    assert {day for ref, _who, _order, day, _status in visits if ref == "TP005"} == {
        DAY + dt.timedelta(days=2)
    }


def test_the_command_line_proposes_and_applies_a_team_plan(
    central: Engine,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app import cli

    refs = _book(central)
    url = central.url.render_as_string(hide_password=False)
    base = ["admin", "plan-team", url, "--team", TEAM, "--date", DAY.isoformat()]
    assert cli.main([*base, "--seconds", "0.3", "--dry-run"]) == 0
    proposed = capsys.readouterr().out
    assert f"{DAY}: {len(refs)} visits proposed, 1 left out" in proposed
    assert "left out TP-NOWHERE" in proposed and _visits(central) == []
    assert cli.main([*base, "--seconds", "0.3"]) == 0
    assert f"{DAY}: {len(refs)} visits planned" in capsys.readouterr().out
    assert len(_visits(central)) == len(refs)
    assert cli.main([*base[:4], "成都外访九组", "--date", DAY.isoformat()]) == 1
    assert "unknown team '成都外访九组'" in capsys.readouterr().err


def test_a_crowded_book_offers_the_day_only_its_riskiest_cases_and_the_rest_to_the_next(
    service: TeamPlanService,
    central: Engine,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refs = _book(central)
    # One case offered per place of the day: fewer than the book's 12 located cases.
    monkeypatch.setattr(team_plan, "OFFER_PER_PLACE", 1)
    with Session(central) as session, session.begin():
        people = session.scalars(
            select(models.AppUser).where(models.AppUser.username.in_(list(HOMES)))
        ).all()
        for person in people:
            person.max_visits_per_day = 2
        places = 2 * len(people)
    assert places < len(refs)
    first, second = service.plan_team_days(TEAM, DAY, 2, seconds=0.3, apply=False)
    not_offered = [left for left in first.left_out if "not offered" in left.reason]
    assert first.visits <= places and len(not_offered) == len(refs) - places
    assert all(left.code == "no_room_left" for left in not_offered)
    # What the first day was not offered, the second day plans.
    planned_next = {ref for day in second.collectors for ref in day.loan_refs}
    assert {left.loan_ref for left in not_offered} <= planned_next | {
        left.loan_ref for left in second.left_out
    }
    assert planned_next


def test_the_team_day_uses_osrm_road_times_when_given_and_estimates_when_it_is_down(
    service: TeamPlanService,
    central: Engine,  # noqa: F811
) -> None:
    _book(central)
    with fake_osrm() as server:
        plan = service.plan_team_day(TEAM, DAY, seconds=0.3, apply=False, osrm_url=server.url)
    assert (plan.travel_source, plan.travel_note) == ("osrm", None)
    assert server.requests and server.requests[0]["profile"] == "cycling"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    offline = service.plan_team_day(TEAM, DAY, seconds=0.3, apply=False, osrm_url=dead)
    assert offline.travel_source == "haversine" and dead in (offline.travel_note or "")
    assert offline.visits == plan.visits == 12
