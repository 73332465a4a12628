import HelpSystem

/// What a command produced, in both shapes: lines for people and one JSON document for `--json`.
/// A command that ran but found a problem (a missing tool, a checksum mismatch) returns a report
/// with a `failure`, so the JSON document is still printed and the exit code still says what
/// went wrong.
public struct Report: Sendable {
    /// Result lines for stdout in human mode (may already hold colors from `Console.paint`).
    public var lines: [String]
    /// The one document printed to stdout under `--json`; its schema is part of the interface.
    public var json: JSONValue
    /// Printed as `error:`/`hint:` on stderr in human mode; sets the exit code in both modes.
    public var failure: HelpError?

    /// A report with both shapes of the result and, when something went wrong, why.
    public init(lines: [String], json: JSONValue, failure: HelpError? = nil) {
        self.lines = lines
        self.json = json
        self.failure = failure
    }

    public var exitCode: ExitCode { failure?.code ?? .ok }

    /// Prints the report the way the console's style asks for.
    public func render(on console: Console) {
        if console.style.json {
            console.json(json.encoded(.pretty))
            return
        }
        for line in lines { console.result(line) }
        if let failure { console.error(failure) }
    }
}
