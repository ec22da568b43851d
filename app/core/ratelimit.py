"""Failed-login counters shared by every replica: a database table, or Redis when REDIS_URL is set.

A login first *reserves* an attempt on each of its keys (the username and the client address):
a key already at its limit answers 429 with Retry-After and no password is checked at all, so a
locked account costs no Argon2 work. The reservation is committed before the password is checked,
so concurrent guesses cannot overshoot the limit; a successful login gives its own reservation
back (earlier failures stay until their window ends: the owner logging in does not wipe an
attacker's count). Windows are fixed: they start at a key's first failure.
"""

import math
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Protocol

import sqlalchemy as sa
from fastapi import Depends
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlmodel import Field, Session, SQLModel, col, select

from app.core.db import SessionDep, database_problem
from app.core.errors import AppError, ServiceUnavailable
from app.core.settings import get_settings

Clock = Callable[[], float]


class TooManyRequests(AppError):
    status = 429
    code = "too_many_login_failures"
    title = "Thử lại quá nhiều lần"
    example = "Đăng nhập sai quá nhiều lần; hãy thử lại sau 15 phút."

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)})
        self.retry_after = retry_after


class LoginCounter(SQLModel, table=True):
    __tablename__ = "login_counter"

    key: str = Field(primary_key=True, max_length=100)
    failures: int = Field(default=0)
    window_ends: int = Field(sa_type=sa.BigInteger, index=True)  # Unix seconds


def busy(detail: str) -> ServiceUnavailable:
    """503 for a login that could not be checked now (the attempt is not counted)."""
    return ServiceUnavailable(detail, code="service_busy", headers={"Retry-After": "5"})


@dataclass(frozen=True)
class ThrottleKey:
    key: str
    limit: int
    who: str  # Vietnamese, for the 429's detail: "Tài khoản này", "Địa chỉ này"


def login_keys(username: str, address: str) -> list[ThrottleKey]:
    """The keys a login counts against, in the one order every backend locks them."""
    settings = get_settings()
    return [
        ThrottleKey(f"addr:{address[:64]}", settings.login_max_failures_per_address, "Địa chỉ này"),
        ThrottleKey(
            f"user:{username.strip().lower()[:64]}",
            settings.login_max_failures_per_user,
            "Tài khoản này",
        ),
    ]


def too_many(key: ThrottleKey, seconds: float) -> TooManyRequests:
    wait = max(1, math.ceil(seconds))
    when = f"{math.ceil(wait / 60)} phút" if wait >= 60 else f"{wait} giây"
    return TooManyRequests(
        f"{key.who} đã đăng nhập sai quá nhiều lần. Hãy thử lại sau {when}.", retry_after=wait
    )


class LoginThrottle(Protocol):
    def reserve(self, keys: Sequence[ThrottleKey]) -> None:
        """Count one attempt on every key, or raise TooManyRequests and count none."""

    def release(self, keys: Sequence[ThrottleKey]) -> None:
        """Give back the attempt reserved on every key (the login succeeded or never ran)."""


