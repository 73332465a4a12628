def slug(text: str) -> str:
    return "-".join(text.lower().split())
