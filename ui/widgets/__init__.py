"""Reusable widgets of the FieldCollect window (no services, no business rules)."""
