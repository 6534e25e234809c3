"""The repayment-plan calculator: agreed total, waiver check and the dated instalments of a plan.

Pure rules, values in and values out: no I/O, no database, no Qt. Problems are stable codes with
parameters (``PlanIssue``); the words for them come from one template table.
"""

from __future__ import annotations

import calendar
import dataclasses
import enum
import logging
import types
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from app.domain import money

logger = logging.getLogger(__name__)


class Frequency(enum.StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"


class NonWorkingDayRule(enum.StrEnum):
    """What happens to a due date that falls on a weekend or a public holiday."""

    KEEP = "keep"
    NEXT_WORKING_DAY = "next_working_day"
    PREVIOUS_WORKING_DAY = "previous_working_day"


ISSUE_TEXTS: Mapping[str, Mapping[str, str]] = types.MappingProxyType(
    {
        "negative_amount": {
            "en": "The {field} may not be negative (got {amount}).",
            "zh_CN": "{field}不能为负数（当前为 {amount}）。",
        },
        "waiver_exceeds_balance": {
            "en": "The waiver of {waiver} is more than the interest and penalty of "
            "{interest_and_penalty}; principal cannot be waived.",
            "zh_CN": "减免金额 {waiver} 超过利息与罚息合计 {interest_and_penalty}，本金不可减免。",
        },
        "waiver_above_authority": {
            "en": "The waiver is {waiver_pct}% of interest and penalty, above the authority of "
            "{authority_pct}%: a team lead must approve the plan.",
            "zh_CN": "减免比例为利息与罚息的 {waiver_pct}%，超出权限 {authority_pct}%，"
            "需组长审批。",
        },
        "instalment_below_minimum": {
            "en": "An instalment of {amount} is below the minimum of {minimum}; "
            "choose fewer instalments or a larger down payment.",
            "zh_CN": "每期金额 {amount} 低于最低还款额 {minimum}，请减少期数或提高首付款。",
        },
        "term_too_long": {
            "en": "The plan runs {months} months, longer than the maximum of {max_months} months.",
            "zh_CN": "还款期限 {months} 个月，超过最长期限 {max_months} 个月。",
        },
        "down_payment_exceeds_total": {
            "en": "The down payment of {down_payment} is more than the agreed total of "
            "{agreed_total}.",
            "zh_CN": "首付款 {down_payment} 超过约定还款总额 {agreed_total}。",
        },
        "down_payment_date_missing": {
            "en": "A down payment of {down_payment} needs a payment date.",
            "zh_CN": "首付款 {down_payment} 须填写付款日期。",
        },
        "dates_out_of_order": {
            "en": "The down payment date {down_payment_date} must come before the first due "
            "date {first_due_date}.",
            "zh_CN": "首付款日期 {down_payment_date} 必须早于首期还款日 {first_due_date}。",
        },
        "no_instalments": {
            "en": "A plan needs at least one instalment (got {count}).",
            "zh_CN": "还款计划至少需要一期（当前为 {count} 期）。",
        },
        "due_date_not_moved": {
            "en": "Instalment {seq} is due on {due_date}, a non-working day; it could not be "
            "moved without passing a neighbouring instalment.",
            "zh_CN": "第 {seq} 期还款日 {due_date} 为非工作日，因与相邻期次冲突未能调整。",
        },
    }
)

FIELD_LABELS: Mapping[str, Mapping[str, str]] = types.MappingProxyType(
    {
        "principal": {"en": "principal", "zh_CN": "本金"},
        "interest": {"en": "interest", "zh_CN": "利息"},
        "penalty": {"en": "penalty", "zh_CN": "罚息"},
        "waiver": {"en": "waiver", "zh_CN": "减免金额"},
        "down_payment": {"en": "down payment", "zh_CN": "首付款"},
    }
)


def _shown(value: object, language: str) -> str:
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value in FIELD_LABELS:
        return FIELD_LABELS[value][language]
    return str(value)


@dataclass(frozen=True, slots=True)
class PlanIssue:
    """One problem with a plan, as a stable code and its parameters.

    Attributes:
        code: stable identifier, e.g. ``"waiver_above_authority"`` (see ``ISSUE_TEXTS``).
        params: the values the message names (amounts as Decimal, dates as date).
    """

    code: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in ISSUE_TEXTS:
            raise ValueError(f"unknown plan issue code {self.code!r}")
        object.__setattr__(self, "params", types.MappingProxyType(dict(self.params)))

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted((k, str(v)) for k, v in self.params.items()))))

    def text(self, language: str = "en") -> str:
        """The issue in words; an unknown language falls back to English."""
        templates = ISSUE_TEXTS[self.code]
        language = language if language in templates else "en"
        shown = {name: _shown(value, language) for name, value in self.params.items()}
        return templates[language].format(**shown)


