"""All configuration in one pydantic-settings class, read from the environment (prefix-free)."""

import contextlib
import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parents[2]
# The key every install signed with before keys were generated: it is published, so it is
# refused wherever it appears, and tokens signed with it can never be valid again.
PUBLISHED_DEV_SECRET = "dev-only-secret-change-me"
MIN_SECRET_LENGTH = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Literal["dev", "demo", "test", "production"] = Field(
        default="dev", alias="CCHC_ENV"
    )
    database_url: str = Field(
        default=f"sqlite:///{ROOT / 'var' / 'cchc.sqlite3'}", alias="DATABASE_URL"
    )
    # Unset outside production: a random key generated once into var/secret_key (mode 0600).
    secret_key: SecretStr | None = Field(default=None, alias="CCHC_SECRET_KEY")
    secret_key_file: Path = Field(default=ROOT / "var" / "secret_key", alias="CCHC_SECRET_KEY_FILE")
    jwt_algorithm: Literal["HS256", "HS384", "HS512"] = Field(
        default="HS256", alias="CCHC_JWT_ALGORITHM"
    )
    access_token_minutes: int = Field(default=60, alias="CCHC_TOKEN_MINUTES", ge=1, le=24 * 60)
    # Argon2 costs ~170 ms / 64 MiB per call with the defaults; tests use cheap parameters.
    argon2_fast: bool = Field(default=False, alias="CCHC_ARGON2_FAST")
    # At most this many hashes at once per process (memory: 64 MiB each); a login that waits
    # longer than argon2_wait_seconds for its turn is answered 503 with Retry-After.
    argon2_concurrency: int = Field(default=2, alias="CCHC_ARGON2_CONCURRENCY", ge=1, le=64)
    argon2_wait_seconds: float = Field(default=5, alias="CCHC_ARGON2_WAIT_SECONDS", gt=0, le=60)
    # Failed logins counted per username and per client address over a fixed window.
    login_max_failures_per_user: int = Field(
        default=5, alias="CCHC_LOGIN_MAX_FAILURES_PER_USER", ge=1
    )
    login_max_failures_per_address: int = Field(
        default=20, alias="CCHC_LOGIN_MAX_FAILURES_PER_ADDRESS", ge=1
    )
    login_window_seconds: int = Field(
        default=15 * 60, alias="CCHC_LOGIN_WINDOW_SECONDS", ge=1, le=24 * 3600
    )
    # Login counters in Redis instead of the database when set (redis://host:6379/0).
    redis_url: str | None = Field(default=None, alias="REDIS_URL")
    sql_echo: bool = Field(default=False, alias="CCHC_SQL_ECHO")
    # Server processes for `python -m app serve` (0: one per core) and each one's Postgres pools:
    # sync routes run on a thread pool, so a worker may hold up to pool + overflow connections in
    # each sync pool; the async reads' pool (core.db.open_reads) keeps pool + overflow open.
    workers: int = Field(default=0, alias="CCHC_WORKERS", ge=0, le=64)
    db_pool_size: int = Field(default=10, alias="CCHC_DB_POOL_SIZE", ge=1, le=100)
    db_max_overflow: int = Field(default=10, alias="CCHC_DB_MAX_OVERFLOW", ge=0, le=100)
    # How long a request waits for a pooled connection before it answers 503 (Retry-After).
    db_pool_timeout_seconds: float = Field(default=30, alias="CCHC_DB_POOL_TIMEOUT", gt=0, le=300)
    # Connections are recycled before a server or proxy closes idle ones (no ping per checkout).
    db_pool_recycle_seconds: int = Field(default=1800, alias="CCHC_DB_POOL_RECYCLE", ge=30)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", alias="CCHC_LOG_LEVEL"
    )
    # JSON lines for log collectors; `text` reads better on a console (the default in dev).
    log_format: Literal["json", "text"] | None = Field(default=None, alias="CCHC_LOG_FORMAT")

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    # Request size limits: the body (413 problem+json) and, for `python -m app serve`, the request
    # line and headers (uvicorn's h11 parser answers 400 beyond it).
    max_body_bytes: int = Field(
        default=1024 * 1024, alias="CCHC_MAX_BODY_BYTES", ge=1024, le=100 * 1024 * 1024
    )
    # A batch of up to 5,000 activities (POST /activities:batch) needs more than one form.
    max_batch_body_bytes: int = Field(
        default=16 * 1024 * 1024, alias="CCHC_MAX_BATCH_BODY_BYTES", ge=1024, le=256 * 1024 * 1024
    )
    max_header_bytes: int = Field(
        default=16 * 1024, alias="CCHC_MAX_HEADER_BYTES", ge=4096, le=1024 * 1024
    )

    @property
    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def effective_log_format(self) -> Literal["json", "text"]:
        if self.log_format is not None:
            return self.log_format
        return "text" if self.environment == "dev" else "json"

    def signing_key(self) -> str:
        """The JWT key: the explicit one, else (outside production) the generated one."""
        if self.secret_key is not None:
            key = self.secret_key.get_secret_value()
            if key == PUBLISHED_DEV_SECRET:
                raise RuntimeError(
                    "CCHC_SECRET_KEY is the key published in the code; set a private one "
                    "or unset it to have one generated"
                )
            if len(key) < MIN_SECRET_LENGTH:
                raise RuntimeError(
                    f"CCHC_SECRET_KEY must be at least {MIN_SECRET_LENGTH} characters long"
                )
            return key
        if self.environment == "production":
            raise RuntimeError("CCHC_SECRET_KEY must be set when CCHC_ENV=production")
        return generated_secret(self.secret_key_file)

    def check_safe_to_serve(self) -> None:
        """Refuse to start without a usable signing key (raises RuntimeError)."""
        self.signing_key()


def generated_secret(path: Path) -> str:
    """Read the key in `path`, creating it (random, mode 0600) on first use.

    The key is written to a private temporary file and linked into place, so processes that
    start together agree on one key and none ever reads a half-written file.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_urlsafe(48) + "\n")
            with contextlib.suppress(FileExistsError):  # another process won: use its key
                os.link(tmp, path)
        finally:
            tmp.unlink()
    key = path.read_text().strip()
    if len(key) < MIN_SECRET_LENGTH:
        raise RuntimeError(f"{path} holds no usable key; delete it to have a new one generated")
    return key


@lru_cache
def get_settings() -> Settings:
    return Settings()
