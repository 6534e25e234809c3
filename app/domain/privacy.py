"""Rules for showing personal identifiers: what is masked and how much stays visible."""

from __future__ import annotations

VISIBLE_ID_DIGITS = 4


def mask_id_number(id_number: str) -> str:
    """The ID number with every character but the last four replaced by '*'."""
    visible = id_number[-VISIBLE_ID_DIGITS:] if len(id_number) > VISIBLE_ID_DIGITS else ""
    return "*" * (len(id_number) - len(visible)) + visible


def mask_phone(number: str) -> str:
    """A phone number with its middle digits hidden (138****5678), as Chinese apps show them."""
    digits = number.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
