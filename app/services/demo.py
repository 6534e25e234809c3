"""Build the demo workspace: an embedded central database with a Chengdu team, and 张伟's store.

Everything is generated from one seeded random source and the demo's day (`as_of`), so two builds
with the same seed and day hold identical rows. Promise outcomes, statuses and risk tiers are not
made up here: `case_summary` derives them from the generated facts. Building never touches a
workspace that belongs to a real user, and a second build of a demo workspace adds nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import logging
import math
import random
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Generic, TypeVar

from faker.providers.company.zh_CN import Provider as ChineseCompanies
from faker.providers.person.zh_CN import Provider as ChineseNames
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from app import errors
from app.domain import aging, money, repayment_schedule, vocabulary
from app.services import case_summary
from app.services.workspace import (
    EMBEDDED_CENTRAL_NAME,
    STATE_DEMO,
    STATE_SERVER_URL,
    STATE_USER_ID,
    Workspace,
)
from app.store import engines, models, schema_upgrade
from app.store.local_models import SyncState
from app.sync import snapshot

logger = logging.getLogger(__name__)

_T = TypeVar("_T")

OWNER_USERNAME = "zhang.wei"
OWNER_DISPLAY_NAME = "张伟"
TEAM_NAME = "成都外访一组"
TIMEZONE = "Asia/Shanghai"
# China has kept UTC+8 all year since 1991, so local times are made with a fixed offset.
_CHINA_TIME = dt.timezone(dt.timedelta(hours=8), TIMEZONE)
OFFICE_ADDRESS = "四川省成都市青羊区人民中路一段20号"
OFFICE_LAT, OFFICE_LON = 30.657, 104.066
# Contacts, promises and most payments are generated over this many days before the demo's day.
HISTORY_DAYS = 90
# Planned visits for the owner on the demo's day.
VISITS_TODAY = 10
OTHER_COLLECTORS = 5
_PROMISE_GRACE_DAYS = case_summary.DEFAULT_PROMISE_GRACE_DAYS
# Share of interest and penalty a collector (and a lead) may waive without approval, in percent.
_COLLECTOR_WAIVER_AUTHORITY = Decimal("20.00")
_LEAD_WAIVER_AUTHORITY = Decimal("50.00")
_OLDEST_DAYS_PAST_DUE = 400
# Cases generated and committed together: bounds memory for 100,000-case books.
_CASES_PER_BATCH = 2000
_PARTIAL_SUFFIX = ".partial"


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What a demo build made (or found already made).

    Attributes:
        folder: the workspace folder.
        username: the workspace owner's login name.
        display_name: the owner's name as people read it.
        central_url: the embedded central database's SQLAlchemy URL.
        cases_in_workspace: cases in the owner's local store.
        cases_in_central: cases of the whole team in the embedded central database.
        created: False when the workspace was already a demo and nothing was added.
    """

    folder: Path
    username: str
    display_name: str
    central_url: str
    cases_in_workspace: int
    cases_in_central: int
    created: bool


# Vocabulary of the generated Chengdu ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Weighted(Generic[_T]):
    """Choices with weights, drawn by one bisection (random.choices rebuilds its table per call)."""

    items: tuple[_T, ...]
    cumulative: tuple[float, ...]

    @classmethod
    def of(cls, pairs: Iterable[tuple[_T, float]]) -> _Weighted[_T]:
        items, weights = zip(*pairs, strict=True)
        return cls(tuple(items), tuple(itertools.accumulate(weights)))


@dataclass(frozen=True, slots=True)
class _District:
    name: str
    lat: float
    lon: float
    streets: tuple[str, ...]


