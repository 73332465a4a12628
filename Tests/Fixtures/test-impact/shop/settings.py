def load() -> dict[str, str]:
    return {"store": "main"}
