"""The demo workspace: deterministic, complete enough to show every feature, built only once."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.orm import Session

from app import errors
from app.domain import aging, vocabulary
from app.services import demo
from app.services.workspace import (
    STATE_DEMO,
    STATE_SERVER_URL,
    STATE_USER_ID,
    Workspace,
)
from app.store import engines, models
from app.sync import outbox

AS_OF = dt.date(2026, 11, 22)  # a Sunday
CHINA = dt.timezone(dt.timedelta(hours=8))
BOOK = 240  # the default is 600; a smaller book shows the same and builds in half the time


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> demo.DemoSummary:
    """One demo, built once for the tests that only read it."""
    folder = tmp_path_factory.mktemp("demo") / "ws"
    return demo.build_demo_workspace(folder, cases=BOOK, as_of=AS_OF)


@pytest.fixture
def central(built: demo.DemoSummary) -> Iterator[Session]:
    engine = engines.central_engine(built.central_url)
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


@pytest.fixture
def local(built: demo.DemoSummary) -> Iterator[Session]:
    with Workspace.open(built.folder) as workspace, workspace.session() as session:
        yield session


def _owner_id(session: Session) -> uuid.UUID:
    return session.scalars(
        select(models.AppUser.id).where(models.AppUser.username == demo.OWNER_USERNAME)
    ).one()


def _all_rows(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every synced table, in key order."""
    rows: dict[str, list[tuple[object, ...]]] = {}
    with Session(engine) as session:
        for model in models.SYNCED_TABLES:
            columns = [attribute.expression for attribute in inspect(model).column_attrs]
            rows[model.__tablename__] = [
                tuple(row) for row in session.execute(select(*columns).order_by(model.id))
            ]
    return rows


def _central_rows(summary: demo.DemoSummary) -> dict[str, list[tuple[object, ...]]]:
    engine = engines.central_engine(summary.central_url)
    try:
        return _all_rows(engine)
    finally:
        engine.dispose()


