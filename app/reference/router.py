from fastapi import APIRouter

from app.core.auth import CurrentCaller
from app.core.db import SessionDep
from app.core.errors import Unauthorized, responses
from app.reference import service
from app.reference.schemas import ChannelTypeRead, IndicatorRead, TopicRead

router = APIRouter(tags=["reference"])

ERRORS = responses(Unauthorized)


@router.get(
    "/topics",
    response_model=list[TopicRead],
    summary="Danh mục chủ đề (cây, mỗi mục kèm mã chủ đề cha)",
    description="Sáu nội dung CCHC theo Nghị quyết 76/NQ-CP, lãnh đạo chỉ đạo, phổ biến pháp "
    "luật, các chỉ số PAR INDEX, SIPAS, PAPI (8 nội dung), PCI (10 chỉ số thành phần), DDCI. "
    "Chủ đề cha đứng trước chủ đề con.",
    responses=ERRORS,
)
def list_topics(session: SessionDep, _caller: CurrentCaller) -> list[TopicRead]:
    return [
        TopicRead.model_validate({**topic.model_dump(), "parent_code": parent_code})
        for topic, parent_code in service.list_topics(session)
    ]


@router.get(
    "/channel-types",
    response_model=list[ChannelTypeRead],
    summary="Danh mục hình thức tuyên truyền",
    responses=ERRORS,
)
def list_channel_types(session: SessionDep, _caller: CurrentCaller) -> list[ChannelTypeRead]:
    return [ChannelTypeRead.model_validate(c) for c in service.list_channel_types(session)]


@router.get(
    "/indicators",
    response_model=list[IndicatorRead],
    summary="Danh mục chỉ tiêu báo cáo",
    responses=ERRORS,
)
def list_indicators(session: SessionDep, _caller: CurrentCaller) -> list[IndicatorRead]:
    return [IndicatorRead.model_validate(i) for i in service.list_indicators(session)]
