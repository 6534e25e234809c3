"""The case list service: filters, search, sort and paging over a small hand-made portfolio."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.aging import AgingBucket
from app.services import cases
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry

AS_OF = dt.date(2026, 11, 22)

# loan_ref, borrower, principal, days past due, tier, status
PORTFOLIO = [
    ("CD-001", "王芳", "1000.00", 0, "D", "open"),
    ("CD-002", "李娜", "25000.50", 15, "C", "promised"),
    ("CD-003", "张伟", "300.00", 45, "B", "open"),
    ("CD-004", "刘洋", "120000.00", 95, "A", "in_plan"),
    ("CD-005", "陈静", "8000.00", 200, "A", "open"),
    ("CD-006", "王建国", "5000.00", 181, "B", "disputed"),
]


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "ws", create=True) as opened:
        with opened.session() as session:
            collector = models.AppUser(
                id=uuid.uuid4(), username="zhang.wei", display_name="张伟", role="collector"
            )
            session.add(collector)
            for ref, name, principal, dpd, tier, status in PORTFOLIO:
                borrower = models.Borrower(
                    id=uuid.uuid4(), full_name=name, id_number="510104199001011234"
                )
                session.add(borrower)
                session.add(
                    models.LoanCase(
                        id=uuid.uuid4(),
                        loan_ref=ref,
                        borrower_id=borrower.id,
                        principal=Decimal(principal),
                        interest=Decimal("10.00"),
                        penalty=Decimal("0.25"),
                        due_date=AS_OF - dt.timedelta(days=dpd) if dpd else None,
                        risk_tier=tier,
                        status=status,
                        assigned_to_id=collector.id,
                    )
                )
        yield opened


def _refs(rows: list[cases.CaseRow]) -> list[str]:
    return [row.loan_ref for row in rows]


def _list(workspace: Workspace, **query: object) -> list[cases.CaseRow]:
    case_query = cases.CaseQuery(as_of=AS_OF, **query)  # type: ignore[arg-type]
    service = cases.CaseListService(workspace)
    rows = service.page(case_query, 0, 100)
    assert service.count(case_query) == len(rows)
    # The one-pass first page agrees with counting and paging, search or not.
    first = service.first_page(case_query, 3)
    assert (first.total, _refs(first.rows)) == (len(rows), _refs(rows[:3]))
    return rows


def test_the_list_sorts_by_tier_then_loan_ref(workspace: Workspace) -> None:
    assert _refs(_list(workspace)) == ["CD-004", "CD-005", "CD-003", "CD-006", "CD-002", "CD-001"]


def test_sorting_by_days_past_due_puts_the_oldest_debt_last_unless_descending(
    workspace: Workspace,
) -> None:
    ascending = _list(workspace, sort=cases.CaseSort.DAYS_PAST_DUE)
    assert [row.days_past_due for row in ascending] == [15, 45, 95, 181, 200, 0]
    descending = _list(workspace, sort=cases.CaseSort.DAYS_PAST_DUE, descending=True)
    assert [row.days_past_due for row in descending][:5] == [200, 181, 95, 45, 15]


def test_sorting_by_outstanding_uses_the_whole_balance(workspace: Workspace) -> None:
    rows = _list(workspace, sort=cases.CaseSort.OUTSTANDING, descending=True)
    assert [row.outstanding for row in rows] == [
        Decimal("120010.25"),
        Decimal("25010.75"),
        Decimal("8010.25"),
        Decimal("5010.25"),
        Decimal("1010.25"),
        Decimal("310.25"),
    ]


def test_search_matches_names_and_loan_refs(workspace: Workspace) -> None:
    assert _refs(_list(workspace, search="王")) == ["CD-006", "CD-001"]
    assert _refs(_list(workspace, search="cd-00")) == _refs(_list(workspace))
    assert _refs(_list(workspace, search=" 005 ")) == ["CD-005"]
    assert _list(workspace, search="nobody") == []
    # LIKE's wildcards in the search text are taken literally.
    assert _list(workspace, search="%") == [] and _list(workspace, search="_") == []


def test_filters_by_tier_status_and_aging_bucket_combine(workspace: Workspace) -> None:
    assert _refs(_list(workspace, tiers=frozenset({"A"}))) == ["CD-004", "CD-005"]
    assert _refs(_list(workspace, statuses=frozenset({"open"}))) == ["CD-005", "CD-003", "CD-001"]
    assert _refs(_list(workspace, buckets=frozenset({AgingBucket.DPD_180_PLUS}))) == [
        "CD-005",
        "CD-006",
    ]
    assert _refs(_list(workspace, buckets=frozenset({AgingBucket.CURRENT}))) == ["CD-001"]
    assert _refs(
        _list(workspace, buckets=frozenset({AgingBucket.DPD_1_30, AgingBucket.DPD_91_180}))
    ) == ["CD-004", "CD-002"]
    assert _refs(_list(workspace, tiers=frozenset({"A", "B"}), statuses=frozenset({"open"}))) == [
        "CD-005",
        "CD-003",
    ]


def test_pages_follow_each_other_without_gaps_or_repeats(workspace: Workspace) -> None:
    query = cases.CaseQuery(as_of=AS_OF, sort=cases.CaseSort.BORROWER)
    service = cases.CaseListService(workspace)
    pages = [service.page(query, offset, 4) for offset in (0, 4)]
    assert [len(page) for page in pages] == [4, 2]
    assert _refs(pages[0] + pages[1]) == _refs(service.page(query, 0, 10))


def test_the_detail_masks_the_id_number_and_revealing_it_is_audited(workspace: Workspace) -> None:
    row = _list(workspace, search="CD-004")[0]
    service = cases.CaseService(workspace)
    detail = service.detail(row.case_id, as_of=AS_OF)
    assert detail.id_number_masked == "**************1234"
    assert detail.case.bucket is AgingBucket.DPD_91_180
    assert detail.risk.tier.value in "ABCD"
    assert service.reveal_id_number(row.case_id) == "510104199001011234"
    with workspace.session() as session:
        events = session.scalars(select(models.AuditEvent)).all()
        queued = session.scalar(select(func.count()).select_from(OutboxEntry))
    assert [(event.action, event.detail["loan_ref"]) for event in events] == [
        ("reveal_id_number", "CD-004")
    ]
    assert queued == 1
