"""Alembic environment of a collector's local store (SQLite, batch mode for ALTER TABLE).

Run through `app.store.schema_upgrade`, which hands over an open connection; no alembic.ini.
"""

from __future__ import annotations

from alembic import context

import app.store.local_models  # noqa: F401 - registers the local-only tables on Base.metadata
from app.store.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    # Only used when generating revisions: lets a revision cover a subset of the tables.
    include_object=config.attributes.get("include_object"),
)
with context.begin_transaction():
    context.run_migrations()
