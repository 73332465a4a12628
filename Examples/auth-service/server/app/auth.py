"""Routes for accounts: register, log in, and read the logged-in user."""

import secrets
from datetime import timedelta
from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.config import Settings, get_settings
from app.db import SessionDep
from app.models import User
from app.schemas import LoginRequest, RegisterRequest, TokenResponse, UserResponse
from app.security import create_access_token, hash_password, read_access_token, verify_password

router = APIRouter()

SettingsDep = Annotated[Settings, Depends(get_settings)]
_bearer = HTTPBearer(auto_error=False)


@lru_cache
def _unknown_user_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def current_user(
    session: SessionDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    """The user named by a valid bearer token; 401 otherwise."""
    user_id = None
    if credentials is not None:
        user_id = read_access_token(credentials.credentials, settings.secret_key.get_secret_value())
    user = session.get(User, user_id) if user_id is not None else None
    if user is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Not authenticated",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


@router.post("/auth/register", status_code=status.HTTP_201_CREATED)
def register(body: RegisterRequest, session: SessionDep) -> UserResponse:
    """Create an account; 409 if the email is already registered."""
    conflict = HTTPException(status.HTTP_409_CONFLICT, detail="Email already registered")
    if session.scalar(select(User.id).where(User.email == body.email)) is not None:
        raise conflict
    user = User(
        email=body.email,
        password_hash=hash_password(body.password),
        display_name=body.display_name,
    )
    session.add(user)
    try:
        session.commit()
    except IntegrityError:
        # Two registrations of the same email raced past the check above.
        session.rollback()
        raise conflict from None
    session.refresh(user)
    return UserResponse.model_validate(user)


@router.post("/auth/login")
def login(body: LoginRequest, session: SessionDep, settings: SettingsDep) -> TokenResponse:
    """Exchange an email and password for a bearer token; 401 if they do not match."""
    user = session.scalar(select(User).where(User.email == body.email))
    # Hash even for unknown emails, so response times do not reveal which emails exist.
    stored = user.password_hash if user is not None else _unknown_user_hash()
    password_ok = verify_password(body.password, stored)
    if user is None or not password_ok:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect email or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    ttl = timedelta(minutes=settings.token_ttl_minutes)
    token = create_access_token(user.id, settings.secret_key.get_secret_value(), ttl)
    return TokenResponse(access_token=token, expires_in=int(ttl.total_seconds()))


@router.get("/me")
def me(user: Annotated[User, Depends(current_user)]) -> UserResponse:
    """The account the bearer token belongs to."""
    return UserResponse.model_validate(user)
