"""Contact rules by country: allowed hours in the borrower's local time and attempt caps.

`check_contact` judges one proposed contact against the earlier attempts and returns a verdict
made of violation codes with parameters (the UI translates them); `contact_window` gives the
legal hours of a day for routing. Pure: values in, values out, no I/O and no clock reading.

| profile | hours (borrower's local time) | attempt caps                                     |
| ------- | ----------------------------- | ------------------------------------------------ |
| CN      | 08:00–22:00 unless consent    | ≤ 6 unanswered calls a day to one number         |
| US      | 08:00–21:00 unless consent    | ≤ 7 calls within 7 consecutive days per debt     |
| UK      | 08:00–21:00 unless consent    | none with numbers                                |

A consent reason sets aside an hours violation but never an attempt cap. Reaching a third party
is never refused (it already happened) but always warns: the debt must not be disclosed.
"""

from __future__ import annotations

import datetime as dt
import enum
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from app.domain import vocabulary


class Profile(enum.StrEnum):
    CN = "CN"
    US = "US"
    UK = "UK"


class ViolationCode(enum.StrEnum):
    OUTSIDE_CONTACT_HOURS = "outside_contact_hours"
    UNANSWERED_CALLS_PER_DAY = "unanswered_calls_per_day"
    CALLS_IN_SEVEN_DAYS = "calls_in_seven_days"
    THIRD_PARTY_DISCLOSURE = "third_party_disclosure"


@dataclass(frozen=True, slots=True)
class ProfileRules:
    """The numbers of one profile.

    Attributes:
        profile: the profile they belong to.
        earliest: the first allowed local time of a day (inclusive).
        latest: the end of the allowed local hours (exclusive).
        timed_channels: channels that must fall within the hours.
        unanswered_calls_per_number_per_day: cap on unanswered calls to one number on one local
            day (None: no cap).
        calls_per_debt_in_period: cap on calls about one debt within `call_period_days`
            consecutive local days (None: no cap).
        call_period_days: the length of that period.
        warn_on_third_party: reaching a third party warns that the debt must not be disclosed.
    """

    profile: Profile
    earliest: dt.time
    latest: dt.time
    timed_channels: frozenset[str]
    unanswered_calls_per_number_per_day: int | None = None
    calls_per_debt_in_period: int | None = None
    call_period_days: int = 7
    warn_on_third_party: bool = True


# Letters are not delivered at a chosen hour; every other channel reaches the borrower at once.
_TIMED: frozenset[str] = frozenset(
    channel for channel in vocabulary.ContactChannel if channel != vocabulary.ContactChannel.LETTER
)

RULES: Mapping[Profile, ProfileRules] = MappingProxyType(
    {
        # CBA 个人消费类贷款催收工作指引: no phone, on-site or other collection 22:00–08:00
        # without the debtor's consent; unanswered calls at most 6 a day to one number; no
        # disclosure of the debtor's financial information to third parties.
        Profile.CN: ProfileRules(
            Profile.CN,
            earliest=dt.time(8),
            latest=dt.time(22),
            timed_channels=_TIMED,
            unanswered_calls_per_number_per_day=6,
        ),
        # FDCPA §1692c(a)(1) / Reg F §1006.6(b)(1): after 8 a.m. and before 9 p.m. at the
        # consumer's location, visits included. Reg F §1006.14(b)(2): more than 7 calls within 7
        # consecutive days about one debt is presumed harassment. §1692c(b): no third parties.
        Profile.US: ProfileRules(
            Profile.US,
            earliest=dt.time(8),
            latest=dt.time(21),
            timed_channels=_TIMED,
            calls_per_debt_in_period=7,
            call_period_days=7,
        ),
        # FCA CONC 7.9.4 R: no contact at unreasonable times; MCOB 13.5.4 G reads that as
        # 8 am–9 pm. CONC 7.9.8 G / 7.9.10 R: third parties must not learn of the debt.
        Profile.UK: ProfileRules(
            Profile.UK,
            earliest=dt.time(8),
            latest=dt.time(21),
            timed_channels=_TIMED,
        ),
    }
)


