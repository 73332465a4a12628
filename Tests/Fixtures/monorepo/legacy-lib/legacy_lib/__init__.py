"""Slug helpers."""

import re

__version__ = "0.1.0"


def slugify(text: str) -> str:
    """Lower-case words joined by dashes."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))
