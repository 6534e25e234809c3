"""Money, dates, times and runs of sentences as people read them, in the interface's locale.

Money stays `Decimal` to the last step (grouped with two decimals, never through float); an
instant is stored in UTC and shown in the zone of the place where it happened; sentences follow
each other as the language writes them (English with a space, Chinese without).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone


def money(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    locale = QLocale()
    text = f"{amount:,.2f}"
    # Decimal formatting groups with "," and "."; swap in the locale's own separators.
    return text.translate(str.maketrans({",": locale.groupSeparator(), ".": locale.decimalPoint()}))


def date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def local_time(at: dt.datetime | None, timezone: str = "Asia/Shanghai") -> str:
    """An aware instant as the wall-clock time of `timezone` (the place where it happened)."""
    if at is None:
        return ""
    local = at.astimezone(ZoneInfo(timezone))
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def local_datetime(at: dt.datetime | None, timezone: str = "Asia/Shanghai") -> str:
    if at is None:
        return ""
    local = at.astimezone(ZoneInfo(timezone))
    shown = QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone(timezone.encode()),
    )
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def sentences(*parts: str) -> str:
    """Translated sentences one after the other, the empty ones left out, joined by the
    language's own template (a space in English, nothing in Chinese) instead of by hand."""
    shown = [part for part in parts if part]
    if not shown:
        return ""
    text = shown[0]
    for part in shown[1:]:
        text = QCoreApplication.translate(
            "Formatting", "{sentence} {next}", "a sentence followed by the next"
        ).format(sentence=text, next=part)
    return text
