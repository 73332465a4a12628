from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_notes import FakeNotes


@pytest.fixture
def notes() -> Iterator[FakeNotes]:
    fake = FakeNotes()
    fake.start()
    yield fake
    fake.stop()
