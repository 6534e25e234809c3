"""Renders a repayment agreement as a PDF with reportlab: terms, schedule, signatures, QR code.

The canonical content and its SHA-256 travel inside the PDF (document information entries) so
``agreement_verification`` can check the file later. It renders only; it stores nothing.
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app import errors
from app.documents import agreement_content as agreement
from app.documents import cjk_font
from app.domain import money

logger = logging.getLogger(__name__)

PAGE_MARGIN = 18 * mm
# The frame has no padding of its own, so headings, tables and the footer share one left edge.
CONTENT_WIDTH = A4[0] - 2 * PAGE_MARGIN
FOOTER_HEIGHT = 6 * mm
LABEL_WIDTH = 40 * mm
# Room a section needs below its heading (about three table rows) to start on this page.
SECTION_MIN_SPACE = 30 * mm
SIGNATURE_BOX = (60 * mm, 22 * mm)
QR_SIZE = 32 * mm


class AgreementRenderError(errors.KnownError):
    """The agreement cannot be drawn on this machine (no usable Chinese font, unreadable image)."""


class _AgreementInfo(PDFInfo):
    """The PDF document information dictionary plus our custom entries.

    reportlab has no public call for custom info keys, so this replaces the document's
    ``PDFInfo`` and writes the standard entries the way ``PDFInfo.format`` does.
    """

    def __init__(self, extra: dict[str, str]) -> None:
        super().__init__()
        self.extra = extra

    def format(self, document: Any) -> bytes:
        entries = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "CreationDate": PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
        }
        entries["ModDate"] = entries["CreationDate"]
        for key, value in self.extra.items():
            entries[key.lstrip("/")] = PDFString(value)
        return PDFDictionary(entries).format(document)


class _AgreementCanvas(pdf_canvas.Canvas):
    """A canvas that holds pages back until the end so each footer can say "page 1 of 2"."""

    def __init__(
        self, *args: Any, footer: _Footer, info_extra: dict[str, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._doc.info = _AgreementInfo(info_extra)
        self._footer = footer
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            self._footer.draw(self, self._pageNumber, pages)
            super().showPage()
        super().save()


@dataclass(frozen=True, slots=True)
class _Footer:
    font_name: str
    page_number: str
    agreement_line: str

    def draw(self, canvas: pdf_canvas.Canvas, page: int, pages: int) -> None:
        width, _ = A4
        canvas.saveState()
        canvas.setFont(self.font_name, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(PAGE_MARGIN, 10 * mm, self.agreement_line)
        canvas.drawRightString(
            width - PAGE_MARGIN, 10 * mm, self.page_number.format(page=page, pages=pages)
        )
        canvas.restoreState()


@dataclass(frozen=True, slots=True)
class _Styles:
    body: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle


def _styles(font_name: str, language: str) -> _Styles:
    # CJK wrapping breaks between any two characters, which Chinese needs and English must not.
    wrap = "CJK" if language == "zh_CN" else None
    body = ParagraphStyle("body", fontName=font_name, fontSize=10, leading=15, wordWrap=wrap)
    return _Styles(
        body=body,
        title=ParagraphStyle(
            "title", parent=body, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=2 * mm
        ),
        heading=ParagraphStyle(
            "heading", parent=body, fontSize=12, leading=18, spaceBefore=4 * mm, spaceAfter=2 * mm
        ),
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=11),
        cell=ParagraphStyle("cell", parent=body, fontSize=10, leading=14),
    )


def _table_style(font_name: str, *commands: tuple[Any, ...]) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font_name),
            ("FONTSIZE", (0, 0), (-1, -1), 10),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *commands,
        ]
    )


def _flush_left_style(font_name: str, *commands: tuple[Any, ...]) -> TableStyle:
    """A style for a table without a frame: its first column starts on the text's left edge."""
    return _table_style(font_name, ("LEFTPADDING", (0, 0), (0, -1), 0), *commands)


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _labelled_rows(rows: Sequence[tuple[str, str]], styles: _Styles, font_name: str) -> Table:
    """A label column and a value column; a blank value gets a line to write it in by hand."""
    blank_lines = [
        ("LINEBELOW", (1, row), (1, row), 0.5, colors.grey)
        for row, (_label, value) in enumerate(rows)
        if not value.strip()
    ]
    return Table(
        [[_paragraph(label, styles.cell), _paragraph(value, styles.cell)] for label, value in rows],
        colWidths=[LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH],
        style=_flush_left_style(font_name, ("VALIGN", (0, 0), (-1, -1), "TOP"), *blank_lines),
    )


def _section(text: str, styles: _Styles) -> list[Flowable]:
    """A section heading that starts a new page rather than stand alone at a page's foot.

    Not ``keepWithNext``: that would push the whole schedule table to the next page.
    """
    return [CondPageBreak(SECTION_MIN_SPACE), _paragraph(text, styles.heading)]