def rules_for(profile: Profile | str) -> ProfileRules:
    """The rules of `profile` ("CN", "US" or "UK"); ValueError names an unknown one."""
    try:
        return RULES[Profile(profile)]
    except ValueError:
        raise ValueError(f"unknown contact-rules profile {profile!r}") from None


def zone(name: str) -> zoneinfo.ZoneInfo:
    """The IANA time zone `name`; ValueError names an unknown one."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}") from None


@dataclass(frozen=True, slots=True)
class ContactAttempt:
    """One contact attempt, proposed or already made.

    Attributes:
        channel: a `vocabulary.ContactChannel` value.
        at: when it happens or happened (timezone-aware; any zone, UTC in storage).
        timezone: the IANA zone of the borrower's location (from the address, not the number).
        phone_number: the number called or texted, for phone and SMS.
        debt_ref: which debt (loan case) it was about; calls are capped per debt in the US.
        answered: someone picked up or opened the door.
        reached_borrower: that someone was the borrower.
        third_party: only someone other than the borrower was reached.
        consent_reason: why the borrower's consent allows it (e.g. "asked to be called at 22:30").
    """

    channel: str
    at: dt.datetime
    timezone: str
    phone_number: str | None = None
    debt_ref: str = ""
    answered: bool = False
    reached_borrower: bool = False
    third_party: bool = False
    consent_reason: str | None = None

    def __post_init__(self) -> None:
        if self.at.tzinfo is None or self.at.utcoffset() is None:
            raise ValueError(f"a contact time must be timezone-aware, got {self.at!r}")
        zone(self.timezone)

    @property
    def has_consent(self) -> bool:
        return bool(self.consent_reason and self.consent_reason.strip())

    def local_time(self, timezone: str | None = None) -> dt.datetime:
        """`at` in the borrower's zone (or in `timezone`)."""
        return self.at.astimezone(zone(timezone or self.timezone))


# Violation texts, filled with the violation's parameters (str.format, no concatenation).
_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        ViolationCode.OUTSIDE_CONTACT_HOURS: (
            "{local_time} in {timezone} is outside the allowed contact hours "
            "{earliest}–{latest} ({profile}); only the borrower's consent allows it"
        ),
        ViolationCode.UNANSWERED_CALLS_PER_DAY: (
            "{unanswered} unanswered calls to this number on {day} already: at most {limit} "
            "a day ({profile})"
        ),
        ViolationCode.CALLS_IN_SEVEN_DAYS: (
            "this would be call {calls} about this debt between {first_day} and {last_day}: "
            "at most {limit} in {days} days ({profile})"
        ),
        ViolationCode.THIRD_PARTY_DISCLOSURE: (
            "a third party was reached: do not disclose the debt or the borrower's finances "
            "({profile})"
        ),
    },
    "zh_CN": {
        ViolationCode.OUTSIDE_CONTACT_HOURS: (
            "借款人当地时间{local_time}（{timezone}）不在允许的联系时段{earliest}–{latest}内"
            "（{profile}）；仅在借款人同意时可以联系"
        ),
        ViolationCode.UNANSWERED_CALLS_PER_DAY: (
            "{day}已对该号码拨打{unanswered}次未接通：每日最多{limit}次（{profile}）"
        ),
        ViolationCode.CALLS_IN_SEVEN_DAYS: (
            "这将是{first_day}至{last_day}期间关于该笔欠款的第{calls}次来电："
            "{days}天内最多{limit}次（{profile}）"
        ),
        ViolationCode.THIRD_PARTY_DISCLOSURE: (
            "接触到第三方：不得透露欠款或借款人的财务信息（{profile}）"
        ),
    },
}


