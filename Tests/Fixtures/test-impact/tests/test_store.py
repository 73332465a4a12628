def test_store_is_configured(config: dict[str, str]) -> None:
    assert config == {"store": "main"}
