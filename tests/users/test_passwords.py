"""The password policy, wherever a password is set: creating or changing a user, the CLI."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.cli import main as cli
from tests.helpers import unit_id

USERS = "/api/v1/users"
PASSPHRASE = "mây-tre-đan-ghế-xanh"
TOO_EASY = (
    "Mật khẩu quá dễ đoán (mật khẩu phổ biến, dãy số, dãy phím, ký tự lặp hoặc chứa "
    "tên). Hãy dùng một cụm vài từ không liên quan, ví dụ “mây-tre-đan-ghế-xanh”."
)


def _create(client: TestClient, db: Session, headers: dict[str, str], password: str):  # type: ignore[no-untyped-def]
    return client.post(
        USERS,
        json={
            "username": "lexa.viewer",
            "full_name": "Đỗ Văn Xem",
            "role": "viewer",
            "password": password,
            "unit_id": unit_id(db, "commune", "12352"),
        },
        headers=headers,
    )


def _logs_in(client: TestClient, password: str) -> int:
    form = {"grant_type": "password", "username": "lexa.viewer", "password": password}
    return client.post("/api/v1/auth/token", data=form).status_code


def _password_errors(response) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.text
    return [(e["field"], e["type"], e["message"]) for e in response.json()["errors"]]


def test_ten_spaces_are_refused(client: TestClient, db: Session, auth) -> None:  # type: ignore[no-untyped-def]
    response = _create(client, db, auth("admin"), " " * 10)
    assert _password_errors(response) == [
        ("body.password", "password_policy", "Mật khẩu không được chỉ gồm khoảng trắng.")
    ]


@pytest.mark.parametrize(
    "password", ["password1234", "1234567890", "qwertyuiop12", "matkhau2024", "Matkhau@123"]
)
def test_common_and_trivial_passwords_are_refused(
    client: TestClient,
    db: Session,
    auth,  # type: ignore[no-untyped-def]
    password: str,
) -> None:
    response = _create(client, db, auth("admin"), password)
    assert _password_errors(response) == [("body.password", "password_policy", TOO_EASY)]


def test_a_password_containing_the_username_is_refused(
    client: TestClient,
    db: Session,
    auth,  # type: ignore[no-untyped-def]
) -> None:
    response = _create(client, db, auth("admin"), "lexa.viewer-2026")
    assert _password_errors(response) == [
        ("body.password", "password_policy", "Mật khẩu không được chứa tên đăng nhập.")
    ]


def test_a_passphrase_is_accepted_and_logs_in(client: TestClient, db: Session, auth) -> None:  # type: ignore[no-untyped-def]
    assert _create(client, db, auth("admin"), PASSPHRASE).status_code == 201
    assert _logs_in(client, PASSPHRASE) == 200


def test_changing_to_a_weak_password_is_refused_and_the_old_one_still_works(
    client: TestClient,
    db: Session,
    auth,  # type: ignore[no-untyped-def]
) -> None:
    headers = auth("admin")
    created = _create(client, db, headers, PASSPHRASE).json()
    response = client.patch(
        f"{USERS}/{created['id']}",
        json={"password": "abc@123456"},
        headers={**headers, "If-Match": f'"user-{created["id"]}-v1"'},
    )
    assert _password_errors(response) == [("body.password", "password_policy", TOO_EASY)]
    assert _logs_in(client, PASSPHRASE) == 200


def test_create_user_command_refuses_a_weak_password(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli(["create-user", "cli.officer", "--password", "1234567890", "--role", "officer"])
    assert code == 2
    assert capsys.readouterr().err.strip() == TOO_EASY
