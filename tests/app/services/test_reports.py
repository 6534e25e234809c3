"""Reports on a small hand-built store: every figure worked out by hand in the comments (the
travel cost from the same haversine formula written out here), then both exports read back."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import uuid
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app.domain.aging import AgingBucket
from app.services.reports import (
    CLOSED,
    Report,
    ReportError,
    ReportFilter,
    ReportService,
    export_pdf,
    export_xlsx,
    month_ends,
)
from app.services.workspace import STATE_USER_ID, Workspace
from app.store import models

START, END = dt.date(2026, 9, 1), dt.date(2026, 11, 30)
SEP, OCT, NOV = dt.date(2026, 9, 30), dt.date(2026, 10, 31), dt.date(2026, 11, 30)


def at(month: int, day: int, hour: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=dt.UTC)


class Ids(dict[str, uuid.UUID]):
    def __missing__(self, key: str) -> uuid.UUID:
        self[key] = uuid.uuid4()
        return self[key]


def _build(workspace: Workspace, ids: Ids) -> None:
    with workspace.session() as session:
        session.add(models.Team(id=ids["team"], name="一组", office_lat=30.65, office_lon=104.06))
        session.add(models.Team(id=ids["team2"], name="二组"))
        session.flush()
        for key, name, team, home in (
            ("lead", "李娜", "team", None),
            ("a", "张伟", "team", (30.60, 104.00)),
            ("b", "王芳", "team", None),
            ("c", "陈杰", "team2", None),
        ):
            session.add(
                models.AppUser(
                    id=ids[key],
                    username=key,
                    display_name=name,
                    role="lead" if key == "lead" else "collector",
                    team_id=ids[team],
                    home_lat=home[0] if home else None,
                    home_lon=home[1] if home else None,
                )
            )
        session.flush()
        # case: (holder, team, principal, due date, status, closed_at, address (lat, lon))
        cases = {
            "k1": ("a", "team", "1000", dt.date(2026, 9, 15), "open", None, (30.60, 104.01)),
            "k2": ("a", "team", "2000", dt.date(2026, 8, 1), "open", None, (30.60, 104.02)),
            "k3": ("b", "team", "0", dt.date(2026, 9, 20), "settled", at(10, 20), (30.61, 104.06)),
            "k4": ("b", "team", "500", None, "open", None, (30.60, 104.06)),
            "k5": ("b", "team", "4000", dt.date(2026, 11, 10), "open", None, (30.62, 104.06)),
            "k6": ("c", "team2", "9999", dt.date(2026, 9, 1), "open", None, (30.70, 104.10)),
        }
        for key, (holder, team, principal, due, status, closed_at, place) in cases.items():
            session.add(models.Borrower(id=ids[f"{key}b"], full_name=key, id_number=f"5101{key}"))
            session.add(
                models.BorrowerAddress(
                    id=ids[f"{key}addr"],
                    borrower_id=ids[f"{key}b"],
                    address_text=key,
                    lat=place[0],
                    lon=place[1],
                )
            )
            session.add(
                models.LoanCase(
                    id=ids[key],
                    loan_ref=key.upper(),
                    borrower_id=ids[f"{key}b"],
                    principal=Decimal(principal),
                    due_date=due,
                    status=status,
                    closed_at=closed_at,
                    assigned_to_id=ids[holder],
                    team_id=ids[team],
                )
            )
        session.flush()
        for key, paid_at, amount in (
            ("k3", at(10, 20), "3000"),
            ("k4", at(11, 10), "100"),
            ("k5", at(8, 20), "1000"),
            ("k1", at(12, 5), "200"),
            ("k6", at(10, 1), "500"),
        ):
            session.add(
                models.Payment(
                    case_id=ids[key], paid_at=paid_at, amount=Decimal(amount), channel="bank"
                )
            )
        for key, user, promised, status in (
            ("k1", "a", dt.date(2026, 9, 10), "kept"),
            ("k2", "a", dt.date(2026, 10, 5), "broken"),
            ("k4", "b", dt.date(2026, 11, 1), "kept"),
            ("k5", "b", dt.date(2026, 11, 20), "open"),
            ("k1", "a", dt.date(2026, 12, 2), "kept"),
            ("k6", "c", dt.date(2026, 10, 1), "broken"),
        ):
            session.add(
                models.PromiseToPay(
                    case_id=ids[key],
                    user_id=ids[user],
                    amount=Decimal("100"),
                    promised_date=promised,
                    status=status,
                )
            )
        for key, user, day, status, order in (
            ("k1", "a", dt.date(2026, 10, 1), "completed", 1),
            ("k2", "a", dt.date(2026, 10, 1), "completed", 2),
            ("k1", "a", dt.date(2026, 10, 1), "cancelled", 3),
            ("k1", "a", dt.date(2026, 10, 2), "completed", None),
            ("k4", "b", dt.date(2026, 11, 5), "completed", 1),
            ("k5", "b", dt.date(2026, 11, 5), "planned", 2),
            ("k6", "c", dt.date(2026, 11, 5), "completed", 1),
        ):
            session.add(
                models.Visit(
                    case_id=ids[key],
                    user_id=ids[user],
                    address_id=ids[f"{key}addr"],
                    planned_date=day,
                    status=status,
                    route_order=order,
                )
            )
        for key, user, contacted_at, outcome in (
            ("k1", "a", at(10, 1), "met_borrower"),
            ("k2", "a", at(10, 1), "not_home"),
            ("k2", "a", at(10, 3), "not_home"),
            ("k4", "b", at(11, 5), "met_third_party"),
            ("k5", "b", at(11, 6), "moved"),
            ("k5", "b", at(11, 7), "custom_code"),
            ("k6", "c", at(11, 5), "met_borrower"),
            ("k1", "a", dt.datetime(2026, 8, 31, 23, tzinfo=dt.UTC), "met_borrower"),
        ):
            session.add(
                models.Contact(
                    case_id=ids[key],
                    user_id=ids[user],
                    channel="visit",
                    contacted_at=contacted_at,
                    outcome=outcome,
                )
            )
    workspace.set_state(STATE_USER_ID, str(ids["lead"]))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Workspace, Ids]]:
    ids = Ids()
    with Workspace.open(tmp_path / "lead", create=True) as workspace:
        _build(workspace, ids)
        yield workspace, ids


@pytest.fixture
def report(store: tuple[Workspace, Ids]) -> Report:
    workspace, ids = store
    return ReportService(workspace).compute(ReportFilter(team_id=ids["team"], start=START, end=END))


def test_month_ends_are_the_last_days_inside_the_period() -> None:
    assert month_ends(START, END) == (SEP, OCT, NOV)
    assert month_ends(dt.date(2026, 2, 3), dt.date(2026, 3, 30)) == (dt.date(2026, 2, 28),)
    # No month ends inside: the period's last day stands in.
    assert month_ends(dt.date(2026, 3, 2), dt.date(2026, 3, 20)) == (dt.date(2026, 3, 20),)


def test_aging_at_each_month_end_counts_cases_and_what_they_owed_then(report: Report) -> None:
    shown = {(p.month_end, p.bucket): (p.count, p.outstanding) for p in report.aging if p.count}
    # K1 owes 1,000 + the 200 it pays in December; K3 3,000 until its payment on 10-20 (closed
    # that day); K4 500 + 100 paid on 11-10; K5 4,000 (its August payment came before).
    assert shown == {
        (SEP, AgingBucket.CURRENT): (2, Decimal("4600.00")),  # K4 600, K5 4,000
        (SEP, AgingBucket.DPD_1_30): (2, Decimal("4200.00")),  # K1 (15 d) 1,200, K3 (10 d)
        (SEP, AgingBucket.DPD_31_60): (1, Decimal("2000.00")),  # K2 (60 d)
        (OCT, AgingBucket.CURRENT): (2, Decimal("4600.00")),
        (OCT, AgingBucket.DPD_31_60): (1, Decimal("1200.00")),  # K1 (46 d)
        (OCT, AgingBucket.DPD_91_180): (1, Decimal("2000.00")),  # K2 (91 d)
        (NOV, AgingBucket.CURRENT): (1, Decimal("500.00")),  # K4 after its payment
        (NOV, AgingBucket.DPD_1_30): (1, Decimal("4000.00")),  # K5 (20 d)
        (NOV, AgingBucket.DPD_61_90): (1, Decimal("1200.00")),  # K1 (76 d)
        (NOV, AgingBucket.DPD_91_180): (1, Decimal("2000.00")),  # K2 (121 d)
    }
    assert len(report.aging) == 3 * 6


def test_recovery_is_the_period_s_payments_over_what_was_owed_at_its_start(report: Report) -> None:
    # Recovered: K3 3,000 + K4 100 (K5's is before, K1's after, K6 is another team's).
    # Owed on 09-01: K1 1,200 + K2 2,000 + K3 3,000 + K4 600 + K5 4,000 = 10,800.
    assert report.recovered == Decimal("3100.00")
    assert report.outstanding_at_start == Decimal("10800.00")
    assert report.recovery_rate == Fraction(31, 108)


def test_the_promise_kept_rate_counts_settled_promises_due_in_the_period(report: Report) -> None:
    # Kept 09-10 and 11-01, broken 10-05; the open one, December's and team 2's do not count.
    assert (report.promises_kept, report.promises_broken) == (2, 1)
    assert report.promise_kept_rate == Fraction(2, 3)


def test_visits_per_collector_per_day_count_completed_visits(report: Report) -> None:
    assert [(v.collector_name, v.day, v.visits) for v in report.visits_by_day] == [
        ("张伟", dt.date(2026, 10, 1), 2),
        ("张伟", dt.date(2026, 10, 2), 1),
        ("王芳", dt.date(2026, 11, 5), 1),
    ]
    assert [(v.collector_name, v.visits, v.days, v.per_day) for v in report.visits] == [
        ("张伟", 3, 2, Fraction(3, 2)),
        ("王芳", 1, 1, Fraction(1)),
    ]


def test_contact_success_is_the_share_that_reached_the_borrower_or_a_third_party(
    report: Report,
) -> None:
    assert [(c.outcome, c.count, c.reached) for c in report.contacts] == [
        ("not_home", 2, False),
        ("custom_code", 1, False),
        ("met_borrower", 1, True),
        ("met_third_party", 1, True),
        ("moved", 1, False),
    ]
    # met_borrower + met_third_party of 6 (the 08-31 23:00 UTC contact is before the period).
    assert report.contact_success_rate == Fraction(2, 6)


def _road_metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine between (lat, lon) points × the planner's 1.3 road factor."""
    radius = 6_371_008.8
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    half = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * radius * math.asin(math.sqrt(half)) * 1.3


