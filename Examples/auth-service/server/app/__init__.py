"""Authentication API for the auth-service example."""