def _signature_flowable(png: bytes | None, who: str) -> Flowable:
    if png is None:
        return Spacer(*SIGNATURE_BOX)
    try:
        image_width, image_height = ImageReader(io.BytesIO(png)).getSize()
    except Exception as error:  # reportlab raises bare Exceptions for undecodable images
        raise AgreementRenderError(f"the {who} signature is not a readable PNG image") from error
    scale = min(SIGNATURE_BOX[0] / image_width, SIGNATURE_BOX[1] / image_height)
    return Image(io.BytesIO(png), width=image_width * scale, height=image_height * scale)


def _clause_values(content: agreement.AgreementContent) -> dict[str, str]:
    balance_total = content.principal + content.interest + content.penalty
    return {
        "loan_ref": content.loan_ref,
        "creditor": content.creditor_name,
        "borrower": content.borrower_name,
        "balance_total": agreement.format_amount(balance_total),
        "waiver": agreement.format_amount(content.waiver),
        "agreed_total": agreement.format_amount(content.agreed_total),
        "agreed_total_words": money.capital_numerals(content.agreed_total),
    }


def _all_texts(template: agreement.AgreementTemplate, values: Iterable[str]) -> Iterator[str]:
    def walk(node: object) -> Iterator[str]:
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for child in node.values():
                yield from walk(child)
        elif isinstance(node, list):
            for child in node:
                yield from walk(child)

    yield from walk(template.texts)
    yield from values


def _story(
    content: agreement.AgreementContent,
    template: agreement.AgreementTemplate,
    styles: _Styles,
    font_name: str,
    signatures: tuple[bytes | None, bytes | None],
    sha256: str,
) -> list[Flowable]:
    label = template.label
    amount = agreement.format_amount
    story: list[Flowable] = [
        _paragraph(template.texts["title"], styles.title),
        _paragraph(f"{label('agreement_id')}{label('colon')}{content.agreement_id}", styles.small),
        Spacer(1, 2 * mm),
        *_section(template.heading("parties"), styles),
    ]
    parties = [
        (label("creditor"), content.creditor_name),
        (label("borrower"), content.borrower_name),
        (label("id_number"), content.borrower_id_number),
        (label("address"), content.borrower_address),
        (label("collector"), content.collector_name),
    ]
    story.append(_labelled_rows(parties, styles, font_name))

    story.extend(_section(template.heading("debt"), styles))
    balance_total = content.principal + content.interest + content.penalty
    debt = [
        [label("loan_ref"), content.loan_ref],
        [label("principal"), amount(content.principal)],
        [label("interest"), amount(content.interest)],
        [label("penalty"), amount(content.penalty)],
        [label("balance_total"), amount(balance_total)],
        [label("waiver"), amount(content.waiver)],
        [label("agreed_total"), amount(content.agreed_total)],
    ]
    story.append(
        Table(
            debt,
            colWidths=[LABEL_WIDTH, 45 * mm],
            hAlign="LEFT",
            style=_flush_left_style(
                font_name,
                ("ALIGN", (1, 1), (1, -1), "RIGHT"),
                ("LINEABOVE", (0, 4), (-1, 4), 0.5, colors.grey),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.grey),
            ),
        )
    )

    story.extend(_section(template.heading("plan"), styles))
    rows: list[list[Any]] = [[label("seq"), label("due_date"), label("amount")]]
    for instalment in content.schedule:
        seq = label("down_payment") if instalment.seq == 0 else str(instalment.seq)
        rows.append([seq, instalment.due_date.isoformat(), amount(instalment.amount)])
    rows.append([label("schedule_total"), "", amount(content.agreed_total)])
    story.append(
        Table(
            rows,
            colWidths=[30 * mm, 40 * mm, 45 * mm],
            repeatRows=1,
            hAlign="LEFT",
            style=_table_style(
                font_name,
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                ("ALIGN", (0, 0), (1, -1), "CENTER"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.grey),
                (
                    "ROWBACKGROUNDS",
                    (0, 1),
                    (-1, -2),
                    [colors.white, colors.Color(0.97, 0.97, 0.97)],
                ),
            ),
        )
    )
    story.append(Spacer(1, 2 * mm))
    totals = [
        [
            label("total_in_figures"),
            f"{label('currency_prefix')} {amount(content.agreed_total)}",
        ],
        [
            label("total_in_words"),
            _paragraph(money.capital_numerals(content.agreed_total), styles.cell),
        ],
    ]
    story.append(
        Table(
            totals,
            colWidths=[50 * mm, CONTENT_WIDTH - 50 * mm],
            hAlign="LEFT",
            style=_table_style(font_name, ("BOX", (0, 0), (-1, -1), 0.5, colors.grey)),
        )
    )

    story.extend(_section(template.heading("terms"), styles))
    values = _clause_values(content)
    for number, clause in enumerate(template.texts["clauses"], start=1):
        story.append(_paragraph(f"{number}. {clause.format_map(values)}", styles.body))
        story.append(Spacer(1, 1.5 * mm))

    borrower_png, collector_png = signatures
    # A narrow empty middle column keeps the two signing lines apart.
    signature_rows = [
        [label("collector_signature"), "", label("borrower_signature")],
        [
            _signature_flowable(collector_png, "collector's"),
            "",
            _signature_flowable(borrower_png, "borrower's"),
        ],
        [
            _paragraph(content.collector_name, styles.cell),
            "",
            _paragraph(content.borrower_name, styles.cell),
        ],
    ]
    gap = 12 * mm
    half = (CONTENT_WIDTH - gap) / 2
    signature_table = Table(
        signature_rows,
        colWidths=[half, gap, half],
        style=_flush_left_style(
            font_name,
            ("LEFTPADDING", (2, 0), (2, -1), 0),
            ("LINEBELOW", (0, 1), (0, 1), 0.5, colors.black),
            ("LINEBELOW", (2, 1), (2, 1), 0.5, colors.black),
            ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
        ),
    )
    place_and_date = _labelled_rows(
        [
            (label("signed_date"), content.signed_date.isoformat()),
            (label("place"), content.place),
        ],
        styles,
        font_name,
    )
    story.append(
        KeepTogether(
            [
                _paragraph(template.heading("signatures"), styles.heading),
                signature_table,
                Spacer(1, 2 * mm),
                place_and_date,
            ]
        )
    )

    code = agreement.verification_code(content.agreement_id, sha256)
    qr = Drawing(QR_SIZE, QR_SIZE, initialFontName=font_name)
    qr.add(QrCodeWidget(code, barWidth=QR_SIZE, barHeight=QR_SIZE, barLevel="M", barBorder=2))
    verification_text = [
        _paragraph(f"{label('agreement_id')}{label('colon')}{content.agreement_id}", styles.small),
        _paragraph(f"{label('sha256')}{label('colon')}{sha256}", styles.small),
        _paragraph(label("verification_note"), styles.small),
    ]
    story.append(
        KeepTogether(
            [
                _paragraph(template.heading("verification"), styles.heading),
                Table(
                    [[qr, verification_text]],
                    colWidths=[QR_SIZE + 4 * mm, CONTENT_WIDTH - QR_SIZE - 4 * mm],
                    style=_table_style(font_name, ("BOX", (0, 0), (-1, -1), 0.5, colors.grey)),
                ),
            ]
        )
    )
    return story


