"""Client for the auth-service API."""

from auth_client.client import AuthClient
from auth_client.errors import (
    ApiError,
    AuthClientError,
    AuthenticationError,
    ConflictError,
    TransportError,
)

__all__ = [
    "ApiError",
    "AuthClient",
    "AuthClientError",
    "AuthenticationError",
    "ConflictError",
    "TransportError",
]
__version__ = "0.1.0"
