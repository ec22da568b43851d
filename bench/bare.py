"""The limit: the API's reads served by a pure ASGI app on async psycopg, nothing else.

No framework, no ORM, no pydantic. Each request does the work the API cannot avoid: verify the
bearer token (python-jose, the API's key, algorithm and options), look the caller up (the API's
statement: the user's columns and unit path by primary key), check the role, run the list SQL
(the summary columns and unit name, with the API's visibility filter for every kind of caller)
and `json.dumps` items shaped exactly like the API's (`bench.run` checks the bodies are equal).
The connections are in autocommit, so a request is its statements and no BEGIN/ROLLBACK.

Routes: GET /api/v1/plans?limit=N, /api/v1/plans/{id} (with its tasks), /api/v1/units?limit=N
and /api/v1/readyz. `bench.run` serves it with uvicorn beside the API and prints the API's
figures as a ratio to this one's:

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/cchc_bench \
        .venv/bin/python -m uvicorn bench.bare:app --port 8766
"""

import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

from jose import jwt
from jose.exceptions import JOSEError
from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool

from app.core.clock import vietnam_today
from app.core.docnumber import format_plan_number
from app.core.pagination import encode_cursor
from app.core.settings import get_settings
from app.units.models import ancestor_paths

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

PEOPLE = frozenset({"admin", "leader", "officer", "viewer"})
PLAN_READERS = PEOPLE | {"portal"}
PUBLISHED = "plan.visibility = 'public' AND plan.status IN ('issued', 'closed')"

USER_SQL = (
    "SELECT app_user.id, app_user.username, app_user.role, app_user.unit_id, app_user.agency_id, "
    "app_user.scopes, app_user.is_active, admin_unit.path FROM app_user LEFT OUTER JOIN "
    "admin_unit ON admin_unit.id = app_user.unit_id WHERE app_user.id = %s"
)
SUMMARY_COLUMNS = (
    "plan.id, plan.unit_id, unit.name, plan.number, plan.symbol, plan.title, plan.issued_on, "
    "plan.period_start, plan.period_end, plan.status, plan.visibility, plan.parent_plan_id, "
    "plan.supersedes_id, plan.task_count, plan.version"
)
LIST_SQL = (
    f"SELECT {SUMMARY_COLUMNS} FROM plan JOIN admin_unit AS unit ON unit.id = plan.unit_id "
    "WHERE {visible} ORDER BY plan.issued_on DESC NULLS LAST, plan.id DESC LIMIT %(limit)s"
)
DETAIL_SQL = (
    f"SELECT {SUMMARY_COLUMNS}, plan.place, plan.effective_on, plan.signer_name, "
    "plan.signer_title, plan.signing_mode, "
    "(SELECT later.id FROM plan AS later WHERE later.supersedes_id = plan.id "
    "AND later.status IN ('issued', 'closed') LIMIT 1), "
    "plan.legal_bases, plan.purposes, plan.requirements, "
    "ARRAY(SELECT topic.code FROM topic JOIN plan_topic ON plan_topic.topic_id = topic.id "
    "WHERE plan_topic.plan_id = plan.id ORDER BY topic.id), "
    "plan.budget, plan.recipients, plan.created_at, plan.updated_at "
    "FROM plan JOIN admin_unit AS unit ON unit.id = plan.unit_id "
    "WHERE plan.id = %(id)s AND ({visible})"
)
TASKS_SQL = (
    "SELECT id, plan_id, position, ordinal, title, content, lead_agency_id, lead_all_children, "
    "lead_text, coordinator_agency_ids, coordinate_text, recurrence, start_on, end_on, due_on, "
    "channel_types, topics, targets, budget_vnd, version "
    "FROM task WHERE plan_id = %s ORDER BY position, id"
)
# The issuing unit's lineage (app.units.reform.lineages): abolished when its validity ended before
# today, and the units that took over its area.
LINEAGE_SQL = (
    "SELECT admin_unit.valid_to, successor.id, successor.name FROM admin_unit "
    "LEFT OUTER JOIN unit_succession ON unit_succession.predecessor_id = admin_unit.id "
    "LEFT OUTER JOIN admin_unit AS successor ON successor.id = unit_succession.successor_id "
    "WHERE admin_unit.id = %s AND admin_unit.valid_to < %s ORDER BY successor.path"
)
UNITS_SQL = (
    "SELECT id, code, name, level, kind, parent_id, valid_from, valid_to, path "
    "FROM admin_unit ORDER BY path LIMIT %s"
)
DETAIL_KEYS = (
    "place",
    "effective_on",
    "signer_name",
    "signer_title",
    "signing_mode",
    "superseded_by_id",
    "legal_bases",
    "purposes",
    "requirements",
    "topics",
    "budget",
    "recipients",
    "created_at",
    "updated_at",
)
TASK_KEYS = (
    "id",
    "plan_id",
    "position",
    "ordinal",
    "title",
    "content",
    "lead_agency",
    "lead_all_children",
    "lead_text",
    "coordinators",
    "coordinate_text",
    "recurrence",
    "start_on",
    "end_on",
    "due_on",
    "channel_types",
    "topics",
    "targets",
    "budget_vnd",
    "version",
)
UNIT_KEYS = ("id", "code", "name", "level", "kind", "parent_id", "valid_from", "valid_to")
PLAN_PATH = re.compile(r"/api/v1/plans/(\d{1,10})")


