"""Writes that hold under concurrency: real threads against a real server and one database.

Each test runs against a uvicorn server (one process, sync routes on its thread pool) backed by
a database of its own — a SQLite file with the suite's SQLite run, a Postgres database with the
Postgres run — so the requests race for real rows and real locks, and commit for real.
"""

import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import Engine, create_engine, func, text
from sqlmodel import Session, col, select

from app.audit.models import AuditEntry
from app.core.db import dispose, make_engine
from app.core.security import create_access_token, hash_password
from app.main import create_app
from app.plans.assignments.models import Assignment
from app.plans.plans.models import Plan
from app.plans.tasks.models import Task
from app.units.models import AdminUnit, UnitLevel
from app.users.models import Agency, AgencyKind, Role, User
from tests.conftest import TEST_DBNAME, TEST_URL, _tmp, migrate

API = "/api/v1"
ISSUED_ON = "2026-01-15"


def _race_engine(name: str) -> Engine:
    if TEST_URL.startswith("sqlite"):
        return make_engine(f"sqlite:///{_tmp / f'{name}.sqlite3'}")
    database = f"{TEST_DBNAME}_{name}"
    admin = create_engine(TEST_URL.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {database}"))
    admin.dispose()
    return make_engine(TEST_URL.rsplit("/", 1)[0] + "/" + database)


@dataclass
class Stage:
    url: str
    engine: Engine
    province_id: int
    communes: int  # the province's communes in force on ISSUED_ON
    agency_id: int
    leader: dict[str, str]
    officer: dict[str, str]


def _user(session: Session, name: str, role: Role, unit: int, agency: int) -> dict[str, str]:
    user = User(
        username=name,
        full_name=name,
        role=role,
        unit_id=unit,
        agency_id=agency,
        password_hash=hash_password("race-test-password"),
    )
    session.add(user)
    session.flush()
    assert user.id is not None
    token, _ = create_access_token(user.id, {"role": role.value, "unit_id": unit})
    return {"Authorization": f"Bearer {token}"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def staged(name: str) -> Iterator[Stage]:
    """A served app on a database of its own (`name`): units, reference data, a province's users."""
    engine = _race_engine(name)
    with engine.begin() as conn:
        migrate(conn)
    from app.reference.loader import load_reference_data
    from app.units.loader import load_units

    with Session(engine) as session:
        load_units(session)
        load_reference_data(session)
        # Tỉnh Hưng Yên as it is today (the reform's tree): a province with its communes.
        province = session.exec(
            select(AdminUnit).where(
                AdminUnit.level == UnitLevel.province,
                col(AdminUnit.name).contains("Hưng Yên"),
                col(AdminUnit.valid_to).is_(None),
            )
        ).one()
        assert province.id is not None
        communes = session.exec(
            select(func.count())
            .select_from(AdminUnit)
            .where(AdminUnit.parent_id == province.id, col(AdminUnit.valid_to).is_(None))
        ).one()
        agency = Agency(
            unit_id=province.id,
            name="Sở Nội vụ tỉnh Hưng Yên",
            name_folded="so noi vu tinh hung yen",
            kind=AgencyKind.department,
        )
        session.add(agency)
        session.flush()
        assert agency.id is not None
        leader = _user(session, "race.leader", Role.leader, province.id, agency.id)
        officer = _user(session, "race.officer", Role.officer, province.id, agency.id)
        session.commit()
        province_id, agency_id = province.id, agency.id
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(engine), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "the test server did not start"
        yield Stage(
            f"http://127.0.0.1:{port}{API}",
            engine,
            province_id,
            communes,
            agency_id,
            leader,
            officer,
        )
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        dispose(engine)


@pytest.fixture(scope="module")
def stage() -> Iterator[Stage]:
    with staged("race") as s:
        yield s


def race(n: int, call: Callable[[httpx.Client, int], httpx.Response]) -> list[httpx.Response]:
    """`n` requests released together from `n` threads, each with its own connection."""
    barrier = threading.Barrier(n)

    def one(i: int) -> httpx.Response:
        with httpx.Client(timeout=60) as client:
            barrier.wait()
            return call(client, i)

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(one, range(n)))


def statuses(responses: list[httpx.Response]) -> Counter[int]:
    return Counter(r.status_code for r in responses)


def _draft(stage: Stage, title: str, **fields: Any) -> dict[str, Any]:
    body = {
        "title": title,
        "symbol": "KH-UBND",
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        "signer_name": "Nguyễn Văn A",
        "visibility": "internal",
        **fields,
    }
    response = httpx.post(f"{stage.url}/plans", json=body, headers=stage.officer)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    result["etag"] = response.headers["ETag"]
    return result


def _task(stage: Stage, plan_id: int, ordinal: str, **fields: Any) -> httpx.Response:
    body = {"ordinal": ordinal, "title": f"Nhiệm vụ {ordinal}", **fields}
    return httpx.post(f"{stage.url}/plans/{plan_id}/tasks", json=body, headers=stage.officer)


def _issue(client: httpx.Client, stage: Stage, plan_id: int, number: int) -> httpx.Response:
    return client.post(
        f"{stage.url}/plans/{plan_id}/issue",
        json={"number": number, "issued_on": ISSUED_ON},
        headers=stage.leader,
    )


def _count(stage: Stage, stmt: Any) -> int:
    with Session(stage.engine) as session:
        value: int = session.exec(stmt).one()
        return value


def test_twenty_writers_with_one_etag_make_one_change_and_nineteen_412(stage: Stage) -> None:
    plan = _draft(stage, "Kế hoạch thông tin, tuyên truyền CCHC năm 2026")
    titles = [f"Kế hoạch CCHC 2026 — bản sửa của người thứ {i}" for i in range(20)]

    def patch(client: httpx.Client, i: int) -> httpx.Response:
        headers = {**stage.officer, "If-Match": plan["etag"]}
        return client.patch(
            f"{stage.url}/plans/{plan['id']}", json={"title": titles[i]}, headers=headers
        )

    responses = race(20, patch)
    assert statuses(responses) == Counter({200: 1, 412: 19})
    winner = next(r.json() for r in responses if r.status_code == 200)
    final = httpx.get(f"{stage.url}/plans/{plan['id']}", headers=stage.officer).json()
    assert (final["title"], final["version"]) == (winner["title"], plan["version"] + 1)
    updates = select(func.count()).where(
        AuditEntry.entity == "plan",
        AuditEntry.entity_id == plan["id"],
        AuditEntry.action == "update",
    )
    assert _count(stage, updates) == 1


def test_ten_concurrent_issues_make_one_and_fan_out_exactly_once(stage: Stage) -> None:
    plan = _draft(stage, "Kế hoạch tuyên truyền CCHC năm 2026 (ban hành đồng thời)")
    assert _task(stage, plan["id"], "1", lead_all_children=True).status_code == 201
    both = _task(stage, plan["id"], "2", lead_agency_id=stage.agency_id)
    assert both.status_code == 201

    responses = race(10, lambda client, _i: _issue(client, stage, plan["id"], 101))
    assert statuses(responses) == Counter({200: 1, 409: 9})
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"plan_not_draft"}
    assignments = select(func.count()).where(Assignment.plan_id == plan["id"])
    assert _count(stage, assignments) == stage.communes + 1
    issues = select(func.count()).where(
        AuditEntry.entity == "plan",
        AuditEntry.entity_id == plan["id"],
        AuditEntry.action == "issue",
    )
    assert _count(stage, issues) == 1


