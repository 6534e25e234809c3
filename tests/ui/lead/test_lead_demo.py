"""The lead's demo: beside 张伟's, on the same embedded central database, so what the lead assigns
leaves and reaches the collectors' workspaces at their next sync."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from sqlalchemy import select

from app.services import demo
from app.services.sync import SyncService
from app.services.team_cases import TeamCaseFilter, TeamCaseService
from app.services.workspace import Workspace
from app.store import models
from tests.ui.lead.conftest import TeamDemo


def _loan_refs(workspace: Workspace) -> set[str]:
    with workspace.session() as session:
        return set(session.scalars(select(models.LoanCase.loan_ref)))


def test_the_lead_demo_holds_the_teams_cases_and_a_second_run_only_syncs(
    lead_template: TeamDemo, tmp_path: Path
) -> None:
    folder = tmp_path / "ws"
    shutil.copytree(lead_template.collector_folder, folder)
    first = demo.build_lead_workspace(folder, seed=7, cases=200, as_of=dt.date.today())
    assert first.created and first.folder == tmp_path / "ws-lead"
    assert (first.username, first.cases_in_workspace, first.cases_in_central) == (
        "wang.fang",
        530,
        530,
    )
    again = demo.build_lead_workspace(folder, seed=7, cases=200, as_of=dt.date.today())
    assert not again.created and again.cases_in_workspace == 530
    with Workspace.open(first.folder) as lead:
        identity = lead.identity()
        assert identity is not None and identity.role == "lead"


def test_cases_the_lead_reassigns_leave_the_collectors_workspace_at_its_next_sync(
    team_demo: TeamDemo, lead_workspace: Workspace
) -> None:
    cases = TeamCaseService(lead_workspace)
    zhang = cases.cases(TeamCaseFilter(collector="zhang.wei"))
    moving = [case.loan_ref for case in zhang[:5]]
    with Workspace.open(team_demo.collector_folder) as collector:
        # His laptop has synced before (the demo's own first copy is a snapshot, not a pull).
        SyncService(collector).run()
        assert set(moving) <= _loan_refs(collector)
        result = cases.assign(moving, "zhao.min", reason="调整片区")
        assert sorted(result.changed) == sorted(moving)
        SyncService(collector).run()
        held = _loan_refs(collector)
        assert not set(moving) & held, "no longer his: removed from his laptop"
        assert len(held) == 195
    assert {case.collector for case in cases.cases() if case.loan_ref in moving} == {"zhao.min"}
