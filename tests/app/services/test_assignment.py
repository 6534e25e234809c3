"""Assigning cases by hand and automatically, in a real embedded (SQLite) central database."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import shutil
import uuid
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.services import assignment
from app.services.assignment import (
    AssignmentError,
    AssignmentService,
    CaseFilter,
    CaseSite,
    CollectorSite,
)
from app.store import engines, models, schema_upgrade

# Three collectors' homes around Chengdu: north-west, north-east, south.
HOMES = {
    "chen.jing": (30.700, 104.000),
    "wang.fang": (30.700, 104.120),
    "zhang.wei": (30.560, 104.060),
}


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """An independent great-circle distance (mean Earth radius 6371.0088 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def central_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("central") / "central.db"
    engine = engines.sqlite_engine(path)
    schema_upgrade.upgrade(engine, schema_upgrade.SchemaKind.CENTRAL)
    with Session(engine) as session, session.begin():
        team = models.Team(id=uuid.uuid4(), name="成都外访一组")
        other = models.Team(id=uuid.uuid4(), name="成都外访二组")
        session.add_all([team, other])
        session.add(
            models.AppUser(username="li.na", display_name="李娜", role="lead", team_id=team.id)
        )
        for username, (lat, lon) in HOMES.items():
            session.add(
                models.AppUser(
                    username=username,
                    display_name=username,
                    role="collector",
                    team_id=team.id,
                    home_lat=lat,
                    home_lon=lon,
                )
            )
        session.add(
            models.AppUser(
                username="old.hand", display_name="老周", role="collector", team_id=team.id,
                active=False,
            )
        )  # fmt: skip
        session.add(
            models.AppUser(username="he.ping", display_name="何平", role="collector",
                           team_id=other.id, home_lat=30.6, home_lon=104.0)
        )  # fmt: skip
    engine.dispose()
    return path


@pytest.fixture
def central(central_template: Path, tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "central.db"
    shutil.copy(central_template, path)
    engine = engines.sqlite_engine(path)
    yield engine
    engine.dispose()


@pytest.fixture
def service(central: Engine) -> AssignmentService:
    minutes = itertools.count()
    start = dt.datetime(2026, 3, 1, 2, 0, tzinfo=dt.UTC)
    return AssignmentService(central, clock=lambda: start + dt.timedelta(minutes=next(minutes)))


def users(engine: Engine) -> dict[str, models.AppUser]:
    with Session(engine) as session:
        return {user.username: user for user in session.scalars(select(models.AppUser))}


def add_case(
    engine: Engine,
    loan_ref: str,
    place: tuple[float, float] | None = None,
    *,
    principal: str = "1000.00",
    holder: str | None = None,
    flags: tuple[str, ...] = (),
    status: str = "open",
    team: str | None = "成都外访一组",
) -> None:
    people = users(engine)
    with Session(engine) as session, session.begin():
        team_id = (
            session.scalars(select(models.Team.id).where(models.Team.name == team)).one()
            if team
            else None
        )
        borrower = models.Borrower(id=uuid.uuid4(), full_name="借款人", id_number=loan_ref)
        session.add(borrower)
        if place is not None:
            session.add(
                models.BorrowerAddress(
                    borrower_id=borrower.id,
                    address_text=f"{loan_ref} 的地址",
                    lat=place[0],
                    lon=place[1],
                    is_primary=True,
                    safety_flags=list(flags),
                )
            )
        session.add(
            models.LoanCase(
                loan_ref=loan_ref,
                borrower_id=borrower.id,
                principal=Decimal(principal),
                due_date=dt.date(2026, 1, 5),
                status=status,
                assigned_to_id=people[holder].id if holder else None,
                team_id=team_id,
            )
        )


def holders(engine: Engine) -> dict[str, str | None]:
    people = {user.id: name for name, user in users(engine).items()}
    with Session(engine) as session:
        return {
            loan_ref: people.get(holder) if holder else None
            for loan_ref, holder in session.execute(
                select(models.LoanCase.loan_ref, models.LoanCase.assigned_to_id)
            )
        }


def history(engine: Engine) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    people = {user.id: name for name, user in users(engine).items()}
    with Session(engine) as session:
        rows = session.execute(
            select(
                models.LoanCase.loan_ref,
                models.CaseAssignment.from_user_id,
                models.CaseAssignment.to_user_id,
                models.CaseAssignment.assigned_by_id,
                models.CaseAssignment.reason,
            )
            .join(models.LoanCase, models.LoanCase.id == models.CaseAssignment.case_id)
            .order_by(models.CaseAssignment.assigned_at, models.LoanCase.loan_ref)
        ).all()
    return [
        (ref, people.get(old), people.get(new), people.get(by), reason)
        for ref, old, new, by, reason in rows
    ]


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as connection:
        return {
            model.__tablename__: sorted(
                (tuple(row) for row in connection.execute(select(model.__table__)).all()),
                key=repr,
            )
            for model in models.SYNCED_TABLES
        }


def near(home: str, step: int) -> tuple[float, float]:
    """A place a little way from a collector's home (step 0..9, within about 3 km)."""
    lat, lon = HOMES[home]
    return (lat + 0.003 * (step % 5) - 0.006, lon + 0.004 * (step // 5) - 0.002)


# By hand ---------------------------------------------------------------------------------------


def test_assigning_by_hand_moves_the_cases_and_keeps_their_history(
    service: AssignmentService, central: Engine
) -> None:
    add_case(central, "CD-1", holder="zhang.wei")
    add_case(central, "CD-2")
    add_case(central, "CD-3", holder="wang.fang", team="成都外访二组")

    moved = service.assign(["CD-1", "CD-2", "CD-3"], "wang.fang", "li.na", "片区调整")

    assert moved == assignment.Reassignment("wang.fang", ("CD-1", "CD-2"), ("CD-3",))
    assert holders(central) == {"CD-1": "wang.fang", "CD-2": "wang.fang", "CD-3": "wang.fang"}
    assert history(central) == [
        ("CD-1", "zhang.wei", "wang.fang", "li.na", "片区调整"),
        ("CD-2", None, "wang.fang", "li.na", "片区调整"),
    ]
    with Session(central) as session:
        teams = set(session.scalars(select(models.LoanCase.team_id)))
    # A case follows its collector into his team (CD-3, already his, is left as it was).
    assert len(teams) == 2

    service.assign(["CD-1"], "zhang.wei", reason="退回")
    assert history(central)[-1] == ("CD-1", "wang.fang", "zhang.wei", None, "退回")


def test_assigning_the_same_cases_again_writes_nothing(
    service: AssignmentService, central: Engine
) -> None:
    add_case(central, "CD-1")
    service.assign(["CD-1"], "zhang.wei")
    before = snapshot(central)

    again = service.assign(["CD-1", "CD-1"], "zhang.wei")

    assert (again.changed, again.unchanged) == ((), ("CD-1",))
    assert snapshot(central) == before


@pytest.mark.parametrize(
    ("refs", "to", "by", "message"),
    [
        (["CD-1", "CD-404", "CD-405"], "zhang.wei", None, "no case has loan refs CD-404, CD-405"),
        (["CD-1"], "nobody", None, "unknown collector 'nobody'"),
        (["CD-1"], "old.hand", None, "collector 'old.hand' is no longer active"),
        (["CD-1"], "zhang.wei", "ghost", "unknown user 'ghost'"),
        ([], "zhang.wei", None, "at least one loan ref"),
    ],
)
def test_an_unknown_case_or_person_refuses_the_whole_assignment(
    service: AssignmentService,
    central: Engine,
    refs: list[str],
    to: str,
    by: str | None,
    message: str,
) -> None:
    add_case(central, "CD-1")
    before = snapshot(central)
    with pytest.raises(AssignmentError, match=message):
        service.assign(refs, to, by)
    assert snapshot(central) == before


# Automatically ---------------------------------------------------------------------------------


def _lopsided_book(engine: Engine) -> None:
    """15 cases near chen.jing's home, 10 near wang.fang's, 5 near zhang.wei's: unassigned."""
    for home, count, prefix in (
        ("chen.jing", 15, "A"),
        ("wang.fang", 10, "B"),
        ("zhang.wei", 5, "C"),
    ):
        for step in range(count):
            add_case(engine, f"{prefix}-{step:02d}", near(home, step % 10))


def test_automatic_assignment_balances_the_counts_and_keeps_territories(
    service: AssignmentService, central: Engine
) -> None:
    _lopsided_book(central)

    result = service.auto_assign("成都外访一组", by_username="li.na")

    assert [(load.username, load.cases) for load in result.collectors] == [
        ("chen.jing", 10),
        ("wang.fang", 10),
        ("zhang.wei", 10),
    ]
    given = holders(central)
    # Every case near a home whose collector had room went to that collector.
    assert {given[f"B-{step:02d}"] for step in range(10)} == {"wang.fang"}
    assert {given[f"C-{step:02d}"] for step in range(5)} == {"zhang.wei"}
    assert Counter(given[f"A-{step:02d}"] for step in range(15)) == {
        "chen.jing": 10,
        "zhang.wei": 5,
    }
    assert len(history(central)) == 30
    assert {row[3:] for row in history(central)} == {("li.na", "auto-assignment")}


def test_the_report_gives_count_outstanding_and_road_travel_per_collector(
    service: AssignmentService, central: Engine
) -> None:
    add_case(central, "CD-1", (30.710, 104.000), principal="1234.56")
    add_case(central, "CD-2", (30.700, 104.130), principal="100.00")
    add_case(central, "CD-3", (30.550, 104.060), principal="99.99")

    result = service.auto_assign("成都外访一组")

    by_name = {load.username: load for load in result.collectors}
    assert by_name["chen.jing"].outstanding == Decimal("1234.56")
    assert isinstance(by_name["chen.jing"].outstanding, Decimal)
    expected = haversine_km(HOMES["chen.jing"], (30.710, 104.000)) * 1.3
    assert by_name["chen.jing"].travel_km == pytest.approx(expected, abs=0.001)
    assert result.travel_km == pytest.approx(
        sum(
            haversine_km(HOMES[name], place) * 1.3
            for name, place in (
                ("chen.jing", (30.710, 104.000)),
                ("wang.fang", (30.700, 104.130)),
                ("zhang.wei", (30.550, 104.060)),
            )
        ),
        abs=0.003,
    )
    assert [(case.loan_ref, case.username) for case in result.cases] == [
        ("CD-1", "chen.jing"),
        ("CD-2", "wang.fang"),
        ("CD-3", "zhang.wei"),
    ]


def test_workload_already_held_counts_towards_the_balance(
    service: AssignmentService, central: Engine
) -> None:
    for step in range(6):
        add_case(central, f"HELD-{step}", near("chen.jing", step), holder="chen.jing")
    add_case(central, "DONE-1", near("wang.fang", 1), holder="wang.fang", status="settled")
    for step in range(12):
        add_case(central, f"NEW-{step:02d}", near("chen.jing", step % 10))

    result = service.auto_assign("成都外访一组")

    loads = {
        load.username: (load.workload_before, load.cases, load.workload_after)
        for load in result.collectors
    }
    assert loads == {"chen.jing": (6, 0, 6), "wang.fang": (0, 6, 6), "zhang.wei": (0, 6, 6)}


def test_an_aggressive_address_goes_to_a_collector_who_works_in_pairs(
    service: AssignmentService, central: Engine
) -> None:
    with Session(central) as session, session.begin():
        session.execute(
            models.AppUser.__table__.update()
            .where(models.AppUser.__table__.c.username == "zhang.wei")
            .values(skills=["two_person"])
        )
    add_case(central, "RISKY", near("chen.jing", 0), flags=("aggressive",))
    add_case(central, "CALM", near("chen.jing", 1))

    service.auto_assign("成都外访一组")

    assert holders(central) == {"RISKY": "zhang.wei", "CALM": "chen.jing"}


def test_without_a_pair_in_the_team_an_aggressive_address_goes_to_the_nearest(
    service: AssignmentService, central: Engine
) -> None:
    add_case(central, "RISKY", near("chen.jing", 0), flags=("aggressive",))

    service.auto_assign("成都外访一组")

    assert holders(central) == {"RISKY": "chen.jing"}


def test_cases_without_coordinates_are_given_by_workload_alone(
    service: AssignmentService, central: Engine
) -> None:
    add_case(central, "PLACED", near("wang.fang", 0))
    add_case(central, "NOWHERE-1")
    add_case(central, "NOWHERE-2")

    result = service.auto_assign("成都外访一组")

    assert result.without_location == ("NOWHERE-1", "NOWHERE-2")
    assert sorted(load.cases for load in result.collectors) == [1, 1, 1]
    assert {case.travel_km is None for case in result.cases if case.loan_ref != "PLACED"} == {True}


def test_a_proposal_is_deterministic_writes_nothing_and_is_what_applying_does(
    service: AssignmentService, central: Engine
) -> None:
    _lopsided_book(central)
    for step in range(7):
        add_case(central, f"D-{step}", near("zhang.wei", step), holder="wang.fang")
    before = snapshot(central)
    everyone = CaseFilter(unassigned_only=False)

    first = service.auto_assign(case_filter=everyone, apply=False)
    second = service.auto_assign(case_filter=everyone, apply=False)

    assert first == second
    assert snapshot(central) == before
    applied = service.auto_assign(case_filter=everyone)
    assert applied.cases == first.cases and applied.collectors == first.collectors
    # Across all teams: he.ping of the second team takes his share too.
    assert sorted(load.cases for load in applied.collectors) == [9, 9, 9, 10]
    moved = {row[0]: row[1] for row in history(central) if row[0].startswith("D-")}
    assert set(moved.values()) <= {"wang.fang"}


def test_filters_choose_the_cases_given_out(service: AssignmentService, central: Engine) -> None:
    add_case(central, "OLD", near("chen.jing", 0))
    with Session(central) as session, session.begin():
        session.execute(
            models.LoanCase.__table__.update()
            .where(models.LoanCase.__table__.c.loan_ref == "OLD")
            .values(due_date=dt.date(2025, 12, 1))
        )
    add_case(central, "NEW", near("chen.jing", 1))
    add_case(central, "PAID", near("chen.jing", 2), status="settled")

    result = service.auto_assign(case_filter=CaseFilter(overdue_on=dt.date(2026, 1, 1)))

    assert [case.loan_ref for case in result.cases] == ["OLD"]
    only = service.auto_assign(
        case_filter=CaseFilter(loan_refs=frozenset({"PAID"}), include_closed=True), apply=False
    )
    assert [case.loan_ref for case in only.cases] == ["PAID"]


def test_an_unknown_team_or_a_team_without_collectors_is_refused(
    service: AssignmentService, central: Engine
) -> None:
    with pytest.raises(AssignmentError, match="unknown team '三组'"):
        service.auto_assign("三组")
    with Session(central) as session, session.begin():
        session.add(models.Team(name="空组"))
    with pytest.raises(AssignmentError, match="team '空组' has no active collector"):
        service.auto_assign("空组")


# The clustering on its own ---------------------------------------------------------------------


def test_counts_fill_the_lightest_workloads_first_and_add_up_exactly() -> None:
    assert assignment.balanced_counts([6, 0, 0], 12) == [0, 6, 6]
    assert assignment.balanced_counts([0, 0, 0], 10) == [4, 3, 3]
    assert assignment.balanced_counts([0, 0, 0], 10, preference=[1, 5, 5]) == [3, 4, 3]
    assert assignment.balanced_counts([2, 0, 9], 5) == [2, 3, 0]
    assert assignment.balanced_counts([3, 1], 0) == [0, 0]
    assert assignment.balanced_counts([], 5) == []


@given(st.lists(st.integers(0, 30), min_size=1, max_size=8), st.integers(0, 200))
def test_balanced_counts_level_the_workloads_within_one(workloads: list[int], cases: int) -> None:
    counts = assignment.balanced_counts(workloads, cases)
    assert sum(counts) == cases and min(counts) >= 0
    after = [load + count for load, count in zip(workloads, counts, strict=True)]
    topped_up = [total for total, count in zip(after, counts, strict=True) if count]
    # Nobody given cases ends more than one case above the lightest workload.
    assert not topped_up or max(topped_up) <= min(after) + 1


def test_the_order_cases_come_in_does_not_change_the_result() -> None:
    cases = [CaseSite(f"C{i}", (30.6 + 0.01 * (i % 7), 104.0 + 0.013 * (i % 5))) for i in range(40)]
    people = [CollectorSite("a", (30.6, 104.0)), CollectorSite("b", (30.66, 104.05)),
              CollectorSite("c", (30.62, 104.06))]  # fmt: skip
    forward = assignment.balance_cases(cases, people)
    backward = assignment.balance_cases(cases[::-1], people[::-1])
    names = {case.key: people[k].key for case, k in zip(cases, forward, strict=True)}
    names_back = {
        case.key: people[::-1][k].key for case, k in zip(cases[::-1], backward, strict=True)
    }
    assert names == names_back


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.floats(30.5, 30.8), st.floats(103.9, 104.2)), min_size=1, max_size=9),
    st.tuples(st.floats(30.5, 30.8), st.floats(103.9, 104.2)),
    st.tuples(st.floats(30.5, 30.8), st.floats(103.9, 104.2)),
)
def test_with_two_collectors_the_balanced_assignment_is_the_shortest(
    places: list[tuple[float, float]], home_a: tuple[float, float], home_b: tuple[float, float]
) -> None:
    cases = [CaseSite(f"C{i}", place) for i, place in enumerate(places)]
    people = [CollectorSite("a", home_a), CollectorSite("b", home_b)]
    distance = assignment.distance_matrix(places, [home_a, home_b])

    owners = tuple(assignment.balance_cases(cases, people))

    def total(choice: tuple[int, ...]) -> float:
        return float(sum(distance[i][k] for i, k in enumerate(choice)))

    assert abs(owners.count(0) - owners.count(1)) <= 1
    same_counts = [
        choice
        for choice in itertools.product((0, 1), repeat=len(cases))
        if choice.count(0) == owners.count(0)
    ]
    assert total(owners) == pytest.approx(min(map(total, same_counts)), abs=1e-9)