def test_issue_racing_task_creation_leaves_no_task_without_assignments(stage: Stage) -> None:
    plan = _draft(stage, "Kế hoạch CCHC 2026 (ban hành trong khi thêm nhiệm vụ)")
    assert _task(stage, plan["id"], "0", lead_all_children=True).status_code == 201

    def act(client: httpx.Client, i: int) -> httpx.Response:
        if i == 5:
            return _issue(client, stage, plan["id"], 102)
        body = {"ordinal": f"{i + 1}", "title": f"Nhiệm vụ {i + 1}", "lead_all_children": True}
        return client.post(
            f"{stage.url}/plans/{plan['id']}/tasks", json=body, headers=stage.officer
        )

    responses = race(12, act)
    assert responses[5].status_code == 200, responses[5].text
    refused = [r for r in responses if r.status_code == 409]
    assert {r.json()["code"] for r in refused} <= {"plan_not_draft"}
    assert len(refused) + sum(r.status_code == 201 for r in responses) == 11
    with Session(stage.engine) as session:
        task_ids = list(session.exec(select(Task.id).where(Task.plan_id == plan["id"])))
        per_task = Counter(
            session.exec(select(Assignment.task_id).where(Assignment.plan_id == plan["id"]))
        )
    assert len(task_ids) == 1 + 11 - len(refused)
    assert {per_task[task_id] for task_id in task_ids} == {stage.communes}


