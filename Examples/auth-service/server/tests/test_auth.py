from datetime import datetime, timedelta

import jwt
from fastapi.testclient import TestClient

from app.config import get_settings
from app.security import create_access_token


def register(client: TestClient, email: str, password: str, **extra: str) -> dict[str, object]:
    response = client.post("/auth/register", json={"email": email, "password": password, **extra})
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def login(client: TestClient, email: str, password: str) -> str:
    response = client.post("/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


# Registration


def test_register_returns_the_new_user_without_password(
    client: TestClient, email: str, password: str
) -> None:
    user = register(client, email, password, display_name="Ada")

    assert user["email"] == email
    assert user["display_name"] == "Ada"
    assert isinstance(user["id"], int)
    assert datetime.fromisoformat(str(user["created_at"])).utcoffset() is not None
    assert "password" not in user and "password_hash" not in user


def test_register_same_email_twice_is_a_conflict(
    client: TestClient, email: str, password: str
) -> None:
    register(client, email, password)

    response = client.post("/auth/register", json={"email": email, "password": password})

    assert response.status_code == 409
    assert response.json() == {"detail": "Email already registered"}


def test_register_treats_email_case_insensitively(
    client: TestClient, email: str, password: str
) -> None:
    register(client, email, password)

    response = client.post("/auth/register", json={"email": email.upper(), "password": password})

    assert response.status_code == 409


def test_register_rejects_short_password(client: TestClient, email: str) -> None:
    response = client.post("/auth/register", json={"email": email, "password": "short"})

    assert response.status_code == 422


def test_register_rejects_malformed_email(client: TestClient, password: str) -> None:
    for bad in ["no-at-sign", "@example.com", "user@localhost", "a b@example.com"]:
        response = client.post("/auth/register", json={"email": bad, "password": password})
        assert response.status_code == 422, bad


# Login


def test_login_returns_a_signed_token_with_expiry(
    client: TestClient, email: str, password: str
) -> None:
    user = register(client, email, password)

    response = client.post("/auth/login", json={"email": email, "password": password})

    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == get_settings().token_ttl_minutes * 60
    secret = get_settings().secret_key.get_secret_value()
    claims = jwt.decode(body["access_token"], secret, algorithms=["HS256"])
    assert claims["sub"] == str(user["id"])
    assert claims["exp"] - claims["iat"] == body["expires_in"]


def test_login_with_wrong_password_is_unauthorized(
    client: TestClient, email: str, password: str
) -> None:
    register(client, email, password)

    response = client.post("/auth/login", json={"email": email, "password": "not the password"})

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_login_with_unknown_email_is_unauthorized(
    client: TestClient, email: str, password: str
) -> None:
    response = client.post("/auth/login", json={"email": email, "password": password})

    assert response.status_code == 401


# Current user


def test_me_returns_the_token_owner(client: TestClient, email: str, password: str) -> None:
    user = register(client, email, password)
    token = login(client, email, password)

    response = client.get("/me", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200
    assert response.json() == user


def test_me_without_token_is_unauthorized(client: TestClient) -> None:
    response = client.get("/me")

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_me_with_tampered_token_is_unauthorized(
    client: TestClient, email: str, password: str
) -> None:
    register(client, email, password)
    token = login(client, email, password)

    response = client.get("/me", headers={"Authorization": f"Bearer {token[:-2]}xx"})

    assert response.status_code == 401


def test_me_with_expired_token_is_unauthorized(
    client: TestClient, email: str, password: str
) -> None:
    user = register(client, email, password)
    secret = get_settings().secret_key.get_secret_value()
    expired = create_access_token(int(str(user["id"])), secret, timedelta(seconds=-1))

    response = client.get("/me", headers={"Authorization": f"Bearer {expired}"})

    assert response.status_code == 401


def test_me_with_token_of_deleted_user_is_unauthorized(client: TestClient) -> None:
    secret = get_settings().secret_key.get_secret_value()
    token = create_access_token(2**31 - 1, secret, timedelta(minutes=5))

    response = client.get("/me", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 401
