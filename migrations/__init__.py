"""Alembic environments: `local` for a collector's store, `central` for the shared database."""