class Problem(Exception):
    def __init__(self, status: int, code: str, title: str) -> None:
        super().__init__(title)
        self.status, self.code, self.title = status, code, title


UNAUTHORIZED = Problem(401, "unauthorized", "Chưa xác thực")
FORBIDDEN = Problem(403, "forbidden", "Không có quyền thực hiện")
NOT_FOUND = Problem(404, "not_found", "Không tìm thấy")
BAD_LIMIT = Problem(422, "validation_error", "Dữ liệu không hợp lệ")


def _json_value(value: Any) -> Any:
    """Dates and times as pydantic writes them (UTC as `Z`); everything else unchanged."""
    if isinstance(value, datetime):
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, date):
        return value.isoformat()
    return value


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _summary(row: tuple[Any, ...]) -> dict[str, Any]:
    """A PlanSummary, key for key, from the SUMMARY_COLUMNS of a row."""
    return {
        "id": row[0],
        "unit_id": row[1],
        "unit_name": row[2],
        "number": row[3],
        "symbol": row[4],
        "number_text": format_plan_number(row[3], row[4]),
        "title": row[5],
        "issued_on": _day(row[6]),
        "period_start": _day(row[7]),
        "period_end": _day(row[8]),
        "status": row[9],
        "visibility": row[10],
        "parent_plan_id": row[11],
        "supersedes_id": row[12],
        "task_count": row[13],
        "version": row[14],
    }


def _limit(query: dict[str, list[str]]) -> int:
    raw = query.get("limit", ["50"])[-1]
    if not raw.isdigit() or not 1 <= int(raw) <= 200:
        raise BAD_LIMIT
    return int(raw)


class Bare:
    """The ASGI app: `pool` opens at lifespan start-up, one per worker process."""

    def __init__(self, conninfo: str, secret: str, algorithm: str) -> None:
        self.secret, self.algorithm = secret, algorithm
        self.pool = AsyncConnectionPool(
            conninfo, min_size=10, max_size=10, open=False, kwargs={"autocommit": True}
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        headers = {"content-type": "application/json"}
        try:
            status, body, extra = await self._route(scope)
            headers.update(extra)
        except Problem as problem:
            status, headers["content-type"] = problem.status, "application/problem+json"
            body = {"type": "about:blank", "title": problem.title, "status": problem.status}
            body["code"] = problem.code
        payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        headers["content-length"] = str(len(payload))
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
            }
        )
        await send({"type": "http.response.body", "body": payload})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await self.pool.open(wait=True)
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.pool.close()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _route(self, scope: Scope) -> tuple[int, Any, dict[str, str]]:
        path: str = scope["path"]
        if scope["method"] != "GET":
            raise Problem(405, "method_not_allowed", "Phương thức không được hỗ trợ")
        query = parse_qs(scope["query_string"].decode("latin-1"))
        async with self.pool.connection() as conn:
            if path == "/api/v1/readyz":
                await conn.execute("SELECT 1 FROM alembic_version")
                return 200, {"status": "ok"}, {}
            if path not in ("/api/v1/plans", "/api/v1/units") and not PLAN_PATH.fullmatch(path):
                raise NOT_FOUND
            caller = await self._caller(conn, scope)
            if path == "/api/v1/units":
                return 200, await units_page(conn, _limit(query)), {}
            if not _reads_plans(caller):
                raise FORBIDDEN
            if path == "/api/v1/plans":
                return 200, await plans_page(conn, caller, _limit(query)), {}
            plan = await plan_detail(conn, caller, int(path.rsplit("/", 1)[1]))
            return 200, plan, {"etag": f'"plan-{plan["id"]}-v{plan["version"]}"'}

    async def _caller(self, conn: AsyncConnection[Any], scope: Scope) -> tuple[Any, ...]:
        """The API's get_caller: the token's subject, then its user row and unit path."""
        token = ""
        for name, value in scope["headers"]:
            if name == b"authorization" and value[:7].lower() == b"bearer ":
                token = value[7:].decode("latin-1")
        if not token:
            raise UNAUTHORIZED
        try:
            claims = jwt.decode(
                token,
                self.secret,
                algorithms=[self.algorithm],
                options={"require_exp": True, "require_sub": True},
            )
            user_id = int(claims["sub"])
        except (JOSEError, KeyError, TypeError, ValueError) as exc:
            raise UNAUTHORIZED from exc
        row: tuple[Any, ...] | None = await (await conn.execute(USER_SQL, (user_id,))).fetchone()
        if row is None or not row[6]:
            raise UNAUTHORIZED
        return row


