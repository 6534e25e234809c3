"""Contact rules: hours in the borrower's zone (with DST), attempt caps, consent, third parties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import compliance
from app.domain.compliance import ContactAttempt, Profile, ViolationCode

SHANGHAI = "Asia/Shanghai"
NEW_YORK = "America/New_York"
LONDON = "Europe/London"
NUMBER = "13800138000"


def _utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=dt.UTC)


def _local(timezone: str, *parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=compliance.zone(timezone))


def _visit(at: dt.datetime, timezone: str = SHANGHAI, **fields: object) -> ContactAttempt:
    return ContactAttempt("visit", at, timezone, **fields)  # type: ignore[arg-type]


def _call(
    at: dt.datetime, timezone: str = SHANGHAI, number: str = NUMBER, **fields: object
) -> ContactAttempt:
    return ContactAttempt(  # type: ignore[misc]
        "phone", at, timezone, phone_number=number, debt_ref="CD-001", **fields
    )


def _codes(verdict: compliance.ComplianceVerdict) -> list[ViolationCode]:
    return [violation.code for violation in verdict.violations]


def test_a_visit_at_23_00_in_shanghai_is_refused_and_consent_would_allow_it() -> None:
    verdict = compliance.check_contact(Profile.CN, _visit(_local(SHANGHAI, 2026, 11, 23, 23, 0)))
    assert verdict.blocked
    assert _codes(verdict) == [ViolationCode.OUTSIDE_CONTACT_HOURS]
    assert verdict.consent_would_allow
    (violation,) = verdict.refusals
    assert dict(violation.params) == {
        "profile": "CN",
        "local_time": "23:00",
        "timezone": SHANGHAI,
        "earliest": "08:00",
        "latest": "22:00",
    }
    assert "23:00" in violation.text()
    assert "08:00–22:00" in violation.text("zh_CN")


def test_the_borrowers_consent_allows_a_late_visit_and_keeps_it_as_a_warning() -> None:
    late = _visit(_local(SHANGHAI, 2026, 11, 23, 23, 0), consent_reason="本人约定晚上来访")
    verdict = compliance.check_contact("CN", late)
    assert verdict.allowed
    assert [warning.code for warning in verdict.warnings] == [ViolationCode.OUTSIDE_CONTACT_HOURS]


def test_a_blank_consent_reason_is_no_consent() -> None:
    late = _visit(_local(SHANGHAI, 2026, 11, 23, 23, 0), consent_reason="   ")
    assert compliance.check_contact(Profile.CN, late).blocked


@pytest.mark.parametrize(
    ("hour", "minute", "allowed"),
    [(7, 59, False), (8, 0, True), (12, 0, True), (21, 59, True), (22, 0, False), (0, 30, False)],
)
def test_cn_hours_are_08_00_to_22_00_local(hour: int, minute: int, allowed: bool) -> None:
    at = _local(SHANGHAI, 2026, 11, 23, hour, minute)
    assert compliance.check_contact(Profile.CN, _visit(at)).allowed is allowed


def test_hours_are_judged_in_the_borrowers_zone_not_in_utc() -> None:
    instant = _utc(2026, 11, 23, 15, 0)  # 23:00 in Shanghai, 10:00 in New York
    assert compliance.check_contact(Profile.CN, _visit(instant, SHANGHAI)).blocked
    assert compliance.check_contact(Profile.CN, _visit(instant, NEW_YORK)).allowed
    assert compliance.check_contact(Profile.US, _visit(instant, NEW_YORK)).allowed


@pytest.mark.parametrize(("profile", "latest"), [(Profile.US, 21), (Profile.UK, 21)])
def test_us_and_uk_hours_end_at_21_00(profile: Profile, latest: int) -> None:
    timezone = NEW_YORK if profile is Profile.US else LONDON
    before = _visit(_local(timezone, 2026, 7, 1, latest - 1, 59), timezone)
    after = _visit(_local(timezone, 2026, 7, 1, latest, 0), timezone)
    assert compliance.check_contact(profile, before).allowed
    assert compliance.check_contact(profile, after).blocked


def test_a_us_window_follows_the_spring_forward_transition() -> None:
    # 2026-03-08: New York moves from EST (UTC-5) to EDT (UTC-4) at 02:00.
    window = compliance.contact_window(Profile.US, dt.date(2026, 3, 8), NEW_YORK)
    assert (window.start, window.end) == (_utc(2026, 3, 8, 12), _utc(2026, 3, 9, 1))
    day_before = compliance.contact_window(Profile.US, dt.date(2026, 3, 7), NEW_YORK)
    assert (day_before.start, day_before.end) == (_utc(2026, 3, 7, 13), _utc(2026, 3, 8, 2))
    # The same UTC clock time is 08:30 after the change and 07:30 before it.
    assert compliance.check_contact(Profile.US, _call(_utc(2026, 3, 8, 12, 30), NEW_YORK)).allowed
    assert compliance.check_contact(Profile.US, _call(_utc(2026, 3, 7, 12, 30), NEW_YORK)).blocked


def test_a_uk_window_follows_british_summer_time_both_ways() -> None:
    # 2026-03-29 BST starts (UTC+1); 2026-10-25 it ends (back to UTC+0).
    spring = compliance.contact_window(Profile.UK, dt.date(2026, 3, 29), LONDON)
    assert (spring.start, spring.end) == (_utc(2026, 3, 29, 7), _utc(2026, 3, 29, 20))
    autumn = compliance.contact_window(Profile.UK, dt.date(2026, 10, 25), LONDON)
    assert (autumn.start, autumn.end) == (_utc(2026, 10, 25, 8), _utc(2026, 10, 25, 21))
    assert compliance.check_contact(Profile.UK, _visit(_utc(2026, 3, 29, 7, 30), LONDON)).allowed
    assert compliance.check_contact(Profile.UK, _visit(_utc(2026, 3, 28, 7, 30), LONDON)).blocked
    assert compliance.check_contact(Profile.UK, _visit(_utc(2026, 10, 25, 20, 30), LONDON)).allowed
    assert compliance.check_contact(Profile.UK, _visit(_utc(2026, 10, 24, 20, 30), LONDON)).blocked


def test_a_shanghai_window_is_midnight_to_14_00_utc() -> None:
    window = compliance.contact_window("CN", dt.date(2026, 11, 23), SHANGHAI)
    assert (window.start, window.end) == (_utc(2026, 11, 23, 0), _utc(2026, 11, 23, 14))
    assert window.contains(_utc(2026, 11, 23, 0))
    assert not window.contains(_utc(2026, 11, 23, 14))


def test_letters_have_no_hours() -> None:
    letter = ContactAttempt("letter", _local(SHANGHAI, 2026, 11, 23, 23, 30), SHANGHAI)
    assert compliance.check_contact(Profile.CN, letter).allowed


def _unanswered_calls(count: int, number: str = NUMBER) -> list[ContactAttempt]:
    return [_call(_local(SHANGHAI, 2026, 11, 23, 9 + i), number=number) for i in range(count)]


def test_the_seventh_unanswered_call_to_one_number_in_a_day_is_refused_even_with_consent() -> None:
    seventh = _call(_local(SHANGHAI, 2026, 11, 23, 17, 0), consent_reason="借款人同意多次联系")
    assert compliance.check_contact(Profile.CN, seventh, _unanswered_calls(5)).allowed
    verdict = compliance.check_contact(Profile.CN, seventh, _unanswered_calls(6))
    assert verdict.blocked
    assert not verdict.consent_would_allow
    (violation,) = verdict.refusals
    assert violation.code is ViolationCode.UNANSWERED_CALLS_PER_DAY
    assert dict(violation.params) == {
        "profile": "CN",
        "limit": 6,
        "unanswered": 6,
        "day": "2026-11-23",
    }


def test_answered_calls_other_numbers_and_other_days_do_not_count_toward_the_cn_cap() -> None:
    seventh = _call(_local(SHANGHAI, 2026, 11, 23, 17, 0))
    answered = [
        _call(_local(SHANGHAI, 2026, 11, 23, 9 + i), answered=True, reached_borrower=True)
        for i in range(6)
    ]
    other_number = _unanswered_calls(6, number="13900139000")
    yesterday = [_call(_local(SHANGHAI, 2026, 11, 22, 9 + i)) for i in range(6)]
    for history in (answered, other_number, yesterday):
        assert compliance.check_contact(Profile.CN, seventh, history).allowed


def test_the_cn_day_is_the_borrowers_day_and_the_number_is_compared_by_its_digits() -> None:
    # 23:30 UTC on the 22nd is 07:30 on the 23rd in Shanghai: the same local day.
    early = [_call(_utc(2026, 11, 22, 23, 30 + i), number="138 0013 8000") for i in range(6)]
    later = _call(_local(SHANGHAI, 2026, 11, 23, 12, 0))
    assert compliance.check_contact(Profile.CN, later, early).blocked


def test_the_us_eighth_call_about_one_debt_in_seven_days_is_refused() -> None:
    calls = [_call(_local(NEW_YORK, 2026, 6, 1 + i, 10), NEW_YORK) for i in range(7)]
    eighth = _call(_local(NEW_YORK, 2026, 6, 7, 15), NEW_YORK, consent_reason="asked for a call")
    verdict = compliance.check_contact(Profile.US, eighth, calls[:6])
    assert verdict.allowed
    verdict = compliance.check_contact(Profile.US, eighth, calls)
    assert verdict.blocked and not verdict.consent_would_allow
    (violation,) = verdict.refusals
    assert violation.code is ViolationCode.CALLS_IN_SEVEN_DAYS
    assert violation.params["calls"] == 8
    assert (violation.params["first_day"], violation.params["last_day"]) == (
        "2026-06-01",
        "2026-06-07",
    )


def test_the_us_cap_counts_per_debt_and_within_seven_consecutive_days() -> None:
    other_debt = [
        ContactAttempt(
            "phone", _local(NEW_YORK, 2026, 6, 1 + i, 10), NEW_YORK, NUMBER, debt_ref="CD-002"
        )
        for i in range(7)
    ]
    eighth = _call(_local(NEW_YORK, 2026, 6, 7, 15), NEW_YORK)
    assert compliance.check_contact(Profile.US, eighth, other_debt).allowed
    a_week_earlier = [_call(_local(NEW_YORK, 2026, 5, 25 + i, 10), NEW_YORK) for i in range(7)]
    # 25–31 May: the seven-day period holding 7 June starts on 1 June at the earliest.
    assert compliance.check_contact(Profile.US, eighth, a_week_earlier).allowed


def test_a_us_call_recorded_late_is_judged_against_the_calls_after_it() -> None:
    later = [_call(_local(NEW_YORK, 2026, 6, 2 + i % 3, 10 + i), NEW_YORK) for i in range(7)]
    late_entry = _call(_local(NEW_YORK, 2026, 6, 1, 15), NEW_YORK)
    assert compliance.check_contact(Profile.US, late_entry, later).blocked


def test_cn_has_no_weekly_cap_and_us_uk_have_no_daily_unanswered_cap() -> None:
    week = [_call(_local(SHANGHAI, 2026, 6, 1 + i, 10)) for i in range(7)]
    eighth = _call(_local(SHANGHAI, 2026, 6, 7, 15))
    assert compliance.check_contact(Profile.CN, eighth, week).allowed
    for profile, timezone in ((Profile.US, NEW_YORK), (Profile.UK, LONDON)):
        day = [_call(_local(timezone, 2026, 6, 1, 9 + i), timezone) for i in range(6)]
        seventh = _call(_local(timezone, 2026, 6, 1, 17), timezone)
        assert compliance.check_contact(profile, seventh, day).allowed


def test_reaching_a_third_party_warns_against_disclosure_without_refusing() -> None:
    met = _visit(_local(SHANGHAI, 2026, 11, 23, 10), answered=True, third_party=True)
    for profile in Profile:
        verdict = compliance.check_contact(profile, met)
        assert verdict.allowed
        assert [warning.code for warning in verdict.warnings] == [
            ViolationCode.THIRD_PARTY_DISCLOSURE
        ]
    assert "不得透露" in verdict.text("zh_CN")


def test_naive_times_unknown_zones_and_unknown_profiles_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        ContactAttempt("visit", dt.datetime(2026, 11, 23, 10), SHANGHAI)  # noqa: DTZ001
    with pytest.raises(ValueError, match="unknown time zone"):
        ContactAttempt("visit", _utc(2026, 11, 23, 10), "Mars/Olympus_Mons")
    with pytest.raises(ValueError, match="unknown contact-rules profile"):
        compliance.contact_window("FR", dt.date(2026, 11, 23), SHANGHAI)


ZONES = st.sampled_from([SHANGHAI, NEW_YORK, LONDON, "America/Los_Angeles", "Australia/Sydney"])
# Hypothesis takes naive bounds and attaches the zone itself.
INSTANTS = st.datetimes(
    min_value=dt.datetime(2020, 1, 1),  # noqa: DTZ001
    max_value=dt.datetime(2035, 12, 31),  # noqa: DTZ001
    timezones=st.just(dt.UTC),
)


@given(profile=st.sampled_from(Profile), at=INSTANTS, timezone=ZONES)
def test_a_contact_is_allowed_exactly_when_its_local_time_is_within_the_profile_hours(
    profile: Profile, at: dt.datetime, timezone: str
) -> None:
    rules = compliance.rules_for(profile)
    local = at.astimezone(compliance.zone(timezone))
    within = rules.earliest <= local.time().replace(tzinfo=None) < rules.latest
    verdict = compliance.check_contact(profile, _visit(at, timezone))
    assert verdict.allowed is within
    assert compliance.contact_window(profile, local.date(), timezone).contains(at) is within
    with_consent = compliance.check_contact(profile, _visit(at, timezone, consent_reason="同意"))
    assert with_consent.allowed


@given(
    profile=st.sampled_from(Profile),
    at=INSTANTS,
    earlier=st.lists(st.integers(min_value=-48 * 60, max_value=0), max_size=20),
)
def test_consent_never_sets_an_attempt_cap_aside(
    profile: Profile, at: dt.datetime, earlier: list[int]
) -> None:
    history = [_call(at + dt.timedelta(minutes=minutes)) for minutes in earlier]
    plain = compliance.check_contact(profile, _call(at), history)
    consented = compliance.check_contact(profile, _call(at, consent_reason="同意"), history)
    caps = {ViolationCode.UNANSWERED_CALLS_PER_DAY, ViolationCode.CALLS_IN_SEVEN_DAYS}
    plain_caps = [v.code for v in plain.refusals if v.code in caps]
    assert [v.code for v in consented.refusals] == plain_caps
