/// pyproject.toml files shaped like those of real open-source projects, for the edit corpus.
enum PyProjectCorpus {
    static let hatchling = #"""
        [build-system]
        requires = ["hatchling>=1.21"]
        build-backend = "hatchling.build"

        [project]
        name = "acme-client"
        dynamic = ["version"]
        description = "Client for the Acme API"
        readme = "README.md"
        requires-python = ">=3.10"
        license = "MIT"
        authors = [{ name = "Acme", email = "dev@acme.example" }]
        classifiers = [
          "Programming Language :: Python :: 3",
          "License :: OSI Approved :: MIT License",
        ]
        dependencies = [
          "pydantic>=2.7",
          'typing-extensions>=4.10; python_version < "3.12"',
        ]

        [project.urls]
        Homepage = "https://acme.example"

        [dependency-groups]
        test = ["pytest>=8"]
        dev = [
          { include-group = "test" },
        ]

        [tool.hatch.version]
        path = "src/acme_client/__about__.py"

        [tool.ruff]
        line-length = 100
        """#

    static let setuptools = #"""
        [build-system]
        requires = ["setuptools>=69", "wheel"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "legacy-tool"
        version = "2.4.0"
        description = '''
        A tool.
        [project.optional-dependencies]
        dev = ["fake"]
        '''
        dependencies = ["requests>=2.31"]

        [project.optional-dependencies]
        dev = [
            "pytest>=7",  # the runner
            "coverage[toml]>=7",
        ]

        [tool.setuptools.packages.find]
        where = ["src"]

        [tool.pytest.ini_options]
        addopts = "-ra -q"
        """#

    static let uv = #"""
        [project]
        name = "numbers"
        version = "0.1.0"
        description = """
        Number crunching.
        dependencies = ["nothing"]
        """
        requires-python = ">=3.11"
        dependencies = ["click>=8.1"]

        [project.scripts]
        numbers = "numbers.cli:main"

        [tool.uv]
        dev-dependencies = []

        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        [dependency-groups]
        dev = ["ruff>=0.6"]

        [tool.mypy]
        strict = true
        files = ["src"]
        """#

    static let poetry = #"""
        [tool.poetry]
        name = "auth-client"
        version = "0.3.1"
        description = "Client"
        authors = ["Team <team@example.org>"]

        [tool.poetry.dependencies]
        python = "^3.10"
        pydantic = { version = "^2.6", extras = ["email"] }

        [tool.poetry.group.dev.dependencies]
        pytest = "^8.0"

        [build-system]
        requires = ["poetry-core>=1.0.0"]
        build-backend = "poetry.core.masonry.api"
        """#
}
