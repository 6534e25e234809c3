"""Use cases of a repayment plan: preview it while editing, save, approve or reject it, sign it.

The rules are `app.domain.repayment_schedule`'s; the agreement PDF is `AgreementService`'s. Every
change is one committed transaction with its rows queued in the outbox. Only frozen values and
ids leave this module, never ORM rows or sessions; refusals are `PlanServiceError`s with a stable
`code` and `params` for the UI to put into words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import os
import types
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors, settings
from app.domain import money, vocabulary
from app.domain import repayment_schedule as rs
from app.services import agreements, audit
from app.services.workspace import Identity, Workspace
from app.store import attachment_files, models
from app.sync import outbox

logger = logging.getLogger(__name__)

# Re-exported so that the UI needs nothing below app.services to fill a PlanInput.
Frequency = rs.Frequency
PlanStatus = vocabulary.PlanStatus

# Signed plans are locked: a change needs a new plan and a new agreement.
LOCKED_STATUSES = frozenset(
    {PlanStatus.SIGNED, PlanStatus.ACTIVE, PlanStatus.COMPLETED, PlanStatus.BROKEN}
)
CLOSED_CASE_STATUSES = frozenset({vocabulary.CaseStatus.SETTLED, vocabulary.CaseStatus.CLOSED})
DECIDING_ROLES = frozenset({vocabulary.UserRole.LEAD, vocabulary.UserRole.ADMIN})

# The loan_case columns signing changes, and so the only ones its queued update carries.
_CASE_COLUMNS_SET_BY_SIGNING = ("id", "status", "active_plan_id", "updated_at")

# Signed agreements and their signatures are kept by `attachment_files` in this workspace folder.
ATTACHMENTS_FOLDER = attachment_files.WORKSPACE_SUBFOLDER
PNG_MIME = attachment_files.PNG_MIME
PDF_MIME = attachment_files.PDF_MIME
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# The zone of a borrower with no address on file (the schema's own default).
DEFAULT_TIMEZONE = "Asia/Shanghai"

# Every code an `Issue` or a `PlanServiceError` carries; the UI has words for each.
ISSUE_CODES = frozenset(rs.ISSUE_TEXTS) | {
    "case_closed",
    "date_in_past",
    "replaces_active_plan",
    "plan_not_found",
    "case_not_found",
    "plan_locked",
    "plan_cancelled",
    "plan_rejected",
    "approval_pending",
    "signature_missing",
    "signature_not_png",
    "not_a_lead",
    "not_pending",
    "own_plan",
    "reason_required",
    "no_agreement_pdf",
    "file_not_written",
    "file_not_read",
}

# Preferences that tune the plan limits, read only once app.settings declares them.
SETTING_MIN_INSTALMENT = "plan_min_instalment"
SETTING_MAX_TERM_MONTHS = "plan_max_term_months"
SETTING_NON_WORKING_DAY_RULE = "plan_non_working_day_rule"


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem or warning about a plan, for the UI to put into words.

    Attributes:
        code: a stable code: one of `repayment_schedule.ISSUE_TEXTS`, or "case_closed",
            "date_in_past", "replaces_active_plan".
        params: the values its words mention (amounts as Decimal, dates as date).
    """

    code: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", types.MappingProxyType(dict(self.params)))


class PlanServiceError(errors.KnownError):
    """A plan use case refused.

    Attributes:
        code: a stable code the UI turns into words.
        params: the values its words mention.
    """

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params: Mapping[str, object] = types.MappingProxyType(params)


class PlanNotFoundError(PlanServiceError):
    """No such plan or case in this workspace ("plan_not_found", "case_not_found")."""


class PlanInputError(PlanServiceError):
    """The plan cannot be made as entered; `issues` holds every problem (the first is `code`).

    Attributes:
        issues: all the problems, each a code with parameters.
    """

    def __init__(self, issues: tuple[Issue, ...]) -> None:
        first = issues[0]
        super().__init__(
            first.code,
            "the plan cannot be saved: " + ", ".join(issue.code for issue in issues),
            **first.params,
        )
        self.issues = issues


class PlanLockedError(PlanServiceError):
    """The plan is signed ("plan_locked") or withdrawn ("plan_cancelled"): it cannot change."""


class PlanNotSignableError(PlanServiceError):
    """The plan cannot be signed now: "approval_pending", "plan_rejected", "plan_cancelled",
    "case_closed", or a missing or unreadable signature ("signature_missing", "signature_not_png").
    """


class PlanDecisionError(PlanServiceError):
    """An approval or rejection refused: "not_a_lead", "not_pending", "own_plan",
    "reason_required"."""


