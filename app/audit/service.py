"""Audit entries: written in the same unit of work as the change they describe."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import insert
from sqlmodel import Session, SQLModel, col, select

from app.access.scope import Caller, subtree_filter
from app.audit.models import AuditEntry
from app.core.clock import utcnow
from app.core.db import table
from app.core.pagination import by_id, paginate

_SECRET_FIELDS = {"password_hash"}


def snapshot(row: SQLModel | BaseModel | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return row.model_dump(mode="json", exclude=_SECRET_FIELDS)


def record(
    session: Session,
    caller: Caller | None,
    action: str,
    entity: str,
    entity_id: int | None,
    unit_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            actor_id=caller.user_id if caller else None,
            actor_username=caller.username if caller else None,
            unit_id=unit_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=before,
            after=after,
        )
    )


def record_many(
    session: Session,
    caller: Caller | None,
    action: str,
    entity: str,
    entries: list[tuple[int | None, int | None, dict[str, Any] | None]],
) -> None:
    """One entry per written row — (entity id, unit id, state after) — in one bulk insert, for
    writes of many rows at once (a batch of activities)."""
    if not entries:
        return
    at = utcnow()
    session.execute(
        insert(table(AuditEntry)),
        [
            {
                "at": at,
                "actor_id": caller.user_id if caller else None,
                "actor_username": caller.username if caller else None,
                "unit_id": unit_id,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "before": None,
                "after": after,
            }
            for entity_id, unit_id, after in entries
        ],
    )


def list_entries(
    session: Session,
    caller: Caller,
    *,
    entity: str | None,
    entity_id: int | None,
    actor_id: int | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[AuditEntry], str | None]:
    stmt = select(AuditEntry)
    if not caller.is_national:
        stmt = stmt.where(subtree_filter(caller, col(AuditEntry.unit_id)))
    if entity:
        stmt = stmt.where(AuditEntry.entity == entity)
    if entity_id is not None:
        stmt = stmt.where(AuditEntry.entity_id == entity_id)
    if actor_id is not None:
        stmt = stmt.where(AuditEntry.actor_id == actor_id)
    if since is not None:
        stmt = stmt.where(col(AuditEntry.at) >= since)
    if until is not None:
        stmt = stmt.where(col(AuditEntry.at) < until)
    return paginate(session, stmt, by_id(col(AuditEntry.id), descending=True), limit, cursor)
