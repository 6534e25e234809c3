"""The collector's day driven through the widgets: plan, check in, outcome with a promise, out."""

from __future__ import annotations

import datetime as dt
import socket
import uuid
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import settings
from app.routing import travel_matrix
from app.services import day_plan
from app.services.visits import VisitService
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from tests.helpers.osrm_server import fake_osrm
from ui import formatting
from ui.dialogs.outcome_dialog import OutcomeDialog
from ui.views import today_view
from ui.views.today_view import TodayView

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _at(hour: int, minute: int = 0) -> dt.datetime:
    """Today at hour:minute in Chengdu, as the aware instant the app stores."""
    return dt.datetime.combine(dt.date.today(), dt.time(hour, minute), SHANGHAI)


class _Clock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


def _view(qtbot: QtBot, workspace: Workspace, clock: _Clock) -> TodayView:
    view = TodayView(workspace, clock=clock)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    return view


def test_the_demo_day_lists_its_planned_visits_in_route_order(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace, _Clock(_at(9)))
    visits = view.visits
    assert visits, "the demo plans visits for today"
    assert all(visit.planned_date == dt.date.today() for visit in visits)
    assert view.model.rowCount() == len(visits)
    assert view.model.text(0, today_view.COLUMN_BORROWER) == visits[0].borrower_name
    assert not view.check_in_button.isEnabled()
    view.show_day(dt.date.today() + dt.timedelta(days=400))
    assert view.model.rowCount() == 0 and view.empty.isVisible()


