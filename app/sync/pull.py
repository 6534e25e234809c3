"""Pull: the rows a user may see that changed centrally, copied into his local store.

The cursor is a stamp the central database hands out, never a clock. On PostgreSQL a row's stamp
is the id of the transaction that last wrote it (`sync_xid`), and the cursor is the snapshot the
last pull read in (`pg_current_snapshot()`: xmin, xmax and the transactions running between).
A pull reads the rows whose writer is visible in its own snapshot and was not in the cursor's:
the writers that finished in between. A transaction that commits late (after a row with a higher
stamp was pulled) was running in the cursor's snapshot, so its rows come with the pull after it
commits: nothing is skipped, nothing comes twice. A long transaction elsewhere on the server
holds back only its own rows; the pull finds the others by a range of stamps from the cursor's
xmin, and looks twice (is the writer visible?) only at the stamps between a snapshot's xmin and
xmax. On SQLite (the embedded central) the pull first stamps every unstamped row with the next
revision in one write transaction — one writer at a time, so only committed rows get it — and
reads up to it.

Each window is read in pages (table by table in foreign-key order, by id), each page applied in
its own local transaction together with the pull's progress, so an interrupted pull resumes
where it stopped. Rows with a pending outbox entry are not overwritten (the local edit is newer).

Access changes are a stream of their own (`case_access_event`): Row-Level Security hides a case
taken away, so its rows can never arrive as changes. A case named in the stream that is visible
now is copied whole (its rows may be older than the window); one that is not is removed from the
local store — but only once no pending outbox entry names it, until then it is kept and retried.
Deleted rows arrive as tombstones. Local foreign keys are not enforced while a pull writes: the
central database has checked them, and a user's visible slice may name rows he cannot see (a
contact recorded by a user of another team).
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import queue
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Index,
    Select,
    Table,
    Text,
    cast,
    false,
    func,
    literal,
    or_,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.types import UserDefinedType

from app import bulk_work
from app.domain.vocabulary import UserRole
from app.store import models
from app.store.local_models import OutboxEntry, SyncState
from app.sync import codec
from app.sync.handshake import Viewer

logger = logging.getLogger(__name__)

PAGE_SIZE = 5000
# Pages the reader thread may hold ready beyond the one being written (about 5 MB each for
# contacts): enough that the next table's query has run when the writer reaches it.
_PAGES_READ_AHEAD = 3
# The page cache of a first load (KiB): the indexes of 100,000 new rows stay in memory.
_FIRST_LOAD_CACHE_KIB = 65536
_CASES_PER_QUERY = 200

# Keys of the local `sync_state` table.
STATE_CURSOR = "pull_cursor"
STATE_PROGRESS = "pull_progress"
STATE_DEFERRED = "deferred_revocations"

_TABLES: tuple[Table, ...] = tuple(codec.SYNCED_TABLES.values())
_events = models.CaseAccessEvent.__table__
_tombstones = models.SyncTombstone.__table__
_outbox = OutboxEntry.__table__
_state = SyncState.__table__
_case = models.LoanCase.__table__
_plan = models.RepaymentPlan.__table__
_user = models.AppUser.__table__
# Tables whose rows belong to a case through their `case_id` (children before parents).
_CASE_CHILDREN = (
    "agreement",
    "attachment",
    "promise_to_pay",
    "contact",
    "visit",
    "payment",
    "case_assignment",
)

Progress = Callable[[str, int, int], None]
# Asked after every committed page: True stops the pull there (its progress kept for a resume).
ShouldStop = Callable[[], bool]


class _Stopped(Exception):
    """Raised between committed pages when the caller asked the pull to stop."""


@dataclass(frozen=True, slots=True)
class PullReport:
    """What a pull brought.

    Attributes:
        window: the stamps read, [low, high).
        rows: rows copied per table (changed rows and whole cases granted).
        deleted: rows deleted locally because they were deleted centrally.
        granted_cases: cases that became visible and were copied whole.
        removed_cases: cases no longer visible, removed from the local store.
        deferred_cases: cases no longer visible but kept: their changes wait in the outbox.
        touched_case_ids: cases whose rows changed locally (for their summaries).
        pages: pages read from the central database.
        resumed: the pull continued an interrupted one.
        stopped: the caller stopped it between pages; the next pull resumes there (the cursor
            has not moved).
    """

    window: tuple[int, int]
    rows: dict[str, int]
    deleted: int
    granted_cases: int
    removed_cases: tuple[uuid.UUID, ...]
    deferred_cases: tuple[uuid.UUID, ...]
    touched_case_ids: frozenset[uuid.UUID]
    pages: int
    resumed: bool
    stopped: bool = False

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


@dataclass
class _Window:
    """A pull in progress, saved in the local store after every page."""

    low: int
    high: int
    # PostgreSQL: the cursor's snapshot (None on a first pull) and the pull's own, as text;
    # a row is in the window when its writer is visible in `upto` and was not in `since`.
    since: str | None = None
    upto: str | None = None
    stage: str = "tables"
    table: int = 0
    after: str | None = None
    granted: list[str] = field(default_factory=list)
    revoked: list[str] = field(default_factory=list)
    grant_index: int = 0
    counts: list[int] = field(default_factory=list)
    total: int = 0
    done: int = 0
    # Secondary indexes dropped for a first load, to build once its rows are in.
    deferred_indexes: list[str] = field(default_factory=list)

    def dump(self) -> str:
        return json.dumps(self.__dict__)

    @classmethod
    def load(cls, raw: str) -> _Window:
        return cls(**json.loads(raw))


@dataclass
class _Tally:
    rows: dict[str, int] = field(default_factory=dict)
    touched: set[uuid.UUID] = field(default_factory=set)
    # Touched cases as the stored rows name them (32 hex digits): made into UUIDs once, at the end.
    touched_stored: set[str] = field(default_factory=set)
    deleted: int = 0
    pages: int = 0

    def count(self, table: str, rows: int) -> None:
        self.rows[table] = self.rows.get(table, 0) + rows


# Local state --------------------------------------------------------------------------------------


def _read_state(local: Connection, key: str) -> str | None:
    return local.execute(select(_state.c.value).where(_state.c.key == key)).scalar()


def _write_state(local: Connection, key: str, value: str | None) -> None:
    if value is None:
        local.execute(_state.delete().where(_state.c.key == key))
        return
    local.execute(
        sqlite_insert(_state)
        .values(key=key, value=value)
        .on_conflict_do_update(index_elements=["key"], set_={"value": value})
    )


def cursor_of(local: Connection) -> int:
    """The local store's pull cursor as a stamp (0 before its first pull): every stamp below it
    has been pulled."""
    raw = _read_state(local, STATE_CURSOR)
    if not raw:
        return 0
    return _Snapshot.parse(raw).xmin if ":" in raw else int(raw)


@contextlib.contextmanager
def _local_writes(local_engine: Engine, *, first_load: bool) -> Iterator[Connection]:
    """A local connection with foreign keys off (set outside a transaction, restored after).

    For a first load into a store with nothing waiting to be pushed, the connection also skips
    the WAL's sync at checkpoints and keeps a large page cache: an operating-system crash in
    the middle could damage only rows the central database still holds (the next login copies
    them again), and an application crash is as safe as ever.
    """
    with local_engine.connect() as local:
        local.exec_driver_sql("PRAGMA foreign_keys = OFF")
        if first_load:
            local.exec_driver_sql("PRAGMA synchronous = OFF")
            local.exec_driver_sql(f"PRAGMA cache_size = -{_FIRST_LOAD_CACHE_KIB}")
        local.commit()
        try:
            yield local
        finally:
            local.rollback()
            local.exec_driver_sql("PRAGMA foreign_keys = ON")
            if first_load:
                local.exec_driver_sql("PRAGMA synchronous = NORMAL")
                local.exec_driver_sql("PRAGMA cache_size = -2000")
            local.commit()


# What a user may see (SQLite has no Row-Level Security) ------------------------------------------


def _visible_cases(viewer: Viewer) -> Select[Any] | None:
    """The viewer's cases, or None for an administrator (every case)."""
    if viewer.role == UserRole.ADMIN:
        return None
    if viewer.role == UserRole.LEAD:
        return select(_case.c.id).where(_case.c.team_id == viewer.team_id)
    return select(_case.c.id).where(_case.c.assigned_to_id == viewer.user_id)


