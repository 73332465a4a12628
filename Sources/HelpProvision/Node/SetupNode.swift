import HelpSystem

/// `help setup-node`: the steps for the machine's role on the step engine, the preflight before
/// them, and the closing summary. State lives in `ProvisionStateFolder(name: "node")`.
public struct SetupNode: Sendable {
    public var options: SetupNodeOptions
    public var context: Context
    public var stateFolder: ProvisionStateFolder

    public init(options: SetupNodeOptions, context: Context) throws {
        guard let folder = ProvisionStateFolder(name: "node", environment: context.environment) else {
            throw HelpError.unavailable("no HOME to keep the node's state in", hint: "Set HOME (or XDG_STATE_HOME).")
        }
        self.options = options
        self.context = context
        stateFolder = folder
    }

    /// The secrets of this run, from the environment only.
    var secrets: [String: Secret] {
        var secrets: [String: Secret] = [:]
        for name in ["TS_AUTHKEY", "RAY_AUTH_TOKEN"] {
            if let value = context.environment[name], !value.isEmpty { secrets[name] = Secret(value) }
        }
        return secrets
    }

    public func makeRun() -> StepRun { StepRun(context: context, secrets: secrets) }

    var python: String { options.condaPrefix + "/envs/\(options.environmentName)/bin/python" }

    /// The steps, in order, for the role.
    public var steps: [any ProvisionStep] {
        let mirror = options.mirror
        let context = context
        let downloader: @Sendable () -> Downloader = { Downloader.verifying(context: context, mirror: mirror) }
        var steps: [any ProvisionStep] = [
            CondaInstallStep(options: options, downloader: downloader), CondaEnvironmentStep(options: options),
        ]
        if let url = options.profile.repository { steps.append(RepositoryStep(options: options, url: url)) }
        if options.role.runsWorker, let version = options.profile.rayVersion {
            steps.append(RayInstallStep(version: version, python: python))
        }
        steps += [TailscaleInstallStep(options: options, downloader: downloader), TailscaleUpStep(options: options)]
        if options.role.runsWorker { steps.append(RayWorkerStep(options: options, python: python)) }
        return steps
    }

    public var engine: StepEngine { StepEngine(steps: steps, stateFile: stateFolder.file("state.json")) }

    /// Runs every step not yet verified, with the provider ID made (or read back) first so the
    /// state keeps it.
    public func run(_ run: StepRun) throws -> [StepEngine.Report] {
        let saved = try ProvisionState.load(stateFolder.file("state.json"), fileSystem: context.fileSystem)
        for (key, value) in saved.facts where run[fact: key] == nil { run[fact: key] = value }
        _ = Self.providerID(run)
        return try engine.run(run)
    }

    /// `--leave`: the worker stopped, the tailnet left when this tool joined it, the state marked
    /// left (nothing else is removed; `--rollback` does that).
    public func leave(_ run: StepRun) throws -> [String] {
        let file = stateFolder.file("state.json")
        var state = try ProvisionState.load(file, fileSystem: context.fileSystem)
        var done: [String] = []
        if state.entry("ray-worker")?.appliedByUs == true {
            let worker = RayWorkerStep(options: options, python: python)
            try run.run(Command(worker.ray, ["stop"], timeout: 120), fix: "Stop it by hand: ray stop")
            done.append("Ray worker stopped")
        }
        if state.entry("tailscale-up")?.record["logged_in"] == "yes" {
            try run.run(Tailscale().logoutCommand, fix: "Log out by hand: tailscale logout")
            done.append("logged out of the tailnet")
        }
        state.left = true
        try state.save(file, fileSystem: context.fileSystem)
        return done
    }

    // MARK: - Preflight

    /// What must hold before any step runs; each failure is one line with a hint, exit 69.
    public func preflight() throws {
        let runner = context.runner
        var tools = ["curl", "tar"]
        if options.profile.repository != nil { tools.append("git") }
        for tool in tools where runner.locate(tool) == nil {
            throw HelpError.unavailable(
                "\(tool) is not installed", hint: "Install \(tool) with the system's package manager.")
        }
        let home = context.environment["HOME"] ?? "/"
        if let df = try? runner.run(Command("df", ["-Pk", home], timeout: 10)), df.succeeded,
            let line = df.stdout.split(whereSeparator: \.isNewline).dropFirst().first
        {
            let fields = line.split(separator: " ")
            if fields.count > 3, let kib = Int(fields[3]), kib / (1024 * 1024) < options.minimumFreeGiB {
                throw HelpError.unavailable(
                    "only \(kib / (1024 * 1024)) GiB free under \(home); a node needs \(options.minimumFreeGiB) GiB",
                    hint: "Free some space, or lower the bar with --min-free-gib N.")
            }
        }
        if options.platform.os == "linux", runner.locate("tailscale") == nil,
            !context.fileSystem.exists("/dev/net/tun")
        {
            throw HelpError.unavailable(
                "/dev/net/tun is missing, so Tailscale cannot make its tailscale0 interface",
                hint: "Load the tun module (modprobe tun) or give the container --device /dev/net/tun.")
        }
    }

    // MARK: - Summary

    /// The provider's lasting ID (created on the first run, kept in the state's facts).
    public static func providerID(_ run: StepRun) -> String {
        if let id = run[fact: "provider_id"] { return id }
        var bytes = (try? SystemRandom.bytes(16)) ?? Array(repeating: 0, count: 16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
            .joined()
        let id = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }.joined(separator: "-")
        run[fact: "provider_id"] = id
        return id
    }

    /// The closing summary as JSON: who this node is and how to reach it.
    public func summary(_ run: StepRun) -> JSONValue {
        [
            "provider_id": .optional(run[fact: "provider_id"]),
            "role": .string(options.role.rawValue),
            "hostname": .optional(options.hostname),
            "tailscale_ip": .optional(run[fact: "tailscale_ip"]),
            "ray_node_id": .optional(run[fact: "ray_node_id"]),
            "ray_resources": run[fact: "ray_resources"].flatMap { try? JSONValue.parse($0) } ?? .null,
            "ray_version": .optional(options.profile.rayVersion),
            "python_version": .string(options.python),
            "head_address": .optional(options.profile.headAddress),
            "state_file": .string(stateFolder.file("state.json")),
        ]
    }
}
