"""The team lead's reports over a period, read from his local store, and their XLSX/PDF exports.

Figures, each over the filter's team (or collector) and period [start, end] (whole UTC days):

- **aging over time**: at each month end in the period (the period's end when it holds none),
  the cases in each aging bucket (app.domain.aging) and their outstanding amount then.
- **recovery**: recovered = payments received in the period; recovery rate = recovered /
  outstanding at the period start (cases not closed before it).
- **promise-kept rate**: of the promises due in the period (`promised_date`) that were settled,
  kept / (kept + broken); open and cancelled ones are not counted.
- **visits per collector per day**: completed visits by their planned day.
- **contact success**: contacts in the period by outcome code; the share that reached the
  borrower or a third party (`vocabulary.ContactOutcome.reached_someone`; a code added in
  settings and unknown here counts as not reached).
- **cost per yuan recovered**: the travel cost of the planned routes (visits with a route order,
  not cancelled) of the period — per collector and day: road km from his home (else the team's
  office) through the stops in route order and back, with the day planner's travel model; cost =
  km × cost per km + (travel hours + 30 minutes' service per stop) × hourly rate (the settings
  `cost_per_km` and `hourly_rate` the day plan uses; waiting for windows is not counted) —
  divided by the recovered amount.
- **roll rates**: between consecutive month ends, the share of the cases in bucket i at the first
  that are in bucket j (or closed) at the second.

The store keeps no history of balances or due dates, so a past month end is reconstructed: the
outstanding amount then = today's balance + the payments received after that day; the bucket
from the first unpaid due date as it stands now; a case counts from the start unless it was
closed (`closed_at`) on or before that day. A case that caught up and had its due date moved
forward therefore shows in its present bucket throughout: roll rates never show a cure.

Case figures (aging, recovery, roll rates) take the cases of the team (`loan_case.team_id`) or
held by the collector (`assigned_to_id`); people's figures (promises, visits, contacts, travel)
take what the team's members (or the collector) recorded. Money is `Decimal`, rates exact
`Fraction`s, rounded only when shown. The case figures come from two grouped queries (cases,
and payments on them, grouped by first unpaid due date and closing moment), whatever the number
of cases or month ends.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select, true, type_coerce
from sqlalchemy.orm import Session

from app import errors, settings
from app.domain import aging, vocabulary
from app.routing import problem as route_problem
from app.routing import travel_matrix
from app.services import day_plan
from app.services.workspace import Workspace
from app.store import models
from app.store.column_types import Money

CLOSED = "closed"
BUCKETS: tuple[aging.AgingBucket, ...] = tuple(aging.AgingBucket)
# Where a case can be at the next month end: a bucket, or closed.
ROLL_TARGETS: tuple[str, ...] = (*(bucket.value for bucket in BUCKETS), CLOSED)
ZERO = Decimal("0.00")
_CENT = Decimal("0.01")
_TRAVEL = route_problem.Travel(
    route_problem.TravelMode.HAVERSINE, kmh=day_plan.TRAVEL_KMH, road_factor=day_plan.ROAD_FACTOR
)
_SERVICE_SECONDS = day_plan.VISIT_MINUTES * 60
_OUTCOMES = {outcome.code: outcome for outcome in vocabulary.DEFAULT_OUTCOMES}


class ReportError(errors.KnownError):
    """A report cannot be made (a period that ends before it starts) or written."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportFilter:
    """What a report covers.

    Attributes:
        team_id: only this team (None: every team in the store).
        collector_id: only this collector (None: everybody in scope).
        start: the period's first day.
        end: its last day (inclusive).
    """

    team_id: uuid.UUID | None = None
    collector_id: uuid.UUID | None = None
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class AgingPoint:
    """One bucket at one month end: how many cases and how much they owed."""

    month_end: dt.date
    bucket: aging.AgingBucket
    count: int
    outstanding: Decimal


@dataclass(frozen=True, slots=True)
class CollectorVisits:
    """A collector's completed visits: in all, on how many days, and per such day."""

    collector_id: uuid.UUID
    collector_name: str
    visits: int
    days: int
    per_day: Fraction


