"""The shared schema on SQLite: exact round trips, money and time rules, constraints, migrations."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from app import errors
from app.services.workspace import Workspace
from app.store import engines, models, schema_upgrade
from app.store.local_models import LOCAL_ONLY_TABLES
from tests.app.store import sample_rows, schema_checks

LOCAL = schema_upgrade.SchemaKind.LOCAL
CENTRAL = schema_upgrade.SchemaKind.CENTRAL


@pytest.fixture
def local_engine(tmp_path: Path) -> Engine:
    engine = engines.sqlite_engine(tmp_path / "local.db")
    schema_upgrade.upgrade(engine, LOCAL)
    yield engine
    engine.dispose()


def test_every_table_round_trips_exactly_on_a_local_store(local_engine: Engine) -> None:
    schema_checks.assert_every_table_round_trips(local_engine)


def test_money_comes_back_as_exact_decimal_cents(local_engine: Engine) -> None:
    rows = sample_rows.every_table_once()
    with Session(local_engine) as session, session.begin():
        session.add_all(rows)
    with Session(local_engine) as session:
        total = session.scalar(select(models.LoanCase.principal + models.LoanCase.penalty))
        case = session.scalars(select(models.LoanCase)).one()
    assert case.principal == Decimal("123456789012.34")
    assert isinstance(case.interest, Decimal) and case.interest == Decimal("0.01")
    assert total == Decimal("123456789112.33")


def test_a_float_is_never_accepted_as_money(local_engine: Engine) -> None:
    rows = sample_rows.every_table_once()
    payment = next(row for row in rows if isinstance(row, models.Payment))
    payment.amount = 0.1  # type: ignore[assignment]
    with Session(local_engine) as session, pytest.raises(StatementError, match="not a float"):
        session.add_all(rows)
        session.flush()


def test_a_naive_timestamp_is_refused_and_aware_ones_come_back_in_utc(local_engine: Engine) -> None:
    rows = sample_rows.every_table_once()
    contact = next(row for row in rows if isinstance(row, models.Contact))
    shanghai = dt.timezone(dt.timedelta(hours=8))
    contact.contacted_at = dt.datetime(2026, 11, 20, 22, 30, tzinfo=shanghai)
    contact_id = contact.id
    with Session(local_engine) as session, session.begin():
        session.add_all(rows)
    with Session(local_engine) as session:
        stored = session.get_one(models.Contact, contact_id).contacted_at
    assert stored == dt.datetime(2026, 11, 20, 14, 30, tzinfo=dt.UTC)
    assert stored.utcoffset() == dt.timedelta(0)
    team = models.Team(name="naive", updated_at=dt.datetime(2026, 1, 1))  # noqa: DTZ001 - the point
    with Session(local_engine) as session, pytest.raises(StatementError, match="timezone-aware"):
        session.add(team)
        session.flush()


@pytest.mark.parametrize(
    ("model", "column", "value"),
    [
        (models.LoanCase, "principal", Decimal("-0.01")),
        (models.LoanCase, "status", "lost"),
        (models.LoanCase, "risk_tier", "E"),
        (models.Payment, "amount", Decimal("0")),
        (models.Contact, "channel", "carrier_pigeon"),
        (models.AppUser, "role", "superuser"),
    ],
)
def test_check_constraints_refuse_impossible_values(
    local_engine: Engine, model: type, column: str, value: object
) -> None:
    rows = sample_rows.every_table_once()
    target = next(row for row in rows if isinstance(row, model))
    setattr(target, column, value)
    with Session(local_engine) as session, pytest.raises(IntegrityError, match="CHECK"):
        session.add_all(rows)
        session.flush()


def test_the_case_list_filters_have_indexes(local_engine: Engine) -> None:
    indexed = {
        tuple(index["column_names"]) for index in inspect(local_engine).get_indexes("loan_case")
    }
    for columns in [("status",), ("risk_tier",), ("due_date",), ("assigned_to_id", "status")]:
        assert columns in indexed


def test_the_local_migrations_match_the_models(local_engine: Engine) -> None:
    assert schema_upgrade.schema_drift(local_engine, LOCAL) == []
    tables = set(inspect(local_engine).get_table_names())
    assert tables >= LOCAL_ONLY_TABLES


def test_the_central_migrations_on_sqlite_match_the_models_without_local_tables(
    tmp_path: Path,
) -> None:
    engine = engines.sqlite_engine(tmp_path / "central.db")
    assert schema_upgrade.upgrade(engine, CENTRAL) is True
    assert schema_upgrade.upgrade(engine, CENTRAL) is False  # a second run is harmless
    assert schema_upgrade.schema_drift(engine, CENTRAL) == []
    tables = set(inspect(engine).get_table_names())
    assert not tables & LOCAL_ONLY_TABLES
    assert {model.__tablename__ for model in models.SYNCED_TABLES} <= tables
    schema_checks.assert_every_table_round_trips(engine)
    engine.dispose()


def test_a_drifted_model_is_detected(local_engine: Engine) -> None:
    with local_engine.begin() as connection:
        connection.execute(text("ALTER TABLE team ADD COLUMN colour VARCHAR(10)"))
    assert schema_upgrade.schema_drift(local_engine, LOCAL) != []


def test_opening_an_old_store_upgrades_it_after_copying_it_aside(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    store = folder / "local.db"
    engine = engines.sqlite_engine(store)
    first = _first_revision(LOCAL)
    with engine.begin() as connection:
        command.upgrade(schema_upgrade._config(LOCAL, connection), first)
    team_id = uuid.uuid4()
    with Session(engine) as session, session.begin():
        session.add(models.Team(id=team_id, name="offline work"))
    engine.dispose()

    with Workspace.open(folder) as workspace, workspace.session() as session:
        assert session.get(models.Team, team_id) is not None
        with workspace.engine.connect() as connection:
            revision = schema_upgrade.current_revision(connection)
        assert revision == schema_upgrade.head_revision(LOCAL)
    backups = list(folder.glob("local.db.before-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (first,)
        assert connection.execute("SELECT count(*) FROM team").fetchone() == (1,)


def test_a_store_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    Workspace.open(folder, create=True).close()
    store = folder / "local.db"
    with sqlite3.connect(store) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed1234'")
    before = store.read_bytes()
    shutil.copy(store, tmp_path / "copy.db")
    with pytest.raises(errors.StoreTooNewError, match="newer version of FieldCollect"):
        Workspace.open(folder)
    assert store.read_bytes() == before


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "local.db").write_text("not a database")
    with pytest.raises(errors.StoreError, match="not a FieldCollect store"):
        Workspace.open(folder)


def test_a_missing_workspace_is_named_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(errors.WorkspaceError, match="is not a FieldCollect workspace"):
        Workspace.open(tmp_path / "nowhere")


def _first_revision(kind: schema_upgrade.SchemaKind) -> str:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(schema_upgrade._config(kind))
    return next(s.revision for s in scripts.walk_revisions() if s.down_revision is None)
