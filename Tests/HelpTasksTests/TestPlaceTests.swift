import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// Where `help test` stands decides what it tests: inside a component's folder that component
/// (as git works from a subfolder), `--all` everything; `--changed` with nothing changed says so.
@Suite struct TestPlaceTests {
    let folder: TempDir
    let runner = RecordingProcessRunner()

    init() throws {
        folder = try TempDir.project([
            ".git/": "",
            "alpha/Package.swift": "// swift-tools-version:5.9\n", "alpha/Sources/A/A.swift": "let a = 1\n",
            "beta/Package.swift": "// swift-tools-version:5.9\n", "beta/Sources/B/B.swift": "let b = 1\n",
        ])
        runner.on("swift") { command in
            ProcessResult(termination: .exited(0), stdout: command.arguments == ["--version"] ? "Swift 6.0\n" : "ok\n")
        }
        // A repository where nothing differs from the base: every git question answers empty.
        runner.on("git", stdout: "")
    }

    func test(in relative: String, _ configure: (inout TestOptions) -> Void = { _ in }) throws -> TestReport {
        var options = TestOptions()
        options.jobs = 1
        configure(&options)
        let context = Context(
            runner: runner, environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path],
            console: BufferConsole().console, workingDirectory: folder.path(relative))
        return try TestWorkflow.run(options, context: context)
    }

    @Test func insideAComponentFolderOnlyThatComponentIsTested() throws {
        let report = try test(in: "beta/Sources")
        #expect(report.components.map(\.component) == ["beta"])
        #expect(report.components.first?.reason.hasPrefix("current folder") == true)
    }

    @Test func allTestsEveryComponentFromInsideOne() throws {
        let report = try test(in: "beta") { $0.all = true }
        #expect(report.components.map(\.component).sorted() == ["alpha", "beta"])
    }

    @Test func atTheRootEveryComponentIsTested() throws {
        let report = try test(in: "")
        #expect(report.components.map(\.component).sorted() == ["alpha", "beta"])
    }

    @Test func changedWithNothingChangedSaysSoInsteadOfAnEmptyTable() throws {
        let report = try test(in: "") { $0.changed = true }
        #expect(report.components.isEmpty)
        #expect(report.lines == ["nothing changed since HEAD"])
        #expect(report.json["note"] == .string("nothing changed since HEAD"))
    }
}
