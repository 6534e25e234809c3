"""The central access stream (`case_access_event`): which collector and team each case was given
and taken from, written by the central database's triggers — on PostgreSQL a statement trigger
for inserts (COPY included) and a row trigger for reassignments, on the embedded SQLite central
row triggers — with the same events on both."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, insert, select, update

from app.store import engines, models, schema_upgrade
from tests.app.services.test_portfolio_import import add_team_and_users
from tests.helpers import postgres

_events = models.CaseAccessEvent.__table__
_cases = models.LoanCase.__table__
_users = models.AppUser.__table__
_NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)

Event = tuple[str, str, str | None, str | None]  # loan ref, kind, username, team name


@pytest.fixture(params=[pytest.param("postgresql", marks=pytest.mark.postgres), "sqlite"])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = engines.sqlite_engine(tmp_path / "central.db")
        schema_upgrade.upgrade(engine, schema_upgrade.SchemaKind.CENTRAL)
        add_team_and_users(engine)
        yield engine
        engine.dispose()
        return
    with postgres.fresh_database() as url:
        engine = create_engine(url)
        try:
            schema_upgrade.upgrade(engine, schema_upgrade.SchemaKind.CENTRAL)
            add_team_and_users(engine)
            yield engine
        finally:
            engine.dispose()


def _ids(connection: Connection) -> tuple[dict[str, uuid.UUID], uuid.UUID]:
    users = dict(connection.execute(select(_users.c.username, _users.c.id)).all())
    team = connection.execute(select(models.Team.id)).scalar_one()
    return users, team


def _case(ref: str, borrower: uuid.UUID, user: uuid.UUID | None, team: uuid.UUID | None) -> dict:
    return {
        "id": uuid.uuid4(),
        "loan_ref": ref,
        "borrower_id": borrower,
        "currency": "CNY",
        "principal": Decimal("1000.00"),
        "interest": Decimal("0.00"),
        "penalty": Decimal("0.00"),
        "status": "open",
        "assigned_to_id": user,
        "team_id": team,
        "risk_score": 10,
        "risk_tier": "D",
        "row_version": 1,
        "updated_at": _NOW,
    }


def _events_since(connection: Connection, last_id: int) -> list[Event]:
    users = {user_id: name for name, user_id in _ids(connection)[0].items()}
    rows = connection.execute(
        select(_events.c.case_id, _events.c.kind, _events.c.user_id, _events.c.team_id)
        .where(_events.c.id > last_id)
        .order_by(_events.c.id)
    ).all()
    refs = dict(connection.execute(select(_cases.c.id, _cases.c.loan_ref)).all())
    return [
        (refs[case_id], kind, users.get(user_id), "team" if team_id else None)
        for case_id, kind, user_id, team_id in rows
    ]


def _last_event(connection: Connection) -> int:
    return connection.execute(select(_events.c.id).order_by(_events.c.id.desc())).scalar() or 0


def test_inserted_cases_grant_their_collector_and_team_in_one_statement(central: Engine) -> None:
    with central.begin() as connection:
        users, team = _ids(connection)
        borrower = uuid.uuid4()
        connection.execute(
            insert(models.Borrower.__table__),
            {
                "id": borrower,
                "full_name": "刘洋",
                "id_number": "510104199001011234",
                "language": "zh",
                "safety_flags": [],
                "row_version": 1,
                "updated_at": _NOW,
            },
        )
        # One multi-row INSERT: assigned with team, team only, nobody's.
        connection.execute(
            insert(_cases),
            [
                _case("L-1", borrower, users["zhang.wei"], team),
                _case("L-2", borrower, None, team),
                _case("L-3", borrower, None, None),
                _case("L-4", borrower, users["wang.fang"], team),
            ],
        )
        events = sorted(_events_since(connection, 0), key=repr)

    assert events == sorted(
        [
            ("L-1", "granted", "zhang.wei", None),
            ("L-1", "granted", None, "team"),
            ("L-2", "granted", None, "team"),
            ("L-4", "granted", "wang.fang", None),
            ("L-4", "granted", None, "team"),
        ],
        key=repr,
    )


def test_only_a_real_change_of_collector_or_team_is_an_access_event(central: Engine) -> None:
    with central.begin() as connection:
        users, team = _ids(connection)
        borrower = uuid.uuid4()
        connection.execute(
            insert(models.Borrower.__table__),
            {
                "id": borrower,
                "full_name": "刘洋",
                "id_number": "510104199001011234",
                "language": "zh",
                "safety_flags": [],
                "row_version": 1,
                "updated_at": _NOW,
            },
        )
        connection.execute(insert(_cases), [_case("L-1", borrower, users["zhang.wei"], team)])
    with central.begin() as connection:
        before = _last_event(connection)
        # Written with the values it already has (as an import updating balances does).
        connection.execute(
            update(_cases)
            .where(_cases.c.loan_ref == "L-1")
            .values(assigned_to_id=users["zhang.wei"], team_id=team, principal=Decimal("900.00"))
        )
        assert _events_since(connection, before) == []
    with central.begin() as connection:
        connection.execute(
            update(_cases)
            .where(_cases.c.loan_ref == "L-1")
            .values(assigned_to_id=users["wang.fang"])
        )
        assert _events_since(connection, before) == [
            ("L-1", "revoked", "zhang.wei", None),
            ("L-1", "granted", "wang.fang", None),
        ]
    with central.begin() as connection:
        middle = _last_event(connection)
        connection.execute(update(_cases).where(_cases.c.loan_ref == "L-1").values(team_id=None))
        assert _events_since(connection, middle) == [("L-1", "revoked", None, "team")]
