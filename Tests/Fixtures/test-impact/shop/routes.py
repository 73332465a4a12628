from shop.models import Item
from shop.pricing import discount

CATALOGUE: dict[str, Item] = {}


def add(name: str, price: int) -> Item:
    item = Item(name, price)
    CATALOGUE[name] = item
    return item


def quote(name: str, quantity: int) -> int:
    return discount(CATALOGUE[name].total(quantity))
