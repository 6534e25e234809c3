"""Renders a collector's route sheet as a PDF (reportlab, Chinese text in an embedded font): the
day, the collector, the stops in order and the day's totals — to print or carry on the road.

It draws what it is given (`RouteSheet`, values only); the day's plan and its costs are
`app.services.day_plan`'s. It stores nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app import errors
from app.documents import cjk_font

logger = logging.getLogger(__name__)

PAGE_SIZE = landscape(A4)
MARGIN = 12 * mm
# Order, loan, borrower, address, window, arrival, wait, notes (the address takes what is left).
_COLUMN_WIDTHS = (12 * mm, 34 * mm, 24 * mm, None, 26 * mm, 20 * mm, 18 * mm, 52 * mm)

# The sheet is a Chinese document, like the agreement: its words are fixed here.
SAFETY_NOTES: Mapping[str, str] = MappingProxyType(
    {
        "dog": "有狗",
        "aggressive": "曾有过激行为",
        "two_person": "需两人同行",
        "remote": "地点偏远",
    }
)
_HEADERS = ("序号", "贷款编号", "借款人", "地址", "时间窗", "预计到达", "等待", "备注")


class RouteSheetError(errors.KnownError):
    """The route sheet cannot be written (no usable Chinese font, the file cannot be written)."""


@dataclass(frozen=True, slots=True)
class SheetStop:
    """One stop as printed.

    Attributes:
        order: its position, from 1.
        loan_ref: the case's loan reference.
        borrower: the borrower's name.
        address: the address visited.
        window_start: earliest allowed start, local "HH:MM" (None: no time allowed today).
        window_end: latest allowed start, local "HH:MM".
        arrival: planned arrival, local "HH:MM".
        wait_minutes: minutes waited for the window.
        late_minutes: minutes after the window the visit starts (0: on time).
        outside_every_window: no time today is allowed for this visit.
        locked: the collector locked the stop at its time.
        safety_flags: the address's safety flag codes.
    """

    order: int
    loan_ref: str
    borrower: str
    address: str
    window_start: str | None
    window_end: str | None
    arrival: str
    wait_minutes: int
    late_minutes: int = 0
    outside_every_window: bool = False
    locked: bool = False
    safety_flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RouteSheet:
    """A day's route sheet.

    Attributes:
        day: the day.
        collector: who drives it.
        stops: the stops in order.
        distance_km: road distance from home and back.
        travel_minutes: time on the road.
        duty_minutes: from leaving home to coming back.
        back_at: when home again, local "HH:MM" (None without stops).
        cost: estimated cost in yuan.
        cost_per_km: the rate per km the cost uses.
        hourly_rate: the hourly rate the cost uses.
    """

    day: dt.date
    collector: str
    stops: tuple[SheetStop, ...]
    distance_km: Decimal
    travel_minutes: int
    duty_minutes: int
    back_at: str | None
    cost: Decimal
    cost_per_km: Decimal
    hourly_rate: Decimal


def title(sheet: RouteSheet) -> str:
    return f"上门路线单 {sheet.day.isoformat()}"


def stop_notes(stop: SheetStop) -> list[str]:
    """The notes column of a stop: warnings first, then the address's safety flags."""
    notes = []
    if stop.outside_every_window:
        notes.append("今日无可上门时间")
    elif stop.late_minutes:
        notes.append(f"晚于时间窗 {stop.late_minutes} 分钟")
    if stop.locked:
        notes.append("已锁定")
    notes.extend(SAFETY_NOTES.get(flag, flag) for flag in stop.safety_flags)
    return notes


def totals_lines(sheet: RouteSheet) -> list[str]:
    hours, minutes = divmod(sheet.duty_minutes, 60)
    lines = [
        f"共 {len(sheet.stops)} 站　总里程 {sheet.distance_km:.1f} 公里　"
        f"路上时间 {sheet.travel_minutes} 分钟　在岗时间 {hours} 小时 {minutes} 分钟"
        + (f"　预计 {sheet.back_at} 回到出发地" if sheet.back_at else ""),
        f"预计费用 {sheet.cost:,.2f} 元（每公里 {sheet.cost_per_km:.2f} 元，"
        f"每小时 {sheet.hourly_rate:.2f} 元）",
    ]
    return lines


def _window(stop: SheetStop) -> str:
    if stop.window_start is None or stop.window_end is None:
        return "—"
    return f"{stop.window_start}–{stop.window_end}"


def write_route_sheet(sheet: RouteSheet, target: Path) -> None:
    """Draw `sheet` into the PDF file `target` (written aside, then renamed into place)."""
    rows = [
        [
            str(stop.order),
            stop.loan_ref,
            stop.borrower,
            stop.address,
            _window(stop),
            stop.arrival,
            f"{stop.wait_minutes} 分钟" if stop.wait_minutes else "—",
            "；".join(stop_notes(stop)),
        ]
        for stop in sheet.stops
    ]
    heading = title(sheet)
    subtitle = f"催收员：{sheet.collector}　日期：{sheet.day.isoformat()}"
    totals = totals_lines(sheet)
    every_text = "".join([heading, subtitle, *_HEADERS, *totals, *(c for r in rows for c in r)])
    try:
        font = cjk_font.font_covering(every_text)
    except cjk_font.NoFontError as error:
        raise RouteSheetError(str(error)) from None
    heading_style = ParagraphStyle("heading", fontName=font, fontSize=16, leading=20)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    bold = ParagraphStyle("bold", parent=body, fontSize=10, leading=14)

    def cell(text: str) -> Paragraph:
        return Paragraph(escape(text), body)

    content_width = PAGE_SIZE[0] - 2 * MARGIN
    fixed = sum(width for width in _COLUMN_WIDTHS if width is not None)
    widths = [width if width is not None else content_width - fixed for width in _COLUMN_WIDTHS]
    table = Table(
        [[cell(text) for text in _HEADERS], *([cell(text) for text in row] for row in rows)],
        colWidths=widths,
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3f2fd")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        Paragraph(escape(heading), heading_style),
        Spacer(1, 2 * mm),
        Paragraph(escape(subtitle), bold),
        Spacer(1, 4 * mm),
        table if rows else Paragraph("今日没有已排定的上门。", body),
        Spacer(1, 4 * mm),
        *(Paragraph(escape(line), bold) for line in totals),
    ]
    partial = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        document = SimpleDocTemplate(
            str(partial),
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=heading,
            author=sheet.collector,
            creator="FieldCollect",
        )
        document.build(story)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise RouteSheetError(f"{target}: cannot be written ({error.strerror or error})") from None
    logger.info("wrote a route sheet of %d stops", len(sheet.stops))
