"""The ASGI application: `uvicorn app.main:app`."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app import auth
from app.config import get_settings
from app.db import SessionDep, get_engine


@asynccontextmanager
async def lifespan(_: FastAPI) -> AsyncIterator[None]:
    # Reading the settings here makes a missing SECRET_KEY stop the server at startup
    # instead of failing its first request.
    settings = get_settings()
    yield
    get_engine(settings.database_url).dispose()


app = FastAPI(title="auth-service", version="0.1.0", lifespan=lifespan)
app.include_router(auth.router)


@app.get("/health", response_model=None)
def health(session: SessionDep) -> dict[str, str] | JSONResponse:
    """200 when the API can reach its database, 503 when it cannot."""
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return {"status": "ok"}
