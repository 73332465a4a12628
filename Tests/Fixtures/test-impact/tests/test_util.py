from shop.util import slug


def test_slug_joins_words() -> None:
    assert slug("Blue  Pen") == "blue-pen"