def _visibility(table: Table, viewer: Viewer) -> ColumnElement[bool] | None:
    """The rows of `table` the viewer may see, as the PostgreSQL policies have them."""
    cases = _visible_cases(viewer)
    if cases is None:
        return None
    case_ids = cases.scalar_subquery()
    borrowers = select(_case.c.borrower_id).where(_case.c.id.in_(case_ids)).scalar_subquery()
    team_users = select(_user.c.id).where(_user.c.team_id == viewer.team_id).scalar_subquery()
    name = table.name
    if name == "team":
        return table.c.id == viewer.team_id
    if name == "app_user":
        return or_(table.c.team_id == viewer.team_id, table.c.id == viewer.user_id)
    if name == "borrower":
        return table.c.id.in_(borrowers)
    if name in ("borrower_phone", "borrower_address"):
        return table.c.borrower_id.in_(borrowers)
    if name == "loan_case":
        return table.c.id.in_(case_ids)
    if name == "instalment":
        plans = select(_plan.c.id).where(_plan.c.case_id.in_(case_ids)).scalar_subquery()
        return table.c.plan_id.in_(plans)
    if name == "attachment":
        return or_(table.c.case_id.in_(case_ids), table.c.created_by_id == viewer.user_id)
    if name == "audit_event":
        if viewer.role == UserRole.LEAD:
            return or_(table.c.user_id == viewer.user_id, table.c.user_id.in_(team_users))
        return table.c.user_id == viewer.user_id
    return table.c.case_id.in_(case_ids)


