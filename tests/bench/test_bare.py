"""The bench's bare endpoint (bench.bare) answers byte for byte what the API answers.

`make bench` reports the API's speed as a share of the bare app's, which only means something
while both do the same work and send the same bytes. The bare app reads committed rows through
its own connections, so these tests use the demo data the session fixture commits, on Postgres
only (the bare app speaks async psycopg). A change to a plan's or unit's API shape fails here
until bench/bare.py follows it.
"""

import asyncio
from collections.abc import Callable
from importlib.resources import files

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from tests.conftest import TEST_SECRET, TEST_URL

pytestmark = pytest.mark.skipif(
    TEST_URL.startswith("sqlite"), reason="the bare app is async psycopg: Postgres only"
)

Auth = Callable[[str], dict[str, str]]
API = "/api/v1"


def _bare_get(paths: list[str], headers: dict[str, str]) -> list[httpx.Response]:
    from bench.bare import Bare

    async def run() -> list[httpx.Response]:
        bare = Bare(TEST_URL.replace("+psycopg", ""), TEST_SECRET, "HS256")
        await bare.pool.open(wait=True)
        try:
            transport = httpx.ASGITransport(app=bare)
            async with httpx.AsyncClient(transport=transport, base_url="http://bare") as client:
                return [await client.get(path, headers=headers) for path in paths]
        finally:
            await bare.pool.close()

    return asyncio.run(run())


def _assert_same(client: TestClient, paths: list[str], headers: dict[str, str]) -> None:
    for path, bare in zip(paths, _bare_get(paths, headers), strict=True):
        api = client.get(path, headers=headers)
        assert (bare.status_code, bare.content) == (api.status_code, api.content), path
        assert bare.headers.get("etag") == api.headers.get("etag"), path


# tienhoa.officer: a commune of the new tree, reading what Lệ Xá (which it replaced) issued.
CALLERS = ["admin", "lexa.officer", "tienlu.leader", "tienhoa.officer", "portal", "integration"]


@pytest.mark.parametrize("user", CALLERS)
def test_plan_list_pages_are_the_apis_bytes(client: TestClient, auth: Auth, user: str) -> None:
    paths = [f"{API}/plans?limit=50", f"{API}/plans?limit=3"]
    _assert_same(client, paths, auth(user))


def test_every_seed_plan_detail_is_the_apis_bytes_and_etag(
    client: TestClient, engine: Engine, auth: Auth
) -> None:
    with engine.connect() as conn:
        ids = [i for (i,) in conn.execute(text("SELECT id FROM plan ORDER BY id"))]
    seed_files = files("app.demo").joinpath("data", "plans").iterdir()
    assert len(ids) == len([f for f in seed_files if f.name.endswith(".json")])
    _assert_same(client, [f"{API}/plans/{i}" for i in ids], auth("admin"))


def test_unit_list_pages_are_the_apis_bytes(client: TestClient, auth: Auth) -> None:
    _assert_same(client, [f"{API}/units?limit=50", f"{API}/units?limit=7"], auth("hanoi.officer"))


def test_a_plan_outside_the_callers_view_is_404_for_both(client: TestClient, auth: Auth) -> None:
    headers = auth("portal")
    draft = client.get(f"{API}/plans?limit=200", headers=auth("admin")).json()["items"][-1]
    assert draft["status"] == "draft"
    path = f"{API}/plans/{draft['id']}"
    assert [r.status_code for r in _bare_get([path], headers)] == [404]
    assert client.get(path, headers=headers).status_code == 404


def test_a_request_without_a_token_is_401_for_both(client: TestClient) -> None:
    path = f"{API}/plans?limit=50"
    assert [r.status_code for r in _bare_get([path], {})] == [401]
    assert client.get(path).status_code == 401


def test_a_successors_view_of_its_predecessors_draft_is_the_apis_bytes(
    client: TestClient, engine: Engine, auth: Auth
) -> None:
    """Tiên Hoa replaced Lệ Xá in the 2025 reform and reads its drafts; the demo's Lệ Xá plans
    are all published, so without one draft the bare app's copy of that rule goes untested."""
    from datetime import date

    from app.main import create_app
    from app.units import reform
    from tests.plans.factories import create_draft

    # Written on 1/6/2024, while Lệ Xá still existed; committed through the production path.
    with pytest.MonkeyPatch.context() as patch, TestClient(create_app()) as served:
        patch.setattr(reform, "vietnam_today", lambda *_: date(2024, 6, 1))
        draft = create_draft(served, auth("lexa.officer"), title="Dự thảo chưa ban hành")
    try:
        listed = client.get(f"{API}/plans?limit=50", headers=auth("tienhoa.officer")).json()
        assert draft["id"] in {p["id"] for p in listed["items"]}
        paths = [f"{API}/plans?limit=50", f"{API}/plans/{draft['id']}"]
        _assert_same(client, paths, auth("tienhoa.officer"))
    finally:
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM plan_topic WHERE plan_id = :id"), {"id": draft["id"]})
            conn.execute(text("DELETE FROM plan WHERE id = :id"), {"id": draft["id"]})
            conn.execute(
                text("DELETE FROM audit_entry WHERE entity = 'plan' AND entity_id = :id"),
                {"id": draft["id"]},
            )
