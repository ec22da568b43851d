"""Password hashing (Argon2 via pwdlib) and JWT access tokens (python-jose)."""

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from jose import jwt
from jose.exceptions import JOSEError
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from app.core.errors import Unauthorized
from app.core.settings import get_settings


@lru_cache
def _hasher() -> PasswordHash:
    if get_settings().argon2_fast:
        # Tests only: the same algorithm with a cost that keeps the suite fast.
        return PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))
    return PasswordHash((Argon2Hasher(),))


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return _hasher().verify(password, password_hash)
    except ValueError:
        return False


# A hash to verify against when the user does not exist, so timing does not reveal usernames.
@lru_cache
def dummy_hash() -> str:
    return hash_password("not-a-real-password")


def create_access_token(subject: int, claims: dict[str, Any]) -> tuple[str, int]:
    settings = get_settings()
    now = datetime.now(UTC)
    expires_in = settings.access_token_minutes * 60
    payload = {
        **claims,
        "sub": str(subject),
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=expires_in)).timestamp()),
    }
    token = jwt.encode(
        payload, settings.secret_key.get_secret_value(), algorithm=settings.jwt_algorithm
    )
    return token, expires_in


def decode_access_token(token: str) -> dict[str, Any]:
    """Claims of a valid token; every bad token (expired, forged, alg none, garbage) is a 401."""
    settings = get_settings()
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            settings.secret_key.get_secret_value(),
            algorithms=[settings.jwt_algorithm],
            options={"require_exp": True, "require_sub": True},
        )
    except JOSEError as exc:  # JWTError, ExpiredSignatureError and JWKError alike
        raise Unauthorized("Mã truy cập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.") from exc
    return claims
