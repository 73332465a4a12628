import HelpSystem

/// One step of provisioning a machine (install conda, join the tailnet, start the Ray worker).
/// The engine asks `check` first so a re-run skips what is already true, then `apply`, then
/// `verify` before the step counts as done; `undo` reverses only what `apply` did, from the
/// record `apply` returned. Steps are plain values: everything they touch comes in through
/// `StepRun`, so tests hand in fakes.
public protocol ProvisionStep: Sendable {
    /// A stable name, the key of the step in the state file (`conda`, `tailscale-up`).
    var id: String { get }
    /// What a person reads in the plan and the progress lines.
    var title: String { get }
    /// What `apply` would do, exactly, for `--dry-run` (secrets masked by `Command.displayLine`).
    func plan(_ run: StepRun) -> [PlannedAction]
    /// True when the step's outcome is already there (then `apply` is skipped).
    func check(_ run: StepRun) throws -> Bool
    /// Does the work; returns what `undo` needs to reverse it (paths created, services started).
    func apply(_ run: StepRun) throws -> [String: String]
    /// Throws unless the outcome is there now. Retried with backoff: services take a moment.
    func verify(_ run: StepRun) throws
    /// Reverses `apply`, given its record. Steps that cannot be undone leave it empty.
    func undo(_ run: StepRun, record: [String: String]) throws
}

extension ProvisionStep {
    public func undo(_ run: StepRun, record: [String: String]) throws {}
}

/// A line of a `--dry-run` plan: a command as it would run (with the names of the variables set
/// for it, values of secrets never shown), or a plain action such as writing a file.
public struct PlannedAction: Sendable, Equatable {
    public var text: String

    public init(_ text: String) { self.text = text }

    /// `command`'s line, preceded by `NAME=value` for plain variables and `NAME=***` for secrets.
    public init(_ command: Command) {
        let plain = command.environment.keys.sorted().map { "\($0)=\(Command.shellQuote(command.environment[$0]!))" }
        let secret = command.secrets.keys.sorted().map { "\($0)=***" }
        text = (plain + secret + [command.displayLine]).joined(separator: " ")
    }
}
