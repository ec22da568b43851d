"""At most CCHC_ARGON2_CONCURRENCY Argon2 hashes at once; a login that waits too long is 503."""

from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.core.ratelimit import LoginCounter
from app.core.security import argon2_turn
from app.core.settings import get_settings
from tests.conftest import DEMO_PASSWORD


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CCHC_ARGON2_WAIT_SECONDS", "0.2")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


def test_a_login_that_gets_no_argon2_turn_in_time_is_503_and_not_counted(
    client: TestClient, db: Session, short_wait: None
) -> None:
    with ExitStack() as every_turn_taken:
        for _ in range(get_settings().argon2_concurrency):
            every_turn_taken.enter_context(argon2_turn())
        response = client.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": "lexa.officer", "password": DEMO_PASSWORD},
        )
    assert (response.status_code, response.json()["code"]) == (503, "service_busy")
    assert response.headers["retry-after"] == "5"
    assert response.json()["detail"] == (
        "Hệ thống đang xử lý nhiều lượt đăng nhập; hãy thử lại sau ít giây."
    )
    counter = db.get(LoginCounter, "user:lexa.officer")
    assert counter is not None and counter.failures == 0


def test_a_login_runs_while_one_turn_is_free(
    client: TestClient, db: Session, short_wait: None
) -> None:
    with argon2_turn():
        response = client.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": "lexa.officer", "password": DEMO_PASSWORD},
        )
    assert response.status_code == 200
