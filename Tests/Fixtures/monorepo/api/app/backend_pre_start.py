"""Waits until the database accepts connections: run by scripts/prestart.sh first."""

import logging
import time

from sqlalchemy import Engine
from sqlmodel import Session, select

from app.core.db import engine

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


def wait_for(db_engine: Engine, attempts: int = 60) -> None:
    for attempt in range(attempts):
        try:
            with Session(db_engine) as session:
                session.exec(select(1))
            return
        except Exception:
            if attempt == attempts - 1:
                raise
            time.sleep(1)


if __name__ == "__main__":
    logger.info("Waiting for the database")
    wait_for(engine)
    logger.info("The database answers")
