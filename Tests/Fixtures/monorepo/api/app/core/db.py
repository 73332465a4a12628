"""The engine, and the first superuser the deployment creates."""

from sqlmodel import Session, create_engine, select

from app.core.config import settings
from app.core.security import hash_password
from app.models import User

engine = create_engine(str(settings.SQLALCHEMY_DATABASE_URI))


def init_db(session: Session) -> None:
    """Creates the first superuser when missing (the tables come from Alembic)."""
    user = session.exec(select(User).where(User.email == settings.FIRST_SUPERUSER)).first()
    if user is None:
        session.add(
            User(
                email=settings.FIRST_SUPERUSER,
                hashed_password=hash_password(settings.FIRST_SUPERUSER_PASSWORD),
                is_superuser=True,
            )
        )
        session.commit()
