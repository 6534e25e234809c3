"""Checks that an agreement PDF is unaltered: its embedded content matches its hash and its pages.

It reads a PDF (pypdf) and reports differences in words; it never changes the file and does not
look anything up in a database: comparing the hash with the stored one is the caller's job.
The page text is compared too, because an amount edited on the page leaves the embedded content
and its hash intact; that text extraction is why pypdf is needed at run time.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from uuid import UUID

from pypdf import PdfReader

from app.documents import agreement_content as agreement
from app.domain import money

logger = logging.getLogger(__name__)

_AMOUNT = r"(-?\d[\d,]*\.\d{2})"
_NUMERAL_CHARACTERS = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正负"


@dataclass(frozen=True, slots=True)
class VerificationResult:
    """What verifying an agreement PDF found.

    Attributes:
        ok: the content, its hash and the visible pages all agree.
        agreement_id: the agreement's id from the embedded content (None if unreadable).
        expected_sha256: the hash the PDF records for its content (compare it with the stored
            agreement's hash too).
        actual_sha256: the hash of the embedded content as found.
        differences: each disagreement, in words.
    """

    ok: bool
    agreement_id: UUID | None
    expected_sha256: str | None
    actual_sha256: str | None
    differences: tuple[str, ...]


def _amount(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _stored_amount(document: Mapping[str, Any], key: str) -> Decimal:
    return Decimal(str(document[key]))


def _page_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _schedule_on_pages(
    text: str, template: agreement.AgreementTemplate
) -> dict[int, list[tuple[str, Decimal]]]:
    down_payment = template.label("down_payment")
    row = re.compile(
        rf"^\s*(?P<seq>\d+|{re.escape(down_payment)})\s+(?P<due>\d{{4}}-\d{{2}}-\d{{2}})\s+"
        rf"{_AMOUNT}\s*$",
        re.MULTILINE,
    )
    rows: dict[int, list[tuple[str, Decimal]]] = {}
    for match in row.finditer(text):
        seq = 0 if match["seq"] == down_payment else int(match["seq"])
        rows.setdefault(seq, []).append((match["due"], _amount(match[3])))
    return rows


def _compare_schedule(
    document: Mapping[str, Any], text: str, template: agreement.AgreementTemplate
) -> list[str]:
    differences: list[str] = []
    shown = _schedule_on_pages(text, template)
    stored: dict[int, tuple[str, Decimal]] = {
        int(item["seq"]): (str(item["due_date"]), Decimal(str(item["amount"])))
        for item in document["schedule"]
    }
    for seq, (due, amount) in sorted(stored.items()):
        rows = shown.get(seq)
        if not rows:
            differences.append(
                f"instalment {seq} (due {due}, {amount:,.2f}) is in the agreement content "
                "but not on the pages"
            )
            continue
        if len(rows) > 1:
            differences.append(f"the pages show instalment {seq} {len(rows)} times")
        shown_due, shown_amount = rows[0]
        if shown_amount != amount:
            differences.append(
                f"instalment {seq}: the page shows {shown_amount:,.2f} but the agreement "
                f"content says {amount:,.2f}"
            )
        if shown_due != due:
            differences.append(
                f"instalment {seq}: the page shows due date {shown_due} but the agreement "
                f"content says {due}"
            )
    for seq in sorted(set(shown) - set(stored)):
        differences.append(
            f"the pages show an instalment {seq} that is not in the agreement content"
        )
    return differences


def _compare_labelled_amounts(
    document: Mapping[str, Any], text: str, template: agreement.AgreementTemplate
) -> list[str]:
    differences: list[str] = []
    agreed_total = _stored_amount(document, "agreed_total")
    expected = {
        "principal": _stored_amount(document, "principal"),
        "interest": _stored_amount(document, "interest"),
        "penalty": _stored_amount(document, "penalty"),
        "waiver": _stored_amount(document, "waiver"),
        "agreed_total": agreed_total,
        "schedule_total": agreed_total,
    }
    for key, amount in expected.items():
        label = template.label(key)
        pattern = re.compile(rf"^\s*{re.escape(label)}\s+{_AMOUNT}\s*$", re.MULTILINE)
        found = [_amount(match[1]) for match in pattern.finditer(text)]
        if not found:
            differences.append(f"the pages do not show the {key.replace('_', ' ')}")
        for shown in found:
            if shown != amount:
                differences.append(
                    f"the {key.replace('_', ' ')} on the page is {shown:,.2f} but the agreement "
                    f"content says {amount:,.2f}"
                )

    prefix = re.escape(template.label("currency_prefix"))
    figures = re.compile(
        rf"{re.escape(template.label('total_in_figures'))}\s*(?:{prefix})?\s*{_AMOUNT}"
    )
    found = [_amount(match[1]) for match in figures.finditer(text)]
    if not found:
        differences.append("the pages do not show the agreed total in figures")
    differences.extend(
        f"the agreed total in figures on the page is {shown:,.2f} but the agreement content "
        f"says {agreed_total:,.2f}"
        for shown in found
        if shown != agreed_total
    )

    # Wrapped lines split the numerals, so they are looked for with all whitespace removed.
    compact = re.sub(r"\s+", "", text)
    label = re.sub(r"\s+", "", template.label("total_in_words"))
    words = re.compile(rf"{re.escape(label)}(人民币[{_NUMERAL_CHARACTERS}]+)")
    expected_words = money.capital_numerals(agreed_total)
    found_words = [match[1] for match in words.finditer(compact)]
    if not found_words:
        differences.append("the pages do not show the agreed total in words")
    differences.extend(
        f"the agreed total in words on the page is {shown} but the agreement content says "
        f"{expected_words}"
        for shown in found_words
        if shown != expected_words
    )
    return differences


def _compare_content_with_itself(document: Mapping[str, Any]) -> list[str]:
    differences: list[str] = []
    agreed_total = _stored_amount(document, "agreed_total")
    balance = sum(
        (_stored_amount(document, key) for key in ("principal", "interest", "penalty")), Decimal(0)
    ) - _stored_amount(document, "waiver")
    if balance != agreed_total:
        differences.append(
            f"in the agreement content, principal + interest + penalty - waiver is {balance:,.2f}"
            f" but the agreed total is {agreed_total:,.2f}"
        )
    scheduled = sum((Decimal(str(item["amount"])) for item in document["schedule"]), Decimal(0))
    if scheduled != agreed_total:
        differences.append(
            f"in the agreement content, the instalments add up to {scheduled:,.2f} but the "
            f"agreed total is {agreed_total:,.2f}"
        )
    return differences


def _failed(differences: list[str], **known: Any) -> VerificationResult:
    return VerificationResult(
        ok=False,
        agreement_id=known.get("agreement_id"),
        expected_sha256=known.get("expected_sha256"),
        actual_sha256=known.get("actual_sha256"),
        differences=tuple(differences),
    )


def verify_agreement_pdf(pdf: bytes) -> VerificationResult:
    """Recomputes the SHA-256 of the embedded content and compares that content with the text
    of the pages (every instalment, the balances, the total in figures and in words)."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        metadata = reader.metadata or {}
        text = _page_text(reader)
    except Exception as error:  # pypdf raises KeyError, TypeError, zlib.error... on broken files
        logger.info("unreadable agreement PDF: %s: %s", type(error).__name__, error)
        return _failed(["the file is not a readable PDF"])

    encoded = metadata.get(agreement.INFO_CONTENT_KEY)
    recorded_sha256 = metadata.get(agreement.INFO_SHA256_KEY)
    expected_sha256 = str(recorded_sha256) if recorded_sha256 is not None else None
    if encoded is None:
        return _failed(
            ["the PDF carries no FieldCollect agreement content"], expected_sha256=expected_sha256
        )
    try:
        canonical = agreement.decode_from_info(str(encoded))
        document = json.loads(canonical.decode("utf-8"))
        agreement_id = UUID(str(document["agreement_id"]))
        template = agreement.load_template(str(document["language"]))
    except (ValueError, KeyError, TypeError) as error:
        logger.info("unreadable agreement content: %s", error)
        return _failed(
            ["the agreement content embedded in the PDF cannot be read"],
            expected_sha256=expected_sha256,
        )

    actual_sha256 = agreement.content_sha256(canonical)
    differences: list[str] = []
    if expected_sha256 is None:
        differences.append("the PDF records no SHA-256 for its content")
    elif expected_sha256 != actual_sha256:
        differences.append(
            f"the embedded content hashes to {actual_sha256} but the PDF records {expected_sha256}"
        )

    compact = re.sub(r"\s+", "", text)
    sha_label = re.escape(re.sub(r"\s+", "", template.label("sha256")))
    printed = re.findall(rf"{sha_label}[:\uff1a]([0-9a-f]{{64}})", compact)
    if not printed:
        differences.append("the pages do not show the content code (SHA-256)")
    differences.extend(
        f"the pages show content code {code} but the embedded content hashes to {actual_sha256}"
        for code in printed
        if code != actual_sha256
    )
    if str(agreement_id) not in text:
        differences.append(f"the pages do not show the agreement number {agreement_id}")

    try:
        differences.extend(_compare_content_with_itself(document))
        differences.extend(_compare_schedule(document, text, template))
        differences.extend(_compare_labelled_amounts(document, text, template))
    except (KeyError, TypeError, InvalidOperation) as error:
        logger.info("agreement content incomplete: %s", error)
        differences.append("the agreement content embedded in the PDF is incomplete")

    return VerificationResult(
        ok=not differences,
        agreement_id=agreement_id,
        expected_sha256=expected_sha256,
        actual_sha256=actual_sha256,
        differences=tuple(differences),
    )
