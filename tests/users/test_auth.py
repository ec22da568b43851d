"""The real token endpoint: password grant for people, client_credentials for service accounts."""

import base64

from fastapi.testclient import TestClient
from jose import jwt

from app.core.settings import get_settings
from tests.conftest import DEMO_PASSWORD

TOKEN = "/api/v1/auth/token"


def test_officer_logs_in_and_me_names_their_commune(client: TestClient) -> None:
    response = client.post(
        TOKEN,
        data={"grant_type": "password", "username": "lexa.officer", "password": DEMO_PASSWORD},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["token_type"], body["role"], body["expires_in"]) == ("bearer", "officer", 3600)
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert (me.json()["username"], me.json()["unit_name"]) == ("lexa.officer", "Xã Lệ Xá")


def test_token_carries_an_expiry_and_is_signed_with_the_configured_key(client: TestClient) -> None:
    response = client.post(
        TOKEN, data={"grant_type": "password", "username": "lexa.leader", "password": DEMO_PASSWORD}
    )
    claims = jwt.decode(
        response.json()["access_token"],
        get_settings().secret_key.get_secret_value(),
        algorithms=["HS256"],
    )
    assert claims["exp"] - claims["iat"] == 3600
    assert claims["role"] == "leader"


def test_wrong_password_is_401_problem_in_vietnamese(client: TestClient) -> None:
    response = client.post(
        TOKEN,
        data={"grant_type": "password", "username": "lexa.officer", "password": "sai-mat-khau"},
    )
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "invalid_grant"
    assert response.json()["detail"] == "Sai tên đăng nhập hoặc mật khẩu."


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(client: TestClient) -> None:
    response = client.post(
        TOKEN, data={"grant_type": "password", "username": "khong.ton.tai", "password": "x" * 12}
    )
    assert (response.status_code, response.json()["code"]) == (401, "invalid_grant")


def test_portal_uses_client_credentials_in_the_form(client: TestClient) -> None:
    response = client.post(
        TOKEN,
        data={
            "grant_type": "client_credentials",
            "client_id": "portal",
            "client_secret": DEMO_PASSWORD,
        },
    )
    assert (response.status_code, response.json()["role"]) == (200, "portal")


def test_integration_uses_client_credentials_with_basic_auth(client: TestClient) -> None:
    basic = base64.b64encode(f"integration:{DEMO_PASSWORD}".encode()).decode()
    response = client.post(
        TOKEN,
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert (response.status_code, response.json()["role"]) == (200, "integration")


def test_service_account_cannot_use_the_password_grant(client: TestClient) -> None:
    response = client.post(
        TOKEN, data={"grant_type": "password", "username": "portal", "password": DEMO_PASSWORD}
    )
    assert (response.status_code, response.json()["code"]) == (401, "unauthorized_client")


def test_person_cannot_use_client_credentials(client: TestClient) -> None:
    response = client.post(
        TOKEN,
        data={
            "grant_type": "client_credentials",
            "client_id": "lexa.officer",
            "client_secret": DEMO_PASSWORD,
        },
    )
    assert (response.status_code, response.json()["code"]) == (401, "unauthorized_client")


def test_unknown_grant_type_is_422_naming_the_field(client: TestClient) -> None:
    response = client.post(TOKEN, data={"grant_type": "implicit"})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["body.grant_type"]


def test_garbage_bearer_token_is_401_not_500(client: TestClient) -> None:
    for token in ("abc", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.x", ""):
        response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, token


def test_deactivated_user_token_stops_working(client: TestClient, auth) -> None:  # type: ignore[no-untyped-def]
    headers = auth("admin")
    target = client.get("/api/v1/users", params={"q": "songma.officer"}, headers=headers).json()
    user = target["items"][0]
    response = client.post(
        TOKEN,
        data={"grant_type": "password", "username": "songma.officer", "password": DEMO_PASSWORD},
    )
    officer = {"Authorization": f"Bearer {response.json()['access_token']}"}
    patched = client.patch(
        f"/api/v1/users/{user['id']}",
        json={"is_active": False},
        headers={**headers, "If-Match": f'"user-{user["id"]}-v{user["version"]}"'},
    )
    assert patched.status_code == 200
    assert client.get("/api/v1/me", headers=officer).status_code == 401
