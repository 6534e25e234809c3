"""Attachment files against a real PostgreSQL: a signed agreement's PDF and signatures reach the
central database and the lead's laptop byte for byte; the database itself refuses a content that
does not match its hash; a collector reads no other collector's files, even with raw SQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.services import plans
from app.services.visits import VisitService
from app.services.workspace import Workspace
from app.store import attachment_files, models
from app.sync import outbox, push
from tests.app.services.test_plans import signature_png
from tests.app.sync.central_world import World, central_world

pytestmark = pytest.mark.postgres


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with central_world(tmp_path) as world:
        yield world


@dataclass(frozen=True)
class Signed:
    plan_id: uuid.UUID
    agreement: plans.SignedAgreement
    files: dict[str, bytes]


def _sign(
    workspace: Workspace,
    case_id: uuid.UUID,
    ink: tuple[int, int, int, int],
    collector_ink: tuple[int, int, int, int] = (0, 0, 0, 255),
) -> Signed:
    service = plans.PlanService(workspace)
    plan_id = service.save_draft(
        case_id,
        plans.PlanInput(
            instalment_count=2,
            frequency=plans.Frequency.MONTHLY,
            first_due_date=dt.date.today() + dt.timedelta(days=30),
        ),
    )
    borrower, collector = signature_png(ink), signature_png(collector_ink)
    signed = service.sign(plan_id, borrower, collector, "成都")
    pdf = workspace.attachment_files().read(signed.pdf_sha256)
    return Signed(
        plan_id,
        signed,
        {attachment_files.sha256_of(data): data for data in (pdf, borrower, collector)},
    )


def _contents(engine: Engine) -> dict[str, bytes]:
    with engine.connect() as connection:
        return {
            row.sha256: bytes(row.content)
            for row in connection.execute(text("SELECT sha256, content FROM attachment_content"))
        }


def test_a_signed_agreement_s_files_reach_postgres_and_the_lead_byte_identical(
    world: World,
) -> None:
    alice = world.user("alice", "collector", "North")
    lena = world.user("lena", "lead", "North")
    [case_id] = world.seed_cases(alice, "North", 1, contacts=0)
    laptop = world.workspace(alice)
    signed = _sign(laptop, case_id, (20, 20, 60, 255))

    report = world.sync_service(laptop).run()
    assert (report.rejected, report.conflicts) == (0, 0), world.sync_service(
        laptop
    ).refused_changes()
    assert _contents(world.engine) == signed.files
    with world.engine.connect() as connection:
        uploaders = connection.execute(text("SELECT DISTINCT uploaded_by FROM attachment_content"))
        assert uploaders.scalars().all() == [alice]

    lead = world.workspace(lena)
    lead_files = lead.attachment_files()
    for sha256, content in signed.files.items():
        assert lead_files.read(sha256) == content
    summary = plans.PlanService(lead).plan(signed.plan_id)
    assert summary.pdf_path is not None
    # Kept sealed on the lead's disk (issue 8); read back through the lead's key it is the same.
    assert summary.pdf_path.read_bytes().startswith(attachment_files.ENCRYPTED_MAGIC)
    assert lead_files.read(signed.agreement.pdf_sha256) == signed.files[signed.agreement.pdf_sha256]


def test_pushing_files_twice_changes_nothing(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    [case_id] = world.seed_cases(alice, "North", 1, contacts=0)
    laptop = world.workspace(alice)
    _sign(laptop, case_id, (20, 20, 60, 255))
    with laptop.engine.connect() as local:
        batch = push.pending_batch(local, 500)
    files = laptop.attachment_files()
    central = world.engine_as(alice)
    with central.begin() as connection:
        first = push.apply_batch(connection, alice, batch, files)
    with world.engine.connect() as connection:
        before = connection.execute(
            text("SELECT sha256, uploaded_at, xmin::text FROM attachment_content ORDER BY 1")
        ).all()
    with central.begin() as connection:
        second = push.apply_batch(connection, alice, batch, files)
    with world.engine.connect() as connection:
        after = connection.execute(
            text("SELECT sha256, uploaded_at, xmin::text FROM attachment_content ORDER BY 1")
        ).all()
    assert {result.outcome for result in first} == {"applied"}
    assert {(result.outcome, result.repeated) for result in second} == {("applied", True)}
    assert after == before and len(before) == 3  # not even rewritten


def test_postgres_refuses_a_content_that_does_not_match_its_hash(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    alice_db = world.engine_as(alice)
    claimed = hashlib.sha256(b"the signed agreement").hexdigest()
    insert = text(
        "INSERT INTO attachment_content (sha256, content, size_bytes, uploaded_by, uploaded_at)"
        " VALUES (:sha, :content, :size, :by, now())"
    )
    with alice_db.connect() as connection, pytest.raises(DBAPIError) as refused:
        connection.execute(
            insert, {"sha": claimed, "content": b"a forged agreement", "size": 18, "by": alice}
        )
    assert "ck_attachment_content_content_sha256" in str(refused.value.orig)
    with alice_db.connect() as connection, pytest.raises(DBAPIError) as wrong_size:
        connection.execute(
            insert, {"sha": claimed, "content": b"the signed agreement", "size": 3, "by": alice}
        )
    assert "ck_attachment_content_content_size" in str(wrong_size.value.orig)
    # Under someone else's name: refused by Row-Level Security.
    with alice_db.connect() as connection, pytest.raises(DBAPIError) as impostor:
        connection.execute(
            insert,
            {"sha": claimed, "content": b"the signed agreement", "size": 20, "by": "someone"},
        )
    assert "row-level security" in str(impostor.value.orig)
    assert _contents(world.engine) == {}


def test_an_oversize_photo_is_refused_with_its_name_and_the_rest_of_the_batch_is_pushed(
    world: World,
) -> None:
    alice = world.user("alice", "collector", "North")
    [case_id] = world.seed_cases(alice, "North", 1, contacts=0)
    laptop = world.workspace(alice)
    identity = laptop.identity()
    assert identity is not None
    files = laptop.attachment_files()
    photo = b"\xff\xd8" + bytes(4096)
    sha256 = files.write(photo, attachment_files.JPEG_MIME)
    with laptop.session() as session:
        row = models.Attachment(
            id=uuid.uuid4(),
            case_id=case_id,
            kind="photo",
            mime_type=attachment_files.JPEG_MIME,
            sha256=sha256,
            size_bytes=len(photo),
            file_name="门前.jpg",
            created_by_id=identity.user_id,
        )
        session.add(row)
        outbox.enqueue(session, row, "insert")
        photo_id = row.id
    contact_id = VisitService(laptop, current_date=lambda: dt.date(2026, 11, 20)).record_contact(
        case_id, "visit", "not_home", dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC)
    )

    report = push.push(
        laptop.engine, world.engine_as(alice), alice, files=files, max_attachment_bytes=1024
    )

    assert (report.rejected, report.conflicts) == (1, 0) and report.applied >= 1
    [refused] = report.refused
    assert refused.reason == "file_too_large"
    assert "门前.jpg" in (refused.message or "") and "4,098 bytes" in (refused.message or "")
    with Session(world.engine) as session:
        assert session.get(models.Contact, contact_id) is not None
        assert session.get(models.Attachment, photo_id) is None
    assert _contents(world.engine) == {}


def test_a_collector_cannot_read_another_collector_s_files_with_raw_sql(world: World) -> None:
    alice = world.user("alice", "collector", "North")
    bob = world.user("bob", "collector", "North")
    [alice_case] = world.seed_cases(alice, "North", 1, contacts=0)
    [bob_case] = world.seed_cases(bob, "North", 1, contacts=0, start=10)
    alice_laptop, bob_laptop = world.workspace(alice), world.workspace(bob)
    mine = _sign(alice_laptop, alice_case, (20, 20, 60, 255), (0, 0, 0, 255))
    his = _sign(bob_laptop, bob_case, (200, 0, 0, 255), (0, 120, 0, 255))
    world.sync_service(alice_laptop).run()
    world.sync_service(bob_laptop).run()
    assert set(_contents(world.engine)) == set(mine.files) | set(his.files)

    alice_db = world.engine_as(alice)
    with alice_db.connect() as connection:
        seen = connection.execute(text("SELECT sha256 FROM attachment_content")).scalars()
        assert sorted(seen) == sorted(mine.files)
        asked = connection.execute(
            select(models.AttachmentContent.content).where(
                models.AttachmentContent.sha256.in_(sorted(his.files))
            )
        ).all()
        assert asked == []
        # Nor can she change or remove one of her own once stored.
        for statement in (
            "UPDATE attachment_content SET uploaded_by = uploaded_by",
            "DELETE FROM attachment_content",
        ):
            with pytest.raises(DBAPIError) as refused:
                connection.execute(text(statement))
            assert "permission denied" in str(refused.value.orig)
            connection.rollback()
    bob_db = world.engine_as(bob)
    with bob_db.connect() as connection:
        assert sorted(
            connection.execute(text("SELECT sha256 FROM attachment_content")).scalars()
        ) == sorted(his.files)
