"""CORS origins as the settings read them."""

import importlib


def test_comma_separated_origins(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for key, value in {
        "PROJECT_NAME": "t", "SECRET_KEY": "s", "POSTGRES_SERVER": "h", "POSTGRES_USER": "u",
        "POSTGRES_PASSWORD": "p", "FIRST_SUPERUSER": "a@example.com", "FIRST_SUPERUSER_PASSWORD": "x",
    }.items():
        monkeypatch.setenv(key, value)
    config = importlib.import_module("app.core.config")
    assert config.parse_cors("http://a, http://b") == ["http://a", "http://b"]
