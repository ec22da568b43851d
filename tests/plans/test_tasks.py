"""Tasks: Trà Bồng's table of duties through the API, edits while the plan is a draft, fan-out."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.plans.assignments.models import Assignment
from tests.conftest import StatementCounter
from tests.helpers import unit_id
from tests.plans.factories import API, add_task, create_draft, etag, seed_plan, seed_tasks

# These tests run the workflow of the seeds' (pre-2025) units as it was then.
pytestmark = pytest.mark.usefixtures("before_the_reform")

Auth = Callable[[str], dict[str, str]]

TRA_BONG_TASKS = [
    ("1", "Phòng Văn hóa và Thông tin", ["Trung tâm Truyền thông - Văn hoá - Thể thao huyện"]),
    ("2", "Cơ quan Tổ chức – Nội vụ", []),
    ("3", "Phòng Kinh tế và Hạ tầng", []),
    ("4", "Phòng Tư pháp", []),
    ("5", "Cơ quan UBKT-TT", []),
    ("6", "Văn phòng huyện", ["Phòng Văn hóa và Thông tin"]),
    (
        "7",
        "Phòng Văn hóa và Thông tin",
        [
            "Văn phòng huyện",
            "Trung tâm Truyền thông - Văn hoá - Thể thao huyện",
            "Bưu điện huyện",
        ],
    ),
    ("8", "Phòng Tài chính - Kế hoạch", ["Phòng Kinh tế và Hạ tầng"]),
    ("9", "Phòng Văn hóa và Thông tin", ["Trung tâm Truyền thông - Văn hoá - Thể thao huyện"]),
    ("10.a", "Trung tâm Truyền thông - Văn hoá - Thể thao huyện", []),
    ("10.b", "Phòng Văn hóa và Thông tin", ["Cơ quan Tổ chức – Nội vụ", "Văn phòng huyện"]),
    ("11", "Trung tâm Chính trị huyện", ["Cơ quan Tổ chức – Nội vụ"]),
]


def test_tra_bong_detail_lists_its_12_tasks_with_lead_and_coordinators(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "trabong-2022-2025")

    body = client.get(f"{API}/plans/{plan.id}", headers=auth("trabong.officer")).json()

    rows = [
        (t["ordinal"], t["lead_agency"]["name"], [c["name"] for c in t["coordinators"]])
        for t in body["tasks"]
    ]
    assert rows == TRA_BONG_TASKS
    assert body["task_count"] == 12


def test_tra_bong_weekly_radio_task_keeps_its_timing_and_channels(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "trabong-2022-2025")

    tasks = client.get(f"{API}/plans/{plan.id}/tasks", headers=auth("trabong.officer")).json()[
        "items"
    ]

    radio = tasks[9]
    assert (radio["ordinal"], radio["recurrence"], radio["channel_types"]) == (
        "10.a",
        "weekly",
        ["radio", "television"],
    )
    assert radio["coordinate_text"] == "Các cơ quan, đơn vị và UBND các xã, thị trấn"


def test_task_is_read_alone_with_an_etag(client: TestClient, db: Session, auth: Auth) -> None:
    task = seed_tasks(db, "songma-33-2019")[1]

    response = client.get(f"{API}/tasks/{task.id}", headers=auth("songma.officer"))

    assert response.status_code == 200
    assert response.headers["ETag"] == f'"task-{task.id}-v1"'
    assert response.json()["lead_agency"]["name"] == "Trung tâm Truyền thông - Văn hóa huyện"


def test_added_task_counts_in_the_plan_and_changes_its_etag(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    add_task(client, auth("lexa.officer"), draft["id"], recurrence="quarterly")

    body = client.get(f"{API}/plans/{draft['id']}", headers=auth("lexa.officer"))
    assert body.json()["task_count"] == 1
    assert body.headers["ETag"] != draft["etag"]


def test_every_task_field_round_trips(client: TestClient, db: Session, auth: Auth) -> None:
    lexa_tasks = seed_tasks(db, "lexa-17-2024")
    vp_tk, radio = lexa_tasks[1].lead_agency_id, lexa_tasks[6].lead_agency_id
    draft = create_draft(client, auth("lexa.officer"))
    fields = {
        "ordinal": "7",
        "title": "Đài Truyền thanh xã",
        "content": "Đưa tin, bài về công tác CCHC của các cơ quan đơn vị.",
        "lead_agency_id": radio,
        "lead_text": "Đài Truyền thanh xã",
        "coordinator_agency_ids": [vp_tk],
        "coordinate_text": "Công chức VP-TK",
        "recurrence": "weekly",
        "start_on": "2024-01-01",
        "end_on": "2024-12-31",
        "channel_types": ["radio", "e_portal"],
        "topics": ["reform.procedures"],
        "targets": [{"indicator": "broadcasts", "value": 52}],
        "budget_vnd": 5000000,
    }

    created = add_task(client, auth("lexa.officer"), draft["id"], **fields)

    got = client.get(f"{API}/tasks/{created['id']}", headers=auth("lexa.officer")).json()
    assert {k: got[k] for k in fields if k not in ("lead_agency_id", "coordinator_agency_ids")} == {
        k: v for k, v in fields.items() if k not in ("lead_agency_id", "coordinator_agency_ids")
    }
    assert (got["lead_agency"]["name"], [c["id"] for c in got["coordinators"]]) == (
        "Đài Truyền thanh xã",
        [vp_tk],
    )


def test_lead_agency_of_another_unit_is_422(client: TestClient, db: Session, auth: Auth) -> None:
    district_agency = seed_tasks(db, "songma-33-2019")[1].lead_agency_id
    draft = create_draft(client, auth("lexa.officer"))

    response = client.post(
        f"{API}/plans/{draft['id']}/tasks",
        json={"ordinal": "1", "title": "Tuyên truyền", "lead_agency_id": district_agency},
        headers=auth("lexa.officer"),
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.lead_agency_id"]


def test_lead_agency_and_every_child_unit_at_once_is_422(
    client: TestClient, db: Session, auth: Auth
) -> None:
    radio = seed_tasks(db, "lexa-17-2024")[6].lead_agency_id
    draft = create_draft(client, auth("lexa.officer"))

    response = client.post(
        f"{API}/plans/{draft['id']}/tasks",
        json={
            "ordinal": "1",
            "title": "Tuyên truyền",
            "lead_agency_id": radio,
            "lead_all_children": True,
        },
        headers=auth("lexa.officer"),
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.lead_all_children"]


def test_unknown_channel_type_is_422(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    response = client.post(
        f"{API}/plans/{draft['id']}/tasks",
        json={"ordinal": "1", "title": "Tuyên truyền", "channel_types": ["radio", "fax"]},
        headers=auth("lexa.officer"),
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.channel_types"]


def test_task_dates_outside_the_plan_period_are_422(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))

    response = client.post(
        f"{API}/plans/{draft['id']}/tasks",
        json={"ordinal": "1", "title": "Tuyên truyền", "end_on": "2025-03-31"},
        headers=auth("lexa.officer"),
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.end_on"]


def test_task_of_an_issued_plan_is_not_edited(client: TestClient, db: Session, auth: Auth) -> None:
    task = seed_tasks(db, "lexa-17-2024")[0]
    headers = {
        **auth("lexa.officer"),
        "If-Match": etag(client, auth("lexa.officer"), f"/tasks/{task.id}"),
    }

    response = client.patch(f"{API}/tasks/{task.id}", json={"title": "Khác"}, headers=headers)

    assert response.status_code == 409


def test_task_patch_needs_if_match(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))
    task = add_task(client, auth("lexa.officer"), draft["id"])

    response = client.patch(
        f"{API}/tasks/{task['id']}", json={"title": "Khác"}, headers=auth("lexa.officer")
    )

    assert response.status_code == 428


def test_task_patch_with_if_match_bumps_its_version(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))
    task = add_task(client, auth("lexa.officer"), draft["id"])
    headers = {**auth("lexa.officer"), "If-Match": f'"task-{task["id"]}-v1"'}

    response = client.patch(
        f"{API}/tasks/{task['id']}", json={"recurrence": "monthly"}, headers=headers
    )

    assert response.status_code == 200
    assert (response.json()["recurrence"], response.json()["version"]) == ("monthly", 2)


def test_invalid_task_patch_changes_nothing(client: TestClient, db: Session, auth: Auth) -> None:
    district_agency = seed_tasks(db, "songma-33-2019")[1].lead_agency_id
    draft = create_draft(client, auth("lexa.officer"))
    task = add_task(client, auth("lexa.officer"), draft["id"])
    headers = {**auth("lexa.officer"), "If-Match": f'"task-{task["id"]}-v1"'}

    bad = client.patch(
        f"{API}/tasks/{task['id']}",
        json={"title": "Đổi tên", "lead_agency_id": district_agency},
        headers=headers,
    )
    good = client.patch(f"{API}/tasks/{task['id']}", json={"ordinal": "2"}, headers=headers)

    assert bad.status_code == 422
    assert (good.json()["title"], good.json()["lead_agency"]) == (task["title"], None)


def test_task_is_deleted_from_a_draft(client: TestClient, auth: Auth) -> None:
    draft = create_draft(client, auth("lexa.officer"))
    task = add_task(client, auth("lexa.officer"), draft["id"])
    headers = {**auth("lexa.officer"), "If-Match": f'"task-{task["id"]}-v1"'}

    response = client.delete(f"{API}/tasks/{task['id']}", headers=headers)

    assert response.status_code == 204
    plan = client.get(f"{API}/plans/{draft['id']}", headers=auth("lexa.officer")).json()
    assert (plan["task_count"], plan["tasks"]) == (0, [])


def test_task_led_by_every_commune_fans_out_to_each_commune_of_tien_lu(
    client: TestClient, db: Session, auth: Auth
) -> None:
    draft = create_draft(
        client, auth("tienlu.officer"), title="Kế hoạch tuyên truyền CCHC huyện Tiên Lữ năm 2024"
    )
    add_task(client, auth("tienlu.officer"), draft["id"], lead_all_children=True)

    client.post(
        f"{API}/plans/{draft['id']}/issue",
        json={"number": 5, "issued_on": "2024-01-10"},
        headers=auth("tienlu.leader"),
    )

    assigned = db.exec(
        select(Assignment.assignee_unit_id).where(Assignment.plan_id == draft["id"])
    ).all()
    assert len(assigned) == 11  # Tiên Lữ's communes and town on 10/01/2024
    assert unit_id(db, "commune", "12352") in assigned


def test_song_ma_tasks_for_every_commune_fanned_out_to_its_19_communes(db: Session) -> None:
    tasks = seed_tasks(db, "songma-33-2019")
    per_task = dict(
        db.exec(
            select(Assignment.task_id, func.count())
            .where(Assignment.assignee_agency_id.is_(None))  # type: ignore[union-attr]
            .group_by(Assignment.task_id)
        ).all()
    )

    assert {t.ordinal: per_task.get(t.id, 0) for t in tasks} == {
        "1": 19,
        "2": 0,
        "3": 19,
        "4": 0,
        "5": 0,
        "6": 0,
    }


def test_fan_out_costs_the_same_statements_for_11_and_19_communes(
    client: TestClient, auth: Auth, count_statements: StatementCounter
) -> None:
    costs = []
    for district in ("tienlu", "songma"):  # 11 and 19 communes
        draft = create_draft(client, auth(f"{district}.officer"), title="Kế hoạch CCHC năm 2024")
        add_task(client, auth(f"{district}.officer"), draft["id"], lead_all_children=True)
        leader = auth(f"{district}.leader")
        client.get(f"{API}/plans/{draft['id']}", headers=leader)  # opens the test's savepoint
        before = count_statements.count
        response = client.post(
            f"{API}/plans/{draft['id']}/issue",
            json={"number": 77, "issued_on": "2024-02-01"},
            headers=leader,
        )
        assert response.status_code == 200
        costs.append(count_statements.count - before)

    assert costs[0] == costs[1]