def _reads_plans(user: tuple[Any, ...]) -> bool:
    role, scopes = user[2], user[5]
    return role in PLAN_READERS or (role == "integration" and "read" in scopes.split())


def _visible(user: tuple[Any, ...], params: dict[str, Any]) -> str:
    """The API's plan_visible as SQL text, its values added to `params`."""
    role, unit_id, unit_path = user[2], user[3], user[7]
    if role == "portal":
        return PUBLISHED
    if unit_id is None:
        return "true"
    params["path"] = unit_path
    ancestors = ancestor_paths(unit_path)
    for n, ancestor in enumerate(ancestors):
        params[f"ancestor_{n}"] = ancestor
    in_ancestors = (
        "admin_unit.path IN (" + ", ".join(f"%(ancestor_{n})s" for n in range(len(ancestors))) + ")"
        if ancestors
        else "false"
    )
    subtree = "admin_unit.path LIKE %(path)s || '%%'"
    # The units its subtree replaced in the 2025 reform: their plans are its history.
    predecessors = (
        "plan.unit_id IN (SELECT unit_succession.predecessor_id FROM unit_succession WHERE "
        f"unit_succession.successor_id IN (SELECT admin_unit.id FROM admin_unit WHERE {subtree}))"
    )
    return (
        f"plan.unit_id IN (SELECT admin_unit.id FROM admin_unit WHERE {subtree}) "
        f"OR {predecessors} "
        "OR plan.status != 'draft' AND plan.unit_id IN (SELECT admin_unit.id FROM admin_unit "
        f"WHERE {subtree} OR {in_ancestors}) OR {PUBLISHED}"
    )


async def plans_page(conn: AsyncConnection[Any], user: tuple[Any, ...], limit: int) -> Any:
    params: dict[str, Any] = {"limit": limit + 1}
    sql = LIST_SQL.format(visible=_visible(user, params))
    rows = await (await conn.execute(sql, params)).fetchall()
    items = [_summary(row) for row in rows[:limit]]
    cursor = encode_cursor([rows[limit - 1][6], rows[limit - 1][0]]) if len(rows) > limit else None
    return {"items": items, "next_cursor": cursor}


async def plan_detail(conn: AsyncConnection[Any], user: tuple[Any, ...], plan_id: int) -> Any:
    params: dict[str, Any] = {"id": plan_id}
    sql = DETAIL_SQL.format(visible=_visible(user, params))
    row = await (await conn.execute(sql, params)).fetchone()
    if row is None:
        raise NOT_FOUND
    plan = _summary(row)
    plan.update((key, _json_value(value)) for key, value in zip(DETAIL_KEYS, row[15:], strict=True))
    tasks = await (await conn.execute(TASKS_SQL, (plan_id,))).fetchall()
    wanted = {t[6] for t in tasks if t[6] is not None} | {i for t in tasks for i in t[9]}
    names: dict[int, str] = {}
    if wanted:
        cur = await conn.execute("SELECT id, name FROM agency WHERE id = ANY(%s)", (list(wanted),))
        names = dict(await cur.fetchall())

    def ref(agency_id: int | None) -> dict[str, Any] | None:
        if agency_id is None or agency_id not in names:
            return None
        return {"id": agency_id, "name": names[agency_id]}

    task_items = []
    for t in tasks:
        item = {key: _json_value(value) for key, value in zip(TASK_KEYS, t, strict=True)}
        item["lead_agency"] = ref(t[6])
        item["coordinators"] = [r for r in map(ref, t[9]) if r is not None]
        task_items.append(item)
    lineage = await (await conn.execute(LINEAGE_SQL, (row[1], vietnam_today()))).fetchall()
    abolished = (lineage[0][0] + timedelta(days=1)).isoformat() if lineage else None
    successors = [{"id": i, "name": name} for _, i, name in lineage if i is not None]
    created_at, updated_at = plan.pop("created_at"), plan.pop("updated_at")
    plan.update(unit_abolished_on=abolished, unit_successors=successors)
    plan.update(tasks=task_items, created_at=created_at, updated_at=updated_at)
    return plan


async def units_page(conn: AsyncConnection[Any], limit: int) -> Any:
    rows = await (await conn.execute(UNITS_SQL, (limit + 1,))).fetchall()
    items = [
        {key: _json_value(value) for key, value in zip(UNIT_KEYS, row, strict=False)}
        for row in rows[:limit]
    ]
    cursor = encode_cursor([rows[limit - 1][8]]) if len(rows) > limit else None
    return {"items": items, "next_cursor": cursor}


def create_app() -> Bare:
    settings = get_settings()
    conninfo = re.sub(r"^postgresql\+\w+://", "postgresql://", settings.database_url)
    return Bare(conninfo, settings.signing_key(), settings.jwt_algorithm)


app = create_app()
