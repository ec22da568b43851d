"""All configuration in one pydantic-settings class, read from the environment (prefix-free)."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SECRET = "dev-only-secret-change-me"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Literal["dev", "demo", "test", "production"] = Field(
        default="dev", alias="CCHC_ENV"
    )
    database_url: str = Field(
        default=f"sqlite:///{ROOT / 'var' / 'cchc.sqlite3'}", alias="DATABASE_URL"
    )
    secret_key: SecretStr = Field(default=SecretStr(DEFAULT_SECRET), alias="CCHC_SECRET_KEY")
    jwt_algorithm: Literal["HS256", "HS384", "HS512"] = Field(
        default="HS256", alias="CCHC_JWT_ALGORITHM"
    )
    access_token_minutes: int = Field(default=60, alias="CCHC_TOKEN_MINUTES", ge=1, le=24 * 60)
    # Argon2 costs ~170 ms / 64 MiB per call with the defaults; tests use cheap parameters.
    argon2_fast: bool = Field(default=False, alias="CCHC_ARGON2_FAST")
    sql_echo: bool = Field(default=False, alias="CCHC_SQL_ECHO")

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def check_safe_to_serve(self) -> None:
        """Refuse to run in production with the published default secret."""
        if (
            self.environment == "production"
            and self.secret_key.get_secret_value() == DEFAULT_SECRET
        ):
            raise RuntimeError(
                "CCHC_SECRET_KEY must be set to a private value when CCHC_ENV=production"
            )


@lru_cache
def get_settings() -> Settings:
    return Settings()
