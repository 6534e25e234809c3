"""case access per statement: new cases' access events written once per statement, not per row

`case_access_event` says which collector and team were given a case (and, on reassignment,
whose it stopped being). Until now a PL/pgSQL trigger ran for every inserted case and wrote its
one or two events with a statement each: importing 100,000 cases spent ~7 s of server time in it,
more than the inserts themselves. From this revision, on PostgreSQL:

- INSERT: one statement-level trigger reads the inserted cases from a transition table and
  writes all their "granted" events with a single INSERT … SELECT (COPY fires it too).
- UPDATE: the row trigger stays (a transition table cannot be limited to columns), but with a
  WHEN clause, so it runs only for rows whose collector or team really changed; an UPDATE that
  sets `assigned_to_id` to the value it had (the import rewrites every column it updates) costs
  nothing.
- The stamping functions (`fc_sync.stamp_row`, and `stamp_row_except` for loan_case: every
  synced row on every write) lose their `SET search_path` clause, which made PostgreSQL save
  and restore the setting at every call; they name everything with its schema instead, so a
  caller's search_path still cannot change what they call.

Also `fc_sync.analyze_cases()`, with which an import under row-level security brings the
planner's statistics of loan_case up to date once it has written its cases (see below).

The events are the same rows as before; only their order across cases differs, which nothing
reads (the pull asks which cases an event names, then looks at the cases themselves).
SQLite (the embedded central) keeps its row triggers: they are cheap there.

Revision ID: 7c41d2e9a0b5
Revises: e2f1719bf432
Create Date: 2026-11-23 15:50:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "7c41d2e9a0b5"
down_revision: str | None = "e2f1719bf432"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_XID = "pg_catalog.pg_current_xact_id()::pg_catalog.text::pg_catalog.int8"
_REVISION = "pg_catalog.nextval('fc_sync.revision_seq')"
_CHANGED = (
    "OLD.assigned_to_id IS DISTINCT FROM NEW.assigned_to_id"
    " OR OLD.team_id IS DISTINCT FROM NEW.team_id"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION fc_sync.stamp_row() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            NEW.sync_xid := {_XID};
            NEW.sync_revision := {_REVISION};
            IF TG_OP = 'UPDATE' THEN
                NEW.row_version := OLD.row_version + 1;
            END IF;
            RETURN NEW;
        END
        $$
        """
    )
    op.execute(
        _stamp_row_except(header="", xid=_XID, revision=_REVISION, minus="OPERATOR(pg_catalog.-)")
    )
    # SECURITY DEFINER like the row trigger: the writer may not write the access stream itself.
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION fc_sync.record_case_access_inserted() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        BEGIN
            INSERT INTO public.case_access_event
                (case_id, user_id, team_id, kind, at, sync_revision, sync_xid)
            SELECT id, assigned_to_id, NULL, 'granted', now(), {_REVISION}, {_XID}
            FROM inserted_cases WHERE assigned_to_id IS NOT NULL
            UNION ALL
            SELECT id, NULL, team_id, 'granted', now(), {_REVISION}, {_XID}
            FROM inserted_cases WHERE team_id IS NOT NULL;
            RETURN NULL;
        END
        $$
        """
    )
    # A bulk write under row-level security (a lead importing as himself) checks each new phone
    # or address against the cases he may see; with statistics from before the import, when the
    # table was small, PostgreSQL probes the cases row by row through the wrong index (20,000
    # phones: 10 s instead of 0.1 s). The import brings the statistics up to date once its cases
    # are written (ANALYZE counts the transaction's own new rows). Owned by the table's owner,
    # which ANALYZE needs; it analyzes that one table and nothing else.
    op.execute(
        """
        CREATE OR REPLACE FUNCTION fc_sync.analyze_cases() RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        BEGIN
            ANALYZE public.loan_case;
        END
        $$
        """
    )
    op.execute("REVOKE ALL ON FUNCTION fc_sync.analyze_cases() FROM PUBLIC")
    op.execute("DROP TRIGGER IF EXISTS loan_case_access ON loan_case")
    op.execute(
        "CREATE TRIGGER loan_case_access_insert AFTER INSERT ON loan_case"
        " REFERENCING NEW TABLE AS inserted_cases"
        " FOR EACH STATEMENT EXECUTE FUNCTION fc_sync.record_case_access_inserted()"
    )
    op.execute(
        "CREATE TRIGGER loan_case_access AFTER UPDATE OF assigned_to_id, team_id ON loan_case"
        f" FOR EACH ROW WHEN ({_CHANGED}) EXECUTE FUNCTION fc_sync.record_case_access()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS loan_case_access_insert ON loan_case")
    op.execute("DROP TRIGGER IF EXISTS loan_case_access ON loan_case")
    op.execute("DROP FUNCTION IF EXISTS fc_sync.record_case_access_inserted()")
    op.execute("DROP FUNCTION IF EXISTS fc_sync.analyze_cases()")
    op.execute(
        "CREATE TRIGGER loan_case_access AFTER INSERT OR UPDATE OF assigned_to_id, team_id"
        " ON loan_case FOR EACH ROW EXECUTE FUNCTION fc_sync.record_case_access()"
    )
    op.execute(
        """
        CREATE OR REPLACE FUNCTION fc_sync.stamp_row() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
        BEGIN
            NEW.sync_xid := pg_current_xact_id()::text::bigint;
            NEW.sync_revision := nextval('fc_sync.revision_seq');
            IF TG_OP = 'UPDATE' THEN
                NEW.row_version := OLD.row_version + 1;
            END IF;
            RETURN NEW;
        END
        $$
        """
    )
    op.execute(
        _stamp_row_except(
            header="SET search_path = pg_catalog, public",
            xid="pg_current_xact_id()::text::bigint",
            revision="nextval('fc_sync.revision_seq')",
            minus="-",
        )
    )


def _stamp_row_except(*, header: str, xid: str, revision: str, minus: str) -> str:
    """`fc_sync.stamp_row_except` as revision cb9b0260035f made it, calling what it is given.

    TG_ARGV names the columns that do not count as an edit (the stamps and derived ones).
    """
    return f"""
        CREATE OR REPLACE FUNCTION fc_sync.stamp_row_except() RETURNS trigger
        LANGUAGE plpgsql {header} AS $$
        BEGIN
            NEW.sync_xid := {xid};
            NEW.sync_revision := {revision};
            IF TG_OP = 'UPDATE' THEN
                IF (pg_catalog.to_jsonb(NEW) {minus} TG_ARGV)
                        IS DISTINCT FROM (pg_catalog.to_jsonb(OLD) {minus} TG_ARGV) THEN
                    NEW.row_version := OLD.row_version + 1;
                ELSE
                    NEW.row_version := OLD.row_version;
                END IF;
            END IF;
            RETURN NEW;
        END
        $$
        """