class SqlThrottle:
    """Counters in the `login_counter` table (Postgres or SQLite), through the request's session;
    every step commits at once so other requests and replicas see it."""

    def __init__(self, session: Session, window: int, clock: Clock = time.time) -> None:
        self.session = session
        self.window = window
        self.clock = clock

    def reserve(self, keys: Sequence[ThrottleKey]) -> None:
        now = int(self.clock())
        with self._busy_is_503():
            locked = self._locked(keys, now)
            for key in keys:
                if key.key in locked:  # a locked key costs one read, no write
                    raise too_many(key, locked[key.key])
            after = self._count(keys, now)
            if any(failures == 1 for failures, _ in after.values()):
                self._prune(now)  # a new window began: clear ended ones
        for key in keys:
            failures, window_ends = after[key.key]
            if failures > key.limit:  # lost a race for the last attempt
                self.release(keys)
                raise too_many(key, window_ends - now)

    def release(self, keys: Sequence[ThrottleKey]) -> None:
        table = LoginCounter.__table__  # type: ignore[attr-defined]
        with self._busy_is_503():
            self.session.execute(
                sa.update(table)
                .where(table.c.key.in_([k.key for k in keys]), table.c.failures > 0)
                .values(failures=table.c.failures - 1)
            )
            self.session.commit()

    @contextmanager
    def _busy_is_503(self) -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:  # lock timeout, lost connection: 503
            self.session.rollback()
            raise database_problem(exc) from exc

    def _locked(self, keys: Sequence[ThrottleKey], now: int) -> dict[str, int]:
        """Seconds left on each key that is at its limit (a read in its own transaction: on
        SQLite a transaction that has read cannot wait for the write lock, one that starts
        with a write can)."""
        rows = self.session.exec(
            select(LoginCounter.key, LoginCounter.window_ends - now)
            .where(col(LoginCounter.key).in_([k.key for k in keys]))
            .where(LoginCounter.window_ends > now)
            .where(LoginCounter.failures >= _limit_of(keys))
        ).all()
        self.session.commit()
        return {key: int(left) for key, left in rows}

    def _count(self, keys: Sequence[ThrottleKey], now: int) -> dict[str, tuple[int, int]]:
        """One attempt more on every key in one statement (rows locked in key order), committed;
        a key whose window ended starts a new one."""
        table = LoginCounter.__table__  # type: ignore[attr-defined]
        dialect = self.session.get_bind().dialect.name
        insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
        expired = table.c.window_ends <= now
        stmt = (
            insert(table)
            .values([{"key": k.key, "failures": 1, "window_ends": now + self.window} for k in keys])
            .on_conflict_do_update(
                index_elements=[table.c.key],
                set_={
                    "failures": sa.case((expired, 1), else_=table.c.failures + 1),
                    "window_ends": sa.case((expired, now + self.window), else_=table.c.window_ends),
                },
            )
            .returning(table.c.key, table.c.failures, table.c.window_ends)
        )
        rows = self.session.execute(stmt).all()
        self.session.commit()
        return {str(key): (int(failures), int(ends)) for key, failures, ends in rows}

    def _prune(self, now: int) -> None:
        # Its own short transaction, skipping rows another login holds: no lock waits, no
        # deadlock with the upserts.
        table = LoginCounter.__table__  # type: ignore[attr-defined]
        stale = (
            sa.select(table.c.key)
            .where(table.c.window_ends <= now)
            .limit(100)
            .with_for_update(skip_locked=True)
        )
        self.session.execute(sa.delete(table).where(table.c.key.in_(stale.scalar_subquery())))
        self.session.commit()


def _limit_of(keys: Sequence[ThrottleKey]) -> Any:
    """SQL for 'the limit of this row's key' (limits differ per key kind)."""
    return sa.case({k.key: k.limit for k in keys}, value=col(LoginCounter.key), else_=0)


# Check every key, then count on every key, in one atomic step; returns {index, ms to wait}.
_RESERVE = """
local n = #KEYS
for i = 1, n do
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i]) then
    return {i, redis.call('PTTL', KEYS[i])}
  end
end
for i = 1, n do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[n + 1]) end
end
return {0, 0}
"""
_RELEASE = """
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
return 0
"""


class RedisThrottle:
    """Counters as Redis keys that expire with their window (Lua scripts keep each step atomic)."""

    def __init__(self, client: Any, window: int, prefix: str = "cchc:login:") -> None:
        self.client = client
        self.window = window
        self.prefix = prefix

    def reserve(self, keys: Sequence[ThrottleKey]) -> None:
        names = [self.prefix + k.key for k in keys]
        limits = [k.limit for k in keys]
        index, wait_ms = self._run(_RESERVE, names, [*limits, self.window * 1000])
        if index:
            wait = wait_ms / 1000 if wait_ms > 0 else self.window
            raise too_many(keys[int(index) - 1], wait)

    def release(self, keys: Sequence[ThrottleKey]) -> None:
        self._run(_RELEASE, [self.prefix + k.key for k in keys], [])

    def _run(self, script: str, names: list[str], args: list[int]) -> Any:
        import redis

        try:
            return self.client.register_script(script)(keys=names, args=args)
        except redis.RedisError as exc:
            raise busy("Không kiểm tra được giới hạn đăng nhập; hãy thử lại sau ít giây.") from exc


@lru_cache
def redis_client(url: str) -> Any:
    """One connection pool per process and URL (like the database engine)."""
    import redis

    return redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)


async def get_login_throttle(session: SessionDep) -> LoginThrottle:
    """The counter store for this request (async: building it needs no worker thread)."""
    settings = get_settings()
    if settings.redis_url:
        return RedisThrottle(redis_client(settings.redis_url), settings.login_window_seconds)
    return SqlThrottle(session, settings.login_window_seconds)


LoginThrottleDep = Annotated[LoginThrottle, Depends(get_login_throttle)]
