"""Reads and writes notes over HTTP with the standard library only."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.request import Request, urlopen


@dataclass(frozen=True)
class Note:
    """One note as the API returns it."""

    id: int
    text: str


class NotesClient:
    """Talks to the notes API at `base_url`."""

    def __init__(self, base_url: str, timeout: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def add(self, text: str) -> Note:
        body = json.dumps({"text": text}).encode()
        request = Request(
            self.base_url + "/notes",
            data=body,
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        with urlopen(request, timeout=self.timeout) as response:
            answer = json.loads(response.read())
        return Note(id=int(answer["id"]), text=str(answer["text"]))

    def list(self) -> list[Note]:
        with urlopen(self.base_url + "/notes", timeout=self.timeout) as response:
            answer = json.loads(response.read())
        return [Note(id=int(item["id"]), text=str(item["text"])) for item in answer]
