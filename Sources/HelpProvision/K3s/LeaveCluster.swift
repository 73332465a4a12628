import HelpSystem

/// `help leave-cluster`: the node drained and deleted from the cluster first when a kubeconfig
/// is at hand (so its pods move elsewhere in order rather than time out), then K3s's own
/// uninstall script for the role installed here, then what `help join-cluster` remembered.
public struct LeaveCluster: Sendable {
    /// One thing leaving does, for the plan and the report.
    public struct Action: Sendable, Equatable {
        public var title: String
        public var command: Command?
        /// Draining or deleting a node that is already gone is said, not fatal.
        public var mayFail = false
    }

    public var role: JoinClusterOptions.Role
    public var node: String
    public var kubectl: Kubectl?
    public var files: K3sFiles
    public var stateFolder: String?

    /// What is installed here decides the role: the agent's uninstall script, else the server's;
    /// exit 69 when neither is there and nothing is remembered.
    public init(
        files: K3sFiles, node: String, kubectl: Kubectl?, stateFolder: String?, fileSystem: FileSystem
    ) throws {
        if fileSystem.exists(files.uninstallScript(.agent)) {
            role = .agent
        } else if fileSystem.exists(files.uninstallScript(.server)) {
            role = .server
        } else {
            throw HelpError.unavailable(
                "K3s is not installed here (no \(files.uninstallScript(.server)) nor "
                    + files.uninstallScript(.agent) + ")",
                hint: "nothing to leave; help join-cluster puts a machine into a cluster")
        }
        self.files = files
        self.node = node
        self.kubectl = kubectl
        self.stateFolder = stateFolder.flatMap { fileSystem.exists($0) ? $0 : nil }
    }

    /// The actions in order, nothing run.
    public var plan: [Action] {
        var actions: [Action] = []
        if let kubectl {
            actions.append(
                Action(
                    title: "drain \(node) (its pods move to other nodes)",
                    command: kubectl.command(
                        ["drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=120s"],
                        timeout: 180), mayFail: true))
            actions.append(
                Action(
                    title: "delete node \(node) from the cluster", command: kubectl.command(["delete", "node", node]),
                    mayFail: true))
        } else {
            actions.append(Action(title: "no kubeconfig at hand: \(node) stays listed as NotReady until deleted"))
        }
        actions.append(
            Action(
                title: "uninstall the K3s \(role.rawValue) (\(files.uninstallScript(role)))",
                command: Command("sh", [files.uninstallScript(role)], output: .stream(prefix: "uninstall"))))
        if let stateFolder { actions.append(Action(title: "forget \(stateFolder)")) }
        return actions
    }

    /// Runs the plan. Draining may fail on a node that is already gone; that is said, not fatal.
    /// The uninstall script failing is exit 1.
    public func run(runner: any ProcessRunner, console: Console, fileSystem: FileSystem) throws -> [String] {
        var done: [String] = []
        for action in plan {
            console.info(action.title)
            if let command = action.command {
                let result = try runner.run(command)
                if !result.succeeded {
                    let last = result.stderr.split(separator: "\n").last.map(String.init) ?? "exit \(result.exitCode)"
                    guard action.mayFail else {
                        throw HelpError("\(command.displayLine) failed: \(last)", hint: "run it by hand to see why")
                    }
                    console.warn("\(action.title): \(last)")
                    continue
                }
            } else if let stateFolder, action.title == "forget \(stateFolder)" {
                try fileSystem.remove(stateFolder)
            }
            done.append(action.title)
        }
        return done
    }
}
