/// Realistic pyproject.toml files for the PyProject tests.
enum PyProjectFixtures {
    static let poetry = """
        [tool.poetry]
        name = "auth-client"
        version = "0.3.1"
        description = "Client for the auth service"
        authors = ["Team <team@example.org>"]
        readme = "README.md"
        packages = [{ include = "auth_client", from = "src" }]

        [tool.poetry.dependencies]
        python = "^3.10"
        httpx = "^0.27"        # HTTP client
        pydantic = { version = "^2.6", extras = ["email"] }
        keyring = { version = ">=24", optional = true }
        shared = { path = "../shared", develop = true }

        [tool.poetry.group.dev.dependencies]
        pytest = "^8.0"
        pytest-asyncio = "*"

        [tool.poetry.group.docs]
        optional = true

        [tool.poetry.group.docs.dependencies]
        mkdocs = "^1.5"

        [tool.poetry.extras]
        secrets = ["keyring"]

        [tool.ruff]
        line-length = 100
        select = [
            "E",  # pycodestyle
            "F",
        ]

        [tool.mypy]
        strict = true

        [build-system]
        requires = ["poetry-core>=1.0.0"]
        build-backend = "poetry.core.masonry.api"

        """

    static let pep621 = """
        [project]
        name = "auth-server"
        version = "1.4.0"
        description = "FastAPI auth service"
        readme = "README.md"
        requires-python = ">=3.11"
        license = { text = "MIT" }
        authors = [{ name = "Team", email = "team@example.org" }]
        dependencies = [
            "fastapi>=0.110",
            "uvicorn[standard]>=0.29",  # ASGI server
            # database
            "sqlalchemy>=2.0",
            "alembic>=1.13",
            'psycopg[binary]>=3.1; sys_platform != "win32"',
        ]

        [project.optional-dependencies]
        otel = ["opentelemetry-sdk>=1.24"]

        [project.scripts]
        auth-server = "auth_server.cli:main"

        [dependency-groups]
        test = [
            "pytest>=8",
            "httpx>=0.27",
        ]
        lint = ["ruff>=0.4", "mypy>=1.10"]
        dev = [
            { include-group = "test" },
            { include-group = "lint" },
            "ipython",
        ]

        [tool.pytest.ini_options]
        addopts = "-q"
        testpaths = ["tests"]

        [tool.coverage.run]
        branch = true

        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        """
}
