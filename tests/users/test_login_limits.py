"""Failed logins limited per username and per client address, on both counter stores.

Each test runs against the database table and against a real Redis (REDIS_URL, or the local one;
skipped only when no Redis answers). Every "replica" is a fresh app built the way production
builds one, sharing nothing with the others but the counter store.
"""

import os
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete
from sqlmodel import Session, col, select

from app.core.ratelimit import (
    LoginCounter,
    LoginThrottle,
    RedisThrottle,
    SqlThrottle,
    TooManyRequests,
    get_login_throttle,
    login_keys,
    redis_client,
)
from app.core.settings import get_settings
from app.main import create_app
from tests.conftest import DEMO_PASSWORD, serve_from

TOKEN = "/api/v1/auth/token"
WINDOW = 900
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Backend:
    name: str
    throttle: Callable[[], LoginThrottle]  # what each replica builds per request
    end_window: Callable[[], None]  # let every open window run out


def _redis() -> Any:
    client = redis_client(REDIS_URL)
    try:
        client.ping()
    except Exception:  # any failure to reach it means "no Redis here"
        pytest.skip(f"no Redis at {REDIS_URL}")
    return client


@pytest.fixture(params=["database", "redis"])
def backend(request: pytest.FixtureRequest, db: Session) -> Iterator[Backend]:
    if request.param == "database":
        clock = FakeClock()

        def advance() -> None:
            clock.now += WINDOW

        yield Backend("database", lambda: SqlThrottle(db, WINDOW, clock), advance)
        return
    client = _redis()
    prefix = f"cchc-test:{uuid.uuid4().hex}:"

    def expire_all() -> None:
        for key in client.scan_iter(match=prefix + "*"):
            client.pexpire(key, 1)
        time.sleep(0.01)

    yield Backend("redis", lambda: RedisThrottle(client, WINDOW, prefix), expire_all)
    for key in client.scan_iter(match=prefix + "*"):
        client.delete(key)


def app_on(db: Session) -> FastAPI:
    """A fresh app whose requests run in the test's session, each as its own unit of work."""
    app = create_app()
    serve_from(app, db)
    return app


def replica(db: Session, backend: Backend, address: str = "203.0.113.7") -> TestClient:
    app = app_on(db)
    app.dependency_overrides[get_login_throttle] = backend.throttle
    return TestClient(app, raise_server_exceptions=False, client=(address, 50000))


def login(client: TestClient, username: str, password: str) -> Any:
    return client.post(
        TOKEN, data={"grant_type": "password", "username": username, "password": password}
    )


def fail(client: TestClient, username: str, times: int) -> list[int]:
    return [login(client, username, f"sai-mat-khau-{n}").status_code for n in range(times)]


def retry_after(response: Any, backend: Backend) -> int:
    """Retry-After; Redis counts its TTL on its own clock, so a slow run may have used a
    few seconds of the window there (the database's clock is the test's)."""
    seconds = int(response.headers["retry-after"])
    if backend.name == "redis" and WINDOW - 10 <= seconds <= WINDOW:
        return WINDOW
    return seconds


def test_sixth_wrong_password_for_one_username_is_429_with_retry_after(
    db: Session, backend: Backend
) -> None:
    client = replica(db, backend)
    assert fail(client, "lexa.officer", 5) == [401] * 5
    response = login(client, "lexa.officer", "sai-lan-thu-sau")
    assert response.status_code == 429
    assert response.headers["content-type"].startswith("application/problem+json")
    assert retry_after(response, backend) == WINDOW
    assert response.json()["code"] == "too_many_login_failures"
    assert response.json()["detail"] == (
        "Tài khoản này đã đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút."
    )


def test_right_password_during_a_lockout_is_still_429(db: Session, backend: Backend) -> None:
    client = replica(db, backend)
    fail(client, "lexa.officer", 5)
    assert login(client, "lexa.officer", DEMO_PASSWORD).status_code == 429


def test_right_password_works_again_once_the_window_has_passed(
    db: Session, backend: Backend
) -> None:
    client = replica(db, backend)
    fail(client, "lexa.officer", 5)
    backend.end_window()
    assert login(client, "lexa.officer", DEMO_PASSWORD).status_code == 200


def test_other_usernames_from_the_same_address_are_stopped_by_the_address_limit(
    db: Session, backend: Backend
) -> None:
    client = replica(db, backend)
    spread = ["hanoi.officer", "donghoa.officer", "trabong.officer", "songma.officer", "x.y"]
    assert [code for name in spread for code in fail(client, name, 4)] == [401] * 20
    response = login(client, "lexa.officer", DEMO_PASSWORD)
    assert (response.status_code, retry_after(response, backend)) == (429, WINDOW)
    assert response.json()["detail"] == (
        "Địa chỉ này đã đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút."
    )


