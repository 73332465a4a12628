import HelpSystem

/// How this machine talks to the cluster: `k3s kubectl` on a server (it reads the admin
/// kubeconfig K3s writes), else `kubectl --kubeconfig FILE` when a kubeconfig is at hand
/// (`--kubeconfig`, `KUBECONFIG`, or `~/.kube/config`), else not at all.
public struct Kubectl: Sendable, Equatable {
    /// The kubeconfig given to plain kubectl; nil for `k3s kubectl` on a server.
    public var kubeconfig: String?

    /// Direct access: `k3s kubectl` on a server, `kubectl --kubeconfig` elsewhere.
    public init(kubeconfig: String?) {
        self.kubeconfig = kubeconfig
    }

    /// The access this machine has, or nil when there is none: a server's own kubeconfig wins,
    /// then `given`, `KUBECONFIG` (its first file) and `~/.kube/config`, whichever exists.
    public static func find(
        files: K3sFiles, given: String?, environment: [String: String], fileSystem: FileSystem
    ) -> Kubectl? {
        if fileSystem.exists(files.kubeconfig) { return Kubectl(kubeconfig: nil) }
        let fromEnvironment = environment["KUBECONFIG"]?.split(separator: ":").first.map(String.init)
        let home = environment["HOME"].map { $0 + "/.kube/config" }
        for candidate in [given, fromEnvironment, home].compactMap({ $0 }) where fileSystem.exists(candidate) {
            return Kubectl(kubeconfig: candidate)
        }
        return nil
    }

    /// A kubectl command with `arguments`.
    public func command(_ arguments: [String], timeout: Double = 60) -> Command {
        if let kubeconfig { return Command("kubectl", ["--kubeconfig", kubeconfig] + arguments, timeout: timeout) }
        return Command("k3s", ["kubectl"] + arguments, timeout: timeout)
    }

    /// Runs `arguments` and returns stdout; a failure is exit 69 with kubectl's last words.
    public func output(_ arguments: [String], runner: any ProcessRunner, timeout: Double = 60) throws -> String {
        let command = command(arguments, timeout: timeout)
        let result = try runner.run(command)
        guard result.succeeded else {
            let last = result.stderr.split(separator: "\n").last.map(String.init) ?? "exit \(result.exitCode)"
            throw HelpError.unavailable(
                "\(command.displayLine) failed: \(last)",
                hint: "check that the cluster's API server answers (help cluster status)")
        }
        return result.stdout
    }

    /// Every node of the cluster.
    public func nodes(runner: any ProcessRunner) throws -> [ClusterNode] {
        try ClusterNode.parse(list: output(["get", "nodes", "-o", "json"], runner: runner))
    }
}
