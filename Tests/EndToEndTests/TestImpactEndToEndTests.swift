import HelpSystem
import HelpTestSupport
import Testing

/// `help test --changed` against running everything, on a copy of Tests/Fixtures/test-impact: one
/// function at a time is made to raise, and the tests `--changed` runs must fail exactly as the
/// full suite does. A test the change reaches but the selection leaves out would hide a failure.
@Suite("help test --changed selects every test a change reaches", .serialized)
struct TestImpactEndToEndTests {
    let home: IsolatedHelp
    let copy = TempDir(prefix: "help-test-impact")
    let fs = FileSystem()

    init() throws {
        home = try IsolatedHelp()
        let quiet = Console(style: Console.Style(), stdout: { _ in }, stderr: { _ in })
        let runner = PosixProcessRunner(environment: Environment.current().values, console: quiet)
        try BuiltHelp.copyFixture("test-impact", to: copy.path("repo"))
        try fs.writeAtomically(copy.path("repo/.gitignore"), Array(".venv/\n.helpcache/\n.coverage*\n".utf8))
        for arguments in [
            ["init", "-q"], ["add", "-A"],
            ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "fixture"],
        ] {
            let git = try runner.run(Command("git", arguments, workingDirectory: repo))
            guard git.succeeded else { throw HelpError.io("git \(arguments): \(git.stderr)") }
        }
    }

    var repo: String { copy.path("repo") }

    /// The tests check of `help test … --json`: how many ran, and which failed.
    func tests(_ arguments: [String]) throws -> (ran: Int, failures: Set<String>, note: String) {
        let result = try home.run(["test", "--only", "tests", "--no-cache", "--json"] + arguments, in: repo)
        let document = try JSONValue.parse(result.stdout, source: "help test --json")
        let check = try #require(
            document["components"]?.array?.first?["checks"]?.array?.first { $0["check"] == .string("tests") },
            "\(result.stdout.suffix(2000))\n\(result.stderr.suffix(2000))")
        let ran = (check["passed"]?.int ?? 0) + (check["failed"]?.int ?? 0)
        let failures = Set((check["failures"]?.array ?? []).compactMap(\.string))
        return (ran, failures, check["note"]?.string ?? "")
    }

    /// Makes `function` in `file` raise as its first statement.
    func breakFunction(_ function: String, in file: String) throws {
        let path = repo + "/" + file
        var lines = try fs.readText(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.trimming(" ").hasPrefix("def \(function)(") })
        let indent = String(repeating: " ", count: lines[index].prefix { $0 == " " }.count + 4)
        lines.insert(indent + "raise RuntimeError(\"broken\")", at: index + 1)
        try fs.writeAtomically(path, Array(lines.joined(separator: "\n").utf8))
    }

    @Test("for each broken function, --changed fails exactly the tests the full suite fails")
    func selectionMissesNoReachedTest() throws {
        let install = try home.run(["install"], in: repo)
        try #require(install.succeeded, "\(install.stderr.suffix(3000))")
        let baseline = try tests([])
        #expect(baseline.ran == 7 && baseline.failures.isEmpty, "\(baseline)")

        let corpus = [
            ("slug", "shop/util.py"), ("quote", "shop/routes.py"), ("add", "shop/routes.py"),
            ("total", "shop/models.py"), ("never", "shop/unused.py"), ("rate", "shop/pricing.py"),
            ("load", "shop/settings.py"), ("config", "tests/conftest.py"),
        ]
        for (function, file) in corpus {
            try breakFunction(function, in: file)
            let changed = try tests(["--changed"])
            let everything = try tests(["--changed", "--all-tests"])
            #expect(everything.ran == 7, "\(function): the whole suite runs with --all-tests")
            let why =
                "\(function) in \(file): --changed ran \(changed.ran) (\(changed.note)), failing \(changed.failures); "
                + "all tests fail \(everything.failures)"
            #expect(changed.failures == everything.failures, "\(why)")
            if function != "never" {
                #expect(!everything.failures.isEmpty, "\(function): breaking it fails some test")
            }
            let git = try PosixProcessRunner(
                environment: Environment.current().values, console: BufferConsole().console
            )
            .run(Command("git", ["checkout", "-q", "--", file], workingDirectory: repo))
            #expect(git.succeeded)
        }

        // A function used by one test only: the coverage record narrows the run to that test.
        try breakFunction("slug", in: "shop/util.py")
        let narrowed = try tests(["--changed"])
        #expect(narrowed.ran == 1 && narrowed.failures.count == 1, "\(narrowed)")
        #expect(narrowed.note.contains("coverage record"), "\(narrowed.note)")
    }
}
