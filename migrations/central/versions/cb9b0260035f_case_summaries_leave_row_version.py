"""case summaries leave row_version: derived columns of loan_case no longer count as an edit

A case's list summaries (last payment, last contact, next action, open promise, risk) are
derived data each side recomputes from its facts; the central database recomputes them too,
after a payment import. Until now every UPDATE of loan_case raised its `row_version`, so a
collector who edited the case offline (signed a plan: status and active plan) found his base
version stale after such a refresh and his edit was set aside as a conflict although nobody
had touched what he changed. From this revision an UPDATE that changes only those derived
columns still stamps the row (the pull brings the new values) but keeps its `row_version`; any
other change raises it as before.

PostgreSQL compares the whole row as jsonb minus the derived columns, so a column added to
loan_case later counts as an edit without touching this trigger. SQLite has no row-to-json:
its trigger compares the columns loan_case has when this revision runs, listed here by
reflection; a later revision that adds a column to loan_case must create the trigger again
(tests/app/sync/test_derived_columns.py fails until it does).

Revision ID: cb9b0260035f
Revises: 2f34f9aee5d3
Create Date: 2026-11-23 13:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "cb9b0260035f"
down_revision: str | None = "2f34f9aee5d3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The columns app.services.case_summary recomputes, as this revision knows them ("status" is
# not among them: people set it too).
DERIVED_CASE_COLUMNS = (
    "risk_score",
    "risk_tier",
    "last_payment_at",
    "last_contact_at",
    "last_contact_outcome",
    "next_action_date",
    "promised_date",
    "promised_amount",
)
# Set by the stamping itself, never an edit.
_STAMPS = ("row_version", "sync_revision", "sync_xid")

_PG_XID = "pg_current_xact_id()::text::bigint"
_PG_REVISION = "nextval('fc_sync.revision_seq')"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _install_postgresql()
    else:
        _install_sqlite()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS loan_case_stamp ON loan_case")
        op.execute(
            "CREATE TRIGGER loan_case_stamp BEFORE INSERT OR UPDATE ON loan_case"
            " FOR EACH ROW EXECUTE FUNCTION fc_sync.stamp_row()"
        )
        op.execute("DROP FUNCTION IF EXISTS fc_sync.stamp_row_except()")
    else:
        op.execute("DROP TRIGGER IF EXISTS fc_update_loan_case")
        op.execute(
            "CREATE TRIGGER fc_update_loan_case AFTER UPDATE ON loan_case"
            " WHEN NEW.sync_xid IS OLD.sync_xid BEGIN"
            " UPDATE loan_case SET sync_xid = NULL, sync_revision = NULL,"
            " row_version = OLD.row_version + 1 WHERE rowid = NEW.rowid; END"
        )


def _install_postgresql() -> None:
    # TG_ARGV names the columns that do not count as an edit (the stamps and derived ones).
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION fc_sync.stamp_row_except() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
        BEGIN
            NEW.sync_xid := {_PG_XID};
            NEW.sync_revision := {_PG_REVISION};
            IF TG_OP = 'UPDATE' THEN
                IF (to_jsonb(NEW) - TG_ARGV) IS DISTINCT FROM (to_jsonb(OLD) - TG_ARGV) THEN
                    NEW.row_version := OLD.row_version + 1;
                ELSE
                    NEW.row_version := OLD.row_version;
                END IF;
            END IF;
            RETURN NEW;
        END
        $$
        """
    )
    ignored = ", ".join(f"'{name}'" for name in (*_STAMPS, *DERIVED_CASE_COLUMNS))
    op.execute("DROP TRIGGER IF EXISTS loan_case_stamp ON loan_case")
    op.execute(
        "CREATE TRIGGER loan_case_stamp BEFORE INSERT OR UPDATE ON loan_case"
        f" FOR EACH ROW EXECUTE FUNCTION fc_sync.stamp_row_except({ignored})"
    )


def _install_sqlite() -> None:
    columns = [column["name"] for column in sa.inspect(op.get_bind()).get_columns("loan_case")]
    compared = [name for name in columns if name not in (*_STAMPS, *DERIVED_CASE_COLUMNS)]
    edited = " OR ".join(f"NEW.{name} IS NOT OLD.{name}" for name in compared)
    op.execute("DROP TRIGGER IF EXISTS fc_update_loan_case")
    op.execute(
        "CREATE TRIGGER fc_update_loan_case AFTER UPDATE ON loan_case"
        " WHEN NEW.sync_xid IS OLD.sync_xid BEGIN"
        " UPDATE loan_case SET sync_xid = NULL, sync_revision = NULL,"
        f" row_version = OLD.row_version + (CASE WHEN {edited} THEN 1 ELSE 0 END)"
        " WHERE rowid = NEW.rowid; END"
    )
