from dataclasses import dataclass


@dataclass
class Item:
    name: str
    price: int
    currency: str = "EUR"

    def total(self, quantity: int) -> int:
        return self.price * quantity
