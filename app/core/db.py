"""Engine, sessions and the one place a request's unit of work is committed."""

from collections.abc import Iterator
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends
from sqlalchemy import Engine, MetaData, event
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, SQLModel, create_engine

from app.core.errors import Conflict
from app.core.settings import get_settings

# Stable constraint names on both databases (Alembic needs them to alter SQLite tables).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION
metadata: MetaData = SQLModel.metadata


def enum_type(enum: type[StrEnum]) -> sa.Enum:
    """Enums stored as short strings (no Postgres ENUM types: adding a value stays a no-op
    migration and downgrades leave no types behind)."""
    return sa.Enum(
        enum,
        native_enum=False,
        length=max(len(member.value) for member in enum),
        values_callable=lambda e: [member.value for member in e],
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so SAVEPOINTs work
    # (SQLAlchemy's documented pysqlite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str, echo: bool = False) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=10, max_overflow=20)


@lru_cache
def get_engine() -> Engine:
    settings = get_settings()
    if settings.is_sqlite:
        from app.core.settings import ROOT

        (ROOT / "var").mkdir(exist_ok=True)
    return make_engine(settings.database_url, echo=settings.sql_echo)


def get_session() -> Iterator[Session]:
    with Session(get_engine(), expire_on_commit=False) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def commit(session: Session) -> None:
    """Commit the request's unit of work before the response is built.

    Routes call this as their last write step, so a failing commit answers 409/503 and the
    client is never told 2xx for a write that did not happen.
    """
    try:
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise _integrity_conflict() from exc
    except OperationalError as exc:
        session.rollback()
        raise Conflict("Cơ sở dữ liệu đang bận, vui lòng thử lại.", code="database_busy") from exc


def flush(session: Session) -> None:
    """Flush inside a service so constraint errors surface as 409 within the request."""
    try:
        session.flush()
    except IntegrityError as exc:
        session.rollback()
        raise _integrity_conflict() from exc


def _integrity_conflict() -> Conflict:
    return Conflict(
        "Dữ liệu xung đột với bản ghi đã có (trùng hoặc đang được tham chiếu).",
        code="integrity_conflict",
    )
