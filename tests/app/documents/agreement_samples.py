"""Sample agreements and signature images for the document tests and the benchmark."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from decimal import Decimal
from uuid import UUID

from PIL import Image, ImageDraw

from app.documents import agreement_content as agreement
from app.domain import repayment_schedule as rs

AGREEMENT_ID = UUID("6f1c2b9e-4d3a-4e8f-9b1a-2c3d4e5f6a7b")


def plan(instalment_count: int = 12) -> rs.PlanSchedule:
    return rs.build_schedule(
        rs.PlanTerms(
            principal=Decimal("10000.00"),
            interest=Decimal("1500.00"),
            penalty=Decimal("845.67"),
            waiver=Decimal("500.00"),
            down_payment=Decimal("1000.00"),
            down_payment_date=date(2024, 1, 15),
            instalment_count=instalment_count,
            frequency=rs.Frequency.MONTHLY,
            first_due_date=date(2024, 1, 31),
        ),
        rs.PlanLimits(
            waiver_authority_pct=Decimal("30"), min_instalment=Decimal("10"), max_term_months=60
        ),
    )


def content(instalment_count: int = 12, **changes: object) -> agreement.AgreementContent:
    schedule = plan(instalment_count)
    base = agreement.AgreementContent(
        agreement_id=AGREEMENT_ID,
        loan_ref="LN-2023-000123",
        creditor_name="示例消费金融有限公司",
        borrower_name="欧阳堃",
        borrower_id_number="**************123X",
        borrower_address="上海市浦东新区世纪大道100号环球金融中心88层8801室",
        collector_name="李四",
        principal=Decimal("10000.00"),
        interest=Decimal("1500.00"),
        penalty=Decimal("845.67"),
        waiver=Decimal("500.00"),
        agreed_total=schedule.agreed_total,
        schedule=schedule.instalments,
        place="上海市浦东新区",
        signed_date=date(2024, 1, 15),
        language="zh_CN",
    )
    return dataclasses.replace(base, **changes)


def single_payment(amount: Decimal, language: str = "zh_CN") -> agreement.AgreementContent:
    """An agreement paying ``amount`` (all principal) in one instalment."""
    return content(
        principal=amount,
        interest=Decimal("0.00"),
        penalty=Decimal("0.00"),
        waiver=Decimal("0.00"),
        agreed_total=amount,
        schedule=(rs.Instalment(1, date(2024, 2, 1), amount),),
        language=language,
    )


def signature_png(colour: tuple[int, int, int] = (10, 20, 90)) -> bytes:
    image = Image.new("RGBA", (400, 150), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    pen.line(
        [(10, 100), (80, 30), (150, 120), (220, 40), (300, 110), (380, 60)], fill=colour, width=6
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
