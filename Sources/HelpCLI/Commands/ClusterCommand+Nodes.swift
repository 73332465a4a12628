import HelpProvision
import HelpSystem

/// `help cluster token|status|discover`: the K3s side of `help cluster`, for the machines
/// `help join-cluster` set up.
enum ClusterNodeActions {
    /// The actions this file serves.
    static let names = ["token", "status", "discover"]

    static let options: [OptionSpec] = [
        .flag("reveal", help: "token: show the join token itself (not with --json)"),
        .flag("watch", help: "status: redraw every 2 seconds until Ctrl-C (in place on a terminal)"),
        .value("kubeconfig", valueName: "FILE", help: "status, discover: the cluster's kubeconfig (off a server)"),
    ]

    static let examples: [CommandSpec.Example] = [
        .init("sudo help cluster token", "On a server: the command that joins an agent, token masked"),
        .init("help cluster status --watch", "Nodes, pods not running and warnings, redrawn"),
        .init("help cluster discover", "The tailnet's machines and which of them are nodes"),
    ]

    /// Runs `action`, one of `names`.
    static func run(_ action: String, _ invocation: Invocation, _ context: Context) throws -> Report {
        let files = K3sFiles(environment: context.environment)
        switch action {
        case "token": return try token(invocation, context, files: files)
        case "status": return try status(invocation, context, files: files)
        default: return try discover(invocation, context, files: files)
        }
    }

    // MARK: - token

    static func token(_ invocation: Invocation, _ context: Context, files: K3sFiles) throws -> Report {
        let reveal = invocation.flag("reveal")
        if reveal && invocation.globals.json {
            throw HelpError.usage("--reveal cannot be used with --json", hint: "JSON output never holds the token")
        }
        let token = try ClusterToken(files: files, fileSystem: context.fileSystem)
        let lines =
            ["On the machine that joins as an agent (as root):"]
            + token.joinLines(reveal: reveal).map {
                "  " + $0
            }
        let hint = reveal ? [] : ["The token is masked; --reveal shows it. Keep it out of shell history and chats."]
        return Report(
            lines: lines + hint,
            json: ["server": .optional(token.server?.url), "token": "***", "token_file": .string(files.serverToken)])
    }

    // MARK: - status

    static func status(_ invocation: Invocation, _ context: Context, files: K3sFiles) throws -> Report {
        let kubectl = try access(invocation, context, files: files)
        guard invocation.flag("watch") else {
            let status = try ClusterStatus.gather(kubectl, runner: context.runner)
            return Report(lines: lines(status), json: status.json)
        }
        if invocation.globals.json { throw HelpError.usage("--watch cannot be used with --json") }
        let redraw = context.console.style.animate
        while context.interruption() == nil {
            let status = try ClusterStatus.gather(kubectl, runner: context.runner)
            // On a terminal the screen is cleared and redrawn; piped, each round follows the last.
            let clear = redraw ? "\u{1B}[H\u{1B}[2J" : ""
            context.console.result(clear + lines(status).joined(separator: "\n") + (redraw ? "" : "\n"))
            MonotonicTime.sleep(seconds: 2)
        }
        return Report(lines: [], json: [:])
    }

    static func lines(_ status: ClusterStatus) -> [String] {
        let rows = status.nodes.map { node in
            [
                node.name, node.role, node.ready ? "Ready" : "NotReady", node.cpu, node.memory, node.address ?? "-",
                String(node.gpus),
            ]
        }
        var lines = TextTable(header: ["NODE", "ROLE", "STATUS", "CPU", "MEMORY", "ADDRESS", "GPUS"], rows: rows)
            .lines()
        lines.append("")
        if status.pods.isEmpty {
            lines.append("Every pod is running.")
        } else {
            lines.append("Pods not running:")
            lines += status.pods.map { "  \($0.namespace)/\($0.name): \($0.phase) \($0.reason)" }
        }
        if !status.events.isEmpty {
            lines.append("Recent warnings:")
            lines += status.events.map { "  \($0.time) \($0.object) \($0.reason): \($0.message)" }
        }
        return lines
    }

    // MARK: - discover

    static func discover(_ invocation: Invocation, _ context: Context, files: K3sFiles) throws -> Report {
        let result = try context.runner.run(TailnetPeer.statusCommand)
        guard result.succeeded else {
            throw HelpError.unavailable(
                "tailscale status failed: " + (result.stderr.split(separator: "\n").last.map(String.init) ?? ""),
                hint: "start Tailscale (tailscale up) and run this again")
        }
        let peers = try TailnetPeer.parse(status: result.stdout)
        let kubectl = try? access(invocation, context, files: files)
        let nodes = kubectl.flatMap { try? $0.nodes(runner: context.runner) }
        let rows = peers.map { peer -> [String] in
            let node = nodes.flatMap { peer.node(in: $0) }
            let membership = nodes == nil ? "?" : (node.map { "yes (\($0.name), \($0.role))" } ?? "no")
            return [
                peer.hostName + (peer.isSelf ? " (this machine)" : ""), peer.ipv4 ?? "-",
                peer.online ? "online" : "offline", peer.os, membership,
            ]
        }
        var lines = TextTable(header: ["MACHINE", "TAILSCALE IP", "STATE", "OS", "NODE"], rows: rows).lines()
        if nodes == nil { lines.append("No kubeconfig at hand: give --kubeconfig FILE to see which are nodes.") }
        let json: JSONValue = [
            "peers": .array(
                peers.map { peer in
                    let node = nodes.flatMap { peer.node(in: $0) }
                    return [
                        "host": .string(peer.hostName), "dns_name": .string(peer.dnsName), "ip": .optional(peer.ipv4),
                        "online": .bool(peer.online), "os": .string(peer.os), "self": .bool(peer.isSelf),
                        "node": nodes == nil ? .null : .optional(node?.name),
                    ]
                })
        ]
        return Report(lines: lines, json: json)
    }

    // MARK: - Access

    private static func access(_ invocation: Invocation, _ context: Context, files: K3sFiles) throws -> Kubectl {
        guard
            let kubectl = Kubectl.find(
                files: files, given: invocation.value("kubeconfig"), environment: context.environment,
                fileSystem: context.fileSystem)
        else {
            throw HelpError.unavailable(
                "no kubeconfig at hand", hint: "run this on a K3s server as root, or give --kubeconfig FILE")
        }
        return kubectl
    }
}
