from collections.abc import Iterator

from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.db import get_session
from app.main import app


def test_health_reports_ok_when_database_answers(client: TestClient) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_health_reports_unavailable_when_database_fails(client: TestClient) -> None:
    class BrokenSession(Session):
        def execute(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
            raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    def broken_session() -> Iterator[Session]:
        yield BrokenSession()

    app.dependency_overrides[get_session] = broken_session
    try:
        response = client.get("/health")
    finally:
        app.dependency_overrides.clear()

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
