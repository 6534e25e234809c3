"""The hand-made workspace of the plan and agreement tests: two collectors, a lead and one case of
3,556.78 owed by 欧阳堃, written straight into the store (no service, no audit event)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from app.services.workspace import STATE_USER_ID, Workspace
from app.store import models


@dataclass(frozen=True)
class Book:
    """The ids of the hand-made rows.

    Attributes:
        collector_id: 李四 (li.si), 20 % waiver authority: holds the case and owns the workspace.
        other_collector_id: 赵六 (zhao.liu), 20 %: a collector who does not hold the case.
        lead_id: 王组长 (wang.lead), the team lead.
        case_id: LN-2026-0042: 3,000.00 principal, 400.00 interest, 156.78 penalty.
        borrower_id: the case's borrower, 欧阳堃.
    """

    collector_id: uuid.UUID
    other_collector_id: uuid.UUID
    lead_id: uuid.UUID
    case_id: uuid.UUID
    borrower_id: uuid.UUID


def _user(username: str, display_name: str, role: str, authority_pct: Decimal) -> models.AppUser:
    return models.AppUser(
        id=uuid.uuid4(),
        username=username,
        display_name=display_name,
        role=role,
        waiver_authority_pct=authority_pct,
    )


def add_book(workspace: Workspace, *, lead_authority_pct: Decimal = Decimal("50")) -> Book:
    """A collector (20 % authority), a second collector, a lead (`lead_authority_pct`) and one
    case with its borrower's primary home address, with the collector as the workspace's owner."""
    with workspace.session() as session:
        collector = _user("li.si", "李四", "collector", Decimal("20"))
        other = _user("zhao.liu", "赵六", "collector", Decimal("20"))
        lead = _user("wang.lead", "王组长", "lead", lead_authority_pct)
        borrower = models.Borrower(
            id=uuid.uuid4(), full_name="欧阳堃", id_number="310101199001011234"
        )
        case = models.LoanCase(
            id=uuid.uuid4(),
            loan_ref="LN-2026-0042",
            borrower_id=borrower.id,
            principal=Decimal("3000.00"),
            interest=Decimal("400.00"),
            penalty=Decimal("156.78"),
            assigned_to_id=collector.id,
        )
        address = models.BorrowerAddress(
            id=uuid.uuid4(),
            borrower_id=borrower.id,
            kind="home",
            address_text="上海市浦东新区世纪大道100号8801室",
            is_primary=True,
        )
        session.add_all([collector, other, lead, borrower, case, address])
    workspace.set_state(STATE_USER_ID, str(collector.id))
    return Book(collector.id, other.id, lead.id, case.id, borrower.id)