def _day_cost(places: list[tuple[float, float]], stops: int) -> Decimal:
    """km × 0.80 + (hours on the road at 18 km/h + 30 minutes a stop) × 40."""
    metres = sum(_road_metres(a, b) for a, b in itertools.pairwise(places))
    km = Decimal(metres) / 1000
    hours = (Decimal(metres / 5.0) + stops * 1800) / 3600
    return (km * Decimal("0.80") + hours * Decimal("40.00")).quantize(Decimal("0.01"))


def test_travel_cost_comes_from_the_planned_routes_and_is_divided_by_the_recovered_amount(
    report: Report,
) -> None:
    # 张伟 on 10-01: home → K1 → K2 → home (the cancelled third stop left out).
    zhang = _day_cost([(30.60, 104.00), (30.60, 104.01), (30.60, 104.02), (30.60, 104.00)], 2)
    # 王芳 on 11-05, from the team's office: → K4 → K5 (still planned, on the route) → office.
    wang = _day_cost([(30.65, 104.06), (30.60, 104.06), (30.62, 104.06), (30.65, 104.06)], 2)
    assert [(t.collector_name, t.days, t.stops, t.cost) for t in report.travel] == [
        ("张伟", 1, 2, zhang),
        ("王芳", 1, 2, wang),
    ]
    # 3 × 0.957 km straight (0.01° of longitude at 30.6° N, twice, then 0.02° back) × 1.3 =
    # 4.98 km: 3.98 yuan; 995 s on the road + 2 × 30 min = 1.28 h: 51.06 yuan.
    assert zhang == Decimal("55.04")
    assert report.travel_cost == zhang + wang
    assert report.cost_per_yuan == Fraction(zhang + wang) / 3100