def _local_rows(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    with Workspace.open(folder) as workspace:
        return _all_rows(workspace.engine)


def test_the_demo_is_zhang_weis_book_in_a_team_of_seven(
    built: demo.DemoSummary, central: Session
) -> None:
    assert built.created
    assert (built.username, built.display_name) == ("zhang.wei", "张伟")
    assert (built.cases_in_workspace, built.cases_in_central) == (BOOK, BOOK + 5 * (BOOK // 3))
    staff = central.execute(select(models.AppUser.role, func.count()).group_by("role")).all()
    assert sorted(staff) == [("collector", 6), ("lead", 1)]
    team = central.scalars(select(models.Team)).one()
    assert (team.timezone, round(team.office_lat, 3), round(team.office_lon, 3)) == (
        "Asia/Shanghai",
        30.657,
        104.066,
    )


def test_the_local_store_holds_only_the_owners_cases_and_the_central_all(
    built: demo.DemoSummary, local: Session, central: Session
) -> None:
    owner_id = _owner_id(local)
    assignees = local.scalars(select(models.LoanCase.assigned_to_id).distinct()).all()
    assert assignees == [owner_id]
    assert local.scalar(select(func.count(models.LoanCase.id))) == BOOK
    per_collector = central.execute(
        select(models.LoanCase.assigned_to_id, func.count()).group_by("assigned_to_id")
    ).all()
    assert sorted(count for _, count in per_collector) == [BOOK // 3] * 5 + [BOOK]
    # The local copy is what central holds for those cases, derived columns included.
    local_cases = local.execute(
        select(models.LoanCase.id, models.LoanCase.risk_tier, models.LoanCase.status)
    ).all()
    central_cases = central.execute(
        select(models.LoanCase.id, models.LoanCase.risk_tier, models.LoanCase.status).where(
            models.LoanCase.assigned_to_id == owner_id
        )
    ).all()
    assert sorted(local_cases) == sorted(central_cases)
    assert outbox.pending_count(local) == 0


def test_the_workspace_knows_its_owner_and_its_embedded_central(built: demo.DemoSummary) -> None:
    with Workspace.open(built.folder) as workspace:
        identity = workspace.identity()
        assert identity is not None
        assert (identity.username, identity.role) == ("zhang.wei", "collector")
        assert workspace.state(STATE_DEMO) == "1"
        assert workspace.state(STATE_SERVER_URL) == built.central_url
        assert built.central_url == f"sqlite:///{workspace.embedded_central_path}"
        assert workspace.state(STATE_USER_ID) == str(identity.user_id)


def test_every_aging_bucket_and_every_risk_tier_is_in_the_book(local: Session) -> None:
    due_dates = local.scalars(select(models.LoanCase.due_date)).all()
    buckets = {aging.bucket_for(aging.days_past_due(due, AS_OF)) for due in due_dates}
    assert buckets == set(aging.AgingBucket)
    tiers = set(local.scalars(select(models.LoanCase.risk_tier).distinct()))
    assert tiers == {"A", "B", "C", "D"}


def test_promises_were_kept_broken_and_still_open_as_the_payments_decided(
    local: Session,
) -> None:
    statuses = dict(
        local.execute(
            select(models.PromiseToPay.status, func.count()).group_by(models.PromiseToPay.status)
        ).all()
    )
    assert statuses["kept"] >= 1 and statuses["broken"] >= 1 and statuses["open"] >= 1
    promised = local.scalar(select(func.count()).where(models.LoanCase.status == "promised"))
    assert promised == local.scalar(
        select(func.count(models.PromiseToPay.case_id.distinct())).where(
            models.PromiseToPay.status == "open",
            models.PromiseToPay.case_id.in_(
                select(models.LoanCase.id).where(models.LoanCase.status.in_(["open", "promised"]))
            ),
        )
    )
    # Every kept promise is covered by payments made after it and before its settlement.
    for promise in local.scalars(
        select(models.PromiseToPay).where(models.PromiseToPay.status == "kept")
    ):
        paid = local.scalar(
            select(func.sum(models.Payment.amount)).where(
                models.Payment.case_id == promise.case_id,
                models.Payment.paid_at >= promise.created_at,
                models.Payment.paid_at <= promise.settled_at,
            )
        )
        assert paid is not None and paid >= promise.amount


def test_there_is_exactly_one_active_plan_and_its_instalments_sum_to_the_agreed_total(
    local: Session, central: Session
) -> None:
    plan = central.scalars(
        select(models.RepaymentPlan).where(models.RepaymentPlan.status == "active")
    ).one()
    instalments = central.scalars(
        select(models.Instalment)
        .where(models.Instalment.plan_id == plan.id)
        .order_by(models.Instalment.seq)
    ).all()
    assert sum((i.amount for i in instalments), Decimal("0")) == plan.agreed_total
    assert plan.agreed_total == plan.principal + plan.interest + plan.penalty - plan.waiver
    assert [i.seq for i in instalments] == list(range(plan.instalment_count + 1))
    assert instalments[0].amount == plan.down_payment
    case = local.get_one(models.LoanCase, plan.case_id)
    assert (case.status, case.active_plan_id) == ("in_plan", plan.id)
    assert (
        local.scalar(select(func.count()).where(models.LoanCase.active_plan_id.is_not(None))) == 1
    )


def test_the_owner_has_visits_planned_for_the_demo_day_within_contact_hours(
    local: Session,
) -> None:
    visits = local.scalars(
        select(models.Visit).where(
            models.Visit.status == "planned", models.Visit.planned_date == AS_OF
        )
    ).all()
    assert len(visits) == demo.VISITS_TODAY
    assert {visit.user_id for visit in visits} == {_owner_id(local)}
    for visit in visits:
        assert visit.window_start is not None and visit.window_end is not None
        start, end = visit.window_start.astimezone(CHINA), visit.window_end.astimezone(CHINA)
        assert start.date() == AS_OF and start < end
        assert dt.time(8) <= start.time() and end.time() <= dt.time(21)
        assert visit.address_id is not None


def _check_character(first_17: str) -> str:
    """GB 11643-1999 written out again, independently of the generator."""
    weights = [2 ** (17 - position) % 11 for position in range(17)]
    total = sum(int(digit) * weight for digit, weight in zip(first_17, weights, strict=True))
    return "10X98765432"[total % 11]


def test_every_id_number_is_valid_with_its_check_character(local: Session) -> None:
    id_numbers = local.scalars(select(models.Borrower.id_number)).all()
    assert len(id_numbers) == BOOK
    for id_number in id_numbers:
        assert len(id_number) == 18 and id_number[:17].isdigit()
        assert id_number[17] == _check_character(id_number[:17]), id_number
        born = dt.date.fromisoformat(id_number[6:14])
        assert 18 <= (AS_OF - born).days // 365 <= 70
    assert _check_character("11010519491231002") == "X"  # the standard's own example


def test_addresses_are_in_chengdus_districts_with_some_safety_flags(local: Session) -> None:
    addresses = local.scalars(select(models.BorrowerAddress)).all()
    for address in addresses:
        assert address.address_text.startswith("四川省成都市")
        assert address.lat is not None and address.lon is not None
        north = (address.lat - demo.OFFICE_LAT) * 111.0
        east = (address.lon - demo.OFFICE_LON) * 111.0 * math.cos(math.radians(demo.OFFICE_LAT))
        assert math.hypot(north, east) < 15
        assert address.availability and address.timezone == "Asia/Shanghai"
    flags = {flag for address in addresses for flag in address.safety_flags}
    assert {"dog", "aggressive"} <= flags
    districts = {address.address_text[6:9] for address in addresses}
    assert {"锦江区", "青羊区", "金牛区", "武侯区", "成华区", "高新区"} <= districts


def test_contacts_use_the_default_outcome_codes_within_contact_hours(local: Session) -> None:
    codes = {outcome.code for outcome in vocabulary.DEFAULT_OUTCOMES}
    contacts = local.execute(select(models.Contact.outcome, models.Contact.contacted_at)).all()
    assert {outcome for outcome, _ in contacts} <= codes
    assert {outcome for outcome, _ in contacts} >= {"not_home", "promised_to_pay", "refused"}
    for _, at in contacts:
        assert dt.time(8) <= at.astimezone(CHINA).time() <= dt.time(21)
        assert at.astimezone(CHINA).date() < AS_OF


def test_two_builds_with_the_same_seed_and_day_hold_identical_rows(tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []
    first = demo.build_demo_workspace(
        tmp_path / "first",
        seed=11,
        cases=24,
        as_of=AS_OF,
        progress=lambda done, total: reports.append((done, total)),
    )
    second = demo.build_demo_workspace(tmp_path / "second", seed=11, cases=24, as_of=AS_OF)
    other = demo.build_demo_workspace(tmp_path / "other", seed=12, cases=3, as_of=AS_OF)

    first_rows = _central_rows(first)
    assert first_rows == _central_rows(second)
    assert _local_rows(first.folder) == _local_rows(second.folder)
    assert len(first_rows["loan_case"]) == 24 + 5 * 8
    other_ids = {row[0] for row in _central_rows(other)["loan_case"]}
    assert other_ids.isdisjoint(row[0] for row in first_rows["loan_case"])
    # Progress counts the central database's cases, in order, up to all of them.
    assert reports[-1] == (64, 64)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_building_again_adds_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    first = demo.build_demo_workspace(folder, cases=9, as_of=AS_OF)
    rows = (_central_rows(first), _local_rows(folder))

    again = demo.build_demo_workspace(folder, seed=99, cases=50, as_of=AS_OF)

    assert (first.created, again.created) == (True, False)
    assert (again.cases_in_workspace, again.cases_in_central) == (9, 9 + 5 * 3)
    assert again.central_url == first.central_url
    assert (_central_rows(again), _local_rows(folder)) == rows


def test_a_users_workspace_is_never_turned_into_a_demo(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws", create=True) as workspace:
        workspace.set_state(STATE_USER_ID, str(uuid.uuid4()))
    with pytest.raises(errors.WorkspaceError, match="not a demo"):
        demo.build_demo_workspace(tmp_path / "ws", cases=3, as_of=AS_OF)
    assert not (tmp_path / "ws" / "central.db").exists()


def test_a_demo_needs_at_least_one_case(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one case"):
        demo.build_demo_workspace(tmp_path / "ws", cases=0)
