"""The 2025 reform in the plan workflow, on today's date: an abolished unit issues nothing new and
its error names the successors; a successor reads its predecessors' history and writes none of
it; the payloads say what replaced an abolished unit; a province's 2026 plan reaches every
commune of today's tree; the demo is entered through the services (audited)."""

from collections.abc import Callable
from datetime import date

from fastapi.testclient import TestClient
from httpx import Response
from sqlmodel import Session, col, func, select

from app.audit.models import AuditEntry
from app.core.text import fold
from app.demo.lookup import unit_of
from app.demo.seeds import UnitKey, plan_seeds
from app.plans.assignments.models import Assignment
from app.plans.plans.models import Plan, PlanStatus, Visibility
from app.plans.tasks.models import Task
from app.units.models import AdminUnit, UnitSuccession
from app.units.service import valid_on
from tests.conftest import StatementCounter
from tests.plans.factories import API, create_draft, seed_plan, seed_tasks, user_headers

Auth = Callable[[str], dict[str, str]]
LE_XA = UnitKey("old", "commune", "12352")
TIEN_HOA = UnitKey("new", "commune", "12361")
HUNG_YEN = UnitKey("new", "province", "33")


def _id(db: Session, key: UnitKey) -> int:
    unit = unit_of(db, key)
    assert unit.id is not None
    return unit.id


def _successors_of(db: Session, key: UnitKey) -> list[tuple[int, str]]:
    rows = db.exec(
        select(AdminUnit.id, AdminUnit.name)
        .join(UnitSuccession, col(UnitSuccession.successor_id) == AdminUnit.id)
        .where(UnitSuccession.predecessor_id == _id(db, key))
        .order_by(col(AdminUnit.path))
    ).all()
    return [(unit_id, name) for unit_id, name in rows if unit_id is not None]


def _lexa_draft(db: Session) -> Plan:
    """An internal draft of xã Lệ Xá, left unfinished when the commune was merged."""
    title = "Tuyên truyền cải cách hành chính xã Lệ Xá năm 2025"
    plan = Plan(
        unit_id=_id(db, LE_XA),
        title=title,
        title_folded=fold(title),
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        status=PlanStatus.draft,
        visibility=Visibility.internal,
    )
    db.add(plan)
    db.commit()  # a savepoint: a refused request rolls back to here, not before the draft
    return plan


# --- an abolished unit issues nothing new ----------------------------------------------------


def _new_2026_plan(client: TestClient, headers: dict[str, str]) -> Response:
    body = {"title": "Kế hoạch năm 2026", "period_start": "2026-01-01", "period_end": "2026-12-31"}
    return client.post(f"{API}/plans", json=body, headers=headers)


def test_a_plan_for_an_abolished_commune_is_422_naming_its_successor(
    client: TestClient, db: Session, auth: Auth
) -> None:
    response = _new_2026_plan(client, auth("lexa.officer"))

    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["code"] == "unit_abolished"
    assert "Xã Lệ Xá không còn từ ngày 01/07/2025" in problem["detail"]
    successors = _successors_of(db, LE_XA)
    assert successors == [(_id(db, TIEN_HOA), "Xã Tiên Hoa")]
    named = [e["message"] for e in problem["errors"] if e["type"] == "unit_successor"]
    assert named == [f"Đơn vị kế thừa: Xã Tiên Hoa (mã {_id(db, TIEN_HOA)})"]
    assert {e["field"] for e in problem["errors"]} == {"body.unit_id"}


def test_a_district_split_between_communes_names_every_successor(
    client: TestClient, db: Session, auth: Auth
) -> None:
    response = _new_2026_plan(client, auth("tienlu.officer"))

    assert response.status_code == 422
    detail = response.json()["detail"]
    successors = _successors_of(db, UnitKey("old", "district", "332"))
    assert len(successors) == 4
    for unit_id, name in successors:
        assert f"{name} (mã {unit_id})" in detail


def test_issuing_an_old_draft_after_the_reform_is_422_and_before_it_is_accepted(
    client: TestClient, db: Session, auth: Auth
) -> None:
    draft = _lexa_draft(db)
    late = client.post(
        f"{API}/plans/{draft.id}/issue",
        json={"number": 40, "issued_on": "2025-07-01", "signer_name": "Nguyễn Bá Tâm"},
        headers=auth("lexa.leader"),
    )
    assert late.status_code == 422
    assert late.json()["code"] == "unit_abolished"
    assert "Xã Tiên Hoa" in late.json()["detail"]
    assert {e["field"] for e in late.json()["errors"]} == {"body.issued_on"}

    # The commune existed on 30/6/2025: a plan issued then is history, and loads as such.
    on_time = client.post(
        f"{API}/plans/{draft.id}/issue",
        json={"number": 40, "issued_on": "2025-06-30", "signer_name": "Nguyễn Bá Tâm"},
        headers=auth("lexa.leader"),
    )
    assert on_time.status_code == 200, on_time.text


