"""Logging one activity: what it may count, where, in which language, against which assignment."""

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.audit.models import AuditEntry
from app.core.security import create_access_token, hash_password
from app.users.models import Role, User
from tests.channels.factories import (
    API,
    LEXA_PORTAL,
    LEXA_RADIO,
    SONGMA_STATION,
    activity_body,
    assignment_of,
    channel_id,
    log,
)
from tests.helpers import unit_id
from tests.plans.factories import seed_plan, seed_tasks

Auth = Callable[[str], dict[str, str]]


def _errors(response: object) -> list[tuple[str, str]]:
    body = response.json()  # type: ignore[attr-defined]
    return [(e["field"], e["message"]) for e in body["errors"]]


def _post(client: TestClient, headers: dict[str, str], body: dict[str, object]) -> object:
    return client.post(f"{API}/activities", json=body, headers=headers)


def importer(db: Session, unit: int | None = None) -> dict[str, str]:
    """An integration account granted `write` (national when `unit` is None)."""
    user = User(
        username=f"importer.{unit}",
        full_name="Hệ thống quản lý văn bản",
        role=Role.integration,
        unit_id=unit,
        password_hash=hash_password("importer-password"),
        scopes="read write",
    )
    db.add(user)
    db.flush()
    assert user.id is not None
    token, _ = create_access_token(user.id, {"role": "integration", "unit_id": unit})
    return {"Authorization": f"Bearer {token}"}


def test_an_officer_logs_a_broadcast_on_the_communes_radio(
    client: TestClient, db: Session, auth: Auth
) -> None:
    created = log(client, auth("lexa.officer"), activity_body(channel_id(db, LEXA_RADIO)))

    assert {
        k: created[k]
        for k in ("unit_name", "channel_name", "channel_type", "quantities", "topics", "language")
    } == {
        "unit_name": "Xã Lệ Xá",
        "channel_name": LEXA_RADIO,
        "channel_type": "radio",
        "quantities": {"broadcasts": 1, "minutes": 5},
        "topics": ["reform.procedures"],
        "language": "vie",
    }
    assert created["etag"] == f'"activity-{created["id"]}-v1"'


def test_a_quantity_the_channel_type_does_not_count_is_422_naming_it(
    client: TestClient, db: Session, auth: Auth
) -> None:
    body = activity_body(channel_id(db, LEXA_RADIO), quantities={"broadcasts": 1, "leaflets": 500})

    response = _post(client, auth("lexa.officer"), body)

    assert response.status_code == 422  # type: ignore[attr-defined]
    assert _errors(response) == [
        (
            "body.quantities.leaflets",
            "Kênh loại `radio` không đếm «leaflets»; chỉ đếm: broadcasts, minutes, articles.",
        )
    ]


def test_a_negative_quantity_is_422(client: TestClient, db: Session, auth: Auth) -> None:
    body = activity_body(channel_id(db, LEXA_RADIO), quantities={"broadcasts": -1})

    response = _post(client, auth("lexa.officer"), body)

    assert [f for f, _ in _errors(response)] == ["body.quantities.broadcasts"]


def test_an_activity_counts_something(client: TestClient, db: Session, auth: Auth) -> None:
    response = _post(
        client, auth("lexa.officer"), activity_body(channel_id(db, LEXA_RADIO), quantities={})
    )

    assert [f for f, _ in _errors(response)] == ["body.quantities"]


def test_the_language_must_be_one_the_channel_uses(
    client: TestClient, db: Session, auth: Auth
) -> None:
    body = activity_body(channel_id(db, LEXA_RADIO), language="blt")

    response = _post(client, auth("lexa.officer"), body)

    assert _errors(response) == [
        (
            "body.language",
            "Kênh «Đài truyền thanh xã Lệ Xá» không phát, đăng bằng ngôn ngữ «blt» (ngôn ngữ "
            "của kênh: vie).",
        )
    ]


def test_a_thai_language_broadcast_on_the_song_ma_station(
    client: TestClient, db: Session, auth: Auth
) -> None:
    body = activity_body(
        channel_id(db, SONGMA_STATION),
        occurred_on="2019-06-10",
        title="Tuyên truyền thủ tục hành chính bằng tiếng Thái",
        language="blt",
    )

    assert log(client, auth("songma.officer"), body)["language"] == "blt"


