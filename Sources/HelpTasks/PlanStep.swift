import HelpSystem

/// A step of a workflow's plan: what would run, where, and why. Workflows compute plans without
/// side effects (`--dry-run` prints them, unit tests assert on them); an executor runs them.
public struct PlanStep: Sendable, Equatable {
    public var title: String
    public var command: Command?
    public var reason: String

    public init(title: String, command: Command? = nil, reason: String = "") {
        self.title = title
        self.command = command
        self.reason = reason
    }
}