def _filtered(query: Select[Any], table: Table, viewer: Viewer, central: Connection) -> Select[Any]:
    """On SQLite, limit `query` to what the viewer may see; PostgreSQL's policies do it there."""
    if central.dialect.name == "postgresql":
        return query
    condition = _visibility(table, viewer)
    return query if condition is None else query.where(condition)


def _subject(viewer: Viewer) -> ColumnElement[bool]:
    """The access events that concern the viewer: his own (collector) or his team's (lead)."""
    if viewer.role == UserRole.LEAD:
        return _events.c.team_id == viewer.team_id
    if viewer.role == UserRole.COLLECTOR:
        return _events.c.user_id == viewer.user_id
    return false()  # an administrator sees every case; nothing is ever taken from him


def _tombstone_subject(viewer: Viewer) -> ColumnElement[bool] | None:
    if viewer.role == UserRole.LEAD:
        return _tombstones.c.team_id == viewer.team_id
    if viewer.role == UserRole.COLLECTOR:
        return _tombstones.c.assigned_to_id == viewer.user_id
    return None


# The window ---------------------------------------------------------------------------------------


@contextlib.contextmanager
def _central_snapshot(central_engine: Engine) -> Iterator[Connection]:
    """One consistent read of the central database for the whole pull."""
    if central_engine.dialect.name == "postgresql":
        reader = central_engine.connect().execution_options(isolation_level="REPEATABLE READ")
        with reader as central, central.begin():
            central.execute(text("SET TRANSACTION READ ONLY"))
            yield central
    else:
        with central_engine.connect() as central, central.begin():
            yield central


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """A PostgreSQL snapshot as `pg_snapshot` text gives it: `xmin:xmax:xip,…`."""

    xmin: int
    xmax: int

    @classmethod
    def parse(cls, raw: str) -> _Snapshot:
        xmin, xmax, _running = raw.split(":", 2)
        return cls(int(xmin), int(xmax))


def _cut_window(central_engine: Engine, central: Connection, cursor: str | None) -> _Window:
    """The window from the local store's cursor to now.

    PostgreSQL: from the cursor's snapshot to the pull's own. A cursor written before cursors
    were snapshots (a stamp n: everything below n pulled, nothing from n on) reads as the
    snapshot `n:n:`, which says the same. SQLite: [cursor, the revision just stamped].
    """
    if central.dialect.name != "postgresql":
        return _Window(low=int(cursor or 0), high=_stamp_sqlite(central_engine) + 1)
    upto = str(central.execute(text("SELECT pg_current_snapshot()::text")).scalar_one())
    since = None
    if cursor:
        since = cursor if ":" in cursor else f"{cursor}:{cursor}:"
    low = _Snapshot.parse(since).xmin if since is not None else 0
    return _Window(low=low, high=_Snapshot.parse(upto).xmax, since=since, upto=upto)


def _stamp_sqlite(central_engine: Engine) -> int:
    """Stamp the embedded central's unstamped rows with the next revision; returns it."""
    clock = models.SyncClock.__table__
    with central_engine.begin() as writer:
        writer.execute(update(clock).where(clock.c.id == 1).values(revision=clock.c.revision + 1))
        revision = int(writer.execute(select(clock.c.revision).where(clock.c.id == 1)).scalar_one())
        for table in (*_TABLES, _events, _tombstones):
            writer.execute(
                update(table)
                .where(table.c.sync_xid.is_(None))
                .values(sync_xid=revision, sync_revision=revision)
            )
    return revision


