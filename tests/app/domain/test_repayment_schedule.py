"""Repayment plans: exact sums, dates that keep their order and day, waiver authority, errors."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import repayment_schedule as rs

D = Decimal


def terms(**changes: object) -> rs.PlanTerms:
    base = rs.PlanTerms(
        principal=D("10000.00"),
        interest=D("1500.00"),
        penalty=D("500.00"),
        waiver=D("0.00"),
        down_payment=D("0.00"),
        down_payment_date=None,
        instalment_count=12,
        frequency=rs.Frequency.MONTHLY,
        first_due_date=date(2024, 2, 15),
    )
    return dataclasses.replace(base, **changes)


def limits(**changes: object) -> rs.PlanLimits:
    base = rs.PlanLimits(
        waiver_authority_pct=D("30"), non_working_day_rule=rs.NonWorkingDayRule.KEEP
    )
    return dataclasses.replace(base, **changes)


def codes(error: pytest.ExceptionInfo[rs.PlanError]) -> set[str]:
    return {issue.code for issue in error.value.issues}


def regular(schedule: rs.PlanSchedule) -> list[rs.Instalment]:
    return [instalment for instalment in schedule.instalments if instalment.seq > 0]


# --- properties -----------------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=10**11)
money_amounts = cents.map(lambda value: D(value).scaleb(-2))


@st.composite
def feasible_plans(draw: st.DrawFn) -> tuple[rs.PlanTerms, rs.PlanLimits]:
    count = draw(st.integers(min_value=1, max_value=60))
    interest = draw(money_amounts)
    penalty = draw(money_amounts)
    waiver_cents = draw(st.integers(min_value=0, max_value=int((interest + penalty) * 100)))
    waiver = D(waiver_cents).scaleb(-2)
    # At least one cent per instalment, so no instalment is zero.
    principal = D(draw(st.integers(min_value=count, max_value=10**11))).scaleb(-2)
    agreed_total = principal + interest + penalty - waiver
    first_due = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
    down_cents = draw(st.integers(min_value=0, max_value=int(agreed_total * 100) - count))
    down_payment = D(down_cents).scaleb(-2)
    down_date = first_due - timedelta(days=draw(st.integers(min_value=1, max_value=60)))
    holidays = draw(
        st.frozensets(
            st.dates(
                min_value=first_due - timedelta(days=60), max_value=first_due + timedelta(days=2000)
            ),
            max_size=40,
        )
    )
    plan = rs.PlanTerms(
        principal=principal,
        interest=interest,
        penalty=penalty,
        waiver=waiver,
        down_payment=down_payment,
        down_payment_date=down_date if down_payment else None,
        instalment_count=count,
        frequency=draw(st.sampled_from(rs.Frequency)),
        first_due_date=first_due,
    )
    rules = rs.PlanLimits(
        waiver_authority_pct=D(draw(st.integers(min_value=0, max_value=10000))).scaleb(-2),
        min_instalment=D("0.01"),
        max_term_months=120,
        non_working_day_rule=draw(st.sampled_from(rs.NonWorkingDayRule)),
        holidays=holidays,
    )
    return plan, rules


@settings(max_examples=200, deadline=None)
@given(feasible_plans())
def test_schedule_always_sums_to_the_agreed_total(plan: tuple[rs.PlanTerms, rs.PlanLimits]) -> None:
    terms_, limits_ = plan
    schedule = rs.build_schedule(terms_, limits_)
    expected = terms_.principal + terms_.interest + terms_.penalty - terms_.waiver
    assert schedule.agreed_total == expected
    assert sum(instalment.amount for instalment in schedule.instalments) == expected
    assert all(
        instalment.amount == instalment.amount.quantize(D("0.01"))
        for instalment in schedule.instalments
    )


@settings(max_examples=200, deadline=None)
@given(feasible_plans())
def test_due_dates_rise_strictly_whatever_the_holidays(
    plan: tuple[rs.PlanTerms, rs.PlanLimits],
) -> None:
    schedule = rs.build_schedule(*plan)
    dates = [instalment.due_date for instalment in schedule.instalments]
    assert dates == sorted(dates)
    assert len(set(dates)) == len(dates)
    assert [i.seq for i in schedule.instalments] == ([0] if plan[0].down_payment else []) + list(
        range(1, plan[0].instalment_count + 1)
    )


@settings(max_examples=200, deadline=None)
@given(feasible_plans())
def test_the_remainder_goes_on_the_last_instalment_and_is_less_than_a_cent_each(
    plan: tuple[rs.PlanTerms, rs.PlanLimits],
) -> None:
    schedule = rs.build_schedule(*plan)
    amounts = [instalment.amount for instalment in regular(schedule)]
    *firsts, last = amounts
    assert len(set(firsts)) <= 1
    if firsts:
        assert D(0) <= last - firsts[0] < D("0.01") * len(amounts)


@settings(max_examples=200, deadline=None)
@given(feasible_plans())
def test_approval_is_needed_exactly_when_the_waiver_share_exceeds_the_authority(
    plan: tuple[rs.PlanTerms, rs.PlanLimits],
) -> None:
    terms_, limits_ = plan
    schedule = rs.build_schedule(terms_, limits_)
    assert schedule.needs_approval == (schedule.waiver_pct > limits_.waiver_authority_pct)
    assert (
        "waiver_above_authority" in {w.code for w in schedule.warnings}
    ) == schedule.needs_approval
    interest_and_penalty = terms_.interest + terms_.penalty
    if interest_and_penalty:
        exact = terms_.waiver * 100 / interest_and_penalty
        assert exact <= schedule.waiver_pct < exact + D("0.01")


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    st.integers(min_value=1, max_value=36),
)
def test_monthly_dates_keep_the_anchor_day_clamped_to_short_months(
    first_due: date, count: int
) -> None:
    schedule = rs.build_schedule(
        terms(first_due_date=first_due, instalment_count=count, principal=D("100000")),
        limits(min_instalment=D("1")),
    )
    for instalment in regular(schedule):
        due = instalment.due_date
        month_length = (
            (due.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        ).day
        assert due.day == min(first_due.day, month_length)
        assert (due.year - first_due.year) * 12 + due.month - first_due.month == instalment.seq - 1


# --- examples ---------------------------------------------------------------------------------


def test_january_31st_gives_end_of_february_then_march_31st() -> None:
    schedule = rs.build_schedule(
        terms(first_due_date=date(2024, 1, 31), instalment_count=4), limits()
    )
    assert [i.due_date for i in schedule.instalments] == [
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
    ]
    schedule = rs.build_schedule(
        terms(first_due_date=date(2023, 1, 31), instalment_count=3), limits()
    )
    assert [i.due_date for i in schedule.instalments][1:] == [date(2023, 2, 28), date(2023, 3, 31)]


def test_weekly_and_fortnightly_plans_step_by_seven_and_fourteen_days() -> None:
    weekly = rs.build_schedule(terms(frequency=rs.Frequency.WEEKLY, instalment_count=3), limits())
    fortnightly = rs.build_schedule(
        terms(frequency=rs.Frequency.FORTNIGHTLY, instalment_count=3), limits()
    )
    assert [i.due_date for i in weekly.instalments] == [
        date(2024, 2, 15),
        date(2024, 2, 22),
        date(2024, 2, 29),
    ]
    assert [i.due_date for i in fortnightly.instalments] == [
        date(2024, 2, 15),
        date(2024, 2, 29),
        date(2024, 3, 14),
    ]


def test_down_payment_comes_first_as_instalment_zero_and_the_cents_go_last() -> None:
    schedule = rs.build_schedule(
        terms(
            principal=D("1000.00"),
            interest=D("0.01"),
            penalty=D("0.00"),
            down_payment=D("100.00"),
            down_payment_date=date(2024, 2, 1),
            instalment_count=3,
        ),
        limits(),
    )
    assert schedule.instalments[0] == rs.Instalment(0, date(2024, 2, 1), D("100.00"))
    assert [i.amount for i in regular(schedule)] == [D("300.00"), D("300.00"), D("300.01")]
    assert schedule.agreed_total == D("1000.01")


def test_a_waiver_within_authority_needs_no_approval_and_one_beyond_does() -> None:
    at_limit = rs.build_schedule(terms(waiver=D("600.00")), limits())  # 600 / 2000 = 30 %
    assert at_limit.waiver_pct == D("30.00")
    assert not at_limit.needs_approval
    assert at_limit.warnings == ()
    beyond = rs.build_schedule(terms(waiver=D("600.01")), limits())
    assert beyond.needs_approval
    assert beyond.waiver_pct == D("30.01")  # rounded up, never shown at the limit it passes
    assert [w.code for w in beyond.warnings] == ["waiver_above_authority"]
    assert beyond.agreed_total == D("11399.99")


def test_principal_cannot_be_waived() -> None:
    with pytest.raises(rs.PlanError) as error:
        rs.build_schedule(terms(waiver=D("2000.01")), limits())
    assert codes(error) == {"waiver_exceeds_balance"}
    assert error.value.issues[0].params["interest_and_penalty"] == D("2000.00")
    assert "principal cannot be waived" in str(error.value)


def test_an_instalment_below_the_minimum_is_refused() -> None:
    with pytest.raises(rs.PlanError) as error:
        rs.build_schedule(terms(instalment_count=150, frequency=rs.Frequency.WEEKLY), limits())
    assert codes(error) == {"instalment_below_minimum"}
    assert error.value.issues[0].params == {"amount": D("80.00"), "minimum": D("100.00")}


def test_thirty_six_monthly_instalments_fit_a_36_month_limit_but_37_do_not() -> None:
    rs.build_schedule(terms(instalment_count=36), limits())
    with pytest.raises(rs.PlanError) as error:
        rs.build_schedule(terms(instalment_count=37), limits())
    assert codes(error) == {"term_too_long"}
    assert error.value.issues[0].params == {"months": 37, "max_months": 36}


def test_an_absurd_instalment_count_is_refused_as_too_long_at_once() -> None:
    with pytest.raises(rs.PlanError) as error:
        rs.build_schedule(
            terms(instalment_count=10**9, frequency=rs.Frequency.WEEKLY, principal=D("1e12")),
            limits(),
        )
    assert codes(error) == {"term_too_long"}


def test_an_early_down_payment_counts_in_the_term() -> None:
    with pytest.raises(rs.PlanError) as error:
        rs.build_schedule(
            terms(
                instalment_count=36,
                down_payment=D("100.00"),
                down_payment_date=date(2023, 12, 1),
            ),
            limits(),
        )
    assert codes(error) == {"term_too_long"}


def test_a_down_payment_on_or_after_the_first_due_date_is_out_of_order() -> None:
    for paid_on in (date(2024, 2, 15), date(2024, 3, 1)):
        with pytest.raises(rs.PlanError) as error:
            rs.build_schedule(terms(down_payment=D("500.00"), down_payment_date=paid_on), limits())
        assert codes(error) == {"dates_out_of_order"}


def test_a_down_payment_needs_a_date_and_may_not_exceed_the_total() -> None:
    with pytest.raises(rs.PlanError) as error:
        rs.build_schedule(terms(down_payment=D("500.00")), limits())
    assert codes(error) == {"down_payment_date_missing"}
    with pytest.raises(rs.PlanError) as error:
        rs.build_schedule(
            terms(down_payment=D("12000.01"), down_payment_date=date(2024, 2, 1)), limits()
        )
    assert codes(error) == {"down_payment_exceeds_total"}


def test_every_input_problem_is_reported_at_once() -> None:
    with pytest.raises(rs.PlanError) as error:
        rs.build_schedule(
            terms(
                instalment_count=0,
                down_payment=D("10.00"),
                down_payment_date=date(2024, 3, 1),
            ),
            limits(),
        )
    assert codes(error) == {"no_instalments", "dates_out_of_order"}


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(rs.PlanError) as error:
        rs.build_schedule(terms(penalty=D("-1.00"), principal=D("-5")), limits())
    assert codes(error) == {"negative_amount"}
    assert {issue.params["field"] for issue in error.value.issues} == {"principal", "penalty"}


def test_a_saturday_due_date_moves_to_monday_or_friday_by_the_rule() -> None:
    saturday = date(2024, 3, 16)
    plan = terms(first_due_date=saturday, instalment_count=1, principal=D("500"))
    moved = {
        rule: rs.build_schedule(plan, limits(non_working_day_rule=rule)).instalments[0].due_date
        for rule in rs.NonWorkingDayRule
    }
    assert moved == {
        rs.NonWorkingDayRule.KEEP: saturday,
        rs.NonWorkingDayRule.NEXT_WORKING_DAY: date(2024, 3, 18),
        rs.NonWorkingDayRule.PREVIOUS_WORKING_DAY: date(2024, 3, 15),
    }


def test_holidays_move_due_dates_and_make_up_working_days_do_not() -> None:
    rules = limits(
        non_working_day_rule=rs.NonWorkingDayRule.NEXT_WORKING_DAY,
        # National Day 2024: Oct 1-7 off, Sunday Sep 29 and Saturday Oct 12 worked instead (调休).
        holidays=frozenset(date(2024, 10, day) for day in range(1, 8)),
        extra_working_days=frozenset({date(2024, 9, 29), date(2024, 10, 12)}),
    )
    schedule = rs.build_schedule(
        terms(first_due_date=date(2024, 9, 29), frequency=rs.Frequency.WEEKLY, instalment_count=3),
        rules,
    )
    assert [i.due_date for i in schedule.instalments] == [
        date(2024, 9, 29),  # a Sunday, but a working one
        date(2024, 10, 8),  # Oct 6 is in the holiday
        date(2024, 10, 14),  # Oct 13 is a Sunday
    ]
    assert schedule.warnings == ()


def test_a_due_date_that_cannot_move_without_passing_the_next_one_stays_with_a_warning() -> None:
    rules = limits(
        non_working_day_rule=rs.NonWorkingDayRule.NEXT_WORKING_DAY,
        holidays=frozenset(date(2024, 10, day) for day in range(1, 11)),
    )
    schedule = rs.build_schedule(
        terms(first_due_date=date(2024, 10, 2), frequency=rs.Frequency.WEEKLY, instalment_count=3),
        rules,
    )
    assert [i.due_date for i in schedule.instalments] == [
        date(2024, 10, 2),  # Oct 11 is the next working day, after instalment 2 on Oct 9
        date(2024, 10, 11),
        date(2024, 10, 16),
    ]
    assert [(w.code, w.params["seq"]) for w in schedule.warnings] == [("due_date_not_moved", 1)]


def test_moving_back_never_goes_before_the_down_payment() -> None:
    schedule = rs.build_schedule(
        terms(
            first_due_date=date(2024, 3, 17),  # Sunday
            down_payment=D("100"),
            down_payment_date=date(2024, 3, 15),  # Friday
            instalment_count=2,
        ),
        limits(
            non_working_day_rule=rs.NonWorkingDayRule.PREVIOUS_WORKING_DAY,
            holidays=frozenset({date(2024, 3, 15)}),
        ),
    )
    assert [i.due_date for i in schedule.instalments][:2] == [date(2024, 3, 15), date(2024, 3, 17)]
    assert [w.code for w in schedule.warnings] == ["due_date_not_moved"]


def test_issues_read_in_english_and_chinese() -> None:
    issue = rs.PlanIssue("instalment_below_minimum", {"amount": D("60"), "minimum": D("100")})
    assert issue.text() == (
        "An instalment of 60.00 is below the minimum of 100.00; "
        "choose fewer instalments or a larger down payment."
    )
    assert issue.text("zh_CN") == "每期金额 60.00 低于最低还款额 100.00，请减少期数或提高首付款。"
    negative = rs.PlanIssue("negative_amount", {"field": "penalty", "amount": D("-1")})
    assert negative.text("zh_CN").startswith("罚息不能为负数")
    assert negative.text("fr") == negative.text("en")


def test_every_issue_code_has_both_languages_and_its_params_fill_the_template() -> None:
    for code, texts in rs.ISSUE_TEXTS.items():
        assert set(texts) == {"en", "zh_CN"}, code
        assert rs.PlanIssue(code).code == code
    with pytest.raises(ValueError):
        rs.PlanIssue("no_such_code")


def test_chinese_issue_texts_use_full_width_punctuation() -> None:
    for code, texts in rs.ISSUE_TEXTS.items():
        # A comma, colon, semicolon or bracket between Chinese words is written full-width.
        assert not set(texts["zh_CN"]) & set(",;:()"), code


def test_the_approval_rule_is_exact_at_the_authority_and_free_when_nothing_is_owed() -> None:
    assert not rs.waiver_needs_approval(D("300.00"), D("1000.00"), D("30"))
    assert rs.waiver_needs_approval(D("300.01"), D("1000.00"), D("30"))
    assert rs.waiver_needs_approval(D("0.01"), D("1000.00"), D("0"))
    assert not rs.waiver_needs_approval(D("0.00"), D("0.00"), D("0"))
    assert rs.waiver_pct(D("1.00"), D("3.00")) == D("33.34")
    assert rs.waiver_pct(D("0.00"), D("0.00")) == D("0.00")
