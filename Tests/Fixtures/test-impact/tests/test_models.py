from shop.models import Item


def test_total_multiplies() -> None:
    assert Item("pen", 3).total(4) == 12


def test_default_currency() -> None:
    assert Item("pen", 3).currency == "EUR"
