"""The Assignment screen: filters, bulk reassignment written centrally with history, auto-assign."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from tests.ui.lead.conftest import TeamDemo, dispose
from ui.views.lead.assignment_view import AssignmentView


@pytest.fixture
def view(qtbot: QtBot, lead_workspace: Workspace) -> Iterator[AssignmentView]:
    shown = AssignmentView(lead_workspace)
    shown.resize(1300, 700)
    shown.show()
    yield shown
    dispose(shown)


def _central_holder(demo: TeamDemo, loan_ref: str) -> str:
    with sqlite3.connect(demo.central_path) as central:
        return central.execute(
            "SELECT u.username FROM loan_case c JOIN app_user u ON u.id = c.assigned_to_id "
            "WHERE c.loan_ref = ?",
            (loan_ref,),
        ).fetchone()[0]


def _history(demo: TeamDemo, loan_ref: str) -> list[tuple[str, str, str]]:
    with sqlite3.connect(demo.central_path) as central:
        return central.execute(
            "SELECT f.username, t.username, b.username FROM case_assignment a "
            "JOIN loan_case c ON c.id = a.case_id "
            "LEFT JOIN app_user f ON f.id = a.from_user_id "
            "JOIN app_user t ON t.id = a.to_user_id "
            "LEFT JOIN app_user b ON b.id = a.assigned_by_id "
            "WHERE c.loan_ref = ? ORDER BY a.assigned_at",
            (loan_ref,),
        ).fetchall()


def test_the_filters_narrow_the_team_list(view: AssignmentView) -> None:
    assert view.model.rowCount() == 530, "the whole team's book"
    view.collector_filter.setCurrentIndex(view.collector_filter.findData("zhang.wei"))
    assert view.model.rowCount() == 200
    assert view.count.text() == "200 cases"
    view.tier_filter.setCurrentIndex(view.tier_filter.findData("A"))
    tiers = {view.model.text(row, 3) for row in range(view.model.rowCount())}
    assert tiers <= {"A"} and view.model.rowCount() < 200
    view.unassigned_only.setChecked(True)
    assert view.model.rowCount() == 0, "every demo case has a collector"


def test_bulk_reassignment_through_the_screen_changes_the_central_assignment(
    qtbot: QtBot, team_demo: TeamDemo, view: AssignmentView
) -> None:
    view.collector_filter.setCurrentIndex(view.collector_filter.findData("zhang.wei"))
    refs = {view.model.text(row, 0) for row in range(3)}
    view.select_loan_refs(refs)
    assert view.assign_button.text() == "Assign 3 cases"
    view.assign_to.setCurrentIndex(view.assign_to.findData("zhao.min"))
    view.reason.setText("张伟休假")
    with qtbot.waitSignal(view.assigned, timeout=20_000):
        assert view.assign_selected()
    for ref in refs:
        assert _central_holder(team_demo, ref) == "zhao.min"
        assert _history(team_demo, ref)[-1] == ("zhang.wei", "zhao.min", "wang.fang")
    assert "3 cases given to 赵敏" in view.notice.text()
    # The lead's workspace synced: the list shows the new holder.
    assert view.model.rowCount() == 197
    view.collector_filter.setCurrentIndex(view.collector_filter.findData("zhao.min"))
    shown = {view.model.text(row, 0) for row in range(view.model.rowCount())}
    assert refs <= shown


def test_auto_assign_shows_each_collectors_load_before_applying(
    qtbot: QtBot, team_demo: TeamDemo, view: AssignmentView
) -> None:
    view.rebalance.setChecked(True)
    with qtbot.waitSignal(view.task.finished, timeout=20_000):
        assert view.propose_auto()
    assert view.proposal is not None and not view.proposal.applied
    rows = view.proposal_model.rowCount()
    assert rows == 6, "six collectors"
    cases = sum(int(view.proposal_model.text(row, 1)) for row in range(rows))
    assert cases == 530
    assert all(view.proposal_model.text(row, 3).endswith(" km") for row in range(rows))
    assert view.apply_button.isEnabled()
    assert _central_holder(team_demo, "CDL0000001") == "zhang.wei", "a proposal writes nothing"