class _Xid8(UserDefinedType[int]):
    cache_ok = True

    def get_col_spec(self) -> str:
        return "xid8"


class _PgSnapshot(UserDefinedType[str]):
    cache_ok = True

    def get_col_spec(self) -> str:
        return "pg_snapshot"


def _visible_in(stamp: ColumnElement[Any], snapshot: str) -> ColumnElement[bool]:
    """Whether the transaction `stamp` names is visible in `snapshot` (finished before it)."""
    return func.pg_visible_in_snapshot(
        cast(cast(stamp, Text), _Xid8()), cast(literal(snapshot), _PgSnapshot())
    )


def _in_window(table: Table, window: _Window) -> ColumnElement[bool]:
    """The rows a window brings. An index range of stamps, [low, high); on PostgreSQL, inside
    it, a stamp between a snapshot's xmin and xmax is looked up in that snapshot (below xmin
    its writer had finished, from xmax on it had not begun): OR takes the cheap test first.
    A snapshot taken while no writer ran (xmin = xmax) needs no look-up: the range says it all,
    and the query is the plain range scan."""
    stamp = table.c.sync_xid
    condition = (stamp >= window.low) & (stamp < window.high)
    if window.since is not None:
        since = _Snapshot.parse(window.since)
        if since.xmin < since.xmax:
            condition &= or_(stamp >= since.xmax, ~_visible_in(stamp, window.since))
    if window.upto is not None:
        upto = _Snapshot.parse(window.upto)
        if upto.xmin < upto.xmax:
            condition &= or_(stamp < upto.xmin, _visible_in(stamp, window.upto))
    return condition


def _access_changes(central: Connection, viewer: Viewer, window: _Window) -> tuple[list, list]:
    """Cases given to or taken from the viewer inside the window, judged by what he sees now.

    The events say which cases to look at; whether a case is his is what the snapshot shows
    (events of different transactions may arrive out of order across windows).
    """
    if window.low == 0:
        return [], []  # a first pull copies everything visible anyway
    named = central.execute(
        select(_events.c.case_id).where(_in_window(_events, window), _subject(viewer)).distinct()
    ).scalars()
    case_ids = sorted(set(named), key=str)
    visible: set[uuid.UUID] = set()
    for chunk in _chunks(case_ids, _CASES_PER_QUERY):
        query = _filtered(select(_case.c.id).where(_case.c.id.in_(chunk)), _case, viewer, central)
        visible.update(central.execute(query).scalars())
    granted = [str(case_id) for case_id in case_ids if case_id in visible]
    revoked = [str(case_id) for case_id in case_ids if case_id not in visible]
    return granted, revoked


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _count_window(central: Connection, viewer: Viewer, window: _Window) -> list[int]:
    """Rows in the window per table, in one round trip.

    A table with none is not read at all: no row can enter a window later (its writers had all
    finished when the window was cut; later writers get higher stamps).
    """
    counts = [
        _filtered(
            select(func.count().label("rows")).select_from(table).where(_in_window(table, window)),
            table,
            viewer,
            central,
        )
        for table in _TABLES
    ]
    query = union_all(
        *(
            count.add_columns(literal(position).label("position"))
            for position, count in enumerate(counts)
        )
    )
    found = dict((position, rows) for rows, position in central.execute(query))
    return [int(found.get(position, 0)) for position in range(len(_TABLES))]


# Applying rows locally ----------------------------------------------------------------------------


def _pending_rows(local: Connection) -> set[uuid.UUID]:
    """Rows with a local edit still to push (few: the outbox is pushed before every pull)."""
    return set(
        local.execute(select(_outbox.c.row_id).where(_outbox.c.state == "pending")).scalars()
    )


@functools.cache
def _upsert_sql(table: Table) -> str:
    names = [column.name for column in table.columns]
    updates = ", ".join(f"{name} = excluded.{name}" for name in names if name != "id")
    return (
        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        f" ON CONFLICT (id) DO UPDATE SET {updates}"
    )


def _stored_query(table: Table, central: Connection) -> Select[Any]:
    """A SELECT of `table` giving each row in the local store's stored form (see codec)."""
    return select(*codec.stored_columns(table, central.dialect.name)).select_from(table)


