"""Document numbers (Decree 30/2020/NĐ-CP) as the seed plans write them."""

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from app.core.docnumber import (
    FORMAT_ERROR,
    DocNumber,
    RefMention,
    extract_references,
    format_plan_number,
    parse_doc_number,
    parse_symbol,
)
from app.demo.seeds import plan_seed

ROOT = Path(__file__).resolve().parents[2]
# A copy of ../shared/seeds kept in the repository, so these tests never skip.
SEED_DIR = ROOT / "seeds"
DONGHOA, HANOI, TRABONG, LEXA = "000", "001", "002", "004"


def seed_text(prefix: str) -> str:
    (found,) = sorted(SEED_DIR.glob(f"{prefix}_*.txt"))
    return found.read_text(encoding="utf-8")


def paragraph(prefix: str, starts_with: str) -> str:
    return next(line for line in seed_text(prefix).splitlines() if line.startswith(starts_with))


SEED_NUMBERS = [
    ("145/KH-UBND", "145", None, "KH", "UBND", False, "145/KH-UBND"),
    ("136/KH-UBND", "136", None, "KH", "UBND", False, "136/KH-UBND"),
    ("33/KH-UBND", "33", None, "KH", "UBND", False, "33/KH-UBND"),
    ("24/KH-UBND", "24", None, "KH", "UBND", False, "24/KH-UBND"),
    ("2791/KH-UBND", "2791", None, "KH", "UBND", False, "2791/KH-UBND"),
    ("17 /KH-UBND", "17", None, "KH", "UBND", False, "17/KH-UBND"),
    ("Số: 17 /KH-UBND", "17", None, "KH", "UBND", False, "17/KH-UBND"),
    ("01-CTr/TU", "01", None, "CTr", "TU", True, "01-CTr/TU"),
    ("97/2019/QH14", "97", 2019, None, "QH14", False, "97/2019/QH14"),
    ("108/2020/NĐ-CP", "108", 2020, "NĐ", "CP", False, "108/2020/NĐ-CP"),
    ("37/2014/NĐ-CP", "37", 2014, "NĐ", "CP", False, "37/2014/NĐ-CP"),
    ("120/2020/NĐ-CP", "120", 2020, "NĐ", "CP", False, "120/2020/NĐ-CP"),
    ("61/2018/NĐ-CP", "61", 2018, "NĐ", "CP", False, "61/2018/NĐ-CP"),
    ("60/2021/NĐ-CP", "60", 2021, "NĐ", "CP", False, "60/2021/NĐ-CP"),
    ("18-NQ/TW", "18", None, "NQ", "TW", True, "18-NQ/TW"),
    ("19-NQ/TW", "19", None, "NQ", "TW", True, "19-NQ/TW"),
    ("76/NQ-CP", "76", None, "NQ", "CP", False, "76/NQ-CP"),
    ("1621/QĐ-UBND", "1621", None, "QĐ", "UBND", False, "1621/QĐ-UBND"),
    ("845/QĐ-UBND", "845", None, "QĐ", "UBND", False, "845/QĐ-UBND"),
    ("6400/QĐ-UBND", "6400", None, "QĐ", "UBND", False, "6400/QĐ-UBND"),
    ("93/2021/NQ-HĐND", "93", 2021, "NQ", "HĐND", False, "93/2021/NQ-HĐND"),
    ("93/NQ-HĐND", "93", None, "NQ", "HĐND", False, "93/NQ-HĐND"),
    ("04-NQ/TU", "04", None, "NQ", "TU", True, "04-NQ/TU"),
    ("636/QĐ- UBND", "636", None, "QĐ", "UBND", False, "636/QĐ-UBND"),
    ("23/CT-TTg", "23", None, "CT", "TTg", False, "23/CT-TTg"),
    ("28-CT/TU", "28", None, "CT", "TU", True, "28-CT/TU"),
    ("01/2023/QĐ-UBND", "01", 2023, "QĐ", "UBND", False, "01/2023/QĐ-UBND"),
    ("185/QĐ-UBND", "185", None, "QĐ", "UBND", False, "185/QĐ-UBND"),
]


@pytest.mark.parametrize(
    ("raw", "number", "year", "doc_type", "issuer", "party", "text"), SEED_NUMBERS
)
def test_seed_number_parses_to_exact_fields(
    raw: str,
    number: str,
    year: int | None,
    doc_type: str | None,
    issuer: str,
    party: bool,
    text: str,
) -> None:
    parsed = parse_doc_number(raw)

    assert parsed == DocNumber(number, year, doc_type, issuer, party)
    assert parsed.text == text
    assert parse_doc_number(parsed.text) == parsed


