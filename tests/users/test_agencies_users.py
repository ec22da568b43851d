"""Agencies and users: admin scope, versions (ETag / If-Match) and audit entries."""

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.helpers import unit_id


def _first_agency(client: TestClient, headers: dict[str, str], unit: int) -> dict[str, object]:
    items = client.get("/api/v1/agencies", params={"unit_id": unit}, headers=headers).json()[
        "items"
    ]
    return items[0]


def test_lexa_agencies_are_the_commune_civil_servants_of_the_seed(
    client: TestClient,
    db: Session,
    auth,  # type: ignore[no-untyped-def]
) -> None:
    lexa = unit_id(db, "commune", "12352")
    items = client.get(
        "/api/v1/agencies",
        params={"unit_id": lexa, "q": "cong chuc tu phap"},
        headers=auth("lexa.officer"),
    ).json()["items"]
    assert [a["name"] for a in items] == ["Công chức Tư pháp"]


def test_get_agency_returns_an_etag_and_patch_needs_it(
    client: TestClient,
    db: Session,
    auth,  # type: ignore[no-untyped-def]
) -> None:
    headers = auth("admin")
    agency = _first_agency(client, headers, unit_id(db, "commune", "12352"))
    url = f"/api/v1/agencies/{agency['id']}"
    etag = client.get(url, headers=headers).headers["ETag"]
    assert etag == f'"agency-{agency["id"]}-v1"'
    missing = client.patch(url, json={"short_name": "VP"}, headers=headers)
    assert (missing.status_code, missing.json()["code"]) == (428, "precondition_required")
    ok = client.patch(url, json={"short_name": "VP"}, headers={**headers, "If-Match": etag})
    assert (ok.status_code, ok.json()["short_name"], ok.headers["ETag"]) == (
        200,
        "VP",
        f'"agency-{agency["id"]}-v2"',
    )
    stale = client.patch(url, json={"short_name": "X"}, headers={**headers, "If-Match": etag})
    assert (stale.status_code, stale.json()["code"]) == (412, "precondition_failed")
    assert client.get(url, headers=headers).json()["short_name"] == "VP"


def test_every_write_leaves_an_audit_entry_with_before_and_after(
    client: TestClient,
    db: Session,
    auth,  # type: ignore[no-untyped-def]
) -> None:
    headers = auth("admin")
    created = client.post(
        "/api/v1/agencies",
        json={
            "unit_id": unit_id(db, "commune", "12352"),
            "name": "Hội Nông dân xã",
            "kind": "mass_organisation",
        },
        headers=headers,
    ).json()
    client.patch(
        f"/api/v1/agencies/{created['id']}",
        json={"name": "Hội Nông dân xã Lệ Xá"},
        headers={**headers, "If-Match": f'"agency-{created["id"]}-v1"'},
    )
    entries = client.get(
        "/api/v1/audit", params={"entity": "agency", "entity_id": created["id"]}, headers=headers
    ).json()["items"]
    assert [(e["action"], e["actor_username"]) for e in entries] == [
        ("update", "admin"),
        ("create", "admin"),
    ]
    assert (entries[0]["before"]["name"], entries[0]["after"]["name"]) == (
        "Hội Nông dân xã",
        "Hội Nông dân xã Lệ Xá",
    )


def test_audit_never_records_password_hashes(client: TestClient, db: Session, auth) -> None:  # type: ignore[no-untyped-def]
    headers = auth("admin")
    created = client.post(
        "/api/v1/users",
        json={
            "username": "lexa.viewer",
            "full_name": "Đỗ Văn Xem",
            "role": "viewer",
            "password": "mot-mat-khau-dai",
            "unit_id": unit_id(db, "commune", "12352"),
        },
        headers=headers,
    )
    assert created.status_code == 201
    entry = client.get(
        "/api/v1/audit",
        params={"entity": "user", "entity_id": created.json()["id"]},
        headers=headers,
    ).json()["items"][0]
    assert "password_hash" not in entry["after"]
    assert entry["after"]["username"] == "lexa.viewer"


def test_non_admin_cannot_list_users_or_read_audit(client: TestClient, auth) -> None:  # type: ignore[no-untyped-def]
    headers = auth("lexa.leader")
    assert client.get("/api/v1/users", headers=headers).status_code == 403
    assert client.get("/api/v1/audit", headers=headers).status_code == 403


def test_duplicate_username_is_409_and_creates_nothing(
    client: TestClient,
    db: Session,
    auth,  # type: ignore[no-untyped-def]
) -> None:
    headers = auth("admin")
    body = {
        "username": "lexa.officer",
        "full_name": "Người Trùng",
        "role": "viewer",
        "password": "mot-mat-khau-dai",
        "unit_id": unit_id(db, "commune", "12352"),
    }
    response = client.post("/api/v1/users", json=body, headers=headers)
    assert (response.status_code, response.json()["code"]) == (409, "username_taken")
    found = client.get("/api/v1/users", params={"q": "lexa.officer"}, headers=headers).json()
    assert [u["full_name"] for u in found["items"]] == ["Chuyên viên Xã Lệ Xá"]


def test_agency_of_another_unit_cannot_be_given_to_a_user(
    client: TestClient,
    db: Session,
    auth,  # type: ignore[no-untyped-def]
) -> None:
    headers = auth("admin")
    hanoi_agency = _first_agency(client, headers, unit_id(db, "province", "01"))
    response = client.post(
        "/api/v1/users",
        json={
            "username": "lexa.wrong",
            "full_name": "Sai Cơ Quan",
            "role": "officer",
            "password": "mot-mat-khau-dai",
            "unit_id": unit_id(db, "commune", "12352"),
            "agency_id": hanoi_agency["id"],
        },
        headers=headers,
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.agency_id"]
