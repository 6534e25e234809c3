"""Days past due and the aging buckets collections are managed by (current, 1–30 … 180+)."""

from __future__ import annotations

import datetime as dt
import enum


class AgingBucket(enum.StrEnum):
    CURRENT = "current"
    DPD_1_30 = "1-30"
    DPD_31_60 = "31-60"
    DPD_61_90 = "61-90"
    DPD_91_180 = "91-180"
    DPD_180_PLUS = "180+"


# Inclusive days-past-due bounds of each bucket; None: no upper bound.
_RANGES: dict[AgingBucket, tuple[int, int | None]] = {
    AgingBucket.CURRENT: (0, 0),
    AgingBucket.DPD_1_30: (1, 30),
    AgingBucket.DPD_31_60: (31, 60),
    AgingBucket.DPD_61_90: (61, 90),
    AgingBucket.DPD_91_180: (91, 180),
    AgingBucket.DPD_180_PLUS: (181, None),
}


def days_past_due(overdue_since: dt.date | None, as_of: dt.date) -> int:
    """Days since the first unpaid due date: due today is 0, due yesterday is 1; never negative."""
    if overdue_since is None:
        return 0
    return max(0, (as_of - overdue_since).days)


def bucket_for(days: int) -> AgingBucket:
    """The bucket of a number of days past due."""
    if days < 0:
        raise ValueError(f"days past due cannot be negative: {days}")
    for bucket, (low, high) in _RANGES.items():
        if days >= low and (high is None or days <= high):
            return bucket
    raise AssertionError("the ranges cover every day")  # pragma: no cover


def bucket_range(bucket: AgingBucket) -> tuple[int, int | None]:
    """Inclusive days-past-due bounds of `bucket` (None: no upper bound)."""
    return _RANGES[bucket]


def overdue_since_range(
    bucket: AgingBucket, as_of: dt.date
) -> tuple[dt.date | None, dt.date | None]:
    """The inclusive range of first-unpaid due dates that fall in `bucket` on `as_of`.

    Lets a database filter by bucket on an indexed date column. For CURRENT the range is
    `(as_of, None)`: a due date today or later (cases with no due date are current too).
    """
    low, high = _RANGES[bucket]
    if bucket is AgingBucket.CURRENT:
        return as_of, None
    earliest = as_of - dt.timedelta(days=high) if high is not None else None
    latest = as_of - dt.timedelta(days=low)
    return earliest, latest