def test_a_date_after_today_is_422(client: TestClient, db: Session, auth: Auth) -> None:
    body = activity_body(channel_id(db, LEXA_RADIO), occurred_on="2099-01-01")

    response = _post(client, auth("lexa.officer"), body)

    assert [f for f, _ in _errors(response)] == ["body.occurred_on"]


def test_a_channel_out_of_sight_is_422(client: TestClient, db: Session, auth: Auth) -> None:
    body = activity_body(channel_id(db, SONGMA_STATION), occurred_on="2024-03-05")

    response = _post(client, auth("lexa.officer"), body)

    assert _errors(response) == [
        ("body.channel_id", f"Không tìm thấy kênh mã {channel_id(db, SONGMA_STATION)}.")
    ]


def test_a_channel_of_another_line_is_422(client: TestClient, db: Session) -> None:
    body = activity_body(channel_id(db, SONGMA_STATION), unit_id=unit_id(db, "commune", "12352"))

    response = _post(client, importer(db), body)

    assert [f for f, _ in _errors(response)] == ["body.channel_id"]


def test_a_national_importer_names_the_unit(client: TestClient, db: Session) -> None:
    response = _post(client, importer(db), activity_body(channel_id(db, LEXA_RADIO)))

    assert _errors(response) == [
        ("body.unit_id", "Tài khoản cấp toàn quốc phải ghi rõ đơn vị thực hiện.")
    ]


def test_an_importer_without_the_write_scope_is_403(
    client: TestClient, db: Session, auth: Auth
) -> None:
    response = _post(client, auth("integration"), activity_body(channel_id(db, LEXA_RADIO)))

    assert response.status_code == 403  # type: ignore[attr-defined]


def test_an_assignee_logs_against_its_assignment(
    client: TestClient, db: Session, auth: Auth
) -> None:
    vp_tk = assignment_of(db, "lexa-17-2024", "2")  # the officer's agency leads task 2

    created = log(
        client,
        auth("lexa.officer"),
        activity_body(channel_id(db, LEXA_RADIO), assignment_id=vp_tk.id),
    )

    assert (created["assignment_id"], created["task_id"]) == (vp_tk.id, vp_tk.task_id)


def test_another_agencys_assignment_is_422(client: TestClient, db: Session, auth: Auth) -> None:
    radio_station = assignment_of(db, "lexa-17-2024", "7")  # led by Đài Truyền thanh xã

    response = _post(
        client,
        auth("lexa.officer"),
        activity_body(channel_id(db, LEXA_RADIO), assignment_id=radio_station.id),
    )

    assert _errors(response) == [
        (
            "body.assignment_id",
            "Phân công này giao cho cơ quan, đơn vị khác; chỉ cơ quan, đơn vị được giao mới ghi "
            "hoạt động theo phân công.",
        )
    ]


def test_the_units_leader_answers_for_its_agencies_assignments(
    client: TestClient, db: Session, auth: Auth
) -> None:
    radio_station = assignment_of(db, "lexa-17-2024", "7")

    created = log(
        client,
        auth("lexa.leader"),
        activity_body(channel_id(db, LEXA_RADIO), assignment_id=radio_station.id),
    )

    assert created["assignment_id"] == radio_station.id


def test_an_assignment_outside_the_plans_period_is_422(
    client: TestClient, db: Session, auth: Auth
) -> None:
    vp_tk = assignment_of(db, "lexa-17-2024", "2")
    body = activity_body(
        channel_id(db, LEXA_RADIO), assignment_id=vp_tk.id, occurred_on="2023-12-31"
    )

    response = _post(client, auth("lexa.officer"), body)

    assert _errors(response) == [
        (
            "body.occurred_on",
            "Ngày thực hiện phải nằm trong kỳ kế hoạch (01/01/2024 – 31/12/2024).",
        )
    ]


def test_an_assignment_of_a_closed_plan_is_422(client: TestClient, db: Session, auth: Auth) -> None:
    plan = seed_plan(db, "lexa-17-2024")
    closed = client.post(f"{API}/plans/{plan.id}/close", headers=auth("lexa.leader"))
    assert closed.status_code == 200, closed.text
    vp_tk = assignment_of(db, "lexa-17-2024", "2")

    response = _post(
        client,
        auth("lexa.officer"),
        activity_body(channel_id(db, LEXA_RADIO), assignment_id=vp_tk.id),
    )

    assert [f for f, _ in _errors(response)] == ["body.assignment_id"]


