"""attachment content bookkeeping: the central table of attachment files, empty in a local store

The central database keeps the bytes of attachment files in `attachment_content`; a local store
has the table too (one shared schema, like the other central bookkeeping) and leaves it empty:
its files are in the workspace's attachments folder.

Revision ID: 659421f57ac4
Revises: f644fa25efab
Create Date: 2026-11-23 13:20:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.store.column_types

revision: str = "659421f57ac4"
down_revision: str | None = "f644fa25efab"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment_content",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("uploaded_by", sa.String(length=63), nullable=False),
        sa.Column("uploaded_at", app.store.column_types.UtcDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("size_bytes >= 0", name=op.f("ck_attachment_content_size_bytes")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_content")),
    )
    with op.batch_alter_table("attachment_content", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachment_content_uploaded_by"), ["uploaded_by"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("attachment_content", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_content_uploaded_by"))
    op.drop_table("attachment_content")
