"""Log in to a central database and sync a workspace with it: push first, then pull.

`SyncService.login` checks the user against the central database, encrypts the workspace's store
with a new key kept in the OS keyring (or, on a machine without one, wrapped by the password
beside the store), keeps the password there too (or for the session only) and runs the first sync.
`SyncService.run` agrees on the schema, pushes the outbox, pulls what changed, removes the cases
taken away once their outbox is empty, refreshes the touched cases' list columns and notes the
time. The same code serves a PostgreSQL central and the embedded SQLite one (the demo's).

A run can be cancelled (`SyncCancel`): it stops at the next safe point — after a push batch's
local clean-up, after a pull page's local commit — so everything stays consistent and queued,
and the next run carries on. Every run is written to the local sync log (`sync_log`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from app import errors, settings
from app.services import audit, case_summary, purge
from app.services.status import STATE_LAST_SYNC_AT
from app.services.workspace import (
    STATE_DEMO,
    STATE_SERVER_URL,
    STATE_SERVER_USER,
    STATE_USER_ID,
    Workspace,
)
from app.store import engines, models
from app.store.local_models import OutboxEntry, SyncLogEntry
from app.sync import attachments, credentials, handshake, pull, push

logger = logging.getLogger(__name__)

# Sync log entries kept (automatic syncs run every few minutes; older runs are dropped).
SYNC_LOG_KEPT = 1000

# progress(stage, done, total): stage is "push", "rows", "cases" or "done".
SyncProgress = Callable[[str, int, int], None]


class SyncConnectionError(errors.KnownError):
    """The central database cannot be reached or refused the login."""


class SyncCancel:
    """A request to stop a running sync at its next safe point; set from any thread."""

    def __init__(self) -> None:
        self._requested = threading.Event()

    def request(self) -> None:
        self._requested.set()

    @property
    def requested(self) -> bool:
        return self._requested.is_set()


class _PushStopped(Exception):
    """Raised from the push's progress (after a batch's local clean-up) to stop it there."""


@dataclass(frozen=True, slots=True)
class SyncLogRecord:
    """One sync run as the sync log keeps it.

    Attributes:
        started_at: when it started (UTC).
        finished_at: when it ended (UTC); None while running or when the process died.
        outcome: running, completed, cancelled or failed.
        pushed: local changes applied centrally.
        pulled: rows copied from the central database.
        refused: changes refused (conflicts included).
        conflicts: of those, conflicts.
        message: why it failed, if it did.
    """

    started_at: dt.datetime
    finished_at: dt.datetime | None
    outcome: str
    pushed: int
    pulled: int
    refused: int
    conflicts: int
    message: str | None


@dataclass(frozen=True, slots=True)
class RefusedChange:
    """A local change the central database refused, kept in the outbox for a person to see.

    Attributes:
        mutation_id: the change's UUID.
        table_name: the table it writes.
        row_id: the row it writes.
        case_id: its case, if any.
        outcome: "rejected" or "conflict".
        reason: a stable code (see `app.sync.push.MutationResult`).
        message: the reason in words.
    """

    mutation_id: uuid.UUID
    table_name: str
    row_id: uuid.UUID
    case_id: uuid.UUID | None
    outcome: str
    reason: str | None
    message: str | None


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What one sync did.

    Attributes:
        pushed: local changes applied centrally now.
        repeated: local changes found applied already (an earlier push lost its reply).
        rejected: changes refused now (set aside in the outbox, visible).
        conflicts: edits on a stale version now recorded as conflicts (also set aside).
        pulled_rows: rows copied from the central database.
        deleted_rows: rows deleted locally because they were deleted centrally.
        granted_cases: cases given to the user and copied whole.
        removed_cases: cases taken from the user and removed locally.
        deferred_cases: cases taken from the user but kept until their changes are pushed.
        resumed: the pull continued an interrupted one.
        set_aside: refused changes in the outbox now (this sync's and earlier ones).
        finished_at: when the sync completed (UTC).
        cancelled: the run stopped early on request; what is not done waits for the next one.
    """

    pushed: int
    repeated: int
    rejected: int
    conflicts: int
    pulled_rows: int
    deleted_rows: int
    granted_cases: int
    removed_cases: int
    deferred_cases: int
    resumed: bool
    set_aside: int
    finished_at: dt.datetime
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class LoginResult:
    """A completed login.

    Attributes:
        username: the login name.
        display_name: the name people read.
        role: collector, lead or admin.
        password_in_keyring: False when the machine has no keyring and the password is kept for
            this session only (the next `fieldcollect sync` asks for it again).
        keyring_backend: the keyring backend's name.
        first_sync: the first sync's report.
    """

    username: str
    display_name: str
    role: str
    password_in_keyring: bool
    keyring_backend: str
    first_sync: SyncReport


