"""Alembic environment of the central database (PostgreSQL, or SQLite for the embedded central).

The central schema is the shared one without the local-only bookkeeping tables. Run through
`app.store.schema_upgrade`, which hands over an open connection; no alembic.ini.
"""

from __future__ import annotations

from typing import Any

from alembic import context

from app.store.local_models import LOCAL_ONLY_TABLES
from app.store.models import Base

config = context.config
connection = config.attributes["connection"]


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    if type_ == "table":
        return name not in LOCAL_ONLY_TABLES
    table = getattr(obj, "table", None)
    return table is None or table.name not in LOCAL_ONLY_TABLES


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
