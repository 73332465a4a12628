import HelpSystem

/// The `tailscale` command as provisioning uses it. `up` always carries `--timeout` (without it
/// `tailscale up` waits forever for a login) and `--reset` (without it a second `up` with other
/// flags is refused), and reads the auth key from a file (`--auth-key=file:PATH`), never argv.
public struct Tailscale: Sendable {
    /// `--socket PATH` for a `tailscaled` this tool started itself (the static install), else nil.
    public var socket: String?

    public init(socket: String? = nil) { self.socket = socket }

    private func command(_ arguments: [String], timeout: Double = 30) -> Command {
        Command("tailscale", (socket.map { ["--socket=\($0)"] } ?? []) + arguments, timeout: timeout)
    }

    /// `tailscale status --json`.
    public var statusCommand: Command { command(["status", "--json"]) }
    /// `tailscale ip -4`.
    public var ipCommand: Command { command(["ip", "-4"]) }
    /// `tailscale logout`.
    public var logoutCommand: Command { command(["logout"]) }

    /// `tailscale up --auth-key=file:KEYFILE --hostname=… --timeout=60s --reset …`.
    public func upCommand(keyFile: String, hostname: String?, loginServer: String?, tags: [String]) -> Command {
        var arguments = ["up", "--auth-key=file:" + keyFile]
        if let hostname { arguments.append("--hostname=" + hostname) }
        arguments += ["--timeout=60s", "--reset"]
        if let loginServer { arguments.append("--login-server=" + loginServer) }
        if !tags.isEmpty { arguments.append("--advertise-tags=" + tags.joined(separator: ",")) }
        return command(arguments, timeout: 90)
    }

    /// What `tailscale status --json` says about this machine.
    public struct State: Sendable, Equatable {
        /// `Running`, `NeedsLogin`, `Stopped`…
        public var backend: String
        public var tailnet: String?
        public var ipv4: String?
        /// False for userspace networking (`TUN: false`): there is no `tailscale0`.
        public var hasTUN: Bool
        /// The machine's MagicDNS name (`node.tailnet.ts.net`, without the final dot), when it has one.
        public var dnsName: String? = nil

        public var isUp: Bool { backend == "Running" }
    }

    /// Reads a status document; malformed output is exit 65 naming the command.
    public static func parseState(_ text: String) throws -> State {
        let document = try JSONValue.parse(text, source: "tailscale status --json")
        let addresses = (document["Self"]?["TailscaleIPs"]?.array ?? []).compactMap(\.string)
        return State(
            backend: document["BackendState"]?.string ?? "Unknown",
            tailnet: document["CurrentTailnet"]?["Name"]?.string,
            ipv4: addresses.first { !$0.contains(":") },
            hasTUN: document["TUN"]?.bool ?? true,
            dnsName: (document["Self"]?["DNSName"]?.string).map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
                .flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The first IPv4 line of `tailscale ip -4`, checked to be one.
    public static func parseIPv4(_ text: String) -> String? {
        guard let line = text.split(whereSeparator: \.isNewline).first.map(String.init) else { return nil }
        let parts = line.split(separator: ".")
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return nil }
        return line
    }
}