def test_a_task_led_by_every_commune_is_cited_by_task_alone(
    client: TestClient, db: Session, auth: Auth
) -> None:
    task = seed_tasks(db, "songma-33-2019")[0]
    portal = channel_id(db, "Trang thông tin điện tử huyện Sông Mã")
    body = activity_body(
        portal, task_id=task.id, occurred_on="2019-04-02", quantities={"articles": 2}
    )

    created = log(client, auth("songma.officer"), body)

    assert (created["task_id"], created["assignment_id"]) == (task.id, None)


def test_the_portal_reads_public_activities_only(
    client: TestClient, db: Session, auth: Auth
) -> None:
    body = activity_body(channel_id(db, LEXA_PORTAL), quantities={"articles": 1})
    public = log(client, auth("lexa.officer"), {**body, "public": True})
    internal = log(client, auth("lexa.officer"), body)

    portal = auth("portal")
    assert client.get(f"{API}/activities/{public['id']}", headers=portal).status_code == 200
    assert client.get(f"{API}/activities/{internal['id']}", headers=portal).status_code == 404


def test_patch_replaces_quantities_and_bumps_the_version(
    client: TestClient, db: Session, auth: Auth
) -> None:
    created = log(client, auth("lexa.officer"), activity_body(channel_id(db, LEXA_RADIO)))

    response = client.patch(
        f"{API}/activities/{created['id']}",
        json={"quantities": {"broadcasts": 2, "minutes": 12}},
        headers={**auth("lexa.officer"), "If-Match": created["etag"]},
    )

    assert (response.status_code, response.json()["quantities"], response.json()["version"]) == (
        200,
        {"broadcasts": 2, "minutes": 12},
        2,
    )


def test_patch_is_checked_like_a_new_activity(client: TestClient, db: Session, auth: Auth) -> None:
    created = log(client, auth("lexa.officer"), activity_body(channel_id(db, LEXA_RADIO)))

    response = client.patch(
        f"{API}/activities/{created['id']}",
        json={"channel_id": channel_id(db, LEXA_PORTAL)},
        headers={**auth("lexa.officer"), "If-Match": created["etag"]},
    )

    assert [f for f, _ in _errors(response)] == [
        "body.quantities.broadcasts",
        "body.quantities.minutes",
    ]


def test_delete_removes_the_activity_and_audits_it(
    client: TestClient, db: Session, auth: Auth
) -> None:
    created = log(client, auth("lexa.officer"), activity_body(channel_id(db, LEXA_RADIO)))
    path = f"{API}/activities/{created['id']}"

    response = client.delete(path, headers={**auth("lexa.officer"), "If-Match": created["etag"]})

    assert response.status_code == 204
    assert client.get(path, headers=auth("lexa.officer")).status_code == 404
    actions = db.exec(
        select(AuditEntry.action)
        .where(AuditEntry.entity == "activity", AuditEntry.entity_id == created["id"])
        .order_by(AuditEntry.id)  # type: ignore[arg-type]
    ).all()
    assert actions == ["create", "delete"]


def test_a_district_officer_cannot_change_a_communes_activity(
    client: TestClient, db: Session, auth: Auth
) -> None:
    created = log(client, auth("lexa.officer"), activity_body(channel_id(db, LEXA_RADIO)))

    response = client.patch(
        f"{API}/activities/{created['id']}",
        json={"title": "Tin sửa bởi huyện"},
        headers={**auth("tienlu.officer"), "If-Match": created["etag"]},
    )

    assert (response.status_code, response.json()["code"]) == (403, "not_owning_unit")


def test_audit_counts_one_entry_per_logged_activity(
    client: TestClient, db: Session, auth: Auth
) -> None:
    before = db.exec(select(func.count()).where(AuditEntry.entity == "activity")).one()
    log(client, auth("lexa.officer"), activity_body(channel_id(db, LEXA_RADIO)))

    after = db.exec(select(func.count()).where(AuditEntry.entity == "activity")).one()
    assert after - before == 1
