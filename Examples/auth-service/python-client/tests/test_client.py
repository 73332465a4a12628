from __future__ import annotations

import socket

import pytest
from fake_server import FakeAuthServer

from auth_client import (
    ApiError,
    AuthClient,
    AuthenticationError,
    ConflictError,
    TransportError,
)

EMAIL = "ada@example.com"
PASSWORD = "correct horse battery staple"


def test_health_returns_the_server_report(client: AuthClient) -> None:
    assert client.health() == {"status": "ok"}


def test_health_of_unhealthy_server_raises_api_error(
    client: AuthClient, server: FakeAuthServer
) -> None:
    server.healthy = False

    with pytest.raises(ApiError) as caught:
        client.health()

    assert caught.value.status == 503


def test_register_sends_json_and_returns_the_user(
    client: AuthClient, server: FakeAuthServer
) -> None:
    user = client.register(EMAIL, PASSWORD, display_name="Ada")

    assert user["email"] == EMAIL
    assert user["display_name"] == "Ada"
    assert server.passwords[EMAIL] == PASSWORD
    _, _, headers = server.requests[-1]
    assert headers["content-type"] == "application/json"


def test_register_taken_email_raises_conflict(client: AuthClient) -> None:
    client.register(EMAIL, PASSWORD)

    with pytest.raises(ConflictError) as caught:
        client.register(EMAIL, PASSWORD)

    assert caught.value.status == 409
    assert caught.value.detail == "Email already registered"


def test_validation_problems_are_kept_in_the_detail(client: AuthClient) -> None:
    with pytest.raises(ApiError) as caught:
        client.register(EMAIL, "short")

    assert caught.value.status == 422
    assert "too short" in caught.value.detail


def test_login_stores_the_token_for_later_calls(client: AuthClient, server: FakeAuthServer) -> None:
    client.register(EMAIL, PASSWORD)

    token = client.login(EMAIL, PASSWORD)
    user = client.me()

    assert token == client.token == server.token
    assert user["email"] == EMAIL
    _, _, headers = server.requests[-1]
    assert headers["authorization"] == f"Bearer {server.token}"


def test_login_with_wrong_password_raises_authentication_error(client: AuthClient) -> None:
    client.register(EMAIL, PASSWORD)

    with pytest.raises(AuthenticationError) as caught:
        client.login(EMAIL, "not the password")

    assert caught.value.status == 401
    assert client.token is None


def test_me_without_login_raises_authentication_error(
    client: AuthClient, server: FakeAuthServer
) -> None:
    client.register(EMAIL, PASSWORD)

    with pytest.raises(AuthenticationError):
        client.me()

    _, _, headers = server.requests[-1]
    assert "authorization" not in headers


def test_logout_forgets_the_token(client: AuthClient) -> None:
    client.register(EMAIL, PASSWORD)
    client.login(EMAIL, PASSWORD)

    client.logout()

    with pytest.raises(AuthenticationError):
        client.me()


def test_token_given_to_constructor_is_used(server: FakeAuthServer) -> None:
    AuthClient(server.url).register(EMAIL, PASSWORD)

    client = AuthClient(server.url + "/", token=server.token)

    assert client.me()["email"] == EMAIL


def test_unknown_route_raises_api_error_with_status(server: FakeAuthServer) -> None:
    client = AuthClient(server.url + "/v2")

    with pytest.raises(ApiError) as caught:
        client.health()

    assert caught.value.status == 404
    assert str(caught.value) == "HTTP 404: Not Found"


def test_unreachable_server_raises_transport_error() -> None:
    # Bind a port, then close it: nothing listens there while the client tries it.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with pytest.raises(TransportError):
        AuthClient(f"http://127.0.0.1:{port}", timeout=5).health()