def test_roll_rates_follow_each_bucket_to_the_next_month_end(report: Report) -> None:
    moved = {
        (r.from_month_end, r.from_bucket, r.to_bucket): (r.count, r.share)
        for r in report.roll_rates
        if r.count
    }
    assert moved == {
        (SEP, "current", "current"): (2, Fraction(1)),  # K4, K5
        (SEP, "1-30", "31-60"): (1, Fraction(1, 2)),  # K1
        (SEP, "1-30", CLOSED): (1, Fraction(1, 2)),  # K3 closed on 10-20
        (SEP, "31-60", "91-180"): (1, Fraction(1)),  # K2
        (OCT, "current", "current"): (1, Fraction(1, 2)),  # K4
        (OCT, "current", "1-30"): (1, Fraction(1, 2)),  # K5
        (OCT, "31-60", "61-90"): (1, Fraction(1)),  # K1
        (OCT, "91-180", "91-180"): (1, Fraction(1)),  # K2
    }
    # Every bucket holding cases has a full row: 3 + 3 buckets × 7 targets, shares summing to 1.
    assert len(report.roll_rates) == 6 * 7
    for month_end in (SEP, OCT):
        for bucket in {r.from_bucket for r in report.roll_rates if r.from_month_end == month_end}:
            row = [
                r
                for r in report.roll_rates
                if (r.from_month_end, r.from_bucket) == (month_end, bucket)
            ]
            assert sum(r.share for r in row) == 1


