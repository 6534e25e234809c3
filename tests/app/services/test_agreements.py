"""The agreement service: a stored plan printed, read back with pypdf, recorded and verified."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from sqlalchemy import select

from app import errors
from app.documents import agreement_content as agreement
from app.domain import repayment_schedule as rs
from app.services import agreements
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from tests.app.documents import agreement_samples as samples
from tests.helpers import plan_book

D = Decimal
CREATED = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
SIGNED_ON = dt.date(2026, 11, 20)


@dataclass(frozen=True)
class Book:
    """The ids of the hand-made rows: `plan_book`'s people and case, and two plans of the case."""

    collector_id: uuid.UUID
    lead_id: uuid.UUID
    case_id: uuid.UUID
    approved_plan_id: uuid.UUID
    pending_plan_id: uuid.UUID


def _plan_rows(
    case_id: uuid.UUID,
    proposer_id: uuid.UUID,
    *,
    waiver: Decimal,
    status: str,
    needs_approval: bool,
    created_at: dt.datetime,
    count: int = 6,
) -> list[models.RepaymentPlan | models.Instalment]:
    terms = rs.PlanTerms(
        principal=D("3000.00"),
        interest=D("400.00"),
        penalty=D("156.78"),
        waiver=waiver,
        down_payment=D("500.00"),
        down_payment_date=dt.date(2026, 11, 20),
        instalment_count=count,
        frequency=rs.Frequency.MONTHLY,
        first_due_date=dt.date(2026, 12, 20),
    )
    schedule = rs.build_schedule(terms, rs.PlanLimits(waiver_authority_pct=D("100")))
    plan = models.RepaymentPlan(
        id=uuid.uuid4(),
        case_id=case_id,
        proposed_by_id=proposer_id,
        created_at=created_at,
        status=status,
        principal=terms.principal,
        interest=terms.interest,
        penalty=terms.penalty,
        waiver=terms.waiver,
        down_payment=terms.down_payment,
        agreed_total=schedule.agreed_total,
        frequency=terms.frequency.value,
        instalment_count=count,
        first_due_date=terms.first_due_date,
        needs_approval=needs_approval,
    )
    instalments = [
        models.Instalment(
            id=uuid.uuid4(),
            plan_id=plan.id,
            seq=item.seq,
            due_date=item.due_date,
            amount=item.amount,
        )
        for item in schedule.instalments
    ]
    return [plan, *instalments]


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "ws", create=True) as opened:
        yield opened


@pytest.fixture
def book(workspace: Workspace) -> Book:
    # The lead may waive it all; a plan is printed against its proposer's authority only.
    people = plan_book.add_book(workspace, lead_authority_pct=D("100"))
    with workspace.session() as session:
        session.add(
            models.BorrowerAddress(
                id=uuid.uuid4(),
                borrower_id=people.borrower_id,
                kind="work",
                address_text="上海市黄浦区南京东路1号",
            )
        )
        # 100.00 of 556.78 is 17.97 %: within the collector's 20 %.
        approved = _plan_rows(
            people.case_id,
            people.collector_id,
            waiver=D("100.00"),
            status="approved",
            needs_approval=False,
            created_at=CREATED,
        )
        # 300.00 is 53.89 %: beyond the collector's authority, waiting for the lead.
        pending = _plan_rows(
            people.case_id,
            people.collector_id,
            waiver=D("300.00"),
            status="pending_approval",
            needs_approval=True,
            created_at=CREATED + dt.timedelta(days=1),
        )
        session.add_all([*approved, *pending])
    return Book(people.collector_id, people.lead_id, people.case_id, approved[0].id, pending[0].id)


DETAILS = agreements.SigningDetails(
    place="上海市浦东新区", signed_on=SIGNED_ON, creditor_name="示例消费金融有限公司"
)


def _details(**changes: object) -> agreements.SigningDetails:
    return dataclasses.replace(DETAILS, **changes)  # type: ignore[arg-type]


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _compact(text: str) -> str:
    return "".join(text.split())


def _set_plan(workspace: Workspace, plan_id: uuid.UUID, **values: object) -> None:
    with workspace.session() as session:
        plan = session.get(models.RepaymentPlan, plan_id)
        assert plan is not None
        for name, value in values.items():
            setattr(plan, name, value)


