"""The request's unit of work is committed before the response: a failing commit is never a 2xx."""

import os
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, select

from app.core.settings import PUBLISHED_DEV_SECRET, ROOT
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
    headers = auth("admin")
    small = create_engine(TEST_URL, pool_size=1, max_overflow=0, pool_timeout=0.2)
    try:
        with small.connect(), TestClient(create_app(engine=small)) as client:
            response = client.get("/api/v1/units", params={"limit": 1}, headers=headers)
        assert (response.status_code, response.json()["code"]) == (503, "database_busy")
        assert response.headers["Retry-After"] == "1"
    finally:
        small.dispose()
