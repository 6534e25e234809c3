"""The explainable risk score: points with reasons, tiers, and monotone in what makes risk."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.domain import risk
from app.domain.risk import RiskInputs, RiskTier

QUIET = RiskInputs(
    days_past_due=0,
    outstanding=Decimal("500.00"),
    broken_promises=0,
    days_since_last_payment=5,
    contact_attempts=1,
    successful_contacts=1,
)

inputs = st.builds(
    RiskInputs,
    days_past_due=st.integers(0, 2000),
    outstanding=st.decimals(min_value=0, max_value=10**7, places=2),
    broken_promises=st.integers(0, 10),
    days_since_last_payment=st.one_of(st.none(), st.integers(0, 2000)),
    contact_attempts=st.integers(0, 50),
    successful_contacts=st.integers(0, 50),
).filter(lambda value: value.successful_contacts <= value.contact_attempts)


def test_a_quiet_current_case_is_tier_d_with_no_reasons() -> None:
    assessment = risk.assess_risk(QUIET)
    assert (assessment.score, assessment.tier, assessment.reasons) == (0, RiskTier.D, ())


def test_a_long_overdue_large_never_paid_case_is_tier_a_and_says_why() -> None:
    assessment = risk.assess_risk(
        RiskInputs(
            days_past_due=200,
            outstanding=Decimal("250000.00"),
            broken_promises=2,
            days_since_last_payment=None,
            contact_attempts=6,
            successful_contacts=0,
        )
    )
    assert assessment.tier is RiskTier.A
    assert assessment.score == 100
    assert [reason.code for reason in assessment.reasons] == [
        "days_past_due",
        "broken_promises",
        "outstanding",
        "never_paid",
        "contact_failure",
    ]
    assert assessment.reasons[0].text("en") == "200 days past due (+45)"
    assert assessment.reasons[0].text("zh_CN") == "逾期200天 (+45)"
    assert assessment.reasons[1].text("zh_CN") == "2次承诺还款未兑现 (+20)"


def test_a_broken_promise_raises_the_tier() -> None:
    base = RiskInputs(
        days_past_due=45,
        outstanding=Decimal("60000.00"),
        broken_promises=0,
        days_since_last_payment=40,
        contact_attempts=2,
        successful_contacts=1,
    )
    before = risk.assess_risk(base)
    after = risk.assess_risk(RiskInputs(**{**_fields(base), "broken_promises": 1}))
    assert (before.score, before.tier) == (30, RiskTier.C)
    assert (after.score, after.tier) == (40, RiskTier.C)
    two = risk.assess_risk(RiskInputs(**{**_fields(base), "broken_promises": 2}))
    assert two.tier is RiskTier.B


@given(inputs)
def test_the_score_is_the_capped_sum_of_its_reasons_and_the_tier_follows_it(
    value: RiskInputs,
) -> None:
    assessment = risk.assess_risk(value)
    assert assessment.score == min(100, sum(reason.points for reason in assessment.reasons))
    threshold = dict(risk.TIER_THRESHOLDS)[assessment.tier]
    assert assessment.score >= threshold
    better = [t for t, floor in risk.TIER_THRESHOLDS if floor > threshold]
    assert all(assessment.score < dict(risk.TIER_THRESHOLDS)[t] for t in better)
    assert list(assessment.reasons) == sorted(
        assessment.reasons, key=lambda reason: reason.points, reverse=True
    )
    assert all(reason.text("zh_CN") and reason.text("en") for reason in assessment.reasons)


@given(
    inputs,
    st.integers(0, 500),
    st.decimals(min_value=0, max_value=10**6, places=2),
    st.integers(0, 5),
)
def test_more_days_more_debt_or_more_broken_promises_never_lower_the_score(
    value: RiskInputs, more_days: int, more_debt: Decimal, more_broken: int
) -> None:
    worse = RiskInputs(
        **{
            **_fields(value),
            "days_past_due": value.days_past_due + more_days,
            "outstanding": value.outstanding + more_debt,
            "broken_promises": value.broken_promises + more_broken,
        }
    )
    assert risk.assess_risk(worse).score >= risk.assess_risk(value).score


def test_tiers_sort_most_urgent_first() -> None:
    assert sorted("DBAC", key=risk.tier_order) == ["A", "B", "C", "D"]


def _fields(value: RiskInputs) -> dict[str, object]:
    return {name: getattr(value, name) for name in RiskInputs.__slots__}
