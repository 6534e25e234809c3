"""Row-Level Security tried with raw SQL under each person's own login role.

Two collectors of one team, a collector and a lead of another team; what each may read and
write is asked of PostgreSQL directly, as a client sending its own SQL would.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from tests.app.sync.central_world import AT, World, central_world

pytestmark = pytest.mark.postgres


@dataclass
class Cast:
    world: World
    alice: str  # collector, team North
    bob: str  # collector, team North
    carol: str  # collector, team South
    lena: str  # lead of North
    sam: str  # lead of South
    alice_cases: list[uuid.UUID]
    bob_cases: list[uuid.UUID]
    carol_cases: list[uuid.UUID]


@pytest.fixture(scope="module")
def cast(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cast]:
    """One central database for the module's read-and-refuse checks (each test rolls back)."""
    with central_world(tmp_path_factory.mktemp("rls")) as world:
        alice = world.user("alice", "collector", "North")
        bob = world.user("bob", "collector", "North")
        carol = world.user("carol", "collector", "South")
        lena = world.user("lena", "lead", "North")
        sam = world.user("sam", "lead", "South")
        yield Cast(
            world,
            alice,
            bob,
            carol,
            lena,
            sam,
            world.seed_cases(alice, "North", 3),
            world.seed_cases(bob, "North", 2, start=10),
            world.seed_cases(carol, "South", 4, start=20),
        )


def _scalar(engine: Engine, sql: str, **params: object) -> object:
    with engine.connect() as connection:
        return connection.execute(text(sql), params).scalar_one()


def _refused(engine: Engine, sql: str, **params: object) -> str:
    """Run `sql` expecting PostgreSQL to refuse it; returns the error's first line."""
    with engine.connect() as connection, pytest.raises(DBAPIError) as caught:
        connection.execute(text(sql), params)
    return str(caught.value.orig).splitlines()[0]


def _rows_changed(engine: Engine, sql: str, **params: object) -> int:
    with engine.connect() as connection:
        changed = connection.execute(text(sql), params).rowcount
        connection.rollback()
    return changed


def test_a_collector_reads_only_his_own_cases_and_their_rows(cast: Cast) -> None:
    alice = cast.world.engine_as(cast.alice)
    assert _scalar(alice, "SELECT count(*) FROM loan_case") == 3
    assert _scalar(alice, "SELECT count(*) FROM contact") == 3
    assert _scalar(alice, "SELECT count(*) FROM borrower") == 3
    assert _scalar(alice, "SELECT count(*) FROM borrower_phone") == 3
    assert (
        _scalar(alice, "SELECT count(*) FROM loan_case WHERE id = :id", id=cast.bob_cases[0]) == 0
    )
    assert (
        _scalar(alice, "SELECT count(*) FROM contact WHERE case_id = :id", id=cast.bob_cases[0])
        == 0
    )
    # His team's people, not the other team's.
    names = _scalar(alice, "SELECT string_agg(username, ',' ORDER BY username) FROM app_user")
    assert set(str(names).split(",")) == {cast.alice, cast.bob, cast.lena}


def test_a_collector_cannot_change_or_add_to_another_collectors_case(cast: Cast) -> None:
    alice = cast.world.engine_as(cast.alice)
    bobs_case = cast.bob_cases[0]
    # An UPDATE of a row one cannot see touches nothing (the sync checks the row count).
    assert (
        _rows_changed(
            alice, "UPDATE loan_case SET status = 'disputed' WHERE id = :id", id=bobs_case
        )
        == 0
    )
    alice_id = cast.world.user_id(cast.alice)
    message = _refused(
        alice,
        "INSERT INTO contact (id, case_id, user_id, channel, contacted_at, place_timezone,"
        " outcome, row_version, updated_at) VALUES (:id, :case, :user, 'phone', :at,"
        " 'Asia/Shanghai', 'not_home', 1, :at)",
        id=uuid.uuid4(),
        case=bobs_case,
        user=alice_id,
        at=AT,
    )
    assert "row-level security" in message


def test_with_check_refuses_a_row_written_in_someone_elses_name(cast: Cast) -> None:
    alice = cast.world.engine_as(cast.alice)
    message = _refused(
        alice,
        "INSERT INTO contact (id, case_id, user_id, channel, contacted_at, place_timezone,"
        " outcome, row_version, updated_at) VALUES (:id, :case, :user, 'phone', :at,"
        " 'Asia/Shanghai', 'not_home', 1, :at)",
        id=uuid.uuid4(),
        case=cast.alice_cases[0],
        user=cast.world.user_id(cast.bob),
        at=AT,
    )
    assert "row-level security" in message