class PlanError(ValueError):
    """The plan cannot be made as asked; ``issues`` says why, one code per problem."""

    def __init__(self, issues: tuple[PlanIssue, ...]) -> None:
        self.issues = issues
        super().__init__(" ".join(issue.text("en") for issue in issues))


@dataclass(frozen=True, slots=True)
class PlanTerms:
    """What the collector and borrower negotiated.

    Attributes:
        principal, interest, penalty: the outstanding balances of the loan case.
        waiver: the amount forgiven, taken off interest and penalty only.
        down_payment: paid first, on ``down_payment_date`` (0 for none).
        instalment_count: the number of regular instalments after the down payment.
        frequency: how far apart the instalments fall.
        first_due_date: the due date of instalment 1; later ones keep its day of the month.
    """

    principal: Decimal
    interest: Decimal
    penalty: Decimal
    waiver: Decimal
    down_payment: Decimal
    down_payment_date: date | None
    instalment_count: int
    frequency: Frequency
    first_due_date: date


@dataclass(frozen=True, slots=True)
class PlanLimits:
    """The rules a proposer works within.

    Attributes:
        waiver_authority_pct: the share of interest + penalty (in percent, e.g. 30) the proposer
            may waive without a team lead's approval.
        min_instalment: the smallest regular instalment allowed.
        max_term_months: the longest plan allowed, in calendar months.
        non_working_day_rule: how due dates on weekends and holidays move.
        holidays: public holidays (weekends are non-working anyway).
        extra_working_days: weekend days that are working days, such as the make-up working
            days (调休) around Chinese public holidays.
    """

    waiver_authority_pct: Decimal
    min_instalment: Decimal = Decimal("100.00")
    max_term_months: int = 36
    non_working_day_rule: NonWorkingDayRule = NonWorkingDayRule.NEXT_WORKING_DAY
    holidays: frozenset[date] = frozenset()
    extra_working_days: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if self.waiver_authority_pct < 0 or self.min_instalment < 0:
            raise ValueError("waiver authority and minimum instalment may not be negative")
        if self.max_term_months < 1:
            raise ValueError("the maximum term must be at least one month")

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_working_days:
            return True
        return day.weekday() < 5 and day not in self.holidays


@dataclass(frozen=True, slots=True)
class Instalment:
    """One payment of a plan; seq 0 is the down payment, 1..N the regular instalments."""

    seq: int
    due_date: date
    amount: Decimal


@dataclass(frozen=True, slots=True)
class PlanSchedule:
    """A plan that can be proposed.

    Attributes:
        agreed_total: principal + interest + penalty - waiver; the instalments add up to it.
        waiver: the amount forgiven.
        waiver_pct: the waiver as a percentage of interest + penalty, rounded up to 0.01 so it
            is never shown below the authority it exceeds.
        needs_approval: the waiver is beyond the proposer's authority.
        instalments: down payment (seq 0, if any) then instalments 1..N, dates strictly rising.
        warnings: issues that do not stop the plan (approval needed, a date left unmoved).
    """

    agreed_total: Decimal
    waiver: Decimal
    waiver_pct: Decimal
    needs_approval: bool
    instalments: tuple[Instalment, ...]
    warnings: tuple[PlanIssue, ...]


