import HelpProject
import HelpSystem
import HelpTasks

/// `help test`: every component's tests and quality checks, selected, cached and explained.
public enum TestCommand {
    public static let spec = CommandSpec(
        name: "test",
        summary: "Run tests, coverage, lint and type checks per component, answering unchanged ones from cache",
        discussion: """
            Runs each selected component's checks in its own environment (dependencies synced first): \
            Python — pytest (with coverage when pytest-cov is installed), ruff check and ruff format \
            --check when the project uses ruff, mypy when configured; Node — node --test (with coverage) or npm test; Swift — swift test. A \
            server with Alembic gets a throwaway migrated database (PostgreSQL when configured for it, else \
            SQLite) as DATABASE_URL and POSTGRES_*, checked with Alembic to be the one the app uses, and \
            removed afterwards. A pass is cached under a key of the component's files, its dependencies' files, \
            declared env vars, tool versions and the command; a hit prints `cached` (-v or --replay shows \
            its output). Failures are never cached. A check whose tool is missing is reported as skipped \
            with the install command. Exit 1 when anything failed.
            """,
        options: [
            .flag(
                "changed",
                help: "Only components whose files changed (since --since or the merge base), plus dependents"),
            .value("since", valueName: "REF", help: "With --changed: the git revision to compare with"),
            .flag(
                "all-tests", help: "With --changed: run whole Python suites, not just the test files the change reaches"
            ),
            .value(
                "only", valueName: "GROUP", help: "Run only one group of checks",
                allowedValues: ["tests", "lint", "types"]),
            .flag("no-lint", help: "Skip lint, format and type checks"),
            .flag("no-cache", help: "Run every check even when a cached pass exists"),
            .flag("rerun-failed", help: "Run only the checks that failed last time"),
            .flag("explain", help: "Say for each check why it ran (what changed) or why it was a hit"),
            .flag("replay", help: "Print the captured output of cached checks"),
            .value("junit", valueName: "FILE", help: "Also write JUnit XML of all components to FILE"),
            .value("jobs", short: "j", valueName: "N", help: "Components tested at once (default: CPU count)"),
        ] + ComponentSelection.options,
        examples: [
            .init("help test", "Everything, with unchanged checks answered from cache"),
            .init("help test --server --explain", "The server's checks, saying why each ran"),
            .init(
                "help test --changed --junit report.xml",
                "What changed since the merge base, plus dependents, with JUnit XML"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        let options = try options(invocation, environment: context.environment)
        let report = try TestWorkflow.run(options, context: context)
        // A component stopped before its checks (no test database, or not the throwaway one)
        // exits with that error's own code, not as a test failure.
        let stopped = report.components.compactMap(\.error).first { $0.code != .failure }
        let failure =
            stopped
            ?? (report.failed
                ? HelpError(
                    "some checks failed",
                    hint: "Run 'help test --rerun-failed' after fixing them; -v shows full output.")
                : nil)
        return Report(lines: report.lines, json: report.json, failure: failure)
    }

    /// The workflow's options from the parsed command line (`--jobs` defaults to the CPU count).
    static func options(_ invocation: Invocation, environment: [String: String]) throws -> TestOptions {
        var options = TestOptions()
        let selection = try ComponentSelection(invocation)
        options.components = selection.names
        options.all = selection.all
        options.changed = invocation.flag("changed")
        options.since = invocation.value("since")
        if options.since != nil && !options.changed {
            throw HelpError.usage("--since goes with --changed", hint: "Run 'help test --changed --since REF'.")
        }
        if options.changed && !selection.isDefault {
            throw HelpError.usage("--changed chooses components itself; drop the component flags or --changed")
        }
        options.allTests = invocation.flag("all-tests")
        options.only = invocation.value("only")
        options.noLint = invocation.flag("no-lint")
        options.noCache = invocation.flag("no-cache")
        options.rerunFailed = invocation.flag("rerun-failed")
        options.explain = invocation.flag("explain")
        options.replay = invocation.flag("replay")
        options.junitPath = invocation.value("junit")
        options.jobs = try invocation.jobs(environment: environment)
        return options
    }
}
