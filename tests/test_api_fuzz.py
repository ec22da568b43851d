"""The contract holds under generated input: schemathesis drives every operation of the in-process
app (fixed seed, a bounded number of examples) as two demo users, and no answer is a server
error, an undocumented status, an undocumented content type or a body outside its schema.

Run by `make test` (the `fuzz` stage, on SQLite). Each operation's writes stay inside the test's
transaction, which is rolled back like every other test's.
"""

from collections.abc import Callable, Iterator

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)
from sqlmodel import Session

from app.main import create_app
from tests.conftest import DEMO_PASSWORD, serve_from

pytestmark = pytest.mark.fuzz

SEED = 20261123
MAX_EXAMPLES = 10
# Generated cases run as both users; the coverage phase's boundary cases (hundreds for a plan
# body) run as the one user who gets past authorization on that operation, to stay within budget.
USERS = ("admin", "lexa.leader")
ADMIN_TAGS = {"users", "agencies", "audit"}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    unsupported_method,
    allow_header_conformance,
]


def _callers(case: schemathesis.Case) -> tuple[str, ...]:
    if case.meta is None or case.meta.phase.name != "coverage":
        return USERS
    tags = set(case.operation.tags or ())
    return ("admin",) if tags & ADMIN_TAGS else ("lexa.leader",)


APP = create_app()
CONFIG = schemathesis.Config.from_dict(
    {
        "seed": SEED,
        "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True},
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": False},
        },
    }
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=CONFIG)


@pytest.fixture
def in_transaction(db: Session) -> Iterator[None]:
    serve_from(APP, db)
    yield
    APP.dependency_overrides.clear()


@pytest.fixture
def bearer(in_transaction: None) -> Callable[[str], dict[str, str]]:
    """Headers for a demo user, with a token from the real token endpoint."""
    tokens: dict[str, str] = {}

    def headers(username: str) -> dict[str, str]:
        if username not in tokens:
            with TestClient(APP) as client:
                response = client.post(
                    "/api/v1/auth/token",
                    data={
                        "grant_type": "password",
                        "username": username,
                        "password": DEMO_PASSWORD,
                    },
                )
            assert response.status_code == 200, response.text
            tokens[username] = response.json()["access_token"]
        return {"Authorization": f"Bearer {tokens[username]}"}

    return headers


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_keeps_its_contract(
    case: schemathesis.Case, bearer: Callable[[str], dict[str, str]]
) -> None:
    for username in _callers(case):
        case.call_and_validate(headers=bearer(username), checks=CHECKS)
