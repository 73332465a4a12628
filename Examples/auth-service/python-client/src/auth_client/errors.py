"""Exceptions raised by AuthClient; all derive from AuthClientError."""

from __future__ import annotations


class AuthClientError(Exception):
    """Base class of every error this package raises."""


class TransportError(AuthClientError):
    """The server could not be reached, or its answer was not the JSON the API promises."""


class ApiError(AuthClientError):
    """The server answered with an error status."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"HTTP {status}: {detail}")
        self.status = status
        self.detail = detail


class AuthenticationError(ApiError):
    """401: wrong credentials, or a missing, invalid or expired token."""


class ConflictError(ApiError):
    """409: the email address is already registered."""
