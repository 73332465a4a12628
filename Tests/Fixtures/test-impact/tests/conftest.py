import pytest

from shop import models, pricing, routes, settings, unused, util  # noqa: F401


@pytest.fixture(scope="session")
def config() -> dict[str, str]:
    return settings.load()
