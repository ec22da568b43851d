"""One list shape: every collection is `{items, next_cursor}`; the long ones page by cursor."""

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.main import create_app
from app.units.models import AdminUnit
from tests.helpers import unit_id
from tests.plans.factories import seed_plan

API = "/api/v1"
Auth = Callable[[str], dict[str, str]]


def _schema(spec: dict[str, Any], ref_or_schema: dict[str, Any]) -> dict[str, Any]:
    ref = ref_or_schema.get("$ref")
    return spec["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else ref_or_schema


def test_every_collection_answers_in_the_list_envelope() -> None:
    spec = create_app().openapi()
    bare, half = [], []
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            content = op["responses"].get("200", {}).get("content", {})
            if "application/json" not in content:
                continue
            schema = _schema(spec, content["application/json"]["schema"])
            if schema.get("type") == "array":
                bare.append(f"{method.upper()} {path}")
            props = schema.get("properties", {})
            if "items" in props and "next_cursor" not in props:
                half.append(f"{method.upper()} {path}")
            names = {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}
            if "cursor" in names and "limit" not in names:
                half.append(f"{method.upper()} {path} (cursor without limit)")
    assert (bare, half) == ([], [])


def _walk(client: TestClient, url: str, headers: dict[str, str], limit: int) -> list[Any]:
    items: list[Any] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        page = client.get(url, params=params, headers=headers).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def test_a_provinces_children_page_in_code_order_without_gaps(
    client: TestClient, db: Session, auth: Auth
) -> None:
    hung_yen = unit_id(db, "province", "33")
    expected = db.exec(
        select(AdminUnit.name).where(AdminUnit.parent_id == hung_yen).order_by(col(AdminUnit.path))
    ).all()

    walked = _walk(client, f"{API}/units/{hung_yen}/children", auth("lexa.officer"), limit=3)

    assert [u["name"] for u in walked] == list(expected)
    assert "Huyện Tiên Lữ" in expected and len(expected) > 3


def test_a_plans_tasks_page_in_the_order_of_the_document(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "trabong-2022-2025")
    headers = auth("trabong.officer")
    whole = client.get(f"{API}/plans/{plan.id}", headers=headers).json()["tasks"]

    walked = _walk(client, f"{API}/plans/{plan.id}/tasks", headers, limit=4)

    assert [t["ordinal"] for t in walked] == [t["ordinal"] for t in whole]
    assert len(whole) > 4


def test_a_small_reference_list_comes_whole_in_the_same_envelope(
    client: TestClient, auth: Auth
) -> None:
    page = client.get(f"{API}/channel-types", headers=auth("lexa.officer")).json()

    assert page["next_cursor"] is None
    assert "radio" in {t["code"] for t in page["items"]}
