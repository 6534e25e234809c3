"""Bring a local store or a central database to the schema this version of FieldCollect knows.

Runs Alembic programmatically (no alembic.ini) on the environments in `migrations/`. A local
store is copied aside before it is upgraded, and a store newer than this version is refused.
"""

from __future__ import annotations

import enum
import logging
import shutil
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

import app.store.local_models as local_models
from app import errors
from app.store.models import Base

logger = logging.getLogger(__name__)


class SchemaKind(enum.StrEnum):
    LOCAL = "local"
    CENTRAL = "central"


def _script_location(kind: SchemaKind) -> str:
    return str(resources.files("migrations").joinpath(kind.value))


def _config(kind: SchemaKind, connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", _script_location(kind))
    config.attributes["connection"] = connection
    return config


def head_revision(kind: SchemaKind) -> str:
    """The newest schema revision this version of FieldCollect can write."""
    head = ScriptDirectory.from_config(_config(kind)).get_current_head()
    assert head is not None, f"migrations/{kind} has no revision"
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at, or None when it has never been migrated."""
    return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(kind: SchemaKind, revision: str | None, where: str) -> None:
    """Refuse a database at a revision this version does not know (a newer version wrote it)."""
    if revision is None:
        return
    known = {
        script.revision for script in ScriptDirectory.from_config(_config(kind)).walk_revisions()
    }
    if revision not in known:
        raise errors.StoreTooNewError(
            f"{where} was written by a newer version of FieldCollect (schema {revision}); "
            "install the newest version to open it. Nothing was changed."
        )


def upgrade(engine: Engine, kind: SchemaKind, *, store_file: Path | None = None) -> bool:
    """Upgrade the database to head; returns True when anything was migrated.

    With `store_file` (a SQLite store that already holds data) the file is first copied to
    `<name>.before-<revision>.bak` beside it, so a failed upgrade never loses the offline work.
    """
    where = str(store_file) if store_file else engine.url.render_as_string(hide_password=True)
    with engine.connect() as connection:
        revision = current_revision(connection)
    check_not_newer(kind, revision, where)
    head = head_revision(kind)
    if revision == head:
        return False
    if store_file is not None and revision is not None and store_file.exists():
        backup = store_file.with_name(f"{store_file.name}.before-{head}.bak")
        shutil.copy2(store_file, backup)
        logger.info("copied the store aside before upgrading it: %s", backup.name)
    with engine.begin() as connection:
        command.upgrade(_config(kind, connection), "head")
    logger.info("upgraded the %s schema from %s to %s", kind, revision, head)
    return True


def schema_drift(engine: Engine, kind: SchemaKind) -> list[object]:
    """Differences between the models and a migrated database (empty when they agree)."""
    excluded = local_models.LOCAL_ONLY_TABLES if kind is SchemaKind.CENTRAL else frozenset()

    def include_object(
        obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
    ) -> bool:
        table_name = (
            name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        )
        return table_name not in excluded and table_name != "alembic_version"

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        return list(compare_metadata(context, Base.metadata))
