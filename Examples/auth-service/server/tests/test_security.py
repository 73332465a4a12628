from app.config import DatabaseSettings
from app.security import hash_password, read_access_token, verify_password


def test_password_hash_verifies_only_the_original_password() -> None:
    stored = hash_password("s3cret-passphrase")

    assert stored.startswith("scrypt$")
    assert verify_password("s3cret-passphrase", stored)
    assert not verify_password("other-passphrase", stored)


def test_same_password_hashes_differently_each_time() -> None:
    assert hash_password("s3cret-passphrase") != hash_password("s3cret-passphrase")


def test_malformed_stored_hash_never_verifies() -> None:
    assert not verify_password("anything", "not-a-hash")
    assert not verify_password("anything", "bcrypt$1$2$3$c2FsdA==$ZGlnZXN0")


def test_garbage_token_is_rejected() -> None:
    assert read_access_token("not.a.token", "x" * 32) is None


def test_postgres_urls_use_the_psycopg_driver() -> None:
    for url in ["postgres://u@db/app", "postgresql://u@db/app"]:
        assert DatabaseSettings(database_url=url).database_url == "postgresql+psycopg://u@db/app"
    sqlite = DatabaseSettings(database_url="sqlite:///./dev.db").database_url
    assert sqlite == "sqlite:///./dev.db"
