"""Settings read from the environment, falling back to a `.env` file in the working folder."""

from functools import lru_cache

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class DatabaseSettings(BaseSettings):
    """What migrations need: only the database location, so they run without a secret key."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = "sqlite:///./dev.db"

    @field_validator("database_url")
    @classmethod
    def use_psycopg_driver(cls, value: str) -> str:
        # Plain postgres URLs (as most hosts hand them out) get the driver we ship with.
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value.removeprefix(prefix)
        return value


class Settings(DatabaseSettings):
    """Everything the running API needs."""

    secret_key: SecretStr = Field(min_length=32)
    token_ttl_minutes: int = Field(default=60, gt=0)


@lru_cache
def get_settings() -> Settings:
    """The settings of this process, read once."""
    return Settings()