def test_a_collector_s_report_covers_his_cases_and_his_own_work(
    store: tuple[Workspace, Ids],
) -> None:
    workspace, ids = store
    mine = ReportService(workspace).compute(
        ReportFilter(collector_id=ids["a"], start=START, end=END)
    )
    # K1 and K2 received nothing in the period: a rate of 0, and no cost per yuan.
    assert (mine.recovered, mine.outstanding_at_start) == (Decimal("0.00"), Decimal("3200.00"))
    assert mine.recovery_rate == 0 and mine.cost_per_yuan is None
    assert [v.collector_name for v in mine.visits] == ["张伟"]
    assert (mine.promises_kept, mine.promises_broken) == (1, 1)


def test_a_period_ending_before_it_starts_is_refused(store: tuple[Workspace, Ids]) -> None:
    workspace, _ids = store
    with pytest.raises(ReportError, match="ends"):
        ReportService(workspace).compute(ReportFilter(start=END, end=START))


def test_the_workbook_has_one_sheet_per_figure_that_reads_back(
    report: Report, tmp_path: Path
) -> None:
    path = export_xlsx(report, tmp_path / "report.xlsx")

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "aging",
        "recovery",
        "promises",
        "visits",
        "contacts",
        "cost",
        "rolls",
    ]
    aging = list(book["aging"].iter_rows(values_only=True))
    assert aging[0][0] == "Aging buckets over time"
    assert aging[1] == ("Month end", "Bucket", "Cases", "Outstanding (yuan)")
    assert aging[2][1:] == ("current", 2, 4600)
    recovery = list(book["recovery"].iter_rows(values_only=True))
    assert recovery[2:] == [
        ("Recovered (yuan)", 3100),
        ("Outstanding at the start (yuan)", 10800),
        ("Recovery rate", pytest.approx(31 / 108)),
    ]
    assert book["recovery"]["B5"].number_format == "0.0%"
    rolls = list(book["rolls"].iter_rows(values_only=True))
    assert ("1-30", "closed", 1, 0.5) in [row[2:] for row in rolls[2:]]


def test_the_pdf_holds_every_figure_s_table_in_chinese(report: Report, tmp_path: Path) -> None:
    path = export_pdf(report, tmp_path / "report.pdf", language="zh_CN")

    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    compact = "".join(text.split())
    for title in (
        "账龄分布变化",
        "回收率",
        "承诺兑现率",
        "联系成功率",
        "每回收一元的成本",
        "账龄迁徙率",
    ):
        assert title in compact
    assert "28.7%" in compact  # 31 / 108
    assert "10,800.00" in compact and "张伟" in compact
