"""AuthClient: the auth-service API over urllib, with the bearer token kept between calls."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from typing import Any

from auth_client.errors import (
    ApiError,
    AuthenticationError,
    ConflictError,
    TransportError,
)

_ERRORS_BY_STATUS = {401: AuthenticationError, 409: ConflictError}


class AuthClient:
    """Calls one auth-service server. Not thread-safe: one instance holds one login."""

    def __init__(self, base_url: str, token: str | None = None, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def register(
        self, email: str, password: str, display_name: str | None = None
    ) -> dict[str, Any]:
        """Create an account and return it. Raises ConflictError if the email is taken."""
        body: dict[str, Any] = {"email": email, "password": password}
        if display_name is not None:
            body["display_name"] = display_name
        return self._request("POST", "/auth/register", body)

    def login(self, email: str, password: str) -> str:
        """Log in, keep the token for later calls, and return it."""
        answer = self._request("POST", "/auth/login", {"email": email, "password": password})
        token = answer.get("access_token")
        if not isinstance(token, str):
            raise TransportError("login answer has no access_token")
        self.token = token
        return token

    def logout(self) -> None:
        """Forget the token; tokens are stateless, so the server is not told."""
        self.token = None

    def me(self) -> dict[str, Any]:
        """The logged-in account. Raises AuthenticationError without a valid token."""
        return self._request("GET", "/me")

    def health(self) -> dict[str, Any]:
        """The server's health report, e.g. {"status": "ok"}. A 503 raises ApiError."""
        return self._request("GET", "/health")

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if self.token is not None:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(
            self.base_url + path, data=data, headers=headers, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return _decode(response.read())
        except urllib.error.HTTPError as error:
            with error:
                raise _api_error(error.code, error.read()) from None
        except (urllib.error.URLError, socket.timeout, ConnectionError) as error:
            reason = getattr(error, "reason", error)
            raise TransportError(f"{method} {self.base_url}{path} failed: {reason}") from error


def _decode(payload: bytes) -> Any:
    try:
        return json.loads(payload)
    except ValueError as error:
        raise TransportError(f"answer is not JSON: {payload[:80]!r}") from error


def _api_error(status: int, payload: bytes) -> ApiError:
    # FastAPI puts a message (or, for validation errors, a list of problems) under "detail".
    try:
        detail = json.loads(payload).get("detail", "")
    except (ValueError, AttributeError):
        detail = payload.decode("utf-8", "replace")
    if not isinstance(detail, str):
        detail = json.dumps(detail)
    return _ERRORS_BY_STATUS.get(status, ApiError)(status, detail or "(no detail)")
