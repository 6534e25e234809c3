"""The case map page: a marker per placed case in its tier's colour, the day's route in stop order,
and nothing fetched from the network."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from app.domain import vocabulary
from app.services import case_map, demo
from app.services.workspace import Workspace
from app.store import models

TODAY = dt.date.today()
TILES = "https://tiles.example.cn/{z}/{x}/{y}.png"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("case-map") / "ws"
    demo.build_demo_workspace(folder, cases=30, as_of=TODAY)
    return folder


@pytest.fixture
def workspace(template: Path, tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "ws"
    shutil.copytree(template, folder)
    with Workspace.open(folder) as opened:
        yield opened


def _page_data(html: str) -> dict[str, Any]:
    """The cases and stops the page draws, as its script receives them."""
    found = re.search(r"fieldcollectMap\.start\(\s*\w+,\s*\w+,\s*(\{.*?\})\s*\);", html, re.S)
    assert found, "the page starts the case layer"
    return json.loads(found.group(1))


def _route(html: str) -> list[tuple[float, float]]:
    found = re.search(r"L\.polyline\(\s*(\[\[.*?\]\])", html, re.S)
    assert found, "the page draws a route"
    return [(lat, lon) for lat, lon in json.loads(found.group(1))]


def _placed_cases(workspace: Workspace) -> dict[uuid.UUID, tuple[float, float, str]]:
    """Open cases whose borrower has a placed address: the primary one (else any), and the tier."""
    with workspace.session() as session:
        rows = session.execute(
            select(
                models.LoanCase.id,
                models.LoanCase.risk_tier,
                models.BorrowerAddress.lat,
                models.BorrowerAddress.lon,
                models.BorrowerAddress.is_primary,
            )
            .join(
                models.BorrowerAddress,
                models.BorrowerAddress.borrower_id == models.LoanCase.borrower_id,
            )
            .where(
                models.BorrowerAddress.lat.is_not(None),
                models.LoanCase.status.not_in(["settled", "closed"]),
            )
        ).all()
    placed: dict[uuid.UUID, tuple[float, float, str]] = {}
    for case_id, tier, lat, lon, is_primary in rows:
        if is_primary or case_id not in placed:
            placed[case_id] = (lat, lon, tier)
    return placed


def test_every_placed_case_is_one_marker_at_its_address_in_its_tier(workspace: Workspace) -> None:
    built = case_map.CaseMapService(workspace).build(TODAY)
    drawn = _page_data(built.html)["cases"]
    expected = _placed_cases(workspace)
    assert len(expected) == 30
    assert {uuid.UUID(case["id"]): (case["lat"], case["lon"], case["tier"]) for case in drawn} == (
        expected
    )
    assert len(drawn) == len(built.markers) == 30
    assert built.cases_without_position == 0


def test_each_tier_has_its_colour_and_clusters_take_the_most_urgent(workspace: Workspace) -> None:
    html = case_map.CaseMapService(workspace).build(TODAY).html
    for tier, colour in {"A": "#c62828", "B": "#ef6c00", "C": "#f9a825", "D": "#2e7d32"}.items():
        assert f".fc-tier-{tier} {{ background: {colour};" in html
    assert "L.markerClusterGroup(" in html
    assert "iconCreateFunction" in html and "getAllChildMarkers" in html


def test_the_route_joins_the_days_stops_in_route_order(workspace: Workspace) -> None:
    with workspace.session() as session:
        visits = session.scalars(
            select(models.Visit)
            .where(models.Visit.planned_date == TODAY)
            .order_by(models.Visit.window_start, models.Visit.id)
        ).all()
        assert len(visits) >= 3, "the demo plans visits for today"
        # The router's order wins over the windows: number them backwards.
        for position, visit in enumerate(reversed(visits), start=1):
            visit.route_order = position
        planned = [visit.address_id for visit in reversed(visits)]
        places = {
            address.id: (address.lat, address.lon)
            for address in session.scalars(
                select(models.BorrowerAddress).where(models.BorrowerAddress.id.in_(planned))
            )
        }
    built = case_map.CaseMapService(workspace).build(TODAY)
    expected = [places[address_id] for address_id in planned]
    assert _route(built.html) == expected
    stops = _page_data(built.html)["stops"]
    assert [stop["number"] for stop in stops] == list(range(1, len(expected) + 1))
    assert [(stop["lat"], stop["lon"]) for stop in stops] == expected
    assert stops[0]["lines"][0].startswith("Stop 1 · ")
    assert [stop.number for stop in built.stops] == list(range(1, len(expected) + 1))


def test_another_day_without_visits_has_no_route(workspace: Workspace) -> None:
    built = case_map.CaseMapService(workspace).build(TODAY + dt.timedelta(days=400))
    assert built.stops == ()
    assert "L.polyline(" not in built.html
    assert _page_data(built.html)["stops"] == []


def test_the_page_fetches_nothing_from_the_network(workspace: Workspace) -> None:
    built = case_map.CaseMapService(workspace).build(TODAY)
    references = re.findall(r"<(?:script|link)\b[^>]*?(?:src|href)=\"([^\"]+)\"", built.html)
    assert {
        "assets/leaflet/leaflet.js",
        "assets/leaflet/leaflet.css",
        "assets/markercluster/leaflet.markercluster.js",
        "assets/markercluster/MarkerCluster.css",
        "assets/markercluster/MarkerCluster.Default.css",
        "assets/jquery/jquery.min.js",
    } == set(references)
    for reference in references:
        prefix = next(prefix for prefix in built.assets if reference.startswith(prefix))
        assert (built.assets[prefix] / reference.removeprefix(prefix)).is_file(), reference
    assert not re.search(r"https?://", built.html)
    for dropped in ("bootstrap", "awesome", "font-awesome", "fontawesome", "cdn"):
        assert dropped not in built.html.lower()
    assert "L.tileLayer(" not in built.html


def test_a_tile_url_is_the_only_address_on_the_web(workspace: Workspace) -> None:
    html = case_map.CaseMapService(workspace).build(TODAY, tile_url=TILES).html
    assert "L.tileLayer(" in html
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) == {TILES}
    assert not re.search(r"<(?:script|link)\b[^>]*?(?:src|href)=\"https?:", html)
    assert '"attribution": "tiles.example.cn"' in html


def test_cases_without_a_placed_address_are_counted_not_drawn(workspace: Workspace) -> None:
    with workspace.session() as session:
        case = session.scalars(select(models.LoanCase).order_by(models.LoanCase.loan_ref)).first()
        assert case is not None
        session.execute(
            update(models.BorrowerAddress)
            .where(models.BorrowerAddress.borrower_id == case.borrower_id)
            .values(lat=None, lon=None)
        )
        unplaced = case.id
    built = case_map.CaseMapService(workspace).build(TODAY)
    assert built.cases_without_position == 1
    assert unplaced not in {marker.case_id for marker in built.markers}
    assert str(unplaced) not in {case["id"] for case in _page_data(built.html)["cases"]}


def test_settled_cases_are_left_off_unless_asked_for(workspace: Workspace) -> None:
    with workspace.session() as session:
        case = session.scalars(select(models.LoanCase).order_by(models.LoanCase.loan_ref)).first()
        assert case is not None
        case.status = vocabulary.CaseStatus.SETTLED
        settled = case.id
    service = case_map.CaseMapService(workspace)
    assert settled not in {marker.case_id for marker in service.build(TODAY).markers}
    shown = service.build(TODAY, include_settled=True).markers
    assert [marker.status for marker in shown if marker.case_id == settled] == ["settled"]


def test_labels_come_in_the_words_given_and_names_cannot_break_the_page(
    workspace: Workspace,
) -> None:
    hostile = "</script><script>alert('x')</script>&amp;"
    with workspace.session() as session:
        case = session.scalars(select(models.LoanCase).order_by(models.LoanCase.loan_ref)).first()
        assert case is not None
        session.get_one(models.Borrower, case.borrower_id).full_name = hostile
        case_id = str(case.id)
    texts = case_map.MapTexts(
        outstanding="欠款 {amount}",
        tier="{tier} 级",
        statuses={"open": "未结", "promised": "已承诺", "in_plan": "还款计划中"},
        money=lambda amount: f"¥{amount:,.2f}",
    )
    html = case_map.CaseMapService(workspace).build(TODAY, texts=texts).html
    assert hostile not in html
    assert html.count("</script>") == html.count("<script")
    drawn = {case["id"]: case for case in _page_data(html)["cases"]}
    lines = drawn[case_id]["lines"]
    assert lines[0] == hostile
    assert lines[2].startswith("欠款 ¥") and Decimal(lines[2].split("¥")[1].replace(",", "")) > 0
    assert re.fullmatch(r"[ABCD] 级 · (未结|已承诺|还款计划中)", lines[3])


def test_visits_left_out_of_a_routed_day_are_no_stops(workspace: Workspace) -> None:
    day = TODAY + dt.timedelta(days=30)
    with workspace.session() as session:
        visits = session.scalars(
            select(models.Visit)
            .where(models.Visit.planned_date == TODAY)
            .order_by(models.Visit.window_start, models.Visit.id)
        ).all()
        assert len(visits) >= 3
        # The same visits on another day: the first two routed, the third left out.
        for position, visit in enumerate(visits[:3], start=1):
            session.add(
                models.Visit(
                    case_id=visit.case_id,
                    user_id=visit.user_id,
                    address_id=visit.address_id,
                    planned_date=day,
                    route_order=position if position < 3 else None,
                    place_timezone=visit.place_timezone,
                )
            )
    built = case_map.CaseMapService(workspace).build(day)
    assert [stop.number for stop in built.stops] == [1, 2]
    assert len(_page_data(built.html)["stops"]) == 2