def test_a_whole_visit_is_in_the_store_and_the_outbox_step_by_step(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    service = VisitService(demo_workspace)
    case_id = service.case_id_for_ref(_first_case_ref(demo_workspace))
    visit_id = service.plan_visit(case_id, dt.date.today(), dt.time(10, 0), dt.time(11, 30))
    clock = _Clock(_at(10, 5))
    view = _view(qtbot, demo_workspace, clock)
    assert view.select_visit(visit_id)
    assert view.check_in_button.isEnabled() and not view.outcome_button.isEnabled()

    with qtbot.waitSignal(view.changed):
        assert view.check_in_selected("小区门口")
    assert view.selected_visit().status == "checked_in"
    assert view.outcome_button.isEnabled() and view.check_out_button.isEnabled()

    dialog = view.outcome_dialog()
    assert isinstance(dialog, OutcomeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_outcome("promised_to_pay")
    # QTest types Latin-1 only; Chinese arrives as an input method would commit it, whole.
    dialog.person_met.setText("借款人本人")
    dialog.notes.setPlainText("答应月底前还一部分")
    dialog.save()
    assert dialog.error.isVisible(), "a promise without an amount is refused"
    assert dialog.contact_id is None
    qtbot.keyClicks(dialog.promise_amount, "1500.50")
    dialog.save()
    assert dialog.result() == OutcomeDialog.DialogCode.Accepted, dialog.error.text()

    clock.at = _at(10, 40)
    with qtbot.waitSignal(view.changed):
        assert view.check_out_selected()
    assert view.selected_visit().status == "completed"

    with demo_workspace.session() as session:
        visit = session.get_one(models.Visit, visit_id)
        contact = session.get_one(models.Contact, dialog.contact_id)
        promise = session.scalars(
            select(models.PromiseToPay).where(models.PromiseToPay.contact_id == contact.id)
        ).one()
        case = session.get_one(models.LoanCase, case_id)
        queued = session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
    assert visit.check_in_at == _at(10, 5) and visit.check_in_place == "小区门口"
    assert visit.check_out_at == _at(10, 40)
    assert (contact.outcome, contact.person_met, contact.visit_id) == (
        "promised_to_pay",
        "借款人本人",
        visit_id,
    )
    assert promise.amount == Decimal("1500.50")
    assert case.status == "promised" and case.promised_amount == Decimal("1500.50")
    queued_rows = {(entry.table_name, entry.row_id) for entry in queued}
    assert {("visit", visit_id), ("contact", contact.id), ("promise_to_pay", promise.id)} <= (
        queued_rows
    )
    assert [e.operation for e in queued if e.row_id == visit_id] == ["insert", "update", "update"]


def test_an_outcome_at_2230_is_refused_until_the_borrowers_consent_is_recorded(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    service = VisitService(demo_workspace)
    case_id = service.case_id_for_ref(_first_case_ref(demo_workspace))
    visit_id = service.plan_visit(case_id, dt.date.today(), dt.time(21, 0), dt.time(23, 0))
    view = _view(qtbot, demo_workspace, _Clock(_at(22, 30)))
    view.select_visit(visit_id)
    assert view.check_in_selected()
    assert "outside the allowed contact hours" in view.notice.text()
    dialog = view.outcome_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_outcome("met_borrower")
    dialog.save()
    assert "only the borrower's consent allows it" in dialog.error.text()
    assert dialog.contact_id is None
    dialog.consent.setText("借款人白天上班，约定晚上见面")
    dialog.save()
    assert dialog.contact_id is not None
    with demo_workspace.session() as session:
        contact = session.get_one(models.Contact, dialog.contact_id)
    assert contact.consent_reason == "借款人白天上班，约定晚上见面"


def _first_case_ref(workspace: Workspace) -> str:
    with workspace.session() as session:
        return session.scalars(
            select(models.LoanCase.loan_ref).order_by(models.LoanCase.loan_ref)
        ).first()


def test_checking_out_a_visit_never_checked_in_is_not_offered(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace, _Clock(_at(9)))
    view.table.selectRow(0)
    assert view.selected_visit() is not None
    assert view.check_in_button.isEnabled()
    assert not view.check_out_button.isEnabled()
    assert not view.select_visit(uuid.uuid4())


def test_abusive_notes_are_named_before_saving_and_kept_only_on_a_second_save(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    service = VisitService(demo_workspace)
    case_id = service.case_id_for_ref(_first_case_ref(demo_workspace))
    visit_id = service.plan_visit(case_id, dt.date.today(), dt.time(10, 0), dt.time(11, 0))
    view = _view(qtbot, demo_workspace, _Clock(_at(10, 10)))
    view.select_visit(visit_id)
    assert view.check_in_selected()
    dialog = view.outcome_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_outcome("refused")
    dialog.notes.setPlainText("借款人拒绝沟通，我说他是老赖")
    dialog.save()
    assert dialog.contact_id is None
    assert "老赖" in dialog.error.text() and "press Save again" in dialog.error.text()
    dialog.save()
    assert dialog.contact_id is not None
    with demo_workspace.session() as session:
        assert session.get_one(models.Contact, dialog.contact_id).notes.endswith("老赖")


def test_planning_the_route_numbers_the_stops_and_says_what_did_not_fit(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace, _Clock(_at(8)))
    assert all(visit.route_order is None for visit in view.visits)
    plan = view.plan_route()
    assert plan is not None and plan.stops
    assert view.notice.text().startswith(f"Route planned: {len(plan.stops)} stops")
    for left in plan.left_out:
        assert " is left out: " in view.notice.text()
        assert left.visit_id in {visit.visit_id for visit in view.visits}
    numbered = [view.model.text(row, 0) for row in range(view.model.rowCount())]
    assert numbered[: len(plan.stops)] == [str(n) for n in range(1, len(plan.stops) + 1)]


def _nmea(sentence: str) -> bytes:
    checksum = 0
    for char in sentence:
        checksum ^= ord(char)
    return f"${sentence}*{checksum:02X}\r\n".encode("ascii")


def test_a_check_in_carries_the_position_from_the_systems_positioning(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPositioning import QNmeaPositionInfoSource

    from ui.positioning import Positioner

    # A real Qt position source, fed a GPS log (the laptop's receiver is the outer edge).
    log = QBuffer()
    fix = "3039.5160,N,10403.8820,E"
    log.setData(
        QByteArray(
            _nmea(f"GPRMC,020000.00,A,{fix},0.0,0.0,231126,,,A")
            + _nmea(f"GPGGA,020000.00,{fix},1,08,0.9,500.0,M,0.0,M,,")
            + _nmea(f"GPRMC,020001.00,A,{fix},0.0,0.0,231126,,,A")
        )
    )
    log.open(QIODevice.OpenModeFlag.ReadOnly)
    source = QNmeaPositionInfoSource(QNmeaPositionInfoSource.UpdateMode.SimulationMode)
    source.setDevice(log)
    positioner = Positioner(source)
    with qtbot.waitSignal(positioner.fixed, timeout=5000):
        pass  # the source reads the log on the event loop
    assert positioner.current() == pytest.approx((30.6586, 104.0647), abs=1e-4)

    service = VisitService(demo_workspace)
    case_id = service.case_id_for_ref(_first_case_ref(demo_workspace))
    visit_id = service.plan_visit(case_id, dt.date.today(), dt.time(10, 0), dt.time(11, 0))
    view = TodayView(demo_workspace, clock=_Clock(_at(10, 5)), positioner=positioner)
    qtbot.addWidget(view)
    view.select_visit(visit_id)
    assert "30.65860, 104.06470" in view._where_prompt()
    assert view.check_in_selected("楼下")
    with demo_workspace.session() as session:
        visit = session.get_one(models.Visit, visit_id)
    assert (visit.check_in_lat, visit.check_in_lon) == pytest.approx((30.6586, 104.0647), abs=1e-4)
    assert visit.check_in_place == "楼下"


def test_tab_moves_through_the_outcome_form_in_the_order_it_is_read(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    service = VisitService(demo_workspace)
    case_id = service.case_id_for_ref(_first_case_ref(demo_workspace))
    dialog = OutcomeDialog(service, "王芳", case_id=case_id, phones=())
    qtbot.addWidget(dialog)
    dialog.show()
    expected = [
        dialog.channel,
        dialog.phone,
        dialog.outcome,
        dialog.person_met,
        dialog.notes,
        dialog.next_action,
        dialog.promise_amount,
        dialog.promise_date,
        dialog.consent,
    ]
    order = []
    widget = dialog.channel
    for _ in range(40):
        if widget in expected and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == expected


def test_the_outcome_list_is_the_services_data_so_an_added_outcome_shows(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    from app.domain.vocabulary import DEFAULT_OUTCOMES, ContactOutcome

    extra = ContactOutcome("left_card", reached_someone=False, reached_borrower=False)
    service = VisitService(demo_workspace, outcomes=(*DEFAULT_OUTCOMES, extra))
    case_id = service.case_id_for_ref(_first_case_ref(demo_workspace))
    dialog = OutcomeDialog(service, "王芳", case_id=case_id, phones=())
    qtbot.addWidget(dialog)
    codes = [dialog.outcome.itemData(index) for index in range(dialog.outcome.count())]
    assert codes == [*(o.code for o in DEFAULT_OUTCOMES), "left_card"]
    assert dialog.outcome.itemText(0) == "Met the borrower"


def _drop_row(table: today_view.RouteTable, from_row: int, to_row: int) -> None:
    """Drop the row `from_row` on the upper part of `to_row`, as the mouse would after a drag."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    table.setCurrentIndex(table.model().index(from_row, today_view.COLUMN_BORROWER))
    data = table.model().mimeData([table.model().index(from_row, today_view.COLUMN_BORROWER)])
    target = table.model().index(to_row, today_view.COLUMN_BORROWER)
    # What the view asks while the row is dragged over another: may it be dropped there?
    assert table.model().flags(target) & Qt.ItemFlag.ItemIsDropEnabled
    assert table.model().canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    cell = table.visualRect(target)
    event = QDropEvent(
        QPointF(cell.center().x(), cell.top() + 2),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    table.dropEvent(event)


def test_dragging_a_stop_times_the_route_again_and_saves_the_order(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace, _Clock(_at(8)))
    planned = view.plan_route()
    assert planned is not None and len(planned.stops) >= 3
    first, second, third = (stop.visit_id for stop in planned.stops[:3])

    with qtbot.waitSignal(view.changed):
        _drop_row(view.table, 0, 2)  # the first stop, dropped before the third

    shown = view.plan
    assert shown is not None
    assert [stop.visit_id for stop in shown.stops[:3]] == [second, first, third]
    assert [stop.order for stop in shown.stops] == list(range(1, len(planned.stops) + 1))
    # Timed again at once: the table shows the new arrivals, from home to the new first stop.
    assert shown.stops[0].arrival < planned.stops[1].arrival
    row_arrivals = [
        view.model.text(row, today_view.COLUMN_ARRIVAL) for row in range(len(shown.stops))
    ]
    assert row_arrivals == [formatting.local_time(stop.arrival) for stop in shown.stops]
    for row, stop in enumerate(shown.stops):
        warning = view.model.text(row, today_view.COLUMN_WARNING)
        assert bool(warning) == (stop.warning is not None)
        colour = view.model.data(
            view.model.index(row, today_view.COLUMN_BORROWER), Qt.ItemDataRole.ForegroundRole
        )
        assert (colour is not None and colour.name() == "#c62828") == (stop.warning is not None)
    # Saved as the visits' order, queued for sync.
    saved = {
        visit.visit_id: visit.route_order
        for visit in VisitService(demo_workspace).today(dt.date.today())
    }
    assert (saved[second], saved[first], saved[third]) == (1, 2, 3)
    with demo_workspace.session() as session:
        queued = session.scalars(
            select(OutboxEntry.row_id).where(
                OutboxEntry.table_name == "visit", OutboxEntry.operation == "update"
            )
        ).all()
    assert {first, second} <= set(queued)
    assert "km" in view.totals.text() and view.totals.isVisible()


def test_the_keyboard_moves_a_stop_down_and_up_again(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace, _Clock(_at(8)))
    planned = view.plan_route()
    assert planned is not None and len(planned.stops) >= 2
    first, second = planned.stops[0].visit_id, planned.stops[1].visit_id
    view.table.selectRow(0)
    # A shortcut answers only in the active window.
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.plan is not None
    assert [stop.visit_id for stop in view.plan.stops[:2]] == [second, first]
    assert view.selected_visit() is not None and view.selected_visit().visit_id == first
    view.move_up_action.trigger()
    assert [stop.visit_id for stop in view.plan.stops[:2]] == [first, second]


def test_a_locked_stop_stays_at_its_time_when_the_route_is_planned_again(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = _view(qtbot, demo_workspace, _Clock(_at(8)))
    planned = view.plan_route()
    assert planned is not None and len(planned.stops) >= 2
    stop = planned.stops[1]
    lock = view.model.index(1, today_view.COLUMN_STOP)
    assert view.model.flags(lock) & Qt.ItemFlag.ItemIsUserCheckable
    assert view.model.data(lock, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "keeps its time" in view.model.data(lock, Qt.ItemDataRole.ToolTipRole)
    # The space bar on the stop's cell ticks its box, as a click on it does.
    view.table.setCurrentIndex(lock)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    pinned = day_plan.pinned_start(stop.start)
    assert view.locked == {stop.visit_id: pinned}
    assert dt.timedelta(0) <= pinned - stop.start < dt.timedelta(seconds=1)
    lock = view.model.index(1, today_view.COLUMN_STOP)
    assert view.model.data(lock, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    again = view.plan_route()
    assert again is not None
    kept = [planned_stop for planned_stop in again.stops if planned_stop.visit_id == stop.visit_id]
    assert kept and kept[0].start == pinned and kept[0].locked

    # The lock outlives the screen: the Today screen of the application started again has it.
    reopened = _view(qtbot, demo_workspace, _Clock(_at(8)))
    assert reopened.locked == {stop.visit_id: pinned}
    row = next(n for n, shown in enumerate(reopened.plan.stops) if shown.visit_id == stop.visit_id)
    lock = reopened.model.index(row, today_view.COLUMN_STOP)
    assert reopened.model.data(lock, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_the_route_sheet_is_printed_to_a_pdf(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    import pypdf

    view = _view(qtbot, demo_workspace, _Clock(_at(8)))
    planned = view.plan_route()
    assert planned is not None and planned.stops
    target = tmp_path / "route.pdf"
    assert view.write_route_sheet(target)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(target).pages)
    first_row = next(visit for visit in view.visits if visit.visit_id == planned.stops[0].visit_id)
    assert first_row.loan_ref in text.replace(" ", "")
    assert str(target) in view.notice.text()


def _dead_osrm_url() -> str:
    """A URL on a port nothing listens on (bound here, so nobody else takes it meanwhile)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_totals_estimated_because_the_osrm_server_is_unreachable_say_so(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    dead = _dead_osrm_url()
    travel_matrix.forget_osrm_answers()
    preferences = settings.Preferences(tmp_path / "preferences.json")
    preferences.set("route_seconds", 1)
    preferences.set("osrm_url", dead)
    view = TodayView(demo_workspace, clock=_Clock(_at(8)), preferences=preferences)
    qtbot.addWidget(view)
    view.show()
    assert view.travel_note.isHidden(), "no route yet: no totals and no note"
    plan = view.plan_route()
    assert plan is not None and plan.stops and plan.travel_source == "haversine"
    assert view.totals.isVisible() and view.travel_note.isVisible()
    note = view.travel_note.text()
    assert note.startswith("Road times could not be read from the OSRM server, so travel was ")
    assert "straight-line distance" in note and dead in note
    assert note.endswith(plan.travel_note or "")

    # The setting emptied: the day is estimated as configured, nothing to warn about.
    preferences.set("osrm_url", "")
    view.reload()
    assert view.totals.isVisible() and view.travel_note.isHidden()
    assert view.travel_note.text() == ""


def test_totals_carry_no_travel_note_without_osrm_or_with_a_server_that_answers(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    view = _view(qtbot, demo_workspace, _Clock(_at(8)))
    assert view.plan_route() is not None
    assert view.totals.isVisible() and view.travel_note.isHidden()

    preferences = settings.Preferences(tmp_path / "preferences.json")
    preferences.set("route_seconds", 1)
    with fake_osrm() as server:
        preferences.set("osrm_url", server.url)
        served = TodayView(demo_workspace, clock=_Clock(_at(8)), preferences=preferences)
        qtbot.addWidget(served)
        served.show()
        plan = served.plan_route()
    assert plan is not None and plan.travel_source == "osrm"
    assert served.totals.isVisible() and served.travel_note.isHidden()
