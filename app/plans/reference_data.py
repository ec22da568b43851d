"""Reference data: topics, channel types and indicators, as the seed plans name them."""

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Topic:
    code: str
    name: str
    name_en: str
    parent_code: str | None
    ordinal: int


@dataclass(frozen=True)
class ChannelTypeRef:
    code: str
    name: str
    name_en: str


@dataclass(frozen=True)
class IndicatorRef:
    code: str
    name: str
    unit: str
    aggregation: Literal["sum", "max"]
    source: Literal["activities", "manual"]


def _children(parent: str | None, items: list[tuple[str, str, str]]) -> tuple[Topic, ...]:
    return tuple(
        Topic(code, name, name_en, parent, ordinal)
        for ordinal, (code, name, name_en) in enumerate(items, start=1)
    )


_ROOTS = _children(
    None,
    [
        ("direction", "Lãnh đạo, chỉ đạo, điều hành CCHC", "Direction and leadership"),
        (
            "reform",
            "Sáu nội dung CCHC theo Nghị quyết 76/NQ-CP",
            "The six reform areas (Resolution 76/NQ-CP)",
        ),
        ("legal_dissemination", "Phổ biến, giáo dục pháp luật", "Legal dissemination"),
        ("index", "Các chỉ số", "Indices"),
    ],
)

# The six areas of the Master Programme 2021–2030 (Resolution 76/NQ-CP, section II).
_REFORM = _children(
    "reform",
    [
        ("reform.institutions", "Cải cách thể chế", "Institutional reform"),
        ("reform.procedures", "Cải cách thủ tục hành chính", "Administrative procedures"),
        (
            "reform.apparatus",
            "Cải cách tổ chức bộ máy hành chính nhà nước",
            "Organisational apparatus",
        ),
        ("reform.civil_service", "Cải cách chế độ công vụ", "Civil service"),
        ("reform.public_finance", "Cải cách tài chính công", "Public finance"),
        (
            "reform.digital_government",
            "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
            "E-government and digital government",
        ),
    ],
)

_INDICES = _children(
    "index",
    [
        ("index.par", "Chỉ số cải cách hành chính (PAR INDEX)", "PAR INDEX"),
        (
            "index.sipas",
            "Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước"
            " (SIPAS)",
            "SIPAS",
        ),
        ("index.papi", "Chỉ số hiệu quả quản trị và hành chính công (PAPI)", "PAPI"),
        ("index.pci", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "PCI"),
        ("index.ddci", "Chỉ số năng lực cạnh tranh cấp huyện (DDCI)", "DDCI"),
    ],
)

# PAPI's eight dimensions, named as the Trà Bồng plan names them (section II.2).
_PAPI = _children(
    "index.papi",
    [
        (
            "papi.participation",
            "Tham gia của người dân ở cấp cơ sở",
            "Participation at local levels",
        ),
        (
            "papi.transparency",
            "Công khai, minh bạch trong hoạch định chính sách",
            "Transparency in decision-making",
        ),
        (
            "papi.accountability",
            "Trách nhiệm giải trình với người dân",
            "Vertical accountability towards citizens",
        ),
        (
            "papi.corruption_control",
            "Kiểm soát tham nhũng trong khu vực công",
            "Control of corruption in the public sector",
        ),
        ("papi.procedures", "Thủ tục hành chính công", "Public administrative procedures"),
        ("papi.public_services", "Cung ứng dịch vụ công", "Public service delivery"),
        ("papi.environment", "Quản trị môi trường", "Environmental governance"),
        ("papi.e_governance", "Quản trị điện tử", "E-governance"),
    ],
)

# PCI's ten sub-indices; the Trà Bồng plan (section II.3) names all but "Chi phí thời gian".
_PCI = _children(
    "index.pci",
    [
        ("pci.market_entry", "Gia nhập thị trường", "Market entry"),
        ("pci.land_access", "Tiếp cận đất đai", "Land access"),
        ("pci.transparency", "Tính minh bạch", "Transparency"),
        ("pci.time_costs", "Chi phí thời gian", "Time costs"),
        ("pci.informal_charges", "Chi phí không chính thức", "Informal charges"),
        ("pci.equal_competition", "Cạnh tranh bình đẳng", "Policy bias (equal competition)"),
        (
            "pci.proactivity",
            "Tính năng động của chính quyền địa phương",
            "Proactivity of local government",
        ),
        ("pci.business_support", "Dịch vụ hỗ trợ doanh nghiệp", "Business support services"),
        ("pci.labor_training", "Đào tạo lao động", "Labour policy and training"),
        (
            "pci.legal_institutions",
            "Thiết chế pháp lý và an ninh trật tự",
            "Legal institutions and law and order",
        ),
    ],
)

