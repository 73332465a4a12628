from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_server import FakeAuthServer

from auth_client import AuthClient


@pytest.fixture
def server() -> Iterator[FakeAuthServer]:
    fake = FakeAuthServer()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def client(server: FakeAuthServer) -> AuthClient:
    return AuthClient(server.url, timeout=5)
