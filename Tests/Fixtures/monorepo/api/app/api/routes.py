"""Routes of the API."""

from fastapi import APIRouter, Depends
from sqlmodel import Session, func, select

from app.core.db import engine
from app.models import User

router = APIRouter()


def get_session():  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        yield session


@router.get("/utils/health-check/")
def health_check() -> bool:
    return True


@router.get("/users/count")
def count_users(session: Session = Depends(get_session)) -> dict[str, int]:
    return {"count": session.exec(select(func.count()).select_from(User)).one()}
