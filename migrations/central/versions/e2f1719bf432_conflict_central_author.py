"""conflict central author: who pushed the central version a conflicting edit collided with

`sync_conflict` gains `central_changed_by` and `central_changed_at`: the author and arrival time
of the applied push that wrote the central row_version the edit met, or NULL when that version
did not come through a push (an import or an administrator). Both nullable: conflicts recorded
before this revision keep NULL.

Revision ID: e2f1719bf432
Revises: cb9b0260035f
Create Date: 2026-11-23 14:50:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.store.column_types

revision: str = "e2f1719bf432"
down_revision: str | None = "cb9b0260035f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.add_column(sa.Column("central_changed_by", sa.String(length=63), nullable=True))
        batch_op.add_column(
            sa.Column(
                "central_changed_at",
                app.store.column_types.UtcDateTime(timezone=True),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_column("central_changed_at")
        batch_op.drop_column("central_changed_by")
