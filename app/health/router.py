from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.db import SessionDep
from app.core.errors import AppError, responses

router = APIRouter(tags=["health"])


class NotReady(AppError):
    status = 503
    code = "not_ready"
    title = "Chưa sẵn sàng"
    example = "Cơ sở dữ liệu chưa kết nối được hoặc chưa migrate."


class Health(BaseModel):
    status: str = Field(description="`ok` khi dịch vụ sẵn sàng.", examples=["ok"])


@router.get("/healthz", response_model=Health, summary="Tiến trình còn sống")
def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    summary="Sẵn sàng phục vụ (kết nối được cơ sở dữ liệu, đã migrate)",
    responses=responses(NotReady),
)
def readyz(session: SessionDep) -> Health:
    try:
        session.execute(text("SELECT 1 FROM alembic_version"))
    except SQLAlchemyError as exc:
        raise NotReady(NotReady.example) from exc
    return Health(status="ok")