@dataclass(frozen=True, slots=True)
class DayVisits:
    collector_id: uuid.UUID
    collector_name: str
    day: dt.date
    visits: int


@dataclass(frozen=True, slots=True)
class OutcomeCount:
    """Contacts with one outcome code, and whether that outcome reached someone."""

    outcome: str
    count: int
    reached: bool


@dataclass(frozen=True, slots=True)
class CollectorTravel:
    """A collector's planned travel in the period and what it costs."""

    collector_id: uuid.UUID
    collector_name: str
    days: int
    stops: int
    km: Decimal
    hours: Decimal
    cost: Decimal


@dataclass(frozen=True, slots=True)
class RollRate:
    """Cases in `from_bucket` at `from_month_end` that are in `to_bucket` (or closed) at the next.

    Attributes:
        share: count / every case in `from_bucket` at `from_month_end`.
    """

    from_month_end: dt.date
    to_month_end: dt.date
    from_bucket: str
    to_bucket: str
    count: int
    share: Fraction


@dataclass(frozen=True, slots=True)
class Report:
    """Every figure of one report (see the module's docstring for each definition).

    Attributes:
        filter: what it covers.
        month_ends: the days aging and roll rates are taken on.
        aging: every bucket at every month end (zeros included), by month end then bucket.
        recovered: payments received in the period.
        outstanding_at_start: what the cases in scope owed at the period's start.
        recovery_rate: recovered / outstanding_at_start (None when nothing was owed).
        promises_kept: promises due in the period and kept.
        promises_broken: promises due in the period and broken.
        promise_kept_rate: kept / (kept + broken), None without any.
        visits: per collector.
        visits_by_day: per collector and day.
        contacts: per outcome code, most frequent first.
        contact_success_rate: contacts that reached someone / all contacts (None without any).
        travel: per collector.
        travel_cost: the sum of the collectors' travel costs.
        cost_per_yuan: travel_cost / recovered (None when nothing was recovered).
        roll_rates: for each pair of consecutive month ends, each bucket holding cases at the
            first × every bucket and "closed" at the second.
        collector_names: names of the collectors the report mentions, by id.
    """

    filter: ReportFilter
    month_ends: tuple[dt.date, ...]
    aging: tuple[AgingPoint, ...]
    recovered: Decimal
    outstanding_at_start: Decimal
    recovery_rate: Fraction | None
    promises_kept: int
    promises_broken: int
    promise_kept_rate: Fraction | None
    visits: tuple[CollectorVisits, ...]
    visits_by_day: tuple[DayVisits, ...]
    contacts: tuple[OutcomeCount, ...]
    contact_success_rate: Fraction | None
    travel: tuple[CollectorTravel, ...]
    travel_cost: Decimal
    cost_per_yuan: Fraction | None
    roll_rates: tuple[RollRate, ...]