def test_an_approved_plan_prints_every_instalment_and_the_total_in_both_forms(
    workspace: Workspace, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "agreement.pdf"
    written = agreements.AgreementService(workspace).write_pdf(
        book.approved_plan_id, path, _details()
    )
    text = _text(path)
    lines = text.splitlines()
    # 3,556.78 - 100.00 = 3,456.78; 500.00 down, then 6 x 492.79 with the remainder 492.83 last.
    # Due on the 20th, moved off weekends: Sunday 2026-12-20, Saturdays 2027-02-20 and 03-20.
    expected_rows = [
        ["首付款", "2026-11-20", "500.00"],
        ["1", "2026-12-21", "492.79"],
        ["2", "2027-01-20", "492.79"],
        ["3", "2027-02-22", "492.79"],
        ["4", "2027-03-22", "492.79"],
        ["5", "2027-04-20", "492.79"],
        ["6", "2027-05-20", "492.83"],
    ]
    for row in expected_rows:
        assert any(lines[i : i + 3] == row for i in range(len(lines))), row
    assert "约定还款总额（小写）\n¥ 3,456.78" in text
    # Written out by hand, not by the code under test: 3,456.78 in capital numerals.
    assert "约定还款总额（大写）人民币叁仟肆佰伍拾陆元柒角捌分" in _compact(text)
    assert written.loan_ref == "LN-2026-0042"
    assert written.plan_id == book.approved_plan_id
    assert written.size_bytes == path.stat().st_size


def test_the_page_shows_the_parties_with_the_id_number_masked(
    workspace: Workspace, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "agreement.pdf"
    agreements.AgreementService(workspace).write_pdf(book.approved_plan_id, path, _details())
    text = _text(path)
    assert "**************1234" in text
    assert "310101199001011234" not in text
    for shown in ("欧阳堃", "李四", "示例消费金融有限公司", "上海市浦东新区世纪大道100号8801室"):
        assert shown in text
    assert "南京东路" not in text  # the primary address, not the work one
    assert "签署日期\n2026-11-20" in text


def test_printing_records_the_agreement_with_the_code_the_pdf_carries(
    workspace: Workspace, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "agreement.pdf"
    written = agreements.AgreementService(workspace).write_pdf(
        book.approved_plan_id, path, _details()
    )
    reader = PdfReader(path)
    assert reader.metadata[agreement.INFO_SHA256_KEY] == written.content_sha256
    assert f"内容校验码（SHA-256）：{written.content_sha256}" in _compact(_text(path))
    with workspace.session() as session:
        record = session.get(models.Agreement, written.agreement_id)
        assert record is not None
        assert (record.plan_id, record.case_id) == (book.approved_plan_id, book.case_id)
        assert record.content_sha256 == written.content_sha256
        assert record.created_by_id == book.collector_id
        assert record.signed_at is None  # blank signing lines: signed later on paper
        queued = session.scalars(
            select(OutboxEntry).where(OutboxEntry.row_id == written.agreement_id)
        ).all()
        assert [(entry.table_name, entry.operation) for entry in queued] == [
            ("agreement", "insert")
        ]


def test_captured_signatures_are_drawn_and_bound_into_the_content_code(
    workspace: Workspace, book: Book, tmp_path: Path
) -> None:
    service = agreements.AgreementService(workspace)
    signed = service.write_pdf(
        book.approved_plan_id,
        tmp_path / "signed.pdf",
        _details(
            borrower_signature=samples.signature_png(),
            collector_signature=samples.signature_png((90, 10, 10)),
        ),
    )
    assert sum(len(page.images) for page in PdfReader(tmp_path / "signed.pdf").pages) == 2
    result = service.verify_pdf(tmp_path / "signed.pdf")
    assert result.ok, result.differences
    document = PdfReader(tmp_path / "signed.pdf").metadata[agreement.INFO_CONTENT_KEY]
    assert b'"borrower_signature_sha256":"' in agreement.decode_from_info(document)
    with workspace.session() as session:
        record = session.get(models.Agreement, signed.agreement_id)
        assert record is not None and record.signed_at is not None


def test_an_english_agreement_can_be_asked_for(
    workspace: Workspace, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "agreement-en.pdf"
    agreements.AgreementService(workspace).write_pdf(
        book.approved_plan_id, path, _details(language="en")
    )
    text = _text(path)
    assert "Repayment Agreement" in text
    assert "Agreed total (in figures)\nCNY 3,456.78" in text
    assert agreements.verify_pdf(path).ok


def test_the_written_pdf_verifies_and_an_altered_copy_does_not(
    workspace: Workspace, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "agreement.pdf"
    written = agreements.AgreementService(workspace).write_pdf(
        book.approved_plan_id, path, _details()
    )
    result = agreements.verify_pdf(path)
    assert (result.ok, result.differences) == (True, ())
    assert result.agreement_id == written.agreement_id
    assert result.actual_sha256 == written.content_sha256

    # Change the last instalment's amount where the page draws it, as a forger's editor would.
    writer = PdfWriter(clone_from=path)
    contents = writer.pages[0].get_contents()
    assert contents is not None
    data = contents.get_data()
    assert data.count(b"(492.83)") == 1
    contents.set_data(data.replace(b"(492.83)", b"(192.83)"))
    writer.pages[0].replace_contents(contents)
    altered = tmp_path / "altered.pdf"
    with altered.open("wb") as handle:
        writer.write(handle)

    result = agreements.verify_pdf(altered)
    assert not result.ok
    assert result.differences == (
        "instalment 6: the page shows 192.83 but the agreement content says 492.83",
    )


def test_the_workspace_check_finds_a_code_that_differs_from_its_record(
    workspace: Workspace, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "agreement.pdf"
    service = agreements.AgreementService(workspace)
    written = service.write_pdf(book.approved_plan_id, path, _details())
    assert service.verify_pdf(path).ok
    with workspace.session() as session:
        record = session.get(models.Agreement, written.agreement_id)
        assert record is not None
        record.content_sha256 = "0" * 64
    result = service.verify_pdf(path)
    assert not result.ok
    assert result.differences == (
        f"this workspace recorded agreement {written.agreement_id} with content code "
        f"{'0' * 64}, not {written.content_sha256}",
    )


def test_a_plan_beyond_authority_is_refused_until_the_lead_approves_it(
    workspace: Workspace, book: Book, tmp_path: Path
) -> None:
    service = agreements.AgreementService(workspace)
    path = tmp_path / "agreement.pdf"
    with pytest.raises(agreements.PlanNotApprovedError) as refused:
        service.write_pdf(book.pending_plan_id, path, _details())
    message = str(refused.value)
    assert "LN-2026-0042" in message
    assert "53.89% of interest and penalty" in message
    assert "authority of 20.00%" in message
    assert "a team lead must approve it" in message
    assert isinstance(refused.value, errors.KnownError)
    assert not path.exists()
    with workspace.session() as session:
        assert session.scalars(select(models.Agreement)).all() == []

    _set_plan(workspace, book.pending_plan_id, status="approved", decided_by_id=book.lead_id)
    written = service.write_pdf(book.pending_plan_id, path, _details())
    assert "约定还款总额（小写）\n¥ 3,256.78" in _text(path)
    assert written.plan_id == book.pending_plan_id


def test_a_waiver_beyond_authority_is_refused_even_without_the_flag(
    workspace: Workspace, book: Book
) -> None:
    _set_plan(workspace, book.pending_plan_id, status="draft", needs_approval=False)
    with pytest.raises(agreements.PlanNotApprovedError, match="status: draft"):
        agreements.AgreementService(workspace).content(book.pending_plan_id, _details())


def test_a_plan_waiting_for_a_decision_is_not_printed_even_within_authority(
    workspace: Workspace, book: Book
) -> None:
    _set_plan(workspace, book.approved_plan_id, status="pending_approval")
    with pytest.raises(agreements.PlanNotApprovedError, match="waiting for a team lead"):
        agreements.AgreementService(workspace).content(book.approved_plan_id)


def test_a_draft_within_authority_can_be_printed(workspace: Workspace, book: Book) -> None:
    _set_plan(workspace, book.approved_plan_id, status="draft")
    content = agreements.AgreementService(workspace).content(book.approved_plan_id, _details())
    assert content.agreed_total == D("3456.78")
    assert content.waiver == D("100.00")
    assert [item.seq for item in content.schedule] == [0, 1, 2, 3, 4, 5, 6]


def test_a_rejected_plan_is_never_printed_and_the_reason_is_given(
    workspace: Workspace, book: Book
) -> None:
    _set_plan(
        workspace,
        book.pending_plan_id,
        status="rejected",
        decided_by_id=book.lead_id,
        decision_reason="waiver too large for a first plan",
    )
    with pytest.raises(agreements.PlanNotApprovedError, match="waiver too large"):
        agreements.AgreementService(workspace).content(book.pending_plan_id)


def test_a_case_prints_its_active_plan_or_else_its_latest(workspace: Workspace, book: Book) -> None:
    service = agreements.AgreementService(workspace)
    assert service.plan_for_case("LN-2026-0042") == book.pending_plan_id  # the latest
    with workspace.session() as session:
        case = session.get(models.LoanCase, book.case_id)
        assert case is not None
        case.active_plan_id = book.approved_plan_id
    assert service.plan_for_case(" LN-2026-0042 ") == book.approved_plan_id


def test_unknown_cases_and_plans_are_clear_errors(workspace: Workspace, book: Book) -> None:
    service = agreements.AgreementService(workspace)
    with pytest.raises(agreements.AgreementError, match="no case with loan ref 'LN-404'"):
        service.plan_for_case("LN-404")
    missing = uuid.uuid4()
    with pytest.raises(agreements.AgreementError, match=f"no repayment plan {missing}"):
        service.content(missing)
    with pytest.raises(agreements.AgreementError, match="not a plan id"):
        service.content("plan-one")
    assert service.content(str(book.approved_plan_id), _details()).loan_ref == "LN-2026-0042"


def test_a_case_without_a_plan_has_nothing_to_print(workspace: Workspace, book: Book) -> None:
    with workspace.session() as session:
        borrower = models.Borrower(id=uuid.uuid4(), full_name="张三", id_number="1234567")
        session.add(borrower)
        session.add(models.LoanCase(id=uuid.uuid4(), loan_ref="LN-EMPTY", borrower_id=borrower.id))
    with pytest.raises(agreements.AgreementError, match="LN-EMPTY has no repayment plan"):
        agreements.AgreementService(workspace).plan_for_case("LN-EMPTY")


def test_a_stored_plan_whose_instalments_do_not_add_up_is_refused(
    workspace: Workspace, book: Book
) -> None:
    with workspace.session() as session:
        last = session.scalar(
            select(models.Instalment)
            .where(models.Instalment.plan_id == book.approved_plan_id)
            .order_by(models.Instalment.seq.desc())
        )
        assert last is not None
        last.amount = last.amount + D("0.01")
    with pytest.raises(
        agreements.AgreementError, match=r"add up to 3456\.79, not the agreed total 3456\.78"
    ):
        agreements.AgreementService(workspace).content(book.approved_plan_id)


def test_verifying_a_file_that_is_not_there_or_not_a_pdf(tmp_path: Path) -> None:
    with pytest.raises(errors.InputFileError, match="cannot read"):
        agreements.verify_pdf(tmp_path / "missing.pdf")
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4 nothing here")
    result = agreements.verify_pdf(junk)
    assert (result.ok, result.differences) == (False, ("the file is not a readable PDF",))


def test_an_unwritable_destination_is_a_known_error_and_records_nothing(
    workspace: Workspace, book: Book, tmp_path: Path
) -> None:
    with pytest.raises(errors.KnownError, match="cannot write the agreement"):
        agreements.AgreementService(workspace).write_pdf(
            book.approved_plan_id, tmp_path / "no-such-folder" / "a.pdf", _details()
        )
    with workspace.session() as session:
        assert session.scalars(select(models.Agreement)).all() == []


def test_the_pdf_read_back_with_pypdf_matches_the_service_content(
    workspace: Workspace, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "agreement.pdf"
    service = agreements.AgreementService(workspace)
    written = service.write_pdf(book.approved_plan_id, path, _details())
    embedded = agreement.decode_from_info(
        PdfReader(io.BytesIO(path.read_bytes())).metadata[agreement.INFO_CONTENT_KEY]
    )
    content = service.content(book.approved_plan_id, _details())
    expected = agreement.canonical_content(
        dataclasses.replace(content, agreement_id=written.agreement_id)
    )
    assert embedded == expected
    assert sum(item.amount for item in content.schedule) == content.agreed_total


def test_without_details_the_lines_for_creditor_and_place_are_left_blank(
    workspace: Workspace, book: Book, tmp_path: Path
) -> None:
    path = tmp_path / "agreement.pdf"
    agreements.AgreementService(workspace).write_pdf(book.approved_plan_id, path)
    text = _text(path)
    assert "甲方（债权人）\n乙方（借款人）" in text  # nothing between the two labels
    assert f"签署日期\n{dt.date.today().isoformat()}" in text
    assert agreements.verify_pdf(path).ok
