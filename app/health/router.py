from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.db import SessionDep
from app.core.errors import problem_response

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str = Field(description="`ok` khi dịch vụ sẵn sàng.", examples=["ok"])


@router.get("/healthz", response_model=Health, summary="Tiến trình còn sống")
def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    summary="Sẵn sàng phục vụ (kết nối được cơ sở dữ liệu, đã migrate)",
    responses={503: {"description": "Chưa sẵn sàng"}},
)
def readyz(session: SessionDep) -> Health:
    try:
        session.execute(text("SELECT 1 FROM alembic_version"))
    except SQLAlchemyError:
        return problem_response(  # type: ignore[return-value]
            503, "not_ready", "Chưa sẵn sàng", "Cơ sở dữ liệu chưa kết nối được hoặc chưa migrate."
        )
    return Health(status="ok")
