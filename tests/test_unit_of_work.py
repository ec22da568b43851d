"""The request's unit of work is committed before the response: a failing commit is never a 2xx."""

import asyncio
import os
import subprocess
import sys

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, select

from app.core.db import dispose, make_engine, open_reads
from app.core.reads import AsyncReads
from app.core.settings import PUBLISHED_DEV_SECRET, ROOT, get_settings
from app.main import create_app
from app.users.models import Agency
from tests.conftest import TEST_URL
from tests.helpers import unit_id


def test_commit_failing_as_busy_answers_503_with_retry_after_and_keeps_nothing(
    client: TestClient,
    db: Session,
    auth,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    headers = auth("admin")
    lexa = unit_id(db, "commune", "12352")

    def refuse() -> None:
        raise OperationalError("COMMIT", {}, Exception("database is locked"))

    monkeypatch.setattr(db, "commit", refuse)
    response = client.post(
        "/api/v1/agencies",
        json={"unit_id": lexa, "name": "Đoàn Thanh niên xã", "kind": "mass_organisation"},
        headers=headers,
    )
    assert (response.status_code, response.json()["code"]) == (503, "database_busy")
    assert response.headers["Retry-After"] == "1"
    monkeypatch.undo()
    assert db.exec(select(Agency).where(Agency.name == "Đoàn Thanh niên xã")).first() is None


def test_commit_failing_on_a_constraint_answers_409_and_keeps_nothing(
    client: TestClient,
    db: Session,
    auth,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    lexa = unit_id(db, "commune", "12352")

    def refuse() -> None:
        raise IntegrityError("COMMIT", {}, Exception("duplicate key"))

    monkeypatch.setattr(db, "commit", refuse)
    response = client.post(
        "/api/v1/agencies",
        json={"unit_id": lexa, "name": "Hội Nông dân xã", "kind": "mass_organisation"},
        headers=auth("admin"),
    )
    assert (response.status_code, response.json()["code"]) == (409, "integrity_conflict")
    monkeypatch.undo()
    assert db.exec(select(Agency).where(Agency.name == "Hội Nông dân xã")).first() is None


def test_production_refuses_the_default_secret_without_printing_it() -> None:
    env = {**os.environ, "CCHC_ENV": "production"}
    env.pop("CCHC_SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-m", "app", "serve", "--port", "8999"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "CCHC_SECRET_KEY must be set" in result.stderr
    assert PUBLISHED_DEV_SECRET not in result.stdout + result.stderr


def test_every_pooled_connection_busy_answers_503_not_500(auth) -> None:  # type: ignore[no-untyped-def]
    """A sync route's session waits for the engine's pool: when every connection stays busy it
    answers 503 with Retry-After, not a 500 (the caller is read on the reads' pool, free)."""
    headers = auth("admin")
    small = create_engine(TEST_URL, pool_size=1, max_overflow=0, pool_timeout=0.2)
    try:
        with small.connect(), TestClient(create_app(engine=small)) as client:
            response = client.get("/api/v1/agencies", params={"limit": 1}, headers=headers)
        assert (response.status_code, response.json()["code"]) == (503, "database_busy")
        assert response.headers["Retry-After"] == "1"
    finally:
        small.dispose()


@pytest.mark.skipif(
    TEST_URL.startswith("sqlite"), reason="SQLite reads use the engine's pool (test above)"
)
def test_every_reads_connection_busy_answers_503_not_500(
    auth,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The async driver's pool of the reads, sized by CCHC_DB_POOL_SIZE and
    CCHC_DB_MAX_OVERFLOW, waits CCHC_DB_POOL_TIMEOUT for a connection, then answers 503 too."""
    headers = auth("admin")
    monkeypatch.setenv("CCHC_DB_POOL_SIZE", "1")
    monkeypatch.setenv("CCHC_DB_MAX_OVERFLOW", "0")
    monkeypatch.setenv("CCHC_DB_POOL_TIMEOUT", "0.2")
    get_settings.cache_clear()
    engine = make_engine(TEST_URL)

    async def while_busy() -> httpx.Response:
        reads = open_reads(engine)
        app = create_app(engine=engine)
        app.state.reads = reads
        transport = httpx.ASGITransport(app=app)
        try:
            assert isinstance(reads, AsyncReads)
            async with (
                httpx.AsyncClient(transport=transport, base_url="http://api") as c,
                reads.engine.connect(),  # the pool's one connection, held
            ):
                return await c.get("/api/v1/plans?limit=1", headers=headers)
        finally:
            await reads.close()

    try:
        response = asyncio.run(while_busy())
        assert (response.status_code, response.json()["code"]) == (503, "database_busy")
        assert response.headers["Retry-After"] == "1"
    finally:
        dispose(engine)
        monkeypatch.undo()
        get_settings.cache_clear()