@dataclass(frozen=True, slots=True)
class Violation:
    """One rule a contact breaks: a stable code with parameters, and its words.

    Attributes:
        code: what rule it breaks.
        params: the numbers and times the UI fills into its translated text.
        blocking: the contact is refused (a warning when False).
        consent_overrides: the borrower's recorded consent sets the refusal aside.
    """

    code: ViolationCode
    params: Mapping[str, str | int] = field(default_factory=dict)
    blocking: bool = True
    consent_overrides: bool = False

    def text(self, language: str = "en") -> str:
        templates = _TEXTS.get(language, _TEXTS["en"])
        return templates[self.code].format(**self.params)


@dataclass(frozen=True, slots=True)
class ComplianceVerdict:
    """What the rules say about one proposed contact.

    Attributes:
        profile: the profile it was judged under.
        violations: every rule it breaks, refusals and warnings alike.
        consent_given: the proposed contact carried a consent reason.
    """

    profile: Profile
    violations: tuple[Violation, ...] = ()
    consent_given: bool = False

    def _refuses(self, violation: Violation) -> bool:
        return violation.blocking and not (violation.consent_overrides and self.consent_given)

    @property
    def refusals(self) -> tuple[Violation, ...]:
        """The violations that refuse the contact, after consent has set aside what it may."""
        return tuple(violation for violation in self.violations if self._refuses(violation))

    @property
    def allowed(self) -> bool:
        return not self.refusals

    @property
    def blocked(self) -> bool:
        return bool(self.refusals)

    @property
    def consent_would_allow(self) -> bool:
        """Blocked, but a consent reason would set every refusal aside."""
        refusals = self.refusals
        return bool(refusals) and all(violation.consent_overrides for violation in refusals)

    @property
    def warnings(self) -> tuple[Violation, ...]:
        """Violations that do not refuse the contact (warnings, and those consent set aside)."""
        return tuple(violation for violation in self.violations if not self._refuses(violation))

    def text(self, language: str = "en") -> str:
        """Every violation in words, one per line (for the command line and logs)."""
        return "\n".join(violation.text(language) for violation in self.violations)


@dataclass(frozen=True, slots=True)
class ContactWindow:
    """The legal contact hours of one local day.

    Attributes:
        day: the day in the borrower's zone.
        timezone: that zone.
        start: the first allowed instant (aware, UTC).
        end: the end of the allowed hours, exclusive (aware, UTC).
    """

    day: dt.date
    timezone: str
    start: dt.datetime
    end: dt.datetime

    def contains(self, at: dt.datetime) -> bool:
        return self.start <= at < self.end


def _local_instant(day: dt.date, time: dt.time, place: zoneinfo.ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, time, place).astimezone(dt.UTC)


def contact_window(profile: Profile | str, day: dt.date, timezone: str) -> ContactWindow:
    """The allowed contact hours of `day` in `timezone` (e.g. for a route's time windows)."""
    rules = rules_for(profile)
    place = zone(timezone)
    return ContactWindow(
        day=day,
        timezone=timezone,
        start=_local_instant(day, rules.earliest, place),
        end=_local_instant(day, rules.latest, place),
    )


def _params(**params: str | int) -> Mapping[str, str | int]:
    return MappingProxyType(params)


def _hours_violation(rules: ProfileRules, proposed: ContactAttempt) -> Violation | None:
    if proposed.channel not in rules.timed_channels:
        return None
    local = proposed.local_time()
    window = contact_window(rules.profile, local.date(), proposed.timezone)
    if window.contains(proposed.at):
        return None
    return Violation(
        ViolationCode.OUTSIDE_CONTACT_HOURS,
        _params(
            profile=rules.profile.value,
            local_time=local.strftime("%H:%M"),
            timezone=proposed.timezone,
            earliest=rules.earliest.strftime("%H:%M"),
            latest=rules.latest.strftime("%H:%M"),
        ),
        blocking=True,
        consent_overrides=True,
    )


