"""Use cases for repayment agreements: print a stored plan as a PDF, record it, verify a PDF.

A plan that needs a team lead's approval is printed only once approved. Printing records the
agreement (its id and content code) in the local store, queued for sync, so that a printed copy can
later be checked against the record. Nothing here draws or parses a PDF itself: that is
`app.documents`; no ORM row or session leaves this module.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app import errors
from app.documents import agreement_content as agreement
from app.documents import agreement_pdf
from app.documents import agreement_verification as verification
from app.domain import privacy, vocabulary
from app.domain import repayment_schedule as rs
from app.services import audit
from app.services.workspace import Workspace
from app.store import engines, models
from app.sync import outbox

logger = logging.getLogger(__name__)

PlanStatus = vocabulary.PlanStatus

# A plan in one of these states has been through approval where it needed it (or been signed).
APPROVED_STATUSES = frozenset(
    {
        PlanStatus.APPROVED,
        PlanStatus.SIGNED,
        PlanStatus.ACTIVE,
        PlanStatus.COMPLETED,
        PlanStatus.BROKEN,
    }
)
NEVER_PRINTED_STATUSES = frozenset({PlanStatus.REJECTED, PlanStatus.CANCELLED})


class AgreementError(errors.KnownError):
    """No agreement can be made as asked: unknown plan or case, or a plan that does not add up."""


class PlanNotApprovedError(AgreementError):
    """The plan waives more than its proposer may and a team lead has not approved it."""


@dataclass(frozen=True, slots=True)
class SigningDetails:
    """What an agreement says beyond its plan.

    Attributes:
        language: "zh_CN" (the default) or "en".
        place: where it is signed; "" leaves the line blank, to be filled in by hand.
        signed_on: the date of signing (None: today on this computer).
        creditor_name: the lender; the store does not hold it, so "" leaves the line blank.
        borrower_signature, collector_signature: captured signatures as PNG bytes, or None for a
            blank line to sign on paper.
    """

    language: str = "zh_CN"
    place: str = ""
    signed_on: dt.date | None = None
    creditor_name: str = ""
    borrower_signature: bytes | None = None
    collector_signature: bytes | None = None


@dataclass(frozen=True, slots=True)
class WrittenAgreement:
    """An agreement printed to a file and recorded in the workspace.

    Attributes:
        agreement_id: the new agreement's id, printed on it and in its QR code.
        plan_id, case_id, loan_ref: what it is the agreement for.
        path: the PDF written.
        content_sha256: the content code printed on it and recorded.
        size_bytes: the size of the PDF.
    """

    agreement_id: uuid.UUID
    plan_id: uuid.UUID
    case_id: uuid.UUID
    loan_ref: str
    path: Path
    content_sha256: str
    size_bytes: int


@dataclass(frozen=True, slots=True)
class PrintedAgreement:
    """An agreement drawn from its plan, not yet recorded.

    Attributes:
        agreement_id: the new agreement's id, printed on it and in its QR code.
        plan_id, case_id, loan_ref: what it is the agreement for.
        language, place: as printed.
        content_sha256: the content code printed on it.
        pdf: the PDF.
        signed: it carries captured signatures (else blank lines to sign on paper).
    """

    agreement_id: uuid.UUID
    plan_id: uuid.UUID
    case_id: uuid.UUID
    loan_ref: str
    language: str
    place: str
    content_sha256: str
    pdf: bytes
    signed: bool


@dataclass(frozen=True, slots=True)
class AgreementFiles:
    """The attachments of a signed agreement.

    Attributes:
        pdf_id: the signed PDF.
        borrower_signature_id, collector_signature_id: the signature PNGs.
    """

    pdf_id: uuid.UUID
    borrower_signature_id: uuid.UUID
    collector_signature_id: uuid.UUID


def _plan_uuid(plan_id: uuid.UUID | str) -> uuid.UUID:
    if isinstance(plan_id, uuid.UUID):
        return plan_id
    try:
        return uuid.UUID(plan_id.strip())
    except ValueError as exc:
        raise AgreementError(f"{plan_id!r} is not a plan id (a UUID)") from exc


def _refuse_unapproved(session: Session, plan: models.RepaymentPlan, case: models.LoanCase) -> None:
    where = f"plan {plan.id} for loan {case.loan_ref}"
    if plan.status in NEVER_PRINTED_STATUSES:
        reason = f": {plan.decision_reason}" if plan.decision_reason else ""
        raise PlanNotApprovedError(f"{where} is {plan.status}{reason}; it cannot be printed")
    if plan.status in APPROVED_STATUSES:
        return
    interest_and_penalty = plan.interest + plan.penalty
    needs_approval = plan.needs_approval
    proposer = session.get(models.AppUser, plan.proposed_by_id)
    authority = proposer.waiver_authority_pct if proposer is not None else None
    # The rule is checked again, not only the stored flag, so a plan saved without the flag
    # (or by an older version) cannot slip past approval.
    if authority is not None:
        needs_approval = needs_approval or rs.waiver_needs_approval(
            plan.waiver, interest_and_penalty, authority
        )
    if needs_approval:
        share = rs.waiver_pct(plan.waiver, interest_and_penalty)
        limit = (
            f"the proposer's authority of {authority}%" if authority is not None else "authority"
        )
        raise PlanNotApprovedError(
            f"{where} waives {plan.waiver:,.2f} ({share}% of interest and penalty), beyond "
            f"{limit}: a team lead must approve it before the agreement is printed "
            f"(status: {plan.status})"
        )
    if plan.status == PlanStatus.PENDING_APPROVAL:
        raise PlanNotApprovedError(f"{where} is waiting for a team lead's decision")


def _borrower_address(session: Session, borrower_id: uuid.UUID) -> str:
    addresses = session.scalars(
        select(models.BorrowerAddress).where(models.BorrowerAddress.borrower_id == borrower_id)
    ).all()
    if not addresses:
        return ""
    # The primary address first, then a home address, then any, in a stable order.
    best = min(
        addresses,
        key=lambda address: (
            not address.is_primary,
            address.kind != vocabulary.AddressKind.HOME,
            str(address.id),
        ),
    )
    return best.address_text


def _content(
    session: Session, plan_id: uuid.UUID, details: SigningDetails, agreement_id: uuid.UUID
) -> tuple[agreement.AgreementContent, models.LoanCase]:
    plan = session.get(models.RepaymentPlan, plan_id)
    if plan is None:
        raise AgreementError(f"there is no repayment plan {plan_id} in this workspace")
    case = session.get(models.LoanCase, plan.case_id)
    if case is None:
        raise AgreementError(f"plan {plan_id} belongs to a case that is not in this workspace")
    _refuse_unapproved(session, plan, case)
    borrower = session.get(models.Borrower, case.borrower_id)
    if borrower is None:
        raise AgreementError(f"the borrower of loan {case.loan_ref} is not in this workspace")
    proposer = session.get(models.AppUser, plan.proposed_by_id)
    instalments = session.scalars(
        select(models.Instalment)
        .where(models.Instalment.plan_id == plan.id)
        .order_by(models.Instalment.seq)
    ).all()
    try:
        content = agreement.AgreementContent(
            agreement_id=agreement_id,
            loan_ref=case.loan_ref,
            creditor_name=details.creditor_name,
            borrower_name=borrower.full_name,
            borrower_id_number=privacy.mask_id_number(borrower.id_number),
            borrower_address=_borrower_address(session, borrower.id),
            collector_name=proposer.display_name if proposer is not None else "",
            principal=plan.principal,
            interest=plan.interest,
            penalty=plan.penalty,
            waiver=plan.waiver,
            agreed_total=plan.agreed_total,
            schedule=tuple(rs.Instalment(row.seq, row.due_date, row.amount) for row in instalments),
            place=details.place,
            signed_date=details.signed_on or dt.date.today(),
            language=details.language,
        )
    except ValueError as exc:
        raise AgreementError(
            f"plan {plan.id} for loan {case.loan_ref} cannot be printed: {exc}"
        ) from exc
    return content, case


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise errors.KnownError(f"cannot write the agreement to {path}: {exc}") from exc


def print_agreement(
    session: Session, plan_id: uuid.UUID, details: SigningDetails
) -> PrintedAgreement:
    """Draw the agreement for ``plan_id`` under a new agreement id, recording nothing yet.

    Raises what ``AgreementService.content`` raises and ``agreement_pdf.AgreementRenderError``.
    """
    agreement_id = uuid.uuid4()
    signatures = (details.borrower_signature, details.collector_signature)
    content, case = _content(session, plan_id, details, agreement_id)
    return PrintedAgreement(
        agreement_id=agreement_id,
        plan_id=plan_id,
        case_id=case.id,
        loan_ref=case.loan_ref,
        language=content.language,
        place=content.place,
        content_sha256=agreement.content_sha256(agreement.canonical_content(content, *signatures)),
        pdf=agreement_pdf.render_agreement(content, *signatures),
        signed=any(signatures),
    )


def stage_agreement(
    session: Session,
    printed: PrintedAgreement,
    created_by_id: uuid.UUID | None,
    files: AgreementFiles | None = None,
    signed_at: dt.datetime | None = None,
) -> None:
    """Add the agreement record of ``printed`` to ``session``, queued for sync, uncommitted:
    the caller's transaction records it together with whatever else it writes, or not at all.

    ``files`` are the attachments of a signed agreement, already added to the session so that
    the one queued insert carries them; ``signed_at`` defaults to now for a signed agreement.
    """
    if printed.signed and signed_at is None:
        signed_at = dt.datetime.now(dt.UTC)
    record = models.Agreement(
        id=printed.agreement_id,
        plan_id=printed.plan_id,
        case_id=printed.case_id,
        language=printed.language,
        content_sha256=printed.content_sha256,
        place=printed.place or None,
        # Printed with blank lines it is signed later, on paper: no time to record yet.
        signed_at=signed_at if printed.signed else None,
        pdf_attachment_id=files.pdf_id if files is not None else None,
        borrower_signature_id=files.borrower_signature_id if files is not None else None,
        collector_signature_id=files.collector_signature_id if files is not None else None,
        created_by_id=created_by_id,
    )
    session.add(record)
    outbox.enqueue(session, record, "insert")


def verify_pdf(path: Path) -> verification.VerificationResult:
    """Check an agreement PDF on its own: the content it carries hashes to the code it records
    and prints, and its pages show that content. Needs no workspace.

    Raises ``errors.InputFileError`` when the file cannot be read at all.
    """
    try:
        pdf = Path(path).read_bytes()
    except OSError as exc:
        raise errors.InputFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return verification.verify_agreement_pdf(pdf)


def verify_pdf_with_server(path: Path, url: str) -> verification.VerificationResult:
    """``verify_pdf`` plus the agreement recorded in the central database at ``url``: it must
    exist there with the same content code (an agreement printed but never synced, or one whose
    content was regenerated, fails)."""
    result = verify_pdf(path)
    if result.agreement_id is None or result.actual_sha256 is None:
        return result
    engine = engines.central_engine(url)
    try:
        with engine.connect() as connection:
            recorded = connection.scalar(
                select(models.Agreement.content_sha256).where(
                    models.Agreement.id == result.agreement_id
                )
            )
    except OperationalError as exc:
        raise errors.KnownError(f"cannot read the agreements of {url}: {exc.orig}") from exc
    finally:
        engine.dispose()
    if recorded == result.actual_sha256:
        return result
    difference = (
        f"the central database has no agreement {result.agreement_id}"
        if recorded is None
        else f"the central database recorded agreement {result.agreement_id} with content "
        f"code {recorded}, not {result.actual_sha256}"
    )
    return dataclasses.replace(result, ok=False, differences=(*result.differences, difference))


class AgreementService:
    """Agreements of the plans in one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def plan_for_case(self, loan_ref: str) -> uuid.UUID:
        """The plan an agreement for loan ``loan_ref`` is made from: the case's active plan, or
        else its most recently created plan."""
        with self._workspace.session() as session:
            case = session.scalar(
                select(models.LoanCase).where(models.LoanCase.loan_ref == loan_ref.strip())
            )
            if case is None:
                raise AgreementError(f"there is no case with loan ref {loan_ref!r} here")
            if case.active_plan_id is not None:
                active = session.get(models.RepaymentPlan, case.active_plan_id)
                if active is not None and active.case_id == case.id:
                    return active.id
            latest = session.scalar(
                select(models.RepaymentPlan.id)
                .where(models.RepaymentPlan.case_id == case.id)
                .order_by(models.RepaymentPlan.created_at.desc(), models.RepaymentPlan.id)
                .limit(1)
            )
            if latest is None:
                raise AgreementError(f"loan {case.loan_ref} has no repayment plan to print")
            return latest

    def content(
        self, plan_id: uuid.UUID | str, details: SigningDetails | None = None
    ) -> agreement.AgreementContent:
        """What the agreement for ``plan_id`` says, under a new agreement id.

        Raises ``PlanNotApprovedError`` for a plan that needs approval and lacks it, and
        ``AgreementError`` for an unknown plan or one whose amounts do not add up.
        """
        with self._workspace.session() as session:
            content, _case = _content(
                session, _plan_uuid(plan_id), details or SigningDetails(), uuid.uuid4()
            )
        return content

    def write_pdf(
        self, plan_id: uuid.UUID | str, path: Path, details: SigningDetails | None = None
    ) -> WrittenAgreement:
        """Print the agreement for ``plan_id`` to ``path`` (replacing that file) and record it,
        with its content code, in the workspace, queued for sync.

        Raises what ``content`` raises, ``agreement_pdf.AgreementRenderError`` when it cannot
        be drawn, and ``errors.KnownError`` when the file cannot be written.
        """
        path = Path(path)
        identity = self._workspace.identity()
        with self._workspace.session() as session:
            printed = print_agreement(session, _plan_uuid(plan_id), details or SigningDetails())
            user_id = identity.user_id if identity is not None else None
            stage_agreement(session, printed, user_id)
            audit.record_event(
                session,
                user_id,
                "print_agreement",
                "agreement",
                str(printed.agreement_id),
                {
                    "loan_ref": printed.loan_ref,
                    "plan_id": str(printed.plan_id),
                    "content_sha256": printed.content_sha256,
                },
            )
            # Written inside the transaction: a file that cannot be written records nothing.
            _write_atomically(path, printed.pdf)
        written = WrittenAgreement(
            agreement_id=printed.agreement_id,
            plan_id=printed.plan_id,
            case_id=printed.case_id,
            loan_ref=printed.loan_ref,
            path=path,
            content_sha256=printed.content_sha256,
            size_bytes=len(printed.pdf),
        )
        logger.info("agreement %s written (%d bytes)", printed.agreement_id, written.size_bytes)
        return written

    def verify_pdf(self, path: Path) -> verification.VerificationResult:
        """``verify_pdf`` plus, when this workspace recorded the agreement, a check that the
        file's content code is the one recorded."""
        result = verify_pdf(path)
        if result.agreement_id is None or result.actual_sha256 is None:
            return result
        with self._workspace.session() as session:
            record = session.get(models.Agreement, result.agreement_id)
            recorded = record.content_sha256 if record is not None else None
        if recorded is None or recorded == result.actual_sha256:
            return result
        return dataclasses.replace(
            result,
            ok=False,
            differences=(
                *result.differences,
                f"this workspace recorded agreement {result.agreement_id} with content code "
                f"{recorded}, not {result.actual_sha256}",
            ),
        )