def add_months(anchor: date, months: int) -> date:
    """The same day ``months`` calendar months later, clamped to the month's last day."""
    month_index = anchor.year * 12 + anchor.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(anchor.day, calendar.monthrange(year, month)[1]))


def _nominal_due_date(first: date, frequency: Frequency, index: int) -> date:
    """Due date ``index`` periods after ``first`` (index may be negative)."""
    if frequency is Frequency.WEEKLY:
        return first + timedelta(weeks=index)
    if frequency is Frequency.FORTNIGHTLY:
        return first + timedelta(weeks=2 * index)
    # Every date is computed from the anchor, not from the previous one, so Jan 31 gives
    # Feb 28/29 and then Mar 31 again rather than drifting to the 28th.
    return add_months(first, index)


def _months_spanned(start: date, end: date) -> int:
    """Whole calendar months from start to end, rounded up."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) < end:
        months += 1
    return months


def waiver_pct(waiver: Decimal, interest_and_penalty: Decimal) -> Decimal:
    """The waiver as a percentage of interest + penalty, rounded up to 0.01 (0 when both are 0).

    Rounded up so that a waiver beyond the authority is never shown at the authority itself.
    """
    if interest_and_penalty == 0:
        return Decimal("0.00")
    # Integer arithmetic in hundredths of a percent, rounded up: exact, so the percentage
    # shown agrees with the approval decision at the boundary.
    numerator = money.to_cents(waiver) * 100 * 100
    denominator = money.to_cents(interest_and_penalty)
    hundredths = -(-numerator // denominator)
    return Decimal(hundredths).scaleb(-2)


def waiver_needs_approval(
    waiver: Decimal, interest_and_penalty: Decimal, authority_pct: Decimal
) -> bool:
    """Whether waiving ``waiver`` of ``interest_and_penalty`` goes beyond a proposer's authority
    (a percentage, e.g. 30): then a team lead must approve the plan. Exact, no rounding."""
    return money.to_money(waiver) * 100 > authority_pct * money.to_money(interest_and_penalty)


def _input_issues(terms: PlanTerms, agreed_total: Decimal) -> list[PlanIssue]:
    issues: list[PlanIssue] = []
    for field in ("principal", "interest", "penalty", "waiver", "down_payment"):
        amount = getattr(terms, field)
        if amount < 0:
            issues.append(PlanIssue("negative_amount", {"field": field, "amount": amount}))
    if issues:
        return issues
    interest_and_penalty = terms.interest + terms.penalty
    if terms.waiver > interest_and_penalty:
        issues.append(
            PlanIssue(
                "waiver_exceeds_balance",
                {"waiver": terms.waiver, "interest_and_penalty": interest_and_penalty},
            )
        )
    elif terms.down_payment > agreed_total:
        issues.append(
            PlanIssue(
                "down_payment_exceeds_total",
                {"down_payment": terms.down_payment, "agreed_total": agreed_total},
            )
        )
    if terms.instalment_count < 1:
        issues.append(PlanIssue("no_instalments", {"count": terms.instalment_count}))
    if terms.down_payment > 0:
        if terms.down_payment_date is None:
            issues.append(
                PlanIssue("down_payment_date_missing", {"down_payment": terms.down_payment})
            )
        elif terms.down_payment_date >= terms.first_due_date:
            issues.append(
                PlanIssue(
                    "dates_out_of_order",
                    {
                        "down_payment_date": terms.down_payment_date,
                        "first_due_date": terms.first_due_date,
                    },
                )
            )
    return issues


def _term_issue(terms: PlanTerms, limits: PlanLimits, last_due: date) -> PlanIssue | None:
    # The first instalment pays for the period before it, so 36 monthly instalments make a
    # 36-month plan; an earlier down payment starts the plan sooner.
    start = _nominal_due_date(terms.first_due_date, terms.frequency, -1)
    if terms.down_payment > 0 and terms.down_payment_date is not None:
        start = min(start, terms.down_payment_date)
    if last_due <= add_months(start, limits.max_term_months):
        return None
    return PlanIssue(
        "term_too_long",
        {"months": _months_spanned(start, last_due), "max_months": limits.max_term_months},
    )


def _moved_by_rule(day: date, limits: PlanLimits, after: date | None, before: date | None) -> date:
    """The working day the rule moves ``day`` to, or ``day`` itself if that would leave the
    open interval (after, before) and so reorder the schedule."""
    rule = limits.non_working_day_rule
    if rule is NonWorkingDayRule.KEEP or limits.is_working_day(day):
        return day
    step = timedelta(days=1 if rule is NonWorkingDayRule.NEXT_WORKING_DAY else -1)
    candidate = day + step
    while (after is None or candidate > after) and (before is None or candidate < before):
        if limits.is_working_day(candidate):
            return candidate
        candidate += step
    return day


def build_schedule(terms: PlanTerms, limits: PlanLimits) -> PlanSchedule:
    """The instalments of a plan, or ``PlanError`` saying why it cannot be made: every problem
    with the inputs at once, else a term that is too long, else an instalment below the minimum.

    The instalments always add up exactly to the agreed total: amounts are split in cents and
    the remainder goes on the last instalment.
    """
    terms = dataclasses.replace(
        terms,
        principal=money.to_money(terms.principal),
        interest=money.to_money(terms.interest),
        penalty=money.to_money(terms.penalty),
        waiver=money.to_money(terms.waiver),
        down_payment=money.to_money(terms.down_payment),
    )
    agreed_total = terms.principal + terms.interest + terms.penalty - terms.waiver
    issues = _input_issues(terms, agreed_total)
    if issues:
        raise PlanError(tuple(issues))

    # The term is checked first, on the last due date alone, so that an absurd instalment count
    # is refused before thousands of dates and amounts are made for it.
    try:
        last_due = _nominal_due_date(
            terms.first_due_date, terms.frequency, terms.instalment_count - 1
        )
    except OverflowError:
        last_due = date.max
    term_issue = _term_issue(terms, limits, last_due)
    if term_issue is not None:
        raise PlanError((term_issue,))

    amounts = money.split_evenly(agreed_total - terms.down_payment, terms.instalment_count)
    smallest = min(amounts)
    minimum = money.to_money(limits.min_instalment)
    if smallest < minimum or smallest <= 0:
        raise PlanError(
            (PlanIssue("instalment_below_minimum", {"amount": smallest, "minimum": minimum}),)
        )
    nominal_dates = [
        _nominal_due_date(terms.first_due_date, terms.frequency, index)
        for index in range(terms.instalment_count)
    ]

    warnings: list[PlanIssue] = []
    interest_and_penalty = terms.interest + terms.penalty
    share = waiver_pct(terms.waiver, interest_and_penalty)
    needs_approval = waiver_needs_approval(
        terms.waiver, interest_and_penalty, limits.waiver_authority_pct
    )
    if needs_approval:
        warnings.append(
            PlanIssue(
                "waiver_above_authority",
                {"waiver_pct": share, "authority_pct": limits.waiver_authority_pct},
            )
        )

    instalments: list[Instalment] = []
    previous: date | None = None
    if terms.down_payment > 0 and terms.down_payment_date is not None:
        # The down payment date is not moved: it is usually paid on the spot when the plan is
        # signed, whatever the day of the week.
        instalments.append(Instalment(0, terms.down_payment_date, terms.down_payment))
        previous = terms.down_payment_date
    for index, (nominal, amount) in enumerate(zip(nominal_dates, amounts, strict=True)):
        following = nominal_dates[index + 1] if index + 1 < len(nominal_dates) else None
        due = _moved_by_rule(nominal, limits, previous, following)
        if not limits.is_working_day(due) and limits.non_working_day_rule is not (
            NonWorkingDayRule.KEEP
        ):
            warnings.append(PlanIssue("due_date_not_moved", {"seq": index + 1, "due_date": due}))
        instalments.append(Instalment(index + 1, due, amount))
        previous = due

    return PlanSchedule(
        agreed_total=agreed_total,
        waiver=terms.waiver,
        waiver_pct=share,
        needs_approval=needs_approval,
        instalments=tuple(instalments),
        warnings=tuple(warnings),
    )