def _digits(number: str) -> str:
    return "".join(character for character in number if character.isdigit())


def _unanswered_calls_violation(
    rules: ProfileRules, proposed: ContactAttempt, history: Iterable[ContactAttempt]
) -> Violation | None:
    limit = rules.unanswered_calls_per_number_per_day
    if limit is None or proposed.channel != vocabulary.ContactChannel.PHONE:
        return None
    if not proposed.phone_number:
        return None
    number = _digits(proposed.phone_number)
    day = proposed.local_time().date()
    unanswered = sum(
        1
        for attempt in history
        if attempt.channel == vocabulary.ContactChannel.PHONE
        and not attempt.answered
        and attempt.phone_number is not None
        and _digits(attempt.phone_number) == number
        and attempt.local_time(proposed.timezone).date() == day
    )
    if unanswered < limit:
        return None
    return Violation(
        ViolationCode.UNANSWERED_CALLS_PER_DAY,
        _params(
            profile=rules.profile.value, limit=limit, unanswered=unanswered, day=day.isoformat()
        ),
        blocking=True,
        consent_overrides=False,
    )


def _calls_in_period_violation(
    rules: ProfileRules, proposed: ContactAttempt, history: Iterable[ContactAttempt]
) -> Violation | None:
    limit = rules.calls_per_debt_in_period
    if limit is None or proposed.channel != vocabulary.ContactChannel.PHONE:
        return None
    days = rules.call_period_days
    day = proposed.local_time().date()
    # Every period of `days` consecutive local days that holds the proposed call, so a call
    # recorded late is judged against the calls after it as well as those before.
    call_days = [
        attempt.local_time(proposed.timezone).date()
        for attempt in history
        if attempt.channel == vocabulary.ContactChannel.PHONE
        and attempt.debt_ref == proposed.debt_ref
    ]
    worst: tuple[int, dt.date] | None = None
    for offset in range(days):
        first = day - dt.timedelta(days=days - 1 - offset)
        last = first + dt.timedelta(days=days - 1)
        calls = 1 + sum(1 for call_day in call_days if first <= call_day <= last)
        if calls > limit and (worst is None or calls > worst[0]):
            worst = (calls, first)
    if worst is None:
        return None
    calls, first = worst
    return Violation(
        ViolationCode.CALLS_IN_SEVEN_DAYS,
        _params(
            profile=rules.profile.value,
            limit=limit,
            days=days,
            calls=calls,
            first_day=first.isoformat(),
            last_day=(first + dt.timedelta(days=days - 1)).isoformat(),
        ),
        blocking=True,
        consent_overrides=False,
    )


def _third_party_violation(rules: ProfileRules, proposed: ContactAttempt) -> Violation | None:
    if not (rules.warn_on_third_party and proposed.third_party):
        return None
    return Violation(
        ViolationCode.THIRD_PARTY_DISCLOSURE,
        _params(profile=rules.profile.value),
        blocking=False,
        consent_overrides=False,
    )


def check_contact(
    profile: Profile | str, proposed: ContactAttempt, history: Iterable[ContactAttempt] = ()
) -> ComplianceVerdict:
    """Judge `proposed` under `profile`, given the earlier attempts on this borrower.

    `history` should hold the attempts about this debt and those to the proposed number (other
    debts' calls are told apart by `debt_ref`); it must not include `proposed` itself. A call
    without a `phone_number` escapes the per-number cap, so callers should always give one.
    """
    rules = rules_for(profile)
    earlier = tuple(history)
    found = (
        _hours_violation(rules, proposed),
        _unanswered_calls_violation(rules, proposed, earlier),
        _calls_in_period_violation(rules, proposed, earlier),
        _third_party_violation(rules, proposed),
    )
    return ComplianceVerdict(
        profile=rules.profile,
        violations=tuple(violation for violation in found if violation is not None),
        consent_given=proposed.has_consent,
    )
