"""The lead's screens against a real PostgreSQL central database: his own login role, Row-Level
Security limiting him to his team, assignments and imports written as him."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import assignment
from app.services.central_access import CentralAccess, CentralRefusedError
from app.services.lead_import import LeadImport
from app.services.team_cases import TeamCaseService
from app.services.workspace import Workspace
from app.store import models
from tests.app.sync.central_world import World, central_world
from tests.ui.lead.conftest import dispose
from tests.ui.lead.test_import_wizard import HEADER, id_number
from ui.views.lead.assignment_view import AssignmentView


@dataclass
class North:
    world: World
    lead: str
    alice: str
    bob: str
    carol: str
    workspace: Workspace


@pytest.fixture
def north(tmp_path: Path) -> Iterator[North]:
    with central_world(tmp_path) as world:
        lead = world.user("lena", "lead", "North")
        alice = world.user("alice", "collector", "North")
        bob = world.user("bob", "collector", "North")
        carol = world.user("carol", "collector", "South")
        world.seed_cases(alice, "North", 3)
        world.seed_cases(carol, "South", 2, start=100)
        workspace = world.workspace(lead)
        yield North(world, lead, alice, bob, carol, workspace)


def _holder(world: World, loan_ref: str) -> str:
    with Session(world.engine) as session:
        return session.scalars(
            select(models.AppUser.username)
            .join(models.LoanCase, models.LoanCase.assigned_to_id == models.AppUser.id)
            .where(models.LoanCase.loan_ref == loan_ref)
        ).one()


def _service(north: North) -> TeamCaseService:
    central = CentralAccess(north.workspace, north.world.sync_service(north.workspace).passwords)
    return TeamCaseService(north.workspace, central)


def test_the_lead_lists_his_team_only_and_reassigns_as_himself(qtbot: QtBot, north: North) -> None:
    view = AssignmentView(north.workspace, service=_service(north))
    view.show()
    try:
        assert view.model.rowCount() == 3, "North's cases; RLS kept South's off his laptop"
        refs = {view.model.text(row, 0) for row in range(2)}
        view.select_loan_refs(refs)
        view.assign_to.setCurrentIndex(view.assign_to.findData(north.bob))
        with qtbot.waitSignal(view.assigned, timeout=30_000):
            assert view.assign_selected()
        assert {_holder(north.world, ref) for ref in refs} == {north.bob}
    finally:
        dispose(view)


def test_the_lead_cannot_give_a_case_of_another_team(north: North) -> None:
    service = _service(north)
    south_ref = next(
        ref for ref in _all_refs(north.world) if _holder(north.world, ref) == north.carol
    )
    # Row-Level Security hides South's case from him: to his login role it does not exist.
    with pytest.raises(assignment.AssignmentError, match="no case has loan ref"):
        service.assign([south_ref], north.bob)
    assert _holder(north.world, south_ref) == north.carol


def _all_refs(world: World) -> list[str]:
    with Session(world.engine) as session:
        return list(session.scalars(select(models.LoanCase.loan_ref)))


def test_the_lead_imports_a_file_as_himself(tmp_path: Path, north: North) -> None:
    path = tmp_path / "north.csv"
    path.write_text(
        HEADER + f"PG-0001,褚八,{id_number('51010419870808008')},13800000008,"
        f"四川省成都市锦江区春熙路8号,30.65,104.08,5000,0,0,2026-08-01,{north.bob}\n",
        encoding="utf-8",
    )
    central = CentralAccess(north.workspace, north.world.sync_service(north.workspace).passwords)
    outcome = LeadImport(north.workspace, central).run(path, "cases")
    assert outcome.result.created == 1
    assert _holder(north.world, "PG-0001") == north.bob


def test_a_case_the_leads_file_leaves_unassigned_lands_in_his_team(
    tmp_path: Path, north: North
) -> None:
    path = tmp_path / "north.csv"
    path.write_text(
        HEADER + f"PG-0002,卫九,{id_number('51010419870909009')},13800000009,"
        "四川省成都市锦江区春熙路9号,30.65,104.08,6000,0,0,2026-08-01,\n",
        encoding="utf-8",
    )
    central = CentralAccess(north.workspace, north.world.sync_service(north.workspace).passwords)
    outcome = LeadImport(north.workspace, central).run(path, "cases")
    assert outcome.result.created == 1 and outcome.sync_error is None
    with Session(north.world.engine) as session:
        team = session.scalars(
            select(models.Team.name)
            .join(models.LoanCase, models.LoanCase.team_id == models.Team.id)
            .where(models.LoanCase.loan_ref == "PG-0002")
        ).one()
    assert team == "North"
    # ...where Row-Level Security shows it to him (and not yet to any collector).


def test_a_collector_cannot_assign_even_through_the_service(north: North) -> None:
    alice = north.world.workspace(north.alice)
    central = CentralAccess(alice, north.world.sync_service(alice).passwords)
    mine = next(ref for ref in _all_refs(north.world) if _holder(north.world, ref) == north.alice)
    # His window shows no Assignment screen; the central database refuses the write anyway.
    with pytest.raises(CentralRefusedError, match="permission denied for table loan_case"):
        TeamCaseService(alice, central).assign([mine], north.bob)
    assert _holder(north.world, mine) == north.alice
