import HelpTestSupport

@testable import HelpProject

#if canImport(Glibc)
    import Glibc
#endif

/// A project tree in a fresh temporary folder, written file by file.
final class Fixture {
    let directory = TempDir(prefix: "help-project")
    var path: String { directory.path }

    /// Writes `text` to `relative`, creating folders on the way.
    @discardableResult
    func write(_ relative: String, _ text: String = "") -> Fixture {
        let full = path + "/" + relative
        if let slash = relative.lastIndex(of: "/") { folder(String(relative[..<slash])) }
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        precondition(fd >= 0, "cannot create \(full)")
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        precondition(written == bytes.count, "short write to \(full)")
        close(fd)
        return self
    }

    /// The project found from `relative` (the fixture stays alive while it is read).
    func project(from relative: String = "") throws -> Project {
        try Project.load(from: relative.isEmpty ? path : path + "/" + relative)
    }

    /// The root found from `relative`.
    func locate(from relative: String = "") throws -> ProjectRoot {
        try ProjectLocator.locate(from: relative.isEmpty ? path : path + "/" + relative)
    }

    /// Creates `relative` and its parents.
    @discardableResult
    func folder(_ relative: String) -> Fixture {
        var current = path
        for part in relative.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST { preconditionFailure("cannot create \(current)") }
        }
        return self
    }

    /// The auth-service monorepo shape: a FastAPI + Alembic server, a Python client, a JS client.
    static func authService() -> Fixture {
        Fixture()
            .folder(".git")
            .write("server/alembic.ini", "[alembic]\nscript_location = migrations\n")
            .write("server/requirements.txt", "fastapi==0.110.0\nuvicorn[standard]>=0.29  # ASGI server\nalembic\n")
            .write("server/requirements-dev.txt", "-r requirements.txt\npytest\nruff\n")
            .write("server/app/__init__.py")
            .write("server/app/main.py", "from fastapi import FastAPI\n\napp = FastAPI(title=\"auth\")\n")
            .write("server/migrations/env.py", "")
            .write("server/tests/test_login.py", "def test_login():\n    pass\n")
            .write(
                "python-client/pyproject.toml",
                """
                [project]
                name = "auth-client"
                requires-python = ">=3.9"
                dependencies = ["httpx>=0.27"]

                [dependency-groups]
                dev = ["pytest", "fastapi"]
                """
            )
            .write("python-client/tests/test_client.py", "")
            .write(
                "js-client/package.json",
                """
                {"name": "auth-js", "scripts": {"test": "node --test", "build": "tsc"}, "dependencies": {"undici": "^6"}}
                """
            )
            .write("docs/index.md", "# docs\n")
            .write("node_modules/left-pad/package.json", "{}")
    }
}
