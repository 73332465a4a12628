#if canImport(Glibc)
import Glibc
#endif
import HelpProject
import HelpSystem

/// A throwaway database for one test run of a server: a SQLite file in a fresh temp folder,
/// migrated with Alembic when the component has it, exported to the tests as `DATABASE_URL`, and
/// removed afterwards whatever happened (failures, Ctrl-C: the caller removes it in a `defer`).
public final class TestDatabase: @unchecked Sendable {
    public let folder: String
    public let url: String

    /// Creates the folder; nothing is migrated yet.
    public init() throws {
        var template = Array("/tmp/help-testdb-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw HelpError.io("cannot create a temporary folder for the test database", hint: "Check that /tmp is writable.")
        }
        folder = String(cString: template)
        url = "sqlite:///\(folder)/test.db"
    }

    /// Whether a component's tests want a database of their own.
    public static func wanted(by component: Component) -> Bool {
        component.kind == .python && (component.python?.hasAlembic ?? false)
    }

    /// `alembic upgrade head` against the throwaway database; a failure is returned with its output.
    public func migrate(component folder: String, python: String, environment: [String: String],
                        secrets: [String: Secret], runner: any ProcessRunner) throws -> ProcessResult {
        var env = environment
        env["DATABASE_URL"] = url
        env["PYTHONPATH"] = folder
        return try runner.run(Command(python, ["-m", "alembic", "upgrade", "head"], environment: env,
                                      secrets: secrets, workingDirectory: folder, timeout: 300))
    }

    /// Removes the database and its folder.
    public func remove() {
        try? FileSystem().remove(folder)
    }

    deinit { remove() }
}
