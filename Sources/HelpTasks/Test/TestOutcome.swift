/// How one check ended, with what could be read from its output.
public struct TestOutcome: Sendable, Equatable {
    /// The verdict of the check.
    public enum Status: String, Sendable {
        case passed, failed, skipped
    }

    public var status: Status
    public var passed: Int?
    public var failed: Int?
    public var skipped: Int?
    /// Line coverage in percent, when the check measured it.
    public var coverage: Double?
    /// Names of failing tests (`file::test`), for the report and JUnit.
    public var failures: [String]
    public var duration: Double
    /// Served from the result cache rather than run.
    public var cached: Bool
    /// The same inputs gave a different outcome before.
    public var flaky: Bool
    /// Why the check ran or was a hit (`--explain`), or why it was skipped.
    public var note: String?
    /// The check's captured output (replayed with `-v`/`--replay` on a hit, shown on a failure).
    public var output: String

    public init(
        status: Status, passed: Int? = nil, failed: Int? = nil, skipped: Int? = nil, coverage: Double? = nil,
        failures: [String] = [], duration: Double = 0, cached: Bool = false, flaky: Bool = false,
        note: String? = nil, output: String = ""
    ) {
        self.status = status
        self.passed = passed
        self.failed = failed
        self.skipped = skipped
        self.coverage = coverage
        self.failures = failures
        self.duration = duration
        self.cached = cached
        self.flaky = flaky
        self.note = note
        self.output = output
    }
}
