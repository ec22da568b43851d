"""The production read path answers what the tests' session path answers.

Every other test serves requests from its own savepoint session (conftest.serve_from), so read
programs (core.reads) run there on the thread pool. A served app runs them on its own pool: on
Postgres the async driver (AsyncReads), on SQLite the engine's pool on the thread pool. These
tests call an app with no overrides at all — its lifespan opens its reads — on the demo data the
session fixture committed, and compare its answers with the session path's, byte for byte, for
the lists, every seed plan's detail and the problems a read can answer.
"""

import asyncio
from collections.abc import Callable, Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from app.core.reads import AsyncReads, ThreadReads
from app.main import create_app

Auth = Callable[[str], dict[str, str]]
API = "/api/v1"


@pytest.fixture
def served(engine: Engine) -> Iterator[TestClient]:
    """The app as a server runs it: no dependency overrides, its lifespan run."""
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def _same(session_path: TestClient, served: TestClient, path: str, headers: dict[str, str]) -> None:
    ours, theirs = session_path.get(path, headers=headers), served.get(path, headers=headers)
    assert (theirs.status_code, theirs.content) == (ours.status_code, ours.content), path
    assert theirs.headers.get("etag") == ours.headers.get("etag"), path


def test_the_served_app_reads_on_its_own_pool(served: TestClient, engine: Engine) -> None:
    reads = served.app.state.reads  # type: ignore[attr-defined]
    expected = AsyncReads if engine.dialect.name == "postgresql" else ThreadReads
    assert isinstance(reads, expected)


@pytest.mark.parametrize(
    "user", ["admin", "lexa.officer", "tienlu.leader", "tienhoa.officer", "portal", "integration"]
)
def test_plan_lists_match(client: TestClient, served: TestClient, auth: Auth, user: str) -> None:
    headers = auth(user)
    first = client.get(f"{API}/plans", params={"limit": 3}, headers=headers).json()
    paths = [
        f"{API}/plans?limit=50",
        f"{API}/plans?limit=3",
        f"{API}/plans?year=2024&q=cai%20cach",
        f"{API}/plans?topic=index.papi",
    ]
    if first["next_cursor"]:
        paths.append(f"{API}/plans?limit=3&cursor={first['next_cursor']}")
    for path in paths:
        _same(client, served, path, headers)


def test_plan_details_match(
    client: TestClient, served: TestClient, engine: Engine, auth: Auth
) -> None:
    with engine.connect() as conn:
        ids = [i for (i,) in conn.execute(text("SELECT id FROM plan ORDER BY id"))]
    assert len(ids) >= 5  # the seed plans
    for user in ("admin", "lexa.officer", "portal"):
        for plan_id in ids:  # some are 404 to some callers: those must match too
            _same(client, served, f"{API}/plans/{plan_id}", auth(user))


def test_unit_lists_match(client: TestClient, served: TestClient, auth: Auth) -> None:
    for path in (
        f"{API}/units?limit=50",
        f"{API}/units?level=commune&q=le%20xa",
        f"{API}/units?as_of=2024-01-15&limit=5",
    ):
        _same(client, served, path, auth("admin"))


def test_problems_match(client: TestClient, served: TestClient, auth: Auth) -> None:
    """A problem raised inside a read program (404, 422) or by the caller check (401) reaches
    the client the same way, as problem+json in Vietnamese."""
    headers = auth("lexa.officer")
    for path, status in (
        (f"{API}/plans/999999", 404),
        (f"{API}/plans?topic=khong.co", 422),
        (f"{API}/plans?cursor=not-a-cursor", 422),
        (f"{API}/units?cursor=bm90IGpzb24", 422),
    ):
        _same(client, served, path, headers)
        assert served.get(path, headers=headers).status_code == status, path
    forged = {"Authorization": "Bearer not.a.token"}
    _same(client, served, f"{API}/plans", forged)
    response = served.get(f"{API}/plans", headers=forged)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


def test_a_deactivated_account_is_refused_on_the_next_request(
    served: TestClient, engine: Engine, auth: Auth
) -> None:
    """The caller is read afresh on every request (DESIGN §9), on the served app's own pool:
    an account deactivated (committed) is refused at once, and works again when reactivated."""
    headers = auth("tienlu.leader")
    assert served.get(f"{API}/plans?limit=1", headers=headers).status_code == 200
    with engine.begin() as conn:
        conn.execute(text("UPDATE app_user SET is_active = false WHERE username = 'tienlu.leader'"))
    try:
        refused = served.get(f"{API}/plans?limit=1", headers=headers)
        assert refused.status_code == 401
        assert "không còn hiệu lực" in refused.json()["detail"]
    finally:
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE app_user SET is_active = true WHERE username = 'tienlu.leader'")
            )
    assert served.get(f"{API}/plans?limit=1", headers=headers).status_code == 200


def test_an_app_without_its_lifespan_still_reads(auth: Auth, engine: Engine) -> None:
    """Called without startup (an ASGI transport that runs no lifespan), the app reads on the
    thread pool rather than failing."""
    app = create_app()

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as c:
            return await c.get(f"{API}/units?limit=2", headers=auth("admin"))

    response = asyncio.run(get())
    assert response.status_code == 200
    assert len(response.json()["items"]) == 2


def test_overlapping_lifespans_leave_the_app_reading(auth: Auth, engine: Engine) -> None:
    """Two clients of one app (the contract fuzzing does this): the inner one's shutdown closes
    its own reads and the outer one keeps answering."""
    app = create_app()
    with TestClient(app) as outer:
        with TestClient(app) as inner:
            assert inner.get(f"{API}/units?limit=1", headers=auth("admin")).status_code == 200
        response = outer.get(f"{API}/units?limit=1", headers=auth("admin"))
    assert response.status_code == 200
    assert len(response.json()["items"]) == 1
