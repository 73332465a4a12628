"""An in-memory stand-in for the auth-service API, served on 127.0.0.1 for tests."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeAuthServer:
    """Serves the API's routes from a dict of users; `token` is the only token it accepts."""

    token = "fake-token"

    def __init__(self) -> None:
        self.users: dict[str, dict[str, Any]] = {}
        self.passwords: dict[str, str] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.healthy = True
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        # A short poll interval so that stop() returns quickly.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def handle(self, method: str, path: str, headers: dict[str, str], body: Any) -> tuple[int, Any]:
        """The status and JSON answer for one request."""
        self.requests.append((method, path, headers))
        if (method, path) == ("GET", "/health"):
            return (200, {"status": "ok"}) if self.healthy else (503, {"status": "unavailable"})
        if (method, path) == ("POST", "/auth/register"):
            return self._register(body)
        if (method, path) == ("POST", "/auth/login"):
            return self._login(body)
        if (method, path) == ("GET", "/me"):
            return self._me(headers.get("authorization", ""))
        return 404, {"detail": "Not Found"}

    def _register(self, body: dict[str, Any]) -> tuple[int, Any]:
        if len(body.get("password", "")) < 8:
            problem = {"loc": ["body", "password"], "msg": "too short"}
            return 422, {"detail": [problem]}
        email = body["email"]
        if email in self.users:
            return 409, {"detail": "Email already registered"}
        user = {
            "id": len(self.users) + 1,
            "email": email,
            "display_name": body.get("display_name"),
            "created_at": "2025-01-06T10:00:00Z",
        }
        self.users[email] = user
        self.passwords[email] = body["password"]
        return 201, user

    def _login(self, body: dict[str, Any]) -> tuple[int, Any]:
        if self.passwords.get(body["email"]) != body["password"]:
            return 401, {"detail": "Incorrect email or password"}
        return 200, {"access_token": self.token, "token_type": "bearer", "expires_in": 3600}

    def _me(self, authorization: str) -> tuple[int, Any]:
        if authorization != f"Bearer {self.token}" or not self.users:
            return 401, {"detail": "Not authenticated"}
        return 200, next(iter(self.users.values()))


def _handler_for(fake: FakeAuthServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._answer()

        def do_POST(self) -> None:
            self._answer()

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            headers = {name.lower(): value for name, value in self.headers.items()}
            status, answer = fake.handle(self.command, self.path, headers, body)
            payload = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

    return Handler
