"""Engine, sessions and the one place a request's unit of work is committed."""

from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, Protocol, Self
from weakref import WeakKeyDictionary

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Request, Response
from sqlalchemy import Connection, Engine, Executable, MetaData, Row, event
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import declared_attr
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, SQLModel, create_engine
from starlette.concurrency import run_in_threadpool

from app.core.errors import (
    AppError,
    Conflict,
    PreconditionFailed,
    ServiceUnavailable,
    problem_response,
)
from app.core.reads import AsyncReads, Program, Reads, ThreadReads, run
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


def _sqlite_begin(conn: Connection) -> None:
    # A deferred transaction that reads and then writes cannot wait for the write lock (SQLite
    # answers "database is locked" at once, whatever busy_timeout says). A write request
    # therefore takes the lock when it begins: writers queue for up to busy_timeout instead.
    immediate = conn.get_execution_options().get(IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


IMMEDIATE = "cchc_begin_immediate"


def _pooling(echo: bool) -> dict[str, Any]:
    # No ping round trip per checkout: connections are recycled before idle ones get closed,
    # and a connection found dead anyway (OperationalError) answers 503 with Retry-After; the
    # pool drops it and the client's retry gets a fresh one.
    # A writer waiting for a row lock gives up after 5 s (503, retry) rather than hanging.
    settings = get_settings()
    return {
        "echo": echo,
        "pool_size": settings.db_pool_size,
        "max_overflow": settings.db_max_overflow,
        "pool_timeout": settings.db_pool_timeout_seconds,
        "pool_recycle": settings.db_pool_recycle_seconds,
        "connect_args": {"options": "-c lock_timeout=5000"},
    }


def make_engine(url: str, echo: bool = False) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    pooling = _pooling(echo)
    engine = create_engine(url, **pooling)
    # Reads get a pool of their own whose connections are in autocommit from the start: a
    # checkout and a checkin then change no connection state (the shared pool set and reset the
    # isolation level and rolled back on every return, a tenth of a read's time).
    _READERS[engine] = create_engine(
        url, isolation_level="AUTOCOMMIT", pool_reset_on_return=None, **pooling
    )
    return engine


_READERS: "WeakKeyDictionary[Engine, Engine]" = WeakKeyDictionary()


def dispose(engine: Engine) -> None:
    """Close the pooled connections of an engine and of its reads' pool (before a database the
    engine served is dropped, or at the end of a test run)."""
    reader = _READERS.pop(engine, None)
    if reader is not None:
        reader.dispose()
    engine.dispose()


@lru_cache
def get_engine() -> Engine:
    settings = get_settings()
    if settings.is_sqlite:
        from app.core.settings import ROOT

        (ROOT / "var").mkdir(exist_ok=True)
    return make_engine(settings.database_url, echo=settings.sql_echo)


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@lru_cache(maxsize=16)
def writer_bind(engine: Engine) -> Engine:
    """The engine a write request's session uses: on SQLite it begins IMMEDIATE."""
    return engine.execution_options(**{IMMEDIATE: True})


@lru_cache(maxsize=16)
def reader_bind(engine: Engine) -> Engine:
    """The engine a read request's session uses. On Postgres it runs in autocommit: at READ
    COMMITTED every statement sees its own snapshot anyway, so a transaction around a read only
    adds a BEGIN and a ROLLBACK round trip to every GET. An engine made by `make_engine` has an
    autocommit pool for reads; another (a test's) runs its reads in autocommit on its own pool."""
    if engine.dialect.name != "postgresql":
        return engine
    return _READERS.get(engine) or engine.execution_options(isolation_level="AUTOCOMMIT")


@asynccontextmanager
async def unit_of_work(session: Session, *, write: bool) -> AsyncIterator[Session]:
    """One request, one transaction: rolled back on any error, committed once on success.

    The commit happens before the response is sent (the session dependency is function-scoped),
    so a failing commit answers 409/503 and a client is never told 2xx for a lost write. Commit
    and rollback talk to the database, so they run on the thread pool like the routes' work.
    """
    try:
        yield session
    except BaseException:
        await run_in_threadpool(session.rollback)
        raise
    if write:
        await run_in_threadpool(commit, session)


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's session, opened and closed on the event loop: making a session touches no
    connection, and closing one that has committed, rolled back or only read in autocommit hands
    its connection back to the pool without a round trip. So a read costs the thread pool one
    hop for its caller and one for its route, not two more for its session."""
    engine: Engine = getattr(request.app.state, "engine", None) or get_engine()
    write = request.method not in SAFE_METHODS
    bind = writer_bind(engine) if write else reader_bind(engine)
    session = Session(bind, expire_on_commit=False)
    try:
        async with unit_of_work(session, write=write):
            yield session
    finally:
        session.close()


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def open_reads(engine: Engine) -> Reads:
    """Where the app's read programs run (core.reads): on Postgres the async driver, with a pool
    of its own in autocommit; on SQLite the thread pool, each program on a connection of the
    engine's pool.

    The async pool keeps all its connections (`CCHC_DB_POOL_SIZE` plus the overflow, the most
    the other pools may open) and has no overflow of its own: a program holds a connection only
    while its statements run, and one that finds them all busy waits on the event loop, which
    costs nothing. Overflow connections would be opened and closed under load: at 32 clients
    that churn held the plans list at 340 req/s, against 450 without it."""
    if engine.dialect.name == "postgresql":
        pooling = _pooling(bool(engine.echo))
        pooling.update(pool_size=pooling["pool_size"] + pooling.pop("max_overflow"))
        return AsyncReads(
            create_async_engine(
                engine.url,
                isolation_level="AUTOCOMMIT",
                pool_reset_on_return=None,
                max_overflow=0,
                **pooling,
            )
        )
    return ThreadReads(engine.connect)


@asynccontextmanager
async def serving_reads(app: FastAPI) -> AsyncIterator[None]:
    """The app's lifespan: its reads open with it, in its event loop (an async driver's
    connections belong to one loop), and their pool closes when it stops. Lifespans may overlap
    (two test clients of one app): each closes its own reads, and the latest stays in use."""
    reads = app.state.reads = open_reads(app.state.engine or get_engine())
    try:
        yield
    finally:
        await reads.close()
        if app.state.reads is reads:
            app.state.reads = None


async def get_reads(request: Request) -> Reads:
    """The app's reads (async: a sync dependency would cost a thread-pool hop per request). An
    app called without its lifespan (no startup ran) reads on the thread pool."""
    reads: Reads | None = getattr(request.app.state, "reads", None)
    if reads is None:
        engine: Engine = request.app.state.engine or get_engine()
        reads = request.app.state.reads = ThreadReads(reader_bind(engine).connect)
    return reads


ReadsDep = Annotated[Reads, Depends(get_reads)]


def rows(
    session: Session, stmt: Executable, params: Mapping[str, Any] | None = None
) -> Sequence[Row[*tuple[Any, ...]]]:
    """The rows of a statement that selects columns, run on the session's connection: the ORM's
    execution (entity loading, identity map, autoflush) is for statements that load entities,
    and costs a read of plain columns more than the database does."""
    return session.connection().execute(stmt, params).all()


def read[T](session: Session, program: Program[T]) -> T:
    """A read program (core.reads) on the session's own connection, in the calling thread: a
    write answers with what its transaction holds, committed or not."""
    return run(session.connection(), program)


def commit(session: Session) -> None:
    """Commit a unit of work; a failure is a problem (409 conflict, 412 stale, 503 busy)."""
    try:
        session.commit()
    except (IntegrityError, OperationalError, StaleDataError) as exc:
        session.rollback()
        raise database_problem(exc) from exc


def flush(session: Session) -> None:
    """Flush inside a service so constraint errors surface as 409 within the request."""
    try:
        session.flush()
    except (IntegrityError, StaleDataError) as exc:
        session.rollback()
        raise database_problem(exc) from exc


class _Lockable(Protocol):
    def with_for_update(self, *, of: Any = None) -> Self: ...

    def execution_options(self, **options: Any) -> Self: ...


def for_update[S: _Lockable](stmt: S, *of: Any) -> S:
    """Lock the selected rows until the request's transaction ends (SELECT … FOR UPDATE on
    Postgres; on SQLite a write request already holds the database's write lock), and read them
    fresh: a copy already in the session's identity map is overwritten with the locked row, so
    the checks under the lock never see a version read before it."""
    return stmt.with_for_update(of=list(of) or None).execution_options(populate_existing=True)


def table(model: type[SQLModel]) -> sa.Table:
    """A model's table, for Core bulk statements (many rows without the ORM's bookkeeping)."""
    found: sa.Table = model.__table__  # type: ignore[attr-defined]
    return found


class Versioned:
    """Optimistic concurrency in the database: every UPDATE of the row says
    `WHERE version = :loaded` and bumps it, so a stale write fails (412) whatever the timing."""

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def database_problem(exc: Exception) -> AppError:
    """The problem a database failure means to the caller (never a 500)."""
    if isinstance(exc, StaleDataError):
        return PreconditionFailed(
            "Bản ghi vừa được người khác sửa; hãy tải lại rồi sửa tiếp.", code="stale_version"
        )
    if isinstance(exc, IntegrityError):
        return Conflict(
            "Dữ liệu xung đột với bản ghi đã có (trùng hoặc đang được tham chiếu).",
            code="integrity_conflict",
        )
    return ServiceUnavailable(
        "Cơ sở dữ liệu đang bận, vui lòng thử lại sau giây lát.",
        code="database_busy",
        headers={"Retry-After": "1"},
    )


def install_database_error_handlers(app: FastAPI) -> None:
    """A constraint, stale-version or lock failure raised outside `flush`/`commit` (a bulk
    insert, a lock wait) answers the same problem as inside them."""

    async def handle(_request: Request, exc: Exception) -> Response:
        problem = database_problem(exc)
        return problem_response(
            problem.status, problem.code, problem.title, problem.detail, headers=problem.headers
        )

    # PoolTimeout: every pooled connection stayed busy for `pool_timeout` (slow queries under
    # load) — the client should come back later, as for a lock wait.
    for kind in (IntegrityError, OperationalError, StaleDataError, PoolTimeout):
        app.add_exception_handler(kind, handle)
