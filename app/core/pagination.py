"""Keyset pagination with an opaque cursor, shared by every list route."""

import base64
import json
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, Select, and_, bindparam, false, or_
from sqlmodel import Session

from app.core.errors import ValidationProblem
from app.core.statements import shaped
from app.core.text import Text

LimitParam = Annotated[
    int, Query(ge=1, le=200, description="Số bản ghi tối đa mỗi trang (1–200).", examples=[50])
]
CursorParam = Annotated[
    Text | None,
    Query(
        max_length=1000,
        description="Con trỏ trang tiếp theo lấy từ `next_cursor` của trang trước; bỏ trống "
        "(hoặc `cursor=`) là trang đầu.",
    ),
]


class Page[T](BaseModel):
    items: list[T] = Field(description="Các bản ghi của trang này.")
    next_cursor: str | None = Field(
        description="Truyền vào `cursor` để lấy trang tiếp; `null` khi đã hết."
    )


def whole[T](items: list[T]) -> Page[T]:
    """A small, bounded list (reference codes, a unit's two ancestors, its successors) in the same
    envelope as every paged list: all items at once, `next_cursor` null."""
    return Page[T].model_construct(items=items, next_cursor=None)


def invalid_cursor() -> ValidationProblem:
    return ValidationProblem.for_field(
        "query.cursor", "Con trỏ trang không hợp lệ; hãy dùng đúng `next_cursor` đã nhận."
    )


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, ensure_ascii=False, default=str, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, arity: int) -> list[Any] | None:
    """The key values of the last row of the previous page (None for the first page: no cursor
    or an empty one), or 422 for a tampered cursor."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (ValueError, UnicodeDecodeError) as exc:
        raise invalid_cursor() from exc
    if not isinstance(values, list) or len(values) != arity:
        raise invalid_cursor()
    return values


@dataclass(frozen=True)
class SortKey:
    """One column of a keyset order: the SQL expression, its direction, and how to read the
    row's value for the cursor (and back, since the cursor holds JSON)."""

    expression: Any
    value: Callable[[Any], Any]
    descending: bool = False
    parse: Callable[[Any], Any] = lambda raw: raw
    # A nullable key sorts its NULLs last, in either direction.
    nullable: bool = False

    def equal_param(self, name: str) -> ColumnElement[bool]:
        return self.expression == bindparam(name)  # type: ignore[no-any-return]

    def beyond_param(self, name: str) -> ColumnElement[bool]:
        """Rows after the (non-NULL) value of parameter `name` in this key's order."""
        value: Any = bindparam(name)
        step = self.expression < value if self.descending else self.expression > value
        return or_(step, self.expression.is_(None)) if self.nullable else step

    def equal(self, raw: Any) -> ColumnElement[bool]:
        if raw is None:
            return self.expression.is_(None)  # type: ignore[no-any-return]
        return self.expression == self.parse(raw)  # type: ignore[no-any-return]

    def beyond(self, raw: Any) -> ColumnElement[bool]:
        """Rows that come after the value `raw` in this key's order."""
        if raw is None:
            return false()
        value = self.parse(raw)
        step = self.expression < value if self.descending else self.expression > value
        return or_(step, self.expression.is_(None)) if self.nullable else step

    def order(self) -> Any:
        ordered = self.expression.desc() if self.descending else self.expression.asc()
        return ordered.nulls_last() if self.nullable else ordered


def _after(keys: Sequence[SortKey], values: list[Any]) -> ColumnElement[bool]:
    """Rows strictly after `values` in the order of `keys`: (a > x) or (a = x and b > y) …"""
    clauses = []
    for i, key in enumerate(keys):
        equal = [k.equal(values[j]) for j, k in enumerate(keys[:i])]
        clauses.append(and_(*equal, key.beyond(values[i])))
    return or_(*clauses)


def paginate[R](
    session: Session, stmt: Select[Any], keys: Sequence[SortKey], limit: int, cursor: str | None
) -> tuple[list[R], str | None]:
    """One page of `stmt` in keyset order, plus the cursor of the next page (one query)."""
    after = decode_cursor(cursor, len(keys))
    if after is not None:
        try:
            stmt = stmt.where(_after(keys, after))
        except (TypeError, ValueError) as exc:
            raise invalid_cursor() from exc
    page = stmt.order_by(*(k.order() for k in keys)).limit(limit + 1)
    if _loads_entities(page):
        rows: list[R] = list(session.exec(page))  # type: ignore[call-overload]
    else:
        rows = list(session.connection().execute(page))  # type: ignore[arg-type]
    return _page_of(rows, keys, limit)


# --- lists served from statements built once per shape (see core.statements) ---------------


def _after_param(i: int) -> str:
    return f"page_after_{i}"


def _shaped_page(base: Select[Any], keys: Sequence[SortKey], nulls: tuple[bool, ...] | None) -> Any:
    """`base` in keyset order, limited by `:page_limit`, after the cursor's values as parameters
    (a NULL value makes its own clauses, so its NULL-ness is part of the shape)."""
    stmt = base
    if nulls is not None:
        clauses = []
        for i, key in enumerate(keys):
            equal = [
                k.expression.is_(None) if nulls[j] else k.equal_param(_after_param(j))
                for j, k in enumerate(keys[:i])
            ]
            beyond = false() if nulls[i] else key.beyond_param(_after_param(i))
            clauses.append(and_(*equal, beyond))
        stmt = stmt.where(or_(*clauses))
    return stmt.order_by(*(k.order() for k in keys)).limit(bindparam("page_limit"))


def paginate_shaped[R](
    session: Session,
    shape: Hashable,
    build: Callable[[], Select[Any]],
    values: Mapping[str, Any],
    keys: Sequence[SortKey],
    limit: int,
    cursor: str | None,
) -> tuple[list[R], str | None]:
    """One page of rows, like `paginate`, from the statement `build()` makes for `shape` (built
    on the shape's first request, then reused): `values` binds its named parameters."""
    after = decode_cursor(cursor, len(keys))
    params = dict(values, page_limit=limit + 1)
    nulls = None
    if after is not None:
        nulls = tuple(v is None for v in after)
        try:
            for i, (key, raw) in enumerate(zip(keys, after, strict=True)):
                if raw is not None:
                    params[_after_param(i)] = key.parse(raw)
        except (TypeError, ValueError) as exc:
            raise invalid_cursor() from exc
    stmt = shaped(("page", shape, nulls), lambda: _shaped_page(build(), keys, nulls), params)
    rows: list[R] = list(session.connection().execute(stmt, params))  # type: ignore[arg-type]
    return _page_of(rows, keys, limit)


def _page_of[R](rows: list[R], keys: Sequence[SortKey], limit: int) -> tuple[list[R], str | None]:
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode_cursor([k.value(last) for k in keys])


def _loads_entities(stmt: Select[Any]) -> bool:
    """Whether a statement selects whole entities (ORM loading) rather than columns (rows run on
    the connection, without the ORM's loading machinery)."""
    return any(isinstance(d["expr"], type) for d in stmt.column_descriptions)


def by_id(column: Any, descending: bool = False) -> list[SortKey]:
    """The common order: by integer id."""
    return [SortKey(column, lambda row: row.id, descending, int)]