# Chengdu's central districts, all within about 12 km of the team's office.
_DISTRICTS: tuple[_District, ...] = (
    _District("锦江区", 30.642, 104.093, ("春熙路", "红星路三段", "东大街", "水井街", "莲桂南路")),
    _District(
        "青羊区", 30.674, 104.040, ("人民中路二段", "宽巷子", "西御街", "光华大道", "清江东路")
    ),
    _District("金牛区", 30.698, 104.048, ("交大路", "蜀汉路", "金府路", "营门口路", "沙湾路")),
    _District(
        "武侯区", 30.630, 104.040, ("科华北路", "玉林南路", "武侯祠大街", "棕北路", "高升桥路")
    ),
    _District("成华区", 30.670, 104.110, ("建设路", "二仙桥东路", "双林路", "府青路", "猛追湾街")),
    _District(
        "高新区", 30.575, 104.064, ("天府大道中段", "益州大道", "天府三街", "剑南大道", "府城大道")
    ),
)
# Area codes (GB/T 2260) the borrowers' ID numbers were issued in: mostly Chengdu and Sichuan.
_ID_AREA_CODES: tuple[str, ...] = (
    "510104", "510105", "510106", "510107", "510108", "510112", "510113", "510114",
    "510115", "510116", "510122", "510124", "510181", "510603", "510703", "511002",
    "511102", "511302", "511402", "511502", "511602", "511702", "500103", "530102",
)  # fmt: skip
# GB 11643-1999: weights of the first 17 digits and the check character for each sum mod 11.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARACTERS = "10X98765432"
_MOBILE_PREFIXES: tuple[str, ...] = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "183",
    "185", "186", "187", "188", "189", "191", "198", "199",
)  # fmt: skip
_SURNAMES = _Weighted.of(ChineseNames.last_names.items())
_MALE_GIVEN_NAMES: tuple[str, ...] = tuple(ChineseNames.first_names_male)
_FEMALE_GIVEN_NAMES: tuple[str, ...] = tuple(ChineseNames.first_names_female)
_COMPANY_PREFIXES: tuple[str, ...] = tuple(ChineseCompanies.company_prefixes)
_COMPANY_SUFFIXES: tuple[str, ...] = tuple(ChineseCompanies.company_suffixes)
# The team's staff; usernames are the names' pinyin, which Faker's Chinese names do not give.
_STAFF_NAMES: tuple[tuple[str, str], ...] = (
    ("李娜", "li.na"), ("王芳", "wang.fang"), ("刘洋", "liu.yang"), ("陈静", "chen.jing"),
    ("杨磊", "yang.lei"), ("赵敏", "zhao.min"), ("黄勇", "huang.yong"), ("周杰", "zhou.jie"),
    ("吴霞", "wu.xia"), ("徐涛", "xu.tao"), ("孙丽", "sun.li"), ("马超", "ma.chao"),
    ("胡斌", "hu.bin"), ("朱琳", "zhu.lin"), ("郭峰", "guo.feng"), ("何平", "he.ping"),
)  # fmt: skip
_PRODUCTS = ("个人消费贷", "信用卡分期", "小微经营贷", "汽车分期", "现金贷")
_PAYMENT_CHANNELS = ("bank_transfer", "alipay", "wechat_pay", "counter", "auto_debit")
_WEEKDAYS, _EVERY_DAY = [0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 5, 6]
_HOME_AVAILABILITY: tuple[list[dict[str, Any]], ...] = (
    [
        {"weekdays": _WEEKDAYS, "from": "18:30", "to": "21:00"},
        {"weekdays": [5, 6], "from": "09:30", "to": "20:00"},
    ],
    [{"weekdays": _EVERY_DAY, "from": "09:00", "to": "20:00"}],
    [
        {"weekdays": _WEEKDAYS, "from": "12:00", "to": "14:00"},
        {"weekdays": _WEEKDAYS, "from": "18:00", "to": "20:30"},
    ],
    [
        {"weekdays": [0, 2, 4], "from": "09:00", "to": "12:00"},
        {"weekdays": [5, 6], "from": "10:00", "to": "18:00"},
    ],
)
_WORK_AVAILABILITY: tuple[list[dict[str, Any]], ...] = (
    [{"weekdays": _WEEKDAYS, "from": "09:00", "to": "17:30"}],
    [{"weekdays": [0, 1, 2, 3, 4, 5], "from": "10:00", "to": "19:00"}],
)
_THIRD_PARTIES = ("配偶", "父亲", "母亲", "邻居", "同事", "物业")
# What collectors write after a contact, per outcome (or channel, for "other").
_NOTES: dict[str, tuple[str, ...]] = {
    "not_home": ("敲门无人应答", "家中无人，已留催收通知单", "邻居称白天不在家"),
    "moved": ("房东称已搬走两个月", "现住户不认识借款人"),
    "wrong_address": ("地址不存在", "门牌号有误"),
    "met_borrower": ("当面告知逾期后果，借款人表示会尽快筹款", "借款人态度良好，称下周发工资"),
    "met_third_party": ("家属表示会转告借款人", "物业称借款人偶尔回来"),
    "refused": ("借款人拒绝沟通", "借款人态度强硬，拒绝还款"),
    "dispute": ("借款人对罚息金额有异议", "借款人称已结清，要求提供流水"),
    "hardship": ("借款人称失业，收入困难", "家中有病人，申请延期还款"),
    "paid_on_site": ("现场收款，已开收据",),
    "visit_other": ("小区门禁，未能进入",),
    "phone_other": ("电话无人接听", "电话关机", "电话占线"),
    "sms_other": ("已发送还款提醒短信", "已发送逾期通知短信"),
}
# Outcomes in which the borrower himself was the person met.
_MET_BORROWER = frozenset(
    outcome.code
    for outcome in vocabulary.DEFAULT_OUTCOMES
    if outcome.reached_borrower and outcome.code != "other"
)
_VISIT, _PHONE, _SMS = (
    vocabulary.ContactChannel.VISIT,
    vocabulary.ContactChannel.PHONE,
    vocabulary.ContactChannel.SMS,
)
_CHANNELS = _Weighted.of([(_VISIT, 30), (_PHONE, 52), (_SMS, 18)])
_NOT_REACHED_ON_SITE = _Weighted.of(
    [("not_home", 75), ("moved", 8), ("wrong_address", 5), ("other", 12)]
)
_REACHED = [
    ("met_borrower", 25),
    ("met_third_party", 15),
    ("promised_to_pay", 25),
    ("refused", 12),
    ("hardship", 12),
]
_REACHED_BY_PHONE = _Weighted.of(_REACHED)
_REACHED_ON_SITE = _Weighted.of([*_REACHED, ("paid_on_site", 6)])
_REACHED_BY_PHONE_DISPUTING = _Weighted.of([*_REACHED, ("dispute", 60)])
_REACHED_ON_SITE_DISPUTING = _Weighted.of([*_REACHED, ("paid_on_site", 6), ("dispute", 60)])
_BUCKETS = _Weighted.of(
    [
        (aging.AgingBucket.CURRENT, 3),
        (aging.AgingBucket.DPD_1_30, 24),
        (aging.AgingBucket.DPD_31_60, 20),
        (aging.AgingBucket.DPD_61_90, 15),
        (aging.AgingBucket.DPD_91_180, 20),
        (aging.AgingBucket.DPD_180_PLUS, 18),
    ]
)


@dataclass(frozen=True, slots=True)
class _Profile:
    """How a borrower behaves: how often a contact reaches someone, how often he keeps his word.

    Attributes:
        name: what kind of borrower this is.
        reach: chance that a call or visit reaches someone.
        keeps_promises: chance that a promise to pay is paid in time.
        contacts: fewest and most contact attempts over the history.
    """

    name: str
    reach: float
    keeps_promises: float
    contacts: tuple[int, int]


_PROFILES = _Weighted.of(
    [
        (_Profile("cooperative", 0.75, 0.85, (1, 5)), 30),
        (_Profile("struggling", 0.5, 0.45, (2, 7)), 37),
        (_Profile("evasive", 0.1, 0.15, (2, 8)), 28),
        (_Profile("disputing", 0.7, 0.1, (2, 5)), 3),
        (_Profile("quiet", 0.0, 0.0, (0, 0)), 2),
    ]
)
# The owner's first cases show every feature even in a tiny demo: one aging bucket each, and
# a kept, a broken and an open promise and the active plan.
_SHOWCASE: tuple[tuple[aging.AgingBucket, str | None], ...] = (
    (aging.AgingBucket.CURRENT, None),
    (aging.AgingBucket.DPD_1_30, None),
    (aging.AgingBucket.DPD_31_60, "kept_promise"),
    (aging.AgingBucket.DPD_61_90, "broken_promise"),
    (aging.AgingBucket.DPD_91_180, "active_plan"),
    (aging.AgingBucket.DPD_180_PLUS, "open_promise"),
)