def test_an_abolished_units_plan_cannot_be_amended_any_more(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "lexa-17-2024")

    response = client.post(f"{API}/plans/{plan.id}/amend", headers=auth("lexa.officer"))

    assert response.status_code == 422
    assert response.json()["code"] == "unit_abolished"
    assert "Xã Tiên Hoa" in response.json()["detail"]


def test_a_unit_of_todays_tree_cannot_issue_before_it_existed(
    client: TestClient, auth: Auth
) -> None:
    draft = create_draft(
        client,
        auth("tienhoa.officer"),
        key="hungyen-2026",
        title="Kế hoạch tuyên truyền cải cách hành chính xã Tiên Hoa năm 2026",
    )

    response = client.post(
        f"{API}/plans/{draft['id']}/issue",
        json={"number": 3, "issued_on": "2025-06-30"},
        headers=auth("tienhoa.leader"),
    )

    assert response.status_code == 422
    assert response.json()["code"] == "unit_not_in_force"
    assert "01/07/2025" in response.json()["detail"]


# --- a successor reads its predecessors' history, read only ---------------------------------


def test_tien_hoa_reads_le_xas_plans_drafts_included(
    client: TestClient, db: Session, auth: Auth
) -> None:
    draft = _lexa_draft(db)
    plan = seed_plan(db, "lexa-17-2024")

    assert client.get(f"{API}/plans/{draft.id}", headers=auth("tienhoa.officer")).status_code == 200
    listed = client.get(
        f"{API}/plans",
        params={"unit_id": _id(db, LE_XA), "limit": 50},
        headers=auth("tienhoa.officer"),
    ).json()
    assert {p["id"] for p in listed["items"]} == {plan.id, draft.id}
    # Another commune of Hưng Yên did not replace Lệ Xá: the internal draft stays hidden.
    stranger = user_headers(db, _id(db, UnitKey("new", "commune", "11977")), "officer")
    assert client.get(f"{API}/plans/{draft.id}", headers=stranger).status_code == 404


def test_tien_hoa_reads_le_xas_assignments_and_progress(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "lexa-17-2024")
    radio = seed_tasks(db, "lexa-17-2024")[6]
    assignment = db.exec(select(Assignment).where(Assignment.task_id == radio.id)).first()
    assert assignment is not None
    assignment.progress_note = "Đã phát 30 buổi trong tháng 1."
    db.add(assignment)
    db.flush()

    listed = client.get(
        f"{API}/assignments", params={"plan_id": plan.id}, headers=auth("tienhoa.officer")
    ).json()["items"]
    one = client.get(f"{API}/assignments/{assignment.id}", headers=auth("tienhoa.officer"))

    assert len(listed) == 10
    assert one.status_code == 200
    assert one.json()["progress_note"] == "Đã phát 30 buổi trong tháng 1."
    # Hà Nội reads the public plan, not who does what in Lệ Xá (nor does a stranger commune).
    assert (
        client.get(f"{API}/assignments/{assignment.id}", headers=auth("hanoi.officer")).status_code
        == 404
    )


def test_tien_hoa_cannot_write_le_xas_plans_or_assignments(
    client: TestClient, db: Session, auth: Auth
) -> None:
    draft = _lexa_draft(db)
    radio = seed_tasks(db, "lexa-17-2024")[6]
    assignment = db.exec(select(Assignment).where(Assignment.task_id == radio.id)).first()
    assert assignment is not None
    officer, leader = auth("tienhoa.officer"), auth("tienhoa.leader")

    patched = client.patch(
        f"{API}/plans/{draft.id}",
        json={"place": "Tiên Hoa"},
        headers={**officer, "If-Match": f'"plan-{draft.id}-v1"'},
    )
    task = client.post(
        f"{API}/plans/{draft.id}/tasks",
        json={"ordinal": "1", "title": "Tuyên truyền"},
        headers=officer,
    )
    issued = client.post(
        f"{API}/plans/{draft.id}/issue",
        json={"number": 5, "issued_on": "2026-02-01", "signer_name": "Người ký"},
        headers=leader,
    )
    progress = client.patch(
        f"{API}/assignments/{assignment.id}",
        json={"status": "done"},
        headers={**leader, "If-Match": f'"assignment-{assignment.id}-v{assignment.version}"'},
    )

    assert [r.status_code for r in (patched, task, issued, progress)] == [403, 403, 403, 403]


# --- the payloads say what replaced an abolished unit ----------------------------------------


def test_plan_of_an_abolished_unit_names_its_successors(
    client: TestClient, db: Session, auth: Auth
) -> None:
    old = client.get(
        f"{API}/plans/{seed_plan(db, 'lexa-17-2024').id}", headers=auth("tienhoa.officer")
    )
    new = client.get(
        f"{API}/plans/{seed_plan(db, 'hungyen-2026').id}", headers=auth("tienhoa.officer")
    )

    assert (old.json()["unit_abolished_on"], old.json()["unit_successors"]) == (
        "2025-07-01",
        [{"id": _id(db, TIEN_HOA), "name": "Xã Tiên Hoa"}],
    )
    assert (new.json()["unit_abolished_on"], new.json()["unit_successors"]) == (None, [])


