import HelpSystem

/// The join token of a K3s server and the command that adds an agent to its cluster, for
/// `help cluster token`. The token is masked unless the person asks to see it.
public struct ClusterToken: Sendable {
    public var token: Secret
    /// The server URL agents join (its Tailscale IP from config.yaml).
    public var server: ServerAddress?

    /// Reads the token a server keeps, and the node-ip this tool wrote into its config; exit 69
    /// on a machine that is not a K3s server.
    public init(files: K3sFiles, fileSystem: FileSystem) throws {
        guard let text = try? fileSystem.readText(files.serverToken) else {
            throw HelpError.unavailable(
                "no K3s server token at \(files.serverToken)",
                hint: "run this on a K3s server (as root); join one with help join-cluster --role server")
        }
        let trimmed = text.trimming(" \t\n\r")
        guard !trimmed.isEmpty else { throw HelpError.badData("the token file \(files.serverToken) is empty") }
        token = Secret(trimmed)
        let config = (try? fileSystem.readText(files.config)) ?? ""
        server = Self.nodeIP(config: config).map { ServerAddress(host: $0) }
    }

    /// The `node-ip` of a config.yaml this tool wrote (`node-ip: "100.64.0.1"`).
    static func nodeIP(config: String) -> String? {
        for line in config.split(separator: "\n") where line.hasPrefix("node-ip:") {
            let value = line.dropFirst("node-ip:".count).trimming(" \"'")
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The lines people copy to an agent: the token in the environment, never on the command line.
    public func joinLines(reveal: Bool) -> [String] {
        let url = server?.url ?? "https://SERVER-TAILSCALE-IP:6443"
        return [
            "K3S_TOKEN=" + (reveal ? Command.shellQuote(token.reveal()) : "***")
                + " help join-cluster --role agent --server " + url
        ]
    }
}