def test_the_username_limit_holds_whatever_address_the_guesses_come_from(
    db: Session, backend: Backend
) -> None:
    fail(replica(db, backend, "198.51.100.1"), "lexa.officer", 5)
    response = login(replica(db, backend, "198.51.100.2"), "lexa.officer", "sai-tu-noi-khac")
    assert response.status_code == 429


def test_another_replica_sees_the_lockout(db: Session, backend: Backend) -> None:
    fail(replica(db, backend), "lexa.officer", 5)
    other = replica(db, backend)
    assert login(other, "lexa.officer", DEMO_PASSWORD).status_code == 429


def test_a_successful_login_does_not_wipe_earlier_failures(db: Session, backend: Backend) -> None:
    client = replica(db, backend)
    fail(client, "lexa.officer", 4)
    assert login(client, "lexa.officer", DEMO_PASSWORD).status_code == 200
    assert fail(client, "lexa.officer", 1) == [401]
    assert login(client, "lexa.officer", DEMO_PASSWORD).status_code == 429


def test_a_locked_address_does_not_lock_the_same_user_elsewhere(
    db: Session, backend: Backend
) -> None:
    noisy = replica(db, backend, "198.51.100.9")
    for name in ("a.one", "a.two", "a.three", "a.four", "a.five"):
        fail(noisy, name, 4)
    assert login(noisy, "lexa.officer", DEMO_PASSWORD).status_code == 429
    assert login(replica(db, backend), "lexa.officer", DEMO_PASSWORD).status_code == 200


def test_wrong_client_secrets_of_a_service_account_are_limited_too(
    db: Session, backend: Backend
) -> None:
    client = replica(db, backend)
    form = {"grant_type": "client_credentials", "client_id": "portal"}
    codes = [
        client.post(TOKEN, data={**form, "client_secret": f"sai-{n}"}).status_code for n in range(6)
    ]
    assert codes == [401] * 5 + [429]


def test_concurrent_guesses_cannot_overshoot_the_limit(engine: Engine, backend: Backend) -> None:
    """Twelve simultaneous attempts on one fresh username, each on its own connection."""
    name = f"race-{uuid.uuid4().hex[:12]}"
    keys = login_keys(name, f"race-addr-{name}")

    def attempt(_: int) -> str:
        with Session(engine) as own:
            throttle = (
                SqlThrottle(own, WINDOW) if backend.name == "database" else backend.throttle()
            )
            try:
                throttle.reserve(keys)
            except TooManyRequests:
                return "429"
            return "reserved"

    try:
        with ThreadPoolExecutor(max_workers=12) as pool:
            outcomes = sorted(pool.map(attempt, range(12)))
    finally:
        with Session(engine) as own:
            own.execute(
                delete(LoginCounter).where(col(LoginCounter.key).in_([k.key for k in keys]))
            )
            own.commit()
    assert outcomes == ["429"] * 7 + ["reserved"] * 5


def test_counters_whose_window_ended_are_deleted(db: Session) -> None:
    clock = FakeClock()
    throttle = SqlThrottle(db, WINDOW, clock)
    throttle.reserve(login_keys("old.guess", "192.0.2.1"))
    clock.now += WINDOW
    throttle.reserve(login_keys("new.guess", "192.0.2.2"))
    keys = db.exec(select(LoginCounter.key).order_by(col(LoginCounter.key))).all()
    assert keys == ["addr:192.0.2.2", "user:new.guess"]


def test_unreachable_redis_is_503_problem_not_500(db: Session) -> None:
    dead = RedisThrottle(redis_client("redis://127.0.0.1:1/0"), WINDOW)
    app = app_on(db)
    app.dependency_overrides[get_login_throttle] = lambda: dead
    response = login(TestClient(app, raise_server_exceptions=False), "lexa.officer", "x" * 12)
    assert (response.status_code, response.json()["code"]) == (503, "service_busy")
    assert response.headers["retry-after"] == "5"


def test_the_app_counts_in_the_database_by_default(client: TestClient, db: Session) -> None:
    fail(client, "tienlu.officer", 5)
    response = login(client, "tienlu.officer", DEMO_PASSWORD)
    assert response.status_code == 429
    assert 1 <= int(response.headers["retry-after"]) <= 900
    row = db.get(LoginCounter, "user:tienlu.officer")
    assert row is not None and row.failures == 5


def test_the_app_counts_in_redis_when_redis_url_is_set(
    db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    redis = _redis()
    monkeypatch.setenv("REDIS_URL", REDIS_URL)
    get_settings.cache_clear()
    address = f"redis-{uuid.uuid4().hex[:8]}"
    app = app_on(db)
    try:
        client = TestClient(app, raise_server_exceptions=False, client=(address, 50000))
        assert fail(client, "tienlu.leader", 2) == [401, 401]
        assert int(redis.get(f"cchc:login:addr:{address}")) == 2
        assert db.get(LoginCounter, f"addr:{address}") is None
    finally:
        redis.delete(f"cchc:login:addr:{address}", "cchc:login:user:tienlu.leader")
        monkeypatch.undo()
        get_settings.cache_clear()
