"""The one schema shared by a collector's local store and the central database.

Every row that syncs has a client-generated UUID key and a `row_version` that the central
database increments on each accepted edit. Facts (contacts, visits' check-ins, promises,
payments, assignments, attachments, audit events) are append-only. This module holds table
definitions only: no queries, no business rules.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.domain import vocabulary
from app.store.column_types import Money, Percentage, UtcDateTime

# Stable constraint names, so that Alembic batch migrations on SQLite can find them again.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _parent(column: str) -> ForeignKey:
    """A foreign key checked at commit, so a sync batch may write rows in any order."""
    return ForeignKey(column, deferrable=True, initially="DEFERRED")


def _one_of(column: str, values: type[vocabulary.enum.StrEnum]) -> str:
    quoted = ", ".join(f"'{member.value}'" for member in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    """Tables of the shared schema (synced between local stores and the central database)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {  # noqa: RUF012 - SQLAlchemy reads it as a class table
        uuid.UUID: Uuid(),
        Decimal: Money(),
        dt.datetime: UtcDateTime(),
        dt.date: Date(),
        str: String(200),
    }


class SyncedRow:
    """Columns every synced row carries: its client-made key and the central edit counter."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4, sort_order=-10)
    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1", sort_order=10)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now, sort_order=10)


class Team(SyncedRow, Base):
    __tablename__ = "team"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    office_address: Mapped[str | None] = mapped_column(Text)
    office_lat: Mapped[float | None] = mapped_column(Float)
    office_lon: Mapped[float | None] = mapped_column(Float)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")


class AppUser(SyncedRow, Base):
    """A person who logs in: a field collector, a team lead or an administrator."""

    __tablename__ = "app_user"
    __table_args__ = (
        CheckConstraint(_one_of("role", vocabulary.UserRole), name="role"),
        CheckConstraint("max_visits_per_day >= 0", name="max_visits_per_day"),
        # Only the sign is checked here: SQLite keeps hundredths, so "<= 100" would not read alike.
        CheckConstraint("waiver_authority_pct >= 0", name="waiver_authority_pct"),
    )

    username: Mapped[str] = mapped_column(String(63), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    team_id: Mapped[uuid.UUID | None] = mapped_column(_parent("team.id"), index=True)
    home_address: Mapped[str | None] = mapped_column(Text)
    home_lat: Mapped[float | None] = mapped_column(Float)
    home_lon: Mapped[float | None] = mapped_column(Float)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    max_visits_per_day: Mapped[int] = mapped_column(Integer, default=8)
    waiver_authority_pct: Mapped[Decimal] = mapped_column(Percentage(), default=Decimal("0"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Borrower(SyncedRow, Base):
    __tablename__ = "borrower"

    full_name: Mapped[str] = mapped_column(String(100), index=True)
    # Shown masked except its last 4 digits; revealing it writes an audit event.
    id_number: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(16), default="zh")
    safety_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text)


class BorrowerPhone(SyncedRow, Base):
    __tablename__ = "borrower_phone"
    __table_args__ = (CheckConstraint(_one_of("kind", vocabulary.PhoneKind), name="kind"),)

    borrower_id: Mapped[uuid.UUID] = mapped_column(_parent("borrower.id"), index=True)
    number: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16), default=vocabulary.PhoneKind.MOBILE)
    owner_name: Mapped[str | None] = mapped_column(String(100))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    invalid: Mapped[bool] = mapped_column(Boolean, default=False)


class BorrowerAddress(SyncedRow, Base):
    __tablename__ = "borrower_address"
    __table_args__ = (CheckConstraint(_one_of("kind", vocabulary.AddressKind), name="kind"),)

    borrower_id: Mapped[uuid.UUID] = mapped_column(_parent("borrower.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default=vocabulary.AddressKind.HOME)
    address_text: Mapped[str] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(String(64))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # The zone of the place: contact hours are judged in the borrower's local time.
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    # Weekly availability, e.g. [{"weekdays": [0, 1, 2, 3, 4], "from": "18:00", "to": "21:00"}].
    availability: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    safety_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class LoanCase(SyncedRow, Base):
    """An overdue loan assigned for collection, with its balances and list-ready summary columns."""

    __tablename__ = "loan_case"
    __table_args__ = (
        CheckConstraint("principal >= 0", name="principal"),
        CheckConstraint("interest >= 0", name="interest"),
        CheckConstraint("penalty >= 0", name="penalty"),
        CheckConstraint(_one_of("status", vocabulary.CaseStatus), name="status"),
        CheckConstraint("risk_tier IN ('A', 'B', 'C', 'D')", name="risk_tier"),
        CheckConstraint("risk_score >= 0 AND risk_score <= 100", name="risk_score"),
        Index("ix_loan_case_assigned_status", "assigned_to_id", "status"),
    )

    loan_ref: Mapped[str] = mapped_column(String(64), unique=True)
    borrower_id: Mapped[uuid.UUID] = mapped_column(_parent("borrower.id"), index=True)
    product: Mapped[str | None] = mapped_column(String(64))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    principal: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    interest: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    penalty: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    # The first unpaid due date: days past due are counted from it, so they never go stale.
    due_date: Mapped[dt.date | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(16), default=vocabulary.CaseStatus.OPEN, index=True)
    assigned_to_id: Mapped[uuid.UUID | None] = mapped_column(_parent("app_user.id"))
    team_id: Mapped[uuid.UUID | None] = mapped_column(_parent("team.id"), index=True)
    risk_score: Mapped[int] = mapped_column(Integer, default=0)
    risk_tier: Mapped[str] = mapped_column(String(1), default="D", index=True)
    # Derived summaries kept on the row so the case list sorts and filters without joins.
    last_payment_at: Mapped[dt.datetime | None]
    last_contact_at: Mapped[dt.datetime | None]
    last_contact_outcome: Mapped[str | None] = mapped_column(String(32))
    next_action_date: Mapped[dt.date | None]
    promised_date: Mapped[dt.date | None]
    promised_amount: Mapped[Decimal | None]
    # The plan in force; not a foreign key because a plan also points at its case.
    active_plan_id: Mapped[uuid.UUID | None]
    closed_at: Mapped[dt.datetime | None]


class CaseAssignment(SyncedRow, Base):
    """One hand-over of a case between collectors (append-only history)."""

    __tablename__ = "case_assignment"

    case_id: Mapped[uuid.UUID] = mapped_column(_parent("loan_case.id"), index=True)
    from_user_id: Mapped[uuid.UUID | None] = mapped_column(_parent("app_user.id"))
    to_user_id: Mapped[uuid.UUID | None] = mapped_column(_parent("app_user.id"))
    assigned_by_id: Mapped[uuid.UUID | None] = mapped_column(_parent("app_user.id"))
    assigned_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    reason: Mapped[str | None] = mapped_column(Text)


class Payment(SyncedRow, Base):
    """A repayment received, imported from the core banking system or collected on site."""

    __tablename__ = "payment"
    __table_args__ = (CheckConstraint("amount > 0", name="amount"),)

    case_id: Mapped[uuid.UUID] = mapped_column(_parent("loan_case.id"), index=True)
    paid_at: Mapped[dt.datetime]
    amount: Mapped[Decimal]
    channel: Mapped[str] = mapped_column(String(32))
    # The core system's reference: re-importing the same payment file changes nothing.
    external_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    recorded_by_id: Mapped[uuid.UUID | None] = mapped_column(_parent("app_user.id"))


class Visit(SyncedRow, Base):
    """An on-site visit: planned slot, then check-in and check-out with time and place."""

    __tablename__ = "visit"
    __table_args__ = (
        CheckConstraint(_one_of("status", vocabulary.VisitStatus), name="status"),
        CheckConstraint(
            "window_end IS NULL OR window_start IS NULL OR window_end >= window_start",
            name="window_order",
        ),
        Index("ix_visit_user_date", "user_id", "planned_date"),
    )

    case_id: Mapped[uuid.UUID] = mapped_column(_parent("loan_case.id"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(_parent("app_user.id"))
    address_id: Mapped[uuid.UUID | None] = mapped_column(_parent("borrower_address.id"))
    planned_date: Mapped[dt.date]
    window_start: Mapped[dt.datetime | None]
    window_end: Mapped[dt.datetime | None]
    route_order: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default=vocabulary.VisitStatus.PLANNED)
    place_timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    check_in_at: Mapped[dt.datetime | None]
    check_in_lat: Mapped[float | None] = mapped_column(Float)
    check_in_lon: Mapped[float | None] = mapped_column(Float)
    check_in_place: Mapped[str | None] = mapped_column(Text)
    check_out_at: Mapped[dt.datetime | None]
    check_out_lat: Mapped[float | None] = mapped_column(Float)
    check_out_lon: Mapped[float | None] = mapped_column(Float)


class Contact(SyncedRow, Base):
    """One contact attempt (visit, phone call, SMS, letter) and its outcome: an append-only fact."""

    __tablename__ = "contact"
    __table_args__ = (
        CheckConstraint(_one_of("channel", vocabulary.ContactChannel), name="channel"),
        Index("ix_contact_case_time", "case_id", "contacted_at"),
    )

    case_id: Mapped[uuid.UUID] = mapped_column(_parent("loan_case.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(_parent("app_user.id"))
    channel: Mapped[str] = mapped_column(String(16))
    contacted_at: Mapped[dt.datetime]
    place_timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    # A code of vocabulary.DEFAULT_OUTCOMES or one added in settings (so no check constraint).
    outcome: Mapped[str] = mapped_column(String(32))
    person_met: Mapped[str | None] = mapped_column(String(100))
    phone_id: Mapped[uuid.UUID | None] = mapped_column(_parent("borrower_phone.id"))
    address_id: Mapped[uuid.UUID | None] = mapped_column(_parent("borrower_address.id"))
    visit_id: Mapped[uuid.UUID | None] = mapped_column(_parent("visit.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    next_action_date: Mapped[dt.date | None]
    consent_reason: Mapped[str | None] = mapped_column(Text)


class PromiseToPay(SyncedRow, Base):
    __tablename__ = "promise_to_pay"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount"),
        CheckConstraint(_one_of("status", vocabulary.PromiseStatus), name="status"),
    )

    case_id: Mapped[uuid.UUID] = mapped_column(_parent("loan_case.id"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(_parent("contact.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(_parent("app_user.id"))
    amount: Mapped[Decimal]
    promised_date: Mapped[dt.date]
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    status: Mapped[str] = mapped_column(String(16), default=vocabulary.PromiseStatus.OPEN)
    settled_at: Mapped[dt.datetime | None]


class RepaymentPlan(SyncedRow, Base):
    """A negotiated repayment plan; its instalments always sum to `agreed_total`."""

    __tablename__ = "repayment_plan"
    __table_args__ = (
        CheckConstraint(_one_of("status", vocabulary.PlanStatus), name="status"),
        CheckConstraint(_one_of("frequency", vocabulary.PlanFrequency), name="frequency"),
        CheckConstraint(
            "principal >= 0 AND interest >= 0 AND penalty >= 0 AND waiver >= 0"
            " AND down_payment >= 0 AND agreed_total >= 0",
            name="amounts",
        ),
        CheckConstraint("instalment_count >= 1", name="instalment_count"),
    )

    case_id: Mapped[uuid.UUID] = mapped_column(_parent("loan_case.id"), index=True)
    proposed_by_id: Mapped[uuid.UUID] = mapped_column(_parent("app_user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    status: Mapped[str] = mapped_column(String(20), default=vocabulary.PlanStatus.DRAFT, index=True)
    principal: Mapped[Decimal]
    interest: Mapped[Decimal]
    penalty: Mapped[Decimal]
    waiver: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    down_payment: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    agreed_total: Mapped[Decimal]
    frequency: Mapped[str] = mapped_column(String(16))
    instalment_count: Mapped[int] = mapped_column(Integer)
    first_due_date: Mapped[dt.date]
    needs_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    decided_by_id: Mapped[uuid.UUID | None] = mapped_column(_parent("app_user.id"))
    decided_at: Mapped[dt.datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(Text)


class Instalment(SyncedRow, Base):
    __tablename__ = "instalment"
    __table_args__ = (
        UniqueConstraint("plan_id", "seq", name="uq_instalment_plan_seq"),
        CheckConstraint("amount > 0", name="amount"),
        CheckConstraint("paid_amount >= 0", name="paid_amount"),
        CheckConstraint(_one_of("status", vocabulary.InstalmentStatus), name="status"),
    )

    plan_id: Mapped[uuid.UUID] = mapped_column(_parent("repayment_plan.id"), index=True)
    # 0 is the down payment when there is one; instalments count from 1.
    seq: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[dt.date]
    amount: Mapped[Decimal]
    paid_amount: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    status: Mapped[str] = mapped_column(String(16), default=vocabulary.InstalmentStatus.DUE)


class Attachment(SyncedRow, Base):
    """A file belonging to a case (signature PNG, photo, agreement PDF), named by its SHA-256."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint(_one_of("kind", vocabulary.AttachmentKind), name="kind"),
        CheckConstraint("size_bytes >= 0", name="size_bytes"),
    )

    case_id: Mapped[uuid.UUID | None] = mapped_column(_parent("loan_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    mime_type: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(_parent("app_user.id"))


class Agreement(SyncedRow, Base):
    """The signed paper form of a repayment plan: content hash and the signatures' attachments."""

    __tablename__ = "agreement"

    plan_id: Mapped[uuid.UUID] = mapped_column(_parent("repayment_plan.id"), index=True)
    case_id: Mapped[uuid.UUID] = mapped_column(_parent("loan_case.id"), index=True)
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    content_sha256: Mapped[str] = mapped_column(String(64))
    pdf_attachment_id: Mapped[uuid.UUID | None] = mapped_column(_parent("attachment.id"))
    borrower_signature_id: Mapped[uuid.UUID | None] = mapped_column(_parent("attachment.id"))
    collector_signature_id: Mapped[uuid.UUID | None] = mapped_column(_parent("attachment.id"))
    place: Mapped[str | None] = mapped_column(Text)
    signed_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(_parent("app_user.id"))


class AuditEvent(SyncedRow, Base):
    """An append-only record of a sensitive act, chained to the previous one by hash."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_time", "occurred_at"),
        # Row-Level Security reads audit events by their author.
        Index("ix_audit_event_user_id", "user_id"),
    )

    occurred_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    user_id: Mapped[uuid.UUID | None] = mapped_column(_parent("app_user.id"))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    event_hash: Mapped[str | None] = mapped_column(String(64))


# Tables in the order their rows can be written without breaking a foreign key.
SYNCED_TABLES: tuple[type[SyncedRow], ...] = (
    Team,
    AppUser,
    Borrower,
    BorrowerPhone,
    BorrowerAddress,
    LoanCase,
    CaseAssignment,
    Payment,
    Visit,
    Contact,
    PromiseToPay,
    RepaymentPlan,
    Instalment,
    Attachment,
    Agreement,
    AuditEvent,
)


# The central database's revision stamps, on every synced table. They are not mapped attributes:
# the central database sets them by trigger on each write (services never read or write them),
# and the pull copies them into a local store as they are. `sync_xid` is the writing
# transaction's id on PostgreSQL (`pg_current_xact_id()`), the revision itself on SQLite; a pull
# reads the rows whose stamp lies inside a window all of whose writers have finished.
for _model in SYNCED_TABLES:
    _model.__table__.append_column(Column("sync_revision", BigInteger, nullable=True))
    _model.__table__.append_column(Column("sync_xid", BigInteger, nullable=True, index=True))


# Central bookkeeping of the sync ---------------------------------------------------------------
# These tables are written and read in the central database only; a local store has them too
# (one schema) and leaves them empty.

MUTATION_OUTCOMES = ("applied", "rejected", "conflict")


class SyncMutation(Base):
    """A mutation a client pushed, kept so that pushing it again changes nothing.

    The same `mutation_id` with another payload (`payload_sha256`) is refused, never applied.
    """

    __tablename__ = "sync_mutation"
    __table_args__ = (
        CheckConstraint("outcome IN ('applied', 'rejected', 'conflict')", name="outcome"),
    )

    mutation_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    pushed_by: Mapped[str] = mapped_column(String(63), index=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID]
    operation: Mapped[str] = mapped_column(String(8))
    payload_sha256: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    # The row's central version once the mutation was applied.
    row_version: Mapped[int | None] = mapped_column(Integer)
    received_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class SyncConflict(Base):
    """An edit made on a stale `row_version`: both sides kept until a person decides."""

    __tablename__ = "sync_conflict"
    __table_args__ = (CheckConstraint("status IN ('open', 'resolved')", name="status"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    mutation_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID]
    case_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    pushed_by: Mapped[str] = mapped_column(String(63), index=True)
    base_row_version: Mapped[int | None] = mapped_column(Integer)
    central_row_version: Mapped[int] = mapped_column(Integer)
    # Only the columns the edit changed, as the client sent them and as the central row had them.
    client_values: Mapped[dict[str, Any]] = mapped_column(JSON)
    central_values: Mapped[dict[str, Any]] = mapped_column(JSON)
    edited_at: Mapped[dt.datetime | None]
    # Who pushed the central version the edit collided with, and when it arrived; NULL when
    # that version did not come through a push (an import or an administrator wrote it).
    central_changed_by: Mapped[str | None] = mapped_column(String(63))
    central_changed_at: Mapped[dt.datetime | None]
    detected_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    status: Mapped[str] = mapped_column(String(16), default="open")
    resolved_by: Mapped[str | None] = mapped_column(String(63))
    resolved_at: Mapped[dt.datetime | None]
    resolution: Mapped[str | None] = mapped_column(Text)


class CaseAccessEvent(Base):
    """A case given to or taken from a collector (`user_id`) or a team (`team_id`).

    Written by a trigger on `loan_case`. Once a case is reassigned, Row-Level Security hides it
    from its former collector, so this stream is how his laptop learns to remove it.
    """

    __tablename__ = "case_access_event"
    __table_args__ = (CheckConstraint("kind IN ('granted', 'revoked')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[uuid.UUID] = mapped_column(index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    team_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(8))
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    sync_revision: Mapped[int | None] = mapped_column(BigInteger)
    sync_xid: Mapped[int | None] = mapped_column(BigInteger, index=True)


class SyncTombstone(Base):
    """A deleted synced row, kept so that the pull can delete it from the local stores too."""

    __tablename__ = "sync_tombstone"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID]
    # Who could see the row: the case it belonged to, that case's team and collector.
    case_id: Mapped[uuid.UUID | None]
    team_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    assigned_to_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    deleted_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    sync_revision: Mapped[int | None] = mapped_column(BigInteger)
    sync_xid: Mapped[int | None] = mapped_column(BigInteger, index=True)


class SyncClock(Base):
    """The revision counter of an embedded (SQLite) central database; one row, id 1.

    SQLite lets one writer at a time commit, so a counter bumped inside the writing transaction
    is handed out in commit order. PostgreSQL uses a sequence and transaction ids instead.
    """

    __tablename__ = "sync_clock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    revision: Mapped[int] = mapped_column(BigInteger, default=0)


class AttachmentContent(Base):
    """The bytes of an attachment file, kept centrally under their SHA-256 for other laptops.

    Pushed before the attachment rows that name it; read by whoever may see such a row. The
    central database checks the hash on arrival (PostgreSQL: a CHECK; the embedded central: the
    push) and nobody changes or deletes a content once stored. A local store leaves it empty: its
    files are `app.store.attachment_files`'.
    """

    __tablename__ = "attachment_content"
    __table_args__ = (CheckConstraint("size_bytes >= 0", name="size_bytes"),)

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    size_bytes: Mapped[int] = mapped_column(Integer)
    uploaded_by: Mapped[str] = mapped_column(String(63), index=True)
    uploaded_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


CENTRAL_BOOKKEEPING_TABLES: tuple[type[Base], ...] = (
    SyncMutation,
    SyncConflict,
    CaseAccessEvent,
    SyncTombstone,
    SyncClock,
    AttachmentContent,
)