def _id_check_character(first_17_digits: str) -> str:
    """The 18th character of a resident ID number (GB 11643-1999, ISO 7064 MOD 11-2)."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_17_digits, _ID_WEIGHTS, strict=True)
    )
    return _ID_CHECK_CHARACTERS[total % 11]


# Generation -------------------------------------------------------------------------------------


class _Dice:
    """The demo's one source of chance: seeded, with the cheap draws the generator needs."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)
        self.fraction = self._random.random

    def between(self, low: int, high: int) -> int:
        """A whole number from `low` to `high`, both included."""
        return low + int(self.fraction() * (high - low + 1))

    def chance(self, probability: float) -> bool:
        return self.fraction() < probability

    def pick(self, items: Sequence[_T]) -> _T:
        return items[int(self.fraction() * len(items))]

    def weighted(self, table: _Weighted[_T]) -> _T:
        return table.items[
            bisect.bisect_right(table.cumulative, self.fraction() * table.cumulative[-1])
        ]

    def sample(self, population: Sequence[_T], count: int) -> list[_T]:
        return self._random.sample(population, count)

    def gauss(self, mean: float, deviation: float) -> float:
        return self._random.gauss(mean, deviation)

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self._random.getrandbits(128), version=4)


@dataclass(frozen=True, slots=True)
class _Staff:
    user_id: uuid.UUID
    username: str
    display_name: str


@dataclass(frozen=True, slots=True)
class _Address:
    address_id: uuid.UUID
    text: str
    lat: float
    lon: float
    availability: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class _CaseFacts:
    """What planning the owner's day needs to know about one of his cases."""

    case_id: uuid.UUID
    addresses: tuple[_Address, ...]


@dataclass(slots=True)
class _Batch:
    """Rows waiting to be inserted, per table, in an order that keeps every foreign key."""

    rows: dict[type[models.SyncedRow], list[dict[str, Any]]] = field(
        default_factory=lambda: {model: [] for model in models.SYNCED_TABLES}
    )

    def add(self, model: type[models.SyncedRow], values: dict[str, Any]) -> None:
        self.rows[model].append(values)

    def insert_into(self, session: Session) -> None:
        # Core executemany on the tables: every row carries every column, so one statement per
        # table; the ORM's bulk insert would add only time.
        for model, rows in self.rows.items():
            if rows:
                session.execute(insert(model.__table__), rows)
                rows.clear()


