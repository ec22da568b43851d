"""The five seed plans and the plans they implement, transcribed as JSON-ready data."""

from typing import Literal, TypedDict, final

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
    "once", "daily", "weekly", "monthly", "quarterly", "semiannual", "annual", "continuous"
]
SigningMode = Literal["TM.", "KT.", "TL.", "TUQ."]


class AgencySeed(TypedDict):
    key: str
    unit_code: str
    unit_level: UnitLevel
    name: str
    kind: AgencyKindValue


# Final, so that `"agency" in lead` narrows the union for type checkers.
@final
class LeadAgency(TypedDict):
    agency: str


@final
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
    return {
        "key": key,
        "unit_code": unit_code,
        "unit_level": unit_level,
        "name": name,
        "kind": kind,
    }


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
        "trabong.trung_tam_chinh_tri",
        "525",
        "district",
        "Trung tâm Chính trị huyện",
        "political_centre",
    ),
    _agency("trabong.buu_dien", "525", "district", "Bưu điện huyện", "post"),
    _agency("trabong.mttq", "525", "district", "Ủy ban MTTQ Việt Nam huyện", "front"),
    _agency("songma.ubnd", "126", "district", "UBND huyện Sông Mã", "people_committee"),
    _agency(
        "songma.trung_tam",
        "126",
        "district",
        "Trung tâm Truyền thông - Văn hóa huyện",
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

HANOI_145: PlanSeed = {
    "key": "hanoi-145-2021",
    "unit_code": "01",
    "unit_level": "province",
    "number": 145,
    "symbol": "KH-UBND",
    "title": (
        "Thông tin, tuyên truyền cải cách hành chính nhà nước của thành phố Hà Nội"
        " giai đoạn 2021 - 2025"
    ),
    "place": "Hà Nội",
    "issued_on": "2021-06-14",
    "effective_on": "2021-06-14",
    "period_start": HANOI_PERIOD[0],
    "period_end": HANOI_PERIOD[1],
    "signer_name": "Chu Ngọc Anh",
    # The text is cut before the signature block: title and mode are not given.
    "signer_title": None,
    "signing_mode": None,
    "status": "issued",
    "visibility": "public",
    "parent_plan_key": None,
    "legal_bases": [
        {
            "reference": "01-CTr/TU",
            "issued_on": "2021-03-17",
            "issuer": "Thành ủy Hà Nội",
            "title": (
                "Tăng cường công tác xây dựng, chỉnh đốn Đảng, xây dựng Đảng bộ và hệ thống"
                " chính trị Thành phố trong sạch, vững mạnh; đẩy mạnh cải cách hành chính"
                " giai đoạn 2021 - 2025"
            ),
        },
        {
            "reference": "136/KH-UBND",
            "issued_on": "2021-06-01",
            "issuer": "UBND Thành phố",
            "title": "Cải cách hành chính nhà nước của thành phố Hà Nội giai đoạn 2021-2025",
        },
    ],
    "purposes": [
        "Cung cấp thông tin, tuyên truyền, phổ biến tới các tầng lớp nhân dân, đội ngũ cán bộ,"
        " công chức, viên chức và người lao động về công tác Cải cách hành chính (CCHC) của"
        " Chính phủ, các bộ ngành Trung ương; trọng tâm công tác CCHC của thành phố Hà Nội giai"
        " đoạn 2021 - 2025 là tiếp tục cải cách thủ tục hành chính và phát triển chính quyền"
        " điện tử, chính quyền số; công tác CCHC của các cơ quan, đơn vị trên địa bàn thành phố"
        " Hà Nội.",
        "Nâng cao chất lượng, hiệu quả hoạt động của các cấp chính quyền, cơ quan nhà nước thuộc"
        " Thành phố trong giải quyết công việc, giải quyết Thủ tục hành chính (TTHC), cung cấp"
        " dịch vụ đối với người dân, tổ chức, doanh nghiệp; xây dựng hình ảnh đội ngũ cán bộ,"
        " công chức, viên chức Thủ đô tận tụy, chuyên nghiệp, vì dân; góp phần thực hiện thắng"
        " lợi các mục tiêu, chỉ tiêu CCHC của Thành phố giai đoạn 2021 - 2025.",
        "Tạo cơ hội cho mọi cá nhân, tổ chức và doanh nghiệp được tiếp cận đầy đủ, chính xác,"
        " minh bạch thông tin về công tác CCHC; tạo đồng thuận trong xã hội đối với công tác"
        " CCHC; nâng cao sự hài lòng của người dân đối với sự phục vụ của các cơ quan nhà nước;"
        " phát huy vai trò giám sát, phối hợp của các tổ chức đoàn thể; vận động các lực lượng"
        " quần chúng nhân dân cổ vũ, động viên, đóng góp ý kiến, hợp tác, tuân thủ, cùng tham"
        " gia thực hiện các nhiệm vụ CCHC của Thành phố.",
    ],
    "requirements": [
        "Kế hoạch được triển khai, tổ chức thực hiện tại 100% các sở, cơ quan tương đương sở,"
        " các đơn vị sự nghiệp trực thuộc UBND Thành phố, UBND các quận, huyện, thị xã, xã,"
        " phường, thị trấn (các cơ quan, đơn vị thuộc Thành phố); được cụ thể hóa tại Kế hoạch"
        " thông tin, tuyên truyền CCHC hàng năm của Thành phố và cơ quan, đơn vị thuộc Thành"
        " phố.",
        "Nội dung thông tin, tuyên truyền bám sát chỉ đạo của Chính phủ, các cơ quan Trung ương,"
        " các Chương trình, Kế hoạch của Thành phố về CCHC giai đoạn 2021 - 2025, lồng ghép với"
        " các nội dung tuyên truyền, phổ biến các chủ trương, chính sách của Đảng, pháp luật của"
        " nhà nước về cải cách lập pháp, cải cách tư pháp, xây dựng nhà nước pháp quyền xã hội"
        " chủ nghĩa của dân, do dân, vì dân.",
        "Hoạt động thông tin, tuyên truyền CCHC được tổ chức hiệu quả, thiết thực, kịp thời,"
        " thường xuyên; hình thức thông tin, tuyên truyền đa dạng, phong phú, thân thiện, phù"
        " hợp với nội dung tuyên truyền, phù hợp với từng khu vực, địa bàn, các nhóm đối tượng,"
        " giúp người dân, doanh nghiệp tiếp cận nhanh, hiệu quả; nội dung thông tin đầy đủ,"
        " chính xác, đơn giản, dễ hiểu, có tính định hướng dư luận.",
    ],
    "topics": [
        "direction",
        "reform",
        "reform.institutions",
        "reform.procedures",
        "reform.apparatus",
        "reform.digital_government",
        "index.par",
        "index.sipas",
    ],
    "budget": _no_budget(),
    # The text is cut ("[...]") before "Nơi nhận".
    "recipients": [],
    "tasks": [
        _task(
            "2.a",
            "Cải cách thể chế",
            HANOI_PERIOD,
            content=_lines(
                "Tham gia (ở cấp độ địa phương): xây dựng, hoàn thiện hệ thống thể chế, chính"
                " sách, pháp luật về tổ chức bộ máy hành chính, chế độ công vụ đầy đủ, đồng bộ"
                " trên cơ sở Luật Tổ chức Chính phủ, Luật Tổ chức chính quyền địa phương, Luật"
                " Cán bộ, công chức, Luật Viên chức; xây dựng, hoàn thiện thể chế kinh tế thị"
                " trường định hướng xã hội chủ nghĩa; nâng cao chất lượng công tác xây dựng pháp"
                " luật; đổi mới, nâng cao chất lượng, hiệu quả thực thi pháp luật.",
                "Nghiên cứu, đề xuất sửa đổi, bổ sung Luật Thủ đô để khai thác tối đa và sử dụng"
                " hiệu quả mọi nguồn lực phát triển, phù hợp với thực tiễn của Thành phố. Xây"
                " dựng, hoàn thiện hệ thống các văn bản quy phạm pháp luật của Thành phố, cụ thể"
                " hóa các quy định của Trung ương để triển khai thực hiện thành công thí điểm tổ"
                " chức mô hình chính quyền đô thị; thí điểm cơ chế, chính sách tài chính - ngân"
                " sách đặc thù của Thủ đô.",
            ),
            topics=("reform.institutions",),
        ),
        _task(
            "2.b",
            "Cải cách thủ tục hành chính",
            HANOI_PERIOD,
            content=_lines(
                "Rà soát, thống kê, đơn giản hóa TTHC, đơn giản hóa các TTHC nội bộ giữa các cơ"
                " quan hành chính nhà nước. Cập nhật, công khai TTHC dưới nhiều hình thức khác"
                " nhau, tạo thuận lợi cho người dân, tổ chức tìm hiểu và thực hiện.",
                "Đổi mới việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC"
                " theo hướng nâng cao chất lượng phục vụ, không phân theo địa giới hành chính.",
                "Tăng cường ứng dụng công nghệ thông tin trong giải quyết TTHC; kết nối, chia sẻ"
                " dữ liệu từ các Cơ sở dữ liệu của Thành phố với Cổng Dịch vụ công quốc gia; giải"
                " quyết TTHC gắn với kiểm soát, đánh giá, giám sát việc giải quyết TTHC trên môi"
                " trường điện tử; đẩy mạnh việc số hóa kết quả giải quyết TTHC.",
            ),
            topics=("reform.procedures",),
        ),
        _task(
            "2.c",
            "Cải cách tổ chức bộ máy hành chính nhà nước",
            HANOI_PERIOD,
            content=_lines(
                "Triển khai thực hiện Nghị quyết số 97/2019/QH14 của Quốc hội về thí điểm tổ chức"
                " mô hình chính quyền đô thị tại thành phố Hà Nội.",
                "Rà soát, sắp xếp, tinh gọn bộ máy các cơ quan, đơn vị theo hướng giảm đầu mối tổ"
                " chức trung gian, khắc phục trùng lắp, chồng chéo chức năng, nhiệm vụ. Rà soát,"
                " sắp xếp giảm tối đa các ban quản lý dự án, các tổ chức phối hợp liên ngành,"
                " nhất là các tổ chức có bộ phận giúp việc chuyên trách. Nghiên cứu thí điểm các"
                " mô hình tổ chức mới đảm bảo tinh gọn, linh hoạt, hiệu quả và phù hợp với yêu"
                " cầu phát triển thực tiễn của Thủ đô.",
            ),
            topics=("reform.apparatus",),
        ),
    ],
}

SONGMA_TASK_SCOPE = "Các cơ quan, đơn vị, UBND các xã, thị trấn"
SONGMA_CONTEST = "Tham gia cuộc thi tìm hiểu, sáng kiến, giải pháp về CCHC do UBND tỉnh tổ chức."

SONGMA_33: PlanSeed = {
    "key": "songma-33-2019",
    "unit_code": "126",
    "unit_level": "district",
    "number": 33,
    "symbol": "KH-UBND",
    "title": "Tuyên truyền công tác cải cách hành chính năm 2019",
    "place": None,
    "issued_on": "2019-01-11",
    "effective_on": None,
    "period_start": YEAR_2019[0],
    "period_end": YEAR_2019[1],
    # Known from a news page only: no signature block.
    "signer_name": None,
    "signer_title": None,
    "signing_mode": None,
    "status": "issued",
    "visibility": "public",
    "parent_plan_key": None,
    "legal_bases": [],
    "purposes": [
        "Nhằm tiếp tục nêu cao vai trò, trách nhiệm của các cấp ủy Đảng, chính quyền các cấp,"
        " các cơ quan, đơn vị, UBND các xã, thị trấn, các tổ chức chính trị - xã hội chủ động,"
        " tích cực tham gia công tác tuyên truyền về CCHC.",
        "Tăng cường sự hiểu biết của người dân, tổ chức về CCHC, trọng tâm là cải cách thủ tục"
        " hành chính; lợi ích của việc sử dụng dịch vụ công trực tuyến, khuyến khích người dân,"
        " tổ chức, doanh nghiệp sử dụng dịch vụ công trực tuyến, tiết kiệm chi phí.",
        "Đồng thời, tạo điều kiện để người dân, tổ chức, doanh nghiệp tích cực góp ý, tham gia"
        " hoàn thiện thủ tục hành chính, giám sát cơ quan nhà nước trong quá trình thực hiện.",
    ],
    "requirements": [],
    "topics": ["reform.procedures", "index.par", "index.papi", "index.sipas", "index.pci"],
    "budget": _no_budget(),
    "recipients": [],
    "tasks": [
        _task(
            "1",
            "Tuyên truyền các nội dung CCHC trong nội bộ từng cơ quan, đơn vị, UBND các xã, thị"
            " trấn bằng nhiều hình thức phù hợp",
            YEAR_2019,
            recurrence="continuous",
            content=_lines(
                "Lồng ghép, đưa các nội dung, thông tin về CCHC trong các buổi họp giao ban, họp"
                " định kỳ; trong việc tuyên truyền, phổ biến pháp luật tại cơ quan, đơn vị, địa"
                " phương; đồng thời tổ chức các buổi sinh hoạt chuyên đề về các nội dung liên quan"
                " đến CCHC, từ đó phát hiện cách làm mới, hay, đem lại hiệu quả thiết thực.",
                "Thường xuyên kịp thời cập nhật, rà soát, niêm yết công khai, đầy đủ các thủ tục"
                " hành chính đã được sửa đổi, bổ sung trên Trang thông tin điện tử của huyện, tại"
                " Bộ phận Tiếp nhận và Trả kết quả cấp huyện, cấp xã để người dân, doanh nghiệp dễ"
                " dàng tra cứu, tìm hiểu thông tin về CCHC nói chung và thủ tục hành chính nói"
                " riêng.",
                "Cung cấp địa chỉ, số điện thoại đường dây nóng của UBND huyện tiếp nhận phản ánh"
                " của tổ chức, cá nhân về các quy định thủ tục hành chính và đăng tải kết quả trả"
                " lời của cơ quan hành chính nhà nước.",
            ),
            all_children=True,
            lead_text=SONGMA_TASK_SCOPE,
            channel_types=("e_portal", "notice_board", "hotline"),
            topics=("reform.procedures",),
        ),
        _task(
            "2",
            "Tuyên truyền trên sóng Truyền thanh, Truyền hình huyện",
            YEAR_2019,
            recurrence="weekly",
            content=(
                "Thông tin tình hình và kết quả thực hiện công tác CCHC; thực hiện kỷ luật, kỷ"
                " cương hành chính, xây dựng nếp sống văn hóa, văn minh, nâng cao chất lượng quản"
                " trị và hành chính công trên địa bàn huyện; ý kiến đóng góp của tổ chức, công dân"
                " và phản hồi của cơ quan hành chính các cấp."
            ),
            lead="songma.trung_tam",
            lead_text="Trung tâm Truyền thông - Văn hóa huyện",
            coordinate_text=SONGMA_TASK_SCOPE,
            channel_types=("radio", "television"),
        ),
        _task(
            "3",
            "Tuyên truyền trên sóng phát thanh, nhà văn hóa tại các bản, tổ dân phố",
            YEAR_2019,
            recurrence="monthly",
            content=(
                "Thông tin về chủ trương, chính sách của đảng, pháp luật của nhà nước về công tác"
                " CCHC; hoạt động của Bộ phận Tiếp nhận và Trả kết quả cấp huyện, cấp xã; tình"
                " hình và kết quả thực hiện CCHC; thực hiện kỷ luật, kỷ cương hành chính, xây dựng"
                " nếp sống văn hóa, văn minh, nâng cao chất lượng quản trị và hành chính công trên"
                " địa bàn xã, thị trấn; những nội dung chính quyền phải công khai với Nhân dân gắn"
                " với việc thực hiện dân chủ cơ sở (đối với đồng bào dân tộc thiểu số cần đẩy mạnh"
                " tuyên truyền bằng tiếng dân tộc, thông qua hệ thống đài Truyền thanh cấp xã, qua"
                " các cuộc họp ở bản, tổ dân phố và tranh thủ sự hỗ trợ, giúp đỡ của người có uy"
                " tín trong cộng đồng dân cư để tuyên truyền một cách dễ hiểu, thiết thực)."
            ),
            all_children=True,
            lead_text="UBND các xã, thị trấn",
            coordinate_text=(
                "Đoàn thể chính trị, xã hội các xã, thị trấn; Ban quản lý bản, tổ dân phố"
            ),
            channel_types=("radio", "community_meeting"),
        ),
        _task(
            "4",
            "Tuyên truyền, phổ biến kết quả Chỉ số CCHC (PARINDEX), Chỉ số hiệu quả Quản trị và"
            " hành chính công (PAPI), Chỉ số hài lòng của người dân đối với sự phục vụ của cơ"
            " quan hành chính nhà nước (SIPAS), Chỉ số năng lực cạnh tranh (PCI) thông qua các"
            " văn bản, tài liệu",
            YEAR_2019,
            recurrence="once",
            due_on="2019-12-31",
            content=(
                "Kết quả cụ thể của các tiêu chí, tiêu chí thành phần của các Chỉ số; ý nghĩa, tác"
                " động của các Chỉ số đối với sự phát triển kinh tế - xã hội của huyện, đặc biệt"
                " trong cải thiện môi trường đầu tư kinh doanh, thu hút đầu tư trên địa bàn huyện."
            ),
            # Two leads in the text; the shape has one, so the second coordinates.
            lead="songma.noi_vu",
            lead_text="Phòng Nội vụ, phòng Tài chính - Kế hoạch",
            coordinators=("songma.tckh",),
            coordinate_text=SONGMA_TASK_SCOPE,
            topics=("index.par", "index.papi", "index.sipas", "index.pci"),
        ),
        _task(
            "5",
            "Tuyên truyền thông qua việc tham gia cuộc thi tìm hiểu, sáng kiến, giải pháp về CCHC",
            YEAR_2019,
            recurrence="once",
            due_on="2019-12-31",
            content=SONGMA_CONTEST,
            lead="songma.noi_vu",
            lead_text="Phòng Nội vụ",
            coordinate_text=SONGMA_TASK_SCOPE,
            channel_types=("contest",),
        ),
        _task(
            "6",
            "Tuyên truyền lồng ghép trong các cuộc họp, Hội nghị từ cấp huyện đến cơ sở; lồng"
            " ghép thông qua các lớp tập huấn do huyện tổ chức, công tác tuyên truyền, phổ biến,"
            " giáo dục pháp luật, các cuộc thi tìm hiểu về chính sách, pháp luật",
            YEAR_2019,
            recurrence="once",
            due_on="2019-12-31",
            # The text repeats item 5's content here.
            content=SONGMA_CONTEST,
            lead="songma.noi_vu",
            lead_text="Phòng Nội vụ",
            coordinate_text=SONGMA_TASK_SCOPE,
            channel_types=("conference", "training", "contest"),
            topics=("legal_dissemination",),
        ),
    ],
}

DONGHOA_2022: PlanSeed = {
    "key": "donghoa-2022",
    "unit_code": "564",
    "unit_level": "district",
    # The text carries no number, date or place: kept as a draft.
    "number": None,
    "symbol": "KH-UBND",
    "title": "Tuyên truyền cải cách hành chính Nhà nước năm 2022",
    "place": None,
    "issued_on": None,
    "effective_on": None,
    "period_start": YEAR_2022[0],
    "period_end": YEAR_2022[1],
    "signer_name": "Nguyễn Văn Tĩnh",
    "signer_title": "Chủ tịch",
    "signing_mode": "TM.",
    "status": "draft",
    "visibility": "internal",
    "parent_plan_key": DONGHOA_24["key"],
    "legal_bases": [
        {
            "reference": "24/KH-UBND",
            "issued_on": "2022-01-27",
            "issuer": None,
            "title": "cải cách hành chính Nhà nước thị xã năm 2022",
        }
    ],
    "purposes": [
        "Xác định nội dung, hình thức thông tin, tuyên truyền cải cách hành chính phù hợp với"
        " từng nhóm đối tượng là cá nhân, cơ quan, tổ chức. Thông qua công tác thông tin, tuyên"
        " truyền, đội ngũ cán bộ, công chức, viên chức có nhận thức đầy đủ về các mục tiêu, nội"
        " dung và trách nhiệm của mình trong thực hiện nhiệm vụ cải cách hành chính.",
        "Nâng cao nhận thức, trách nhiệm của người đứng đầu các cơ quan tuyên truyền, địa phương"
        " trong việc chỉ đạo, điều hành và tổ chức thực hiện công tác tuyên truyền cải cách hành"
        " chính. Đồng thời, nâng cao năng lực, tinh thần trách nhiệm của đội ngũ cán bộ, phóng"
        " viên phụ trách đưa tin, bài, phóng sự về cải cách hành chính.",
        "Xây dựng nhận thức đúng về vị trí, vai trò quan trọng của công tác tuyên truyền. Quán"
        " triệt quan điểm, công tác thông tin, tuyên truyền cải cách hành chính đáp ứng yêu cầu"
        " nâng cao kiến thức và hiểu biết về cải cách hành chính cho cán bộ, công chức và người"
        " dân. Tăng cường công tác phối hợp, chia sẻ thông tin giữa các cơ quan hành chính nhà"
        " nước với các cơ quan thông tấn, báo chí, bảo đảm thông tin về tình hình triển khai và"
        " kết quả thực hiện cải cách hành chính tại các cơ quan, đơn vị và UBND các xã, phường"
        " được phản ánh đầy đủ, kịp thời, đúng đối tượng.",
    ],
    "requirements": [
        "Phổ biến, tuyên truyền kịp thời, đầy đủ, thường xuyên, liên tục, đa chiều, phù hợp với"
        " tính chất, đặc điểm và nhiệm vụ của từng nhóm đối tượng. Lồng ghép công tác thông tin,"
        " tuyên truyền cải cách hành chính nhà nước với việc tuyên truyền, phổ biến, giáo dục về"
        " các chủ trương, chính sách của Đảng, pháp luật của Nhà nước.",
        "Tuyên truyền cải cách hành chính phải gắn với lộ trình thực hiện các mục tiêu, nhiệm vụ"
        " của Kế hoạch cải cách hành chính nhà nước năm 2022 của thị xã. Tuyên truyền về cải"
        " cách hành chính phải góp phần nâng cao dân trí, phòng chống tham nhũng, phục vụ sự"
        " nghiệp công nghiệp hóa, hiện đại hóa, đẩy mạnh hội nhập quốc tế.",
    ],
    "topics": [
        "direction",
        "reform",
        "reform.institutions",
        "reform.procedures",
        "reform.apparatus",
        "reform.civil_service",
        "reform.digital_government",
        "legal_dissemination",
        "index.par",
        "index.sipas",
        "index.ddci",
    ],
    "budget": _no_budget(),
    "recipients": [
        "Sở Nội vụ Phú Yên (Thay b/c)",
        "Thường trực Thị ủy (Thay b/c)",
        "Thường trực UBMTTQVN thị xã (Thay b/c)",
        "Chủ tịch, các PCT UBND thị xã",
        "Các cơ quan, đơn vị thị xã",
        "UBND các xã, phường",
        "Cổng thông tin điện tử thị xã",
        "Lưu: VT, NV",
    ],
    "tasks": [
        _task(
            "1",
            "Các cơ quan, đơn vị, UBND các xã, phường",
            YEAR_2022,
            content=_lines(
                "Xây dựng Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2022 trong kế"
                " hoạch cải cách hành chính của cơ quan, đơn vị mình, bố trí kinh phí để triển"
                " khai thực hiện kế hoạch và Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã,"
                " phường chịu trách nhiệm về tổ chức công tác thông tin, tuyên truyền cải cách"
                " hành chính trong phạm vi, nhiệm vụ được giao phụ trách.",
                "Định kỳ 6 tháng, năm, báo cáo tình hình, kết quả thực hiện công tác thông tin,"
                " tuyên truyền cải cách hành chính của cơ quan, đơn vị mình gửi về UBND thị xã"
                " (qua Phòng Nội vụ) để theo dõi, chỉ đạo (lồng ghép vào báo cáo cải cách hành"
                " chính 06 tháng, năm của cơ quan, đơn vị).",
                "Chỉ đạo, cung cấp thông tin, tuyên truyền đầy đủ, kịp thời về tình hình, kết quả"
                " thực hiện cải cách hành chính, như: Kết quả giải quyết hồ sơ TTHC, kết quả tiếp"
                " nhận hồ sơ trực tuyến mức độ 3, mức độ 4... của các cơ quan, đơn vị trên Cổng"
                " thông tin điện tử hoặc Trang thông tin điện tử.",
                "Huy động, bố trí và sử dụng cán bộ, công chức có đủ năng lực và trình độ hiểu biết"
                " về Nhà nước và pháp luật, về hành chính nhà nước, thực hiện theo dõi, hướng dẫn"
                " và báo cáo tình hình thực hiện công tác thông tin, tuyên truyền về cải cách hành"
                " chính nhà nước của cơ quan, đơn vị.",
                "Gắn công tác thông tin tuyên truyền về cải cách hành chính với công tác thi đua,"
                " khen thưởng trong hoạt động của cơ quan, đơn vị.",
            ),
            all_children=True,
            lead_text="Các cơ quan, đơn vị, UBND các xã, phường",
            channel_types=("e_portal",),
            topics=("direction",),
        ),
        _task(
            "2",
            "Phòng Nội vụ",
            YEAR_2022,
            content=_lines(
                "Theo dõi, kiểm tra, đôn đốc các cơ quan, đơn vị xây dựng, tổ chức thực hiện kế"
                " hoạch thông tin, tuyên truyền cải cách hành chính năm 2022. Định kỳ tổng hợp,"
                " đánh giá tình hình, kết quả thực hiện công tác thông tin, tuyên truyền cải cách"
                " hành chính của các cơ quan, đơn vị.",
                "Cử cán bộ, công chức, viên chức tham gia các lớp tập huấn, giới thiệu các kiến"
                " thức cơ bản về cải cách hành chính.",
                "Chuyển Bản tin điện tử cải cách hành chính của Văn phòng Ban Chỉ đạo cải cách hành"
                " chính của Chính phủ gửi tới Thư điện tử công vụ của Lãnh đạo UBND thị xã và lãnh"
                " đạo các cơ quan, đơn vị nghiên cứu. Đồng thời, đăng tải lên Cổng thông tin điện"
                " tử của thị xã để các cơ quan, đơn vị có thông tin nghiên cứu thường xuyên và cập"
                " nhật kịp thời về tình hình cải cách hành chính trên địa bàn tỉnh nói chung và thị"
                " xã nói riêng.",
                "Lồng ghép việc kiểm tra công tác thông tin, tuyên truyền cải cách hành chính vào"
                " nội dung kiểm tra cải cách hành chính năm 2022 của thị xã.",
            ),
            lead="donghoa.noi_vu",
            lead_text="Phòng Nội vụ",
            channel_types=("training", "bulletin", "official_email", "e_portal"),
            topics=("direction",),
        ),
        _task(
            "3",
            "Phòng Văn hoá và Thông tin",
            YEAR_2022,
            content=_lines(
                "Chủ trì, phối hợp với Phòng Nội vụ, Văn phòng HĐND và UBND thị xã và các cơ quan"
                " có liên quan duy trì chuyên trang, chuyên mục cải cách hành chính để tăng cường"
                " công tác thông tin, tuyên truyền cải cách hành chính nhà nước đến các đối tượng.",
                "Phối hợp Sở Thông tin và Truyền thông thiết lập kênh tiếp nhận, phản hồi ý kiến,"
                " kiến nghị của cá nhân, tổ chức về các quy định liên quan đến cải cách hành chính"
                " trên cổng thông tin điện tử hoặc Trang thông tin điện tử.",
                "Theo dõi, hướng dẫn, đánh giá về tình hình và kết quả xây dựng Chính quyền điện tử"
                " của thị xã; ứng dụng công nghệ thông tin vào việc giải quyết thủ tục hành chính"
                " tại Bộ phận Một cửa; cách thức thực hiện thủ tục hành chính trực tuyến mức độ 3,"
                " mức độ 4 và cập nhật đầy đủ vào chuyên mục “Cải cách hành chính” trên Cổng thông"
                " tin điện tử của thị xã.",
            ),
            lead="donghoa.vhtt",
            lead_text="Phòng Văn hoá và Thông tin",
            coordinators=("donghoa.noi_vu", "donghoa.van_phong", "phuyen.so_tttt"),
            channel_types=("e_portal",),
            topics=("reform.procedures", "reform.digital_government"),
        ),
        _task(
            "4",
            "Văn phòng HĐND và UBND thị xã",
            YEAR_2022,
            content=(
                "Đẩy mạnh việc thực hiện TTHC qua dịch vụ Bru chính công ích. Cung cấp thông tin,"
                " kết quả giải quyết hồ sơ, thủ tục hành chính tại Bộ phận Một cửa thị xã cho"
                " Phòng Văn hoá và Thông tin cập nhật, niêm yết lên Cổng thông tin điện tử của thị"
                " xã để tổ chức, cá nhân, biết, theo dõi và liên hệ."
            ),
            lead="donghoa.van_phong",
            lead_text="Văn phòng HĐND và UBND thị xã",
            channel_types=("e_portal",),
            topics=("reform.procedures",),
        ),
        _task(
            "5",
            "Phòng Tài chính- Kế hoạch",
            YEAR_2022,
            content=(
                "Chủ trì, phối hợp với Phòng Nội vụ thẩm định kinh phí thực hiện công tác thông"
                " tin, tuyên truyền cải cách hành chính trong kế hoạch cải cách hành chính năm"
                " 2022 của các cơ quan, đơn vị, địa phương."
            ),
            lead="donghoa.tckh",
            lead_text="Phòng Tài chính- Kế hoạch",
            coordinators=("donghoa.noi_vu",),
        ),
        _task(
            "6",
            "Phòng Tư pháp",
            YEAR_2022,
            content=_lines(
                "Tham mưu Hội đồng phối hợp phổ biến giáo dục pháp luật thị xã bổ sung nội dung"
                " tuyên truyền về cải cách hành chính chính vào kế hoạch hoạt động của Hội đồng"
                " trong năm 2022.",
                "Lồng ghép tuyên truyền các văn bản về cải cách hành chính vào công tác tuyên"
                " truyền, phối hợp, phổ biến giáo dục pháp luật theo quy định của Luật phổ biến,"
                " giáo dục pháp luật và trong sinh hoạt Ngày pháp luật.",
            ),
            lead="donghoa.tu_phap",
            lead_text="Phòng Tư pháp",
            topics=("legal_dissemination",),
        ),
        _task(
            "7",
            "Trung tâm Văn hoá - Thể thao và Truyền thanh thị xã",
            YEAR_2022,
            content=(
                "Tăng cường đưa tin, bài về công tác cải cách hành chính của thị xã lên Đài truyền"
                " thanh thị xã; xây dựng và phát hành bản tin tuyên truyền, nêu gương các điển hình"
                " tiên tiến, các sáng kiến, giải pháp mới của các tổ chức, cá nhân trên địa bàn thị"
                " xã trong triển khai thực hiện có hiệu quả công tác cải cách hành chính."
            ),
            lead="donghoa.trung_tam",
            lead_text="Trung tâm Văn hoá - Thể thao và Truyền thanh thị xã",
            channel_types=("radio", "bulletin"),
        ),
    ],
}

TRABONG_ALL_LOCAL = "Các cơ quan, đơn vị, địa phương liên quan"
TRABONG_TASK_10 = (
    "Truyền thông nâng cao chất lượng chuyên trang, chuyên mục CCHC, Cổng Thông tin điện tử huyện"
)

TRABONG_2022: PlanSeed = {
    "key": "trabong-2022-2025",
    "unit_code": "525",
    "unit_level": "district",
    # "Số: /KH-UBND", "ngày tháng 8 năm 2022": number and day left blank, so still a draft.
    "number": None,
    "symbol": "KH-UBND",
    # As written, including "Trà Bông" for Trà Bồng.
    "title": (
        "Truyền thông nâng cao chỉ số cải cách hành chính (PAR INDEX), chỉ số hiệu quả quản trị"
        " hành chính công (PAPI), chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của huyện Trà Bông"
        " giai đoạn 2022-2025"
    ),
    "place": "Trà Bông",
    "issued_on": None,
    "effective_on": None,
    "period_start": TRABONG_PERIOD[0],
    "period_end": TRABONG_PERIOD[1],
    "signer_name": "Hồ Văn Thịnh",
    "signer_title": "Phó Chủ tịch",
    "signing_mode": "KT.",
    "status": "draft",
    "visibility": "internal",
    "parent_plan_key": None,
    "legal_bases": [
        {
            "reference": "845/QĐ-UBND",
            "issued_on": "2022-06-29",
            "issuer": "Chủ tịch UBND tỉnh Quảng Ngãi",
            "title": (
                "phê duyệt Kế hoạch truyền thông nâng cao chỉ số cải cách hành chính (PAR INDEX),"
                " chỉ số hiệu quả quản trị hành chính công (PAPI), chỉ số năng lực cạnh tranh cấp"
                " tỉnh (PCI) của tỉnh Quảng Ngãi giai đoạn 2022-2025"
            ),
        }
    ],
    "purposes": [
        "Tập trung xây dựng, triển khai đồng bộ và có hiệu quả các nhiệm vụ, giải pháp được quy"
        " định tại Nghị quyết số 04-NQ/TU ngày 18/10/2021 của Tỉnh ủy và Nghị quyết số"
        " 93/NQ-HĐND ngày 08/12/2021 của Hội đồng nhân dân tỉnh về đẩy mạnh cải cách hành chính;"
        " nâng cao thứ hạng các chỉ số cải cách hành chính, hiệu quả quản trị và hành chính công,"
        " năng lực cạnh tranh cấp tỉnh giai đoạn 2021-2025; góp phần thực hiện thắng lợi Nghị"
        " quyết đại hội đại biểu Đảng bộ huyện lần thứ XXIV đã đề ra.",
        "Nâng cao nhận thức, ý thức, trách nhiệm của tập thể lãnh đạo, người đứng đầu cơ quan,"
        " đơn vị, địa phương; cán bộ, công chức, viên chức trong các cơ quan, đơn vị, địa phương"
        " và cá nhân, tổ chức về ý nghĩa, mục tiêu, tầm quan trọng và trách nhiệm trong việc"
        " thực hiện các nhiệm vụ của công tác cải cách hành chính (CCHC) đối với sự phát triển"
        " kinh tế - xã hội của huyện.",
        "Tăng cường các hoạt động tuyên truyền về CCHC, trọng tâm là cải cách thủ tục hành chính"
        " bằng nhiều hình thức, thiết thực, hiệu quả; giúp người dân, doanh nghiệp tiếp cận và sử"
        " dụng thường xuyên các tiện ích của chính quyền điện tử trong việc giải quyết thủ tục"
        " hành chính tại Bộ phận tiếp nhận và trả kết quả các cấp; cách thức thực hiện thủ tục"
        " hành chính trực tuyến ở mức độ 3 và qua dịch vụ bưu chính công ích.",
        "Phát huy vai trò tích cực của các cơ quan tuyên truyền, cơ quan thông tin đại chúng"
        " trong việc đẩy mạnh các hoạt động truyền thông về CCHC. Phát hiện, phản ánh chính xác,"
        " kịp thời những mặt tích cực cũng như hạn chế trong công tác CCHC ở các cấp để cán bộ,"
        " nhân dân nhận thức một cách đầy đủ, toàn diện về việc tổ chức thực hiện chương trình"
        " CCHC trên địa bàn huyện.",
        "Nâng cao vai trò, trách nhiệm của người đứng đầu và cấp ủy, chính quyền các cấp, các cơ"
        " quan, đơn vị, công chức, viên chức tích cực tham gia công tác tuyên truyền CCHC; kết"
        " hợp hình thức tuyên truyền truyền thống với ứng dụng công nghệ thông tin vào hoạt động"
        " tuyên truyền nhằm mang lại hiệu quả cao.",
    ],
    "requirements": [
        "Các cơ quan, đơn vị triển khai công tác truyền thông cần bám sát nội dung của Kế hoạch"
        " cải cách hành chính giai đoạn 2021-2025 để lựa chọn hình thức, nội dung, phương pháp"
        " tuyên truyền thích hợp tại cơ quan, đơn vị đảm bảo thiết thực, hiệu quả, tuyệt đối"
        " không chung chung, hình thức.",
        "Tổ chức truyền thông thường xuyên, kịp thời, đầy đủ; đổi mới và đa dạng các hình thức"
        " tuyên truyền, nâng cao chất lượng các nội dung; chú trọng nêu gương các tổ chức, cá"
        " nhân làm tốt công tác CCHC; kết hợp các phương tiện truyền thông với ứng dụng công nghệ"
        " thông tin vào hoạt động tuyên truyền nhằm mang lại hiệu quả cao nhất. Nội dung thông"
        " tin, tuyên truyền được trình bày rõ ràng, chuẩn xác, thu hút người xem.",
        "Cập nhật thường xuyên, kịp thời, đầy đủ các văn bản quy phạm pháp luật, các bộ thủ tục"
        " hành chính trên các loại hình thông tin tuyên truyền; hướng dẫn về thủ tục hành chính"
        " cần chính xác, chi tiết, cụ thể.",
        "Truyền thông về CCHC phải gắn với tuyên truyền kết quả thực hiện nhiệm vụ chính trị và"
        " việc thực hiện các nhiệm vụ chính trị của huyện. Thực hiện lồng ghép việc tuyên truyền"
        " CCHC với việc tuyên truyền, phổ biến các chủ trương, chính sách của Đảng, pháp luật của"
        " Nhà nước, các văn bản mới của cấp trên.",
        "Đăng tải, cập nhật các thủ tục hành chính trên Cổng Thông tin điện tử của huyện, niêm"
        " yết, công khai các thủ tục hành chính tại Bộ phận Tiếp nhận và trả kết quả cấp huyện,"
        " cấp xã; tuyên truyền về CCHC, kiểm soát thủ tục hành chính trên các phương tiện thông"
        " tin đại chúng.",
    ],
    "topics": [
        "direction",
        "reform.institutions",
        "reform.procedures",
        "reform.apparatus",
        "reform.civil_service",
        "reform.public_finance",
        "reform.digital_government",
        "legal_dissemination",
        "index.par",
        "index.papi",
        "papi.participation",
        "papi.transparency",
        "papi.accountability",
        "papi.corruption_control",
        "papi.procedures",
        "papi.public_services",
        "papi.environment",
        "papi.e_governance",
        "index.pci",
        "pci.market_entry",
        "pci.land_access",
        "pci.transparency",
        "pci.informal_charges",
        "pci.equal_competition",
        "pci.proactivity",
        "pci.business_support",
        "pci.labor_training",
        "pci.legal_institutions",
    ],
    "budget": {
        "sources": [
            "nguồn ngân sách nhà nước theo phân cấp ngân sách hiện hành",
            "các nguồn tài trợ hợp pháp khác (nếu có)",
        ],
        "estimate_vnd": None,
        "note": (
            "Hàng năm, căn cứ nhiệm vụ được giao trong Kế hoạch này, các cơ quan, đơn vị, địa"
            " phương được phân công chủ trì thực hiện nhiệm vụ có trách nhiệm xây dựng kế hoạch"
            " chi tiết, lập dự toán kinh phí thực hiện nhiệm vụ và tổng hợp chung trong dự toán"
            " ngân sách hàng năm của đơn vị gửi Phòng Tài chính - Kế hoạch để tổng hợp, trình cấp"
            " có thẩm quyền bố trí kinh phí; chủ động huy động kinh phí từ các nguồn tài trợ hợp"
            " pháp khác."
        ),
    },
    "recipients": [
        "Sở Thông tin và Truyền thông",
        "TT. Huyện ủy",
        "TT. HĐND huyện",
        "CT, các PCT UBND huyện",
        "UBMTQVN và các hội, đoàn thể huyện",
        "Các cơ quan, ban ngành huyện",
        "UBND các xã, thị trấn",
        "VPH; CVP, các PVP; CVVX",
        "Lưu: VT",
    ],
    "tasks": [
        _task(
            "1",
            "Hướng dẫn các cơ quan, đơn vị, địa phương tuyên truyền về các chỉ số",
            TRABONG_PERIOD,
            recurrence="annual",
            lead="trabong.vhtt",
            lead_text="Phòng Văn hóa và Thông tin",
            coordinators=("trabong.trung_tam",),
            coordinate_text=(
                "Trung tâm Truyền thông - Văn hoá - Thể thao huyện, các cơ quan, đơn vị, địa phương"
            ),
            topics=("index.par", "index.papi", "index.pci"),
        ),
        _task(
            "2",
            "Tổ chức các Hội nghị, lớp tập huấn, hội thi về nâng cao các chỉ số",
            TRABONG_PERIOD,
            recurrence="annual",
            lead="trabong.to_chuc_noi_vu",
            lead_text="Cơ quan Tổ chức – Nội vụ",
            coordinate_text=TRABONG_ALL_LOCAL,
            channel_types=("conference", "training", "contest"),
            topics=("index.par", "index.papi", "index.pci"),
        ),
        _task(
            "3",
            "Truyền thông các nội dung về áp dụng Hệ thống Quản lý chất lượng theo tiêu chuẩn quốc"
            " gia TCVN ISO 9001 vào hoạt động của các cơ quan hành chính nhà nước trên địa bàn"
            " huyện",
            TRABONG_PERIOD,
            recurrence="annual",
            lead="trabong.kt_ht",
            lead_text="Phòng Kinh tế và Hạ tầng",
            coordinate_text=TRABONG_ALL_LOCAL,
            topics=("index.par",),
        ),
        _task(
            "4",
            "Tổ chức phổ biến, tuyên truyền pháp luật về Chỉ số CCHC, Chỉ số hiệu quả quản trị và"
            " hành chính công (PAPI) liên quan đến nhiệm vụ công tác tư pháp thông qua các hội"
            " nghị, tập huấn, biên soạn, cấp phát tài liệu,...",
            TRABONG_PERIOD,
            recurrence="annual",
            lead="trabong.tu_phap",
            lead_text="Phòng Tư pháp",
            coordinate_text="Các cơ quan, đơn vị, địa phương",
            channel_types=("conference", "training"),
            topics=("index.par", "index.papi", "legal_dissemination"),
        ),
        _task(
            "5",
            "Tuyên truyền, phổ biến, hướng dẫn pháp luật về tiếp công dân, khiếu nại, tố cáo,"
            " thanh tra, phòng chống tham nhũng, tiêu cực cho các cơ quan, tổ chức, đơn vị và"
            " Nhân dân trong huyện",
            TRABONG_PERIOD,
            recurrence="annual",
            lead="trabong.ubkt_tt",
            lead_text="Cơ quan UBKT-TT",
            coordinate_text="Các cơ quan, đơn vị, địa phương có liên quan",
            topics=("papi.accountability", "papi.corruption_control", "legal_dissemination"),
        ),
        _task(
            "6",
            "Rà soát, cập nhật các TTHC trên Cổng Thông tin điện tử",
            TRABONG_PERIOD,
            recurrence="continuous",
            lead="trabong.van_phong",
            lead_text="Văn phòng huyện",
            coordinators=("trabong.vhtt",),
            coordinate_text="Phòng Văn hóa và Thông tin, UBND các xã, thị trấn",
            channel_types=("e_portal",),
            topics=("reform.procedures",),
        ),
        _task(
            "7",
            "Hướng dẫn các cơ quan, đơn vị, hệ thống thông tin cơ sở tổ chức tuyên truyền về"
            " CCHC; tuyên truyền việc thực hiện TTHC qua dịch vụ bưu chính công ích; về sử dụng"
            " dịch vụ công trực tuyến mức độ 3, mức độ 4",
            TRABONG_PERIOD,
            recurrence="annual",
            lead="trabong.vhtt",
            lead_text="Phòng Văn hóa và Thông tin",
            coordinators=("trabong.van_phong", "trabong.trung_tam", "trabong.buu_dien"),
            coordinate_text=(
                "Văn phòng huyện, Trung tâm Truyền thông - Văn hoá - Thể thao huyện, UBND các xã,"
                " thị trấn, Bưu điện"
            ),
            topics=("reform.procedures", "reform.digital_government"),
        ),
        _task(
            "8",
            "Thực hiện tuyên truyền về các chính sách, giải pháp cải thiện môi trường đầu tư,"
            " kinh doanh",
            TRABONG_PERIOD,
            recurrence="continuous",
            lead="trabong.tckh",
            lead_text="Phòng Tài chính - Kế hoạch",
            coordinators=("trabong.kt_ht",),
            coordinate_text=(
                "Phòng Kinh tế và Hạ tầng, các cơ quan, đơn vị liên quan, UBND các xã, thị trấn"
            ),
            topics=("index.pci",),
        ),
        _task(
            "9",
            "Đặt hàng sản xuất phóng sự ngắn, video clip truyền thông về CCHC",
            TRABONG_PERIOD,
            recurrence="annual",
            lead="trabong.vhtt",
            lead_text="Phòng Văn hóa và Thông tin",
            coordinators=("trabong.trung_tam",),
            coordinate_text="Trung tâm Truyền thông - Văn hoá - Thể thao huyện",
            channel_types=("video",),
        ),
        _task(
            "10.a",
            f"{TRABONG_TASK_10}: Tuyên truyền trên sóng truyền thanh, truyền hình",
            TRABONG_PERIOD,
            recurrence="weekly",
            content=(
                "Thông tin tình hình và kết quả thực hiện CCHC, kiểm soát thủ tục hành chính; thực"
                " hiện kỷ luật, kỷ cương hành chính, xây dựng nếp sống văn hóa, văn minh, nâng cao"
                " chất lượng quản trị và hành chính công trên địa bàn huyện; ý kiến đóng góp của"
                " tổ chức, công dân và phản hồi của cơ quan hành chính các cấp."
            ),
            lead="trabong.trung_tam",
            lead_text="Trung tâm Truyền thông - Văn hoá - Thể thao huyện",
            coordinate_text="Các cơ quan, đơn vị và UBND các xã, thị trấn",
            channel_types=("radio", "television"),
            topics=("reform.procedures", "index.papi"),
        ),
        _task(
            "10.b",
            f"{TRABONG_TASK_10}: Tuyên truyền trên Cổng Thông tin điện tử huyện",
            TRABONG_PERIOD,
            recurrence="weekly",
            content=(
                "Tăng cường các tin, bài và các văn bản chỉ đạo, điều hành của tỉnh, của huyện về"
                " CCHC; triển khai kế hoạch CCHC nhà nước trên địa bàn huyện hàng năm; tuyên truyền"
                " nâng cao hiểu biết của người dân, tổ chức khi thực hiện thủ tục hành chính tại Bộ"
                " phận tiếp nhận và trả kết quả cấp huyện, cấp xã; các tin bài về thực hiện kỷ"
                " luật, kỷ cương hành chính, xây dựng nếp sống văn hóa, văn minh, nâng cao chất"
                " lượng quản trị và hành chính công."
            ),
            lead="trabong.vhtt",
            lead_text="Phòng Văn hóa và Thông tin",
            coordinators=("trabong.to_chuc_noi_vu", "trabong.van_phong"),
            coordinate_text=(
                "Cơ quan Tổ chức - Nội vụ, Văn phòng huyện; các cơ quan, đơn vị có liên quan"
            ),
            channel_types=("e_portal",),
            topics=("direction", "reform.procedures"),
        ),
        _task(
            "11",
            "Tuyên truyền thông qua hình thức đưa nội dung CCHC nhà nước của huyện, Kế hoạch CCHC"
            " nhà nước giai đoạn 2021-2025 vào chương trình giảng ở các lớp bồi dưỡng tại Trung"
            " tâm Chính trị huyện",
            TRABONG_PERIOD,
            recurrence="annual",
            content=(
                "Đưa nội dung CCHC của huyện, trong đó tập trung vào nội dung thực trạng, giải pháp"
                " công tác CCHC trên địa bàn huyện; Kế hoạch CCHC nhà nước giai đoạn 2021-2025 của"
                " huyện vào chương trình giảng ở một số lớp bồi dưỡng tại Trung tâm chính trị"
                " huyện."
            ),
            lead="trabong.trung_tam_chinh_tri",
            lead_text="Trung tâm Chính trị huyện",
            coordinators=("trabong.to_chuc_noi_vu",),
            coordinate_text="Cơ quan Tổ chức - Nội vụ, các cơ quan, đơn vị có liên quan",
            channel_types=("political_course",),
        ),
    ],
}

LEXA_17: PlanSeed = {
    "key": "lexa-17-2024",
    "unit_code": "12352",
    "unit_level": "commune",
    "number": 17,
    "symbol": "KH-UBND",
    "title": "Tuyên truyền cải cách hành chính xã Lệ Xá năm 2024",
    "place": "Lệ Xá",
    "issued_on": "2024-01-15",
    "effective_on": None,
    "period_start": YEAR_2024[0],
    "period_end": YEAR_2024[1],
    "signer_name": "Nguyễn Bá Tâm",
    "signer_title": "Phó Chủ tịch",
    "signing_mode": "TM.",
    "status": "issued",
    "visibility": "public",
    "parent_plan_key": TIENLU_184["key"],
    "legal_bases": [
        {
            "reference": "167/KH-UBND",
            "issued_on": "2021-12-30",
            "issuer": "UBND huyện Tiên Lữ",
            "title": "cải cách hành chính nhà nước huyện Tiên Lữ giai đoạn 2021-2025",
        },
        {
            "reference": "184/KH-UBND",
            "issued_on": "2023-12-28",
            "issuer": "UBND huyện Tiên Lữ",
            "title": "cải cách hành chính nhà nước huyện Tiên Lữ năm 2024",
        },
    ],
    "purposes": [
        "Nâng cao nhận thức, trách nhiệm của tập thể lãnh đạo, người đứng đầu, của cán bộ, công"
        " chức, viên chức trong cơ quan hành chính nhà nước các cấp và nhân dân về ý nghĩa, mục"
        " tiêu, tầm quan trọng của công tác CCHC đối với sự nghiệp phát triển kinh tế - xã hội"
        " của huyện; từ đó phát huy hết khả năng để triển khai thực hiện hiệu quả Kế hoạch CCHC"
        " năm 2024 của xã.",
        "Tăng cường công tác phối hợp với cơ quan thông tin, truyền thông để phản ánh và biểu"
        " dương kịp thời các đơn vị, cá nhân gương mẫu, có thành tích xuất sắc trong công tác"
        " CCHC ở các đơn vị, các ngành. Phát huy vai trò của đài truyền thanh của xã trong việc"
        " tuyên truyền kịp thời về nhiệm vụ trọng tâm và kết quả CCHC, góp phần thực hiện có"
        " hiệu quả Kế hoạch CCHC năm 2024 của xã.",
        "Tăng cường sự hiểu biết, tham gia góp ý của người dân, tổ chức về CCHC, trọng tâm là"
        " cải cách thủ tục hành chính (TTHC); lợi ích của việc sử dụng các dịch vụ công được cơ"
        " quan hành chính nhà nước cung cấp, khuyến khích người dân, tổ chức sử dụng dịch vụ công"
        " trực tuyến, tiết kiệm chi phí của người dân, tổ chức và nguồn lực xã hội.",
    ],
    "requirements": [
        "Tuyên truyền CCHC phải gắn với lộ trình thực hiện các mục tiêu, nhiệm vụ của Chương"
        " trình tổng thể CCHC nhà nước, Kế hoạch CCHC nhà nước tỉnh, huyện giai đoạn 2021-2025,"
        " Kế hoạch CCHC nhà nước tỉnh, huyện năm 2024.",
        "Công tác tuyên truyền CCHC phải được triển khai các nội dung thiết thực, kịp thời theo"
        " tiến độ đề ra. Thực hiện tuyên truyền sâu rộng, có hiệu quả, phù hợp với yêu cầu, đặc"
        " điểm, nhiệm vụ của từng đối tượng, từng ngành, từng địa phương, trong mọi tầng lớp nhân"
        " dân và cán bộ, công chức, viên chức nhằm đáp ứng kịp thời, đầy đủ nhu cầu trong việc"
        " nắm bắt, tìm hiểu thông tin về công tác CCHC nhà nước.",
        # Joined across the page break ("đổi mới nội / 2 / dung").
        "Tăng cường các lực lượng tham gia công tác tuyên truyền; đổi mới nội dung và hình thức"
        " tuyên truyền; kết hợp công tác tuyên truyền về CCHC lồng ghép với việc phổ biến, tuyên"
        " truyền, giáo dục về các chủ trương, chính sách của Đảng và pháp luật của Nhà nước.",
    ],
    "topics": [
        "direction",
        "reform",
        "reform.institutions",
        "reform.procedures",
        "reform.apparatus",
        "reform.civil_service",
        "reform.public_finance",
        "reform.digital_government",
        "legal_dissemination",
        "index.par",
        "index.sipas",
    ],
    "budget": {
        "sources": ["dự toán ngân sách chi cho hoạt động CCHC"],
        "estimate_vnd": None,
        "note": (
            "Các cơ quan, đơn vị; UBND xã, dựn dự toán kinh phí thực hiện tuyên truyền đề nghị"
            " UBND huyện bổ sung vào dự toán ngân sách chi cho hoạt động CCHC."
        ),
    },
    "recipients": [
        "Thường trực Đảng ủy",
        "Thường trực HĐND xã",
        "Chủ tịch, các Phó CT UBND xã",
        "Ủy ban MTTQ Việt Nam xã",
        "Các chuyên môn thuộc xã",
        "Đài Truyền thanh xã",
        "Công Thông tin điện tử xã",
        "Lưu: VT",
    ],
    "tasks": [
        _task(
            "1",
            "Các cơ quan, đơn vị; UBND xã",
            YEAR_2024,
            content=_lines(
                "Thủ trưởng các cơ quan, đơn vị thuộc UBND xã; Chủ tịch UBND xã, trực tiếp chỉ đạo"
                " xây dựng Kế hoạch tuyên truyền CCHC của cơ quan, đơn vị và chịu trách nhiệm về"
                " công tác thông tin, tuyên truyền CCHC trong phạm vi, nhiệm vụ được giao.",
                "Định kỳ theo quý, báo cáo tình hình, kết quả thực hiện công tác thông tin, tuyên"
                " truyền CCHC của đơn vị mình (lồng ghép nội dung vào báo cáo CCHC định kỳ hoặc"
                " theo yêu cầu chuyên đề) gửi Phòng Nội vụ để tổng hợp, báo cáo UBND huyện và tỉnh"
                " theo quy định.",
                "Chỉ đạo thông tin, tuyên truyền đầy đủ, cập nhật kịp thời về tình hình, kết quả"
                " thực hiện CCHC. Thiết lập các kênh tiếp nhận, phản hồi ý kiến, kiến nghị của cá"
                " nhân, tổ chức về các quy định liên quan đến CCHC tại trụ sở, và trên Trang thông"
                " tin điện tử của các cơ quan, đơn vị.",
                "Lồng ghép công tác tuyên truyền CCHC vào công tác tuyên truyền, phổ biến, giáo"
                " dục pháp luật; hoạt động tiếp xúc doanh nghiệp; chủ động phối hợp với các tổ"
                " chức đoàn thể trong việc tuyên truyền các nội dung phù hợp với từng ngành, từng"
                " cấp.",
                "Bố trí và sử dụng cán bộ, công chức, viên chức có năng lực, hiểu biết kiến thức"
                " pháp luật để thực hiện tuyên truyền, hướng dẫn và báo cáo.",
                "Gắn công tác tuyên truyền CCHC với công tác thi đua, khen thưởng trong hoạt động"
                " của các cơ quan, tổ chức, đơn vị.",
            ),
            # A commune has no subordinate units: "UBND xã" is the committee itself.
            lead="lexa.ubnd",
            lead_text="Các cơ quan, đơn vị; UBND xã",
            channel_types=("e_portal",),
            topics=("direction",),
        ),
        _task(
            "2",
            "Công chức VP-TK",
            YEAR_2024,
            content=_lines(
                "Có trách nhiệm theo dõi, hướng dẫn, đôn đốc, cán bộ, công chức, các ngành, đơn"
                " vị, thuộc UBND xã, triển khai thực hiện kế hoạch; định kỳ tổng hợp, báo cáo"
                " UBND .",
                "Thông tin kịp thời kết quả thực hiện công tác CCHC, giới thiệu các điển hình tốt"
                " về CCHC cho cơ quan, đơn vị, đài truyền thanh tuyên truyền.",
                "Tham mưu, phối hợp lãnh đạo UBND xã, cơ quan liên quan tổ chức hội nghị lồng ghép"
                " tuyên truyền về công tác CCHC trên địa bàn xã theo Kế hoạch của UBND huyện.",
                "Tổ chức các lớp tập huấn, bồi dưỡng, tuyên truyền các kiến thức cơ bản, nâng cao"
                " nhận thức về CCHC cho cán bộ, công chức.",
                "Tham mưu UBND xã , phối hợp với các ngành, đơn vị liên quan xây dựng, duy trì"
                " chuyên trang thông tin điện tử về CCHC của xã. Phối hợp với đài truyền thanh"
                " tuyên truyền về hoạt động kiểm soát TTHC, triển khai cơ chế một cửa, một cửa"
                " liên thông và thực hiện TTHC trên môi trường điện tử.",
            ),
            lead="lexa.vp_tk",
            lead_text="Công chức VP-TK",
            coordinators=("lexa.dai_truyen_thanh",),
            channel_types=("conference", "training", "e_portal", "radio"),
            topics=("direction", "reform.procedures"),
        ),
        _task(
            "3",
            "Công chức Văn hóa và Thông tin",
            YEAR_2024,
            content=(
                "Phối hợp với công chức VP-TK và các đơn vị có liên quan thực hiện tuyên truyền về"
                " CCHC,"
            ),
            lead="lexa.vhtt",
            lead_text="Công chức Văn hóa và Thông tin",
            coordinators=("lexa.vp_tk",),
        ),
        # Numbered 4 in the text but it names no agency: it continues item 3 (which ends in a
        # comma), so it stays with the culture and information civil servant.
        _task(
            "4",
            "Hướng dẫn cán bộ, công chức, ban ngành, các đơn vị truyền thông đẩy mạnh tuyên"
            " truyền về công tác CCHC",
            YEAR_2024,
            content=_lines(
                "Hướng dẫn cán bộ, công chức, ban ngành, các đơn vị truyền thông đẩy mạnh tuyên"
                " truyền về công tác CCHC. Hướng dẫn cơ quan, tổ chức, đơn vị thực hiện tuyên"
                " truyền về CCHC qua hệ thống đài truyền thanh xã.",
                "Chủ động phối hợp với các cơ quan, đơn vị xây dựng chuyên mục, chuyên trang tuyên"
                " truyền và phản hồi ý kiến của người dân, doanh nghiệp, các tổ chức chính trị - xã"
                " hội về thực hiện CCHC nhà nước trên địa bàn huyện",
            ),
            lead="lexa.vhtt",
            channel_types=("radio", "e_portal"),
        ),
        _task(
            "5",
            "Công chức Tư pháp",
            YEAR_2024,
            content=(
                "Lồng ghép tuyên truyền công tác CCHC với công tác tuyên truyền, phổ biến, giáo dục"
                " pháp luật trên địa bàn xã."
            ),
            lead="lexa.tu_phap",
            lead_text="Công chức Tư pháp",
            topics=("legal_dissemination",),
        ),
        _task(
            "6",
            "Công chức Tài chính – Kế hoạch",
            YEAR_2024,
            content=(
                "Bố trí kinh phí thực hiện các nhiệm vụ tuyên truyền CCHC của xã theo kế hoạch."
            ),
            lead="lexa.tckh",
            lead_text="Công chức Tài chính – Kế hoạch",
        ),
        _task(
            "7",
            "Đài Truyền thanh xã",
            YEAR_2024,
            content=_lines(
                "Phối hợp với UBND, cơ quan, đơn vị liên quan đẩy mạnh công tác tuyên truyền về"
                " CCHC bằng nhiều hình thức phong phú, đa dạng như: Đưa tin, bài về công tác CCHC"
                " của các cơ quan đơn vị, trong chương trình phát truyền thanh hàng ngày, kết hợp"
                " với các bài tuyên truyền khác trên sóng truyền thanh để tuyên truyền về CCHC.",
                "Xây dựng chuyên trang, chuyên mục về CCHC để tăng cường tuyên truyền các nội dung"
                " về CCHC trên Đài truyền thanh và Cổng thông tin điện tử xã nhằm nâng cao nhận"
                " thức của cán bộ, công chức, viên chức và Nhân dân về công tác CCHC; phát hiện,"
                " biểu dương những điển hình tiên tiến, nhân tố mới đồng thời đấu tranh chống các"
                " hành vi vi phạm pháp luật, các hiện tượng tiêu cực trong triển khai, thực hiện"
                " công tác CCHC; tiếp nhận ý kiến phản hồi của người dân, doanh nghiệp, các cơ"
                " quan, tổ chức về thực hiện CCHC trên địa bàn xã.",
            ),
            # "trong chương trình phát truyền thanh hàng ngày": the station airs every day.
            recurrence="daily",
            lead="lexa.dai_truyen_thanh",
            lead_text="Đài Truyền thanh xã",
            coordinators=("lexa.ubnd",),
            channel_types=("radio", "e_portal"),
        ),
    ],
}

# Dependency order: a plan's parent comes before it.
PLANS: list[PlanSeed] = [
    TIENLU_167,
    TIENLU_184,
    DONGHOA_24,
    HANOI_145,
    SONGMA_33,
    DONGHOA_2022,
    TRABONG_2022,
    LEXA_17,
]