def month_ends(start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    """The last days of the months that fall in [start, end]; (end,) when none does."""
    found: list[dt.date] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        if start <= last <= end:
            found.append(last)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(found) or (end,)


def _rate(part: Decimal | int, whole: Decimal | int) -> Fraction | None:
    return Fraction(part) / Fraction(whole) if whole else None


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def _end_of(day: dt.date) -> dt.datetime:
    return _midnight(day + dt.timedelta(days=1))


class ReportService:
    """Computes reports from the lead's local store."""

    def __init__(
        self, workspace: Workspace, preferences: settings.Preferences | None = None
    ) -> None:
        self._workspace = workspace
        self._cost_per_km = _cost_rate(preferences, "cost_per_km")
        self._hourly_rate = _cost_rate(preferences, "hourly_rate")

    def compute(self, report_filter: ReportFilter) -> Report:
        if report_filter.end < report_filter.start:
            raise ReportError(
                f"the period ends ({report_filter.end}) before it starts ({report_filter.start})"
            )
        ends = month_ends(report_filter.start, report_filter.end)
        with self._workspace.session() as session:
            people = _people(report_filter)
            names = dict(
                session.execute(select(models.AppUser.id, models.AppUser.display_name)).all()
            )
            cases = _case_figures(session, report_filter, ends)
            kept, broken = _promises(session, report_filter, people)
            visits, visits_by_day = _visits(session, report_filter, people, names)
            contacts = _contacts(session, report_filter, people)
            travel = self._travel(session, report_filter, people, names)
        reached = sum(item.count for item in contacts if item.reached)
        travel_cost = sum((item.cost for item in travel), ZERO)
        return Report(
            filter=report_filter,
            month_ends=ends,
            aging=cases.aging,
            recovered=cases.recovered,
            outstanding_at_start=cases.outstanding_at_start,
            recovery_rate=_rate(cases.recovered, cases.outstanding_at_start),
            promises_kept=kept,
            promises_broken=broken,
            promise_kept_rate=_rate(kept, kept + broken),
            visits=visits,
            visits_by_day=visits_by_day,
            contacts=contacts,
            contact_success_rate=_rate(reached, sum(item.count for item in contacts)),
            travel=travel,
            travel_cost=travel_cost,
            cost_per_yuan=_rate(travel_cost, cases.recovered),
            roll_rates=cases.roll_rates,
        )

    def _travel(
        self,
        session: Session,
        report_filter: ReportFilter,
        people: ColumnElement[bool] | None,
        names: dict[uuid.UUID, str],
    ) -> tuple[CollectorTravel, ...]:
        visit, address = models.Visit, models.BorrowerAddress
        homes = {
            user_id: _home(home_lat, home_lon, office_lat, office_lon)
            for user_id, home_lat, home_lon, office_lat, office_lon in session.execute(
                select(
                    models.AppUser.id,
                    models.AppUser.home_lat,
                    models.AppUser.home_lon,
                    models.Team.office_lat,
                    models.Team.office_lon,
                ).outerjoin(models.Team, models.Team.id == models.AppUser.team_id)
            )
        }
        days: dict[tuple[uuid.UUID, dt.date], list[tuple[float, float]]] = defaultdict(list)
        for user_id, planned_date, lat, lon in session.execute(
            select(visit.user_id, visit.planned_date, address.lat, address.lon)
            .join(address, address.id == visit.address_id)
            .where(
                visit.route_order.is_not(None),
                visit.status != vocabulary.VisitStatus.CANCELLED,
                visit.planned_date.between(report_filter.start, report_filter.end),
                address.lat.is_not(None),
                address.lon.is_not(None),
                _user_scope(visit.user_id, people),
            )
            .order_by(visit.user_id, visit.planned_date, visit.route_order, visit.id)
        ):
            days[(user_id, planned_date)].append((lon, lat))
        totals: dict[uuid.UUID, list[Any]] = {}
        for (user_id, _day), stops in days.items():
            home = homes.get(user_id)
            places = [home, *stops, home] if home is not None else stops
            metres = seconds = 0.0
            for here, there in itertools.pairwise(places):
                leg_metres, leg_seconds = travel_matrix.leg(_TRAVEL, here, there)
                metres += leg_metres
                seconds += leg_seconds
            km = Decimal(metres) / 1000
            hours = (Decimal(seconds) + len(stops) * _SERVICE_SECONDS) / 3600
            cost = (km * self._cost_per_km + hours * self._hourly_rate).quantize(_CENT)
            total = totals.setdefault(user_id, [0, 0, Decimal(0), Decimal(0), ZERO])
            total[0] += 1
            total[1] += len(stops)
            total[2] += km
            total[3] += hours
            total[4] += cost
        return tuple(
            sorted(
                (
                    CollectorTravel(
                        collector_id=user_id,
                        collector_name=names.get(user_id, str(user_id)),
                        days=day_count,
                        stops=stops,
                        km=km.quantize(_CENT),
                        hours=hours.quantize(_CENT),
                        cost=cost,
                    )
                    for user_id, (day_count, stops, km, hours, cost) in totals.items()
                ),
                key=lambda item: (item.collector_name, str(item.collector_id)),
            )
        )


def _cost_rate(preferences: settings.Preferences | None, key: str) -> Decimal:
    """A travel cost rate: the user's setting, else its declared default (as the day plan does)."""
    if preferences is not None:
        return Decimal(preferences.get(key))
    return Decimal(next(spec.default for spec in settings.SETTINGS if spec.key == key))


def _home(
    home_lat: float | None,
    home_lon: float | None,
    office_lat: float | None,
    office_lon: float | None,
) -> tuple[float, float] | None:
    if home_lat is not None and home_lon is not None:
        return (home_lon, home_lat)
    if office_lat is not None and office_lon is not None:
        return (office_lon, office_lat)
    return None


# Scopes ----------------------------------------------------------------------------------------


def _people(report_filter: ReportFilter) -> ColumnElement[bool] | None:
    """Which users' facts count: the collector, else the team's members, else everybody."""
    if report_filter.collector_id is not None:
        return models.AppUser.id == report_filter.collector_id
    if report_filter.team_id is not None:
        return models.AppUser.team_id == report_filter.team_id
    return None


def _user_scope(column: Any, people: ColumnElement[bool] | None) -> ColumnElement[bool]:
    if people is None:
        return true()
    return column.in_(select(models.AppUser.id).where(people))


def _case_scope(report_filter: ReportFilter) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = []
    if report_filter.team_id is not None:
        conditions.append(models.LoanCase.team_id == report_filter.team_id)
    if report_filter.collector_id is not None:
        conditions.append(models.LoanCase.assigned_to_id == report_filter.collector_id)
    return and_(true(), *conditions)


# Case figures: aging, recovery, roll rates -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _CaseFigures:
    aging: tuple[AgingPoint, ...]
    recovered: Decimal
    outstanding_at_start: Decimal
    roll_rates: tuple[RollRate, ...]


def _state_on(day: dt.date, due_date: dt.date | None, closed_at: dt.datetime | None) -> str:
    """A case's bucket on `day` from its first unpaid due date, or "closed" if it was by then."""
    if closed_at is not None and closed_at < _end_of(day):
        return CLOSED
    return aging.bucket_for(aging.days_past_due(due_date, day)).value


@dataclass(slots=True)
class _Group:
    """Cases sharing a first unpaid due date and a closing moment: they age alike.

    Attributes:
        cases: how many.
        owed: their balances today.
        paid_since_start: payments on them since the period's start.
        recovered: payments on them inside the period.
        paid_after: per month end, the payments on them after it.
    """

    cases: int
    owed: Decimal
    paid_since_start: Decimal
    recovered: Decimal
    paid_after: list[Decimal]


def _case_figures(
    session: Session, report_filter: ReportFilter, ends: Sequence[dt.date]
) -> _CaseFigures:
    """Aging at each month end, recovery and roll rates.

    Two grouped queries: the cases, and the payments on them, each grouped by the case's first
    unpaid due date and closing moment — the only things a case's bucket on a day depends on —
    so a few thousand groups come back for any number of cases, and the buckets of each month
    end are worked out per group.
    """
    loan_case, payment = models.LoanCase, models.Payment
    start, period_end = _midnight(report_filter.start), _end_of(report_filter.end)
    scope = _case_scope(report_filter)
    key = (loan_case.due_date, loan_case.closed_at)
    groups: dict[tuple[dt.date | None, dt.datetime | None], _Group] = {}
    owed = loan_case.principal + loan_case.interest + loan_case.penalty
    for due_date, closed_at, number, balance in session.execute(
        select(*key, func.count(), type_coerce(func.sum(owed), Money())).where(scope).group_by(*key)
    ):
        groups[(due_date, closed_at)] = _Group(number, balance, ZERO, ZERO, [ZERO] * len(ends))

    def paid_between(since: dt.datetime, until: dt.datetime | None = None) -> Any:
        inside = payment.paid_at >= since
        if until is not None:
            inside = inside & (payment.paid_at < until)
        return type_coerce(func.sum(case((inside, payment.amount), else_=0)), Money())

    earliest = min(start, *(_end_of(day) for day in ends))
    for due_date, closed_at, since_start, recovered, *after in session.execute(
        select(
            *key,
            paid_between(start),
            paid_between(start, period_end),
            *(paid_between(_end_of(day)) for day in ends),
        )
        .join(loan_case, loan_case.id == payment.case_id)
        .where(scope, payment.paid_at >= earliest)
        .group_by(*key)
    ):
        group = groups[(due_date, closed_at)]
        group.paid_since_start = since_start
        group.recovered = recovered
        group.paid_after = list(after)

    counts: dict[tuple[int, str], int] = defaultdict(int)
    owed_then: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    rolls: dict[tuple[int, str, str], int] = defaultdict(int)
    recovered_total = outstanding_at_start = ZERO
    for (due_date, closed_at), group in groups.items():
        recovered_total += group.recovered
        if closed_at is None or closed_at >= start:
            outstanding_at_start += group.owed + group.paid_since_start
        states = [_state_on(day, due_date, closed_at) for day in ends]
        for n, state in enumerate(states):
            if state == CLOSED:
                continue
            counts[(n, state)] += group.cases
            owed_then[(n, state)] += group.owed + group.paid_after[n]
            if n + 1 < len(ends):
                rolls[(n, state, states[n + 1])] += group.cases
    points = tuple(
        AgingPoint(day, bucket, counts[(n, bucket.value)], owed_then[(n, bucket.value)])
        for n, day in enumerate(ends)
        for bucket in BUCKETS
    )
    roll_rates = tuple(
        RollRate(
            ends[n],
            ends[n + 1],
            bucket.value,
            target,
            rolls[(n, bucket.value, target)],
            Fraction(rolls[(n, bucket.value, target)], counts[(n, bucket.value)]),
        )
        for n in range(len(ends) - 1)
        for bucket in BUCKETS
        if counts[(n, bucket.value)]
        for target in ROLL_TARGETS
    )
    return _CaseFigures(points, recovered_total, outstanding_at_start, roll_rates)


# People's figures: promises, visits, contacts --------------------------------------------------


def _promises(
    session: Session, report_filter: ReportFilter, people: ColumnElement[bool] | None
) -> tuple[int, int]:
    promise = models.PromiseToPay
    found = dict(
        session.execute(
            select(promise.status, func.count())
            .where(
                promise.promised_date.between(report_filter.start, report_filter.end),
                promise.status.in_(
                    (vocabulary.PromiseStatus.KEPT, vocabulary.PromiseStatus.BROKEN)
                ),
                _user_scope(promise.user_id, people),
            )
            .group_by(promise.status)
        ).all()
    )
    return (
        found.get(vocabulary.PromiseStatus.KEPT.value, 0),
        found.get(vocabulary.PromiseStatus.BROKEN.value, 0),
    )


def _visits(
    session: Session,
    report_filter: ReportFilter,
    people: ColumnElement[bool] | None,
    names: dict[uuid.UUID, str],
) -> tuple[tuple[CollectorVisits, ...], tuple[DayVisits, ...]]:
    visit = models.Visit
    by_day = [
        DayVisits(user_id, names.get(user_id, str(user_id)), day, count)
        for user_id, day, count in session.execute(
            select(visit.user_id, visit.planned_date, func.count())
            .where(
                visit.status == vocabulary.VisitStatus.COMPLETED,
                visit.planned_date.between(report_filter.start, report_filter.end),
                _user_scope(visit.user_id, people),
            )
            .group_by(visit.user_id, visit.planned_date)
        )
    ]
    by_day.sort(key=lambda item: (item.collector_name, str(item.collector_id), item.day))
    totals: dict[uuid.UUID, list[int]] = {}
    for item in by_day:
        total = totals.setdefault(item.collector_id, [0, 0])
        total[0] += item.visits
        total[1] += 1
    per_collector = tuple(
        sorted(
            (
                CollectorVisits(
                    user_id, names.get(user_id, str(user_id)), visits, days, Fraction(visits, days)
                )
                for user_id, (visits, days) in totals.items()
            ),
            key=lambda item: (item.collector_name, str(item.collector_id)),
        )
    )
    return per_collector, tuple(by_day)


def _contacts(
    session: Session, report_filter: ReportFilter, people: ColumnElement[bool] | None
) -> tuple[OutcomeCount, ...]:
    contact = models.Contact
    rows = session.execute(
        select(contact.outcome, func.count())
        .where(
            contact.contacted_at >= _midnight(report_filter.start),
            contact.contacted_at < _end_of(report_filter.end),
            _user_scope(contact.user_id, people),
        )
        .group_by(contact.outcome)
    )
    counted = [
        OutcomeCount(code, count, code in _OUTCOMES and _OUTCOMES[code].reached_someone)
        for code, count in rows
    ]
    return tuple(sorted(counted, key=lambda item: (-item.count, item.outcome)))


# Exports ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportTable:
    """One figure as a table: what both exports write (a sheet, or a titled table).

    Attributes:
        key: a stable name (also the XLSX sheet's name).
        title: the figure's title in the export's language.
        headers: the column titles.
        rows: the cells: text, int, Decimal, date, or a Fraction for a rate.
    """

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "aging": "Aging buckets over time",
        "recovery": "Recovery",
        "promises": "Promises kept",
        "visits": "Visits per collector per day",
        "contacts": "Contact success",
        "cost": "Cost per yuan recovered",
        "rolls": "Roll rates between buckets",
        "month_end": "Month end",
        "bucket": "Bucket",
        "cases": "Cases",
        "outstanding": "Outstanding (yuan)",
        "figure": "Figure",
        "value": "Value",
        "recovered": "Recovered (yuan)",
        "outstanding_at_start": "Outstanding at the start (yuan)",
        "recovery_rate": "Recovery rate",
        "kept": "Kept",
        "broken": "Broken",
        "kept_rate": "Promise-kept rate",
        "collector": "Collector",
        "day": "Day",
        "visits_done": "Visits",
        "days": "Days",
        "per_day": "Visits per day",
        "outcome": "Outcome",
        "contacts_count": "Contacts",
        "reached": "Reached someone",
        "yes": "yes",
        "no": "no",
        "success_rate": "Contact success rate",
        "stops": "Stops",
        "km": "Km",
        "hours": "Hours",
        "cost_yuan": "Travel cost (yuan)",
        "travel_cost": "Travel cost (yuan)",
        "cost_per_yuan": "Cost per yuan recovered",
        "from_month_end": "From",
        "to_month_end": "To",
        "from_bucket": "From bucket",
        "to_bucket": "To bucket",
        "share": "Share",
        "closed": "closed",
        "period": "Period {start} to {end}",
        "report": "Collection report",
    },
    "zh_CN": {
        "aging": "账龄分布变化",
        "recovery": "回收",
        "promises": "承诺兑现",
        "visits": "催收员每日上门数",
        "contacts": "联系成功率",
        "cost": "每回收一元的成本",
        "rolls": "账龄迁徙率",
        "month_end": "月末",
        "bucket": "账龄段",
        "cases": "案件数",
        "outstanding": "欠款（元）",
        "figure": "指标",
        "value": "数值",
        "recovered": "回收金额（元）",
        "outstanding_at_start": "期初欠款（元）",
        "recovery_rate": "回收率",
        "kept": "已兑现",
        "broken": "未兑现",
        "kept_rate": "承诺兑现率",
        "collector": "催收员",
        "day": "日期",
        "visits_done": "上门数",
        "days": "天数",
        "per_day": "日均上门",
        "outcome": "结果",
        "contacts_count": "联系次数",
        "reached": "联系到人",
        "yes": "是",
        "no": "否",
        "success_rate": "联系成功率",
        "stops": "站点数",
        "km": "公里",
        "hours": "小时",
        "cost_yuan": "出行成本（元）",
        "travel_cost": "出行成本（元）",
        "cost_per_yuan": "每回收一元的成本",
        "from_month_end": "起始月末",
        "to_month_end": "结束月末",
        "from_bucket": "原账龄段",
        "to_bucket": "新账龄段",
        "share": "占比",
        "closed": "已结清",
        "period": "统计期间 {start} 至 {end}",
        "report": "催收报表",
    },
}


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language, _WORDS["en"])