class _Generator:
    """Makes the demo's rows from one seeded `_Dice`, always in the same order.

    Times are counted in days before the demo's day ("days ago") and made in Chengdu's local
    time, so every timestamp follows from `as_of`, never from the clock.
    """

    def __init__(self, seed: int, as_of: dt.date) -> None:
        self.dice = _Dice(seed)
        self.as_of = as_of
        self._local_midnight = dt.datetime.combine(as_of, dt.time(), _CHINA_TIME).astimezone(dt.UTC)
        # Rows are written "at" the start of the demo's day.
        self.stamp = self._local_midnight
        self._loan_refs = itertools.count(1)
        self._payment_refs = itertools.count(1)
        self.team_id = self.dice.new_id()
        self.lead: _Staff | None = None
        self.collectors: list[_Staff] = []

    @property
    def owner(self) -> _Staff:
        return self.collectors[0]

    # Small makers -------------------------------------------------------------------------------

    def synced(self, **values: Any) -> dict[str, Any]:
        """A row of a synced table: `values` with a new id, version 1, written at `stamp`."""
        values["id"] = self.dice.new_id()
        values["row_version"] = 1
        values["updated_at"] = self.stamp
        return values

    def next_payment_ref(self) -> str:
        """The core banking system's reference of the next imported payment."""
        return f"CBS{next(self._payment_refs):010d}"

    def day(self, days_ago: int) -> dt.date:
        return self.as_of - dt.timedelta(days=days_ago)

    def moment(self, days_ago: int, hour: int, minute: int) -> dt.datetime:
        """Chengdu's local `hour:minute`, `days_ago` days before the demo's day, in UTC."""
        return self._local_midnight + dt.timedelta(days=-days_ago, hours=hour, minutes=minute)

    def daytime(self, days_ago: int, first_hour: int = 9, last_hour: int = 20) -> dt.datetime:
        # CBA collection guideline: no contact 22:00–08:00, so every contact is made in daytime.
        dice = self.dice
        return self.moment(days_ago, dice.between(first_hour, last_hour), dice.between(0, 59))

    def yuan(self, low: int, high: int) -> Decimal:
        """A whole number of yuan from `low` to `high` (in hundreds above 1,000)."""
        amount = self.dice.between(low, high)
        if amount > 1000:
            amount -= amount % 100
        return Decimal(amount * 100).scaleb(-2)

    def person_name(self, male: bool) -> str:
        given = _MALE_GIVEN_NAMES if male else _FEMALE_GIVEN_NAMES
        return self.dice.weighted(_SURNAMES) + self.dice.pick(given)

    def id_number(self, male: bool) -> str:
        dice = self.dice
        born = self.day(dice.between(22 * 365, 60 * 365))
        sequence = dice.between(0, 49) * 2 + (1 if male else 0)  # odd for men, even for women
        first = f"{dice.pick(_ID_AREA_CODES)}{born:%Y%m%d}{dice.between(0, 9)}{sequence:02d}"
        return first + _id_check_character(first)

    def mobile(self) -> str:
        return f"{self.dice.pick(_MOBILE_PREFIXES)}{self.dice.between(0, 10**8 - 1):08d}"

    def place(self) -> tuple[_District, float, float]:
        dice = self.dice
        district = dice.pick(_DISTRICTS)
        lat = district.lat + max(-0.025, min(0.025, dice.gauss(0, 0.01)))
        lon = district.lon + max(-0.03, min(0.03, dice.gauss(0, 0.012)))
        return district, round(lat, 6), round(lon, 6)

    # The team -----------------------------------------------------------------------------------

    def team(self, batch: _Batch) -> None:
        batch.add(
            models.Team,
            {
                "id": self.team_id,
                "row_version": 1,
                "updated_at": self.stamp,
                "name": TEAM_NAME,
                "office_address": OFFICE_ADDRESS,
                "office_lat": OFFICE_LAT,
                "office_lon": OFFICE_LON,
                "timezone": TIMEZONE,
            },
        )
        lead, *others = self.dice.sample(_STAFF_NAMES, 1 + OTHER_COLLECTORS)
        people = [
            (lead, vocabulary.UserRole.LEAD, ["senior", "negotiation"], _LEAD_WAIVER_AUTHORITY),
            (
                (OWNER_DISPLAY_NAME, OWNER_USERNAME),
                vocabulary.UserRole.COLLECTOR,
                ["senior"],
                _COLLECTOR_WAIVER_AUTHORITY,
            ),
        ]
        people += [
            (
                name,
                vocabulary.UserRole.COLLECTOR,
                self.dice.pick([[], ["senior"]]),
                _COLLECTOR_WAIVER_AUTHORITY,
            )
            for name in others
        ]
        for (display_name, username), role, skills, waiver_pct in people:
            district, lat, lon = self.place()
            street = self.dice.pick(district.streets)
            row = self.synced(
                username=username,
                display_name=display_name,
                role=role.value,
                team_id=self.team_id,
                home_address=f"四川省成都市{district.name}{street}{self.dice.between(1, 300)}号",
                home_lat=lat,
                home_lon=lon,
                skills=skills,
                max_visits_per_day=8,
                waiver_authority_pct=waiver_pct,
                active=True,
            )
            batch.add(models.AppUser, row)
            staff = _Staff(row["id"], username, display_name)
            if role is vocabulary.UserRole.LEAD:
                self.lead = staff
            else:
                self.collectors.append(staff)

    # One case -----------------------------------------------------------------------------------

    def case(self, batch: _Batch, collector: _Staff, position: int) -> _CaseFacts:
        """One case of `collector`'s book with its borrower and its history."""
        dice = self.dice
        showcase = collector is self.owner and position < len(_SHOWCASE)
        bucket, scenario = _SHOWCASE[position] if showcase else (dice.weighted(_BUCKETS), None)
        low, high = aging.bucket_range(bucket)
        days_past_due = dice.between(low, _OLDEST_DAYS_PAST_DUE if high is None else high)
        borrower_id, borrower_name, phones, addresses = self._borrower(batch)

        # Principal: log-normal around 30,000 yuan; interest and penalty grow with the arrears.
        principal_cents = int(math.exp(dice.gauss(math.log(30_000), 0.9)) * 100)
        principal_cents = max(150_000, min(80_000_000, principal_cents))
        if scenario == "active_plan":
            principal_cents = dice.between(3_800_000, 6_000_000)
        rate_basis_points = dice.between(800, 2400)  # 8–24 % a year
        interest_cents = principal_cents * rate_basis_points * (days_past_due + 30) // 3_650_000
        penalty_cents = principal_cents * 5 * days_past_due // 10_000  # 0.05 % a day
        principal = money.from_cents(principal_cents)
        interest = money.from_cents(interest_cents)
        penalty = money.from_cents(penalty_cents)

        case_id = dice.new_id()
        history = _CaseHistory(
            self,
            batch,
            case_id,
            collector,
            borrower_name,
            phones,
            addresses,
            principal + interest + penalty,
        )
        assigned_ago = history.assign(days_past_due)
        status = vocabulary.CaseStatus.OPEN
        active_plan_id: uuid.UUID | None = None
        if scenario is None:
            status = history.random_contacts(dice.weighted(_PROFILES), assigned_ago)
        elif scenario == "active_plan":
            active_plan_id = history.active_plan(principal, interest, penalty)
            status = vocabulary.CaseStatus.IN_PLAN
        else:
            history.scripted_promise(scenario)
        if days_past_due <= 30:
            if dice.chance(0.85):  # the last regular instalment, paid before falling behind
                history.payment(days_past_due + dice.between(20, 35), self.yuan(300, 3000))
        elif dice.chance(0.3):
            history.payment(dice.between(HISTORY_DAYS + 1, 365), self.yuan(300, 3000))

        batch.add(
            models.LoanCase,
            {
                "id": case_id,
                "row_version": 1,
                "updated_at": self.stamp,
                "loan_ref": f"CDL{next(self._loan_refs):07d}",
                "borrower_id": borrower_id,
                "product": dice.pick(_PRODUCTS),
                "currency": "CNY",
                "principal": principal,
                "interest": interest,
                "penalty": penalty,
                "due_date": self.day(days_past_due),
                "status": status.value,
                "assigned_to_id": collector.user_id,
                "team_id": self.team_id,
                # The summary columns are derived afterwards by case_summary.
                "risk_score": 0,
                "risk_tier": "D",
                "last_payment_at": None,
                "last_contact_at": None,
                "last_contact_outcome": None,
                "next_action_date": None,
                "promised_date": None,
                "promised_amount": None,
                "active_plan_id": active_plan_id,
                "closed_at": None,
            },
        )
        return _CaseFacts(case_id, addresses)

    def _borrower(
        self, batch: _Batch
    ) -> tuple[uuid.UUID, str, tuple[uuid.UUID, ...], tuple[_Address, ...]]:
        dice = self.dice
        male = dice.chance(0.58)
        name = self.person_name(male)
        borrower_id = dice.new_id()
        addresses: list[_Address] = []
        aggressive = False
        for kind in ("home", "work") if dice.chance(0.4) else ("home",):
            district, lat, lon = self.place()
            street = dice.pick(district.streets)
            if kind == "home":
                text = (
                    f"四川省成都市{district.name}{street}{dice.between(1, 400)}号"
                    f"{dice.between(1, 12)}栋{dice.between(1, 4)}单元"
                    f"{dice.between(1, 32)}{dice.between(1, 6):02d}室"
                )
                availability = dice.pick(_HOME_AVAILABILITY)
            else:
                company = dice.pick(_COMPANY_PREFIXES) + dice.pick(_COMPANY_SUFFIXES)
                text = f"四川省成都市{district.name}{street}{dice.between(1, 400)}号 {company}"
                availability = dice.pick(_WORK_AVAILABILITY)
            flags: list[str] = []
            if kind == "home" and dice.chance(0.05):
                flags.append("dog")
            if dice.chance(0.015):
                flags.append("aggressive")
                aggressive = True
            row = self.synced(
                borrower_id=borrower_id,
                kind=kind,
                address_text=text,
                city="成都市",
                lat=lat,
                lon=lon,
                timezone=TIMEZONE,
                availability=availability,
                safety_flags=flags,
                is_primary=kind == "home",
            )
            batch.add(models.BorrowerAddress, row)
            addresses.append(_Address(row["id"], text, lat, lon, availability))

        numbers: list[tuple[str, str, str | None, bool]] = [("mobile", self.mobile(), None, False)]
        if dice.chance(0.45):
            if dice.chance(0.6):
                relative = self.person_name(dice.chance(0.5))
                numbers.append(("relative", self.mobile(), relative, dice.chance(0.1)))
            else:
                landline = f"028-8{dice.between(0, 10**7 - 1):07d}"
                numbers.append(("work", landline, None, dice.chance(0.15)))
        phones: list[uuid.UUID] = []
        for position, (kind, number, owner_name, invalid) in enumerate(numbers):
            row = self.synced(
                borrower_id=borrower_id,
                number=number,
                kind=kind,
                owner_name=owner_name,
                is_primary=position == 0,
                invalid=invalid,
            )
            batch.add(models.BorrowerPhone, row)
            phones.append(row["id"])

        batch.add(
            models.Borrower,
            {
                "id": borrower_id,
                "row_version": 1,
                "updated_at": self.stamp,
                "full_name": name,
                "id_number": self.id_number(male),
                "language": "zh",
                "safety_flags": ["aggressive"] if aggressive else [],
                "notes": None,
            },
        )
        return borrower_id, name, tuple(phones), tuple(addresses)

    # The owner's day ----------------------------------------------------------------------------

    def visits_today(self, batch: _Batch, book: Sequence[_CaseFacts]) -> None:
        """Planned visits on the demo's day, each in a window its borrower is available in."""
        weekday = self.as_of.weekday()
        planned = 0
        for facts in self.dice.sample(book, min(len(book), VISITS_TODAY * 3)):
            for address in facts.addresses:
                windows = [w for w in address.availability if weekday in w["weekdays"]]
                if windows:
                    window = self.dice.pick(windows)
                    self._planned_visit(batch, facts, address, window["from"], window["to"])
                    planned += 1
                    break
            if planned == VISITS_TODAY:
                return
        if planned == 0:
            self._planned_visit(batch, book[0], book[0].addresses[0], "09:00", "20:00")

    def _planned_visit(
        self, batch: _Batch, facts: _CaseFacts, address: _Address, start: str, end: str
    ) -> None:
        start_hour, start_minute = (int(part) for part in start.split(":"))
        end_hour, end_minute = (int(part) for part in end.split(":"))
        batch.add(
            models.Visit,
            self.visit_row(
                case_id=facts.case_id,
                user_id=self.owner.user_id,
                address=address,
                days_ago=0,
                status=vocabulary.VisitStatus.PLANNED,
                window_start=self.moment(0, start_hour, start_minute),
                window_end=self.moment(0, end_hour, end_minute),
            ),
        )

    def visit_row(
        self,
        *,
        case_id: uuid.UUID,
        user_id: uuid.UUID,
        address: _Address,
        days_ago: int,
        status: vocabulary.VisitStatus,
        window_start: dt.datetime | None = None,
        window_end: dt.datetime | None = None,
        check_in_at: dt.datetime | None = None,
        check_out_at: dt.datetime | None = None,
    ) -> dict[str, Any]:
        """A visit row; with `check_in_at`, the collector stood within some 40 m of the door."""
        near: list[float | None] = [None] * 4
        if check_in_at is not None:
            jitter = self.dice.fraction
            near = [
                round(address.lat + (jitter() - 0.5) * 0.0008, 6),
                round(address.lon + (jitter() - 0.5) * 0.0008, 6),
                round(address.lat + (jitter() - 0.5) * 0.0008, 6),
                round(address.lon + (jitter() - 0.5) * 0.0008, 6),
            ]
        return self.synced(
            case_id=case_id,
            user_id=user_id,
            address_id=address.address_id,
            planned_date=self.day(days_ago),
            window_start=window_start,
            window_end=window_end,
            route_order=None,
            status=status.value,
            place_timezone=TIMEZONE,
            check_in_at=check_in_at,
            check_in_lat=near[0],
            check_in_lon=near[1],
            check_in_place=address.text if check_in_at is not None else None,
            check_out_at=check_out_at,
            check_out_lat=near[2],
            check_out_lon=near[3],
        )


