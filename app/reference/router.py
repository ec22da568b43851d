from fastapi import APIRouter

from app.access.auth import CurrentCaller
from app.core.db import SessionDep
from app.core.errors import Unauthorized, responses
from app.core.pagination import Page, whole
from app.reference import service
from app.reference.data import LANGUAGES
from app.reference.schemas import ChannelTypeRead, IndicatorRead, LanguageRead, TopicRead

router = APIRouter(tags=["reference"])

ERRORS = responses(Unauthorized)
# Small fixed lists: every item in one page of the common envelope (`next_cursor` null).


@router.get(
    "/topics",
    response_model=Page[TopicRead],
    summary="Danh mục chủ đề (cây, mỗi mục kèm mã chủ đề cha)",
    description="Sáu nội dung CCHC theo Nghị quyết 76/NQ-CP, lãnh đạo chỉ đạo, phổ biến pháp "
    "luật, các chỉ số PAR INDEX, SIPAS, PAPI (8 nội dung), PCI (10 chỉ số thành phần), DDCI. "
    "Chủ đề cha đứng trước chủ đề con.",
    responses=ERRORS,
)
def list_topics(session: SessionDep, _caller: CurrentCaller) -> Page[TopicRead]:
    return whole(
        [
            TopicRead.model_validate({**topic.model_dump(), "parent_code": parent_code})
            for topic, parent_code in service.list_topics(session)
        ]
    )


@router.get(
    "/channel-types",
    response_model=Page[ChannelTypeRead],
    summary="Danh mục hình thức tuyên truyền, mỗi hình thức kèm các chỉ tiêu nó đếm",
    description="`counts`: các chỉ tiêu một hoạt động trên kênh loại này ghi được trong "
    "`quantities` (đài truyền thanh: buổi phát, phút, tin bài; lớp tập huấn: lớp, lượt người).",
    responses=ERRORS,
)
def list_channel_types(session: SessionDep, _caller: CurrentCaller) -> Page[ChannelTypeRead]:
    return whole([ChannelTypeRead.model_validate(c) for c in service.list_channel_types(session)])


@router.get(
    "/indicators",
    response_model=Page[IndicatorRead],
    summary="Danh mục chỉ tiêu báo cáo",
    responses=ERRORS,
)
def list_indicators(session: SessionDep, _caller: CurrentCaller) -> Page[IndicatorRead]:
    return whole([IndicatorRead.model_validate(i) for i in service.list_indicators(session)])


@router.get(
    "/languages",
    response_model=Page[LanguageRead],
    summary="Danh mục ngôn ngữ tuyên truyền",
    description="Tiếng Việt và tiếng các dân tộc thiểu số đang dùng trên các kênh ở địa bàn của "
    "các kế hoạch mẫu (Sơn La, Quảng Ngãi, Phú Yên…), theo mã ISO 639-3.",
    responses=ERRORS,
)
def list_languages(_caller: CurrentCaller) -> Page[LanguageRead]:
    return whole([LanguageRead.model_validate(language) for language in LANGUAGES])