TOPICS: tuple[Topic, ...] = (
    *_ROOTS,
    *_REFORM,
    *_INDICES,
    *_PAPI,
    *_PCI,
)

CHANNEL_TYPES: tuple[ChannelTypeRef, ...] = (
    ChannelTypeRef("radio", "Đài phát thanh, truyền thanh, loa", "Radio and loudspeakers"),
    ChannelTypeRef("television", "Truyền hình", "Television"),
    ChannelTypeRef("e_portal", "Cổng/Trang thông tin điện tử", "E-portal or website"),
    ChannelTypeRef("press", "Báo chí", "Press"),
    ChannelTypeRef("social_media", "Mạng xã hội", "Social media page"),
    ChannelTypeRef("leaflet", "Tờ gấp, tờ rơi", "Leaflet"),
    ChannelTypeRef("poster", "Pa nô, áp phích, băng rôn", "Poster, billboard or banner"),
    ChannelTypeRef("bulletin", "Bản tin", "Bulletin"),
    ChannelTypeRef("training", "Lớp tập huấn, bồi dưỡng", "Training course"),
    ChannelTypeRef("conference", "Hội nghị, hội thảo", "Conference or seminar"),
    ChannelTypeRef("contest", "Cuộc thi", "Contest"),
    ChannelTypeRef("press_conference", "Họp báo", "Press conference"),
    ChannelTypeRef("video", "Phóng sự, video clip", "Reportage or video clip"),
    ChannelTypeRef(
        "notice_board", "Niêm yết tại Bộ phận Một cửa", "Notice board at the one-stop shop"
    ),
    ChannelTypeRef("hotline", "Đường dây nóng", "Hotline"),
    ChannelTypeRef("community_meeting", "Họp thôn, bản, tổ dân phố", "Village or ward meeting"),
    ChannelTypeRef(
        "political_course",
        "Lớp bồi dưỡng tại Trung tâm Chính trị",
        "Course at the political centre",
    ),
    ChannelTypeRef("official_email", "Thư điện tử công vụ", "Official e-mail"),
    ChannelTypeRef("stage_show", "Chương trình sân khấu", "Stage show"),
)

INDICATORS: tuple[IndicatorRef, ...] = (
    IndicatorRef("articles", "Tin, bài", "tin, bài", "sum", "activities"),
    IndicatorRef("broadcasts", "Buổi phát thanh, truyền hình", "buổi", "sum", "activities"),
    IndicatorRef("trainings", "Lớp tập huấn, bồi dưỡng", "lớp", "sum", "activities"),
    IndicatorRef("participants", "Người tham dự", "lượt người", "sum", "activities"),
    IndicatorRef("leaflets", "Tờ gấp, tờ rơi phát hành", "tờ", "sum", "activities"),
    IndicatorRef("posters", "Pa nô, áp phích, băng rôn", "cái", "sum", "activities"),
    IndicatorRef("contests", "Cuộc thi", "cuộc", "sum", "activities"),
    IndicatorRef("conferences", "Hội nghị, hội thảo", "cuộc", "sum", "activities"),
    IndicatorRef("videos", "Phóng sự, video clip", "video", "sum", "activities"),
    IndicatorRef("feedback_received", "Phản ánh, kiến nghị tiếp nhận", "ý kiến", "sum", "manual"),
    IndicatorRef("feedback_answered", "Phản ánh, kiến nghị đã trả lời", "ý kiến", "sum", "manual"),
    IndicatorRef("budget_spent", "Kinh phí đã chi", "đồng", "sum", "activities"),
)

TOPIC_CODES = frozenset(t.code for t in TOPICS)
CHANNEL_TYPE_CODES = frozenset(c.code for c in CHANNEL_TYPES)
INDICATOR_CODES = frozenset(i.code for i in INDICATORS)
