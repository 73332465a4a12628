/// A server whose tests are dangerous on the wrong database: its conftest deletes every row of
/// `users` before each test, through the same settings that Alembic's `env.py` reads. What the
/// settings are (`app/config.py`, its `.env`, requirements) is the caller's; `url` is the Python
/// expression that gives the database URL from `Settings()`.
enum DestructiveServerFixture {
    static func files(url: String, idColumn: String) -> [String: String] {
        [
            "help.json": "{\"components\": {}}\n",
            "server/pytest.ini": "[pytest]\npythonpath = .\n",
            "server/app/__init__.py": "",
            "server/alembic.ini": "[alembic]\nscript_location = migrations\n",
            "server/migrations/env.py": """
            from alembic import context
            from sqlalchemy import create_engine

            from app.config import Settings

            url = Settings().\(url)
            if context.is_offline_mode():
                context.configure(url=url, literal_binds=True)
                with context.begin_transaction():
                    context.run_migrations()
            else:
                with create_engine(url).connect() as connection:
                    context.configure(connection=connection)
                    with context.begin_transaction():
                        context.run_migrations()

            """,
            "server/migrations/versions/0001_users.py": """
            from alembic import op

            revision = "0001"
            down_revision = None


            def upgrade():
                op.execute("CREATE TABLE IF NOT EXISTS users (id \(idColumn) PRIMARY KEY, email text NOT NULL)")


            def downgrade():
                op.execute("DROP TABLE users")

            """,
            "server/tests/conftest.py": """
            import pytest
            from sqlalchemy import create_engine, text

            from app.config import Settings


            @pytest.fixture(autouse=True)
            def empty_users():
                engine = create_engine(Settings().\(url))
                with engine.begin() as connection:
                    connection.execute(text("DELETE FROM users"))
                yield
                engine.dispose()

            """,
            "server/tests/test_users.py": """
            from sqlalchemy import create_engine, text

            from app.config import Settings


            def test_starts_empty():
                engine = create_engine(Settings().\(url))
                with engine.connect() as connection:
                    assert connection.execute(text("SELECT count(*) FROM users")).scalar() == 0
                engine.dispose()

            """,
        ]
    }
}
