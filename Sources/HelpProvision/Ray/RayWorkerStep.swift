import HelpSystem

/// The Ray worker, started on the Tailscale IP so the head reaches it over the tailnet, and
/// verified by asking the head for its alive nodes. Before `ray start`, the things the head would
/// refuse are caught here with a clear message: another Ray version, a missing auth token.
struct RayWorkerStep: ProvisionStep {
    var options: SetupNodeOptions
    var python: String

    var id: String { "ray-worker" }
    var title: String { "Ray worker joined to \(options.profile.headAddress ?? "?")" }
    var ray: String {
        guard let slash = python.lastIndex(of: "/") else { return "ray" }
        return String(python[..<slash]) + "/ray"
    }
    var head: String { options.profile.headAddress ?? "" }
    var usesToken: Bool { options.profile.authMode == "token" }

    func environment(_ run: StepRun) -> (plain: [String: String], secrets: [String: Secret]) {
        guard usesToken else { return ([:], [:]) }
        return (["RAY_AUTH_MODE": "token"], run.secrets["RAY_AUTH_TOKEN"].map { ["RAY_AUTH_TOKEN": $0] } ?? [:])
    }

    func startCommand(_ run: StepRun, ip: String, gpus: Int?) -> Command {
        var arguments = ["start", "--address=\(head)", "--node-ip-address=\(ip)", "--disable-usage-stats"]
        if let cpus = options.numCPUs { arguments.append("--num-cpus=\(cpus)") }
        if let gpus { arguments.append("--num-gpus=\(gpus)") }
        if let resources = options.resources { arguments.append("--resources=\(resources)") }
        let (plain, secrets) = environment(run)
        return Command(ray, arguments, environment: plain, secrets: secrets, timeout: 300)
    }

    /// Prints `[{"ip": …, "id": …, "resources": {…}}]` for the head's alive nodes.
    func nodesCommand(_ run: StepRun) -> Command {
        let script = """
            import json, sys, ray
            ray.init(address=sys.argv[1], log_to_driver=False, logging_level="ERROR")
            print(json.dumps([{"ip": n["NodeManagerAddress"], "id": n["NodeID"], "resources": n["Resources"]}
                              for n in ray.nodes() if n["Alive"]]))
            """
        let (plain, secrets) = environment(run)
        return Command(python, ["-c", script, head], environment: plain, secrets: secrets, timeout: 120)
    }

    func plan(_ run: StepRun) -> [PlannedAction] {
        var token = run
        if usesToken && run.secrets["RAY_AUTH_TOKEN"] == nil {
            token = StepRun(context: run.context, facts: run.facts, secrets: ["RAY_AUTH_TOKEN": Secret("")])
        }
        return [
            PlannedAction(
                startCommand(token, ip: run[fact: "tailscale_ip"] ?? "<tailscale ip -4>", gpus: options.numGPUs)),
            PlannedAction("verify: the head at \(head) lists this machine's Tailscale IP among its alive nodes"),
        ]
    }

    func check(_ run: StepRun) throws -> Bool { (try? verify(run)) != nil }

    func apply(_ run: StepRun) throws -> [String: String] {
        guard let ip = run[fact: "tailscale_ip"] else {
            throw StepFailure(
                message: "no Tailscale IP is known", fix: "Run help setup-node again (Tailscale comes first).")
        }
        if let wanted = options.profile.rayVersion, let found = RayInstallStep.installedVersion(python: python, run),
            found != wanted
        {
            throw StepFailure(
                message: "this node has Ray \(found) and the head runs Ray \(wanted); the head would refuse it",
                fix: "Install ray[default]==\(wanted) (help setup-node does, from a matching profile).",
                code: .dataError)
        }
        if usesToken && run.secrets["RAY_AUTH_TOKEN"] == nil {
            throw StepFailure(
                message: "the head requires token authentication and RAY_AUTH_TOKEN is not set",
                fix: "Export RAY_AUTH_TOKEN (from the cluster's operator) and run again; it is never passed in argv.",
                code: .usage)
        }
        let gpus = options.numGPUs ?? Self.detectGPUs(run)
        try run.run(
            startCommand(run, ip: ip, gpus: gpus), fix: "Is the head at \(head) reachable over the tailnet?",
            transient: true)
        return ["started": "yes"]
    }

    static func detectGPUs(_ run: StepRun) -> Int? {
        guard run.context.runner.locate("nvidia-smi") != nil,
            let result = try? run.context.runner.run(
                Command("nvidia-smi", ["--query-gpu=name", "--format=csv,noheader"], timeout: 30)),
            result.succeeded
        else { return nil }
        return result.stdout.split(whereSeparator: \.isNewline).count
    }

    func verify(_ run: StepRun) throws {
        guard let ip = run[fact: "tailscale_ip"] else {
            throw StepFailure(message: "no Tailscale IP is known", fix: "Run help setup-node again.")
        }
        let result = try run.run(nodesCommand(run), fix: "Is the head at \(head) up and reachable?", transient: true)
        let nodes =
            (try? JSONValue.parse(result.stdout.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""))?
            .array ?? []
        guard let ours = nodes.first(where: { $0["ip"]?.string == ip }) else {
            throw StepFailure(
                message: "the head does not list \(ip) among its \(nodes.count) alive nodes",
                fix: "Look at /tmp/ray/session_latest/logs on this machine (raylet.err).", transient: true)
        }
        run[fact: "ray_node_id"] = ours["id"]?.string
        run[fact: "ray_resources"] = ours["resources"]?.encoded()
    }

    func undo(_ run: StepRun, record: [String: String]) throws {
        try run.run(Command(ray, ["stop"], timeout: 120), fix: "Stop it by hand: ray stop")
    }
}
