import HelpProvision
import HelpSystem
import HelpTestSupport
import Testing

/// A step whose world is a set of marker files: done when its file exists.
private struct MarkerStep: ProvisionStep {
    var id: String
    var folder: String
    var failures: FailureBudget? = nil
    var title: String { "make \(id)" }
    var marker: String { folder + "/" + id }

    func plan(_ run: StepRun) -> [PlannedAction] { [PlannedAction(Command("touch", [marker]))] }
    func check(_ run: StepRun) throws -> Bool { run.fileSystem.exists(marker) }
    func apply(_ run: StepRun) throws -> [String: String] {
        if let failures, failures.take() {
            throw StepFailure(
                message: "\(id) broke", command: "touch \(marker)", output: ["last line"], fix: "fix \(id)",
                transient: failures.transient)
        }
        try run.fileSystem.writeAtomically(marker, [])
        run[fact: id] = "done"
        return ["path": marker]
    }
    func verify(_ run: StepRun) throws {
        guard run.fileSystem.exists(marker) else { throw StepFailure(message: "\(id) missing", fix: "rerun") }
    }
    func undo(_ run: StepRun, record: [String: String]) throws { try run.fileSystem.remove(record["path"]!) }
}

/// How many times a step fails before it works.
private final class FailureBudget: @unchecked Sendable {
    let lock = Mutex()
    var left: Int
    let transient: Bool
    init(_ count: Int, transient: Bool) {
        left = count
        self.transient = transient
    }
    func take() -> Bool {
        lock.withLock {
            guard left > 0 else { return false }
            left -= 1
            return true
        }
    }
}

@Suite("Step engine")
struct StepEngineTests {
    let folder = TempDir(prefix: "help-engine")
    var state: String { folder.path("state/state.json") }

    func run() -> StepRun {
        StepRun(
            context: Context(
                runner: RecordingProcessRunner(), environment: [:], console: BufferConsole().console,
                workingDirectory: folder.path))
    }

    func engine(_ steps: [any ProvisionStep]) -> StepEngine {
        StepEngine(steps: steps, stateFile: state, backoff: Backoff(attempts: 3, initial: 0, sleep: { _ in }))
    }

    @Test func aRunAppliesInOrderAndARerunSkipsEverything() throws {
        let steps = ["a", "b"].map { MarkerStep(id: $0, folder: folder.path) }
        #expect(try engine(steps).run(run()).map(\.outcome) == [.applied, .applied])
        #expect(try engine(steps).run(run()).map(\.outcome) == [.alreadyVerified, .alreadyVerified])
        let saved = try ProvisionState.load(state, fileSystem: FileSystem())
        #expect(saved.steps.map(\.status) == ["verified", "verified"] && saved.facts == ["a": "done", "b": "done"])
        #expect(try FileSystem().stat(state).permissions & 0o077 == 0)
    }

    @Test func aFailureNamesStepCommandOutputAndFixAndTheNextRunResumesAfterIt() throws {
        let budget = FailureBudget(1, transient: false)
        let steps = [
            MarkerStep(id: "a", folder: folder.path), MarkerStep(id: "b", folder: folder.path, failures: budget),
        ]
        let error = try #require(throws: HelpError.self) { try engine(steps).run(run()) }
        #expect(error.message.hasPrefix("step 'make b' failed: b broke"))
        #expect(error.message.contains("command: touch") && error.message.contains("last line"))
        #expect(error.hint == "fix b")
        #expect(try engine(steps).run(run()).map(\.outcome) == [.alreadyVerified, .applied])
    }

    @Test func transientFailuresAreRetried() throws {
        let steps = [MarkerStep(id: "a", folder: folder.path, failures: FailureBudget(2, transient: true))]
        #expect(try engine(steps).run(run()).map(\.outcome) == [.applied])
    }

    @Test func rollbackUndoesOnlyWhatThisToolAppliedInReverse() throws {
        try FileSystem().writeAtomically(folder.path("a"), [])
        let steps = ["a", "b"].map { MarkerStep(id: $0, folder: folder.path) }
        #expect(try engine(steps).run(run()).map(\.outcome) == [.alreadyThere, .applied])
        #expect(try engine(steps).rollback(run()).map(\.id) == ["b"])
        #expect(FileSystem().exists(folder.path("a")) && !FileSystem().exists(folder.path("b")))
        let saved = try ProvisionState.load(state, fileSystem: FileSystem())
        #expect(saved.left && saved.steps.isEmpty)
    }

    @Test func statusReverifiesWithoutChangingAnything() throws {
        let steps = ["a", "b"].map { MarkerStep(id: $0, folder: folder.path) }
        _ = try engine(steps).run(run())
        try FileSystem().remove(folder.path("b"))
        let status = try engine(steps).status(run())
        #expect(status.map(\.outcome) == [.healthy, .unhealthy])
        #expect(!FileSystem().exists(folder.path("b")))
    }

    @Test func aStateFileThatDoesNotParseIsRefusedAndKept() throws {
        try FileSystem().createDirectories(folder.path("state"))
        try FileSystem().writeAtomically(state, Array("{broken".utf8))
        let error = try #require(throws: HelpError.self) {
            try engine([MarkerStep(id: "a", folder: folder.path)]).run(run())
        }
        #expect(error.code == .dataError)
        #expect(try FileSystem().readFile(state) == Array("{broken".utf8))
    }

    @Test func thePlanShowsVariableNamesAndMasksSecrets() {
        var command = Command("tailscale", ["up", "--auth-key=file:/tmp/k"], environment: ["A": "1"])
        command.secrets = ["RAY_AUTH_TOKEN": Secret("s3cret")]
        #expect(PlannedAction(command).text == "A=1 RAY_AUTH_TOKEN=*** tailscale up --auth-key=file:/tmp/k")
    }
}
