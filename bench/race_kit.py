"""The machinery of bench.races: racing requests, tallying answers, and the API's setup steps."""

import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx

API = "/api/v1"
ISSUED_ON = "2024-03-15"  # the pre-reform tree: huyện Tiên Lữ and its communes
PERIOD = {"period_start": "2024-01-01", "period_end": "2024-12-31"}
UNIT_KEY = "tienlu"
TRANSPORT_ERROR = 0  # the status tallied when a request got no HTTP answer at all


@dataclass(frozen=True)
class Request:
    """One of the racing requests."""

    method: str
    url: str
    headers: dict[str, str]
    body: dict[str, Any] | None = None


class SetupFailed(RuntimeError):
    """A sequential step (login, draft, task, issue) did not answer as it must."""


@dataclass
class Tally:
    """One scenario: every answer's status and the outcome read back afterwards."""

    scenario: str
    rounds: int = 0
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)  # "409 plan_not_draft", "500 …"
    figures: dict[str, int] = field(default_factory=dict)  # outcome counters, scenario's own
    bad: int = 0  # lost updates, duplicates, tasks without assignments: what must be 0
    outcome: str = ""
    seconds: float = 0.0

    def add(self, responses: list[httpx.Response | None]) -> list[httpx.Response]:
        self.rounds += 1
        answered = [r for r in responses if r is not None]
        self.requests += len(responses)
        self.statuses[TRANSPORT_ERROR] += len(responses) - len(answered)
        for response in answered:
            self.statuses[response.status_code] += 1
            if response.status_code >= 300:
                self.codes[f"{response.status_code} {problem_code(response)}"] += 1
        return answered

    def count(self, name: str, value: int = 1) -> None:
        self.figures[name] = self.figures.get(name, 0) + value

    def columns(self) -> dict[str, int]:
        """The table's counts: answers by class, and what must be 0."""

        def between(low: int, high: int) -> int:
            return sum(n for s, n in self.statuses.items() if low <= s <= high)

        return {
            "requests": self.requests,
            "2xx": between(200, 299),
            "412": self.statuses[412],
            "409": self.statuses[409],
            "428": self.statuses[428],
            "5xx": between(500, 599),
            "no answer": self.statuses[TRANSPORT_ERROR],
            "lost / duplicated": self.bad,
        }

    def failures(self) -> int:
        """Answers that must not happen whatever the race: 5xx and no answer at all."""
        columns = self.columns()
        return columns["5xx"] + columns["no answer"]

    def as_json(self) -> dict[str, Any]:
        statuses = {str(s): n for s, n in sorted(self.statuses.items()) if n and s}
        return {
            **vars(self),
            "statuses": statuses,
            "codes": dict(self.codes),
            "columns": self.columns(),
        }


def problem_code(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:60].replace("\n", " ") or "-"
    return str(body.get("code") or body.get("title") or "-") if isinstance(body, dict) else "-"


def race(requests: list[Request]) -> list[httpx.Response | None]:
    """Each request from a thread of its own, on a connection of its own, all released by one
    barrier once every thread is ready; None for a request that got no HTTP answer."""
    barrier = threading.Barrier(len(requests))

    def one(request: Request) -> httpx.Response | None:
        with httpx.Client(timeout=120) as client:
            barrier.wait(timeout=60)
            try:
                return client.request(
                    request.method, request.url, json=request.body, headers=request.headers
                )
            except httpx.TransportError:
                return None

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(one, requests))


class Api:
    """The server under test, with a token per demo user and the setup steps that must work."""

    def __init__(self, base_url: str, password: str) -> None:
        self.url = base_url.rstrip("/") + API
        self.http = httpx.Client(timeout=120)
        self.officer = self.login(f"{UNIT_KEY}.officer", password)
        self.leader = self.login(f"{UNIT_KEY}.leader", password)
        self.admin = self.login("admin", password)
        me = self.call("GET", "/me", self.officer).json()
        self.unit_id: int = me["unit_id"]
        self.agency_id: int = me["agency_id"]
        self.run = uuid.uuid4().hex[:6]  # keeps this run's titles apart from earlier runs'
        self.next_number = 1 + max((p["number"] or 0 for p in self.unit_plans()), default=0)
        units = self.pages("/units", self.officer, parent_id=self.unit_id, as_of=ISSUED_ON)
        self.children = len(list(units))

    def login(self, username: str, password: str) -> dict[str, str]:
        data = {"grant_type": "password", "username": username, "password": password}
        response = self.http.post(f"{self.url}/auth/token", data=data)
        if response.status_code != 200:
            raise SetupFailed(f"login {username}: {response.status_code} {response.text[:200]}")
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    def call(
        self, method: str, path: str, who: dict[str, str], expect: int = 200, **kw: Any
    ) -> httpx.Response:
        response = self.http.request(method, f"{self.url}{path}", headers=who, **kw)
        if response.status_code != expect:
            raise SetupFailed(f"{method} {path}: {response.status_code} {response.text[:300]}")
        return response

    def pages(self, path: str, who: dict[str, str], **params: Any) -> Iterator[dict[str, Any]]:
        cursor: str | None = None
        while True:
            query = {**params, "limit": 200, **({"cursor": cursor} if cursor else {})}
            page = self.call("GET", path, who, params=query).json()
            yield from page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                return

    def unit_plans(self, **params: Any) -> list[dict[str, Any]]:
        return list(self.pages("/plans", self.officer, unit_id=self.unit_id, **params))

    def draft(self, title: str) -> dict[str, Any]:
        body = {
            "title": f"{title} [{self.run}]",
            "symbol": "KH-UBND",
            "signer_name": "Nguyễn Văn A",
            "visibility": "internal",
            **PERIOD,
        }
        plan: dict[str, Any] = self.call("POST", "/plans", self.officer, 201, json=body).json()
        return plan

    def task(self, plan_id: int, ordinal: str, **fields: Any) -> None:
        body = {"ordinal": ordinal, "title": f"Nhiệm vụ {ordinal}", **fields}
        self.call("POST", f"/plans/{plan_id}/tasks", self.officer, 201, json=body)

    def plan(self, plan_id: int) -> tuple[dict[str, Any], str]:
        response = self.call("GET", f"/plans/{plan_id}", self.officer)
        return response.json(), response.headers["ETag"]

    def number(self) -> int:
        self.next_number += 1
        return self.next_number - 1

    def issue(self, plan_id: int) -> None:
        body = {"number": self.number(), "issued_on": ISSUED_ON}
        self.call("POST", f"/plans/{plan_id}/issue", self.leader, json=body)

    def assignments(self, plan_id: int) -> list[dict[str, Any]]:
        return list(self.pages("/assignments", self.officer, plan_id=plan_id))

    def audit(self, entity: str, entity_id: int, action: str) -> int:
        rows = self.pages("/audit", self.admin, entity=entity, entity_id=entity_id)
        return sum(row["action"] == action for row in rows)


def successes(responses: list[httpx.Response]) -> list[httpx.Response]:
    return [r for r in responses if 200 <= r.status_code < 300]
