"""What a signed repayment agreement says, its canonical JSON form and the hash that binds it.

Shared by the PDF renderer and the verifier so that both agree byte for byte on the canonical
content; it draws nothing and reads no PDF.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import importlib.resources
import json
import logging
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any
from uuid import UUID

from app.domain import money, privacy
from app.domain import repayment_schedule as schedule

logger = logging.getLogger(__name__)

FORMAT = "fieldcollect.agreement/1"
LANGUAGES = ("zh_CN", "en")
# Custom keys of the PDF document information dictionary that carry the canonical content.
INFO_CONTENT_KEY = "/FieldCollectAgreement"
INFO_SHA256_KEY = "/FieldCollectAgreementSHA256"
QR_PREFIX = "fieldcollect:agreement"


@dataclass(frozen=True, slots=True)
class AgreementContent:
    """Everything an agreement states.

    Attributes:
        agreement_id: the agreement's UUID, printed and carried in the QR code.
        loan_ref: the loan reference of the case.
        creditor_name, borrower_name, collector_name: the parties and the collector who signs.
        borrower_id_number: already masked, last four characters visible ("**************1234").
        borrower_address: where the borrower lives.
        principal, interest, penalty: the balances owed at signing.
        waiver: the amount forgiven; agreed_total = principal + interest + penalty - waiver.
        schedule: the instalments (seq 0 = down payment), summing to agreed_total.
        place, signed_date: where and when it is signed.
        language: "zh_CN" or "en", the language of the document.
    """

    agreement_id: UUID
    loan_ref: str
    creditor_name: str
    borrower_name: str
    borrower_id_number: str
    borrower_address: str
    collector_name: str
    principal: Decimal
    interest: Decimal
    penalty: Decimal
    waiver: Decimal
    agreed_total: Decimal
    schedule: tuple[schedule.Instalment, ...]
    place: str
    signed_date: date
    language: str = "zh_CN"

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"agreement language must be one of {LANGUAGES}, not {self.language}")
        # An unmasked identity number must never reach a printed page.
        if privacy.mask_id_number(self.borrower_id_number) != self.borrower_id_number:
            raise ValueError("borrower_id_number must be masked (only the last 4 visible)")
        if not self.schedule:
            raise ValueError("an agreement needs at least one instalment")
        balance = self.principal + self.interest + self.penalty - self.waiver
        if balance != self.agreed_total:
            raise ValueError(
                f"agreed total {self.agreed_total} is not principal + interest + penalty - waiver"
                f" = {balance}"
            )
        scheduled = sum((instalment.amount for instalment in self.schedule), Decimal(0))
        if scheduled != self.agreed_total:
            raise ValueError(
                f"the instalments add up to {scheduled}, not the agreed total {self.agreed_total}"
            )


@dataclass(frozen=True, slots=True)
class AgreementTemplate:
    """The words of an agreement in one language, from resources/templates/agreement_<lang>.json.

    Attributes:
        language: "zh_CN" or "en".
        texts: the template's JSON object (title, headings, labels, clauses, page_number...).
    """

    language: str
    texts: Mapping[str, Any]

    def label(self, key: str) -> str:
        return str(self.texts["labels"][key])

    def heading(self, key: str) -> str:
        return str(self.texts["headings"][key])


@cache
def load_template(language: str) -> AgreementTemplate:
    """The agreement template for ``language`` ("zh_CN" or "en")."""
    if language not in LANGUAGES:
        raise ValueError(f"no agreement template for language {language!r}")
    resource = importlib.resources.files("resources") / "templates" / f"agreement_{language}.json"
    texts = json.loads(resource.read_text(encoding="utf-8"))
    return AgreementTemplate(language=language, texts=texts)


def format_amount(amount: Decimal) -> str:
    """An amount as printed on the agreement: thousands separators and two decimals."""
    return f"{money.to_money(amount):,.2f}"


def _plain_amount(amount: Decimal) -> str:
    return f"{money.to_money(amount):.2f}"


def _text(value: str) -> str:
    # NFC so that the same name typed on two machines hashes the same.
    return unicodedata.normalize("NFC", value)


def _signature_sha256(png: bytes | None) -> str | None:
    return None if png is None else hashlib.sha256(png).hexdigest()


def canonical_content(
    content: AgreementContent,
    borrower_signature: bytes | None = None,
    collector_signature: bytes | None = None,
) -> bytes:
    """The agreement as deterministic UTF-8 JSON: sorted keys, amounts as 2-decimal strings,
    ISO dates, and the SHA-256 of each signature image, so a signature cannot be swapped."""
    document = {
        "format": FORMAT,
        "agreement_id": str(content.agreement_id),
        "language": content.language,
        "loan_ref": _text(content.loan_ref),
        "creditor_name": _text(content.creditor_name),
        "borrower_name": _text(content.borrower_name),
        "borrower_id_number": _text(content.borrower_id_number),
        "borrower_address": _text(content.borrower_address),
        "collector_name": _text(content.collector_name),
        "principal": _plain_amount(content.principal),
        "interest": _plain_amount(content.interest),
        "penalty": _plain_amount(content.penalty),
        "waiver": _plain_amount(content.waiver),
        "agreed_total": _plain_amount(content.agreed_total),
        "schedule": [
            {
                "seq": instalment.seq,
                "due_date": instalment.due_date.isoformat(),
                "amount": _plain_amount(instalment.amount),
            }
            for instalment in content.schedule
        ],
        "place": _text(content.place),
        "signed_date": content.signed_date.isoformat(),
        "borrower_signature_sha256": _signature_sha256(borrower_signature),
        "collector_signature_sha256": _signature_sha256(collector_signature),
    }
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def content_sha256(canonical: bytes) -> str:
    """The hex SHA-256 of canonical content: the code printed on the agreement and stored."""
    return hashlib.sha256(canonical).hexdigest()


def verification_code(agreement_id: UUID | str, sha256: str) -> str:
    """The text the agreement's QR code carries: its id and the hash of its content."""
    return f"{QR_PREFIX}:{agreement_id}:sha256:{sha256}"


def encode_for_info(canonical: bytes) -> str:
    """Canonical content as ASCII for a PDF info entry (base64 survives every PDF writer)."""
    return base64.b64encode(canonical).decode("ascii")


def decode_from_info(value: str) -> bytes:
    """The canonical bytes back from a PDF info entry; ValueError if it is not base64."""
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as error:
        raise ValueError("the embedded agreement content is not valid base64") from error