@pytest.mark.parametrize(
    "raw", ["số 145/KH-UBND", "SỐ: 145/KH-UBND", "Số :145/KH-UBND", "  145 / KH - UBND  "]
)
def test_number_prefix_and_spacing_are_tolerated(raw: str) -> None:
    assert parse_doc_number(raw) == DocNumber("145", None, "KH", "UBND")


def test_nfd_input_parses_like_nfc() -> None:
    raw = unicodedata.normalize("NFD", "Số: 108/2020/NĐ-CP")

    assert parse_doc_number(raw) == DocNumber("108", 2020, "NĐ", "CP")


def test_en_dash_in_symbol_reads_as_hyphen() -> None:
    assert parse_doc_number("636/QĐ–UBND").text == "636/QĐ-UBND"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "abc",
        "Số:",
        "/KH-UBND",
        "Số: /KH-UBND",
        "145",
        "145/",
        "KH-UBND/145",
        "145/KH",
        "145/KH-",
        "145/XYZ-UBND",
        "145/KH-UBND/2021",
        "0/KH-UBND",
        "01-CTr",
        "145/kh-ubnd",
        "145/ÐA-UBND",  # U+00D0, a lookalike of Đ
        "108/2020/ND-CP",
    ],
)
def test_malformed_number_is_rejected_in_vietnamese(raw: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_doc_number(raw)

    assert str(caught.value) == FORMAT_ERROR


@pytest.mark.parametrize("raw", ["1/1944/QH1", "108/2101/NĐ-CP", "5/1900/NĐ-CP"])
def test_year_outside_1945_2100_is_rejected(raw: str) -> None:
    with pytest.raises(ValueError, match="1945–2100"):
        parse_doc_number(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("KH-UBND", ("KH", "UBND")),
        ("QĐ- UBND", ("QĐ", "UBND")),
        ("NQ-HĐND", ("NQ", "HĐND")),
        ("CT-TTg", ("CT", "TTg")),
    ],
)
def test_parse_symbol_splits_type_and_issuer(raw: str, expected: tuple[str, str]) -> None:
    assert parse_symbol(raw) == expected


@pytest.mark.parametrize("raw", ["KH", "UBND-KH", "145/KH-UBND", "", "KH-"])
def test_parse_symbol_rejects_what_is_not_a_symbol(raw: str) -> None:
    with pytest.raises(ValueError, match="Ký hiệu văn bản"):
        parse_symbol(raw)


def test_plan_number_is_formatted_from_number_and_symbol() -> None:
    assert format_plan_number(17, "KH-UBND") == "17/KH-UBND"


def test_plan_without_number_is_formatted_with_ellipsis() -> None:
    assert format_plan_number(None, "KH-UBND") == "…/KH-UBND"


@pytest.mark.parametrize(("number", "symbol"), [(0, "KH-UBND"), (17, "UBND")])
def test_plan_number_rejects_bad_parts(number: int, symbol: str) -> None:
    with pytest.raises(ValueError):
        format_plan_number(number, symbol)


def test_references_in_donghoa_opening() -> None:
    text = paragraph(DONGHOA, "Thực hiện")

    assert extract_references(text) == [
        RefMention(
            "Kế hoạch",
            DocNumber("24", None, "KH", "UBND"),
            date(2022, 1, 27),
            None,
            "cải cách hành chính Nhà nước thị xã năm 2022",
        )
    ]


LEXA_BASES = [
    RefMention(
        "Kế hoạch",
        DocNumber("167", None, "KH", "UBND"),
        date(2021, 12, 30),
        "UBND huyện Tiên Lữ",
        "cải cách hành chính nhà nước huyện Tiên Lữ giai đoạn 2021-2025",
    ),
    RefMention(
        "Kế hoạch",
        DocNumber("184", None, "KH", "UBND"),
        date(2023, 12, 28),
        "UBND huyện Tiên Lữ",
        "cải cách hành chính nhà nước huyện Tiên Lữ năm 2024",
    ),
]


def test_references_in_lexa_opening() -> None:
    assert extract_references(paragraph(LEXA, "Căn cứ")) == LEXA_BASES


def test_references_in_nfd_text_match_nfc() -> None:
    text = unicodedata.normalize("NFD", paragraph(LEXA, "Căn cứ"))

    assert extract_references(text) == LEXA_BASES


