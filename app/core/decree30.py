"""The layout of an administrative document (Decree 30/2020/NĐ-CP, Annex I) as a .docx: the
issuer and national motto header, number, place and date, title, body, recipients ("Nơi nhận")
and signature block. Domains fill a `Document30` with their text; this module only lays it out
(reports now, plans next), so every exported document looks like the ones officials sign.

Annex I: A4, margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman; the
motto 13 pt bold with its second line underlined; the body 13–14 pt, justified, first-line indent.
"""

from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
FONT = "Times New Roman"


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    # A table under the heading: header row first.
    table: list[list[str]] | None = None


@dataclass
class Document30:
    superior: str | None  # "UBND HUYỆN TIÊN LỮ" (the issuer's governing body), if any
    issuer: str  # "UBND XÃ LỆ XÁ"
    number: str | None  # "Số: 12/BC-UBND"; None leaves "Số:    /BC-UBND" for the clerk
    symbol: str  # "BC-UBND"
    place: str  # "Lệ Xá"
    on: date | None
    kind: str  # "BÁO CÁO"
    title: str  # trích yếu
    sections: list[Section]
    recipients: list[str]
    signing_mode: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str | None = None


def _run(
    paragraph: Paragraph,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> None:
    run = paragraph.add_run(text)
    run.font.name, run.font.size = FONT, Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline


def _line(
    cell: _Cell | None, doc: DocxDocument, text: str, size: float, **style: bool
) -> Paragraph:
    paragraph = cell.add_paragraph() if cell is not None else doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    _run(paragraph, text, size, **style)
    return paragraph


def _date_text(place: str, on: date | None) -> str:
    if on is None:
        return f"{place}, ngày     tháng     năm     "
    return f"{place}, ngày {on.day:02d} tháng {on.month:02d} năm {on.year}"


def _header(doc: DocxDocument, d: Document30) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(65), Mm(100)
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if d.superior:
        _run(left.paragraphs[0], d.superior.upper(), 12)
        _line(left, doc, d.issuer.upper(), 12, bold=True, underline=True)
    else:
        _run(left.paragraphs[0], d.issuer.upper(), 12, bold=True, underline=True)
    _line(left, doc, f"Số: {d.number}" if d.number else f"Số:      /{d.symbol}", 13)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], MOTTO[0], 12, bold=True)
    _line(right, doc, MOTTO[1], 13, bold=True, underline=True)
    _line(right, doc, "", 13)
    _line(right, doc, _date_text(d.place, d.on), 13, italic=True)


def _body(doc: DocxDocument, d: Document30) -> None:
    _line(None, doc, "", 13)
    _line(None, doc, d.kind, 14, bold=True)
    _line(None, doc, d.title, 14, bold=True)
    _line(None, doc, "", 13)
    for section in d.sections:
        heading = doc.add_paragraph()
        heading.paragraph_format.first_line_indent = Mm(10)
        _run(heading, section.heading, 14, bold=True)
        for text in section.paragraphs:
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Mm(10)
            _run(paragraph, text, 14)
        if section.table:
            _grid(doc, section.table)


def _grid(doc: DocxDocument, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            _run(cell.paragraphs[0], text, 12, bold=r == 0)


def _footer(doc: DocxDocument, d: Document30) -> None:
    _line(None, doc, "", 13)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(80), Mm(85)
    _run(left.paragraphs[0], "Nơi nhận:", 12, bold=True, italic=True)
    for recipient in [*d.recipients, "Lưu: VT."]:
        paragraph = left.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, f"- {recipient};" if recipient != "Lưu: VT." else f"- {recipient}", 11)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], d.signing_mode, 13, bold=True)
    _line(right, doc, d.signer_title, 13, bold=True)
    for _ in range(4):  # room for the signature and the seal
        _line(right, doc, "", 13)
    _line(right, doc, d.signer_name or "", 13, bold=True)


def render_docx(d: Document30) -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
    _header(doc, d)
    _body(doc, d)
    _footer(doc, d)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