def _upsert(
    local: Connection, table: Table, rows: Sequence[tuple[Any, ...]], tally: _Tally
) -> None:
    """Write `rows` (stored values in `table.columns` order) into the local store by primary
    key, except rows with a pending local edit.

    The rows arrive as SQLite keeps them (`codec.stored_columns`) and go straight to the driver
    as plain tuples in one executemany: per-value conversion dominated a first sync's time.
    """
    columns = list(table.columns)
    id_at = columns.index(table.c.id)
    keep = {row_id.hex for row_id in _pending_rows(local)}
    if keep:
        rows = [row for row in rows if row[id_at] not in keep]
    if not rows:
        return
    local.exec_driver_sql(_upsert_sql(table), rows)
    tally.count(table.name, len(rows))
    if table.name == "loan_case":
        case_at = id_at
    elif "case_id" in table.c:
        case_at = columns.index(table.c.case_id)
    else:
        return
    cases = {row[case_at] for row in rows} - {None}
    tally.touched_stored.update(cases)


def _has_pending(local: Connection, case_id: uuid.UUID) -> bool:
    return (
        local.execute(
            select(_outbox.c.id)
            .where(_outbox.c.case_id == case_id, _outbox.c.state == "pending")
            .limit(1)
        ).first()
        is not None
    )


def remove_case(local: Connection, case_id: uuid.UUID) -> None:
    """Delete a case and everything of it from the local store (its borrower too, if unshared)."""
    tables = codec.SYNCED_TABLES
    plans = select(_plan.c.id).where(_plan.c.case_id == case_id).scalar_subquery()
    local.execute(tables["instalment"].delete().where(tables["instalment"].c.plan_id.in_(plans)))
    local.execute(_plan.delete().where(_plan.c.case_id == case_id))
    for name in _CASE_CHILDREN:
        local.execute(tables[name].delete().where(tables[name].c.case_id == case_id))
    borrower_id = local.execute(select(_case.c.borrower_id).where(_case.c.id == case_id)).scalar()
    local.execute(_case.delete().where(_case.c.id == case_id))
    if borrower_id is None:
        return
    shared = local.execute(
        select(_case.c.id).where(_case.c.borrower_id == borrower_id).limit(1)
    ).first()
    if shared is None:
        for name in ("borrower_phone", "borrower_address"):
            local.execute(tables[name].delete().where(tables[name].c.borrower_id == borrower_id))
        local.execute(tables["borrower"].delete().where(tables["borrower"].c.id == borrower_id))


def _case_rows(table: Table, case_ids: Sequence[uuid.UUID]) -> ColumnElement[bool] | None:
    """The rows of `table` belonging to `case_ids` (None for tables not tied to cases)."""
    borrowers = select(_case.c.borrower_id).where(_case.c.id.in_(case_ids))
    name = table.name
    if name == "loan_case":
        return table.c.id.in_(case_ids)
    if name == "borrower":
        return table.c.id.in_(borrowers)
    if name in ("borrower_phone", "borrower_address"):
        return table.c.borrower_id.in_(borrowers)
    if name == "instalment":
        plans = select(_plan.c.id).where(_plan.c.case_id.in_(case_ids))
        return table.c.plan_id.in_(plans)
    if "case_id" in table.c:
        return table.c.case_id.in_(case_ids)
    return None


# The pull -----------------------------------------------------------------------------------------


