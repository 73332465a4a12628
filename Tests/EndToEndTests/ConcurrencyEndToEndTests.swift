import HelpSystem
import HelpTestSupport
import Testing

/// Eight `help test` and four `help install PKG` (different packages, offline from a wheelhouse)
/// started together on one project: every run succeeds with the right result, the cache still
/// opens and answers, and each package is recorded exactly once and installed.
@Suite("concurrency", .serialized)
struct ConcurrencyEndToEndTests {
    @Test(.enabled(if: CrashProject.canRun, "needs python3, node and the built help"))
    func eightTestsAndFourInstallsAtOnce() throws {
        let project = CrashProject()
        try project.prepare(packages: 4)
        let runs: [[String]] =
            Array(repeating: ["test", "--component", "web"], count: 8)
            + (0..<4).map { ["install", "kpkg\($0)", "--offline", "--component", "app"] }
        let collected = ConcurrentResults(count: runs.count)
        for (index, arguments) in runs.enumerated() {
            NativeThread.detach(name: "help-\(index)") {
                collected.store(index, try? project.help.run(arguments, in: project.root, timeout: 900))
            }
        }
        let all = collected.waitForAll()
        for (index, arguments) in runs.enumerated() {
            let result = try #require(all[index], "\(arguments) did not run")
            #expect(result.succeeded, "\(arguments): \(result.stderr)")
            if arguments[0] == "test" { #expect(result.stdout.contains("passed"), "\(result.stdout)") }
        }
        let requirements = try project.fs.readText(project.root + "/app/requirements.txt")
        for package in 0..<4 {
            let lines = requirements.split(separator: "\n").filter { $0.hasPrefix("kpkg\(package)~=") }
            #expect(lines.count == 1, "kpkg\(package) recorded \(lines.count) times:\n\(requirements)")
        }
        let imports = try project.run(
            project.root + "/app/.venv/bin/python", ["-c", "import kpkg0, kpkg1, kpkg2, kpkg3"])
        #expect(imports.succeeded, "\(imports.stderr)")
        let stats = try project.help.run(["cache", "stats"], in: project.root)
        #expect(stats.succeeded, "\(stats.stderr)")
        let again = try project.help.run(["test", "--component", "web"], in: project.root)
        #expect(again.succeeded && again.stdout.contains("cached"), "\(again.stdout)\(again.stderr)")
        print(
            "concurrency: 8 help test and 4 help install at once, all succeeded: \(all.values.allSatisfy(\.succeeded))")
    }
}

/// The results of runs on their own threads, and a wait for the last of them.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = Mutex()
    private var results: [Int: ProcessResult] = [:]
    private var remaining: Int

    init(count: Int) { remaining = count }

    func store(_ index: Int, _ result: ProcessResult?) {
        lock.withLock {
            results[index] = result
            remaining -= 1
        }
    }

    func waitForAll() -> [Int: ProcessResult] {
        while lock.withLock({ remaining }) > 0 { MonotonicTime.sleep(seconds: 0.05) }
        return lock.withLock { results }
    }
}
