"""Two-database fixtures: the schema built by `alembic upgrade head`, real units and seed data,
and every test inside a transaction that is rolled back at its end (savepoints).

CCHC_TEST_DATABASE=sqlite (default) uses a temporary SQLite file; a postgresql+psycopg:// URL
uses a fresh database (`cchc_test`, or `CCHC_TEST_DBNAME`) created on that server, so two
checkouts on one machine can run their suites side by side.
"""

import os
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import nullcontext
from pathlib import Path

_target = os.environ.get("CCHC_TEST_DATABASE", "sqlite")
TEST_DBNAME = os.environ.get("CCHC_TEST_DBNAME", "cchc_test")
_tmp = Path(tempfile.mkdtemp(prefix="cchc-test-"))
if _target == "sqlite":
    TEST_URL = f"sqlite:///{_tmp / 'test.sqlite3'}"
else:
    TEST_URL = _target.rsplit("/", 1)[0] + "/" + TEST_DBNAME
os.environ["DATABASE_URL"] = TEST_URL
os.environ["CCHC_ENV"] = "test"
os.environ["CCHC_ARGON2_FAST"] = "1"
os.environ["CCHC_DEMO_PASSWORD"] = DEMO_PASSWORD = "demo-password-for-tests"
os.environ["CCHC_SECRET_KEY"] = TEST_SECRET = "test-secret-key-not-for-production"

import pytest  # noqa: E402
from alembic import command  # noqa: E402
from fastapi import FastAPI, Request  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import Connection, Engine, create_engine, event, text  # noqa: E402
from sqlmodel import Session  # noqa: E402

from app.core.db import (  # noqa: E402
    SAFE_METHODS,
    dispose,
    get_engine,
    get_reads,
    get_session,
    unit_of_work,
)
from app.core.reads import Reads, ThreadReads  # noqa: E402
from app.core.settings import ROOT  # noqa: E402
from app.main import create_app  # noqa: E402


def _recreate_postgres_database(url: str) -> None:
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {TEST_DBNAME} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {TEST_DBNAME}"))
    admin.dispose()


def alembic_config() -> "object":
    from alembic.config import Config

    return Config(str(ROOT / "alembic.ini"))


def migrate(connection: Connection, revision: str = "head", down: bool = False) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = connection  # type: ignore[attr-defined]
    if down:
        command.downgrade(cfg, revision)  # type: ignore[arg-type]
    else:
        command.upgrade(cfg, revision)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def engine() -> Iterator[Engine]:
    if not TEST_URL.startswith("sqlite"):
        _recreate_postgres_database(TEST_URL)
    eng = get_engine()
    with eng.begin() as conn:
        migrate(conn)
    from app.demo.loader import load_demo
    from app.units.loader import load_units

    with Session(eng) as session:
        load_units(session)
        load_demo(session)
        session.commit()
    yield eng
    dispose(eng)


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """A session whose commits are savepoints inside a transaction rolled back after the test."""
    connection = engine.connect()
    outer = connection.begin()
    session = Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    try:
        yield session
    finally:
        session.close()
        outer.rollback()
        connection.close()


def serve_from(app: FastAPI, db: Session) -> None:
    """Requests to `app` use the test's session inside the production unit of work: a failing
    request rolls back to the test's savepoint, a successful write commits (releases) it. Read
    programs (core.reads) run on that session's connection too, on the thread pool as they do
    on SQLite (tests/test_reads.py checks the async driver's answers against these)."""

    async def same_session(request: Request) -> AsyncIterator[Session]:
        async with unit_of_work(db, write=request.method not in SAFE_METHODS):
            yield db

    reads = ThreadReads(lambda: nullcontext(db.connection()))

    async def same_reads() -> Reads:
        return reads

    app.dependency_overrides[get_session] = same_session
    app.dependency_overrides[get_reads] = same_reads


@pytest.fixture
def client(db: Session) -> Iterator[TestClient]:
    app = create_app()
    serve_from(app, db)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


_tokens: dict[str, str] = {}


@pytest.fixture
def auth(client: TestClient) -> Callable[[str], dict[str, str]]:
    """Headers for a demo user, with a token from the real token endpoint."""

    def headers(username: str) -> dict[str, str]:
        if username not in _tokens:
            grant = (
                {
                    "grant_type": "client_credentials",
                    "client_id": username,
                    "client_secret": DEMO_PASSWORD,
                }
                if username in ("portal", "integration")
                else {"grant_type": "password", "username": username, "password": DEMO_PASSWORD}
            )
            response = client.post("/api/v1/auth/token", data=grant)
            assert response.status_code == 200, response.text
            _tokens[username] = response.json()["access_token"]
        return {"Authorization": f"Bearer {_tokens[username]}"}

    return headers


class StatementCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_args: object) -> None:
        self.count += 1


@pytest.fixture
def count_statements(engine: Engine) -> Iterator[StatementCounter]:
    counter = StatementCounter()
    event.listen(engine, "before_cursor_execute", counter)
    yield counter
    event.remove(engine, "before_cursor_execute", counter)


@pytest.fixture
def before_the_reform(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as on 1/6/2024, when the old tree was in force: tests of the workflow of the seeds'
    units (xã Lệ Xá, huyện Tiên Lữ…) create plans as those units could then. The reform's own
    tests (tests/plans/test_reform.py) run on today's date."""
    from datetime import date

    from app.units import reform

    monkeypatch.setattr(reform, "vietnam_today", lambda *_: date(2024, 6, 1))