def report_tables(report: Report, language: str = "en") -> tuple[ReportTable, ...]:
    """The report's figures as tables, titled in `language` ("en" or "zh_CN")."""
    w = _words(language)

    def state(code: str) -> str:
        return w["closed"] if code == CLOSED else code

    return (
        ReportTable(
            "aging",
            w["aging"],
            (w["month_end"], w["bucket"], w["cases"], w["outstanding"]),
            tuple((p.month_end, p.bucket.value, p.count, p.outstanding) for p in report.aging),
        ),
        ReportTable(
            "recovery",
            w["recovery"],
            (w["figure"], w["value"]),
            (
                (w["recovered"], report.recovered),
                (w["outstanding_at_start"], report.outstanding_at_start),
                (w["recovery_rate"], report.recovery_rate),
            ),
        ),
        ReportTable(
            "promises",
            w["promises"],
            (w["figure"], w["value"]),
            (
                (w["kept"], report.promises_kept),
                (w["broken"], report.promises_broken),
                (w["kept_rate"], report.promise_kept_rate),
            ),
        ),
        ReportTable(
            "visits",
            w["visits"],
            (w["collector"], w["day"], w["visits_done"]),
            tuple((v.collector_name, v.day, v.visits) for v in report.visits_by_day)
            + tuple((v.collector_name, w["per_day"], _ratio(v.per_day, 2)) for v in report.visits),
        ),
        ReportTable(
            "contacts",
            w["contacts"],
            (w["outcome"], w["contacts_count"], w["reached"]),
            (
                *(
                    (c.outcome, c.count, w["yes"] if c.reached else w["no"])
                    for c in report.contacts
                ),
                (w["success_rate"], report.contact_success_rate, ""),
            ),
        ),
        ReportTable(
            "cost",
            w["cost"],
            (w["collector"], w["days"], w["stops"], w["km"], w["hours"], w["cost_yuan"]),
            (
                *(
                    (t.collector_name, t.days, t.stops, t.km, t.hours, t.cost)
                    for t in report.travel
                ),
                (w["travel_cost"], "", "", "", "", report.travel_cost),
                (w["recovered"], "", "", "", "", report.recovered),
                (w["cost_per_yuan"], "", "", "", "", _ratio(report.cost_per_yuan, 4)),
            ),
        ),
        ReportTable(
            "rolls",
            w["rolls"],
            (
                w["from_month_end"],
                w["to_month_end"],
                w["from_bucket"],
                w["to_bucket"],
                w["cases"],
                w["share"],
            ),
            tuple(
                (
                    r.from_month_end,
                    r.to_month_end,
                    r.from_bucket,
                    state(r.to_bucket),
                    r.count,
                    r.share,
                )
                for r in report.roll_rates
            ),
        ),
    )


