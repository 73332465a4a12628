import HelpProvision
import HelpSystem

/// `help leave-cluster`: this machine out of its K3s cluster: drained and deleted first when a
/// kubeconfig is at hand, then the uninstall script K3s's installer left for its role, and the
/// join-cluster state forgotten.
public enum LeaveClusterCommand {
    public static let spec = CommandSpec(
        name: "leave-cluster",
        summary: "Take this machine out of its K3s cluster and uninstall K3s",
        discussion: """
            The role is read from what is installed (k3s-agent-uninstall.sh or k3s-uninstall.sh). With a \
            kubeconfig at hand (a server's own, --kubeconfig, KUBECONFIG or ~/.kube/config) the node is \
            drained and deleted first; without one it stays listed as NotReady until someone deletes it, \
            and the output says so.
            """,
        options: [
            .value("kubeconfig", valueName: "FILE", help: "The cluster's kubeconfig (off a server)"),
            .flag("dry-run", help: "Print what would be done; change nothing"),
        ],
        examples: [
            .init("sudo help leave-cluster --dry-run", "What leaving would do"),
            .init("sudo help leave-cluster --kubeconfig admin.yaml", "Drained and deleted first, then uninstalled"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        let files = K3sFiles(environment: context.environment)
        let kubectl = Kubectl.find(
            files: files, given: invocation.value("kubeconfig"), environment: context.environment,
            fileSystem: context.fileSystem)
        let leave = try LeaveCluster(
            files: files, node: NodeName.current(environment: context.environment), kubectl: kubectl,
            stateFolder: ProvisionStateFolder(name: "cluster", environment: context.environment)?.path,
            fileSystem: context.fileSystem)
        if invocation.flag("dry-run") {
            let lines = leave.plan.map { $0.title + ($0.command.map { ": " + $0.displayLine } ?? "") }
            return Report(lines: lines, json: ["role": .string(leave.role.rawValue), "plan": .strings(lines)])
        }
        let done = try leave.run(runner: context.runner, console: context.console, fileSystem: context.fileSystem)
        return Report(lines: done, json: ["role": .string(leave.role.rawValue), "done": .strings(done)])
    }
}