def test_concurrent_amendments_leave_one_open_draft(stage: Stage) -> None:
    plan = _draft(stage, "Kế hoạch CCHC 2026 (sửa đổi đồng thời)")
    assert _task(stage, plan["id"], "1", lead_agency_id=stage.agency_id).status_code == 201
    with httpx.Client() as client:
        assert _issue(client, stage, plan["id"], 103).status_code == 200

    def amend(client: httpx.Client, _i: int) -> httpx.Response:
        return client.post(f"{stage.url}/plans/{plan['id']}/amend", headers=stage.officer)

    responses = race(8, amend)
    assert statuses(responses) == Counter({201: 1, 409: 7})
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"amendment_exists"}
    drafts = select(func.count()).where(Plan.supersedes_id == plan["id"])
    assert _count(stage, drafts) == 1


def test_concurrent_task_creation_keeps_count_and_positions(stage: Stage) -> None:
    plan = _draft(stage, "Kế hoạch CCHC 2026 (thêm nhiệm vụ đồng thời)")

    def add(client: httpx.Client, i: int) -> httpx.Response:
        body = {"ordinal": f"{i + 1}", "title": f"Nhiệm vụ {i + 1}"}
        return client.post(
            f"{stage.url}/plans/{plan['id']}/tasks", json=body, headers=stage.officer
        )

    responses = race(20, add)
    assert statuses(responses) == Counter({201: 20})
    detail = httpx.get(f"{stage.url}/plans/{plan['id']}", headers=stage.officer).json()
    assert detail["task_count"] == 20
    assert sorted(t["position"] for t in detail["tasks"]) == list(range(20))
    assert detail["version"] == plan["version"] + 20


def test_twenty_progress_updates_with_one_etag_make_one_change(stage: Stage) -> None:
    plan = _draft(stage, "Kế hoạch CCHC 2026 (cập nhật tiến độ đồng thời)")
    assert _task(stage, plan["id"], "1", lead_agency_id=stage.agency_id).status_code == 201
    with httpx.Client() as client:
        assert _issue(client, stage, plan["id"], 104).status_code == 200
        page = client.get(
            f"{stage.url}/assignments", params={"plan_id": plan["id"]}, headers=stage.officer
        ).json()
        (assignment,) = page["items"]
        path = f"{stage.url}/assignments/{assignment['id']}"
        tag = client.get(path, headers=stage.officer).headers["ETag"]

    def update(client: httpx.Client, i: int) -> httpx.Response:
        body = {"status": "in_progress", "progress_note": f"Đã phát {i + 1} tin trên đài"}
        return client.patch(path, json=body, headers={**stage.officer, "If-Match": tag})

    responses = race(20, update)
    assert statuses(responses) == Counter({200: 1, 412: 19})
    winner = next(r.json() for r in responses if r.status_code == 200)
    final = httpx.get(path, headers=stage.officer).json()
    assert (final["progress_note"], final["version"]) == (winner["progress_note"], 2)
