"""Days past due and aging buckets, and the due-date ranges a database filters buckets by."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import aging
from app.domain.aging import AgingBucket

AS_OF = dt.date(2026, 11, 22)


def test_due_today_is_zero_days_past_due_and_due_yesterday_is_one() -> None:
    assert aging.days_past_due(AS_OF, AS_OF) == 0
    assert aging.days_past_due(AS_OF - dt.timedelta(days=1), AS_OF) == 1
    assert aging.days_past_due(AS_OF + dt.timedelta(days=9), AS_OF) == 0
    assert aging.days_past_due(None, AS_OF) == 0


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (0, AgingBucket.CURRENT),
        (1, AgingBucket.DPD_1_30),
        (30, AgingBucket.DPD_1_30),
        (31, AgingBucket.DPD_31_60),
        (60, AgingBucket.DPD_31_60),
        (61, AgingBucket.DPD_61_90),
        (90, AgingBucket.DPD_61_90),
        (91, AgingBucket.DPD_91_180),
        (180, AgingBucket.DPD_91_180),
        (181, AgingBucket.DPD_180_PLUS),
        (5000, AgingBucket.DPD_180_PLUS),
    ],
)
def test_bucket_boundaries(days: int, bucket: AgingBucket) -> None:
    assert aging.bucket_for(days) is bucket
    low, high = aging.bucket_range(bucket)
    assert low <= days and (high is None or days <= high)


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        aging.bucket_for(-1)


@given(st.integers(min_value=-400, max_value=4000), st.sampled_from(list(AgingBucket)))
def test_the_due_date_range_of_a_bucket_holds_exactly_its_cases(
    offset: int, bucket: AgingBucket
) -> None:
    due = AS_OF - dt.timedelta(days=offset)
    earliest, latest = aging.overdue_since_range(bucket, AS_OF)
    inside = (earliest is None or due >= earliest) and (latest is None or due <= latest)
    assert inside == (aging.bucket_for(aging.days_past_due(due, AS_OF)) is bucket)
