"""The central schema on a real PostgreSQL: migrations from empty, no drift, exact round trips."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Engine, inspect, text

from app.store import models, schema_upgrade
from app.store.local_models import LOCAL_ONLY_TABLES
from tests.app.store import schema_checks

CENTRAL = schema_upgrade.SchemaKind.CENTRAL


def test_the_central_migrations_take_an_empty_postgres_database_to_head(pg_engine: Engine) -> None:
    assert schema_upgrade.upgrade(pg_engine, CENTRAL) is True
    assert schema_upgrade.upgrade(pg_engine, CENTRAL) is False
    assert schema_upgrade.schema_drift(pg_engine, CENTRAL) == []
    tables = set(inspect(pg_engine).get_table_names())
    assert {model.__tablename__ for model in models.SYNCED_TABLES} <= tables
    assert not tables & LOCAL_ONLY_TABLES


def test_every_table_round_trips_exactly_on_postgres(pg_engine: Engine) -> None:
    schema_upgrade.upgrade(pg_engine, CENTRAL)
    schema_checks.assert_every_table_round_trips(pg_engine)


def test_money_is_numeric_14_2_and_ids_are_uuids_on_postgres(pg_engine: Engine) -> None:
    schema_upgrade.upgrade(pg_engine, CENTRAL)
    with pg_engine.connect() as connection:
        kinds = dict(
            connection.execute(
                text(
                    "SELECT column_name, format_type(atttypid, atttypmod) FROM pg_attribute a"
                    " JOIN information_schema.columns c ON c.column_name = a.attname"
                    " AND c.table_name = 'loan_case'"
                    " WHERE a.attrelid = 'loan_case'::regclass AND a.attnum > 0"
                )
            ).all()
        )
    assert kinds["principal"] == "numeric(14,2)"
    assert kinds["id"] == "uuid"
    assert kinds["updated_at"] == "timestamp with time zone"
    schema_checks.assert_every_table_round_trips(pg_engine)
    with pg_engine.connect() as connection:
        total = connection.execute(text("SELECT sum(amount) FROM payment")).scalar_one()
    assert total == Decimal("0.05")
