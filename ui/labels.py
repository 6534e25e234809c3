"""Words for the stable codes the services return (statuses, outcomes, buckets, reasons).

Every text is a Qt source string in the context "Labels", translated when asked for, so a code
never reaches the screen as it is stored and a language switch changes every label.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "Labels"

CASE_STATUS: Mapping[str, str] = {
    "open": QT_TRANSLATE_NOOP("Labels", "Open"),
    "promised": QT_TRANSLATE_NOOP("Labels", "Promised"),
    "in_plan": QT_TRANSLATE_NOOP("Labels", "In plan"),
    "disputed": QT_TRANSLATE_NOOP("Labels", "Disputed"),
    "settled": QT_TRANSLATE_NOOP("Labels", "Settled"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
}

BUCKET: Mapping[str, str] = {
    "current": QT_TRANSLATE_NOOP("Labels", "Current"),
    "1-30": QT_TRANSLATE_NOOP("Labels", "1–30 days"),
    "31-60": QT_TRANSLATE_NOOP("Labels", "31–60 days"),
    "61-90": QT_TRANSLATE_NOOP("Labels", "61–90 days"),
    "91-180": QT_TRANSLATE_NOOP("Labels", "91–180 days"),
    "180+": QT_TRANSLATE_NOOP("Labels", "Over 180 days"),
}

OUTCOME: Mapping[str, str] = {
    "met_borrower": QT_TRANSLATE_NOOP("Labels", "Met the borrower"),
    "met_third_party": QT_TRANSLATE_NOOP("Labels", "Met a relative or third party"),
    "not_home": QT_TRANSLATE_NOOP("Labels", "Not at home"),
    "refused": QT_TRANSLATE_NOOP("Labels", "Refused"),
    "promised_to_pay": QT_TRANSLATE_NOOP("Labels", "Promised to pay"),
    "paid_on_site": QT_TRANSLATE_NOOP("Labels", "Paid on site"),
    "dispute": QT_TRANSLATE_NOOP("Labels", "Dispute"),
    "hardship": QT_TRANSLATE_NOOP("Labels", "Hardship"),
    "moved": QT_TRANSLATE_NOOP("Labels", "Moved away"),
    "wrong_address": QT_TRANSLATE_NOOP("Labels", "Wrong address"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

CHANNEL: Mapping[str, str] = {
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone call"),
    "sms": QT_TRANSLATE_NOOP("Labels", "SMS"),
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
}

VISIT_STATUS: Mapping[str, str] = {
    "planned": QT_TRANSLATE_NOOP("Labels", "Planned"),
    "checked_in": QT_TRANSLATE_NOOP("Labels", "Checked in"),
    "completed": QT_TRANSLATE_NOOP("Labels", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}

PROMISE_STATUS: Mapping[str, str] = {
    "open": QT_TRANSLATE_NOOP("Labels", "Promise open"),
    "kept": QT_TRANSLATE_NOOP("Labels", "Promise kept"),
    "broken": QT_TRANSLATE_NOOP("Labels", "Promise broken"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Promise cancelled"),
}

PLAN_STATUS: Mapping[str, str] = {
    "draft": QT_TRANSLATE_NOOP("Labels", "Plan drafted"),
    "pending_approval": QT_TRANSLATE_NOOP("Labels", "Plan awaiting approval"),
    "approved": QT_TRANSLATE_NOOP("Labels", "Plan approved"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Plan rejected"),
    "signed": QT_TRANSLATE_NOOP("Labels", "Plan signed"),
    "active": QT_TRANSLATE_NOOP("Labels", "Plan active"),
    "completed": QT_TRANSLATE_NOOP("Labels", "Plan completed"),
    "broken": QT_TRANSLATE_NOOP("Labels", "Plan broken"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Plan cancelled"),
}

PAYMENT_CHANNEL: Mapping[str, str] = {
    "bank_transfer": QT_TRANSLATE_NOOP("Labels", "Payment by bank transfer"),
    "alipay": QT_TRANSLATE_NOOP("Labels", "Payment by Alipay"),
    "wechat_pay": QT_TRANSLATE_NOOP("Labels", "Payment by WeChat Pay"),
    "counter": QT_TRANSLATE_NOOP("Labels", "Payment at a bank counter"),
    "auto_debit": QT_TRANSLATE_NOOP("Labels", "Payment by automatic debit"),
    "on_site": QT_TRANSLATE_NOOP("Labels", "Payment collected on site"),
}

TIMELINE_KIND: Mapping[str, str] = {
    "contact": QT_TRANSLATE_NOOP("Labels", "Contact"),
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "promise": QT_TRANSLATE_NOOP("Labels", "Promise"),
    "plan": QT_TRANSLATE_NOOP("Labels", "Plan"),
    "payment": QT_TRANSLATE_NOOP("Labels", "Payment"),
}

PHONE_KIND: Mapping[str, str] = {
    "mobile": QT_TRANSLATE_NOOP("Labels", "Mobile"),
    "home": QT_TRANSLATE_NOOP("Labels", "Home phone"),
    "work": QT_TRANSLATE_NOOP("Labels", "Work phone"),
    "relative": QT_TRANSLATE_NOOP("Labels", "Relative's phone"),
}

ADDRESS_KIND: Mapping[str, str] = {
    "home": QT_TRANSLATE_NOOP("Labels", "Home"),
    "work": QT_TRANSLATE_NOOP("Labels", "Workplace"),
    "registered": QT_TRANSLATE_NOOP("Labels", "Registered address"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other address"),
}

SAFETY_FLAG: Mapping[str, str] = {
    "dog": QT_TRANSLATE_NOOP("Labels", "Dog on the premises"),
    "aggressive": QT_TRANSLATE_NOOP("Labels", "Aggressive in the past"),
    "two_person": QT_TRANSLATE_NOOP("Labels", "Visit in pairs"),
    "remote": QT_TRANSLATE_NOOP("Labels", "Remote location"),
}

# Risk reasons: templates filled with the reason's named parameters (never concatenated).
RISK_REASON: Mapping[str, str] = {
    "days_past_due": QT_TRANSLATE_NOOP("Labels", "{days} days past due (+{points})"),
    "outstanding": QT_TRANSLATE_NOOP("Labels", "{amount} yuan outstanding (+{points})"),
    "broken_promises": QT_TRANSLATE_NOOP("Labels", "{count} broken promises to pay (+{points})"),
    "never_paid": QT_TRANSLATE_NOOP("Labels", "No payment ever received (+{points})"),
    "no_recent_payment": QT_TRANSLATE_NOOP("Labels", "Last payment {days} days ago (+{points})"),
    "contact_failure": QT_TRANSLATE_NOOP(
        "Labels", "Reached nobody in {attempts} attempts in 30 days (+{points})"
    ),
    "no_contact_attempts": QT_TRANSLATE_NOOP("Labels", "No contact attempt in 30 days (+{points})"),
}

# Contact-rule violations (app.domain.compliance codes), filled with their parameters.
VIOLATION: Mapping[str, str] = {
    "outside_contact_hours": QT_TRANSLATE_NOOP(
        "Labels",
        "{local_time} in {timezone} is outside the allowed contact hours {earliest}–{latest} "
        "({profile}); only the borrower's consent allows it",
    ),
    "unanswered_calls_per_day": QT_TRANSLATE_NOOP(
        "Labels",
        "{unanswered} unanswered calls to this number on {day} already: at most {limit} a day "
        "({profile})",
    ),
    "calls_in_seven_days": QT_TRANSLATE_NOOP(
        "Labels",
        "This would be call {calls} about this debt between {first_day} and {last_day}: at most "
        "{limit} in {days} days ({profile})",
    ),
    "third_party_disclosure": QT_TRANSLATE_NOOP(
        "Labels",
        "A third party was reached: do not disclose the debt or the borrower's finances "
        "({profile})",
    ),
}

# Why a visit or contact was not saved (codes of app.services.visits.VisitError).
VISIT_ERROR: Mapping[str, str] = {
    "visit_not_planned": QT_TRANSLATE_NOOP("Labels", "Only a planned visit can be checked in."),
    "visit_not_checked_in": QT_TRANSLATE_NOOP("Labels", "Check in before you go on."),
    "check_out_before_check_in": QT_TRANSLATE_NOOP(
        "Labels", "The check-out time is before the check-in time."
    ),
    "window_order": QT_TRANSLATE_NOOP(
        "Labels", "The visit window ends ({end}) before it starts ({start})."
    ),
    "promise_amount_required": QT_TRANSLATE_NOOP("Labels", "Enter the amount promised."),
    "promise_amount_not_positive": QT_TRANSLATE_NOOP(
        "Labels", "The amount promised must be above zero."
    ),
    "promise_date_required": QT_TRANSLATE_NOOP(
        "Labels", "Enter the date the borrower will pay by."
    ),
    "promise_date_in_past": QT_TRANSLATE_NOOP(
        "Labels", "The promised date {promised_date} is before the day of the contact."
    ),
}

# Why a visit did not fit the planned route (app.services.day_plan.LeftOutReason codes).
LEFT_OUT: Mapping[str, str] = {
    "no_position": QT_TRANSLATE_NOOP("Labels", "the address has no known position"),
    "outside_every_window": QT_TRANSLATE_NOOP(
        "Labels", "its window lies outside the legal contact hours or your shift"
    ),
    "out_of_reach": QT_TRANSLATE_NOOP(
        "Labels", "it cannot be reached within its window and your shift"
    ),
    "no_room_left": QT_TRANSLATE_NOOP(
        "Labels", "the day is full: the visits planned were more urgent or nearer"
    ),
    "no_skilled_collector": QT_TRANSLATE_NOOP("Labels", "it needs a skill you do not have"),
}


def label(table: Mapping[str, str], code: str | None) -> str:
    """The translated words for `code`; an unknown code (say, one added in settings) as it is."""
    if code is None:
        return ""
    source = table.get(code)
    return QCoreApplication.translate(_CONTEXT, source) if source else code


def filled(table: Mapping[str, str], code: str, params: Mapping[str, object]) -> str:
    """A translated template for `code` filled with its named parameters."""
    return label(table, code).format(**params)
