"""Conflicts decided against a real PostgreSQL: a collector's and a lead's laptops converge."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.services.conflicts import ConflictService
from app.services.workspace import Workspace
from app.store import models
from app.sync import outbox
from tests.app.sync.central_world import World, central_world

pytestmark = pytest.mark.postgres

MINE = "13900000001"
THEIRS = "13700000002"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with central_world(tmp_path) as world:
        yield world


def _settle(world: World) -> None:
    """Wait until every transaction committed so far is inside the next pull's window (another
    engineer's transaction on a shared server holds the window back; it never loses rows)."""
    with world.engine.connect() as connection:
        now = connection.scalar(text("SELECT pg_current_xact_id()::text::bigint"))
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        with world.engine.connect() as connection:
            oldest = connection.scalar(
                text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            )
        if oldest > now:
            return
        time.sleep(0.2)
    pytest.fail("a transaction kept the pull's window back for 5 minutes")


def _sync(world: World, workspace: Workspace) -> object:
    _settle(world)
    return world.sync_service(workspace).run()


def _phone(workspace: Workspace, phone_id: uuid.UUID) -> tuple[str, int]:
    with workspace.session() as session:
        phone = session.get_one(models.BorrowerPhone, phone_id)
        return phone.number, phone.row_version


def _edit_on_both_laptops(world: World) -> tuple[Workspace, Workspace, uuid.UUID]:
    alice, lena = _people(world)
    world.seed_cases(alice, "North", 1, contacts=0)
    _settle(world)
    collector, lead = world.workspace(alice), world.workspace(lena)
    for workspace, number in ((collector, MINE), (lead, THEIRS)):
        with workspace.session() as session:
            phone = session.scalars(select(models.BorrowerPhone)).one()
            phone.number = number
            phone.updated_at = models.utc_now()
            outbox.enqueue(session, phone, "update")
            phone_id = phone.id
    assert _sync(world, lead).pushed == 1
    assert _sync(world, collector).conflicts == 1
    return collector, lead, phone_id


def _people(world: World) -> tuple[str, str]:
    """The collector alice and the lead lena of team North (their login names)."""
    return world.user("alice", "collector", "North"), world.user("lena", "lead", "North")


def test_the_conflict_names_the_lead_whose_push_the_collector_met(world: World) -> None:
    """alice may not read lena's `sync_mutation` rows; her push still records lena as the
    author of the central number, through the SECURITY DEFINER helper."""
    collector, _lead, _phone_id = _edit_on_both_laptops(world)
    lena = next(login for login in world.logins if login.startswith("lena_"))
    alice = next(login for login in world.logins if login.startswith("alice_"))
    with Session(world.engine) as session:
        recorded = session.scalars(select(models.SyncConflict)).one()
        lenas_push = session.scalars(
            select(models.SyncMutation).where(
                models.SyncMutation.pushed_by == lena,
                models.SyncMutation.table_name == "borrower_phone",
            )
        ).one()
    assert (recorded.pushed_by, recorded.central_changed_by) == (alice, lena)
    assert recorded.central_changed_at == lenas_push.received_at
    (conflict,) = ConflictService(collector).open_conflicts()
    assert conflict.changed_by == lena
    # alice herself still cannot read lena's pushes.
    engine = world.engine_as(alice)
    try:
        with engine.connect() as connection:
            assert (
                connection.scalar(
                    text("SELECT count(*) FROM sync_mutation WHERE pushed_by = :lena"),
                    {"lena": lena},
                )
                == 0
            )
    finally:
        engine.dispose()


def test_a_central_change_no_push_made_names_nobody(world: World) -> None:
    """An import or an administrator writes the central row directly: no author is recorded."""
    alice, _lena = _people(world)
    world.seed_cases(alice, "North", 1, contacts=0)
    _settle(world)
    collector = world.workspace(alice)
    with collector.session() as session:
        phone = session.scalars(select(models.BorrowerPhone)).one()
        phone.number = MINE
        phone.updated_at = models.utc_now()
        outbox.enqueue(session, phone, "update")
        phone_id = phone.id
    with Session(world.engine) as session, session.begin():
        central = session.get_one(models.BorrowerPhone, phone_id)
        central.number = THEIRS
        central.updated_at = models.utc_now()
    assert _sync(world, collector).conflicts == 1
    with Session(world.engine) as session:
        recorded = session.scalars(select(models.SyncConflict)).one()
    assert (recorded.central_changed_by, recorded.central_changed_at) == (None, None)
    (conflict,) = ConflictService(collector).open_conflicts()
    assert conflict.changed_by is None and conflict.central_version == 2


def test_the_push_author_helper_answers_only_for_rows_the_caller_may_see(world: World) -> None:
    """Another team's collector asking about alice's phone learns nothing."""
    _collector, _lead, phone_id = _edit_on_both_laptops(world)
    lena = next(login for login in world.logins if login.startswith("lena_"))
    bob = world.user("bob", "collector", "South")
    query = text("SELECT changed_by FROM fc_sync.push_author_of('borrower_phone', :row, 2)")
    for login, expected in ((lena, [lena]), (bob, [])):
        engine = world.engine_as(login)
        try:
            with engine.connect() as connection:
                assert connection.scalars(query, {"row": phone_id}).all() == expected
        finally:
            engine.dispose()


@pytest.mark.parametrize("keep_mine", [True, False])
def test_a_phone_edited_on_two_laptops_is_decided_once_and_every_store_converges(
    world: World, keep_mine: bool
) -> None:
    collector, lead, phone_id = _edit_on_both_laptops(world)
    conflicts = ConflictService(collector)
    (conflict,) = conflicts.open_conflicts()
    assert [(f.field, f.mine, f.theirs) for f in conflict.fields] == [("number", MINE, THEIRS)]
    if keep_mine:
        conflicts.keep_mine(conflict.mutation_id)
    else:
        conflicts.take_theirs(conflict.mutation_id)
    report = _sync(world, collector)
    assert (report.conflicts, report.rejected) == (0, 0)
    _sync(world, lead)
    expected = (MINE, 3) if keep_mine else (THEIRS, 2)
    with Session(world.engine) as session:
        central = session.get_one(models.BorrowerPhone, phone_id)
        assert (central.number, central.row_version) == expected
        decided = session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == "conflict_decided")
        ).one()
    assert _phone(collector, phone_id) == _phone(lead, phone_id) == expected
    assert decided.detail["decision"] == ("mine" if keep_mine else "theirs")
    assert conflicts.open_conflicts() == []
