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

from app.core.db import rows
from app.core.errors import ValidationProblem
from app.core.reads import Program, Rows
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

    def equal(self, name: str) -> ColumnElement[bool]:
        """Rows whose key equals the value of parameter `name`."""
        return self.expression == bindparam(name)  # type: ignore[no-any-return]

    def beyond(self, name: str) -> ColumnElement[bool]:
        """Rows after the (non-NULL) value of parameter `name` in this key's order."""
        value: Any = bindparam(name)
        step = self.expression < value if self.descending else self.expression > value
        return or_(step, self.expression.is_(None)) if self.nullable else step

    def order(self) -> Any:
        ordered = self.expression.desc() if self.descending else self.expression.asc()
        return ordered.nulls_last() if self.nullable else ordered


def _after_param(i: int) -> str:
    return f"page_after_{i}"


def _cursor_values(
    keys: Sequence[SortKey], cursor: str | None, limit: int
) -> tuple[tuple[bool, ...] | None, dict[str, Any]]:
    """Which of the cursor's key values are NULL (None for the first page), and the page's
    parameters: `page_limit` and each non-NULL key value, parsed back from the cursor's JSON."""
    after = decode_cursor(cursor, len(keys))
    params: dict[str, Any] = {"page_limit": limit + 1}
    if after is None:
        return None, params
    try:
        for i, (key, raw) in enumerate(zip(keys, after, strict=True)):
            if raw is not None:
                params[_after_param(i)] = key.parse(raw)
    except (TypeError, ValueError) as exc:
        raise invalid_cursor() from exc
    return tuple(v is None for v in after), params


def _page_statement(
    base: Select[Any], keys: Sequence[SortKey], nulls: tuple[bool, ...] | None
) -> Select[Any]:
    """`base` in keyset order, limited by `:page_limit`, strictly after the cursor's values
    (`(a > x) or (a = x and b > y) …`, each value a parameter; a NULL value makes clauses of its
    own, so which values are NULL is part of the statement's shape)."""
    stmt = base
    if nulls is not None:
        clauses = []
        for i, key in enumerate(keys):
            equal = [
                k.expression.is_(None) if nulls[j] else k.equal(_after_param(j))
                for j, k in enumerate(keys[:i])
            ]
            beyond = false() if nulls[i] else key.beyond(_after_param(i))
            clauses.append(and_(*equal, beyond))
        stmt = stmt.where(or_(*clauses))
    return stmt.order_by(*(k.order() for k in keys)).limit(bindparam("page_limit"))


def paginate[R](
    session: Session, stmt: Select[Any], keys: Sequence[SortKey], limit: int, cursor: str | None
) -> tuple[list[R], str | None]:
    """One page of `stmt` in keyset order, plus the cursor of the next page (one query)."""
    nulls, params = _cursor_values(keys, cursor, limit)
    page = _page_statement(stmt, keys, nulls)
    if _loads_entities(page):
        found: list[R] = list(session.exec(page, params=params))  # type: ignore[call-overload]
    else:
        found = list(rows(session, page, params))  # type: ignore[arg-type]
    return _page_of(found, keys, limit)


# --- lists served from statements built once per shape (see core.statements) ---------------

# A list's optional filters: each condition over named parameters, keyed by the parameter whose
# presence in a request's values says the filter applies.
Filters = Mapping[str, Callable[[], ColumnElement[bool]]]


def shaped_page(
    shape: Hashable,
    base: Callable[[], Select[Any]],
    filters: Filters,
    values: Mapping[str, Any],
    keys: Sequence[SortKey],
    limit: int,
    cursor: str | None,
) -> Program[tuple[list[Any], str | None]]:
    """One page of rows, like `paginate`, as a read program (core.reads) over a statement built
    once per shape and reused: `base()` with the `filters` whose parameter is in `values`, in
    keyset order. Its shape is `shape` (the list and the caller's scope shape), the filters
    present and the cursor's NULLs. The cursor is checked before any statement runs."""
    present = tuple(name for name in filters if name in values)
    nulls, params = _cursor_values(keys, cursor, limit)
    params.update(values)

    def build() -> Select[Any]:
        stmt = base()
        for name in present:
            stmt = stmt.where(filters[name]())
        return _page_statement(stmt, keys, nulls)

    stmt = shaped(("page", shape, present, nulls), build, params)
    found: Rows = yield stmt, params
    return _page_of(list(found), keys, limit)


def _page_of[R](found: list[R], keys: Sequence[SortKey], limit: int) -> tuple[list[R], str | None]:
    if len(found) <= limit:
        return found, None
    last = found[limit - 1]
    return found[:limit], encode_cursor([k.value(last) for k in keys])


def _loads_entities(stmt: Select[Any]) -> bool:
    """Whether a statement selects whole entities (ORM loading) rather than columns (rows run on
    the connection, without the ORM's loading machinery)."""
    return any(isinstance(d["expr"], type) for d in stmt.column_descriptions)


def by_id(column: Any, descending: bool = False) -> list[SortKey]:
    """The common order: by integer id."""
    return [SortKey(column, lambda row: row.id, descending, int)]
