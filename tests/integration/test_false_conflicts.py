"""Row versions against a real PostgreSQL: a case's summaries recomputed centrally (a payment
import) leave its version alone, so a collector's offline edit is no false conflict; real edits
still conflict, and an edit Row-Level Security turns into "0 rows" is still refused."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from app.services import case_summary, plans
from app.store import models
from app.sync import push
from tests.app.services.test_plans import signature_png
from tests.app.sync.central_world import World, central_world

pytestmark = pytest.mark.postgres

AS_OF = dt.date(2026, 11, 20)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with central_world(tmp_path) as world:
        yield world


def _draft(world: World, workspace: object, case_id: uuid.UUID) -> uuid.UUID:
    return plans.PlanService(workspace).save_draft(  # type: ignore[arg-type]
        case_id,
        plans.PlanInput(
            instalment_count=2,
            frequency=plans.Frequency.MONTHLY,
            first_due_date=dt.date.today() + dt.timedelta(days=30),
        ),
    )


def _version(engine: Engine, case_id: uuid.UUID) -> int:
    with engine.connect() as connection:
        return connection.execute(
            text("SELECT row_version FROM loan_case WHERE id = :id"), {"id": case_id}
        ).scalar_one()


def test_a_payment_import_s_summaries_do_not_make_a_signed_plan_a_conflict(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    [case_id] = world.seed_cases(alice, "North", 1, contacts=0)
    laptop = world.workspace(alice)
    plan_id = _draft(world, laptop, case_id)
    version = _version(world.engine, case_id)
    # Centrally, as `fieldcollect admin import --kind payments` does: a payment, then summaries.
    with Session(world.engine) as session, session.begin():
        session.add(
            models.Payment(
                case_id=case_id,
                paid_at=dt.datetime(2026, 11, 19, 6, 0, tzinfo=dt.UTC),
                amount=Decimal("80.00"),
                channel="bank_transfer",
                external_ref=f"PAY-{uuid.uuid4().hex[:8]}",
            )
        )
        session.flush()
        assert case_summary.refresh_case_summaries(session, AS_OF, case_ids=[case_id]) == 1
    assert _version(world.engine, case_id) == version, "derived columns only: same version"
    plans.PlanService(laptop).sign(plan_id, signature_png(), signature_png(), "成都")

    report = world.sync_service(laptop).run()

    assert (report.conflicts, report.rejected) == (0, 0)
    with Session(world.engine) as session:
        case = session.get_one(models.LoanCase, case_id)
        assert (case.status, case.active_plan_id) == ("in_plan", plan_id)
        assert case.last_payment_at == dt.datetime(2026, 11, 19, 6, 0, tzinfo=dt.UTC)
        assert case.row_version == version + 1
        assert session.scalars(select(models.SyncConflict)).all() == []
    with laptop.session() as session:
        assert session.get_one(models.LoanCase, case_id).row_version == version + 1


def test_a_real_central_change_still_conflicts_and_derived_ones_alone_do_not_bump(
    world: World,
) -> None:
    alice = world.user("alice", "collector", "North")
    lena = world.user("lena", "lead", "North")
    [case_id] = world.seed_cases(alice, "North", 1, contacts=0)
    laptop = world.workspace(alice)
    plan_id = _draft(world, laptop, case_id)
    start = _version(world.engine, case_id)
    with world.engine_as(lena).begin() as connection:
        for statement in (
            "UPDATE loan_case SET risk_score = 91, risk_tier = 'A' WHERE id = :id",
            "UPDATE loan_case SET next_action_date = DATE '2026-12-01' WHERE id = :id",
        ):
            connection.execute(text(statement), {"id": case_id})
    assert _version(world.engine, case_id) == start
    with world.engine_as(lena).begin() as connection:
        connection.execute(
            text("UPDATE loan_case SET status = 'disputed' WHERE id = :id"), {"id": case_id}
        )
    assert _version(world.engine, case_id) == start + 1
    # Even a client trying to set the version itself gets the trigger's.
    with world.engine.begin() as connection:
        connection.execute(
            text("UPDATE loan_case SET row_version = 99, risk_score = 5 WHERE id = :id"),
            {"id": case_id},
        )
    assert _version(world.engine, case_id) == start + 1
    plans.PlanService(laptop).sign(plan_id, signature_png(), signature_png(), "成都")

    report = world.sync_service(laptop).run()

    assert report.conflicts == 1
    with Session(world.engine) as session:
        conflict = session.scalars(select(models.SyncConflict)).one()
    assert conflict.row_id == case_id
    assert (conflict.client_values["status"], conflict.central_values["status"]) == (
        "in_plan",
        "disputed",
    )


def test_an_edit_of_a_readable_row_that_the_user_may_not_change_is_refused(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    bob = world.user("bob", "collector", "North")
    [case_id] = world.seed_cases(alice, "North", 1, contacts=0)
    attachment_id = uuid.uuid4()
    with Session(world.engine) as session, session.begin():
        session.add(
            models.Attachment(
                id=attachment_id,
                case_id=case_id,
                kind="photo",
                mime_type="image/jpeg",
                sha256="0" * 64,
                size_bytes=1,
                file_name="门.jpg",
                created_by_id=world.user_id(alice),
            )
        )
        session.flush()
        # The case goes to Bob: Alice still sees the photo she took, but may not change it.
        session.execute(
            models.LoanCase.__table__.update()
            .where(models.LoanCase.__table__.c.id == case_id)
            .values(assigned_to_id=world.user_id(bob))
        )
    edit = push.Mutation(
        mutation_id=uuid.uuid4(),
        seq=1,
        table_name="attachment",
        row_id=attachment_id,
        operation="update",
        payload={"id": str(attachment_id), "file_name": "门牌.jpg"},
        base_row_version=1,
        case_id=case_id,
    )
    with world.engine_as(alice).begin() as connection:
        assert (
            connection.execute(
                text("SELECT count(*) FROM attachment WHERE id = :id"), {"id": attachment_id}
            ).scalar_one()
            == 1
        )
        [result] = push.apply_batch(connection, alice, [edit])
    # The push reads the row FOR UPDATE, which PostgreSQL filters by the UPDATE policy: the row
    # she may read but not change looks absent there, and is refused, never taken as written.
    assert (result.outcome, result.reason) == ("rejected", "not_visible")
    with Session(world.engine) as session:
        assert session.get_one(models.Attachment, attachment_id).file_name == "门.jpg"
