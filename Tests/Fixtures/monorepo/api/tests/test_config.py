"""The settings helpers and the password hashing: no database needed."""

from app.core.security import hash_password, verify_password


def test_password_round_trip() -> None:
    hashed = hash_password("correct horse")
    assert verify_password("correct horse", hashed)
    assert not verify_password("wrong horse", hashed)


def test_hashes_are_salted() -> None:
    assert hash_password("same") != hash_password("same")
