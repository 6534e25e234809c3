"""A plan beyond the collector's authority, from his laptop to the lead's and back, through the
demo's embedded central database; then the signed agreement verified against that database."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app import cli
from app.services import plans
from app.services.cases import CaseListService, CaseQuery
from app.services.workspace import Workspace
from app.store import engines, models
from tests.app.services.test_plans import signature_png


def _lead_username(central: Path) -> str:
    engine = engines.central_engine(f"sqlite:///{central}")
    try:
        with engine.connect() as connection:
            return connection.scalar(
                select(models.AppUser.username).where(models.AppUser.role == "lead")
            )
    finally:
        engine.dispose()


def test_a_plan_beyond_authority_is_approved_by_the_lead_then_signed_and_verified_centrally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine, lead_folder = tmp_path / "collector", tmp_path / "lead"
    assert cli.main(["demo", "--workspace", str(mine), "--no-gui", "--cases", "10"]) == 0
    server = f"sqlite:///{mine / 'central.db'}"
    today = dt.date.today()

    with Workspace.open(mine) as workspace:
        service = plans.PlanService(workspace)
        case = next(
            row
            for row in CaseListService(workspace).page(CaseQuery(), 0, 10)
            if row.status == "open" and row.outstanding > Decimal("1000")
        )
        terms = plans.PlanInput(
            instalment_count=6,
            frequency=plans.Frequency.MONTHLY,
            first_due_date=today + dt.timedelta(days=30),
            waiver_pct=Decimal("60"),
        )
        plan_id = service.save_draft(case.case_id, terms)
        assert service.plan(plan_id).status == "pending_approval"
        with pytest.raises(plans.PlanNotSignableError):
            service.sign(plan_id, signature_png(), signature_png(), "成都")
    assert cli.main(["sync", "--workspace", str(mine)]) == 0

    lead = _lead_username(mine / "central.db")
    assert (
        cli.main(["login", "--workspace", str(lead_folder), "--server", server, "--user", lead])
        == 0
    )
    with Workspace.open(lead_folder) as workspace:
        queue = [p for p in plans.PlanService(workspace).plans() if p.status == "pending_approval"]
        assert [p.plan_id for p in queue] == [plan_id]
        plans.PlanService(workspace).approve(plan_id, "大额减免，借款人确有困难")
    assert cli.main(["sync", "--workspace", str(lead_folder)]) == 0

    assert cli.main(["sync", "--workspace", str(mine)]) == 0
    pdf = tmp_path / "signed.pdf"
    with Workspace.open(mine) as workspace:
        service = plans.PlanService(workspace)
        assert service.plan(plan_id).status == "approved"
        signed = service.sign(plan_id, signature_png(), signature_png(), "成都", pdf)
    capsys.readouterr()
    assert cli.main(["verify", str(pdf), "--server", server]) == 1  # printed, not synced yet
    assert "has no agreement" in capsys.readouterr().err
    assert cli.main(["sync", "--workspace", str(mine)]) == 0
    assert cli.main(["verify", str(pdf), "--server", server]) == 0
    assert str(signed.agreement_id) in capsys.readouterr().out

    elsewhere = tmp_path / "elsewhere.pdf"
    shutil.copy(pdf, elsewhere)
    other = tmp_path / "other-central.db"
    shutil.copy(mine / "central.db", other)
    engine = engines.central_engine(f"sqlite:///{other}")
    try:
        with engine.begin() as connection:
            connection.execute(models.Agreement.__table__.update().values(content_sha256="0" * 64))
    finally:
        engine.dispose()
    assert cli.main(["verify", str(elsewhere), "--server", f"sqlite:///{other}"]) == 1
    assert "recorded agreement" in capsys.readouterr().err
