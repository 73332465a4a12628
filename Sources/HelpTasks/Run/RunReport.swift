import HelpProject
import HelpSystem

/// The outcome of `help run`: under `--dry-run` the plan; otherwise each stage with its time and
/// the services with their addresses and how they ended. Lines for people, one JSON document for
/// `--json`.
public struct RunReport: Sendable {
    /// One finished stage of the pipeline.
    public struct StageResult: Sendable, Equatable {
        public var stage: RunPlan.Stage
        public var component: String
        public var detail: String
        public var seconds: Double
    }

    /// One started service.
    public struct ServiceResult: Sendable, Equatable {
        public var component: String
        public var pid: Int32
        public var urls: [String]
        /// The status its readiness probe got, when it has one.
        public var readyStatus: Int?
        /// Seconds from the start of `help run` until it answered.
        public var readyAfter: Double?
        /// How it ended; nil while it runs.
        public var exitCode: Int32?
    }

    public var root: String
    public var dryRun: Bool
    public var environmentName: String
    public var sync: [SyncOutcome] = []
    public var plan: RunPlan?
    public var stages: [StageResult] = []
    public var services: [ServiceResult] = []

    /// An empty report for a run in the project at `root`.
    public init(root: String, dryRun: Bool, environmentName: String) {
        self.root = root
        self.dryRun = dryRun
        self.environmentName = environmentName
    }

    // MARK: - For people

    public var lines: [String] {
        guard dryRun else {
            return services.map { service in
                "\(service.component): " + (service.exitCode.map { "ended with exit code \($0)" } ?? "running")
            }
        }
        var lines = ["help run --env \(environmentName) would do (nothing was changed or started):"]
        func add(_ stage: RunPlan.Stage, _ component: String, _ text: String) {
            let label = stage.rawValue.padding(to: 14)
            lines.append("  \(label) \(component): \(text)")
        }
        for outcome in sync {
            add(.dependencies, outcome.component, Self.describe(outcome, root: root))
        }
        for step in plan?.describe(root: root) ?? [] { add(step.stage, step.component, step.text) }
        return lines
    }

    static func describe(_ outcome: SyncOutcome, root: String) -> String {
        let place = outcome.environment.map { RunPlan.relative($0.root, root: root) }
        switch outcome.status {
        case .upToDate: return "up to date" + (place.map { " (\($0))" } ?? "")
        case .nothingToDo: return "nothing to install"
        case .planned:
            let steps = outcome.steps.map { RunPlan.relative($0.command?.displayLine ?? $0.title, root: root) }
            return (outcome.environmentReason.map { $0 + "; " } ?? "")
                + (steps.isEmpty ? "nothing to install" : steps.joined(separator: "; "))
        case .installed, .created, .recreated:
            return "\(outcome.status.rawValue)" + (place.map { " (\($0))" } ?? "")
        }
    }

    // MARK: - For machines

    /// The stable `--json` schema of `help run`.
    public var json: JSONValue {
        var document: JSONObject = [
            "dry_run": .bool(dryRun), "env": .string(environmentName),
            "dependencies": .array(
                sync.map { outcome in
                    [
                        "component": .string(outcome.component), "status": .string(outcome.status.rawValue),
                        "environment": .optional(outcome.environment?.root), "seconds": .double(outcome.duration),
                    ]
                }),
        ]
        if let plan { document["plan"] = plan.json(root: root) }
        document["stages"] = .array(
            stages.map { stage in
                [
                    "stage": .string(stage.stage.rawValue), "component": .string(stage.component),
                    "detail": .string(stage.detail),
                    "seconds": .double(stage.seconds),
                ]
            })
        document["services"] = .array(
            services.map { service in
                [
                    "component": .string(service.component), "pid": .int(Int(service.pid)),
                    "urls": .strings(service.urls),
                    "ready_status": service.readyStatus.map { .int($0) } ?? .null,
                    "ready_after_seconds": service.readyAfter.map { .double($0) } ?? .null,
                    "exit_code": service.exitCode.map { .int(Int($0)) } ?? .null,
                ]
            })
        return .object(document)
    }
}

extension String {
    /// The text padded with spaces to `width` characters (never cut).
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
