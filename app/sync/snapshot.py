"""A whole-copy pull: the rows a user may see, copied from a central database into a local store.

This is the first-sync path used to set up a workspace (the demo, a fresh login). It copies only
what the user's role shows (a collector: his cases and their rows; a lead: his team's; an
admin: everything) and upserts by primary key, so running it again duplicates nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, insert, inspect, or_, select, update
from sqlalchemy.orm import Session

from app.domain.vocabulary import UserRole
from app.store import models

_BATCH = 500


@dataclass(frozen=True, slots=True)
class SnapshotCounts:
    """How many rows of each table a snapshot copied.

    Attributes:
        rows: table name → rows copied.
    """

    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _visible_case_ids(central: Session, user: models.AppUser) -> Select[tuple[uuid.UUID]]:
    query = select(models.LoanCase.id)
    if user.role == UserRole.COLLECTOR:
        return query.where(models.LoanCase.assigned_to_id == user.id)
    if user.role == UserRole.LEAD:
        return query.where(models.LoanCase.team_id == user.team_id)
    return query


def _queries(central: Session, user: models.AppUser) -> Iterable[Select[tuple[object]]]:
    """One query per table, parents before children, each limited to what `user` may see."""
    case_ids = _visible_case_ids(central, user).scalar_subquery()
    borrower_ids = select(models.LoanCase.borrower_id).where(models.LoanCase.id.in_(case_ids))
    plan_ids = select(models.RepaymentPlan.id).where(models.RepaymentPlan.case_id.in_(case_ids))
    team_filter = (
        models.Team.id == user.team_id
        if user.role != UserRole.ADMIN
        else models.Team.id.is_not(None)
    )
    user_filter = (
        or_(models.AppUser.team_id == user.team_id, models.AppUser.id == user.id)
        if user.role != UserRole.ADMIN
        else models.AppUser.id.is_not(None)
    )
    yield select(models.Team).where(team_filter)
    yield select(models.AppUser).where(user_filter)
    yield select(models.Borrower).where(models.Borrower.id.in_(borrower_ids))
    yield select(models.BorrowerPhone).where(models.BorrowerPhone.borrower_id.in_(borrower_ids))
    yield select(models.BorrowerAddress).where(models.BorrowerAddress.borrower_id.in_(borrower_ids))
    yield select(models.LoanCase).where(models.LoanCase.id.in_(case_ids))
    for model in (
        models.CaseAssignment,
        models.Payment,
        models.Visit,
        models.Contact,
        models.PromiseToPay,
        models.RepaymentPlan,
    ):
        yield select(model).where(model.case_id.in_(case_ids))
    yield select(models.Instalment).where(models.Instalment.plan_id.in_(plan_ids))
    yield select(models.Attachment).where(models.Attachment.case_id.in_(case_ids))
    yield select(models.Agreement).where(models.Agreement.case_id.in_(case_ids))
    yield select(models.AuditEvent).where(models.AuditEvent.user_id == user.id)


def _column_values(row: object, columns: Sequence[str]) -> dict[str, object]:
    return {name: getattr(row, name) for name in columns}


def copy_visible_rows(central: Session, local: Session, username: str) -> SnapshotCounts:
    """Copy into `local` every row `username` may see in `central` (upsert by primary key).

    Rows go over in batches: one query finds which of a batch's keys the local store holds, then
    one bulk INSERT and one bulk UPDATE by key, rather than a SELECT and a write per row.
    """
    user = central.scalar(select(models.AppUser).where(models.AppUser.username == username))
    if user is None:
        raise LookupError(f"no user named {username!r} in the central database")
    counts: dict[str, int] = {}
    for query in _queries(central, user):
        model = query.column_descriptions[0]["entity"]
        columns = [attr.key for attr in inspect(model).column_attrs]
        copied = 0
        for rows in central.scalars(query).partitions(_BATCH):
            values = [_column_values(row, columns) for row in rows]
            held = set(
                local.scalars(
                    select(model.id).where(model.id.in_([value["id"] for value in values]))
                )
            )
            new = [value for value in values if value["id"] not in held]
            known = [value for value in values if value["id"] in held]
            if new:
                local.execute(insert(model), new)
            if known:
                local.execute(update(model), known)
            copied += len(values)
        counts[model.__tablename__] = copied
    return SnapshotCounts(counts)
