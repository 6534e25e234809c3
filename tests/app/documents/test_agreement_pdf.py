"""The agreement PDF: what a reader sees, what pypdf reads back, and the fonts it carries."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.documents import agreement_content as agreement
from app.documents import agreement_pdf, cjk_font
from app.domain import money
from app.domain import repayment_schedule as rs

from . import agreement_samples as samples

needs_poppler = pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdffonts, pdftoppm) not installed",
)


def page_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def compact(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def signed_pdf() -> bytes:
    return agreement_pdf.render_agreement(
        samples.content(), samples.signature_png(), samples.signature_png((90, 10, 10))
    )


def test_every_instalment_line_can_be_read_back(signed_pdf: bytes) -> None:
    lines = page_text(signed_pdf).splitlines()
    content = samples.content()
    assert len(content.schedule) == 13
    for instalment in content.schedule:
        seq = "首付款" if instalment.seq == 0 else str(instalment.seq)
        row = [seq, instalment.due_date.isoformat(), f"{instalment.amount:,.2f}"]
        found = any(lines[i : i + 3] == row for i in range(len(lines)))
        assert found, row


def test_the_total_reads_in_figures_and_in_capital_numerals(signed_pdf: bytes) -> None:
    text = page_text(signed_pdf)
    assert "约定还款总额（小写）\n¥ 11,845.67" in text
    assert "合计\n11,845.67" in text
    assert "约定还款总额（大写）人民币壹万壹仟捌佰肆拾伍元陆角柒分" in compact(text)


def test_the_verification_code_is_printed_and_embedded(signed_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(signed_pdf))
    canonical = agreement.decode_from_info(reader.metadata[agreement.INFO_CONTENT_KEY])
    sha256 = agreement.content_sha256(canonical)
    assert reader.metadata[agreement.INFO_SHA256_KEY] == sha256
    expected = agreement.canonical_content(
        samples.content(), samples.signature_png(), samples.signature_png((90, 10, 10))
    )
    assert canonical == expected
    text = compact(page_text(signed_pdf))
    assert f"内容校验码（SHA-256）：{sha256}" in text
    assert f"协议编号：{samples.AGREEMENT_ID}" in text


def test_pages_are_numbered_page_of_pages(signed_pdf: bytes) -> None:
    pages = PdfReader(io.BytesIO(signed_pdf)).pages
    assert len(pages) == 2
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 / 共 2 页" in page.extract_text()


def test_both_signatures_are_drawn_and_missing_ones_leave_a_blank_line(signed_pdf: bytes) -> None:
    def image_count(pdf: bytes) -> int:
        return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)

    assert image_count(signed_pdf) == 2
    unsigned = agreement_pdf.render_agreement(samples.content(), None, None)
    assert image_count(unsigned) == 0
    assert "乙方（签字）" in page_text(unsigned)


@pytest.mark.parametrize(
    ("amount", "numerals"),
    [
        ("0.05", "伍分"),
        ("10.00", "壹拾元整"),
        ("100000.10", "壹拾万元壹角"),
        ("1000000000.00", "壹拾亿元整"),
    ],
)
def test_amounts_are_written_in_capital_numerals(amount: str, numerals: str) -> None:
    total = Decimal(amount)
    pdf = agreement_pdf.render_agreement(samples.single_payment(total))
    text = page_text(pdf)
    assert f"¥ {total:,.2f}" in text
    assert money.capital_numerals(total) in compact(text)
    assert numerals in compact(text)


def test_an_english_agreement_keeps_the_chinese_numerals_and_names() -> None:
    pdf = agreement_pdf.render_agreement(samples.content(language="en"))
    text = page_text(pdf)
    assert "Repayment Agreement" in text
    assert "Agreed total (in figures)\nCNY 11,845.67" in text
    assert "人民币壹万壹仟捌佰肆拾伍元陆角柒分" in compact(text)
    assert "欧阳堃" in text
    assert "Page 1 of 2" in text


def test_a_long_plan_runs_over_pages_and_keeps_every_line() -> None:
    content = samples.content(instalment_count=60)
    lines = page_text(agreement_pdf.render_agreement(content)).splitlines()
    for instalment in content.schedule[1:]:
        row = [str(instalment.seq), instalment.due_date.isoformat(), f"{instalment.amount:,.2f}"]
        assert any(lines[i : i + 3] == row for i in range(len(lines))), row


def test_an_unmasked_id_number_never_reaches_the_page() -> None:
    with pytest.raises(ValueError, match="masked"):
        samples.content(borrower_id_number="310101199001011234")


def test_totals_that_do_not_add_up_are_refused() -> None:
    with pytest.raises(ValueError, match="agreed total"):
        samples.content(agreed_total=Decimal("11845.66"))
    schedule = samples.plan().instalments
    short = (*schedule[:-1], dataclasses.replace(schedule[-1], amount=Decimal("1.00")))
    with pytest.raises(ValueError, match="add up"):
        samples.content(schedule=short)


def test_a_signature_that_is_not_an_image_is_an_error() -> None:
    with pytest.raises(agreement_pdf.AgreementRenderError, match="borrower"):
        agreement_pdf.render_agreement(samples.content(), b"not a png", None)


def test_canonical_content_is_sorted_json_with_two_decimal_amounts_and_iso_dates() -> None:
    content = samples.content()
    canonical = agreement.canonical_content(content, samples.signature_png(), None)
    assert canonical == agreement.canonical_content(content, samples.signature_png(), None)
    document = json.loads(canonical)
    assert list(document) == sorted(document)
    assert document["agreed_total"] == "11845.67"
    assert document["penalty"] == "845.67"
    assert document["schedule"][0] == {"seq": 0, "due_date": "2024-01-15", "amount": "1000.00"}
    assert document["signed_date"] == "2024-01-15"
    assert document["collector_signature_sha256"] is None
    other_signature = agreement.canonical_content(content, samples.signature_png((0, 0, 0)), None)
    assert agreement.content_sha256(other_signature) != agreement.content_sha256(canonical)
    other_date = agreement.canonical_content(
        dataclasses.replace(content, signed_date=date(2024, 1, 16)), samples.signature_png(), None
    )
    assert agreement.content_sha256(other_date) != agreement.content_sha256(canonical)


def test_verification_code_carries_the_id_and_the_hash() -> None:
    code = agreement.verification_code(samples.AGREEMENT_ID, "ab" * 32)
    assert code == f"fieldcollect:agreement:{samples.AGREEMENT_ID}:sha256:{'ab' * 32}"


@needs_poppler
def test_every_font_is_embedded(signed_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "agreement.pdf"
    path.write_bytes(signed_pdf)
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, "no fonts listed"
    for line in listing:
        name, _type, _encoding, embedded, subset, *_ = line.split()
        assert "WenQuanYiMicroHei" in name
        assert (embedded, subset) == ("yes", "yes"), line


@needs_poppler
def test_the_bundled_font_alone_is_enough(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundled = cjk_font.CANDIDATES[0]
    assert bundled.path is None
    monkeypatch.setattr(cjk_font, "CANDIDATES", (bundled,))
    pdf = agreement_pdf.render_agreement(samples.content())
    assert "欧阳堃" in page_text(pdf)  # 堃 is outside GB2312 but inside the bundled subset
    path = tmp_path / "agreement.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    assert " yes yes " in listing.stdout


def test_without_any_usable_font_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        cjk_font, "CANDIDATES", (cjk_font.FontSource("Nowhere", "/nonexistent/font.ttf"),)
    )
    with pytest.raises(agreement_pdf.AgreementRenderError, match="fonts-wqy-microhei"):
        agreement_pdf.render_agreement(samples.content())


@needs_poppler
def test_the_pdf_looks_the_same_on_a_machine_without_chinese_fonts(
    signed_pdf: bytes, tmp_path: Path
) -> None:
    pdf_path = tmp_path / "agreement.pdf"
    pdf_path.write_bytes(signed_pdf)
    # A fontconfig that knows no font directory at all stands in for a bare machine.
    bare_config = tmp_path / "fonts.conf"
    bare_config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )

    def render(prefix: str, env: dict[str, str]) -> bytes:
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "40",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf_path),
                str(tmp_path / prefix),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        return next(tmp_path.glob(f"{prefix}*.png")).read_bytes()

    bare = render("bare", {**os.environ, "FONTCONFIG_FILE": str(bare_config)})
    usual = render("usual", dict(os.environ))
    assert bare == usual


def test_a_plan_from_the_calculator_fits_an_agreement_exactly() -> None:
    schedule = rs.build_schedule(
        rs.PlanTerms(
            principal=Decimal("999.99"),
            interest=Decimal("0.02"),
            penalty=Decimal("0.00"),
            waiver=Decimal("0.01"),
            down_payment=Decimal("0.00"),
            down_payment_date=None,
            instalment_count=7,
            frequency=rs.Frequency.WEEKLY,
            first_due_date=date(2024, 5, 6),
        ),
        rs.PlanLimits(waiver_authority_pct=Decimal("50"), min_instalment=Decimal("1")),
    )
    content = samples.content(
        principal=Decimal("999.99"),
        interest=Decimal("0.02"),
        penalty=Decimal("0.00"),
        waiver=Decimal("0.01"),
        agreed_total=schedule.agreed_total,
        schedule=schedule.instalments,
    )
    text = page_text(agreement_pdf.render_agreement(content))
    assert "合计\n1,000.00" in text
    assert "7\n2024-06-17\n142.90" in text


@needs_poppler
@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools (zbarimg) not installed")
def test_the_qr_code_scans_to_the_agreement_id_and_hash(signed_pdf: bytes, tmp_path: Path) -> None:
    pdf_path = tmp_path / "agreement.pdf"
    pdf_path.write_bytes(signed_pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "2", "-l", "2", str(pdf_path), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", str(next(tmp_path.glob("p*.png")))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    reader = PdfReader(io.BytesIO(signed_pdf))
    sha256 = reader.metadata[agreement.INFO_SHA256_KEY]
    assert scanned == agreement.verification_code(samples.AGREEMENT_ID, sha256)
