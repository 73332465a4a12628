"""Request and response bodies."""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator


def _normalize_email(value: str) -> str:
    # A deliberately small check (something before the "@", a dotted domain after it);
    # lower-cased so that one address cannot be registered twice in different cases.
    email = value.strip().lower()
    local, _, domain = email.rpartition("@")
    if not local or "." not in domain.strip(".") or any(c.isspace() for c in email):
        raise ValueError("not a valid email address")
    return email


Email = Annotated[str, Field(max_length=254), AfterValidator(_normalize_email)]


class RegisterRequest(BaseModel):
    """A new account."""

    email: Email
    password: str = Field(min_length=8, max_length=128)
    display_name: str | None = Field(default=None, max_length=100)


class LoginRequest(BaseModel):
    """Credentials to exchange for a token."""

    email: Email
    password: str = Field(max_length=128)


class TokenResponse(BaseModel):
    """A bearer token and how many seconds it stays valid."""

    access_token: str
    token_type: str = "bearer"
    expires_in: int


class UserResponse(BaseModel):
    """An account as shown to its owner; never includes the password hash."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    display_name: str | None
    created_at: datetime

    @field_validator("created_at")
    @classmethod
    def assume_utc(cls, value: datetime) -> datetime:
        # SQLite hands back naive timestamps; the database clock writes them in UTC.
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
