"""Exports opened again: the report .docx (python-docx) and the consolidation .xlsx (openpyxl)."""

from collections.abc import Callable
from datetime import UTC, datetime
from io import BytesIO
from typing import Any
from unittest.mock import patch

from docx import Document
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlmodel import Session

from app.core.decree30 import DOCX_MEDIA_TYPE, MOTTO
from app.reports.exports import XLSX_MEDIA_TYPE, period_text
from tests.reports.factories import API, new_report, step, tienlu_id

Auth = Callable[[str], dict[str, str]]


def _submitted_report(client: TestClient, auth: Auth, loop: dict[str, Any]) -> int:
    officer = auth("lexa.officer")
    report = new_report(client, officer, loop["schedule"]["id"])
    edited = client.patch(
        f"{API}/reports/{report['id']}",
        json={
            "values": {"broadcasts": 12, "feedback_received": 4, "feedback_answered": 3},
            "results": "Đài truyền thanh xã phát 12 chuyên mục cải cách hành chính.",
            "shortcomings": "Một số thôn loa truyền thanh hỏng.",
            "causes": "Kinh phí sửa chữa chưa bố trí kịp.",
            "proposals": "Đề nghị huyện hỗ trợ kinh phí thay loa.",
        },
        headers={**officer, "If-Match": report["etag"]},
    )
    assert edited.status_code == 200, edited.text
    with patch("app.reports.workflow.utcnow", return_value=datetime(2024, 3, 18, 2, tzinfo=UTC)):
        sent = step(client, officer, report["id"], "submit", document_number="12/BC-UBND")
    assert sent.status_code == 200, sent.text
    return int(report["id"])


def test_report_docx_has_the_decree30_layout(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    rid = _submitted_report(client, auth, loop)
    response = client.get(f"{API}/reports/{rid}/document.docx", headers=auth("tienlu.leader"))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == DOCX_MEDIA_TYPE
    doc = Document(BytesIO(response.content))
    header = doc.tables[0].rows[0].cells
    left = [p.text for p in header[0].paragraphs]
    right = [p.text for p in header[1].paragraphs]
    assert left == ["UBND HUYỆN TIÊN LỮ", "UBND XÃ LỆ XÁ", "Số: 12/BC-UBND"]
    assert right[:2] == list(MOTTO)
    assert right[-1] == "Lệ Xá, ngày 18 tháng 03 năm 2024"
    body = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in body
    assert "Kết quả công tác thông tin, tuyên truyền cải cách hành chính quý I năm 2024" in body
    assert "Đề nghị huyện hỗ trợ kinh phí thay loa." in body
    assert "Nguyên nhân: Kinh phí sửa chữa chưa bố trí kịp." in body
    indicators = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert ["1", "Buổi phát thanh, truyền hình", "buổi", "12"] in indicators
    assert indicators[-1][1:] == ["Tỷ lệ phản ánh, kiến nghị đã trả lời", "%", "75.0"]
    footer = doc.tables[-1].rows[0].cells
    assert footer[0].paragraphs[0].text == "Nơi nhận:"
    assert "- UBND Huyện Tiên Lữ;" in [p.text for p in footer[0].paragraphs]
    assert [p.text for p in footer[1].paragraphs][:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_sibling_cannot_download_the_report(
    client: TestClient, auth: Auth, loop: dict[str, Any]
) -> None:
    rid = _submitted_report(client, auth, loop)
    response = client.get(f"{API}/reports/{rid}/document.docx", headers=auth("donghoa.leader"))
    assert response.status_code == 404


def test_consolidation_xlsx_rows_columns_totals_and_chart(
    client: TestClient, auth: Auth, db: Session, loop: dict[str, Any]
) -> None:
    _submitted_report(client, auth, loop)
    response = client.get(
        f"{API}/units/{tienlu_id(db)}/consolidation.xlsx",
        params={"period": "2024-Q1", "counted": "submitted"},
        headers=auth("tienlu.leader"),
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX_MEDIA_TYPE
    book = load_workbook(BytesIO(response.content))
    sheet = book["Tổng hợp"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["STT", "Đơn vị báo cáo", "Tình trạng", "Số ngày trễ"]
    broadcasts = header.index("Buổi phát thanh, truyền hình (buổi)") + 1
    assert sheet.freeze_panes == "C2"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 4  # three communes and the totals row
    lexa = next(r for r in rows if r[1] == "Xã Lệ Xá")
    assert (lexa[2], lexa[broadcasts - 1]) == ("Đúng hạn", 12)
    assert rows[-1][1] == "Tổng cộng"
    assert rows[-1][broadcasts - 1] == 12
    chart_sheet = book["Chấp hành"]
    counts = {r[0]: r[1] for r in chart_sheet.iter_rows(min_row=2, values_only=True)}
    assert counts == {
        "Đúng hạn": 1,
        "Trễ hạn": 0,
        "Bị trả lại": 0,
        "Chưa đến hạn": 0,
        "Chưa gửi (quá hạn)": 2,
    }
    assert len(chart_sheet._charts) == 1


def test_period_texts() -> None:
    assert [period_text(k) for k in ("2024-Q1", "2024-H2", "2024", "2024-M03")] == [
        "quý I năm 2024",
        "6 tháng cuối năm 2024",
        "năm 2024",
        "tháng 3 năm 2024",
    ]
