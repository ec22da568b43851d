"""Idempotency-Key for retried writes (DESIGN §6): a retry gets the first answer, not a new write.

The first request with a key claims it — a row unique on (caller, route, key) — and stores its
answer in that row in the same transaction as its writes, so the answer exists exactly when the
writes do. A concurrent duplicate waits on the unique index until the first commits (Postgres; on
SQLite the write lock already queues it), then reads the stored answer; if the first request
failed, nothing was stored and the duplicate does the work itself. The same key with another body
is a 422 (`idempotency_key_reused`): a key names one request.

Retention: a key is honoured for 24 hours (`RETENTION`); an older one is a new request.
`python -m app expire-idempotency-keys` deletes expired keys (run it daily from cron).
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Header
from fastapi.responses import JSONResponse
from sqlalchemy import JSON, Column, UniqueConstraint, delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, col, select

from app.core.errors import Conflict, FieldProblem, ValidationProblem

RETENTION = timedelta(hours=24)
REPLAYED_HEADER = "Idempotent-Replayed"
REUSED = "idempotency_key_reused"

IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",
        description="Khóa do máy khách tự sinh (ví dụ một UUID) để gửi lại yêu cầu an toàn: "
        "gửi lại cùng khóa và cùng nội dung trong 24 giờ thì nhận lại đúng câu trả lời lần đầu "
        f"(kèm header `{REPLAYED_HEADER}: true`) mà không ghi thêm; cùng khóa với nội dung khác "
        "là lỗi 422 `idempotency_key_reused`.",
        examples=["2f1c7c1e-9a57-4c1b-8f0e-3d8a4b6e2a10"],
    ),
]


def _now() -> datetime:
    return datetime.now(UTC)


class IdempotencyRecord(SQLModel, table=True):
    __tablename__ = "idempotency_key"
    __table_args__ = (UniqueConstraint("caller_id", "route", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    # The user (or service account) whose key it is: two callers never share answers.
    caller_id: int
    route: str = Field(max_length=120)
    key: str = Field(max_length=200)
    request_hash: str = Field(max_length=64)
    status_code: int | None = Field(default=None)
    response: Any = Field(default=None, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=_now, index=True)


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any


@dataclass(frozen=True)
class Claim:
    """This request's hold on its key (none without a key), or the answer stored before."""

    record: IdempotencyRecord | None
    replay: Answer | None = None


def request_hash(payload: Any) -> str:
    """A digest of the request body as JSON values, so spacing and key order do not matter."""
    canonical = json.dumps(
        payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _stored(session: Session, caller_id: int, route: str, key: str) -> IdempotencyRecord | None:
    stmt = select(IdempotencyRecord).where(
        IdempotencyRecord.caller_id == caller_id,
        IdempotencyRecord.route == route,
        IdempotencyRecord.key == key,
    )
    return session.exec(stmt.execution_options(populate_existing=True)).first()


def claim(session: Session, *, caller_id: int, route: str, key: str | None, payload: Any) -> Claim:
    """Claim `key` for this request, or return the answer a first request stored under it."""
    if key is None:
        return Claim(None)
    digest = request_hash(payload)
    session.execute(
        delete(IdempotencyRecord).where(
            col(IdempotencyRecord.caller_id) == caller_id,
            col(IdempotencyRecord.route) == route,
            col(IdempotencyRecord.key) == key,
            col(IdempotencyRecord.created_at) < _now() - RETENTION,
        )
    )
    record = _stored(session, caller_id, route, key)
    if record is None:
        mine = IdempotencyRecord(caller_id=caller_id, route=route, key=key, request_hash=digest)
        try:
            with session.begin_nested():
                session.add(mine)
                session.flush()
        except IntegrityError:
            # A concurrent request with this key committed first: its answer is ours.
            record = _stored(session, caller_id, route, key)
            if record is None:  # pragma: no cover - the unique index named a row we cannot see
                raise
        else:
            return Claim(mine)
    if record.request_hash != digest:
        message = (
            "Khóa Idempotency-Key này đã dùng cho một yêu cầu có nội dung khác; hãy dùng khóa "
            "mới cho yêu cầu mới."
        )
        raise ValidationProblem(
            message,
            code=REUSED,
            errors=[FieldProblem(field="header.Idempotency-Key", message=message, type=REUSED)],
        )
    if record.status_code is None:  # pragma: no cover - answers are stored with their writes
        raise Conflict("Yêu cầu với khóa này đang được xử lý; hãy thử lại sau giây lát.")
    return Claim(record, Answer(record.status_code, record.response))


def store(session: Session, held: Claim, answer: Answer) -> None:
    """Keep `answer` under the claimed key, in the transaction that made the writes."""
    if held.record is None:
        return
    held.record.status_code = answer.status
    held.record.response = answer.body
    session.add(held.record)
    session.flush()


def respond(answer: Answer, *, replayed: bool = False) -> JSONResponse:
    headers = {REPLAYED_HEADER: "true"} if replayed else None
    return JSONResponse(answer.body, status_code=answer.status, headers=headers)


def expire(session: Session, now: datetime | None = None) -> int:
    """Delete keys past their retention; returns how many."""
    cutoff = (now or _now()) - RETENTION
    result = session.execute(
        delete(IdempotencyRecord).where(col(IdempotencyRecord.created_at) < cutoff)
    )
    return int(getattr(result, "rowcount", 0) or 0)
