"""Drafts through the API: seed values round-trip, validation names the field, ETags guard edits."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.audit.models import AuditEntry
from tests.plans.factories import API, create_draft, etag, plan_body, seed, seed_plan

# These tests run the workflow of the seeds' (pre-2025) units as it was then.
pytestmark = pytest.mark.usefixtures("before_the_reform")

Auth = Callable[[str], dict[str, str]]


def test_le_xa_draft_round_trips_every_header_field(client: TestClient, auth: Auth) -> None:
    created = create_draft(client, auth("lexa.officer"))

    got = client.get(f"{API}/plans/{created['id']}", headers=auth("lexa.officer")).json()

    s = seed("lexa-17-2024").plan
    assert got["title"] == "Tuyên truyền cải cách hành chính xã Lệ Xá năm 2024"
    assert (got["place"], got["signer_name"], got["signer_title"], got["signing_mode"]) == (
        "Lệ Xá",
        "Nguyễn Bá Tâm",
        "Phó Chủ tịch",
        "TM.",
    )
    assert (got["period_start"], got["period_end"]) == ("2024-01-01", "2024-12-31")
    assert got["legal_bases"] == s["legal_bases"]
    assert [b["reference"] for b in got["legal_bases"]] == ["167/KH-UBND", "184/KH-UBND"]
    assert got["purposes"] == s["purposes"]
    assert got["requirements"] == s["requirements"]
    assert got["recipients"] == s["recipients"]
    assert got["budget"] == s["budget"]
    assert sorted(got["topics"]) == sorted(s["topics"])
    assert (got["status"], got["number"], got["number_text"]) == ("draft", None, "…/KH-UBND")
    assert (got["unit_name"], got["task_count"], got["tasks"]) == ("Xã Lệ Xá", 0, [])


def test_issued_le_xa_plan_reads_17_kh_ubnd_of_15_january_2024(
    client: TestClient, db: Session, auth: Auth
) -> None:
    plan = seed_plan(db, "lexa-17-2024")

    got = client.get(f"{API}/plans/{plan.id}", headers=auth("lexa.officer")).json()

    assert (got["number_text"], got["issued_on"], got["signer_name"]) == (
        "17/KH-UBND",
        "2024-01-15",
        "Nguyễn Bá Tâm",
    )
    assert [(b["reference"], b["issued_on"]) for b in got["legal_bases"]] == [
        ("167/KH-UBND", "2021-12-30"),
        ("184/KH-UBND", "2023-12-28"),
    ]


def test_every_number_form_of_decree_30_is_accepted_as_legal_basis(
    client: TestClient, auth: Auth
) -> None:
    references = ["145/KH-UBND", "108/2020/NĐ-CP", "01-CTr/TU", "97/2019/QH14"]
    bases = [{"reference": r} for r in references]

    created = create_draft(client, auth("lexa.officer"), legal_bases=bases)

    assert [b["reference"] for b in created["legal_bases"]] == references


def test_legal_basis_reference_is_stored_in_canonical_form(client: TestClient, auth: Auth) -> None:
    created = create_draft(
        client, auth("lexa.officer"), legal_bases=[{"reference": "Số: 636/QĐ- UBND"}]
    )

    assert created["legal_bases"][0]["reference"] == "636/QĐ-UBND"


def test_malformed_legal_basis_is_422_naming_the_field(client: TestClient, auth: Auth) -> None:
    body = plan_body(
        "lexa-17-2024",
        legal_bases=[{"reference": "167/KH-UBND"}, {"reference": "Kế hoạch số bảy"}],
    )

    response = client.post(f"{API}/plans", json=body, headers=auth("lexa.officer"))

    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == ["body.legal_bases.1.reference"]
    assert errors[0]["message"].startswith("Số hiệu văn bản không đúng định dạng")


def test_period_ending_before_it_starts_is_422(client: TestClient, auth: Auth) -> None:
    body = plan_body("lexa-17-2024", period_start="2024-12-31", period_end="2024-01-01")

    response = client.post(f"{API}/plans", json=body, headers=auth("lexa.officer"))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.period_end"]


def test_unknown_topic_is_422_naming_the_field(client: TestClient, auth: Auth) -> None:
    body = plan_body("lexa-17-2024", topics=["index.par", "index.unknown"])

    response = client.post(f"{API}/plans", json=body, headers=auth("lexa.officer"))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.topics"]


def test_parent_plan_of_the_district_is_accepted(
    client: TestClient, db: Session, auth: Auth
) -> None:
    parent = seed_plan(db, "tienlu-184-2023")

    created = create_draft(client, auth("lexa.officer"), parent_plan_id=parent.id)

    assert created["parent_plan_id"] == parent.id


def test_parent_plan_of_another_district_is_422(
    client: TestClient, db: Session, auth: Auth
) -> None:
    songma = seed_plan(db, "songma-33-2019")  # public, so Lệ Xá can read it

    body = plan_body("lexa-17-2024", parent_plan_id=songma.id)
    response = client.post(f"{API}/plans", json=body, headers=auth("lexa.officer"))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.parent_plan_id"]


def test_parent_plan_the_caller_cannot_see_is_the_same_422(
    client: TestClient, db: Session, auth: Auth
) -> None:
    trabong_draft = seed_plan(db, "trabong-2022-2025")

    body = plan_body("lexa-17-2024", parent_plan_id=trabong_draft.id)
    response = client.post(f"{API}/plans", json=body, headers=auth("lexa.officer"))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.parent_plan_id"]


def test_plan_of_another_unit_cannot_be_created(
    client: TestClient, db: Session, auth: Auth
) -> None:
    tien_lu = seed_plan(db, "tienlu-184-2023").unit_id

    body = plan_body("lexa-17-2024", unit_id=tien_lu)
    response = client.post(f"{API}/plans", json=body, headers=auth("lexa.officer"))

    assert response.status_code == 403


def test_draft_is_patched_with_if_match_and_gets_a_new_etag(client: TestClient, auth: Auth) -> None:
    created = create_draft(client, auth("lexa.officer"))
    headers = {**auth("lexa.officer"), "If-Match": created["etag"]}

    response = client.patch(
        f"{API}/plans/{created['id']}", json={"place": "Xã Lệ Xá"}, headers=headers
    )

    assert response.status_code == 200
    assert response.json()["place"] == "Xã Lệ Xá"
    assert response.headers["ETag"] == f'"plan-{created["id"]}-v2"'


def test_patch_without_if_match_is_428(client: TestClient, auth: Auth) -> None:
    created = create_draft(client, auth("lexa.officer"))

    response = client.patch(
        f"{API}/plans/{created['id']}", json={"place": "Lệ Xá"}, headers=auth("lexa.officer")
    )

    assert response.status_code == 428


def test_patch_with_a_stale_etag_is_412_and_changes_nothing(client: TestClient, auth: Auth) -> None:
    created = create_draft(client, auth("lexa.officer"))
    headers = {**auth("lexa.officer"), "If-Match": created["etag"]}
    client.patch(f"{API}/plans/{created['id']}", json={"place": "Xã Lệ Xá"}, headers=headers)

    stale = client.patch(f"{API}/plans/{created['id']}", json={"place": "Khác"}, headers=headers)

    assert stale.status_code == 412
    got = client.get(f"{API}/plans/{created['id']}", headers=auth("lexa.officer")).json()
    assert got["place"] == "Xã Lệ Xá"


def test_patch_setting_the_title_to_null_is_422(client: TestClient, auth: Auth) -> None:
    created = create_draft(client, auth("lexa.officer"))
    headers = {**auth("lexa.officer"), "If-Match": created["etag"]}

    response = client.patch(f"{API}/plans/{created['id']}", json={"title": None}, headers=headers)

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.title"]


def test_issued_plan_is_not_patched_in_place(client: TestClient, db: Session, auth: Auth) -> None:
    plan = seed_plan(db, "lexa-17-2024")
    headers = {
        **auth("lexa.officer"),
        "If-Match": etag(client, auth("lexa.officer"), f"/plans/{plan.id}"),
    }

    response = client.patch(f"{API}/plans/{plan.id}", json={"place": "Lệ Xá"}, headers=headers)

    assert response.status_code == 409
    assert response.json()["code"] == "plan_not_draft"


def test_draft_is_deleted_with_if_match(client: TestClient, auth: Auth) -> None:
    created = create_draft(client, auth("lexa.officer"))
    headers = {**auth("lexa.officer"), "If-Match": created["etag"]}

    response = client.delete(f"{API}/plans/{created['id']}", headers=headers)

    assert response.status_code == 204
    gone = client.get(f"{API}/plans/{created['id']}", headers=auth("lexa.officer"))
    assert gone.status_code == 404


def test_issued_plan_cannot_be_deleted(client: TestClient, db: Session, auth: Auth) -> None:
    plan = seed_plan(db, "lexa-17-2024")
    headers = {
        **auth("lexa.officer"),
        "If-Match": etag(client, auth("lexa.officer"), f"/plans/{plan.id}"),
    }

    response = client.delete(f"{API}/plans/{plan.id}", headers=headers)

    assert response.status_code == 409


def test_every_write_leaves_an_audit_entry(client: TestClient, db: Session, auth: Auth) -> None:
    created = create_draft(client, auth("lexa.officer"))
    headers = {**auth("lexa.officer"), "If-Match": created["etag"]}
    client.patch(f"{API}/plans/{created['id']}", json={"place": "Xã Lệ Xá"}, headers=headers)

    entries = db.exec(
        select(AuditEntry.action, AuditEntry.actor_username)
        .where(AuditEntry.entity == "plan", AuditEntry.entity_id == created["id"])
        .order_by(col(AuditEntry.id))
    ).all()

    assert [tuple(e) for e in entries] == [("create", "lexa.officer"), ("update", "lexa.officer")]


def test_ids_beyond_the_database_range_are_422_not_500(
    client: TestClient, db: Session, auth: Auth
) -> None:
    headers = auth("lexa.officer")
    too_big = 3_000_000_000

    responses = [
        client.get(f"{API}/plans/{too_big}", headers=headers),
        client.get(f"{API}/tasks/{too_big}", headers=headers),
        client.get(f"{API}/plans", params={"unit_id": too_big}, headers=headers),
        client.post(
            f"{API}/plans", json=plan_body("lexa-17-2024", parent_plan_id=too_big), headers=headers
        ),
    ]

    assert [r.status_code for r in responses] == [422, 422, 422, 422]
    lexa = seed_plan(db, "lexa-17-2024")
    assert client.get(f"{API}/plans/{lexa.id}", headers=headers).status_code == 200


def test_a_malformed_id_is_422_before_a_missing_if_match(client: TestClient, auth: Auth) -> None:
    response = client.patch(
        f"{API}/plans/abc", json={"place": "Lệ Xá"}, headers=auth("lexa.officer")
    )

    assert (response.status_code, response.json()["errors"][0]["field"]) == (422, "path.plan_id")
