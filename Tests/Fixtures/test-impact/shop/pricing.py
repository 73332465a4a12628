from functools import lru_cache


@lru_cache
def rate() -> float:
    return 0.1


def discount(amount: int) -> int:
    return round(amount * (1 - rate()))
