"""The Cases screen driven as a collector would: type, filter, sort, select, reveal."""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.services.cases import CaseListService
from app.services.status import workspace_status
from app.services.workspace import Workspace
from app.store import models
from ui import formatting
from ui.models.case_table_model import CASE_ID_ROLE, Column
from ui.views.cases_view import CasesView


def _view(qtbot: QtBot, workspace: Workspace) -> CasesView:
    view = CasesView(workspace)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    return view


def test_typing_a_name_narrows_the_list_after_a_pause(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace)
    assert view.count_label.text() == "600 cases"
    target = view.model.case_row(5)
    qtbot.keyClicks(view.search, target.loan_ref)
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=2000)
    assert view.model.index(0, Column.LOAN_REF).data() == target.loan_ref
    assert view.count_label.text() == "1 cases"
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.total == 600, timeout=2000)


def test_filters_combine_and_the_header_sorts(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = _view(qtbot, demo_workspace)
    view.tier_filter.setCurrentIndex(view.tier_filter.findData("A"))
    only_a = view.model.total
    assert 0 < only_a < 600
    view.status_filter.setCurrentIndex(view.status_filter.findData("promised"))
    assert view.model.total <= only_a
    assert all(
        view.model.case_row(row).tier == "A" and view.model.case_row(row).status == "promised"
        for row in range(view.model.rowCount())
    )
    view.status_filter.setCurrentIndex(0)
    view.tier_filter.setCurrentIndex(0)
    assert view.model.total == 600

    view.table.horizontalHeader().sectionClicked.emit(Column.OUTSTANDING)
    view.table.sortByColumn(Column.OUTSTANDING, Qt.SortOrder.DescendingOrder)
    amounts = [view.model.case_row(row).outstanding for row in range(view.model.rowCount())]
    assert amounts == sorted(amounts, reverse=True)


def test_selecting_a_case_shows_its_detail_with_the_id_number_masked(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace)
    view.table.selectRow(0)
    case = view.model.case_row(0)
    detail = view.detail.detail
    assert detail is not None and detail.case.case_id == case.case_id
    assert case.borrower_name in view.detail.title.text()
    assert case.loan_ref in view.detail.title.text()
    shown = view.detail.id_number.text()
    with demo_workspace.session() as session:
        borrower = session.get_one(models.Borrower, detail.borrower_id)
        full = borrower.id_number
    assert full not in shown
    assert full[-4:] in shown
    assert view.detail.reasons.text().startswith("•")
    timeline = view.detail.timeline_model
    assert timeline.rowCount() == len(detail.timeline)
    assert timeline.text(0, 2) == formatting.money(detail.timeline[0].amount)
    assert timeline.data(timeline.index(0, 2), Qt.ItemDataRole.TextAlignmentRole) & (
        Qt.AlignmentFlag.AlignRight
    ), "amounts are right-aligned"


def test_revealing_the_id_number_shows_it_and_writes_an_audit_event(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace)
    view.table.selectRow(3)
    detail = view.detail.detail
    assert detail is not None
    waiting = workspace_status(demo_workspace).pending_changes
    with qtbot.waitSignal(view.detail.audited):
        qtbot.mouseClick(view.detail.reveal_button, Qt.MouseButton.LeftButton)
    with demo_workspace.session() as session:
        borrower = session.get_one(models.Borrower, detail.borrower_id)
        full = borrower.id_number
        events = session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.entity_id == str(borrower.id))
        ).all()
    assert full in view.detail.id_number.text()
    assert not view.detail.reveal_button.isVisible()
    assert [event.action for event in events] == ["reveal_id_number"]
    assert workspace_status(demo_workspace).pending_changes == waiting + 1
    assert view.selected_case_id() == detail.case.case_id
    # Another case hides it again, and coming back shows it masked.
    view.table.selectRow(4)
    view.table.selectRow(3)
    assert full not in view.detail.id_number.text()


def test_select_case_fetches_pages_until_the_case_is_listed(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace)
    wanted = CaseListService(demo_workspace).all_rows(view.model.query)[-1].case_id
    assert view.model.row_of(wanted) is None
    assert view.select_case(wanted)
    assert view.selected_case_id() == wanted
    assert view.model.index(view.model.row_of(wanted), 0).data(CASE_ID_ROLE) == wanted
    assert not view.select_case(uuid.uuid4())


def test_a_call_recorded_from_the_detail_reaches_the_store_the_list_and_the_timeline(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    at_ten = dt.datetime.combine(dt.date.today(), dt.time(10, 0), ZoneInfo("Asia/Shanghai"))
    view = CasesView(demo_workspace, clock=lambda: at_ten)
    qtbot.addWidget(view)
    view.show()
    view.table.selectRow(0)
    case_id = view.selected_case_id()
    before = len(view.detail.detail.timeline)
    dialog = view.detail.contact_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.phone.count() >= 1
    dialog.select_outcome("not_home")
    with qtbot.waitSignal(view.detail.changed, timeout=100, raising=False):
        dialog.save()
    assert dialog.contact_id is not None, dialog.error.text()
    with demo_workspace.session() as session:
        contact = session.get_one(models.Contact, dialog.contact_id)
        assert (contact.channel, contact.outcome, contact.case_id) == ("phone", "not_home", case_id)
        assert contact.contacted_at == at_ten
        assert contact.phone_id == dialog.phone.currentData()

    plan = view.detail.plan_visit_dialog()
    qtbot.addWidget(plan)
    plan.day.setDate(QDate.currentDate().addDays(2))
    plan.start.setTime(QTime(18, 30))
    plan.end.setTime(QTime(20, 0))
    plan.save()
    assert plan.visit_id is not None, plan.error.text()
    with demo_workspace.session() as session:
        visit = session.get_one(models.Visit, plan.visit_id)
    local = visit.window_start.astimezone(ZoneInfo(visit.place_timezone))
    assert (local.hour, local.minute) == (18, 30)
    assert visit.planned_date == dt.date.today() + dt.timedelta(days=2)

    view.detail.show_case(case_id)
    assert len(view.detail.detail.timeline) == before + 2


def test_a_window_that_ends_before_it_starts_is_refused_in_words(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace)
    view.table.selectRow(1)
    plan = view.detail.plan_visit_dialog()
    qtbot.addWidget(plan)
    plan.show()
    plan.start.setTime(QTime(15, 0))
    plan.end.setTime(QTime(14, 0))
    plan.save()
    assert plan.visit_id is None
    assert plan.error.text() == "The visit window ends (14:00) before it starts (15:00)."
