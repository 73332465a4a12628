"""A client for a notes API."""

from notes_client.client import Note, NotesClient

__all__ = ["Note", "NotesClient"]
