"""Every route × every caller relation, plus anonymous and broken tokens (see matrix.py)."""

import base64
import json
import time
from importlib import import_module

import pytest
from fastapi.testclient import TestClient
from jose import jwt
from sqlmodel import Session

from app.core.settings import get_settings
from app.main import create_app
from tests.authz.matrix import RELATIONS, TOKEN_FAILURES, Case, Ctx

# The matrix is about roles and relations on huyện Tiên Lữ while it existed (before 1/7/2025);
# the refusal of plans for abolished units is tests/plans/test_reform.py.
pytestmark = pytest.mark.usefixtures("before_the_reform")

CASE_MODULES = (
    "tests.authz.cases_core",
    "tests.authz.cases_plans",
    "tests.authz.cases_channels",
    "tests.authz.cases_reports",
)


def _all_cases() -> dict[str, Case]:
    cases: dict[str, Case] = {}
    for name in CASE_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError:
            continue
        overlap = set(cases) & set(module.CASES)
        assert not overlap, f"routes with two cases: {overlap}"
        cases.update(module.CASES)
    return cases


CASES = _all_cases()


def _routes() -> set[str]:
    """Every operation the app serves (FastAPI now includes routers lazily, so the contract it
    generates from its route table is the stable way to enumerate them)."""
    paths = create_app().openapi()["paths"]
    return {f"{method.upper()} {path}" for path, ops in paths.items() for method in ops}


def test_every_route_has_a_case() -> None:
    routes = _routes()
    assert sorted(routes - set(CASES)) == [], "routes without an authorization case"
    assert sorted(set(CASES) - routes) == [], "cases for routes that do not exist"


def _bad_token(kind: str, user_id: int) -> dict[str, str]:
    settings = get_settings()
    now = int(time.time())
    if kind == "anonymous":
        return {}
    if kind == "expired":
        token = jwt.encode(
            {"sub": str(user_id), "iat": now - 7200, "exp": now - 3600},
            settings.secret_key.get_secret_value(),
            algorithm="HS256",
        )
    elif kind == "wrong_key":
        token = jwt.encode(
            {"sub": str(user_id), "exp": now + 3600}, "another-key", algorithm="HS256"
        )
    else:  # alg_none: an unsigned token that claims to need no signature

        def part(obj: dict[str, object]) -> str:
            raw = json.dumps(obj).encode()
            return base64.urlsafe_b64encode(raw).decode().rstrip("=")

        header = part({"alg": "none", "typ": "JWT"})
        token = f"{header}.{part({'sub': str(user_id), 'exp': now + 3600})}."
    return {"Authorization": f"Bearer {token}"}


def _call(client: TestClient, key: str, ctx: Ctx, case: Case, headers: dict[str, str]) -> int:
    method, template = key.split(" ", 1)
    prepared = case.setup(ctx)
    path = template.format(**prepared.path_params)
    response = client.request(
        method,
        path,
        json=prepared.json,
        data=prepared.data,
        params=prepared.params,
        headers={**prepared.headers, **headers},
    )
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/problem+json")
    assert response.status_code != 500, response.text
    return response.status_code


@pytest.mark.parametrize(("key", "relation"), [(k, r) for k in sorted(CASES) for r in RELATIONS])
def test_relation(key: str, relation: str, client: TestClient, db: Session) -> None:
    case = CASES[key]
    ctx = Ctx(db=db, client=client)
    headers = ctx.headers(relation, case.role)
    assert _call(client, key, ctx, case, headers) == case.expect[relation]


@pytest.mark.parametrize(
    ("key", "failure"),
    [(k, f) for k in sorted(CASES) if not CASES[k].public for f in TOKEN_FAILURES],
)
def test_bad_credentials_are_401(key: str, failure: str, client: TestClient, db: Session) -> None:
    case = CASES[key]
    ctx = Ctx(db=db, client=client)
    user = ctx.user("same", case.role)
    assert user.id is not None
    assert _call(client, key, ctx, case, _bad_token(failure, user.id)) == 401
