from shop import routes


def test_add_lists_the_item(config: dict[str, str]) -> None:
    routes.add("pen", 3)
    assert "pen" in routes.CATALOGUE
    assert config["store"] == "main"


def test_quote_discounts() -> None:
    routes.add("cup", 10)
    assert routes.quote("cup", 2) == 18


def test_quote_of_many() -> None:
    routes.add("bag", 5)
    assert routes.quote("bag", 10) == 45