def test_quoted_titles_keep_their_semicolons() -> None:
    mentions = extract_references(paragraph(HANOI, "Thực hiện"))

    assert [(m.number.text, m.issued_on, m.issuer_text, m.title) for m in mentions] == [
        (
            "01-CTr/TU",
            date(2021, 3, 17),
            "Thành ủy Hà Nội",
            "Tăng cường công tác xây dựng, chỉnh đốn Đảng, xây dựng Đảng bộ và hệ thống chính trị"
            " Thành phố trong sạch, vững mạnh; đẩy mạnh cải cách hành chính giai đoạn 2021 - 2025",
        ),
        (
            "136/KH-UBND",
            date(2021, 6, 1),
            "UBND Thành phố",
            "Cải cách hành chính nhà nước của thành phố Hà Nội giai đoạn 2021-2025",
        ),
    ]


def test_same_number_from_two_issuers_stays_two_references() -> None:
    text = paragraph(LEXA, "a) Tiếp tục tuyên truyền")

    mentions = extract_references(text)

    assert [(m.kind_word, m.number.text, m.issued_on, m.issuer_text) for m in mentions] == [
        ("Nghị quyết", "76/NQ-CP", date(2021, 7, 15), "Chính phủ"),
        ("Chỉ thị", "23/CT-TTg", date(2021, 9, 2), "Thủ tướng Chính phủ"),
        ("Kế hoạch", "184/KH-UBND", date(2021, 12, 7), "UBND tỉnh"),
        ("Chỉ thị", "28-CT/TU", date(2022, 8, 10), "Ban Thường vụ Tỉnh ủy"),
        ("Quyết định", "01/2023/QĐ-UBND", date(2023, 1, 11), "UBND tỉnh"),
        ("Quyết định", "185/QĐ-UBND", date(2023, 2, 22), None),
    ]


def test_nested_reference_stays_in_the_outer_title() -> None:
    text = paragraph(DONGHOA, "- Việc rà soát, điều chỉnh")

    by_number = {m.number.text: m for m in extract_references(text)}

    assert list(by_number) == [
        "18-NQ/TW",
        "19-NQ/TW",
        "108/2020/NĐ-CP",
        "37/2014/NĐ-CP",
        "120/2020/NĐ-CP",
    ]
    assert by_number["108/2020/NĐ-CP"].title == (
        "sửa đổi, bổ sung một số điều của Nghị định số 37/2014/NĐ-CP ngày 05/5/2014 của Chính"
        " phủ quy định tổ chức các cơ quan chuyên môn thuộc UBND huyện, quận, thị xã, thành phố"
        " thuộc tỉnh, thành phố trực thuộc Trung ương"
    )
    assert by_number["120/2020/NĐ-CP"].kind_word == "Nghị định"
    assert by_number["120/2020/NĐ-CP"].issued_on == date(2020, 10, 7)


def test_reference_dated_in_words_with_issuer_and_no_title() -> None:
    text = "Căn cứ QUYẾT ĐỊNH số 01/2023/QĐ-UBND ngày 11 tháng 01 năm 2023 của UBND tỉnh Hưng Yên."

    assert extract_references(text) == [
        RefMention(
            "Quyết định",
            DocNumber("01", 2023, "QĐ", "UBND"),
            date(2023, 1, 11),
            "UBND tỉnh Hưng Yên",
            None,
        )
    ]


def test_text_without_numbers_has_no_references() -> None:
    assert extract_references("Kế hoạch cải cách hành chính năm 2024 của xã.") == []


@pytest.mark.parametrize(
    ("prefix", "starts_with", "plan_key"),
    [
        (DONGHOA, "Thực hiện", "donghoa-2022"),
        (HANOI, "Thực hiện", "hanoi-145-2021"),
        (TRABONG, "Thực hiện", "trabong-2022-2025"),
        (LEXA, "Căn cứ", "lexa-17-2024"),
    ],
)
def test_seed_legal_bases_are_what_the_opening_sentence_says(
    prefix: str, starts_with: str, plan_key: str
) -> None:
    plan = plan_seed(plan_key).plan
    mentions = extract_references(paragraph(prefix, starts_with))

    extracted = [
        {
            "reference": m.number.text,
            "issued_on": m.issued_on.isoformat() if m.issued_on else None,
            "issuer": m.issuer_text,
            "title": m.title,
        }
        for m in mentions
    ]
    assert extracted == plan["legal_bases"]