@dataclass(frozen=True, slots=True)
class PlanInput:
    """What the collector enters in the plan editor.

    Attributes:
        instalment_count: the regular instalments after the down payment.
        frequency: weekly, fortnightly or monthly.
        first_due_date: the due date of instalment 1.
        waiver: the amount forgiven (ignored when `waiver_pct` is given).
        waiver_pct: the waiver as a percentage of interest + penalty; the amount is rounded down
            to the fen, so that entering exactly one's authority stays within it.
        down_payment: paid first, on `down_payment_date` (0 for none).
        down_payment_date: the day of the down payment.
    """

    instalment_count: int
    frequency: rs.Frequency
    first_due_date: dt.date
    waiver: Decimal = Decimal("0.00")
    waiver_pct: Decimal | None = None
    down_payment: Decimal = Decimal("0.00")
    down_payment_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class PlanPreview:
    """A plan as it would be saved, with what is wrong with it; made on every edit.

    Attributes:
        case_id, loan_ref, borrower_name: the case the plan is for.
        principal, interest, penalty: the case's balances.
        waiver: the amount forgiven (from the amount or the percentage entered).
        waiver_pct: the waiver as a percentage of interest + penalty (rounded up to 0.01).
        authority_pct: the share the workspace's owner may waive without approval.
        needs_approval: the waiver is beyond that authority: a team lead must approve.
        agreed_total: principal + interest + penalty - waiver.
        down_payment: the down payment entered.
        instalments: down payment (seq 0, if any) then instalments 1..N; empty with errors.
        schedule_total: what the instalments add up to (the agreed total when there are any).
        warnings: issues that do not stop the plan.
        errors: issues that do; the plan cannot be saved while there are any.
    """

    case_id: uuid.UUID
    loan_ref: str
    borrower_name: str
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    waiver: Decimal
    waiver_pct: Decimal
    authority_pct: Decimal
    needs_approval: bool
    agreed_total: Decimal
    down_payment: Decimal
    instalments: tuple[rs.Instalment, ...]
    schedule_total: Decimal
    warnings: tuple[Issue, ...]
    errors: tuple[Issue, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """One plan as the Agreements screen lists it.

    Attributes:
        plan_id, case_id, loan_ref, borrower_name: the plan and its case.
        status: a `vocabulary.PlanStatus` value.
        created_at: when it was proposed (UTC).
        proposed_by: the proposer's display name.
        agreed_total, waiver, waiver_pct, down_payment: its amounts.
        instalment_count: the regular instalments (the down payment not counted).
        frequency: a `Frequency` value.
        needs_approval: its waiver is beyond its proposer's authority.
        decision_reason: the team lead's reason, once decided.
        signable: it can be signed now.
        sign_refusal: why it cannot be signed (None when it can).
        decidable: the workspace's owner may approve or reject it now.
        agreement_id: the plan's latest agreement, if any.
        pdf_path: its signed PDF, when the file is stored in this workspace.
    """

    plan_id: uuid.UUID
    case_id: uuid.UUID
    loan_ref: str
    borrower_name: str
    status: str
    created_at: dt.datetime
    proposed_by: str
    agreed_total: Decimal
    waiver: Decimal
    waiver_pct: Decimal
    down_payment: Decimal
    instalment_count: int
    frequency: str
    needs_approval: bool
    decision_reason: str | None
    signable: bool
    sign_refusal: Issue | None
    decidable: bool
    agreement_id: uuid.UUID | None
    pdf_path: Path | None


@dataclass(frozen=True, slots=True)
class SignedAgreement:
    """A plan signed by both parties and now in force.

    Attributes:
        agreement_id: the agreement, printed on it and in its QR code.
        plan_id, case_id, loan_ref: what it is the agreement for.
        pdf_path: the signed PDF as stored in the workspace.
        exported_path: the copy written where the caller asked (None when not asked).
        content_sha256: the verification code printed on it.
        pdf_attachment_id, borrower_signature_id, collector_signature_id: the attachments.
        status: the plan's status now (active).
        pdf_sha256: the signed PDF's SHA-256, the name its attachment file is kept under.
    """

    agreement_id: uuid.UUID
    plan_id: uuid.UUID
    case_id: uuid.UUID
    loan_ref: str
    pdf_path: Path
    exported_path: Path | None
    content_sha256: str
    pdf_attachment_id: uuid.UUID
    borrower_signature_id: uuid.UUID
    collector_signature_id: uuid.UUID
    status: str
    pdf_sha256: str


def _declared(key: str) -> settings.SettingSpec | None:
    return next((spec for spec in settings.SETTINGS if spec.key == key), None)


def _waiver_from_pct(pct: Decimal, interest_and_penalty: Decimal) -> Decimal:
    # Rounded down: 20 % of 556.78 is 111.356, and 111.36 would already exceed a 20 % authority.
    return (Decimal(pct) * interest_and_penalty / 100).quantize(money.CENT, rounding=ROUND_DOWN)


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PlanServiceError(
            "file_not_written",
            f"cannot write {path}: {exc.strerror or exc}",
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc


def _issues(plan_issues: Iterable[rs.PlanIssue]) -> tuple[Issue, ...]:
    return tuple(Issue(issue.code, issue.params) for issue in plan_issues)


def _get_plan(session: Session, plan_id: uuid.UUID) -> models.RepaymentPlan:
    plan = session.get(models.RepaymentPlan, plan_id)
    if plan is None:
        raise PlanNotFoundError(
            "plan_not_found", f"there is no repayment plan {plan_id} here", plan_id=str(plan_id)
        )
    return plan


def _get_case(session: Session, case_id: uuid.UUID) -> models.LoanCase:
    case = session.get(models.LoanCase, case_id)
    if case is None:
        raise PlanNotFoundError(
            "case_not_found", f"there is no case {case_id} here", case_id=str(case_id)
        )
    return case


def _place_timezone(session: Session, case: models.LoanCase) -> str:
    """The zone of the borrower's primary (else any) address: dates of the plan are its dates."""
    zone = session.scalar(
        select(models.BorrowerAddress.timezone)
        .where(models.BorrowerAddress.borrower_id == case.borrower_id)
        .order_by(models.BorrowerAddress.is_primary.desc(), models.BorrowerAddress.id)
        .limit(1)
    )
    return zone or DEFAULT_TIMEZONE


def _touch(session: Session, row: models.SyncedRow) -> None:
    """Queue an edited row for sync."""
    row.updated_at = models.utc_now()
    outbox.enqueue(session, row, "update")


def _needs_approval(plan: models.RepaymentPlan, authority: Decimal | None) -> bool:
    # The rule is checked again, not only the stored flag, as AgreementService does, so that a
    # plan saved without the flag cannot slip past approval.
    if plan.needs_approval:
        return True
    if authority is None:
        return False
    return rs.waiver_needs_approval(plan.waiver, plan.interest + plan.penalty, authority)


def _sign_refusal(
    plan: models.RepaymentPlan, case: models.LoanCase, authority: Decimal | None
) -> Issue | None:
    """Why the plan cannot be signed now, or None when it can."""
    if plan.status in LOCKED_STATUSES:
        return Issue("plan_locked", {"status": plan.status})
    if plan.status == PlanStatus.REJECTED:
        return Issue("plan_rejected", {"reason": plan.decision_reason or ""})
    if plan.status == PlanStatus.CANCELLED:
        return Issue("plan_cancelled", {})
    if case.status in CLOSED_CASE_STATUSES:
        return Issue("case_closed", {"status": case.status})
    if plan.status == PlanStatus.APPROVED:
        return None
    if plan.status == PlanStatus.PENDING_APPROVAL or _needs_approval(plan, authority):
        share = rs.waiver_pct(plan.waiver, plan.interest + plan.penalty)
        return Issue(
            "approval_pending",
            {"waiver_pct": share, "authority_pct": authority or Decimal("0.00")},
        )
    return None


_REFUSAL_ERRORS: Mapping[str, type[PlanServiceError]] = {
    "plan_locked": PlanLockedError,
    "plan_cancelled": PlanLockedError,
}


def _refusal_error(refusal: Issue, plan: models.RepaymentPlan) -> PlanServiceError:
    kind = _REFUSAL_ERRORS.get(refusal.code, PlanNotSignableError)
    return kind(refusal.code, f"plan {plan.id} ({plan.status}) cannot be signed", **refusal.params)


class PlanService:
    """Repayment plans of the cases in one workspace, proposed and signed by its owner.

    `preferences` may tune the limits (minimum instalment, longest term, what happens to a due
    date on a non-working day) once `app.settings` declares them; `clock` gives "now" (tests fix
    it): plans are stamped with it and dates before its day, in the borrower's zone, are refused.
    """

    def __init__(
        self,
        workspace: Workspace,
        preferences: settings.Preferences | None = None,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self._workspace = workspace
        self._preferences = preferences
        self._clock = clock

    # -- who and which limits ----------------------------------------------------------------------

    def _owner(self) -> Identity:
        identity = self._workspace.identity()
        if identity is None:
            raise errors.WorkspaceError(
                "nobody has logged in to this workspace yet; log in before making plans"
            )
        return identity

    @property
    def may_decide(self) -> bool:
        """Whether the workspace's owner approves and rejects plans (a team lead or admin)."""
        identity = self._workspace.identity()
        return identity is not None and identity.role in DECIDING_ROLES

    def _preference(self, key: str) -> Any:
        spec = _declared(key)
        if spec is None:
            return None
        return self._preferences.get(key) if self._preferences is not None else spec.default

    def _limits(self, authority_pct: Decimal) -> rs.PlanLimits:
        tuned: dict[str, Any] = {}
        minimum = self._preference(SETTING_MIN_INSTALMENT)
        if minimum is not None:
            tuned["min_instalment"] = money.to_money(minimum)
        longest = self._preference(SETTING_MAX_TERM_MONTHS)
        if longest is not None:
            tuned["max_term_months"] = int(longest)
        rule = self._preference(SETTING_NON_WORKING_DAY_RULE)
        if rule is not None:
            tuned["non_working_day_rule"] = rs.NonWorkingDayRule(rule)
        return rs.PlanLimits(waiver_authority_pct=authority_pct, **tuned)

    def _local_today(self, session: Session, case: models.LoanCase) -> dt.date:
        return self._clock().astimezone(ZoneInfo(_place_timezone(session, case))).date()

    # -- editing -----------------------------------------------------------------------------------

    def preview(self, case_id: uuid.UUID, plan_input: PlanInput) -> PlanPreview:
        """The plan as it would be saved; problems come back as `errors`, never raised, so the
        editor can show them while the collector types."""
        owner = self._owner()
        with self._workspace.session() as session:
            return self._preview(session, case_id, plan_input, owner)

    def _preview(
        self, session: Session, case_id: uuid.UUID, plan_input: PlanInput, owner: Identity
    ) -> PlanPreview:
        case = _get_case(session, case_id)
        borrower = session.get_one(models.Borrower, case.borrower_id)
        user = session.get(models.AppUser, owner.user_id)
        authority = user.waiver_authority_pct if user is not None else Decimal("0.00")
        interest_and_penalty = case.interest + case.penalty
        waiver = (
            _waiver_from_pct(plan_input.waiver_pct, interest_and_penalty)
            if plan_input.waiver_pct is not None
            else money.to_money(plan_input.waiver)
        )
        down_payment = money.to_money(plan_input.down_payment)
        terms = rs.PlanTerms(
            principal=case.principal,
            interest=case.interest,
            penalty=case.penalty,
            waiver=waiver,
            down_payment=down_payment,
            down_payment_date=plan_input.down_payment_date if down_payment > 0 else None,
            instalment_count=plan_input.instalment_count,
            frequency=rs.Frequency(plan_input.frequency),
            first_due_date=plan_input.first_due_date,
        )
        problems: list[Issue] = []
        if case.status in CLOSED_CASE_STATUSES:
            problems.append(Issue("case_closed", {"status": case.status}))
        today = self._local_today(session, case)
        for day in (terms.down_payment_date, terms.first_due_date):
            if day is not None and day < today:
                problems.append(Issue("date_in_past", {"date": day, "today": today}))
        warnings: list[Issue] = []
        instalments: tuple[rs.Instalment, ...] = ()
        try:
            schedule = rs.build_schedule(terms, self._limits(authority))
        except rs.PlanError as exc:
            problems.extend(_issues(exc.issues))
        else:
            instalments = schedule.instalments
            warnings.extend(_issues(schedule.warnings))
        in_force = session.get(models.RepaymentPlan, case.active_plan_id or uuid.UUID(int=0))
        if in_force is not None and in_force.status == PlanStatus.ACTIVE:
            warnings.append(Issue("replaces_active_plan", {"loan_ref": case.loan_ref}))
        return PlanPreview(
            case_id=case.id,
            loan_ref=case.loan_ref,
            borrower_name=borrower.full_name,
            principal=case.principal,
            interest=case.interest,
            penalty=case.penalty,
            waiver=waiver,
            waiver_pct=rs.waiver_pct(waiver, interest_and_penalty),
            authority_pct=authority,
            needs_approval=rs.waiver_needs_approval(waiver, interest_and_penalty, authority),
            agreed_total=case.principal + interest_and_penalty - waiver,
            down_payment=down_payment,
            instalments=instalments,
            schedule_total=sum((item.amount for item in instalments), Decimal("0.00")),
            warnings=tuple(warnings),
            errors=tuple(problems),
        )

    def save_draft(self, case_id: uuid.UUID, plan_input: PlanInput) -> uuid.UUID:
        """Save a new plan for the case: a draft ready to sign, or awaiting a team lead's
        approval when its waiver is beyond the owner's authority. Raises `PlanInputError` with
        every problem when it cannot be made."""
        owner = self._owner()
        with self._workspace.session() as session:
            return self._save(session, case_id, plan_input, owner)

    def revise(self, plan_id: uuid.UUID, plan_input: PlanInput) -> uuid.UUID:
        """Replace an unsigned plan by a new one with these terms (the old one is cancelled, so
        that both sides of the sync keep the history). A signed plan is locked: `PlanLockedError`.
        """
        owner = self._owner()
        with self._workspace.session() as session:
            old = _get_plan(session, plan_id)
            if old.status in LOCKED_STATUSES or old.status == PlanStatus.CANCELLED:
                code = "plan_locked" if old.status in LOCKED_STATUSES else "plan_cancelled"
                raise PlanLockedError(
                    code, f"plan {plan_id} is {old.status}; make a new plan", status=old.status
                )
            new_id = self._save(session, old.case_id, plan_input, owner)
            old.status = PlanStatus.CANCELLED
            _touch(session, old)
            return new_id

    def _save(
        self, session: Session, case_id: uuid.UUID, plan_input: PlanInput, owner: Identity
    ) -> uuid.UUID:
        preview = self._preview(session, case_id, plan_input, owner)
        if preview.errors:
            raise PlanInputError(preview.errors)
        plan = models.RepaymentPlan(
            id=uuid.uuid4(),
            case_id=case_id,
            proposed_by_id=owner.user_id,
            created_at=self._clock().astimezone(dt.UTC),
            status=PlanStatus.PENDING_APPROVAL if preview.needs_approval else PlanStatus.DRAFT,
            principal=preview.principal,
            interest=preview.interest,
            penalty=preview.penalty,
            waiver=preview.waiver,
            down_payment=preview.down_payment,
            agreed_total=preview.agreed_total,
            frequency=rs.Frequency(plan_input.frequency).value,
            instalment_count=plan_input.instalment_count,
            first_due_date=plan_input.first_due_date,
            needs_approval=preview.needs_approval,
        )
        session.add(plan)
        outbox.enqueue(session, plan, "insert")
        for item in preview.instalments:
            row = models.Instalment(
                id=uuid.uuid4(),
                plan_id=plan.id,
                seq=item.seq,
                due_date=item.due_date,
                amount=item.amount,
                paid_amount=Decimal("0.00"),
                status=vocabulary.InstalmentStatus.DUE,
            )
            session.add(row)
            outbox.enqueue(session, row, "insert")
        logger.info("plan %s saved as %s", plan.id, plan.status)
        return plan.id

    # -- the team lead's decision ------------------------------------------------------------------

    def approve(self, plan_id: uuid.UUID, reason: str) -> None:
        """Approve a plan awaiting approval (a team lead or admin only, not his own plan)."""
        self._decide(plan_id, reason, PlanStatus.APPROVED)

    def reject(self, plan_id: uuid.UUID, reason: str) -> None:
        """Reject a plan awaiting approval, saying why; the collector sees it after a sync."""
        self._decide(plan_id, reason, PlanStatus.REJECTED)

    def _decide(self, plan_id: uuid.UUID, reason: str, decision: PlanStatus) -> None:
        owner = self._owner()
        if owner.role not in DECIDING_ROLES:
            raise PlanDecisionError(
                "not_a_lead",
                f"only a team lead or an administrator decides on plans, not a {owner.role}",
                role=owner.role,
            )
        reason = reason.strip()
        if not reason:
            raise PlanDecisionError("reason_required", "give a reason for the decision")
        with self._workspace.session() as session:
            plan = _get_plan(session, plan_id)
            if plan.status != PlanStatus.PENDING_APPROVAL:
                raise PlanDecisionError(
                    "not_pending",
                    f"plan {plan_id} is {plan.status}, not awaiting approval",
                    status=plan.status,
                )
            if plan.proposed_by_id == owner.user_id:
                raise PlanDecisionError("own_plan", "a plan is decided by someone else")
            case = session.get_one(models.LoanCase, plan.case_id)
            plan.status = decision
            plan.decided_by_id = owner.user_id
            plan.decided_at = self._clock().astimezone(dt.UTC)
            plan.decision_reason = reason
            _touch(session, plan)
            audit.record_event(
                session,
                owner.user_id,
                "approve_plan" if decision == PlanStatus.APPROVED else "reject_plan",
                "repayment_plan",
                str(plan.id),
                {
                    "loan_ref": case.loan_ref,
                    "waiver": f"{plan.waiver:.2f}",
                    "waiver_pct": str(rs.waiver_pct(plan.waiver, plan.interest + plan.penalty)),
                    "reason": reason,
                },
                occurred_at=plan.decided_at,
            )
        logger.info("plan %s %s", plan_id, decision)

    # -- signing -----------------------------------------------------------------------------------

    def sign(
        self,
        plan_id: uuid.UUID,
        borrower_png: bytes,
        collector_png: bytes,
        place: str,
        out_pdf: Path | None = None,
        *,
        language: str = "zh_CN",
        creditor_name: str = "",
    ) -> SignedAgreement:
        """Sign the plan: the agreement PDF with both signatures is printed and stored with
        them as attachments, and the plan is in force (the case's active plan, the case in
        plan). From then on the plan is locked. With `out_pdf`, a copy is written there too.
        All of it is one transaction: the rows and their outbox entries are recorded together
        or not at all, and files written for a signing that failed are removed again.

        Refuses a plan awaiting or refused approval, a signed or cancelled one, and missing
        signatures (`PlanNotSignableError`, `PlanLockedError`).
        """
        owner = self._owner()
        for who, png in (("borrower", borrower_png), ("collector", collector_png)):
            if not png:
                raise PlanNotSignableError(
                    "signature_missing", f"the {who} has not signed", who=who
                )
            if not png.startswith(_PNG_MAGIC):
                raise PlanNotSignableError(
                    "signature_not_png", f"the {who}'s signature is not a PNG image", who=who
                )
        files = self._files()
        written: list[str] = []
        try:
            with self._workspace.session() as session:
                signed = self._sign_in(
                    session,
                    files,
                    written,
                    plan_id,
                    owner,
                    borrower_png,
                    collector_png,
                    place,
                    language=language,
                    creditor_name=creditor_name,
                )
        except BaseException:
            # Nothing was recorded: the files this signing added would be orphans.
            for sha256 in written:
                files.remove(sha256)
            raise
        logger.info("plan %s signed as agreement %s", plan_id, signed.agreement_id)
        if out_pdf is not None:
            _write_atomically(Path(out_pdf), self._read(files, signed.pdf_sha256))
            signed = dataclasses.replace(signed, exported_path=Path(out_pdf))
        return signed

    def _sign_in(
        self,
        session: Session,
        files: attachment_files.AttachmentFiles,
        written: list[str],
        plan_id: uuid.UUID,
        owner: Identity,
        borrower_png: bytes,
        collector_png: bytes,
        place: str,
        *,
        language: str,
        creditor_name: str,
    ) -> SignedAgreement:
        """Everything signing records, in the caller's one transaction: the agreement, its
        three attachments, the plan and case in force, the audit event, and their outbox
        entries. The hashes of files it adds go to `written`."""
        plan = _get_plan(session, plan_id)
        case = session.get_one(models.LoanCase, plan.case_id)
        self._refuse_unsignable(session, plan, case)
        details = agreements.SigningDetails(
            language=language,
            place=place.strip(),
            signed_on=self._local_today(session, case),
            creditor_name=creditor_name,
            borrower_signature=borrower_png,
            collector_signature=collector_png,
        )
        printed = agreements.print_agreement(session, plan.id, details)
        attach = functools.partial(self._attach, session, files, written, case, owner)
        pdf_row = attach(
            printed.pdf,
            PDF_MIME,
            vocabulary.AttachmentKind.AGREEMENT_PDF,
            f"agreement-{case.loan_ref}-{printed.agreement_id}.pdf",
        )
        borrower_row = attach(
            borrower_png,
            PNG_MIME,
            vocabulary.AttachmentKind.SIGNATURE,
            f"borrower-signature-{printed.agreement_id}.png",
        )
        collector_row = attach(
            collector_png,
            PNG_MIME,
            vocabulary.AttachmentKind.SIGNATURE,
            f"collector-signature-{printed.agreement_id}.png",
        )
        agreements.stage_agreement(
            session,
            printed,
            owner.user_id,
            agreements.AgreementFiles(pdf_row.id, borrower_row.id, collector_row.id),
            signed_at=self._clock().astimezone(dt.UTC),
        )
        if case.active_plan_id is not None and case.active_plan_id != plan.id:
            # A renegotiated plan replaces the one in force.
            previous = session.get(models.RepaymentPlan, case.active_plan_id)
            if previous is not None and previous.status == PlanStatus.ACTIVE:
                previous.status = PlanStatus.CANCELLED
                _touch(session, previous)
        # Signed, and in force at once: the down payment is usually paid on the spot.
        plan.status = PlanStatus.ACTIVE
        _touch(session, plan)
        case.active_plan_id = plan.id
        case.status = vocabulary.CaseStatus.IN_PLAN
        case.updated_at = models.utc_now()
        entry = outbox.enqueue(session, case, "update")
        # Only what signing set is sent: a collector may change a case's state, not its
        # balances or risk (the central GRANT on loan_case columns), and the row's derived
        # summaries are recomputed on each side anyway.
        entry.payload = {name: entry.payload[name] for name in _CASE_COLUMNS_SET_BY_SIGNING}
        audit.record_event(
            session,
            owner.user_id,
            "sign_agreement",
            "agreement",
            str(printed.agreement_id),
            {
                "loan_ref": case.loan_ref,
                "plan_id": str(plan.id),
                "content_sha256": printed.content_sha256,
            },
            occurred_at=self._clock().astimezone(dt.UTC),
        )
        return SignedAgreement(
            agreement_id=printed.agreement_id,
            plan_id=plan.id,
            case_id=case.id,
            loan_ref=case.loan_ref,
            pdf_path=self._stored_path(files, pdf_row.sha256),
            exported_path=None,
            content_sha256=printed.content_sha256,
            pdf_attachment_id=pdf_row.id,
            borrower_signature_id=borrower_row.id,
            collector_signature_id=collector_row.id,
            status=plan.status,
            pdf_sha256=pdf_row.sha256,
        )

    def _refuse_unsignable(
        self, session: Session, plan: models.RepaymentPlan, case: models.LoanCase
    ) -> None:
        proposer = session.get(models.AppUser, plan.proposed_by_id)
        refusal = _sign_refusal(plan, case, proposer.waiver_authority_pct if proposer else None)
        if refusal is not None:
            raise _refusal_error(refusal, plan)

    def _attach(
        self,
        session: Session,
        files: attachment_files.AttachmentFiles,
        written: list[str],
        case: models.LoanCase,
        owner: Identity,
        data: bytes,
        mime_type: str,
        kind: vocabulary.AttachmentKind,
        file_name: str,
    ) -> models.Attachment:
        """Keep `data` among the workspace's attachment files and record it, queued for sync;
        its hash goes to `written` when the file is new."""
        sha256 = attachment_files.sha256_of(data)
        existed = files.exists(sha256)
        try:
            files.write(data, mime_type)
        except attachment_files.AttachmentFileError as exc:
            raise PlanServiceError(
                "file_not_written", str(exc), path=str(exc.path), reason=exc.reason
            ) from exc
        if not existed:
            written.append(sha256)
        row = models.Attachment(
            id=uuid.uuid4(),
            case_id=case.id,
            kind=kind,
            mime_type=mime_type,
            sha256=sha256,
            size_bytes=len(data),
            file_name=file_name,
            created_at=self._clock().astimezone(dt.UTC),
            created_by_id=owner.user_id,
        )
        session.add(row)
        outbox.enqueue(session, row, "insert")
        return row

    def _files(self) -> attachment_files.AttachmentFiles:
        return self._workspace.attachment_files()

    @staticmethod
    def _stored_path(files: attachment_files.AttachmentFiles, sha256: str) -> Path:
        path = files.path(sha256)
        assert path is not None, "written by this signing"
        return path

    @staticmethod
    def _read(files: attachment_files.AttachmentFiles, sha256: str) -> bytes:
        try:
            return files.read(sha256)
        except attachment_files.AttachmentFileError as exc:
            raise PlanServiceError(
                "file_not_read", str(exc), path=str(exc.path), reason=exc.reason
            ) from exc

    def save_agreement_pdf(self, plan_id: uuid.UUID, destination: Path) -> Path:
        """Copy the plan's stored signed agreement to `destination` (replacing that file)."""
        with self._workspace.session() as session:
            _get_plan(session, plan_id)
            _agreement_id, sha256 = self._signed_pdfs(session, [plan_id]).get(plan_id, (None, None))
        files = self._files()
        if sha256 is None or not files.exists(sha256):
            raise PlanServiceError(
                "no_agreement_pdf", f"plan {plan_id} has no signed agreement stored"
            )
        _write_atomically(Path(destination), self._read(files, sha256))
        return Path(destination)

    # -- the Agreements screen ---------------------------------------------------------------------

    def plans(self, case_id: uuid.UUID | None = None) -> list[PlanSummary]:
        """Every plan (of one case, or of the workspace), newest first."""
        identity = self._workspace.identity()
        selected = (
            select(models.RepaymentPlan, models.LoanCase, models.Borrower)
            .join(models.LoanCase, models.LoanCase.id == models.RepaymentPlan.case_id)
            .join(models.Borrower, models.Borrower.id == models.LoanCase.borrower_id)
            .order_by(models.RepaymentPlan.created_at.desc(), models.RepaymentPlan.id)
        )
        if case_id is not None:
            selected = selected.where(models.RepaymentPlan.case_id == case_id)
        with self._workspace.session() as session:
            rows = session.execute(selected).all()
            plan_ids = [plan.id for plan, _case, _borrower in rows]
            users = {
                user.id: user
                for user in session.scalars(
                    select(models.AppUser).where(
                        models.AppUser.id.in_({plan.proposed_by_id for plan, _, _ in rows})
                    )
                )
            }
            signed = self._signed_pdfs(session, plan_ids)
            return [
                self._summary(
                    plan, case, borrower, users.get(plan.proposed_by_id), identity, signed
                )
                for plan, case, borrower in rows
            ]

    def plan(self, plan_id: uuid.UUID) -> PlanSummary:
        """One plan as the Agreements screen shows it."""
        identity = self._workspace.identity()
        with self._workspace.session() as session:
            plan = _get_plan(session, plan_id)
            case = session.get_one(models.LoanCase, plan.case_id)
            borrower = session.get_one(models.Borrower, case.borrower_id)
            proposer = session.get(models.AppUser, plan.proposed_by_id)
            signed = self._signed_pdfs(session, [plan.id])
            return self._summary(plan, case, borrower, proposer, identity, signed)

    def _signed_pdfs(
        self, session: Session, plan_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[uuid.UUID, str | None]]:
        """Each plan's latest signed (else printed) agreement, with its PDF's SHA-256 when it
        was signed."""
        found: dict[uuid.UUID, tuple[uuid.UUID, str | None]] = {}
        # SQLite caps bound parameters; a workspace holds one collector's plans, so chunks of
        # 500 ids are plenty.
        for start in range(0, len(plan_ids), 500):
            rows = session.execute(
                select(models.Agreement.plan_id, models.Agreement.id, models.Attachment.sha256)
                .outerjoin(
                    models.Attachment, models.Attachment.id == models.Agreement.pdf_attachment_id
                )
                .where(models.Agreement.plan_id.in_(plan_ids[start : start + 500]))
                # Signed ones last, so that they win over copies printed blank for paper.
                .order_by(
                    models.Agreement.pdf_attachment_id.is_not(None), models.Agreement.created_at
                )
            ).all()
            for plan_id, agreement_id, sha256 in rows:
                found[plan_id] = (agreement_id, sha256)
        return found

    def _summary(
        self,
        plan: models.RepaymentPlan,
        case: models.LoanCase,
        borrower: models.Borrower,
        proposer: models.AppUser | None,
        identity: Identity | None,
        signed: Mapping[uuid.UUID, tuple[uuid.UUID, str | None]],
    ) -> PlanSummary:
        refusal = _sign_refusal(plan, case, proposer.waiver_authority_pct if proposer else None)
        agreement_id, pdf_sha256 = signed.get(plan.id, (None, None))
        # The file arrives with the sync after its row; until then the plan cannot be printed
        # from here.
        pdf_path = self._files().path(pdf_sha256) if pdf_sha256 else None
        decidable = (
            identity is not None
            and identity.role in DECIDING_ROLES
            and plan.status == PlanStatus.PENDING_APPROVAL
            and plan.proposed_by_id != identity.user_id
        )
        return PlanSummary(
            plan_id=plan.id,
            case_id=case.id,
            loan_ref=case.loan_ref,
            borrower_name=borrower.full_name,
            status=plan.status,
            created_at=plan.created_at,
            proposed_by=proposer.display_name if proposer else "",
            agreed_total=plan.agreed_total,
            waiver=plan.waiver,
            waiver_pct=rs.waiver_pct(plan.waiver, plan.interest + plan.penalty),
            down_payment=plan.down_payment,
            instalment_count=plan.instalment_count,
            frequency=plan.frequency,
            needs_approval=plan.needs_approval,
            decision_reason=plan.decision_reason,
            signable=refusal is None,
            sign_refusal=refusal,
            decidable=decidable,
            agreement_id=agreement_id,
            pdf_path=pdf_path,
        )
