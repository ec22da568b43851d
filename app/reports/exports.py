"""Exports: a report as .docx in the Decree 30/2020 layout (app.core.decree30), a consolidation
as .xlsx — one row per reporter, one column per indicator, a totals row, a frozen header row and
a chart of on-time / late / missing reporters."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from sqlmodel import Session, select

from app.core.clock import vietnam_today
from app.core.decree30 import Document30, Section, render_docx
from app.reference.data import INDICATORS
from app.reports.consolidation_schemas import Compliance, Consolidation, ReporterState
from app.reports.models import Report, ReportingSchedule
from app.reports.periods import parse_period_key
from app.reports.service import document_number, ratios_of
from app.units.models import AdminUnit
from app.users.models import Agency

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ROMAN = ("I", "II", "III", "IV")
_STATUS = {
    "not_started": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "done": "Đã hoàn thành",
    "cancelled": "Không thực hiện",
}
STATE_LABELS = {
    ReporterState.on_time: "Đúng hạn",
    ReporterState.late: "Trễ hạn",
    ReporterState.returned: "Bị trả lại",
    ReporterState.pending: "Chưa đến hạn",
    ReporterState.missing: "Chưa gửi (quá hạn)",
}


def period_text(key: str) -> str:
    """ "2024-Q1" → "quý I năm 2024"; "2024-H1" → "6 tháng đầu năm 2024"; "2024" → "năm 2024"."""
    parsed = parse_period_key(key)
    if parsed is None:
        return key
    frequency, year, index = parsed
    if frequency.value == "quarterly":
        return f"quý {_ROMAN[index - 1]} năm {year}"
    if frequency.value == "semiannual":
        return f"6 tháng {'đầu' if index == 1 else 'cuối'} năm {year}"
    if frequency.value == "monthly":
        return f"tháng {index} năm {year}"
    return f"năm {year}"


def _committee(unit: AdminUnit) -> str:
    return f"UBND {unit.name}"


def _place(unit: AdminUnit) -> str:
    name, kind = unit.name, unit.kind
    return name[len(kind) + 1 :] if name.lower().startswith(kind.lower() + " ") else name


def _indicator_rows(report: Report) -> list[list[str]]:
    ratios = ratios_of(report.values)
    rows = [["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"]]
    for indicator in INDICATORS:
        value = ratios.get(indicator.code) if indicator.aggregation == "ratio" else None
        shown = report.values.get(indicator.code, value)
        if shown is None:
            continue
        text = f"{shown:,}".replace(",", ".") if isinstance(shown, int) else f"{shown}"
        rows.append([str(len(rows)), indicator.name, indicator.unit, text])
    return rows


def _progress_rows(report: Report) -> list[list[str]]:
    rows = [["STT", "Nhiệm vụ", "Kết quả thực hiện"]]
    for entry in report.task_progress:
        task = f"{entry['task_ordinal']}. {entry['task_title']} ({entry['plan_number']})"
        result = _STATUS.get(entry["status"], entry["status"])
        if entry.get("progress_note"):
            result += f": {entry['progress_note']}"
        rows.append([str(len(rows)), task, result])
    return rows


def report_document(session: Session, report: Report) -> bytes:
    unit = session.get(AdminUnit, report.unit_id)
    schedule = session.get(ReportingSchedule, report.schedule_id)
    receiver = session.get(AdminUnit, report.receiver_unit_id)
    assert unit is not None and schedule is not None and receiver is not None
    parent = session.get(AdminUnit, unit.parent_id) if unit.parent_id else None
    agency = session.get(Agency, report.agency_id) if report.agency_id else None
    recipients = [_committee(receiver)]
    if schedule.receiver_agency_id is not None:
        name = session.exec(select(Agency.name).where(Agency.id == schedule.receiver_agency_id))
        recipients.append(f"{name.one()} ({receiver.name})")
    results = [report.results] if report.results else []
    sections = [
        Section(f"{_ROMAN[0]}. KẾT QUẢ ĐẠT ĐƯỢC", results, _indicator_rows(report)),
    ]
    if report.task_progress:
        sections.append(
            Section("Kết quả thực hiện các nhiệm vụ được giao", [], _progress_rows(report))
        )
    shortcomings = [
        t for t in (report.shortcomings, report.causes and f"Nguyên nhân: {report.causes}") if t
    ]
    sections.append(Section(f"{_ROMAN[1]}. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", shortcomings))
    sections.append(
        Section(f"{_ROMAN[2]}. ĐỀ XUẤT, KIẾN NGHỊ", [report.proposals] if report.proposals else [])
    )
    if agency is not None:
        superior: str | None = _committee(unit)
    else:
        superior = _committee(parent) if parent is not None else None
    return render_docx(
        Document30(
            superior=superior,
            issuer=agency.name if agency else _committee(unit),
            number=document_number(report),
            symbol=report.doc_symbol or "BC-UBND",
            place=_place(unit),
            on=vietnam_today(report.submitted_at) if report.submitted_at else None,
            kind="BÁO CÁO",
            title=f"Kết quả công tác thông tin, tuyên truyền cải cách hành chính "
            f"{period_text(report.period_key)}",
            sections=sections,
            recipients=recipients,
        )
    )


def consolidation_workbook(consolidation: Consolidation, compliance: Compliance) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tổng hợp"
    indicators = consolidation.indicators
    header = ["STT", "Đơn vị báo cáo", "Tình trạng", "Số ngày trễ"]
    header += [f"{i.name} ({i.unit})" for i in indicators]
    sheet.append(header)
    for n, row in enumerate(consolidation.reporters, start=1):
        values: list[object] = [n, row.unit_name, STATE_LABELS[row.state], row.days_late]
        values += [row.values.get(i.code) for i in indicators]
        sheet.append(values)
    totals: list[object] = ["", "Tổng cộng", "", None]
    sheet.append(totals + [i.total for i in indicators])
    bold = Font(bold=True, name="Times New Roman")
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    sheet.freeze_panes = "C2"
    sheet.column_dimensions["B"].width = 32
    sheet.column_dimensions["C"].width = 20
    sheet.row_dimensions[1].height = 90
    # Printed as officials file it: landscape, every column on one page wide, header on each page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    _compliance_sheet(book, compliance)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _compliance_sheet(book: Workbook, compliance: Compliance) -> None:
    sheet = book.create_sheet("Chấp hành")
    sheet.append(["Tình trạng", "Số đơn vị"])
    counts = {
        ReporterState.on_time: compliance.on_time,
        ReporterState.late: compliance.late,
        ReporterState.returned: compliance.returned,
        ReporterState.pending: compliance.pending,
        ReporterState.missing: compliance.missing,
    }
    for state, count in counts.items():
        sheet.append([STATE_LABELS[state], count])
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 24
    chart = BarChart()
    chart.title = f"Chấp hành chế độ báo cáo kỳ {compliance.period}"
    chart.y_axis.title = "Số đơn vị"
    chart.add_data(
        Reference(sheet, min_col=2, min_row=1, max_row=len(counts) + 1), titles_from_data=True
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(counts) + 1))
    sheet.add_chart(chart, "D2")
