"""The five seed plans (docs: /work/shared/seeds) and the plans they implement, as plain data."""

from typing import Literal, TypedDict

UnitLevel = Literal["province", "district", "commune"]
AgencyKindValue = Literal[
    "people_committee",
    "office",
    "department",
    "media_centre",
    "political_centre",
    "front",
    "mass_organisation",
    "post",
    "civil_servant",
    "other",
]
RecurrenceValue = Literal[
    "once", "weekly", "monthly", "quarterly", "semiannual", "annual", "continuous"
]
SigningMode = Literal["TM.", "KT.", "TL.", "TUQ."]


class AgencySeed(TypedDict):
    key: str
    unit_code: str
    unit_level: UnitLevel
    name: str
    kind: AgencyKindValue


class LeadAgency(TypedDict):
    agency: str


class LeadAllChildren(TypedDict):
    all_children: Literal[True]


class TargetSeed(TypedDict):
    indicator: str
    value: int


class TaskSeed(TypedDict):
    ordinal: str
    title: str
    content: str | None
    lead: LeadAgency | LeadAllChildren | None
    lead_text: str | None
    coordinators: list[str]
    coordinate_text: str | None
    recurrence: RecurrenceValue
    start_on: str | None
    end_on: str | None
    due_on: str | None
    channel_types: list[str]
    topics: list[str]
    targets: list[TargetSeed]
    budget_vnd: int | None


class LegalBasisSeed(TypedDict):
    reference: str
    issued_on: str | None
    issuer: str | None
    title: str | None


class BudgetSeed(TypedDict):
    sources: list[str]
    estimate_vnd: int | None
    note: str | None


class PlanSeed(TypedDict):
    key: str
    unit_code: str
    unit_level: UnitLevel
    number: int | None
    symbol: str
    title: str
    place: str | None
    issued_on: str | None
    effective_on: str | None
    period_start: str
    period_end: str
    signer_name: str | None
    signer_title: str | None
    signing_mode: SigningMode | None
    status: Literal["draft", "issued"]
    visibility: Literal["public", "internal"]
    parent_plan_key: str | None
    legal_bases: list[LegalBasisSeed]
    purposes: list[str]
    requirements: list[str]
    topics: list[str]
    budget: BudgetSeed
    recipients: list[str]
    tasks: list[TaskSeed]


def _agency(
    key: str, unit_code: str, unit_level: UnitLevel, name: str, kind: AgencyKindValue
) -> AgencySeed:
    return {"key": key, "unit_code": unit_code, "unit_level": unit_level, "name": name, "kind": kind}


AGENCIES: list[AgencySeed] = [
    _agency("hanoi.ubnd", "01", "province", "UBND thành phố Hà Nội", "people_committee"),
    # Not named in the (truncated) Hà Nội text; the city's lead agency for CCHC.
    _agency("hanoi.so_noi_vu", "01", "province", "Sở Nội vụ", "department"),
    _agency("phuyen.so_tttt", "54", "province", "Sở Thông tin và Truyền thông", "department"),
    _agency("donghoa.ubnd", "564", "district", "UBND thị xã Đông Hòa", "people_committee"),
    _agency("donghoa.noi_vu", "564", "district", "Phòng Nội vụ", "department"),
    _agency("donghoa.vhtt", "564", "district", "Phòng Văn hoá và Thông tin", "department"),
    _agency("donghoa.van_phong", "564", "district", "Văn phòng HĐND và UBND thị xã", "office"),
    _agency("donghoa.tckh", "564", "district", "Phòng Tài chính - Kế hoạch", "department"),
    _agency("donghoa.tu_phap", "564", "district", "Phòng Tư pháp", "department"),
    _agency(
        "donghoa.trung_tam",
        "564",
        "district",
        "Trung tâm Văn hoá - Thể thao và Truyền thanh thị xã",
        "media_centre",
    ),
    _agency("trabong.ubnd", "525", "district", "UBND huyện Trà Bồng", "people_committee"),
    _agency("trabong.vhtt", "525", "district", "Phòng Văn hóa và Thông tin", "department"),
    _agency(
        "trabong.trung_tam",
        "525",
        "district",
        "Trung tâm Truyền thông - Văn hoá - Thể thao huyện",
        "media_centre",
    ),
    _agency("trabong.to_chuc_noi_vu", "525", "district", "Cơ quan Tổ chức – Nội vụ", "department"),
    _agency("trabong.kt_ht", "525", "district", "Phòng Kinh tế và Hạ tầng", "department"),
    _agency("trabong.tu_phap", "525", "district", "Phòng Tư pháp", "department"),
    _agency("trabong.ubkt_tt", "525", "district", "Cơ quan UBKT-TT", "department"),
    _agency("trabong.van_phong", "525", "district", "Văn phòng huyện", "office"),
    _agency("trabong.tckh", "525", "district", "Phòng Tài chính - Kế hoạch", "department"),
    _agency(
        "trabong.trung_tam_chinh_tri", "525", "district", "Trung tâm Chính trị huyện",
        "political_centre",
    ),
    _agency("trabong.buu_dien", "525", "district", "Bưu điện huyện", "post"),
    _agency("trabong.mttq", "525", "district", "Ủy ban MTTQ Việt Nam huyện", "front"),
    _agency("songma.ubnd", "126", "district", "UBND huyện Sông Mã", "people_committee"),
    _agency(
        "songma.trung_tam", "126", "district", "Trung tâm Truyền thông - Văn hóa huyện",
        "media_centre",
    ),
    _agency("songma.noi_vu", "126", "district", "Phòng Nội vụ", "department"),
    _agency("songma.tckh", "126", "district", "Phòng Tài chính - Kế hoạch", "department"),
    _agency("tienlu.ubnd", "332", "district", "UBND huyện Tiên Lữ", "people_committee"),
    # Receives Lệ Xá's quarterly reports (Lệ Xá plan, III.1.b).
    _agency("tienlu.noi_vu", "332", "district", "Phòng Nội vụ", "department"),
    _agency("lexa.ubnd", "12352", "commune", "UBND xã Lệ Xá", "people_committee"),
    _agency("lexa.vp_tk", "12352", "commune", "Công chức Văn phòng - Thống kê", "civil_servant"),
    _agency("lexa.vhtt", "12352", "commune", "Công chức Văn hóa và Thông tin", "civil_servant"),
    _agency("lexa.tu_phap", "12352", "commune", "Công chức Tư pháp", "civil_servant"),
    _agency("lexa.tckh", "12352", "commune", "Công chức Tài chính – Kế hoạch", "civil_servant"),
    _agency("lexa.dai_truyen_thanh", "12352", "commune", "Đài Truyền thanh xã", "media_centre"),
]


