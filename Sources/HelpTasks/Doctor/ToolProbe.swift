import HelpProject
import HelpSystem

/// What `help doctor` found out about one tool.
public struct ToolStatus: Sendable, Equatable {
    /// Whether the tool can be used.
    public enum State: String, Sendable {
        case ok
        /// Not on PATH (nor given through `HELP_<TOOL>`).
        case missing
        /// Found, but it did not answer `--version` or one of its checks failed.
        case broken
    }

    public var name: String
    public var purpose: String
    /// True when this project (or `help` itself) cannot work without it.
    public var required: Bool
    public var state: State
    public var path: String?
    public var version: String?
    /// What failed, one phrase each.
    public var problems: [String]
    /// What to do about it; nil when the tool is fine.
    public var hint: String?
}

/// Finds and asks every tool at once: all version and check commands are started together (each
/// with a short timeout) and then collected, so the whole check takes as long as the slowest tool.
public struct ToolProbe: Sendable {
    /// Seconds a tool gets to answer `--version` or a check.
    public static let timeout = 8.0

    public var runner: any ProcessRunner
    /// The component kinds of the project; nil outside a project (then no kind-bound tool is required).
    public var kinds: Set<ComponentKind>?
    /// Decides the install commands in hints (package manager, sudo or not).
    public var platform: Platform

    /// A probe running tools through `runner`, judging needs by `kinds`, hinting for `platform`.
    public init(runner: any ProcessRunner, kinds: Set<ComponentKind>?, platform: Platform) {
        self.runner = runner
        self.kinds = kinds
        self.platform = platform
    }

    /// Whether `spec` is required here.
    public func isRequired(_ spec: ToolSpec) -> Bool {
        switch spec.need {
        case .required: return true
        case .forKind(let kind): return kinds?.contains(kind) ?? false
        case .optional: return false
        }
    }

    // MARK: - Probing

    /// The status of every tool in `specs`, in the same order.
    public func probe(_ specs: [ToolSpec]) -> [ToolStatus] {
        // Start everything first, then wait: the children run side by side.
        let started: [(ToolSpec, String?, Pending?, [Pending])] = specs.map { spec in
            guard let path = runner.locate(spec.name) else { return (spec, nil, nil, []) }
            let version = start(
                path, spec.versionArguments, label: "\(spec.name) \(spec.versionArguments.joined(separator: " "))")
            let checks = spec.checks.map { start(path, $0.arguments, label: $0.label, fix: $0.fix) }
            return (spec, path, version, checks)
        }
        return started.map { spec, path, version, checks in
            finish(spec, path: path, version: version, checks: checks)
        }
    }

    /// A started command, or the reason it could not start.
    enum Pending {
        case running(any RunningProcess, label: String, fix: InstallHint?)
        case failed(label: String, reason: String, fix: InstallHint?)

        var fix: InstallHint? {
            switch self {
            case .running(_, _, let fix), .failed(_, _, let fix): return fix
            }
        }
    }

    private func start(_ path: String, _ arguments: [String], label: String, fix: InstallHint? = nil) -> Pending {
        do {
            let command = Command(path, arguments, output: .capture, input: .null, timeout: ToolProbe.timeout)
            return .running(try runner.start(command), label: label, fix: fix)
        } catch {
            return .failed(label: label, reason: "\(error)", fix: fix)
        }
    }

    private func finish(_ spec: ToolSpec, path: String?, version: Pending?, checks: [Pending]) -> ToolStatus {
        var status = ToolStatus(
            name: spec.name, purpose: spec.purpose, required: isRequired(spec), state: .ok,
            path: path, version: nil, problems: [], hint: nil)
        guard let version else {
            status.state = .missing
            status.hint = spec.install.text(on: platform)
            return status
        }
        var hints: [String] = []
        switch outcome(of: version) {
        case .success(let output): status.version = VersionText.number(in: output)
        case .failure(let problem):
            status.problems.append(problem.message)
            hints.append(spec.install.text(on: platform))
        }
        for check in checks {
            if case .failure(let problem) = outcome(of: check) {
                status.problems.append(problem.message)
                hints.append((check.fix ?? spec.install).text(on: platform))
            }
        }
        if !status.problems.isEmpty {
            status.state = .broken
            var seen = Set<String>()
            status.hint = hints.filter { seen.insert($0).inserted }.joined(separator: "; ")
        }
        return status
    }

    /// The output of a finished command, or a phrase saying how it failed.
    private func outcome(of pending: Pending) -> Result<String, ProbeFailure> {
        switch pending {
        case .failed(let label, let reason, _):
            return .failure(ProbeFailure("\(label): \(reason)"))
        case .running(let process, let label, _):
            let result = process.wait()
            if result.timedOut {
                return .failure(ProbeFailure("\(label): no answer within \(Int(ToolProbe.timeout)) s"))
            }
            guard result.succeeded else {
                let said = firstLine(result.stderr) ?? firstLine(result.stdout)
                return .failure(ProbeFailure("\(label): exit \(result.exitCode)" + (said.map { ": \($0)" } ?? "")))
            }
            return .success(result.stdout.isEmpty ? result.stderr : result.stdout)
        }
    }

    private func firstLine(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline).first.map(String.init)
    }
}

/// A failed probe, as a phrase for the report.
struct ProbeFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