def test_a_collector_may_not_touch_balances_owner_or_team_of_his_case(cast: Cast) -> None:
    alice = cast.world.engine_as(cast.alice)
    case = cast.alice_cases[0]
    for column, value in (
        ("principal", "1"),
        ("assigned_to_id", f"'{cast.world.user_id(cast.bob)}'"),
        ("team_id", f"'{cast.world.team_id('South')}'"),
    ):
        message = _refused(
            alice, f"UPDATE loan_case SET {column} = {value} WHERE id = :id", id=case
        )
        assert "permission denied" in message, column
    assert (
        _rows_changed(alice, "UPDATE loan_case SET status = 'disputed' WHERE id = :id", id=case)
        == 1
    )
    assert "permission denied" in _refused(alice, "DELETE FROM loan_case WHERE id = :id", id=case)


def test_a_lead_sees_his_team_and_only_his_team(cast: Cast) -> None:
    lena = cast.world.engine_as(cast.lena)
    assert _scalar(lena, "SELECT count(*) FROM loan_case") == 5
    assert _scalar(lena, "SELECT count(*) FROM contact") == 5
    assert (
        _scalar(lena, "SELECT count(*) FROM loan_case WHERE id = :id", id=cast.carol_cases[0]) == 0
    )
    sam = cast.world.engine_as(cast.sam)
    assert _scalar(sam, "SELECT count(*) FROM loan_case") == 4


def test_a_lead_cannot_move_a_case_out_of_his_team_or_add_one_to_another(cast: Cast) -> None:
    lena = cast.world.engine_as(cast.lena)
    south = cast.world.team_id("South")
    message = _refused(
        lena,
        "UPDATE loan_case SET team_id = :team WHERE id = :id",
        team=south,
        id=cast.bob_cases[0],
    )
    assert "row-level security" in message
    # Nor hand a case of his team to a collector of another team.
    message = _refused(
        lena,
        "UPDATE loan_case SET assigned_to_id = :carol WHERE id = :id",
        carol=cast.world.user_id(cast.carol),
        id=cast.bob_cases[0],
    )
    assert "row-level security" in message
    assert (
        _rows_changed(
            lena,
            "UPDATE loan_case SET assigned_to_id = :alice WHERE id = :id",
            alice=cast.world.user_id(cast.alice),
            id=cast.bob_cases[0],
        )
        == 1
    )


def test_audit_events_are_insert_only_even_for_their_author(cast: Cast) -> None:
    alice = cast.world.engine_as(cast.alice)
    alice_id = cast.world.user_id(cast.alice)
    event_id = uuid.uuid4()
    with alice.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_event (id, occurred_at, user_id, action, entity, detail,"
                " row_version, updated_at) VALUES (:id, :at, :user, 'reveal_id_number',"
                " 'borrower', '{}', 1, :at)"
            ),
            {"id": event_id, "at": AT, "user": alice_id},
        )
    assert _scalar(alice, "SELECT count(*) FROM audit_event WHERE id = :id", id=event_id) == 1
    assert "permission denied" in _refused(
        alice, "UPDATE audit_event SET action = 'nothing' WHERE id = :id", id=event_id
    )
    assert "permission denied" in _refused(
        alice, "DELETE FROM audit_event WHERE id = :id", id=event_id
    )
    message = _refused(
        alice,
        "INSERT INTO audit_event (id, occurred_at, user_id, action, entity, detail, row_version,"
        " updated_at) VALUES (:id, :at, :user, 'x', 'y', '{}', 1, :at)",
        id=uuid.uuid4(),
        at=AT,
        user=cast.world.user_id(cast.bob),
    )
    assert "row-level security" in message
    # Not even the administrator's group, nor the table's owner, may rewrite history.
    with cast.world.engine.connect() as owner, pytest.raises(DBAPIError, match="append-only"):
        owner.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": event_id})


