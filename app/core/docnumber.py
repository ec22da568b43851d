"""Vietnamese document numbers and symbols (Decree 30/2020/NĐ-CP) and references in free text."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

FORMAT_ERROR = (
    "Số hiệu văn bản không đúng định dạng (ví dụ: 145/KH-UBND, 108/2020/NĐ-CP, 01-CTr/TU)"
)
SYMBOL_ERROR = "Ký hiệu văn bản không đúng định dạng (ví dụ: KH-UBND, QĐ-UBND, NQ-HĐND)"
YEAR_ERROR = "Năm ban hành trong số hiệu văn bản phải trong khoảng 1945–2100"
MIN_YEAR, MAX_YEAR = 1945, 2100

# Abbreviations of document types: Decree 30/2020/NĐ-CP, Annex III (administrative documents),
# the legal normative forms of Law 80/2015/QH13, and Party forms (Regulation 66-QĐ/TW).
DOC_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "NĐ": "Nghị định",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "L": "Lệnh",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "QĐi": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "CV": "Công văn",
    "KL": "Kết luận",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
}

# One hyphen-free part of an issuer abbreviation: "UBND", "CP", "TTg", "QH14", "HĐND".
# Only U+0110 counts as "Đ": its lookalike U+00D0 ("Ð") is rejected on purpose.
_PART = r"[A-ZĐ][A-Za-zĐđ0-9]*"
_SYMBOL = rf"{_PART}(?:-{_PART})*"
_STATE_RE = re.compile(rf"(?P<number>\d+)/(?:(?P<year>\d{{4}})/)?(?P<symbol>{_SYMBOL})")
_PARTY_RE = re.compile(rf"(?P<number>\d+)-(?P<type>{_PART})/(?P<issuer>{_SYMBOL})")
_PREFIX_RE = re.compile(r"^số\s*:?\s*", re.IGNORECASE)
_SEPARATOR_RE = re.compile(r"\s*([/\-–])\s*")


@dataclass(frozen=True)
class DocNumber:
    number: str
    year: int | None
    doc_type: str | None
    issuer: str
    party: bool = False

    @property
    def text(self) -> str:
        if self.party:
            return f"{self.number}-{self.doc_type}/{self.issuer}"
        symbol = f"{self.doc_type}-{self.issuer}" if self.doc_type else self.issuer
        if self.year is not None:
            return f"{self.number}/{self.year}/{symbol}"
        return f"{self.number}/{symbol}"

    def __str__(self) -> str:
        return self.text


def _compact(raw: str) -> str:
    """NFC, no "Số:" prefix, no spaces around "/" and "-" ("17 /KH-UBND", "636/QĐ- UBND")."""
    text = unicodedata.normalize("NFC", raw).strip()
    text = _PREFIX_RE.sub("", text)
    return _SEPARATOR_RE.sub(lambda m: "-" if m.group(1) == "–" else m.group(1), text)


def _split_symbol(symbol: str) -> tuple[str, str] | None:
    doc_type, sep, issuer = symbol.partition("-")
    if not sep or doc_type not in DOC_TYPES or not issuer:
        return None
    return doc_type, issuer


def _check_number(number: str) -> str:
    if int(number) == 0:
        raise ValueError(FORMAT_ERROR)
    return number


def parse_doc_number(raw: str) -> DocNumber:
    """Parse "145/KH-UBND", "108/2020/NĐ-CP", "97/2019/QH14" or the Party form "01-CTr/TU"."""
    text = _compact(raw)
    party = _PARTY_RE.fullmatch(text)
    if party:
        if party["type"] not in DOC_TYPES:
            raise ValueError(FORMAT_ERROR)
        number = _check_number(party["number"])
        return DocNumber(number, None, party["type"], party["issuer"], party=True)
    state = _STATE_RE.fullmatch(text)
    if not state:
        raise ValueError(FORMAT_ERROR)
    number = _check_number(state["number"])
    year = int(state["year"]) if state["year"] else None
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(YEAR_ERROR)
    split = _split_symbol(state["symbol"])
    if split:
        return DocNumber(number, year, split[0], split[1])
    # Laws and resolutions of the National Assembly carry no type: "97/2019/QH14".
    if year is not None and "-" not in state["symbol"]:
        return DocNumber(number, year, None, state["symbol"])
    raise ValueError(FORMAT_ERROR)


@lru_cache(maxsize=4096)  # a handful of symbols (KH-UBND, KH-BCĐ…) on every list page
def parse_symbol(raw: str) -> tuple[str, str]:
    """Split a bare symbol "KH-UBND" into ("KH", "UBND")."""
    text = _compact(raw)
    split = _split_symbol(text) if re.fullmatch(_SYMBOL, text) else None
    if split is None:
        raise ValueError(SYMBOL_ERROR)
    return split


def format_plan_number(number: int | None, symbol: str) -> str:
    """Render "17/KH-UBND"; a draft without a number yet reads "…/KH-UBND"."""
    doc_type, issuer = parse_symbol(symbol)
    if number is None:
        return f"…/{doc_type}-{issuer}"
    if number < 1:
        raise ValueError(FORMAT_ERROR)
    return f"{number}/{doc_type}-{issuer}"


@dataclass(frozen=True)
class RefMention:
    kind_word: str
    number: DocNumber
    issued_on: date | None
    issuer_text: str | None
    title: str | None


_KIND_WORDS = (
    "Kế hoạch",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Chương trình",
    "Thông tư liên tịch",
    "Thông tư",
    "Luật",
    "Pháp lệnh",
    "Lệnh",
    "Công văn",
    "Công điện",
    "Thông báo",
    "Hướng dẫn",
    "Đề án",
    "Báo cáo",
    "Kết luận",
    "Quy định",
    "Quy chế",
    "Văn bản",
    "Tờ trình",
)
_KIND_BY_FOLDED = {word.casefold(): word for word in _KIND_WORDS}
_KIND_ALTERNATION = "|".join(re.escape(word) for word in _KIND_WORDS)
_NUMBER_TOKEN = r"\d+(?:\s?[/\-–]\s?[A-Za-zĐđ0-9]+)+"
_MENTION_RE = re.compile(
    rf"(?<!\w)(?P<kind>{_KIND_ALTERNATION})\s+(?:số\s*:?\s*)?(?P<number>{_NUMBER_TOKEN})",
    re.IGNORECASE,
)
_DATE_RE = re.compile(
    r"\s*,?\s*ngày\s+(?:(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))",
    re.IGNORECASE,
)
_CLAUSE_END_RE = re.compile(r";|\n|\.(?=\s|$)")
_QUOTES = {"“": "”", '"': '"'}
_OPENING_QUOTE_RE = re.compile(r'[“"]')
_JOINER_BEFORE_RE = re.compile(r"(?:[,;]|\bvà)\s*$")
_TITLE_START_RE = re.compile(
    r"\s(?=về\s|ban hành\s|phê duyệt\s|quy định\s|hướng dẫn\s|[“\"])", re.IGNORECASE
)
_TRAILING_JOINERS_RE = re.compile(r"(?:[\s,;.…]|\bvà\b|\bcủa\b)+$")
_ABOUT_RE = re.compile(r"^(?:năm\s+\d{4}\s+)?về(?:\s+việc)?\s+", re.IGNORECASE)
_QUOTED_RE = re.compile(r"^[“\"](?P<q>[^”\"]*)[”\"]")


def _parse_number_token(token: str) -> DocNumber | None:
    """The longest prefix of the token that parses ("76/NQ-CP - Chính" → 76/NQ-CP)."""
    parts = re.split(r"(?=\s?[/\-–]\s?)", token)
    for end in range(len(parts), 0, -1):
        try:
            return parse_doc_number("".join(parts[:end]))
        except ValueError:
            continue
    return None


def _date_at(text: str, pos: int) -> tuple[date | None, int]:
    match = _DATE_RE.match(text, pos)
    if not match:
        return None, pos
    day, month, year = (match["d"], match["m"], match["y"])
    if day is None:
        day, month, year = (match["d2"], match["m2"], match["y2"])
    try:
        return date(int(year), int(month), int(day)), match.end()
    except ValueError:
        return None, match.end()


def _clause_end(text: str, pos: int, limit: int) -> int:
    """Where the clause after a mention ends; quoted titles may hold ";" and "."."""
    while pos < limit:
        end = _CLAUSE_END_RE.search(text, pos, limit)
        end_at = end.start() if end else limit
        quote = _OPENING_QUOTE_RE.search(text, pos, end_at)
        if quote is None:
            return end_at
        closing = text.find(_QUOTES[quote.group()], quote.end())
        pos = limit if closing == -1 else closing + 1
    return limit


def _tidy(value: str) -> str | None:
    cleaned = _TRAILING_JOINERS_RE.sub("", value.strip(" ,"))
    return cleaned or None


def _issuer_and_title(clause: str) -> tuple[str | None, str | None]:
    clause = clause.strip(" ,")
    issuer: str | None = None
    rest = clause
    if clause.casefold().startswith("của "):
        body = clause[4:]
        split = _TITLE_START_RE.search(body)
        issuer = _tidy(body[: split.start()] if split else body)
        rest = body[split.end() :] if split else ""
    rest = _ABOUT_RE.sub("", rest.strip())
    quoted = _QUOTED_RE.match(rest)
    title = quoted["q"].strip() if quoted else _tidy(rest)
    return issuer, title or None


def extract_references(text: str) -> list[RefMention]:
    """Find "Kế hoạch số 167/KH-UBND ngày 30/12/2021 của UBND huyện Tiên Lữ về …" mentions.

    A heuristic for legal bases: the issuer follows "của", the title follows "về" or a verb such
    as "ban hành"; a mention's clause ends at ";", a full stop, a line break, or where the next
    mention starts after a comma or "và".
    """
    text = unicodedata.normalize("NFC", text)
    matches = list(_MENTION_RE.finditer(text))
    mentions: list[RefMention] = []
    for index, match in enumerate(matches):
        number = _parse_number_token(match["number"])
        if number is None:
            continue
        limit = len(text)
        for later in matches[index + 1 :]:
            if _JOINER_BEFORE_RE.search(text, max(0, later.start() - 8), later.start()):
                limit = later.start()
                break
        issued_on, pos = _date_at(text, match.end())
        end = _clause_end(text, pos, limit)
        issuer, title = _issuer_and_title(text[pos:end])
        kind = _KIND_BY_FOLDED[match["kind"].casefold()]
        mentions.append(RefMention(kind, number, issued_on, issuer, title))
    return mentions
