"""An in-memory notes API on 127.0.0.1 for the tests."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeNotes:
    """Serves GET and POST /notes from a list."""

    def __init__(self) -> None:
        self.notes: list[dict[str, Any]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        notes = self.notes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._answer(200, notes)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                text = json.loads(self.rfile.read(length))["text"]
                note = {"id": len(notes) + 1, "text": text}
                notes.append(note)
                self._answer(201, note)

            def _answer(self, status: int, body: Any) -> None:
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
