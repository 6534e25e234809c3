"""Push against a real PostgreSQL: exactly once, refusals set aside, conflicts recorded."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from app.services.visits import VisitService
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from app.sync import outbox, push
from tests.app.sync.central_world import World, central_world

pytestmark = pytest.mark.postgres

DAY = dt.date(2026, 11, 20)
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with central_world(tmp_path) as world:
        yield world


def _visits(workspace: Workspace) -> VisitService:
    return VisitService(workspace, current_date=lambda: DAY)


def _record(workspace: Workspace, case_id: uuid.UUID, hour: int = 10) -> uuid.UUID:
    at = dt.datetime(2026, 11, 20, hour - 8, 0, tzinfo=dt.UTC)  # Shanghai daytime
    return _visits(workspace).record_contact(case_id, "visit", "not_home", at)


def _central_contacts(world: World, case_ids: list[uuid.UUID]) -> list[uuid.UUID]:
    with Session(world.engine) as session:
        return list(
            session.scalars(select(models.Contact.id).where(models.Contact.case_id.in_(case_ids)))
        )


def _outbox(workspace: Workspace) -> list[OutboxEntry]:
    with workspace.session() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_offline_contacts_reach_the_central_database_once_and_leave_the_outbox(
    world: World,
) -> None:
    alice = world.user("alice", "collector", "North")
    cases = world.seed_cases(alice, "North", 3, contacts=0)
    workspace = world.workspace(alice)
    recorded = [_record(workspace, case_id) for case_id in cases]
    report = world.sync_service(workspace).run()
    assert (report.pushed, report.repeated, report.rejected, report.conflicts) == (3, 0, 0, 0)
    assert sorted(_central_contacts(world, cases)) == sorted(recorded)
    assert _outbox(workspace) == []
    with Session(world.engine) as session:
        mutations = session.scalars(select(models.SyncMutation)).all()
    assert {mutation.outcome for mutation in mutations} == {"applied"}
    assert {mutation.pushed_by for mutation in mutations} == {alice}


def test_pushing_the_same_batch_twice_changes_nothing(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    cases = world.seed_cases(alice, "North", 2, contacts=0)
    workspace = world.workspace(alice)
    for case_id in cases:
        _record(workspace, case_id)
    with workspace.engine.connect() as local:
        batch = push.pending_batch(local, 100)
    central = world.engine_as(alice)
    with central.begin() as connection:
        first = push.apply_batch(connection, alice, batch)
    with world.engine.connect() as connection:
        before = connection.execute(text("SELECT id, sync_xid FROM contact ORDER BY id")).all()
    with central.begin() as connection:
        second = push.apply_batch(connection, alice, batch)
    with world.engine.connect() as connection:
        after = connection.execute(text("SELECT id, sync_xid FROM contact ORDER BY id")).all()
        mutations = connection.execute(
            text("SELECT count(*) FROM sync_mutation WHERE table_name = 'contact'")
        ).scalar_one()
    assert [result.outcome for result in first] == ["applied", "applied"]
    assert [(result.outcome, result.repeated) for result in second] == [("applied", True)] * 2
    assert after == before  # not even rewritten
    assert mutations == 2


def _keyring_json(world: World) -> str:
    return json.dumps(
        [[service, name, value] for (service, name), value in world.keyring.passwords.items()]
    )


@pytest.mark.parametrize("kill_point", ["after_central_commit", "after_first_batch"])
def test_a_sync_killed_mid_push_resumes_without_loss_or_duplicates(
    world: World, kill_point: str
) -> None:
    alice = world.user("alice", "collector", "North")
    cases = world.seed_cases(alice, "North", 5, contacts=0)
    workspace = world.workspace(alice)
    recorded = [_record(workspace, case_id) for case_id in cases]
    workspace.engine.dispose()  # the killed process has the store to itself
    hook = "after_central_commit=kill" if kill_point == "after_central_commit" else "progress=kill"
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from app.services.workspace import Workspace\n"
        "from app.store import engines\n"
        "from app.sync import push\n"
        "def kill(*_args):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        # The store is encrypted: its key comes from the test's in-memory keyring, handed over.
        "import json, keyring\n"
        "from tests.helpers.memory_keyring import MemoryKeyring\n"
        "backend = MemoryKeyring()\n"
        "backend.passwords = {(s, n): v for s, n, v in json.loads(os.environ['FC_TEST_KEYRING'])}\n"
        "keyring.set_keyring(backend)\n"
        "with Workspace.open(Path(sys.argv[1])) as workspace:\n"
        f"    push.push(workspace.engine, engines.central_engine(sys.argv[2]), sys.argv[3],"
        f" batch_size=2, {hook})\n"
    )
    user_url = world.url.set(username=alice).render_as_string(hide_password=False)
    killed = subprocess.run(
        [sys.executable, "-c", script, str(workspace.folder), user_url, alice],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), "FC_TEST_KEYRING": _keyring_json(world)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == -9, killed.stderr
    left = len(_outbox(workspace))
    assert left in (3, 5)  # the first batch of 2 reached the central database either way
    report = world.sync_service(workspace).run()
    expected_repeated = 2 if kill_point == "after_central_commit" else 0
    assert (report.repeated, report.pushed) == (expected_repeated, left - expected_repeated)
    assert sorted(_central_contacts(world, cases)) == sorted(recorded)
    assert _outbox(workspace) == []


def test_the_same_mutation_id_with_other_values_is_refused(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    (case_id,) = world.seed_cases(alice, "North", 1, contacts=0)
    workspace = world.workspace(alice)
    contact_id = _record(workspace, case_id)
    entry = _outbox(workspace)[0]
    world.sync_service(workspace).run()
    # The same UUID comes back with another outcome (a client bug, or tampering).
    altered = {**entry.payload, "outcome": "refused"}
    with workspace.session() as session:
        session.add(
            OutboxEntry(
                id=entry.id,
                seq=entry.seq,
                table_name=entry.table_name,
                row_id=entry.row_id,
                operation=entry.operation,
                payload=altered,
                case_id=entry.case_id,
            )
        )
    report = world.sync_service(workspace).run()
    assert (report.pushed, report.rejected) == (0, 1)
    (refused,) = world.sync_service(workspace).refused_changes()
    assert (refused.mutation_id, refused.reason) == (entry.id, "id_reused")
    with Session(world.engine) as session:
        assert session.get_one(models.Contact, contact_id).outcome == "not_home"


def test_one_bad_entry_is_set_aside_and_the_rest_goes_through(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    cases = world.seed_cases(alice, "North", 3, contacts=0)
    workspace = world.workspace(alice)
    first = _record(workspace, cases[0])
    # A contact naming a visit that does not exist anywhere: its foreign key fails centrally.
    with workspace.session() as session:
        bad = models.Contact(
            id=uuid.uuid4(),
            case_id=cases[1],
            user_id=world.user_id(alice),
            channel="visit",
            contacted_at=dt.datetime(2026, 11, 20, 3, tzinfo=dt.UTC),
            outcome="not_home",
            visit_id=uuid.uuid4(),
        )
        session.add(bad)
        outbox.enqueue(session, bad, "insert")
        session.flush()
        session.delete(bad)  # the local row goes; the entry (the point here) stays
    last = _record(workspace, cases[2])
    report = world.sync_service(workspace).run()
    assert (report.pushed, report.rejected) == (2, 1)
    assert sorted(_central_contacts(world, cases)) == sorted([first, last])
    (refused,) = world.sync_service(workspace).refused_changes()
    assert (refused.row_id, refused.reason) == (bad.id, "missing_parent")
    entries = _outbox(workspace)
    assert [(entry.row_id, entry.state) for entry in entries] == [(bad.id, "rejected")]
    assert json.loads(entries[0].last_error or "{}")["reason"] == "missing_parent"


def test_an_edit_hidden_by_row_level_security_is_refused_not_lost(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    bob = world.user("bob", "collector", "North")
    (case_id,) = world.seed_cases(alice, "North", 1, contacts=0)
    workspace = world.workspace(alice)
    visits = _visits(workspace)
    visit_id = visits.plan_visit(case_id, DAY, dt.time(10), dt.time(12))
    world.sync_service(workspace).run()
    # Offline: she checks in and records the outcome; meanwhile the case goes to Bob.
    visits.check_in(visit_id, dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC), place="门口")
    contact_id = _record(workspace, case_id, hour=11)
    with world.engine.begin() as connection:
        connection.execute(
            update(models.LoanCase.__table__)
            .where(models.LoanCase.__table__.c.id == case_id)
            .values(assigned_to_id=world.user_id(bob))
        )
    report = world.sync_service(workspace).run()
    # The contact is a fact: accepted though the case moved on. The visit edit cannot apply:
    # Row-Level Security hides the visit now, which the push reports instead of succeeding.
    assert (report.pushed, report.rejected) == (1, 1)
    assert _central_contacts(world, [case_id]) == [contact_id]
    (refused,) = world.sync_service(workspace).refused_changes()
    assert (refused.table_name, refused.row_id, refused.reason) == (
        "visit",
        visit_id,
        "not_visible",
    )
    with Session(world.engine) as session:
        assert session.get_one(models.Visit, visit_id).check_in_at is None
    # The case has left her laptop (its outbox holds no pending change), the refusal stays.
    with workspace.session() as session:
        assert session.get(models.LoanCase, case_id) is None
    assert report.removed_cases == 1


def test_two_edits_of_one_row_made_offline_push_in_order(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    (case_id,) = world.seed_cases(alice, "North", 1, contacts=0)
    workspace = world.workspace(alice)
    visits = _visits(workspace)
    visit_id = visits.plan_visit(case_id, DAY, dt.time(10), dt.time(12))
    visits.check_in(visit_id, dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC), place="门口")
    visits.check_out(visit_id, dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC))
    report = world.sync_service(workspace).run()
    assert (report.pushed, report.rejected, report.conflicts) == (3, 0, 0)
    with Session(world.engine) as session:
        visit = session.get_one(models.Visit, visit_id)
        assert (visit.status, visit.row_version) == ("completed", 3)
    with workspace.session() as session:
        assert session.get_one(models.Visit, visit_id).row_version == 3


def test_a_phone_edited_by_the_collector_and_by_the_lead_makes_one_conflict(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    lena = world.user("lena", "lead", "North")
    (case_id,) = world.seed_cases(alice, "North", 1, contacts=0)
    workspace = world.workspace(alice)
    with workspace.session() as session:
        phone = session.scalars(select(models.BorrowerPhone)).one()
        phone.number = "13900000001"
        phone.updated_at = models.utc_now()
        outbox.enqueue(session, phone, "update")
        phone_id = phone.id
    with world.engine_as(lena).begin() as connection:
        changed = connection.execute(
            text("UPDATE borrower_phone SET number = '13700000002' WHERE id = :id"),
            {"id": phone_id},
        ).rowcount
    assert changed == 1
    report = world.sync_service(workspace).run()
    assert (report.pushed, report.conflicts) == (0, 1)
    with Session(world.engine) as session:
        assert session.get_one(models.BorrowerPhone, phone_id).number == "13700000002"
        conflict = session.scalars(select(models.SyncConflict)).one()
    assert conflict.pushed_by == alice
    assert (conflict.base_row_version, conflict.central_row_version) == (1, 2)
    assert conflict.client_values["number"] == "13900000001"
    assert conflict.central_values["number"] == "13700000002"
    assert (conflict.case_id, conflict.status) == (case_id, "open")
    (refused,) = world.sync_service(workspace).refused_changes()
    assert (refused.outcome, refused.reason) == ("conflict", "conflict")
    # The lead sees it (a borrower of his team's case) through his own role; nobody else does.
    with world.engine_as(lena).connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM sync_conflict")).scalar_one() == 1
    # Alice's laptop now shows the central value; her version waits in the refused entry.
    with workspace.session() as session:
        assert session.get_one(models.BorrowerPhone, phone_id).number == "13700000002"


def test_an_old_client_is_told_to_update_and_sends_nothing(world: World) -> None:
    from app.sync.handshake import SchemaMismatchError

    alice = world.user("alice", "collector", "North")
    (case_id,) = world.seed_cases(alice, "North", 1, contacts=0)
    workspace = world.workspace(alice)
    _record(workspace, case_id)
    with Session(world.engine) as session:
        # The login's own audit event went with the first sync.
        mutations_before = session.scalar(select(func.count()).select_from(models.SyncMutation))
    with world.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    with pytest.raises(SchemaMismatchError, match="update FieldCollect"):
        world.sync_service(workspace).run()
    assert len(_outbox(workspace)) == 1
    assert _central_contacts(world, [case_id]) == []
    with Session(world.engine) as session:
        assert (
            session.scalar(select(func.count()).select_from(models.SyncMutation))
            == mutations_before
        )
