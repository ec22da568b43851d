"""The signing key: generated once outside production, required in it, never the published one."""

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from jose import jwt
from sqlmodel import Session, select

from app.core.settings import PUBLISHED_DEV_SECRET, Settings
from app.users.models import User


def _settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: str, key: str | None
) -> Settings:
    monkeypatch.setenv("CCHC_ENV", env)
    monkeypatch.setenv("CCHC_SECRET_KEY_FILE", str(tmp_path / "var" / "secret_key"))
    if key is None:
        monkeypatch.delenv("CCHC_SECRET_KEY", raising=False)
    else:
        monkeypatch.setenv("CCHC_SECRET_KEY", key)
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_without_a_key_dev_generates_a_private_one_and_reuses_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = _settings(monkeypatch, tmp_path, "dev", None).signing_key()
    again = _settings(monkeypatch, tmp_path, "demo", None).signing_key()
    key_file = tmp_path / "var" / "secret_key"
    assert (first == again, len(first) >= 64, key_file.stat().st_mode & 0o777) == (
        True,
        True,
        0o600,
    )
    assert key_file.read_text().strip() == first
    assert sorted(p.name for p in key_file.parent.iterdir()) == ["secret_key"]


def test_production_refuses_to_start_without_an_explicit_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = _settings(monkeypatch, tmp_path, "production", None)
    with pytest.raises(RuntimeError, match="CCHC_SECRET_KEY must be set when CCHC_ENV=production"):
        settings.check_safe_to_serve()
    assert not (tmp_path / "var").exists()


@pytest.mark.parametrize("env", ["dev", "demo", "test", "production"])
def test_the_published_dev_key_is_refused_in_every_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: str
) -> None:
    settings = _settings(monkeypatch, tmp_path, env, PUBLISHED_DEV_SECRET)
    with pytest.raises(RuntimeError, match="the key published in the code"):
        settings.check_safe_to_serve()


def test_a_short_explicit_key_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings = _settings(monkeypatch, tmp_path, "production", "short-key")
    with pytest.raises(RuntimeError, match="at least 32 characters"):
        settings.check_safe_to_serve()


def test_an_admin_token_signed_with_the_published_key_is_401(
    client: TestClient, db: Session
) -> None:
    admin = db.exec(select(User).where(User.username == "admin")).one()
    forged = jwt.encode(
        {"sub": str(admin.id), "role": "admin", "exp": int(time.time()) + 3600},
        PUBLISHED_DEV_SECRET,
        algorithm="HS256",
    )
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {forged}"})
    assert (response.status_code, response.json()["code"]) == (401, "unauthorized")


def test_an_over_long_bearer_token_is_401_before_it_is_decoded(client: TestClient) -> None:
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer " + "a" * 1_000_000})
    assert response.status_code == 401
    assert response.json()["detail"] == "Mã truy cập quá dài, không hợp lệ; hãy đăng nhập lại."


def test_an_over_long_basic_header_on_the_token_endpoint_is_400(client: TestClient) -> None:
    response = client.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": "Basic " + "QUFB" * 250_000},
    )
    assert (response.status_code, response.json()["code"]) == (400, "invalid_request")
