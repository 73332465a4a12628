import HelpProvision
import HelpSystem

/// `help setup-node`: this machine becomes a Ray node (or a client) on the team's tailnet.
public enum SetupNodeCommand {
    public static let spec = CommandSpec(
        name: "setup-node",
        summary: "Make this machine a verified Ray node on the team's Tailscale network",
        discussion: """
            Steps: conda (Miniforge, or Miniconda with --conda miniconda, whose channel terms are then \
            accepted explicitly), a conda environment with the cluster's exact Python, the team's repository \
            and its requirements, Ray at the head's exact version, Tailscale (installed when missing; \
            'tailscale up' with the key from TS_AUTHKEY or --auth-key-file, never argv), and the Ray worker \
            on the Tailscale IP, verified by the head. Each step is checked first, so a re-run skips what is \
            done; state is kept in ${XDG_STATE_HOME:-~/.local/state}/help/node/, so a failed run resumes \
            after its last verified step. 'help setup-node status' re-verifies every step; --rollback undoes, \
            last first, only what this tool did; --leave stops the worker and leaves the tailnet. \
            RAY_AUTH_TOKEN is read from the environment when the head requires tokens. Downloads are \
            verified by SHA-256 before use; --mirror URL (or HELP_MIRROR) serves them all from one base URL.
            """,
        options: [
            .value("profile", valueName: "FILE", help: "The cluster profile written by `help cluster profile`"),
            .value("head", valueName: "HOST:PORT", help: "The Ray head's address (wins over the profile)"),
            .value("ray-version", valueName: "X.Y.Z", help: "The head's exact Ray version"),
            .value("python", valueName: "X.Y.Z", help: "The cluster's exact Python (default 3.13.7)"),
            .value("auth-mode", valueName: "MODE", help: "token or none", allowedValues: ["token", "none"]),
            .value("repo", valueName: "URL", help: "The team's repository"),
            .value("ref", valueName: "REF", help: "Branch or tag of the repository"),
            .value(
                "role", valueName: "ROLE", help: "provider (default), user or both",
                allowedValues: ["provider", "user", "both"]),
            .value(
                "conda", valueName: "KIND", help: "miniforge (default) or miniconda",
                allowedValues: ["miniforge", "miniconda"]),
            .value("conda-prefix", valueName: "DIR", help: "Where conda is (or goes); default ~/miniforge3"),
            .value("env-name", valueName: "NAME", help: "The conda environment's name (default help-node)"),
            .value("repo-dir", valueName: "DIR", help: "Where the repository is cloned (default ~/cluster-repo)"),
            .value("hostname", valueName: "NAME", help: "This machine's name on the tailnet"),
            .value("auth-key-file", valueName: "FILE", help: "A file holding the Tailscale auth key (else TS_AUTHKEY)"),
            .value("login-server", valueName: "URL", help: "A Headscale or other coordination server"),
            .repeatable("advertise-tags", valueName: "TAG", help: "tag:NAME to advertise (repeatable)"),
            .value("tailscale-version", valueName: "X.Y.Z", help: "Tailscale version for the static install"),
            .value("num-cpus", valueName: "N", help: "CPUs offered to Ray"),
            .value("num-gpus", valueName: "N", help: "GPUs offered to Ray (default: nvidia-smi's count)"),
            .value("resources", valueName: "JSON", help: "Custom Ray resources, a JSON object"),
            .value("mirror", valueName: "URL", help: "Serve every download from this base URL"),
            .value("platform", valueName: "OS-ARCH", help: "Plan for another platform (with --dry-run)"),
            .value("min-free-gib", valueName: "N", help: "Free disk space required (default 10)"),
            .flag("dry-run", help: "Print every step with its exact commands; change nothing"),
            .flag("rollback", help: "Undo, last first, what this tool did"),
            .flag("leave", help: "Stop the Ray worker and leave the tailnet"),
        ],
        positionals: [PositionalSpec("status", arity: .optional, help: "status: re-verify every step")],
        examples: [
            .init("help setup-node --profile cluster.json --dry-run", "The whole plan, nothing run"),
            .init("TS_AUTHKEY=… help setup-node --profile cluster.json", "Set up a provider"),
            .init("help setup-node status", "Re-verify every step"),
            .init("help setup-node --rollback", "Undo what setup-node did"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        let options = try SetupNodeCommand.options(invocation, context)
        let node = try SetupNode(options: options, context: context)
        let run = node.makeRun()
        if let action = invocation.positionals.first {
            guard action == "status" else {
                throw HelpError.usage("unknown action '\(action)'", hint: "The only action is 'status'.")
            }
            return report(try node.engine.status(run), title: "status", summary: node.summary(run))
        }
        if invocation.flag("dry-run") {
            var lines = ["Plan for \(options.platform) (\(options.role.rawValue)); nothing is run:"]
            var steps: [JSONValue] = []
            for (index, step) in node.engine.plan(run).enumerated() {
                lines.append("\(index + 1). \(step.title)")
                lines += step.actions.map { "     " + $0.text }
                steps.append(["title": .string(step.title), "actions": .strings(step.actions.map(\.text))])
            }
            return Report(
                lines: lines, json: ["platform": .string(options.platform.description), "steps": .array(steps)])
        }
        if invocation.flag("rollback") {
            return report(try node.engine.rollback(run), title: "rollback", summary: node.summary(run))
        }
        if invocation.flag("leave") {
            let done = try node.leave(run)
            return Report(lines: done.isEmpty ? ["Nothing to leave."] : done, json: ["left": .strings(done)])
        }
        try node.preflight()
        let reports = try node.run(run)
        let summary = node.summary(run)
        var report = report(reports, title: "setup", summary: summary)
        report.lines += [
            "", "Provider \(summary["provider_id"]?.string ?? "?")",
            "  Tailscale IP  \(summary["tailscale_ip"]?.string ?? "-")",
            "  Ray node      \(summary["ray_node_id"]?.string ?? "-")",
            "  Ray \(options.profile.rayVersion ?? "-"), Python \(options.python)",
            "Next: `help setup-node status` to re-check; `help join-cluster` to add K3s.",
        ]
        return report
    }

    /// The engine's outcomes, one line per step, and `{"action", "steps", "node"}` as JSON; exit 1
    /// when `status` finds a step unhealthy.
    static func report(_ reports: [StepEngine.Report], title: String, summary: JSONValue) -> Report {
        let lines = reports.map { "\($0.outcome.rawValue): \($0.title)" + ($0.detail.map { " (\($0))" } ?? "") }
        let unhealthy = reports.filter { $0.outcome == .unhealthy }
        let failure =
            unhealthy.isEmpty
            ? nil
            : HelpError(
                "\(unhealthy.count) of \(reports.count) steps are not healthy",
                hint: "Run the command again to repair them.")
        let steps: [JSONValue] = reports.map {
            [
                "id": .string($0.id), "title": .string($0.title), "outcome": .string($0.outcome.rawValue),
                "detail": .optional($0.detail),
            ]
        }
        return Report(
            lines: lines, json: ["action": .string(title), "steps": .array(steps), "node": summary], failure: failure)
    }

    static func options(_ invocation: Invocation, _ context: Context) throws -> SetupNodeOptions {
        let platform = try invocation.value("platform").map(NodePlatform.init) ?? NodePlatform.current()
        var options = SetupNodeOptions(platform: platform, home: context.environment["HOME"] ?? "/root")
        if let file = invocation.value("profile") {
            options.profile = try NodeProfile.load(absolute(file, context), fileSystem: context.fileSystem)
        }
        if let head = invocation.value("head") { options.profile.headAddress = head }
        if let version = invocation.value("ray-version") { options.profile.rayVersion = version }
        if let python = invocation.value("python") { options.profile.pythonVersion = python }
        if let mode = invocation.value("auth-mode") { options.profile.authMode = mode }
        if let repo = invocation.value("repo") { options.profile.repository = repo }
        if let ref = invocation.value("ref") { options.profile.ref = ref }
        if let version = invocation.value("tailscale-version") { options.profile.tailscaleVersion = version }
        if let role = invocation.value("role") { options.role = SetupNodeOptions.Role(rawValue: role) ?? .provider }
        if let kind = invocation.value("conda") {
            options.condaKind = kind
            if invocation.value("conda-prefix") == nil && kind == "miniconda" {
                options.condaPrefix = (context.environment["HOME"] ?? "/root") + "/miniconda3"
            }
        }
        if let prefix = invocation.value("conda-prefix") { options.condaPrefix = absolute(prefix, context) }
        if let name = invocation.value("env-name") { options.environmentName = name }
        if let folder = invocation.value("repo-dir") { options.repositoryFolder = absolute(folder, context) }
        options.hostname = invocation.value("hostname")
        options.authKeyFile = invocation.value("auth-key-file").map { absolute($0, context) }
        options.loginServer = invocation.value("login-server")
        options.tags = invocation.values("advertise-tags")
        options.numCPUs = try number(invocation, "num-cpus")
        options.numGPUs = try number(invocation, "num-gpus")
        options.resources = invocation.value("resources")
        options.minimumFreeGiB = try number(invocation, "min-free-gib") ?? 10
        options.mirror = try DownloadMirror.chosen(option: invocation.value("mirror"), environment: context.environment)
        try options.validate()
        return options
    }

    static func number(_ invocation: Invocation, _ name: String) throws -> Int? {
        guard let text = invocation.value(name) else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw HelpError.usage("--\(name) '\(text)' is not a whole number", hint: "Such as --\(name) 4.")
        }
        return value
    }

    static func absolute(_ path: String, _ context: Context) -> String {
        path.hasPrefix("/") ? path : context.workingDirectory + "/" + path
    }
}
