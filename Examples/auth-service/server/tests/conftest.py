"""Test setup: a database (DATABASE_URL, or a throwaway SQLite file) and an API client.

When DATABASE_URL is set, the tests use that database; it may already be migrated with
`alembic upgrade head`. Tests never delete rows: each one registers its own unique email.
"""

import os
import secrets
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

_scratch = tempfile.TemporaryDirectory(prefix="auth-service-tests-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(_scratch.name) / 'test.db'}")
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(48))

from app.config import get_settings  # noqa: E402  (settings must see the variables above)
from app.db import get_engine  # noqa: E402
from app.main import app  # noqa: E402
from app.models import Base  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def database() -> Iterator[None]:
    """Create any missing tables (a no-op on a migrated database), then release the pool."""
    engine = get_engine(get_settings().database_url)
    Base.metadata.create_all(engine)
    yield
    engine.dispose()
    _scratch.cleanup()


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def email() -> str:
    """An address no other test has registered."""
    return f"user-{uuid.uuid4().hex[:12]}@example.com"


@pytest.fixture
def password() -> str:
    return "correct horse battery staple"