def render_agreement(
    content: agreement.AgreementContent,
    borrower_signature: bytes | None = None,
    collector_signature: bytes | None = None,
) -> bytes:
    """The agreement as PDF bytes; signatures are PNG images, or None for blank signing lines.

    Raises AgreementRenderError when no font can show its text or a signature is not an image.
    """
    template = agreement.load_template(content.language)
    canonical = agreement.canonical_content(content, borrower_signature, collector_signature)
    sha256 = agreement.content_sha256(canonical)
    values = _clause_values(content)
    texts = _all_texts(
        template,
        [
            *values.values(),
            content.borrower_id_number,
            content.borrower_address,
            content.collector_name,
            content.place,
        ],
    )
    try:
        font_name = cjk_font.font_covering("".join(texts))
    except cjk_font.NoFontError as error:
        raise AgreementRenderError(str(error)) from error
    styles = _styles(font_name, content.language)
    story = _story(
        content,
        template,
        styles,
        font_name,
        (borrower_signature, collector_signature),
        sha256,
    )
    footer = _Footer(
        font_name=font_name,
        page_number=template.texts["page_number"],
        agreement_line=(
            f"{template.label('agreement_id')}{template.label('colon')}{content.agreement_id}"
        ),
    )
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=PAGE_MARGIN + FOOTER_HEIGHT,
        title=f"{template.texts['title']} {content.agreement_id}",
        author=content.creditor_name,
        subject=f"{template.label('loan_ref')} {content.loan_ref}",
        creator="FieldCollect",
        # Otherwise every page starts in Helvetica, a font that is referenced but not embedded.
        initialFontName=font_name,
        lang=content.language.replace("_", "-"),
    )
    canvasmaker = functools.partial(
        _AgreementCanvas,
        footer=footer,
        info_extra={
            agreement.INFO_CONTENT_KEY: agreement.encode_for_info(canonical),
            agreement.INFO_SHA256_KEY: sha256,
        },
    )
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates([PageTemplate(id="agreement", frames=[frame])])
    document.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()