def _ratio(value: Fraction | None, places: int) -> Decimal | None:
    """A ratio that is not a percentage (visits a day, yuan per yuan), rounded for showing."""
    if value is None:
        return None
    exponent = Decimal(1).scaleb(-places)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(exponent)


def _shown(value: object) -> str:
    """A cell as text: rates as percentages with one decimal, money with two."""
    if value is None:
        return "—"
    if isinstance(value, Fraction):
        return f"{float(value) * 100:.1f}%"
    if isinstance(value, Decimal):
        return f"{value:,.2f}" if value.as_tuple().exponent >= -2 else f"{value:,}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def export_xlsx(report: Report, path: Path | str, language: str = "en") -> Path:
    """Write the report as a workbook: one sheet per figure, its table under a title row."""
    from openpyxl import Workbook

    path = Path(path)
    book = Workbook()
    book.remove(book.active)
    for table in report_tables(report, language):
        sheet = book.create_sheet(table.key)
        sheet.append([table.title])
        sheet.append(list(table.headers))
        for row in table.rows:
            sheet.append([_xlsx_cell(value) for value in row])
            for column, value in enumerate(row, start=1):
                if isinstance(value, Fraction):
                    sheet.cell(sheet.max_row, column).number_format = "0.0%"
                elif isinstance(value, Decimal):
                    sheet.cell(sheet.max_row, column).number_format = "#,##0.00"
        for letter, width in zip("ABCDEF", (22, 14, 14, 14, 14, 16), strict=False):
            sheet.column_dimensions[letter].width = width
    try:
        book.save(path)
    except OSError as error:
        raise ReportError(f"cannot write the report to {path}: {error}") from error
    return path


