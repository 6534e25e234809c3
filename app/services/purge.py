"""Data minimisation: cases this laptop no longer needs leave it, with their attachments' files.

A case leaves once nothing of it waits in the outbox (DESIGN.md, sync rule 4): on a collector's
laptop a case settled or closed, or reassigned to someone else; on a lead's, a case moved to
another team. The pull already removes the rows of cases the central database stopped
showing; this runs after each successful sync and removes the rest, then deletes the attachment
files no local row names any more (the files of every removed case, whoever removed its rows).

What was removed is logged and audited by case id and count only: no borrower's name, ID number
or phone leaves with the record.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, or_, select

from app.domain import vocabulary
from app.services import audit
from app.services.workspace import Workspace
from app.store import models
from app.store.local_models import OutboxEntry
from app.sync import handshake, pull

logger = logging.getLogger(__name__)

# A file younger than this is left alone even when no row names it yet: a signing writes its
# files just before the transaction that adds their rows, and may be running right now.
FILE_GRACE = dt.timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What one purge removed from the laptop.

    Attributes:
        removed_case_ids: cases whose rows left now, and those the pull had just removed.
        waiting_case_ids: cases that would leave but still have changes in the outbox.
        removed_files: attachment files deleted.
    """

    removed_case_ids: tuple[uuid.UUID, ...]
    waiting_case_ids: tuple[uuid.UUID, ...]
    removed_files: int


# A case in one of these states is finished: nothing is left for a collector to do.
FINISHED_STATUSES = (vocabulary.CaseStatus.SETTLED.value, vocabulary.CaseStatus.CLOSED.value)


def _not_needed(viewer: handshake.Viewer) -> list:
    """Conditions under which a local case is no longer needed by `viewer`.

    A collector needs his open cases only. A lead keeps his team's finished cases (his results
    are counted from them) and lets go of those moved to another team; an admin keeps all.
    """
    case = models.LoanCase
    if viewer.role == vocabulary.UserRole.COLLECTOR:
        return [
            case.status.in_(FINISHED_STATUSES),
            case.assigned_to_id.is_(None) | (case.assigned_to_id != viewer.user_id),
        ]
    if viewer.role == vocabulary.UserRole.LEAD and viewer.team_id is not None:
        return [case.team_id.is_(None) | (case.team_id != viewer.team_id)]
    return []


def _waiting(local: Connection, case_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    """The cases among `case_ids` that still have outbox entries (pending or set aside)."""
    if not case_ids:
        return set()
    return set(
        local.scalars(
            select(OutboxEntry.case_id).where(OutboxEntry.case_id.in_(list(case_ids))).distinct()
        )
    )


def purge(
    workspace: Workspace,
    viewer: handshake.Viewer,
    removed_by_pull: Sequence[uuid.UUID] = (),
    *,
    now: float | None = None,
) -> PurgeReport:
    """Remove the cases `viewer` no longer needs whose outbox is empty, then the attachment
    files no row names; log and audit what left (with `removed_by_pull`, the pull's removals).

    `now` (seconds since the epoch) is the clock the files' ages are read against.
    """
    with workspace.engine.connect() as local:
        # As the pull removes cases: rows that name a removed one (a conflict record, say) are
        # not refused by the local foreign keys; the central database keeps the truth.
        local.exec_driver_sql("PRAGMA foreign_keys = OFF")
        local.commit()
        try:
            conditions = _not_needed(viewer)
            candidates = (
                list(local.scalars(select(models.LoanCase.id).where(or_(*conditions))))
                if conditions
                else []
            )
            waiting = _waiting(local, candidates)
            removed_now = [case_id for case_id in candidates if case_id not in waiting]
            for case_id in removed_now:
                pull.remove_case(local, case_id)
            local.commit()
        finally:
            local.rollback()
            local.exec_driver_sql("PRAGMA foreign_keys = ON")
            local.commit()
    removed_files = _remove_unnamed_files(workspace, time.time() if now is None else now)
    removed = tuple(dict.fromkeys([*removed_by_pull, *removed_now]))
    report = PurgeReport(
        removed, tuple(case_id for case_id in candidates if case_id in waiting), removed_files
    )
    if removed or removed_files:
        _record(workspace, report)
    return report


def _remove_unnamed_files(workspace: Workspace, now: float) -> int:
    files = workspace.attachment_files()
    with workspace.session() as session:
        named = set(session.scalars(select(models.Attachment.sha256)))
    removed = 0
    for sha256 in files.stored_hashes() - named:
        stored = files.path(sha256)
        if stored is None:
            continue
        try:
            age = now - stored.stat().st_mtime
        except OSError:
            continue
        if age < FILE_GRACE.total_seconds():
            continue
        files.remove(sha256)
        removed += 1
    return removed


def _record(workspace: Workspace, report: PurgeReport) -> None:
    case_ids = [str(case_id) for case_id in report.removed_case_ids]
    logger.info(
        "purge: %d cases left this laptop (%s); %d attachment files deleted",
        len(case_ids),
        ", ".join(case_ids) or "none",
        report.removed_files,
    )
    audit.record_act(
        workspace,
        "purge_cases",
        "loan_case",
        None,
        {"count": len(case_ids), "case_ids": case_ids, "removed_files": report.removed_files},
    )