class _CaseHistory:
    """The facts of one case: assignments, contacts, visits, promises, payments and a plan.

    Contacts are never made before the case reached its collector, payments never on or after
    the demo's day, and promises are left open: `case_summary` settles them from the payments.
    """

    def __init__(
        self,
        generator: _Generator,
        batch: _Batch,
        case_id: uuid.UUID,
        collector: _Staff,
        borrower_name: str,
        phones: tuple[uuid.UUID, ...],
        addresses: tuple[_Address, ...],
        outstanding: Decimal,
    ) -> None:
        self.g = generator
        self.dice = generator.dice
        self.batch = batch
        self.case_id = case_id
        self.collector = collector
        self.borrower_name = borrower_name
        self.phones = phones
        self.addresses = addresses
        self.outstanding = outstanding
        self.previous_collector: _Staff | None = None
        self.handed_over_ago = 0

    def _collector(self, days_ago: int) -> _Staff:
        """Who held the case `days_ago` days before the demo's day."""
        if self.previous_collector is not None and days_ago > self.handed_over_ago:
            return self.previous_collector
        return self.collector

    def assign(self, days_past_due: int) -> int:
        """Assignment history: to a collector soon after the due date, sometimes handed over.

        Returns how many days ago the case was first assigned.
        """
        dice = self.dice
        assigned_ago = max(1, days_past_due - dice.between(1, 3))
        first = self.collector
        if days_past_due > 60 and dice.chance(0.12):
            others = [c for c in self.g.collectors if c is not self.collector]
            first = self.previous_collector = dice.pick(others)
            self.handed_over_ago = dice.between(5, min(45, days_past_due - 10))
        self._assignment(None, first, assigned_ago, "逾期案件分配")
        if self.previous_collector is not None:
            reason = dice.pick(("片区调整", "工作量平衡", "升级外访"))
            self._assignment(self.previous_collector, self.collector, self.handed_over_ago, reason)
        return assigned_ago

    def _assignment(
        self, from_user: _Staff | None, to_user: _Staff, days_ago: int, reason: str
    ) -> None:
        assert self.g.lead is not None
        self.batch.add(
            models.CaseAssignment,
            self.g.synced(
                case_id=self.case_id,
                from_user_id=from_user.user_id if from_user else None,
                to_user_id=to_user.user_id,
                assigned_by_id=self.g.lead.user_id,
                assigned_at=self.g.moment(days_ago, 9, 0),
                reason=reason,
            ),
        )

    def payment(
        self,
        days_ago: int,
        amount: Decimal,
        at: dt.datetime | None = None,
        on_site: bool = False,
    ) -> None:
        if days_ago < 1:
            return  # nothing is known yet about payments on or after the demo's day
        self.batch.add(
            models.Payment,
            self.g.synced(
                case_id=self.case_id,
                paid_at=at or self.g.daytime(days_ago, 8, 21),
                amount=amount,
                channel="on_site" if on_site else self.dice.pick(_PAYMENT_CHANNELS),
                external_ref=None if on_site else self.g.next_payment_ref(),
                recorded_by_id=self._collector(days_ago).user_id if on_site else None,
            ),
        )

    def contact(
        self,
        days_ago: int,
        channel: vocabulary.ContactChannel,
        outcome: str,
        *,
        note: str | None = None,
        next_action_ago: int | None = None,
    ) -> tuple[uuid.UUID, dt.datetime, _Staff]:
        """One contact attempt (with its visit, for a visit); returns its id, time and maker."""
        dice = self.dice
        at = self.g.daytime(days_ago)
        user = self._collector(days_ago)
        address_id = visit_id = phone_id = None
        if channel is _VISIT:
            address = dice.pick(self.addresses)
            address_id = address.address_id
            visit = self.g.visit_row(
                case_id=self.case_id,
                user_id=user.user_id,
                address=address,
                days_ago=days_ago,
                status=vocabulary.VisitStatus.COMPLETED,
                check_in_at=at - dt.timedelta(minutes=dice.between(3, 15)),
                check_out_at=at + dt.timedelta(minutes=dice.between(5, 30)),
            )
            self.batch.add(models.Visit, visit)
            visit_id = visit["id"]
        else:
            phone_id = self.phones[0] if dice.chance(0.8) else dice.pick(self.phones)
        if note is None:
            notes = _NOTES.get(outcome if outcome != "other" else f"{channel.value}_other")
            note = dice.pick(notes) if notes else None
        person_met = None
        if outcome in _MET_BORROWER:
            person_met = self.borrower_name
        elif outcome == "met_third_party":
            person_met = dice.pick(_THIRD_PARTIES)
        row = self.g.synced(
            case_id=self.case_id,
            user_id=user.user_id,
            channel=channel.value,
            contacted_at=at,
            place_timezone=TIMEZONE,
            outcome=outcome,
            person_met=person_met,
            phone_id=phone_id,
            address_id=address_id,
            visit_id=visit_id,
            notes=note,
            next_action_date=None if next_action_ago is None else self.g.day(next_action_ago),
            consent_reason=None,
        )
        self.batch.add(models.Contact, row)
        return row["id"], at, user

    def promise(
        self, days_ago: int, channel: vocabulary.ContactChannel, amount: Decimal, due_ago: int
    ) -> None:
        """A contact ending in a promise to pay `amount` by `due_ago` days ago (< 0: ahead)."""
        promised = self.g.day(due_ago)
        note = f"承诺{promised.month}月{promised.day}日前还款{amount:,.2f}元"
        contact_id, at, user = self.contact(
            days_ago, channel, "promised_to_pay", note=note, next_action_ago=due_ago - 1
        )
        self.batch.add(
            models.PromiseToPay,
            self.g.synced(
                case_id=self.case_id,
                contact_id=contact_id,
                user_id=user.user_id,
                amount=amount,
                promised_date=promised,
                created_at=at,
                # Always open: case_summary settles it from the payments, as in real use.
                status=vocabulary.PromiseStatus.OPEN.value,
                settled_at=None,
            ),
        )

    def _promise_amount(self) -> Decimal:
        share = int(self.outstanding * self.dice.between(5, 25) / 100)
        return Decimal(max(300, share - share % 100) * 100).scaleb(-2)

    def _next_action_ago(self, days_ago: int, outcome: str) -> int:
        if outcome in ("not_home", "other"):
            return days_ago - self.dice.between(1, 3)
        if outcome in ("refused", "dispute", "moved", "wrong_address"):
            return days_ago - 7
        return days_ago - self.dice.between(3, 7)

    def random_contacts(self, profile: _Profile, assigned_ago: int) -> vocabulary.CaseStatus:
        """Contacts since the case was assigned (at most `HISTORY_DAYS`), as `profile` behaves."""
        dice = self.dice
        window = min(HISTORY_DAYS, assigned_ago - 1)
        count = min(dice.between(*profile.contacts), window)
        status = vocabulary.CaseStatus.OPEN
        if count <= 0:
            return status
        promise_busy_until = window + 1  # in days ago: no promise is pending yet
        for days_ago in sorted(dice.sample(range(1, window + 1), count), reverse=True):
            channel = dice.weighted(_CHANNELS)
            outcome = self._outcome(channel, profile)
            if outcome == "promised_to_pay" and days_ago >= promise_busy_until:
                outcome = "met_borrower"  # one promise at a time
            if outcome == "promised_to_pay":
                amount = self._promise_amount()
                due_ago = days_ago - dice.between(3, 10)
                promise_busy_until = due_ago - _PROMISE_GRACE_DAYS
                self.promise(days_ago, channel, amount, due_ago)
                self._pay_promise(days_ago, due_ago, amount, profile)
                continue
            if outcome == "dispute":
                status = vocabulary.CaseStatus.DISPUTED
            next_action = None if channel is _SMS else self._next_action_ago(days_ago, outcome)
            _, at, _ = self.contact(days_ago, channel, outcome, next_action_ago=next_action)
            if outcome == "paid_on_site":
                self.payment(days_ago, self.g.yuan(500, 3000), at=at, on_site=True)
        if profile.name == "struggling" and dice.chance(0.2):
            self.payment(dice.between(1, window), self.g.yuan(200, 1500))
        return status

    def _outcome(self, channel: vocabulary.ContactChannel, profile: _Profile) -> str:
        if channel is _SMS:
            return "other"
        on_site = channel is _VISIT
        if not self.dice.chance(profile.reach):
            return self.dice.weighted(_NOT_REACHED_ON_SITE) if on_site else "other"
        if profile.name == "disputing":
            table = _REACHED_ON_SITE_DISPUTING if on_site else _REACHED_BY_PHONE_DISPUTING
        else:
            table = _REACHED_ON_SITE if on_site else _REACHED_BY_PHONE
        return self.dice.weighted(table)

    def _pay_promise(self, days_ago: int, due_ago: int, amount: Decimal, profile: _Profile) -> None:
        """Payments towards a promise: in full around its date if kept, else a part or nothing."""
        dice = self.dice
        if dice.chance(profile.keeps_promises):
            pay_ago = min(days_ago - 1, due_ago + dice.pick((2, 1, 0, 0, 0, -1, -2)))
            self.payment(pay_ago, amount + dice.pick((0, 0, 0, 100, 200)))
        elif dice.chance(0.4):
            part = (amount * dice.between(30, 70) / 100).quantize(money.CENT)
            self.payment(dice.between(max(due_ago, 1), days_ago - 1), part)

    def scripted_promise(self, scenario: str) -> None:
        """The showcase's promises: one kept, one broken, one still open on the demo's day."""
        amount = self._promise_amount()
        if scenario == "kept_promise":
            self.contact(25, _PHONE, "other")
            self.promise(20, _PHONE, amount, due_ago=15)
            self.payment(16, amount)
        elif scenario == "broken_promise":
            self.contact(35, _VISIT, "not_home", next_action_ago=33)
            self.promise(30, _VISIT, amount, due_ago=25)
            self.contact(10, _VISIT, "not_home", next_action_ago=8)
            self.contact(5, _PHONE, "other", next_action_ago=4)
            self.contact(3, _PHONE, "other", next_action_ago=2)
        elif scenario == "open_promise":
            self.contact(12, _VISIT, "met_third_party", next_action_ago=10)
            self.promise(2, _VISIT, amount, due_ago=-3)
        else:
            raise AssertionError(f"unknown demo scenario {scenario!r}")

    def active_plan(self, principal: Decimal, interest: Decimal, penalty: Decimal) -> uuid.UUID:
        """The demo's one active repayment plan: agreed 40 days ago, two payments made on it."""
        assert self.g.lead is not None
        agreed_ago = 40
        self.contact(47, _PHONE, "hardship", next_action_ago=agreed_ago)
        _, agreed_at, proposer = self.contact(
            agreed_ago, _VISIT, "met_borrower", note="协商分期还款方案，双方签字确认"
        )
        waiver = (penalty / 2).quantize(Decimal("1"))
        agreed_total = principal + interest + penalty - waiver
        down_payment = Decimal(int(agreed_total) // 1000 * 100).quantize(money.CENT)
        terms = repayment_schedule.PlanTerms(
            principal=principal,
            interest=interest,
            penalty=penalty,
            waiver=waiver,
            down_payment=down_payment,
            down_payment_date=self.g.day(agreed_ago),
            instalment_count=12,
            frequency=repayment_schedule.Frequency.MONTHLY,
            first_due_date=self.g.day(agreed_ago - 30),
        )
        limits = repayment_schedule.PlanLimits(waiver_authority_pct=_COLLECTOR_WAIVER_AUTHORITY)
        schedule = repayment_schedule.build_schedule(terms, limits)
        approved = schedule.needs_approval
        plan_id = self.dice.new_id()
        self.batch.add(
            models.RepaymentPlan,
            {
                "id": plan_id,
                "row_version": 1,
                "updated_at": self.g.stamp,
                "case_id": self.case_id,
                "proposed_by_id": proposer.user_id,
                "created_at": agreed_at,
                "status": vocabulary.PlanStatus.ACTIVE.value,
                "principal": principal,
                "interest": interest,
                "penalty": penalty,
                "waiver": schedule.waiver,
                "down_payment": down_payment,
                "agreed_total": schedule.agreed_total,
                "frequency": terms.frequency.value,
                "instalment_count": terms.instalment_count,
                "first_due_date": terms.first_due_date,
                "needs_approval": approved,
                "decided_by_id": self.g.lead.user_id if approved else None,
                "decided_at": agreed_at + dt.timedelta(hours=2) if approved else None,
                "decision_reason": "借款人确有困难，同意减免部分罚息" if approved else None,
            },
        )
        for instalment in schedule.instalments:
            due_ago = (self.g.as_of - instalment.due_date).days
            paid = due_ago > 0
            if instalment.seq == 0:
                signed = agreed_at + dt.timedelta(minutes=20)
                self.payment(due_ago, instalment.amount, at=signed, on_site=True)
            elif paid:
                self.payment(due_ago + 1, instalment.amount)
            self.batch.add(
                models.Instalment,
                self.g.synced(
                    plan_id=plan_id,
                    seq=instalment.seq,
                    due_date=instalment.due_date,
                    amount=instalment.amount,
                    paid_amount=instalment.amount if paid else Decimal("0.00"),
                    status=(
                        vocabulary.InstalmentStatus.PAID
                        if paid
                        else vocabulary.InstalmentStatus.DUE
                    ).value,
                ),
            )
        return plan_id


# Building the workspace -------------------------------------------------------------------------


def build_demo_workspace(
    folder: Path,
    seed: int = 7,
    cases: int = 600,
    as_of: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Make `folder` a demo workspace of 张伟 with an embedded central database.

    The central database holds one Chengdu team: a lead and six collectors, 张伟 with `cases`
    cases and the five others with `cases // 3` each; 张伟's local store gets what he may see.
    On a folder that is already a demo workspace nothing is added (`created` is False); a
    workspace that belongs to a real user is refused with `WorkspaceError`. `progress(done,
    total)` counts the cases of the central database as they are made.
    """
    if cases < 1:
        raise ValueError(f"a demo needs at least one case, got {cases}")
    as_of = as_of or dt.date.today()
    with Workspace.open(folder, create=True) as workspace:
        central_path = workspace.embedded_central_path
        partial_path = central_path.with_name(central_path.name + _PARTIAL_SUFFIX)
        if workspace.state(STATE_DEMO) == "1":
            if not central_path.exists() and partial_path.exists():
                partial_path.replace(central_path)  # the last build stopped just before this
            return _existing_summary(workspace, central_path)
        if workspace.state(STATE_USER_ID) is not None:
            raise errors.WorkspaceError(
                f"{workspace.folder} is the workspace of a user, not a demo; "
                "build the demo in another folder"
            )
        if central_path.exists():
            raise errors.WorkspaceError(
                f"{central_path} exists but {workspace.folder} is not a demo workspace; "
                "build the demo in another folder"
            )
        summary = _build(workspace, partial_path, seed, cases, as_of, progress)
        # The central file takes its name only once the local store points at it.
        partial_path.replace(central_path)
        logger.info("built the demo workspace: %d cases centrally", summary.cases_in_central)
        return summary


def _build(
    workspace: Workspace,
    partial_path: Path,
    seed: int,
    cases: int,
    as_of: dt.date,
    progress: Callable[[int, int], None] | None,
) -> DemoSummary:
    """Fill a new central file at `partial_path`, then copy the owner's rows into `workspace`."""
    central_url = f"sqlite:///{workspace.embedded_central_path}"
    _remove_database(partial_path)
    engine = engines.central_engine(f"sqlite:///{partial_path}")
    try:
        schema_upgrade.upgrade(engine, schema_upgrade.SchemaKind.CENTRAL)
        generator = _Generator(seed, as_of)
        total = cases + OTHER_COLLECTORS * (cases // 3)
        _fill_central(engine, generator, cases, total, progress)
        sessions = engines.session_factory(engine)
        with sessions.begin() as central:
            case_summary.refresh_case_summaries(central, as_of)
            cases_in_central = central.scalar(select(func.count(models.LoanCase.id))) or 0
        # One local transaction: the copy and the workspace's owner arrive together or not at all.
        with sessions() as central, workspace.session() as local, local.no_autoflush:
            snapshot.copy_visible_rows(central, local, OWNER_USERNAME)
            cases_in_workspace = local.scalar(select(func.count(models.LoanCase.id))) or 0
            for key, value in (
                (STATE_USER_ID, str(generator.owner.user_id)),
                (STATE_DEMO, "1"),
                (STATE_SERVER_URL, central_url),
            ):
                local.merge(SyncState(key=key, value=value))
    finally:
        engine.dispose()
    if progress is not None:
        progress(total, total)
    return DemoSummary(
        folder=workspace.folder,
        username=OWNER_USERNAME,
        display_name=OWNER_DISPLAY_NAME,
        central_url=central_url,
        cases_in_workspace=cases_in_workspace,
        cases_in_central=cases_in_central,
        created=True,
    )


def _fill_central(
    engine: Engine,
    generator: _Generator,
    cases: int,
    total: int,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Insert the team, then each collector's book in batches, one transaction per batch."""
    sessions = engines.session_factory(engine)
    batch = _Batch()
    generator.team(batch)
    with sessions.begin() as session:
        batch.insert_into(session)
    owner_book: list[_CaseFacts] = []
    done = 0
    books = [(generator.owner, cases)]
    books += [(collector, cases // 3) for collector in generator.collectors[1:]]
    for collector, book_size in books:
        for start in range(0, book_size, _CASES_PER_BATCH):
            end = min(book_size, start + _CASES_PER_BATCH)
            made = [generator.case(batch, collector, position) for position in range(start, end)]
            if collector is generator.owner:
                owner_book += made
                if end == book_size:
                    generator.visits_today(batch, owner_book)
            with sessions.begin() as session:
                batch.insert_into(session)
            done += end - start
            if progress is not None:
                # The summaries and the local copy still follow: the caller reports the end.
                progress(min(done, total - 1), total)


def _existing_summary(workspace: Workspace, central_path: Path) -> DemoSummary:
    identity = workspace.identity()
    with workspace.session() as local:
        cases_in_workspace = local.scalar(select(func.count(models.LoanCase.id))) or 0
    cases_in_central = 0
    if central_path.exists():
        engine = engines.sqlite_engine(central_path)
        try:
            with engine.connect() as connection:
                cases_in_central = connection.scalar(select(func.count(models.LoanCase.id))) or 0
        finally:
            engine.dispose()
    return DemoSummary(
        folder=workspace.folder,
        username=identity.username if identity else OWNER_USERNAME,
        display_name=identity.display_name if identity else OWNER_DISPLAY_NAME,
        central_url=workspace.state(STATE_SERVER_URL) or f"sqlite:///{central_path}",
        cases_in_workspace=cases_in_workspace,
        cases_in_central=cases_in_central,
        created=False,
    )


def _remove_database(path: Path) -> None:
    """Delete a SQLite file and its journals, left over from a build that stopped."""
    for leftover in (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)


# The team lead's side ---------------------------------------------------------------------------

LEAD_FOLDER_SUFFIX = "-lead"


def lead_workspace_folder(demo_folder: Path) -> Path:
    """Where the lead's demo workspace lives: beside the collector's, sharing its central file."""
    demo_folder = demo_folder.expanduser().resolve()
    return demo_folder.with_name(demo_folder.name + LEAD_FOLDER_SUFFIX)


def build_lead_workspace(
    demo_folder: Path,
    seed: int = 7,
    cases: int = 600,
    as_of: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """The team lead's demo workspace beside the collector's demo in `demo_folder`.

    The collector's demo is built first when missing. The lead's workspace then points at its
    embedded central database as the team's lead and syncs with it like any workspace (the same
    push and pull, the lead's visibility), so it holds his team's cases, and what he assigns
    there reaches 张伟's workspace at its next sync. Like the collector's demo it is a plain
    store marked as a demo (a real login encrypts the store and refuses demo folders). A lead
    workspace already there is synced again, nothing rebuilt.
    """
    from app.services import sync  # the sync is only needed here, not by the collector's demo

    built = build_demo_workspace(
        demo_folder, seed=seed, cases=cases, as_of=as_of, progress=progress
    )
    central_path = Path(built.folder) / EMBEDDED_CENTRAL_NAME
    central_url = f"sqlite:///{central_path}"
    lead_id, lead_username, lead_name = _team_lead(central_path)
    folder = lead_workspace_folder(built.folder)
    with Workspace.open(folder, create=True) as workspace:
        created = workspace.state(STATE_USER_ID) is None
        if not created and workspace.state(STATE_DEMO) != "1":
            raise errors.WorkspaceError(
                f"{workspace.folder} is the workspace of a user, not the lead's demo; "
                "build the demo in another folder"
            )
        if created:
            for key, value in (
                (STATE_SERVER_URL, central_url),
                (sync.STATE_SERVER_USER, lead_username),
                (STATE_USER_ID, str(lead_id)),
                (STATE_DEMO, "1"),
            ):
                workspace.set_state(key, value)
        sync.SyncService(workspace).run()
        with workspace.session() as local:
            cases_in_workspace = local.scalar(select(func.count(models.LoanCase.id))) or 0
    logger.info(
        "lead demo workspace %s: %d cases", "built" if created else "synced", cases_in_workspace
    )
    return DemoSummary(
        folder=folder,
        username=lead_username,
        display_name=lead_name,
        central_url=central_url,
        cases_in_workspace=cases_in_workspace,
        cases_in_central=built.cases_in_central,
        created=created,
    )


def _team_lead(central_path: Path) -> tuple[uuid.UUID, str, str]:
    """Id, login name and name of the demo team's lead (drawn from the staff names by the seed)."""
    engine = engines.sqlite_engine(central_path)
    try:
        with engine.connect() as connection:
            lead = connection.execute(
                select(models.AppUser.id, models.AppUser.username, models.AppUser.display_name)
                .join(models.Team, models.Team.id == models.AppUser.team_id)
                .where(
                    models.Team.name == TEAM_NAME,
                    models.AppUser.role == vocabulary.UserRole.LEAD.value,
                )
            ).first()
    finally:
        engine.dispose()
    if lead is None:
        raise errors.WorkspaceError(
            f"{central_path} has no lead of {TEAM_NAME}; build the demo again"
        )
    return lead.id, lead.username, lead.display_name