def _xlsx_cell(value: object) -> object:
    if isinstance(value, Fraction):
        return float(value)
    if value is None:
        return None
    return value


def export_pdf(report: Report, path: Path | str, language: str = "en") -> Path:
    """Write the report as a PDF: each figure a titled table, aging also as a bar chart."""
    from xml.sax.saxutils import escape

    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from app.documents import cjk_font

    path = Path(path)
    w = _words(language)
    tables = report_tables(report, language)
    heading = w["report"]
    period = w["period"].format(start=report.filter.start, end=report.filter.end)
    every_text = "".join(
        [heading, period]
        + [t.title + "".join(t.headers) for t in tables]
        + [_shown(value) for t in tables for row in t.rows for value in row]
    )
    try:
        font = cjk_font.font_covering(every_text)
    except cjk_font.NoFontError as error:
        raise ReportError(str(error)) from None
    title_style = ParagraphStyle("title", fontName=font, fontSize=16, leading=20)
    heading_style = ParagraphStyle(
        "heading", fontName=font, fontSize=12, leading=16, keepWithNext=1, spaceAfter=2 * mm
    )
    body = ParagraphStyle("body", fontName=font, fontSize=8, leading=10)
    story: list[Any] = [
        Paragraph(escape(heading), title_style),
        Paragraph(escape(period), body),
        Spacer(1, 4 * mm),
    ]
    for table in tables:
        story.append(Paragraph(escape(table.title), heading_style))
        if table.key == "aging":
            story.append(_aging_chart(report, Drawing, VerticalBarChart, colors, font))
        cells = [
            [Paragraph(escape(text), body) for text in table.headers],
            *([Paragraph(escape(_shown(value)), body) for value in row] for row in table.rows),
        ]
        grid = Table(cells, repeatRows=1)
        grid.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3f2fd")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.extend([grid, Spacer(1, 5 * mm)])
    document = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, title=heading
    )
    try:
        document.build(story)
    except OSError as error:
        raise ReportError(f"cannot write the report to {path}: {error}") from error
    return path


def _aging_chart(report: Report, drawing_type: Any, chart_type: Any, colors: Any, font: str) -> Any:
    """Outstanding per bucket at each month end, as grouped bars (one colour per month end)."""
    drawing = drawing_type(170 * 2.835, 60 * 2.835)
    chart = chart_type()
    chart.x, chart.y, chart.width, chart.height = 40, 20, 400, 130
    chart.data = [
        [float(point.outstanding) for point in report.aging if point.month_end == day]
        for day in report.month_ends
    ]
    chart.categoryAxis.categoryNames = [bucket.value for bucket in BUCKETS]
    chart.categoryAxis.labels.fontName = font
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    palette = (colors.HexColor("#90caf9"), colors.HexColor("#1e88e5"), colors.HexColor("#0d47a1"))
    for n in range(len(report.month_ends)):
        chart.bars[n].fillColor = palette[n % len(palette)]
    drawing.add(chart)
    return drawing
