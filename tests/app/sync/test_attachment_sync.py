"""Attachment files through the embedded central (the demo's SQLite file): pushed with their rows,
verified on arrival, fetched by the lead's laptop byte for byte, refused one by one when bad."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app import settings
from app.services import demo, plans
from app.services.sync import SyncService
from app.services.visits import VisitService
from app.services.workspace import Workspace
from app.store import attachment_files, models
from app.store.attachment_files import AttachmentFiles
from app.store.local_models import OutboxEntry
from app.sync import attachments, outbox, push
from tests.app.services.test_plans import signature_png
from tests.helpers import demo_copies

AS_OF = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("attachments") / "demo"
    demo.build_demo_workspace(folder, seed=5, cases=9, as_of=AS_OF)
    return folder


@pytest.fixture
def workspace(small_demo: Path, tmp_path: Path) -> Iterator[Workspace]:
    with demo_copies.opened_copy(small_demo, tmp_path / "collector") as workspace:
        yield workspace


@pytest.fixture
def central(workspace: Workspace) -> Iterator[Engine]:
    with demo_copies.embedded_central(workspace) as engine:
        yield engine


@dataclass(frozen=True)
class Signed:
    plan_id: uuid.UUID
    agreement: plans.SignedAgreement
    files: dict[str, bytes]  # sha256 -> content, as signed


def _sign_a_plan(workspace: Workspace) -> Signed:
    service = plans.PlanService(workspace)
    case_id = next(
        summary.case_id
        for summary in _open_cases(workspace)
        if not any(plan.status == "active" for plan in service.plans(summary.case_id))
    )
    terms = plans.PlanInput(
        instalment_count=3,
        frequency=plans.Frequency.MONTHLY,
        first_due_date=dt.date.today() + dt.timedelta(days=30),
    )
    plan_id = service.save_draft(case_id, terms)
    borrower, collector = signature_png(), signature_png((0, 0, 0, 255))
    signed = service.sign(plan_id, borrower, collector, "成都")
    pdf = workspace.attachment_files().read(signed.pdf_sha256)
    files = {attachment_files.sha256_of(data): data for data in (pdf, borrower, collector)}
    return Signed(plan_id, signed, files)


@dataclass(frozen=True)
class _Case:
    case_id: uuid.UUID


def _open_cases(workspace: Workspace) -> list[_Case]:
    with workspace.session() as session:
        return [
            _Case(case_id)
            for case_id in session.scalars(
                select(models.LoanCase.id)
                .where(models.LoanCase.status.in_(("open", "promised")))
                .order_by(models.LoanCase.loan_ref)
            )
        ]


def _central_contents(central: Engine) -> dict[str, tuple[bytes, str, str]]:
    with central.connect() as connection:
        return {
            row.sha256: (bytes(row.content), row.uploaded_by, str(row.uploaded_at))
            for row in connection.execute(select(models.AttachmentContent.__table__))
        }


def _lead_username(central: Engine) -> str:
    with central.connect() as connection:
        return connection.scalar(
            select(models.AppUser.username).where(models.AppUser.role == "lead")
        )


def _add_photo(workspace: Workspace, case_id: uuid.UUID, data: bytes, name: str) -> uuid.UUID:
    """A photo kept in the workspace and recorded, queued for sync (as a photo screen would)."""
    identity = workspace.identity()
    assert identity is not None
    files = AttachmentFiles.of_workspace(workspace.folder)
    sha256 = files.write(data, attachment_files.JPEG_MIME)
    with workspace.session() as session:
        row = models.Attachment(
            id=uuid.uuid4(),
            case_id=case_id,
            kind="photo",
            mime_type=attachment_files.JPEG_MIME,
            sha256=sha256,
            size_bytes=len(data),
            file_name=name,
            created_by_id=identity.user_id,
        )
        session.add(row)
        outbox.enqueue(session, row, "insert")
        return row.id


def _entry_of(workspace: Workspace, row_id: uuid.UUID) -> OutboxEntry | None:
    with workspace.session() as session:
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.row_id == row_id)).first()
        if entry is not None:
            session.expunge(entry)
        return entry


def test_a_signed_agreement_s_files_reach_the_central_and_the_lead_s_laptop_byte_identical(
    workspace: Workspace, central: Engine, tmp_path: Path
) -> None:
    signed = _sign_a_plan(workspace)
    assert len(signed.files) == 3
    report = SyncService(workspace).run()
    assert (report.rejected, report.conflicts) == (0, 0)

    stored = _central_contents(central)
    identity = workspace.identity()
    assert identity is not None
    assert {sha: content for sha, (content, _, _) in stored.items()} == signed.files
    assert {uploaded_by for _, uploaded_by, _ in stored.values()} == {identity.username}

    lead_folder = tmp_path / "lead"
    with Workspace.open(lead_folder, create=True) as lead:
        SyncService(lead).login(
            f"sqlite:///{workspace.embedded_central_path}", _lead_username(central), None
        )
        lead_files = lead.attachment_files()
        for sha256, content in signed.files.items():
            assert lead_files.read(sha256) == content
        summary = plans.PlanService(lead).plan(signed.plan_id)
        assert summary.pdf_path is not None
        # The lead's laptop is a logged-in workspace: its copy is sealed on disk (issue 8).
        assert summary.pdf_path.read_bytes().startswith(attachment_files.ENCRYPTED_MAGIC)
        copy = plans.PlanService(lead).save_agreement_pdf(signed.plan_id, tmp_path / "copy.pdf")
        assert copy.read_bytes() == signed.files[signed.agreement.pdf_sha256]
        # Nothing more to fetch: a second sync reads no content.
        assert attachments.fetch_missing_contents(
            lead.engine, central, lead_files
        ) == attachments.FetchReport(0, 0, 0)


def test_pushing_a_batch_with_files_twice_changes_nothing(
    workspace: Workspace, central: Engine
) -> None:
    _sign_a_plan(workspace)
    with workspace.engine.connect() as local:
        batch = push.pending_batch(local, 500)
    files = AttachmentFiles.of_workspace(workspace.folder)
    identity = workspace.identity()
    assert identity is not None
    with central.begin() as connection:
        first = push.apply_batch(connection, identity.username, batch, files)
    before = _central_contents(central)
    with central.begin() as connection:
        second = push.apply_batch(connection, identity.username, batch, files)
    assert {result.outcome for result in first} == {"applied"}
    assert [(result.outcome, result.repeated) for result in second] == [("applied", True)] * len(
        batch
    )
    assert _central_contents(central) == before and len(before) == 3
    with central.connect() as connection:
        assert connection.scalar(
            select(func.count()).select_from(models.Attachment.__table__)
        ) == len([mutation for mutation in batch if mutation.table_name == "attachment"])


def test_an_oversize_file_is_refused_naming_it_and_the_rest_of_the_batch_is_pushed(
    workspace: Workspace, central: Engine
) -> None:
    case_id = _open_cases(workspace)[0].case_id
    small = _add_photo(workspace, case_id, b"\xff\xd8small photo" * 10, "门牌.jpg")
    big = _add_photo(workspace, case_id, b"\xff\xd8" + bytes(5000), "全景.jpg")
    contact_id = VisitService(workspace, current_date=lambda: AS_OF).record_contact(
        case_id, "visit", "not_home", dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC)
    )
    identity = workspace.identity()
    assert identity is not None
    report = push.push(
        workspace.engine,
        central,
        identity.username,
        files=AttachmentFiles.of_workspace(workspace.folder),
        max_attachment_bytes=1000,
    )

    assert (report.rejected, report.conflicts) == (1, 0)
    [refused] = report.refused
    assert refused.reason == "file_too_large"
    assert "全景.jpg" in (refused.message or "") and str(big) in (refused.message or "")
    assert "5,002 bytes" in (refused.message or "") and "1,000 bytes" in (refused.message or "")
    entry = _entry_of(workspace, big)
    assert entry is not None and entry.state == "rejected"
    assert json.loads(entry.last_error or "{}")["reason"] == "file_too_large"
    with Session(central) as session:
        assert session.get(models.Attachment, big) is None
        assert session.get(models.Attachment, small) is not None
        assert session.get(models.Contact, contact_id) is not None
        # Refused on the laptop: nothing of it reached the central database.
        assert session.get(models.SyncMutation, entry.id) is None
    assert len(_central_contents(central)) == 1
    assert _entry_of(workspace, small) is None and _entry_of(workspace, contact_id) is None


def test_a_damaged_or_missing_file_refuses_its_row_and_the_agreement_that_names_it(
    workspace: Workspace, central: Engine
) -> None:
    signed = _sign_a_plan(workspace)
    files = AttachmentFiles.of_workspace(workspace.folder)
    pdf_path = files.path(signed.agreement.pdf_sha256)
    assert pdf_path is not None
    pdf_path.write_bytes(pdf_path.read_bytes()[:-10])  # damaged on disk
    borrower_sha = attachment_files.sha256_of(signature_png())
    files.remove(borrower_sha)  # and one gone

    report = SyncService(workspace).run()

    refused = {change.row_id: change for change in SyncService(workspace).refused_changes()}
    assert refused[signed.agreement.pdf_attachment_id].reason == "file_damaged"
    assert str(pdf_path) in (refused[signed.agreement.pdf_attachment_id].message or "")
    assert refused[signed.agreement.borrower_signature_id].reason == "file_missing"
    # The agreement names both: its parent is missing centrally, so it waits too.
    assert refused[signed.agreement.agreement_id].reason == "missing_parent"
    assert report.rejected == 3
    stored = _central_contents(central)
    assert set(stored) == set(signed.files) - {signed.agreement.pdf_sha256, borrower_sha}


def test_a_content_damaged_in_the_central_file_is_not_kept_by_the_lead(
    workspace: Workspace, central: Engine, tmp_path: Path
) -> None:
    signed = _sign_a_plan(workspace)
    SyncService(workspace).run()
    # Nobody may change a stored content; a person editing the file by hand can.
    with central.begin() as connection, pytest.raises(DBAPIError, match="write-once"):
        connection.execute(
            text("UPDATE attachment_content SET content = x'00' WHERE sha256 = :sha"),
            {"sha": signed.agreement.pdf_sha256},
        )
    with central.begin() as connection:
        connection.execute(text("DROP TRIGGER fc_content_no_update"))
        connection.execute(
            text("UPDATE attachment_content SET content = x'00' WHERE sha256 = :sha"),
            {"sha": signed.agreement.pdf_sha256},
        )

    with Workspace.open(tmp_path / "lead", create=True) as lead:
        server = f"sqlite:///{workspace.embedded_central_path}"
        SyncService(lead).login(server, _lead_username(central), None)
        lead_files = lead.attachment_files()
        assert not lead_files.exists(signed.agreement.pdf_sha256)
        assert lead_files.stored_hashes() == set(signed.files) - {signed.agreement.pdf_sha256}
        assert plans.PlanService(lead).plan(signed.plan_id).pdf_path is None
        again = attachments.fetch_missing_contents(lead.engine, central, lead_files)
        assert again == attachments.FetchReport(fetched=0, unavailable=0, damaged=1)


def test_the_size_limit_is_the_user_s_setting(
    workspace: Workspace, central: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The user's own settings file (in a config folder of this test's), as Settings saves it.
    monkeypatch.setenv("FIELDCOLLECT_CONFIG_DIR", str(tmp_path / "config"))
    preferences = settings.Preferences()
    assert preferences.get("max_attachment_mb") == 20
    preferences.set("max_attachment_mb", 0)
    signed = _sign_a_plan(workspace)

    # Like the CLI and the Sync screen: no preferences given, the user's are read.
    report = SyncService(workspace).run()

    refused = {change.row_id: change for change in SyncService(workspace).refused_changes()}
    assert refused[signed.agreement.pdf_attachment_id].reason == "file_too_large"
    assert "over the limit of 0 bytes" in (
        refused[signed.agreement.pdf_attachment_id].message or ""
    )
    assert report.rejected == 4  # three attachments, and the agreement that names them
    assert _central_contents(central) == {}
