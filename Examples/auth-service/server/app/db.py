"""Database engine and per-request sessions."""

from collections.abc import Iterator
from functools import lru_cache
from typing import Annotated

from fastapi import Depends
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from app.config import get_settings


@lru_cache
def get_engine(url: str) -> Engine:
    """One engine (and connection pool) per database URL."""
    # SQLite connections are opened on one thread and used on another by the threadpool.
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def get_session() -> Iterator[Session]:
    """A session for one request, closed when the request ends."""
    with Session(get_engine(get_settings().database_url)) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
