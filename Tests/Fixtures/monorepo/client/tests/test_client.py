from __future__ import annotations

from fake_notes import FakeNotes

from notes_client import Note, NotesClient


def test_add_returns_the_stored_note(notes: FakeNotes) -> None:
    client = NotesClient(notes.url)
    assert client.add("buy milk") == Note(id=1, text="buy milk")


def test_list_returns_every_note(notes: FakeNotes) -> None:
    client = NotesClient(notes.url + "/")
    client.add("one")
    client.add("two")
    assert [note.text for note in client.list()] == ["one", "two"]
