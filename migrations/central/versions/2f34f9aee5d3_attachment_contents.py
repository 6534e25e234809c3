"""attachment contents: the files of attachments, kept centrally under their SHA-256

`attachment_content` holds the bytes of every attachment file a client pushed, named by their
SHA-256, so that other laptops can fetch them after the rows. On PostgreSQL a CHECK verifies the
hash and the size on arrival (`sha256()` needs PostgreSQL 11); the embedded SQLite central has no
hash function and relies on the push checking it. A stored content never changes: UPDATE and
DELETE are refused by trigger for everybody (Row-Level Security and grants are added by
`fieldcollect admin init-central`).

Revision ID: 2f34f9aee5d3
Revises: b82eec832ac0
Create Date: 2026-11-23 13:20:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.store.column_types

revision: str = "2f34f9aee5d3"
down_revision: str | None = "b82eec832ac0"
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
    if op.get_bind().dialect.name == "postgresql":
        # Verified on arrival: bytes that do not hash to their name are never stored.
        op.execute(
            "ALTER TABLE attachment_content ADD CONSTRAINT ck_attachment_content_content_sha256"
            " CHECK (encode(sha256(content), 'hex') = sha256)"
        )
        op.execute(
            "ALTER TABLE attachment_content ADD CONSTRAINT ck_attachment_content_content_size"
            " CHECK (octet_length(content) = size_bytes)"
        )
        op.execute(
            """
            CREATE OR REPLACE FUNCTION fc_sync.refuse_content_change() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'attachment_content is write-once: % refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """
        )
        op.execute(
            "CREATE TRIGGER attachment_content_write_once BEFORE UPDATE OR DELETE"
            " ON attachment_content FOR EACH ROW EXECUTE FUNCTION fc_sync.refuse_content_change()"
        )
        op.execute(
            "CREATE TRIGGER attachment_content_no_truncate BEFORE TRUNCATE ON attachment_content"
            " FOR EACH STATEMENT EXECUTE FUNCTION fc_sync.refuse_content_change()"
        )
    else:
        op.execute(
            "CREATE TRIGGER fc_content_no_update BEFORE UPDATE ON attachment_content"
            " BEGIN SELECT RAISE(ABORT, 'attachment_content is write-once: UPDATE refused'); END"
        )
        op.execute(
            "CREATE TRIGGER fc_content_no_delete BEFORE DELETE ON attachment_content"
            " BEGIN SELECT RAISE(ABORT, 'attachment_content is write-once: DELETE refused'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS attachment_content_write_once ON attachment_content")
        op.execute("DROP TRIGGER IF EXISTS attachment_content_no_truncate ON attachment_content")
        op.execute("DROP FUNCTION IF EXISTS fc_sync.refuse_content_change()")
    else:
        op.execute("DROP TRIGGER IF EXISTS fc_content_no_update")
        op.execute("DROP TRIGGER IF EXISTS fc_content_no_delete")
    with op.batch_alter_table("attachment_content", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_content_uploaded_by"))
    op.drop_table("attachment_content")
