"""Password hashing (Argon2 via pwdlib, bounded in concurrency) and JWT access tokens."""

import asyncio
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import lru_cache, partial
from typing import Any
from weakref import WeakKeyDictionary

import anyio
from jose import jwt
from jose.exceptions import JOSEError
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from app.core.errors import ServiceUnavailable, Unauthorized
from app.core.ratelimit import busy
from app.core.settings import get_settings

# A bearer token of ours is a few hundred bytes; anything far longer is refused unread.
MAX_TOKEN_LENGTH = 4096


@lru_cache
def _hasher() -> PasswordHash:
    if get_settings().argon2_fast:
        # Tests only: the same algorithm with a cost that keeps the suite fast.
        return PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))
    return PasswordHash((Argon2Hasher(),))


def _busy() -> ServiceUnavailable:
    return busy("Hệ thống đang xử lý nhiều lượt đăng nhập; hãy thử lại sau ít giây.")


# Each Argon2 call takes 64 MiB: a process runs at most `argon2_concurrency` of them at once,
# whoever calls (logins, user administration, the CLI), so memory stays flat under a storm.
@lru_cache
def _argon2_turns() -> threading.BoundedSemaphore:
    return threading.BoundedSemaphore(get_settings().argon2_concurrency)


@contextmanager
def argon2_turn() -> Iterator[None]:
    turns = _argon2_turns()
    if not turns.acquire(timeout=get_settings().argon2_wait_seconds):
        raise _busy()
    try:
        yield
    finally:
        turns.release()


# The same bound for logins, waited for on the event loop: a queued login holds no worker
# thread, so other requests keep being served while a storm of logins waits its turn.
_lanes: "WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter]" = WeakKeyDictionary()


async def run_when_argon2_free[T](fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run `fn` (which hashes or verifies one password) in a worker thread once it is its turn;
    503 when the turn does not come within `argon2_wait_seconds`."""
    settings = get_settings()
    loop = asyncio.get_running_loop()
    lane = _lanes.get(loop)
    if lane is None:
        lane = _lanes[loop] = anyio.CapacityLimiter(settings.argon2_concurrency)
    try:
        with anyio.fail_after(settings.argon2_wait_seconds):
            await lane.acquire()
    except TimeoutError:
        raise _busy() from None
    try:
        return await anyio.to_thread.run_sync(partial(fn, *args, **kwargs))
    finally:
        lane.release()


def hash_password(password: str) -> str:
    with argon2_turn():
        return _hasher().hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    with argon2_turn():
        try:
            return _hasher().verify(password, password_hash)
        except ValueError:
            return False


# A hash to verify against when the user does not exist, so timing does not reveal usernames.
@lru_cache
def dummy_hash() -> str:
    return hash_password("not-a-real-password")


@lru_cache
def _signing_key() -> str:
    return get_settings().signing_key()


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
    token = jwt.encode(payload, _signing_key(), algorithm=settings.jwt_algorithm)
    return token, expires_in


def decode_access_token(token: str) -> dict[str, Any]:
    """Claims of a valid token; every bad token (expired, forged, alg none, garbage) is a 401."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise Unauthorized("Mã truy cập quá dài, không hợp lệ; hãy đăng nhập lại.")
    settings = get_settings()
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            _signing_key(),
            algorithms=[settings.jwt_algorithm],
            options={"require_exp": True, "require_sub": True},
        )
    except JOSEError as exc:  # JWTError, ExpiredSignatureError and JWKError alike
        raise Unauthorized("Mã truy cập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.") from exc
    return claims
