def never() -> int:
    return 1