def _task(
    ordinal: str,
    title: str,
    period: tuple[str, str],
    *,
    recurrence: RecurrenceValue = "continuous",
    content: str | None = None,
    lead: str | None = None,
    all_children: bool = False,
    lead_text: str | None = None,
    coordinators: tuple[str, ...] = (),
    coordinate_text: str | None = None,
    due_on: str | None = None,
    channel_types: tuple[str, ...] = (),
    topics: tuple[str, ...] = (),
) -> TaskSeed:
    lead_ref: LeadAgency | LeadAllChildren | None = None
    if all_children:
        lead_ref = {"all_children": True}
    elif lead is not None:
        lead_ref = {"agency": lead}
    return {
        "ordinal": ordinal,
        "title": title,
        "content": content,
        "lead": lead_ref,
        "lead_text": lead_text,
        "coordinators": list(coordinators),
        "coordinate_text": coordinate_text,
        "recurrence": recurrence,
        "start_on": period[0],
        "end_on": period[1],
        "due_on": due_on,
        "channel_types": list(channel_types),
        "topics": list(topics),
        # No seed states a quantity (e.g. "52 broadcasts"), so no targets are set.
        "targets": [],
        "budget_vnd": None,
    }


def _lines(*items: str) -> str:
    return "\n".join(items)


def _no_budget() -> BudgetSeed:
    return {"sources": [], "estimate_vnd": None, "note": None}


def _superior_plan(
    key: str, unit_code: str, number: int, issued_on: str, period: tuple[str, str], title: str
) -> PlanSeed:
    """A plan known only from a seed's legal basis: number, date, issuer and title."""
    return {
        "key": key,
        "unit_code": unit_code,
        "unit_level": "district",
        "number": number,
        "symbol": "KH-UBND",
        "title": title,
        "place": None,
        "issued_on": issued_on,
        "effective_on": None,
        "period_start": period[0],
        "period_end": period[1],
        "signer_name": None,
        "signer_title": None,
        "signing_mode": None,
        "status": "issued",
        "visibility": "public",
        "parent_plan_key": None,
        "legal_bases": [],
        "purposes": [],
        "requirements": [],
        "topics": ["reform"],
        "budget": _no_budget(),
        "recipients": [],
        "tasks": [],
    }


YEAR_2022 = ("2022-01-01", "2022-12-31")
YEAR_2019 = ("2019-01-01", "2019-12-31")
YEAR_2024 = ("2024-01-01", "2024-12-31")
HANOI_PERIOD = ("2021-01-01", "2025-12-31")
TRABONG_PERIOD = ("2022-01-01", "2025-12-31")

TIENLU_167 = _superior_plan(
    "tienlu-167-2021",
    "332",
    167,
    "2021-12-30",
    ("2021-01-01", "2025-12-31"),
    "Cải cách hành chính nhà nước huyện Tiên Lữ giai đoạn 2021-2025",
)
TIENLU_184 = _superior_plan(
    "tienlu-184-2023",
    "332",
    184,
    "2023-12-28",
    YEAR_2024,
    "Cải cách hành chính nhà nước huyện Tiên Lữ năm 2024",
)
# The town's own CCHC plan for 2022 ("Kế hoạch cải cách hành chính nhà nước năm 2022 của thị xã").
DONGHOA_24 = _superior_plan(
    "donghoa-24-2022",
    "564",
    24,
    "2022-01-27",
    YEAR_2022,
    "Cải cách hành chính Nhà nước thị xã năm 2022",
)
