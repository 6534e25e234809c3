"""Pull against a real PostgreSQL: exactly the visible slice, nothing skipped, access changes."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.orm import Session

from app.services.sync import SyncService
from app.services.visits import VisitService
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from app.sync import codec, handshake, pull
from tests.app.sync.central_world import AT, World, central_world

pytestmark = pytest.mark.postgres

DAY = dt.date(2026, 11, 20)
# List columns each side recomputes from the facts (derived, never synced as edits).
_DERIVED = {
    "loan_case": {
        "status",
        "last_payment_at",
        "last_contact_at",
        "last_contact_outcome",
        "next_action_date",
        "promised_date",
        "promised_amount",
        "risk_score",
        "risk_tier",
    }
}


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with central_world(tmp_path) as world:
        yield world


def _slice(connection: Connection) -> dict[str, dict[uuid.UUID, dict[str, Any]]]:
    """Every synced row the connection can read, by table and id (derived columns left out)."""
    rows: dict[str, dict[uuid.UUID, dict[str, Any]]] = {}
    for name, table in codec.SYNCED_TABLES.items():
        skip = _DERIVED.get(name, set())
        rows[name] = {
            row.id: {key: value for key, value in row._mapping.items() if key not in skip}
            for row in connection.execute(select(table))
        }
    return rows


def assert_store_matches_central(workspace: Workspace, central: Engine) -> None:
    """The local store holds exactly what its user sees centrally, column for column, beside
    the rows it made itself and has not pushed yet (e.g. the audit event of a purge)."""
    with central.connect() as connection:
        expected = _slice(connection)
    with workspace.engine.connect() as connection:
        actual = _slice(connection)
        unsent = {
            (entry.table_name, entry.row_id)
            for entry in connection.execute(
                select(OutboxEntry.table_name, OutboxEntry.row_id).where(
                    OutboxEntry.operation == "insert"
                )
            )
        }
    for name in codec.SYNCED_TABLES:
        actual[name] = {
            row_id: row for row_id, row in actual[name].items() if (name, row_id) not in unsent
        }
        assert actual[name].keys() == expected[name].keys(), name
        for row_id, values in expected[name].items():
            differing = {
                key: (actual[name][row_id][key], value)
                for key, value in values.items()
                if actual[name][row_id][key] != value
            }
            assert not differing, (name, row_id, differing)


def _record(workspace: Workspace, case_id: uuid.UUID, hour: int = 10) -> uuid.UUID:
    at = dt.datetime(2026, 11, 20, hour - 8, 0, tzinfo=dt.UTC)
    visits = VisitService(workspace, current_date=lambda: DAY)
    return visits.record_contact(case_id, "visit", "not_home", at)


def _local_ids(workspace: Workspace, model: type[models.SyncedRow]) -> set[uuid.UUID]:
    with workspace.session() as session:
        return set(session.scalars(select(model.id)))


def test_the_first_sync_copies_exactly_what_each_person_may_see(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    bob = world.user("bob", "collector", "North")
    carol = world.user("carol", "collector", "South")
    lena = world.user("lena", "lead", "North")
    alice_cases = world.seed_cases(alice, "North", 4, contacts=2)
    bob_cases = world.seed_cases(bob, "North", 3, start=10)
    world.seed_cases(carol, "South", 3, start=20)
    stores = {person: world.workspace(person) for person in (alice, bob, lena)}
    for person, store in stores.items():
        assert_store_matches_central(store, world.engine_as(person))
    assert _local_ids(stores[bob], models.LoanCase) == set(bob_cases)
    assert len(_local_ids(stores[lena], models.LoanCase)) == 7
    with stores[alice].session() as session:
        assert set(session.scalars(select(models.LoanCase.id))) == set(alice_cases)
        assert len(session.scalars(select(models.Contact.id)).all()) == 8
        # The list columns were recomputed from the pulled contacts.
        case = session.get_one(models.LoanCase, alice_cases[0])
        assert case.last_contact_outcome == "not_home"


def test_a_lower_revision_committed_late_is_pulled_by_the_next_sync(world: World) -> None:
    """Two real writer transactions commit out of revision order while a collector pulls."""
    _alice, workspace, service, insert_contact = _a_collector_with_one_case(world)
    with world.engine.connect() as early, world.engine.connect() as late:
        early.execute(text("SELECT pg_current_xact_id()"))  # takes the lower transaction id
        late_contact = insert_contact(late)  # draws the lower revision, commits last
        early_contact = insert_contact(early)  # draws the higher revision, commits first
        early.commit()
        with world.engine.connect() as reader:
            seen = reader.execute(text("SELECT id FROM contact")).scalars().all()
        assert seen == [early_contact]  # the late one is not committed yet
        assert _sync_and_list(service, workspace) == {early_contact}
        late.commit()
    with world.engine.connect() as connection:
        late_revision, early_revision = (
            connection.execute(
                text("SELECT sync_revision FROM contact WHERE id = :id"), {"id": contact_id}
            ).scalar_one()
            for contact_id in (late_contact, early_contact)
        )
    # A cursor on the revision (already past early_revision) would skip the late row for ever.
    assert late_revision < early_revision
    assert _sync_and_list(service, workspace) == {early_contact, late_contact}


def test_a_long_transaction_elsewhere_holds_back_only_its_own_rows(world: World) -> None:
    """A writer that began first and stays open (a report, a slow import, a forgotten psql)
    does not stop the rows committed after it from arriving; its own come once it commits,
    and no row comes twice."""
    alice, workspace, service, insert_contact = _a_collector_with_one_case(world)
    with world.engine.connect() as long, world.engine.connect() as other:
        held = insert_contact(long)  # the oldest transaction on the server, still open
        committed = [insert_contact(other)]
        other.commit()
        service.run()
        assert _local_ids(workspace, models.Contact) == {*committed}
        committed.append(insert_contact(other))
        other.commit()
        service.run()
        assert _local_ids(workspace, models.Contact) == {*committed}
        long.commit()
    service.run()
    assert _local_ids(workspace, models.Contact) == {held, *committed}
    assert service.run().pulled_rows == 0
    assert_store_matches_central(workspace, world.engine_as(alice))


def test_a_cursor_kept_by_an_earlier_version_goes_on_from_where_it_stood(world: World) -> None:
    """Before, the cursor was a stamp n (everything below it pulled): it reads as the snapshot
    `n:n:`, so the next pull brings what was written since, and nothing again."""
    alice, workspace, service, insert_contact = _a_collector_with_one_case(world)
    snapshot = workspace.state(pull.STATE_CURSOR)
    assert snapshot is not None and snapshot.count(":") == 2
    with world.engine.connect() as connection:
        stamp = connection.scalar(text("SELECT pg_snapshot_xmax(pg_current_snapshot())::text"))
        contact = insert_contact(connection)
        connection.commit()
    workspace.set_state(pull.STATE_CURSOR, stamp)  # as the earlier version wrote it
    with workspace.engine.connect() as local:
        assert pull.cursor_of(local) == int(stamp)
    pulled = service.run()
    assert _local_ids(workspace, models.Contact) == {contact}
    assert pulled.pulled_rows == 1, "the new contact alone, not the whole slice again"
    assert service.run().pulled_rows == 0
    assert workspace.state(pull.STATE_CURSOR).count(":") == 2
    assert_store_matches_central(workspace, world.engine_as(alice))


def _a_collector_with_one_case(
    world: World,
) -> tuple[str, Workspace, SyncService, Callable[[Connection], uuid.UUID]]:
    """Alice's login name, her synced workspace and its sync service, and a function adding a
    contact to her one case centrally in the transaction of the connection it is given (left
    open)."""
    alice = world.user("alice", "collector", "North")
    (case_id,) = world.seed_cases(alice, "North", 1, contacts=0)
    alice_id = world.user_id(alice)
    workspace = world.workspace(alice)

    def insert_contact(connection: Connection) -> uuid.UUID:
        contact_id = uuid.uuid4()
        connection.execute(
            text(
                "INSERT INTO contact (id, case_id, user_id, channel, contacted_at, place_timezone,"
                " outcome, row_version, updated_at) VALUES (:id, :case, :user, 'phone', :at,"
                " 'Asia/Shanghai', 'not_home', 1, :at)"
            ),
            {"id": contact_id, "case": case_id, "user": alice_id, "at": AT},
        )
        return contact_id

    return alice, workspace, world.sync_service(workspace), insert_contact


def _sync_and_list(service: Any, workspace: Workspace) -> set[uuid.UUID]:
    service.run()
    return _local_ids(workspace, models.Contact)


def test_an_interrupted_first_pull_resumes_where_it_stopped(world: World, tmp_path: Path) -> None:
    alice = world.user("alice", "collector", "North")
    world.seed_cases(alice, "North", 12, contacts=3)
    central = world.engine_as(alice)
    with central.connect() as connection:
        viewer = handshake.viewer(connection, alice)
    with Workspace.open(tmp_path / "whole", create=True) as whole:
        uninterrupted = pull.pull(whole.engine, central, viewer, page_size=5)

    class Interrupted(Exception):
        pass

    copied_before: list[int] = []

    def stop_after_fifteen_rows(stage: str, done: int, total: int) -> None:
        if stage == "rows" and done >= 15:
            copied_before.append(done)
            raise Interrupted

    with Workspace.open(tmp_path / "resumed", create=True) as workspace:
        with pytest.raises(Interrupted):
            pull.pull(
                workspace.engine, central, viewer, page_size=5, progress=stop_after_fifteen_rows
            )
        with workspace.engine.connect() as local:
            assert pull.cursor_of(local) == 0  # the window is not done
        resumed = pull.pull(workspace.engine, central, viewer, page_size=5)
        assert resumed.resumed
        assert resumed.window == uninterrupted.window
        # Nothing copied before the interruption is read again.
        assert resumed.total_rows == uninterrupted.total_rows - copied_before[0]
        assert resumed.pages < uninterrupted.pages
        assert_store_matches_central(workspace, central)


def test_a_reassigned_case_leaves_the_old_laptop_once_its_outbox_is_empty(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    bob = world.user("bob", "collector", "North")
    lena = world.user("lena", "lead", "North")
    moved, kept = world.seed_cases(alice, "North", 2)
    alice_store, bob_store, lena_store = (world.workspace(who) for who in (alice, bob, lena))
    offline_contact = _record(alice_store, moved)
    with world.engine_as(lena).begin() as connection:
        connection.execute(
            text("UPDATE loan_case SET assigned_to_id = :bob WHERE id = :id"),
            {"bob": world.user_id(bob), "id": moved},
        )
    # A pull before her push: the case is no longer hers, but her contact on it waits to go.
    alice_central = world.engine_as(alice)
    with alice_central.connect() as connection:
        viewer = handshake.viewer(connection, alice)
    early = pull.pull(alice_store.engine, alice_central, viewer)
    assert early.deferred_cases == (moved,)
    assert moved in _local_ids(alice_store, models.LoanCase)
    # Her sync pushes first (the contact is accepted), then the case leaves her laptop.
    report = world.sync_service(alice_store).run()
    assert (report.pushed, report.removed_cases, report.deferred_cases) == (1, 1, 0)
    assert _local_ids(alice_store, models.LoanCase) == {kept}
    with alice_store.session() as session:
        assert session.scalars(select(models.Contact.case_id)).all() == [kept]
    assert_store_matches_central(alice_store, alice_central)
    # Bob gets the whole case, the old contacts and her late one, and so does the lead.
    report = world.sync_service(bob_store).run()
    assert report.granted_cases == 1
    assert offline_contact in _local_ids(bob_store, models.Contact)
    assert_store_matches_central(bob_store, world.engine_as(bob))
    world.sync_service(lena_store).run()
    assert offline_contact in _local_ids(lena_store, models.Contact)
    assert_store_matches_central(lena_store, world.engine_as(lena))


def test_rows_deleted_centrally_are_deleted_locally(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    (case_id,) = world.seed_cases(alice, "North", 1, contacts=2)
    workspace = world.workspace(alice)
    with Session(world.engine) as session, session.begin():
        gone = session.scalars(select(models.Contact).where(models.Contact.case_id == case_id))
        gone_id = next(iter(gone)).id
        session.execute(models.Contact.__table__.delete().where(models.Contact.id == gone_id))
    report = world.sync_service(workspace).run()
    assert report.deleted_rows == 1
    assert gone_id not in _local_ids(workspace, models.Contact)
    assert_store_matches_central(workspace, world.engine_as(alice))


def test_two_collectors_and_a_lead_editing_and_syncing_converge(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    bob = world.user("bob", "collector", "North")
    lena = world.user("lena", "lead", "North")
    alice_cases = world.seed_cases(alice, "North", 3, contacts=1)
    bob_cases = world.seed_cases(bob, "North", 3, contacts=1, start=10)
    stores = {who: world.workspace(who) for who in (alice, bob, lena)}
    lead = world.engine_as(lena)
    for round_number in range(3):
        _record(stores[alice], alice_cases[round_number], hour=9 + round_number)
        _record(stores[bob], bob_cases[round_number], hour=9 + round_number)
        with lead.begin() as connection:  # the lead hands one of Bob's cases to Alice
            connection.execute(
                text("UPDATE loan_case SET assigned_to_id = :to WHERE id = :id"),
                {"to": world.user_id(alice), "id": bob_cases[round_number]},
            )
        for store in stores.values():
            world.sync_service(store).run()
    for who, store in stores.items():
        world.sync_service(store).run()
        assert_store_matches_central(store, world.engine_as(who))
    assert _local_ids(stores[alice], models.LoanCase) == {*alice_cases, *bob_cases}
    assert _local_ids(stores[bob], models.LoanCase) == set()
    with lead.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM contact")).scalar_one() == 12