def test_no_application_role_may_update_delete_or_truncate_audit_events(cast: Cast) -> None:
    # A collector, a lead and an administrator (every group role) alike: insert-only.
    admin_name = cast.world.user("root", "admin")
    for person in (cast.alice, cast.lena, admin_name):
        engine = cast.world.engine_as(person)
        for sql in (
            "UPDATE audit_event SET action = 'nothing'",
            "DELETE FROM audit_event",
            "TRUNCATE audit_event",
        ):
            assert "permission denied" in _refused(engine, sql), (person, sql)


def test_switching_roles_gains_nothing(cast: Cast) -> None:
    alice = cast.world.engine_as(cast.alice)
    with alice.connect() as connection:
        # He may act as his own group role: the policies still follow the person logged in.
        connection.execute(text(f'SET ROLE "{cast.world.roles.collector}"'))
        assert connection.execute(text("SELECT count(*) FROM loan_case")).scalar_one() == 3
        connection.rollback()
    for other in (
        cast.bob,
        cast.world.roles.lead,
        cast.world.roles.admin,
        cast.world.roles.definer,
    ):
        with alice.connect() as connection, pytest.raises(ProgrammingError):
            connection.execute(text(f'SET ROLE "{other}"'))


def test_the_sync_bookkeeping_of_others_stays_hidden(cast: Cast) -> None:
    alice = cast.world.engine_as(cast.alice)
    with cast.world.engine.begin() as owner:
        owner.execute(
            text(
                "INSERT INTO sync_mutation (mutation_id, pushed_by, table_name, row_id, operation,"
                " payload_sha256, outcome, received_at) VALUES (:id, :who, 'contact', :row,"
                " 'insert', :hash, 'applied', :at)"
            ),
            {"id": uuid.uuid4(), "who": cast.bob, "row": uuid.uuid4(), "hash": "0" * 64, "at": AT},
        )
    assert _scalar(alice, "SELECT count(*) FROM sync_mutation") == 0
    message = _refused(
        alice,
        "INSERT INTO sync_mutation (mutation_id, pushed_by, table_name, row_id, operation,"
        " payload_sha256, outcome, received_at) VALUES (:id, :who, 'contact', :row, 'insert',"
        " :hash, 'applied', :at)",
        id=uuid.uuid4(),
        who=cast.bob,
        row=uuid.uuid4(),
        hash="0" * 64,
        at=AT,
    )
    assert "row-level security" in message


def test_every_table_has_forced_row_level_security_with_read_and_write_conditions(
    cast: Cast,
) -> None:
    with cast.world.engine.connect() as owner:
        unforced = (
            owner.execute(
                text(
                    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    " WHERE n.nspname = 'public' AND c.relkind = 'r'"
                    " AND c.relname <> 'alembic_version'"
                    " AND NOT (c.relrowsecurity AND c.relforcerowsecurity)"
                )
            )
            .scalars()
            .all()
        )
        writable = owner.execute(
            text(
                "SELECT tablename, policyname, cmd, qual IS NOT NULL, with_check IS NOT NULL"
                " FROM pg_policies WHERE schemaname = 'public' AND cmd IN ('UPDATE', 'ALL')"
            )
        ).all()
    assert unforced == []
    assert writable
    for table, policy, _command, has_using, has_check in writable:
        assert has_using and has_check, (table, policy)


def test_policy_columns_are_indexed(cast: Cast) -> None:
    with cast.world.engine.connect() as owner:
        indexed = {
            (table, column)
            for table, column in owner.execute(
                text(
                    "SELECT t.relname, a.attname FROM pg_index i"
                    " JOIN pg_class t ON t.oid = i.indrelid"
                    " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]"
                )
            ).all()
        }
    for needed in (
        ("loan_case", "assigned_to_id"),
        ("loan_case", "team_id"),
        ("loan_case", "borrower_id"),
        ("app_user", "team_id"),
        ("app_user", "username"),
        ("contact", "case_id"),
        ("visit", "case_id"),
        ("borrower_phone", "borrower_id"),
        ("instalment", "plan_id"),
        ("audit_event", "user_id"),
        ("case_access_event", "user_id"),
        ("sync_mutation", "pushed_by"),
    ):
        assert needed in indexed, needed


def test_running_init_central_again_changes_nothing(cast: Cast, tmp_path: Path) -> None:
    from app.services import admin

    again = admin.init_central(cast.world.admin_url)
    assert again.upgraded is False
    assert again.secured_tables == 22
    alice = cast.world.engine_as(cast.alice)
    assert _scalar(alice, "SELECT count(*) FROM loan_case") == 3
