"""An explainable risk score for an overdue case, and the tier (A–D) the case list ranks by.

A is the highest risk and the most urgent. The score is a sum of points, each with its reason:

| factor                      | points                                                   |
| --------------------------- | -------------------------------------------------------- |
| days past due               | 1–30: 5 · 31–60: 15 · 61–90: 25 · 91–180: 35 · 180+: 45  |
| outstanding (yuan)          | ≥ 10,000: 5 · ≥ 50,000: 10 · ≥ 200,000: 15               |
| broken promises             | 10 each, at most 20                                      |
| payments                    | never paid: 15 · last one 90+ days ago: 10 · 31–90: 5    |
| contact (last 30 days)      | ≥ 3 attempts, < 20 % reached anyone: 10 · no attempt: 5  |

Capped at 100. Tiers: A ≥ 70, B 45–69, C 20–44, D < 20.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from app.domain import aging


class RiskTier(enum.StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


TIER_THRESHOLDS: tuple[tuple[RiskTier, int], ...] = (
    (RiskTier.A, 70),
    (RiskTier.B, 45),
    (RiskTier.C, 20),
    (RiskTier.D, 0),
)
MAX_SCORE = 100

_DPD_POINTS: dict[aging.AgingBucket, int] = {
    aging.AgingBucket.CURRENT: 0,
    aging.AgingBucket.DPD_1_30: 5,
    aging.AgingBucket.DPD_31_60: 15,
    aging.AgingBucket.DPD_61_90: 25,
    aging.AgingBucket.DPD_91_180: 35,
    aging.AgingBucket.DPD_180_PLUS: 45,
}
_OUTSTANDING_POINTS: tuple[tuple[Decimal, int], ...] = (
    (Decimal("200000"), 15),
    (Decimal("50000"), 10),
    (Decimal("10000"), 5),
)
_POINTS_PER_BROKEN_PROMISE = 10
_MAX_BROKEN_PROMISE_POINTS = 20

# Reason templates in words, filled with the reason's parameters (str.format, no concatenation).
_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "days_past_due": "{days} days past due (+{points})",
        "outstanding": "{amount} yuan outstanding (+{points})",
        "broken_promises": "{count} broken promise(s) to pay (+{points})",
        "never_paid": "no payment ever received (+{points})",
        "no_recent_payment": "last payment {days} days ago (+{points})",
        "contact_failure": "reached nobody in {attempts} attempts in 30 days (+{points})",
        "no_contact_attempts": "no contact attempt in 30 days (+{points})",
    },
    "zh_CN": {
        "days_past_due": "逾期{days}天 (+{points})",
        "outstanding": "欠款{amount}元 (+{points})",
        "broken_promises": "{count}次承诺还款未兑现 (+{points})",
        "never_paid": "从未还款 (+{points})",
        "no_recent_payment": "最近一次还款在{days}天前 (+{points})",
        "contact_failure": "30天内{attempts}次联系均未联系到人 (+{points})",
        "no_contact_attempts": "30天内没有联系记录 (+{points})",
    },
}


@dataclass(frozen=True, slots=True)
class RiskInputs:
    """What the score is computed from.

    Attributes:
        days_past_due: days since the first unpaid due date.
        outstanding: principal + interest + penalty still owed.
        broken_promises: promises to pay that were not kept.
        days_since_last_payment: None when the borrower never paid.
        contact_attempts: contact attempts in the last 30 days.
        successful_contacts: attempts in the last 30 days that reached someone.
    """

    days_past_due: int
    outstanding: Decimal
    broken_promises: int
    days_since_last_payment: int | None
    contact_attempts: int
    successful_contacts: int


@dataclass(frozen=True, slots=True)
class RiskReason:
    """One factor that added points: a stable code with parameters, and its words."""

    code: str
    points: int
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, language: str = "en") -> str:
        templates = _TEXTS.get(language, _TEXTS["en"])
        return templates[self.code].format(points=self.points, **self.params)


@dataclass(frozen=True, slots=True)
class RiskAssessment:
    """The score (0–100), its tier, and the reasons that made it, largest first."""

    score: int
    tier: RiskTier
    reasons: tuple[RiskReason, ...]


def tier_for(score: int) -> RiskTier:
    for tier, threshold in TIER_THRESHOLDS:
        if score >= threshold:
            return tier
    return RiskTier.D


def tier_order(tier: RiskTier | str) -> int:
    """Sort key: A (most urgent) first."""
    return "ABCD".index(str(tier))


def _reason(code: str, points: int, **params: object) -> RiskReason:
    return RiskReason(code, points, MappingProxyType(params))


def _reasons(inputs: RiskInputs) -> list[RiskReason]:
    reasons: list[RiskReason] = []
    dpd_points = _DPD_POINTS[aging.bucket_for(max(0, inputs.days_past_due))]
    if dpd_points:
        reasons.append(_reason("days_past_due", dpd_points, days=inputs.days_past_due))
    for floor, points in _OUTSTANDING_POINTS:
        if inputs.outstanding >= floor:
            reasons.append(_reason("outstanding", points, amount=f"{inputs.outstanding:,.2f}"))
            break
    if inputs.broken_promises > 0:
        points = min(
            _MAX_BROKEN_PROMISE_POINTS, _POINTS_PER_BROKEN_PROMISE * inputs.broken_promises
        )
        reasons.append(_reason("broken_promises", points, count=inputs.broken_promises))
    if inputs.days_since_last_payment is None:
        reasons.append(_reason("never_paid", 15))
    elif inputs.days_since_last_payment > 90:
        reasons.append(_reason("no_recent_payment", 10, days=inputs.days_since_last_payment))
    elif inputs.days_since_last_payment > 30:
        reasons.append(_reason("no_recent_payment", 5, days=inputs.days_since_last_payment))
    if inputs.contact_attempts == 0:
        reasons.append(_reason("no_contact_attempts", 5))
    elif inputs.contact_attempts >= 3 and inputs.successful_contacts * 5 < inputs.contact_attempts:
        reasons.append(_reason("contact_failure", 10, attempts=inputs.contact_attempts))
    return reasons


def assess_risk(inputs: RiskInputs) -> RiskAssessment:
    """The case's risk score, tier and reasons."""
    reasons = sorted(_reasons(inputs), key=lambda reason: reason.points, reverse=True)
    score = min(MAX_SCORE, sum(reason.points for reason in reasons))
    return RiskAssessment(score, tier_for(score), tuple(reasons))