def test_assignment_of_an_abolished_unit_names_its_successors(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "lexa-17-2024")

    items = client.get(
        f"{API}/assignments", params={"plan_id": plan.id}, headers=auth("lexa.officer")
    ).json()["items"]

    assert {(i["assignee_unit_abolished_on"], i["assignee_unit_name"]) for i in items} == {
        ("2025-07-01", "Xã Lệ Xá")
    }
    assert {tuple(s["name"] for s in i["assignee_unit_successors"]) for i in items} == {
        ("Xã Tiên Hoa",)
    }


def test_assignment_list_costs_the_same_statements_for_5_and_100_rows(
    client: TestClient, db: Session, auth: Auth, count_statements: StatementCounter
) -> None:
    headers = auth("admin")
    path = f"{API}/assignments"
    client.get(path, params={"limit": 1}, headers=headers)  # the session's savepoint
    costs = []
    for limit in (5, 100):
        before = count_statements.count
        response = client.get(path, params={"limit": limit}, headers=headers)
        assert len(response.json()["items"]) == limit
        costs.append(count_statements.count - before)

    assert costs[0] == costs[1]


# --- today's tree: a province's 2026 plan reaches every commune ------------------------------


def _current_communes(db: Session, on: date) -> int:
    return db.exec(
        select(func.count())
        .select_from(AdminUnit)
        .where(AdminUnit.parent_id == _id(db, HUNG_YEN), valid_on(on))
    ).one()


def test_the_demo_2026_plan_of_hung_yen_reaches_every_current_commune(db: Session) -> None:
    plan = seed_plan(db, "hungyen-2026")
    first = seed_tasks(db, "hungyen-2026")[0]
    assert plan.issued_on is not None and first.lead_all_children

    units = db.exec(select(Assignment.assignee_unit_id).where(Assignment.task_id == first.id)).all()

    assert len(units) == len(set(units)) == _current_communes(db, plan.issued_on) == 104
    assert _id(db, TIEN_HOA) in units


def test_a_province_plan_issued_today_fans_out_to_all_its_communes(
    client: TestClient, db: Session, auth: Auth
) -> None:
    draft = create_draft(
        client,
        auth("hungyen.officer"),
        key="hungyen-2026",
        title="Tuyên truyền chuyển đổi số cấp xã năm 2026",
    )
    task = client.post(
        f"{API}/plans/{draft['id']}/tasks",
        json={
            "ordinal": "1",
            "title": "Tuyên truyền dịch vụ công trực tuyến",
            "lead_all_children": True,
        },
        headers=auth("hungyen.officer"),
    )
    assert task.status_code == 201, task.text
    issued = client.post(
        f"{API}/plans/{draft['id']}/issue",
        json={"number": 80, "issued_on": "2026-03-02"},
        headers=auth("hungyen.leader"),
    )
    assert issued.status_code == 200, issued.text

    count = db.exec(
        select(func.count()).select_from(Assignment).where(Assignment.task_id == task.json()["id"])
    ).one()
    assert count == _current_communes(db, date(2026, 3, 2))


def test_a_commune_of_todays_tree_runs_its_share_of_the_2026_plan(
    client: TestClient, auth: Auth
) -> None:
    headers = auth("tienhoa.officer")
    mine = client.get(f"{API}/assignments", params={"mine": "true", "limit": 100}, headers=headers)
    items = [i for i in mine.json()["items"] if i["task_ordinal"] == "1"]
    assert len(items) == 1 and items[0]["assignee_unit_abolished_on"] is None

    response = client.patch(
        f"{API}/assignments/{items[0]['id']}",
        json={"status": "in_progress", "progress_note": "Đã phát 4 buổi trong tháng 1/2026."},
        headers={**headers, "If-Match": f'"assignment-{items[0]["id"]}-v{items[0]["version"]}"'},
    )

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "in_progress"


# --- the demo went through the services ------------------------------------------------------


def test_every_demo_plan_was_created_and_issued_by_its_units_demo_users(db: Session) -> None:
    for seed in plan_seeds():
        plan = seed_plan(db, seed.key)
        entries = db.exec(
            select(AuditEntry.action, AuditEntry.actor_username)
            .where(AuditEntry.entity == "plan", AuditEntry.entity_id == plan.id)
            .order_by(col(AuditEntry.id))
        ).all()
        officer = f"{seed.key.split('-')[0]}.officer"
        expected = [("create", officer)]
        if seed.issued:
            expected.append(("issue", officer.replace("officer", "leader")))
        assert [tuple(e) for e in entries] == expected, seed.key
        task_entries = db.exec(
            select(func.count())
            .select_from(AuditEntry)
            .where(
                AuditEntry.entity == "task",
                col(AuditEntry.entity_id).in_(select(Task.id).where(Task.plan_id == plan.id)),
            )
        ).one()
        assert task_entries == len(seed.tasks), seed.key