def _parse_server(server: str) -> URL:
    try:
        url = make_url(server)
    except ArgumentError as exc:
        raise errors.KnownError(f"{server!r} is not a database URL: {exc}") from exc
    if url.get_backend_name() not in ("postgresql", "sqlite"):
        raise errors.KnownError(
            f"{server!r}: the central database is PostgreSQL (postgresql://HOST/DB) "
            "or an embedded SQLite file (sqlite:///PATH)"
        )
    return url


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(original).__name__


class SyncService:
    """Login and sync of one workspace.

    Attributes:
        workspace: the open workspace.
        passwords: where the password is kept.
    """

    def __init__(
        self,
        workspace: Workspace,
        passwords: credentials.PasswordStore | None = None,
        preferences: settings.Preferences | None = None,
    ) -> None:
        self.workspace = workspace
        self.passwords = passwords if passwords is not None else credentials.PasswordStore()
        # The user's own settings unless given (the size limit on attachment files).
        self.preferences = preferences if preferences is not None else settings.Preferences()

    # -- login ----------------------------------------------------------------------------------

    def login(
        self,
        server: str,
        username: str,
        password: str | None,
        progress: SyncProgress | None = None,
    ) -> LoginResult:
        """Log `username` in to `server` from this workspace, keep the password, sync once."""
        url = _parse_server(server)
        shown = url._replace(username=None, password=None).render_as_string(hide_password=True)
        self._check_owner(shown, username)
        engine = self._engine(url, username, password)
        try:
            handshake.agree_on_schema(engine, shown)
            with engine.connect() as connection:
                viewer = handshake.viewer(connection, username)
                user = connection.execute(
                    select(models.AppUser.display_name).where(models.AppUser.id == viewer.user_id)
                ).scalar_one()
        except DBAPIError as exc:
            raise SyncConnectionError(
                f"cannot log in to {shown} as {username}: {_first_line(exc)}"
            ) from exc
        finally:
            engine.dispose()
        # A real workspace's store is encrypted before anything of the user's reaches it; with
        # no keyring, its key is wrapped by the password the central database just accepted.
        self.workspace.encrypt(self.passwords, password)
        in_keyring = True
        if url.get_backend_name() != "sqlite" and password is not None:
            in_keyring = self.passwords.save(self._credential_key(url, username), password)
        for key, value in (
            (STATE_SERVER_URL, shown),
            (STATE_SERVER_USER, username),
            (STATE_USER_ID, str(viewer.user_id)),
        ):
            self.workspace.set_state(key, value)
        audit.record_login(self.workspace, viewer.user_id, shown, username)
        report = self.run(progress=progress, password=password)
        return LoginResult(
            username=username,
            display_name=user,
            role=viewer.role,
            password_in_keyring=in_keyring,
            keyring_backend=self.passwords.describe(),
            first_sync=report,
        )

    def _check_owner(self, shown: str, username: str) -> None:
        if self.workspace.state(STATE_DEMO) == "1":
            raise errors.WorkspaceError(
                f"{self.workspace.folder} is the demo workspace; log in from another folder"
            )
        owner = self.workspace.state(STATE_SERVER_USER)
        server = self.workspace.state(STATE_SERVER_URL)
        if owner is not None and (owner != username or server != shown):
            raise errors.WorkspaceError(
                f"{self.workspace.folder} belongs to {owner} on {server}; "
                "log in from another folder"
            )
        if owner is None and self.workspace.state(STATE_USER_ID) is not None:
            raise errors.WorkspaceError(
                f"{self.workspace.folder} already belongs to a user; log in from another folder"
            )

    # -- sync -----------------------------------------------------------------------------------

    def run(
        self,
        progress: SyncProgress | None = None,
        password: str | None = None,
        cancel: SyncCancel | None = None,
    ) -> SyncReport:
        """Push the outbox, then pull; raises a KnownError when the central database fails.

        With `cancel` requested, the run stops at its next safe point and returns a report
        marked `cancelled`. Every run, failed ones too, is written to the sync log.
        """
        log_id = self._log_started()
        try:
            report = self._run(progress, password, cancel)
        except BaseException as exc:
            message = str(exc) if isinstance(exc, errors.KnownError) else type(exc).__name__
            self._log_ended(log_id, "failed", message=message)
            raise
        self._log_ended(log_id, "cancelled" if report.cancelled else "completed", report)
        return report

    def _run(
        self, progress: SyncProgress | None, password: str | None, cancel: SyncCancel | None
    ) -> SyncReport:
        url, username, password = self._login(password)
        shown = url.render_as_string(hide_password=True)
        engine = self._engine(url, username, password)
        try:
            report = self._exchange(engine, shown, username, progress, cancel)
        except DBAPIError as exc:
            raise SyncConnectionError(
                f"the sync with {shown} stopped: {_first_line(exc)}. "
                "Nothing was lost; sync again later."
            ) from exc
        finally:
            engine.dispose()
        if password is not None and url.get_backend_name() != "sqlite":
            # The central database accepted it: a changed password now opens the workspace.
            self.workspace.follow_password(password)
        return report

    def _exchange(
        self,
        engine: Engine,
        shown: str,
        username: str,
        progress: SyncProgress | None,
        cancel: SyncCancel | None,
    ) -> SyncReport:
        handshake.agree_on_schema(engine, shown)
        with engine.connect() as connection:
            viewer = handshake.viewer(connection, username)
        owner = self.workspace.state(STATE_USER_ID)
        if owner is not None and owner != str(viewer.user_id):
            raise errors.WorkspaceError(
                f"{username} on {shown} is not the user this workspace belongs to"
            )
        stopping = cancel is not None and cancel.requested
        pushed_so_far = [0]

        def push_progress(done: int, total: int) -> None:
            # Called after a batch's central commit and its local clean-up: a safe point.
            pushed_so_far[0] = done
            if progress is not None:
                progress("push", done, total)
            if cancel is not None and cancel.requested:
                raise _PushStopped

        if stopping:
            return self._cancelled_report(0)
        files = self.workspace.attachment_files()
        try:
            pushed = push.push(
                self.workspace.engine,
                engine,
                username,
                progress=push_progress,
                files=files,
                max_attachment_bytes=self._max_attachment_bytes(),
            )
        except _PushStopped:
            logger.info("sync: cancelled after %d pushed changes", pushed_so_far[0])
            return self._cancelled_report(pushed_so_far[0])
        if cancel is not None and cancel.requested:
            return self._cancelled_report(pushed.applied + pushed.repeated, pushed)
        pulled = pull.pull(
            self.workspace.engine,
            engine,
            viewer,
            progress=progress,
            should_stop=(lambda: cancel.requested) if cancel is not None else None,
        )
        # A first or resumed pull touched cases an earlier run may not have summarised: then
        # every case is recomputed in one set-based pass rather than by lists of ids.
        whole = pulled.window[0] == 0 or pulled.resumed
        self._refresh_summaries(pulled.touched_case_ids, every_case=whole and not pulled.stopped)
        if pulled.stopped:
            return self._cancelled_report(pushed.applied + pushed.repeated, pushed, pulled)
        # The files of attachment rows that arrived (or could not be fetched at an earlier sync).
        attachments.fetch_missing_contents(self.workspace.engine, engine, files)
        # Cases this laptop no longer needs leave it, with their files (issue 8).
        purge.purge(self.workspace, viewer, pulled.removed_cases)
        finished = dt.datetime.now(dt.UTC)
        self.workspace.set_state(STATE_LAST_SYNC_AT, finished.isoformat())
        report = SyncReport(
            pushed=pushed.applied,
            repeated=pushed.repeated,
            rejected=pushed.rejected,
            conflicts=pushed.conflicts,
            pulled_rows=pulled.total_rows,
            deleted_rows=pulled.deleted,
            granted_cases=pulled.granted_cases,
            removed_cases=len(pulled.removed_cases),
            deferred_cases=len(pulled.deferred_cases),
            resumed=pulled.resumed,
            set_aside=len(self.refused_changes()),
            finished_at=finished,
        )
        logger.info(
            "sync: pushed %d (%d repeated, %d refused), pulled %d rows",
            report.pushed,
            report.repeated,
            report.rejected + report.conflicts,
            report.pulled_rows,
        )
        return report

    def _cancelled_report(
        self,
        pushed_count: int,
        pushed: push.PushReport | None = None,
        pulled: pull.PullReport | None = None,
    ) -> SyncReport:
        """What a cancelled run did; the rest waits, queued, for the next run."""
        return SyncReport(
            pushed=pushed.applied if pushed is not None else pushed_count,
            repeated=pushed.repeated if pushed is not None else 0,
            rejected=pushed.rejected if pushed is not None else 0,
            conflicts=pushed.conflicts if pushed is not None else 0,
            pulled_rows=pulled.total_rows if pulled is not None else 0,
            deleted_rows=pulled.deleted if pulled is not None else 0,
            granted_cases=0,
            removed_cases=0,
            deferred_cases=0,
            resumed=pulled.resumed if pulled is not None else False,
            set_aside=len(self.refused_changes()),
            finished_at=dt.datetime.now(dt.UTC),
            cancelled=True,
        )

    # -- the sync log ---------------------------------------------------------------------------

    def _log_started(self) -> int:
        """Write the run's log entry, dropping the oldest beyond `SYNC_LOG_KEPT`."""
        with self.workspace.session() as session:
            entry = SyncLogEntry(started_at=models.utc_now(), outcome="running")
            session.add(entry)
            session.flush()
            session.execute(delete(SyncLogEntry).where(SyncLogEntry.id <= entry.id - SYNC_LOG_KEPT))
            return entry.id

    def _log_ended(
        self,
        log_id: int,
        outcome: str,
        report: SyncReport | None = None,
        message: str | None = None,
    ) -> None:
        values: dict[str, object] = {
            "finished_at": models.utc_now(),
            "outcome": outcome,
            "message": message,
        }
        if report is not None:
            values.update(
                pushed=report.pushed + report.repeated,
                pulled=report.pulled_rows,
                refused=report.rejected + report.conflicts,
                conflicts=report.conflicts,
            )
        with self.workspace.session() as session:
            session.execute(update(SyncLogEntry).where(SyncLogEntry.id == log_id).values(values))

    def sync_log(self, limit: int = 100) -> list[SyncLogRecord]:
        """The last `limit` sync runs of this workspace, newest first."""
        with self.workspace.session() as session:
            entries = session.scalars(
                select(SyncLogEntry)
                .order_by(SyncLogEntry.started_at.desc(), SyncLogEntry.id.desc())
                .limit(limit)
            ).all()
            return [
                SyncLogRecord(
                    started_at=entry.started_at,
                    finished_at=entry.finished_at,
                    outcome=entry.outcome,
                    pushed=entry.pushed,
                    pulled=entry.pulled,
                    refused=entry.refused,
                    conflicts=entry.conflicts,
                    message=entry.message,
                )
                for entry in entries
            ]

    def needs_password(self) -> bool:
        """Whether a sync must be given the password (none saved for the workspace's user)."""
        server = self.workspace.state(STATE_SERVER_URL)
        if server is None or _parse_server(server).get_backend_name() == "sqlite":
            return False
        key = self._credential_key(_parse_server(server), self.username())
        return self.passwords.load(key) is None

    def refused_changes(self) -> list[RefusedChange]:
        """The local changes the central database refused, oldest first."""
        with self.workspace.session() as session:
            entries = session.scalars(
                select(OutboxEntry).where(OutboxEntry.state == "rejected").order_by(OutboxEntry.seq)
            ).all()
            refused = []
            for entry in entries:
                try:
                    detail = json.loads(entry.last_error or "{}")
                except json.JSONDecodeError:
                    detail = {"message": entry.last_error}
                refused.append(
                    RefusedChange(
                        mutation_id=entry.id,
                        table_name=entry.table_name,
                        row_id=entry.row_id,
                        case_id=entry.case_id,
                        outcome=detail.get("outcome", "rejected"),
                        reason=detail.get("reason"),
                        message=detail.get("message"),
                    )
                )
            return refused

    def _refresh_summaries(self, case_ids: frozenset[uuid.UUID], *, every_case: bool) -> None:
        if not case_ids and not every_case:
            return
        with self.workspace.session() as session:
            if every_case:
                case_summary.refresh_case_summaries(session, dt.date.today())
                return
            present = session.scalars(
                select(models.LoanCase.id).where(models.LoanCase.id.in_(list(case_ids)))
            ).all()
            if present:
                case_summary.refresh_case_summaries(session, dt.date.today(), case_ids=present)

    def _max_attachment_bytes(self) -> int:
        return int(self.preferences.get("max_attachment_mb")) * 1024 * 1024

    # -- connection -----------------------------------------------------------------------------

    def open_central(self, password: str | None = None) -> Engine:
        """An engine on the workspace's central database as its logged-in user, the way the
        sync connects: the server and user it logged in with, `password` or else the one kept
        for that user (none for the embedded SQLite central). The caller disposes of it."""
        return self._engine(*self._login(password))

    def _login(self, password: str | None) -> tuple[URL, str, str | None]:
        """The central database's URL, the user the workspace logged in as, and `password` or
        else the one kept for him (None for the embedded SQLite central, which has no logins)."""
        server = self.workspace.state(STATE_SERVER_URL)
        if server is None:
            raise errors.WorkspaceError(
                f"{self.workspace.folder} has no central database yet; "
                "log in first ('fieldcollect login')"
            )
        url = _parse_server(server)
        username = self.username()
        if password is None and url.get_backend_name() != "sqlite":
            password = self.passwords.load(self._credential_key(url, username))
        return url, username, password

    def username(self) -> str:
        """The workspace's login name on the central database."""
        username = self.workspace.state(STATE_SERVER_USER)
        if username is not None:
            return username
        identity = self.workspace.identity()
        if identity is None:
            raise errors.WorkspaceError(
                f"nobody has logged in to {self.workspace.folder}; log in first"
            )
        return identity.username

    @staticmethod
    def _credential_key(url: URL, username: str) -> str:
        return credentials.credential_key(username, url.host, url.port, url.database)

    @staticmethod
    def _engine(url: URL, username: str, password: str | None) -> Engine:
        if url.get_backend_name() != "sqlite":
            url = url.set(username=username, password=password)
        try:
            return engines.central_engine(url.render_as_string(hide_password=False))
        except (ArgumentError, ValueError) as exc:
            raise errors.KnownError(f"cannot use the central database: {exc}") from exc