def pull(
    local_engine: Engine,
    central_engine: Engine,
    viewer: Viewer,
    *,
    page_size: int = PAGE_SIZE,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> PullReport:
    """Pull one window of changes into the local store (resuming an interrupted pull first).

    `progress(stage, done, total)` is called after each committed page; an exception raised
    from it stops the pull, which the next call resumes. `should_stop()` is asked after each
    committed page too: True ends the pull there with a report marked `stopped`.
    """
    tally = _Tally()
    with local_engine.connect() as local:
        saved = _read_state(local, STATE_PROGRESS)
        cursor = _read_state(local, STATE_CURSOR)
        low = cursor_of(local)
        deferred = json.loads(_read_state(local, STATE_DEFERRED) or "[]")
        first_load = low == 0 and local.execute(select(_outbox.c.id).limit(1)).first() is None
    resumed = saved is not None
    # A first load makes hundreds of thousands of tuples: no cycle collection walks them.
    with (
        bulk_work.cycle_collector_paused(),
        _central_snapshot(central_engine) as central,
        _local_writes(local_engine, first_load=first_load) as local,
    ):
        if saved is not None:
            window = _Window.load(saved)
        else:
            window = _cut_window(central_engine, central, cursor)
            if window.high > window.low and (window.since is None or window.since != window.upto):
                window.granted, window.revoked = _access_changes(central, viewer, window)
                window.counts = _count_window(central, viewer, window)
                window.total = sum(window.counts)
            else:
                window.stage = "finish"
            with local.begin():
                if first_load and window.stage == "tables":
                    window.deferred_indexes = _deferrable_indexes(local, window)
                    _drop_indexes(local, window.deferred_indexes)
                _write_state(local, STATE_PROGRESS, window.dump())
        try:
            if window.stage == "tables":
                try:
                    _pull_tables(
                        central, local, viewer, window, page_size, tally, progress, should_stop
                    )
                finally:
                    _build_deferred_indexes(local, window)
            if window.stage == "grants":
                _pull_granted_cases(central, local, viewer, window, tally, progress, should_stop)
        except _Stopped:
            logger.info("pull: stopped on request after %d rows", window.done)
            return _report(window, tally, (), (), resumed, stopped=True)
        if window.stage == "tombstones":
            with local.begin():
                _apply_tombstones(central, local, viewer, window, tally)
                window.stage = "finish"
                _write_state(local, STATE_PROGRESS, window.dump())
        with local.begin():
            removed, kept = _apply_revocations(local, window, deferred, tally)
            _write_state(local, STATE_CURSOR, window.upto or str(max(window.high, window.low)))
            _write_state(local, STATE_DEFERRED, json.dumps(kept) if kept else None)
            _write_state(local, STATE_PROGRESS, None)
    if progress is not None:
        progress("done", window.done, max(window.total, window.done))
    return _report(window, tally, removed, kept, resumed)


def _report(
    window: _Window,
    tally: _Tally,
    removed: Sequence[str],
    kept: Sequence[str],
    resumed: bool,
    *,
    stopped: bool = False,
) -> PullReport:
    return PullReport(
        window=(window.low, window.high),
        rows=tally.rows,
        deleted=tally.deleted,
        granted_cases=len(window.granted),
        removed_cases=tuple(uuid.UUID(case_id) for case_id in removed),
        deferred_cases=tuple(uuid.UUID(case_id) for case_id in kept),
        touched_case_ids=frozenset(
            tally.touched | {uuid.UUID(case_id) for case_id in tally.touched_stored}
        ),
        pages=tally.pages,
        resumed=resumed,
        stopped=stopped,
    )


def _pull_tables(
    central: Connection,
    local: Connection,
    viewer: Viewer,
    window: _Window,
    page_size: int,
    tally: _Tally,
    progress: Progress | None,
    should_stop: ShouldStop | None,
) -> None:
    """The window's rows of every table from the saved one on, each table read by one streaming
    query (a server-side cursor on PostgreSQL) in key order, each page committed locally with the
    table and key it reached: a resumed pull starts after that key.

    The queries are made here, before any row is read, from the progress as committed; a table
    with no rows in the window is not read at all.
    """
    queries = [
        (position, _table_query(central, viewer, window, position))
        for position in range(window.table, len(_TABLES))
        if not window.counts or window.counts[position]
    ]
    id_ats = [list(table.columns).index(table.c.id) for table in _TABLES]
    # Closed on the way out, however the loop ends: the reader is done with `central` then.
    with contextlib.closing(_pages_ahead(central, queries, page_size)) as stream:
        for position, page in stream:
            if page is _END_OF_TABLE:
                if window.table <= position:  # its last page was full (or there was none)
                    window.table = position
                    with local.begin():
                        _next_table(window)
                        _write_state(local, STATE_PROGRESS, window.dump())
                continue
            if window.table != position:  # tables before it had no rows in the window
                window.table, window.after = position, None
            tally.pages += 1
            with local.begin():
                _upsert(local, _TABLES[position], page, tally)
                window.done += len(page)
                if len(page) < page_size:
                    _next_table(window)
                else:
                    window.after = str(uuid.UUID(page[-1][id_ats[position]]))
                _write_state(local, STATE_PROGRESS, window.dump())
            if progress is not None:
                progress("rows", window.done, max(window.total, window.done))
            if should_stop is not None and window.table < len(_TABLES) and should_stop():
                raise _Stopped
    window.table, window.after = len(_TABLES), None
    window.stage = "grants"


def _table_query(
    central: Connection, viewer: Viewer, window: _Window, position: int
) -> Select[Any]:
    """The window's rows of table `position` in key order (after the saved key, if it is the
    table a resumed pull stopped in)."""
    table = _TABLES[position]
    in_window = _in_window(table, window)
    if position == window.table and window.after is not None:
        in_window = in_window & (table.c.id > uuid.UUID(window.after))
    if central.dialect.name != "postgresql":
        query = _stored_query(table, central).where(in_window).order_by(table.c.id)
        return _filtered(query, table, viewer, central)
    # The rows are sorted as they are stored and turned into their stored form after: PostgreSQL
    # computes a query's columns before its sort, so sorting the stored form sorted rows four
    # times as wide (spilling to disk), and the first page waited for all of it (a first sync's
    # 50,000 contacts: 190 ms -> 60 ms before the first row). A subquery with ORDER BY is not
    # merged into its query, and the outer ORDER BY is met by its order without a second sort.
    rows = select(table).where(in_window).order_by(table.c.id).subquery(table.name)
    return select(*codec.stored_columns(rows, "postgresql")).order_by(rows.c.id)


_END_OF_PAGES = object()
_END_OF_TABLE: Any = object()


def _pages_ahead(
    central: Connection, queries: Sequence[tuple[int, Select[Any]]], page_size: int
) -> Iterator[tuple[int, Any]]:
    """The pages of `queries`, table after table, read on a thread while the caller writes.

    Yields `(position, page)` and, after each table's pages, `(position, _END_OF_TABLE)`.
    Reading waits on the central database and writing on SQLite; both let go of the GIL, so a
    first sync takes about the longer of the two rather than their sum. The thread reads up to
    `_PAGES_READ_AHEAD` pages ahead, so it starts the next table's query while the caller
    writes the current table's last pages, and no table waits for its first page. Only the
    thread touches `central` until the caller's loop ends (however it ends); it stops at the
    next page then and closes its cursor. The pages are plain tuples, made on the thread too:
    SQLite binds them fastest.
    """
    pages: queue.Queue[Any] = queue.Queue(maxsize=_PAGES_READ_AHEAD)
    stop = threading.Event()

    def offer(item: Any) -> bool:
        while not stop.is_set():
            try:
                pages.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for position, query in queries:
                with contextlib.closing(_stream(central, query, page_size)) as table_pages:
                    for page in table_pages:
                        if not offer((position, page)):
                            return
                if not offer((position, _END_OF_TABLE)):
                    return
            offer(_END_OF_PAGES)
        except BaseException as exc:  # handed to the caller, raised there
            offer(exc)

    reader = threading.Thread(target=read, name="pull-reader", daemon=True)
    reader.start()
    try:
        while True:
            item = pages.get()
            if item is _END_OF_PAGES:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        reader.join()


def _stream(central: Connection, query: Select[Any], page_size: int) -> Iterator[list[Any]]:
    """The rows of `query` as lists of plain tuples, `page_size` at a time.

    On PostgreSQL the query runs in a server-side cursor of the pull's own DBAPI connection (in
    its snapshot transaction), read with `fetchmany`: psycopg makes the tuples itself. Going
    through SQLAlchemy's result rows cost the reader thread more than twice the CPU for a first
    sync (0.6 s against 0.25 s for 120,000 rows), time it held the GIL the writing thread
    waited for. The stored columns are typed NullType, so SQLAlchemy had nothing to convert;
    the parameters (stamps, a key, format strings) are ones psycopg binds as they are.
    """
    if central.dialect.name != "postgresql":
        streamed = central.execute(query.execution_options(yield_per=page_size))
        with contextlib.closing(streamed) as rows:
            for page in rows.partitions(page_size):
                yield [tuple(row) for row in page]
        return
    compiled = query.compile(dialect=central.dialect)
    dbapi_connection: Any = central.connection.dbapi_connection
    with dbapi_connection.cursor(name=f"fc_pull_{uuid.uuid4().hex}") as cursor:
        cursor.execute(str(compiled), compiled.params)
        while page := cursor.fetchmany(page_size):
            yield page
            if len(page) < page_size:
                return


def _secondary_indexes(table: Table) -> list[Index]:
    """`table`'s plain indexes (unique ones and keys stay: they guard the rows while they come)."""
    return [index for index in table.indexes if not index.unique]


def _deferrable_indexes(local: Connection, window: _Window) -> list[str]:
    """The secondary indexes of the tables a first load fills from empty.

    Building an index once over 50,000 rows is quicker than keeping it sorted through 50,000
    inserts in random key order; a table that holds rows already keeps its indexes.
    """
    names: list[str] = []
    for position, table in enumerate(_TABLES):
        if window.counts and not window.counts[position]:
            continue
        if local.execute(select(table.c.id).limit(1)).first() is not None:
            continue
        names.extend(str(index.name) for index in _secondary_indexes(table))
    return names


def _index_named(name: str) -> Index:
    for table in _TABLES:
        for index in _secondary_indexes(table):
            if str(index.name) == name:
                return index
    raise LookupError(f"no secondary index named {name!r} in the synced tables")


def _drop_indexes(local: Connection, names: Sequence[str]) -> None:
    for name in names:
        local.exec_driver_sql(f'DROP INDEX IF EXISTS "{name}"')


def _build_deferred_indexes(local: Connection, window: _Window) -> None:
    """Build the indexes a first load dropped, and note it in the saved progress.

    Runs when the tables stage ends in any way the process survives (done, stopped, failed);
    a pull killed before it leaves them noted, and its resumption builds them at its end. Only
    the note is changed in the saved progress: the window in memory may be ahead of what was
    committed when a page's transaction failed.
    """
    if not window.deferred_indexes:
        return
    if local.in_transaction():
        local.rollback()
    with local.begin():
        for name in window.deferred_indexes:
            _index_named(name).create(local, checkfirst=True)
        saved = _read_state(local, STATE_PROGRESS)
        if saved is not None:
            progress = json.loads(saved)
            progress["deferred_indexes"] = []
            _write_state(local, STATE_PROGRESS, json.dumps(progress))
    window.deferred_indexes = []


def _next_table(window: _Window) -> None:
    window.table += 1
    window.after = None
    if window.table == len(_TABLES):
        window.stage = "grants"


def _pull_granted_cases(
    central: Connection,
    local: Connection,
    viewer: Viewer,
    window: _Window,
    tally: _Tally,
    progress: Progress | None,
    should_stop: ShouldStop | None,
) -> None:
    """Copy every row of the cases given to the viewer: their rows may predate the window."""
    while window.grant_index < len(window.granted):
        chunk = [
            uuid.UUID(case_id)
            for case_id in window.granted[
                window.grant_index : window.grant_index + _CASES_PER_QUERY
            ]
        ]
        tally.pages += 1
        with local.begin():
            for table in _TABLES:
                belonging = _case_rows(table, chunk)
                if belonging is None:
                    continue
                query = _stored_query(table, central).where(belonging)
                rows = central.execute(_filtered(query, table, viewer, central))
                _upsert(local, table, [tuple(row) for row in rows], tally)
            window.grant_index += len(chunk)
            if window.grant_index >= len(window.granted):
                window.stage = "tombstones"
            _write_state(local, STATE_PROGRESS, window.dump())
        if progress is not None:
            progress("cases", window.grant_index, len(window.granted))
        if should_stop is not None and window.grant_index < len(window.granted) and should_stop():
            raise _Stopped
    window.stage = "tombstones"


def _apply_tombstones(
    central: Connection, local: Connection, viewer: Viewer, window: _Window, tally: _Tally
) -> None:
    query = select(_tombstones).where(_in_window(_tombstones, window))
    subject = _tombstone_subject(viewer)
    if subject is not None:
        query = query.where(subject)
    for tombstone in central.execute(query.order_by(_tombstones.c.sync_revision)):
        table = codec.SYNCED_TABLES.get(tombstone.table_name)
        if table is None or tombstone.row_id in _pending_rows(local):
            continue
        if table.name == "loan_case":
            if not _has_pending(local, tombstone.row_id):
                remove_case(local, tombstone.row_id)
                tally.deleted += 1
            continue
        deleted = local.execute(table.delete().where(table.c.id == tombstone.row_id)).rowcount
        tally.deleted += deleted
        if tombstone.case_id is not None and deleted:
            tally.touched.add(tombstone.case_id)


def _apply_revocations(
    local: Connection, window: _Window, deferred: list[str], tally: _Tally
) -> tuple[list[str], list[str]]:
    """Remove the cases no longer visible whose outbox is empty; keep (defer) the others."""
    granted = set(window.granted)
    waiting = [case_id for case_id in deferred if case_id not in granted]
    waiting += [case_id for case_id in window.revoked if case_id not in waiting]
    removed: list[str] = []
    kept: list[str] = []
    for case_id in waiting:
        case_uuid = uuid.UUID(case_id)
        if _has_pending(local, case_uuid):
            kept.append(case_id)
            continue
        remove_case(local, case_uuid)
        tally.touched.discard(case_uuid)
        tally.touched_stored.discard(case_uuid.hex)
        removed.append(case_id)
    if removed:
        logger.info("pull: %d cases no longer visible were removed locally", len(removed))
    return removed, kept
