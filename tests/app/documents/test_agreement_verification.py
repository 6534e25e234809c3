"""Verifying an agreement PDF: the original passes, every kind of altered copy fails."""

from __future__ import annotations

import dataclasses
import io
import json

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from app.documents import agreement_content as agreement
from app.documents import agreement_pdf
from app.documents import agreement_verification as verification

from . import agreement_samples as samples


@pytest.fixture(scope="module")
def original() -> bytes:
    return agreement_pdf.render_agreement(samples.content(), samples.signature_png(), None)


def written(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def with_page_text_replaced(pdf: bytes, old: bytes, new: bytes) -> bytes:
    """The PDF with one string in page 1's content stream changed, as a text editor would."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    page = writer.pages[0]
    contents = page.get_contents()
    assert contents is not None
    data = contents.get_data()
    assert data.count(old) == 1, old
    contents.set_data(data.replace(old, new))
    page.replace_contents(contents)
    return written(writer)


def with_embedded_content(pdf: bytes, document: dict[str, object], rehash: bool) -> bytes:
    canonical = json.dumps(
        document, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    entries = {agreement.INFO_CONTENT_KEY: agreement.encode_for_info(canonical)}
    if rehash:
        entries[agreement.INFO_SHA256_KEY] = agreement.content_sha256(canonical)
    writer.add_metadata(entries)
    return written(writer)


def embedded_document(pdf: bytes) -> dict[str, object]:
    reader = PdfReader(io.BytesIO(pdf))
    return json.loads(agreement.decode_from_info(reader.metadata[agreement.INFO_CONTENT_KEY]))


def test_the_original_agreement_verifies(original: bytes) -> None:
    result = verification.verify_agreement_pdf(original)
    assert result.differences == ()
    assert result.ok
    assert result.agreement_id == samples.AGREEMENT_ID
    assert result.expected_sha256 == result.actual_sha256
    expected = agreement.canonical_content(samples.content(), samples.signature_png(), None)
    assert result.actual_sha256 == agreement.content_sha256(expected)


def test_an_english_agreement_over_several_pages_verifies() -> None:
    pdf = agreement_pdf.render_agreement(samples.content(instalment_count=36, language="en"))
    result = verification.verify_agreement_pdf(pdf)
    assert result.differences == ()
    assert result.ok


def test_an_amount_altered_on_the_page_is_found(original: bytes) -> None:
    altered = with_page_text_replaced(original, b"(903.87)", b"(103.87)")
    assert "103.87" in PdfReader(io.BytesIO(altered)).pages[0].extract_text()
    result = verification.verify_agreement_pdf(altered)
    assert not result.ok
    assert result.expected_sha256 == result.actual_sha256  # the embedded content is untouched
    assert result.differences == (
        "instalment 12: the page shows 103.87 but the agreement content says 903.87",
    )


def test_an_altered_total_on_the_page_is_found(original: bytes) -> None:
    altered = with_page_text_replaced(original, b" 11,845.67)", b" 11,045.67)")
    result = verification.verify_agreement_pdf(altered)
    assert not result.ok
    assert any("total in figures on the page is 11,045.67" in d for d in result.differences)


def test_an_amount_altered_in_the_embedded_content_is_found(original: bytes) -> None:
    document = embedded_document(original)
    document["schedule"][12]["amount"] = "103.87"  # type: ignore[index]
    result = verification.verify_agreement_pdf(
        with_embedded_content(original, document, rehash=False)
    )
    assert not result.ok
    assert result.expected_sha256 != result.actual_sha256
    assert any("hashes to" in d for d in result.differences)
    assert any(
        d == "instalment 12: the page shows 903.87 but the agreement content says 103.87"
        for d in result.differences
    )


def test_rehashing_altered_content_still_disagrees_with_the_printed_code(original: bytes) -> None:
    document = embedded_document(original)
    document["waiver"] = "1500.00"
    document["agreed_total"] = "10845.67"
    document["schedule"][12]["amount"] = "-96.13"  # type: ignore[index]
    result = verification.verify_agreement_pdf(
        with_embedded_content(original, document, rehash=True)
    )
    assert not result.ok
    assert result.expected_sha256 == result.actual_sha256
    assert any(d.startswith("the pages show content code") for d in result.differences)
    assert any("the waiver on the page is 500.00" in d for d in result.differences)


def test_pages_of_another_agreement_under_the_original_content_are_found(original: bytes) -> None:
    schedule = list(samples.plan().instalments)
    schedule[-2] = dataclasses.replace(schedule[-2], amount=schedule[-2].amount + 100)
    schedule[-1] = dataclasses.replace(schedule[-1], amount=schedule[-1].amount - 100)
    other = samples.content(schedule=tuple(schedule))
    forged_pages = agreement_pdf.render_agreement(other, samples.signature_png(), None)
    writer = PdfWriter(clone_from=io.BytesIO(forged_pages))
    writer.add_metadata(
        {
            key: value
            for key, value in PdfReader(io.BytesIO(original)).metadata.items()
            if key in (agreement.INFO_CONTENT_KEY, agreement.INFO_SHA256_KEY)
        }
    )
    result = verification.verify_agreement_pdf(written(writer))
    assert not result.ok
    assert "instalment 11: the page shows 1,003.80 but the agreement content says 903.80" in (
        result.differences
    )
    assert "instalment 12: the page shows 803.87 but the agreement content says 903.87" in (
        result.differences
    )


def test_a_file_that_is_not_a_pdf_fails_verification() -> None:
    result = verification.verify_agreement_pdf(b"%PDF-1.4 nonsense")
    assert not result.ok
    assert result.agreement_id is None
    assert result.differences == ("the file is not a readable PDF",)


def test_a_pdf_that_is_no_agreement_fails_verification() -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(100, 700, "Hello")
    page.save()
    result = verification.verify_agreement_pdf(buffer.getvalue())
    assert not result.ok
    assert result.differences == ("the PDF carries no FieldCollect agreement content",)
