"""The stable codes of the collection business: roles, statuses, channels and contact outcomes.

Codes are identifiers stored in the databases and carried by sync; people never see them, the UI
translates them into words. Contact outcomes are data with properties, so the list can be extended
in settings without touching code.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class UserRole(enum.StrEnum):
    COLLECTOR = "collector"
    LEAD = "lead"
    ADMIN = "admin"


class CaseStatus(enum.StrEnum):
    OPEN = "open"
    PROMISED = "promised"
    IN_PLAN = "in_plan"
    DISPUTED = "disputed"
    SETTLED = "settled"
    CLOSED = "closed"


class ContactChannel(enum.StrEnum):
    VISIT = "visit"
    PHONE = "phone"
    SMS = "sms"
    LETTER = "letter"


class VisitStatus(enum.StrEnum):
    PLANNED = "planned"
    CHECKED_IN = "checked_in"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class PromiseStatus(enum.StrEnum):
    OPEN = "open"
    KEPT = "kept"
    BROKEN = "broken"
    CANCELLED = "cancelled"


class PlanStatus(enum.StrEnum):
    DRAFT = "draft"
    PENDING_APPROVAL = "pending_approval"
    APPROVED = "approved"
    REJECTED = "rejected"
    SIGNED = "signed"
    ACTIVE = "active"
    COMPLETED = "completed"
    BROKEN = "broken"
    CANCELLED = "cancelled"


class PlanFrequency(enum.StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"


class InstalmentStatus(enum.StrEnum):
    DUE = "due"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    MISSED = "missed"


class AttachmentKind(enum.StrEnum):
    SIGNATURE = "signature"
    PHOTO = "photo"
    AGREEMENT_PDF = "agreement_pdf"
    OTHER = "other"


class PhoneKind(enum.StrEnum):
    MOBILE = "mobile"
    HOME = "home"
    WORK = "work"
    RELATIVE = "relative"


class AddressKind(enum.StrEnum):
    HOME = "home"
    WORK = "work"
    REGISTERED = "registered"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ContactOutcome:
    """One outcome a collector can record after a contact attempt.

    Attributes:
        code: stable identifier stored with the contact.
        reached_someone: the attempt reached a person (counts as a successful contact).
        reached_borrower: the borrower himself was reached.
        needs_promise: recording it requires a promise amount and date.
    """

    code: str
    reached_someone: bool
    reached_borrower: bool
    needs_promise: bool = False


# DESIGN.md "Contact outcome codes": the default list; settings may add outcomes to it.
DEFAULT_OUTCOMES: tuple[ContactOutcome, ...] = (
    ContactOutcome("met_borrower", reached_someone=True, reached_borrower=True),
    ContactOutcome("met_third_party", reached_someone=True, reached_borrower=False),
    ContactOutcome("not_home", reached_someone=False, reached_borrower=False),
    ContactOutcome("refused", reached_someone=True, reached_borrower=True),
    ContactOutcome(
        "promised_to_pay", reached_someone=True, reached_borrower=True, needs_promise=True
    ),
    ContactOutcome("paid_on_site", reached_someone=True, reached_borrower=True),
    ContactOutcome("dispute", reached_someone=True, reached_borrower=True),
    ContactOutcome("hardship", reached_someone=True, reached_borrower=True),
    ContactOutcome("moved", reached_someone=False, reached_borrower=False),
    ContactOutcome("wrong_address", reached_someone=False, reached_borrower=False),
    ContactOutcome("other", reached_someone=False, reached_borrower=False),
)


def outcome_by_code(
    code: str, outcomes: tuple[ContactOutcome, ...] = DEFAULT_OUTCOMES
) -> ContactOutcome:
    """The outcome with this code; KeyError names the unknown code."""
    for outcome in outcomes:
        if outcome.code == code:
            return outcome
    raise KeyError(f"unknown contact outcome {code!r}")
