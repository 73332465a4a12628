import HelpProvision
import HelpSystem

/// `help join-cluster`: this machine becomes a K3s server or agent on its Tailscale IP.
public enum JoinClusterCommand {
    public static let spec = CommandSpec(
        name: "join-cluster",
        summary: "Put this machine into a K3s cluster over the tailnet (server or agent)",
        discussion: """
            Preflight: root; systemd or OpenRC (K3s's installer needs one; exit 69 otherwise, nothing \
            written); Tailscale up with a real tailscale0 (flannel uses it); for agents the server's port \
            reachable. Then /etc/rancher/k3s/config.yaml (node-ip and advertise-address = the Tailscale IP, \
            flannel-iface tailscale0, labels, taints, kubelet reservations; the old file backed up), K3s's \
            install.sh downloaded to a file and run with INSTALL_K3S_EXEC, INSTALL_K3S_VERSION, K3S_URL and \
            K3S_TOKEN in its environment only (the token from K3S_TOKEN or --token-file, never argv), \
            verified (a server's node Ready; an agent's k3s-agent service active), and on GPU servers the \
            NVIDIA device plugin and time-slicing from Templates/k8s/. State in \
            ${XDG_STATE_HOME:-~/.local/state}/help/cluster/: a re-run changes nothing, 'status' re-verifies, \
            --rollback undoes what this tool did.
            """,
        options: [
            .value("role", valueName: "ROLE", help: "server or agent", allowedValues: ["server", "agent"]),
            .value("server", valueName: "URL", help: "agents and extra servers: https://IP:6443"),
            .value("token-file", valueName: "FILE", help: "A file holding the cluster token (else K3S_TOKEN)"),
            .flag("cluster-init", help: "The first server of a new cluster (embedded etcd)"),
            .repeatable("label", valueName: "K=V", help: "A node label (repeatable)"),
            .repeatable("taint", valueName: "K=V:EFFECT", help: "A node taint (repeatable)"),
            .value("reserve", valueName: "cpu=…,memory=…", help: "Resources kept for the system (default scaled)"),
            .value("gpu", valueName: "MODE", help: "auto (default), on or off", allowedValues: ["auto", "on", "off"]),
            .value("time-slicing", valueName: "N", help: "Pods sharing each GPU"),
            .value("k3s-version", valueName: "VERSION", help: "Such as v1.31.4+k3s1"),
            .value("mirror", valueName: "URL", help: "Serve install.sh and K3s releases from this base URL"),
            .value("profile", valueName: "FILE", help: "A cluster profile (its k3s-install/any pin is used)"),
            .value("gitops-url", valueName: "URL", help: "Bootstrap Flux from this repository"),
            .value("gitops-path", valueName: "PATH", help: "The cluster's folder in it"),
            .value("kubeconfig", valueName: "FILE", help: "agents: the cluster's kubeconfig, to see the node Ready"),
            .flag("dry-run", help: "Print every step with its exact commands; change nothing"),
            .flag("rollback", help: "Undo, last first, what this tool did"),
        ],
        positionals: [PositionalSpec("status", arity: .optional, help: "status: re-verify every step")],
        examples: [
            .init("sudo help join-cluster --role server --cluster-init --dry-run", "The first server's plan"),
            .init("sudo K3S_TOKEN=… help join-cluster --role agent --server https://100.64.0.1:6443", "An agent"),
            .init(
                "sudo help join-cluster --role agent --server https://100.64.0.1:6443 --gpu on --time-slicing 4",
                "A GPU agent"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        var words = JoinClusterOptions.Words()
        words.role = invocation.value("role")
        words.server = invocation.value("server")
        words.tokenFile = invocation.value("token-file")
        words.clusterInit = invocation.flag("cluster-init")
        words.labels = invocation.values("label")
        words.taints = invocation.values("taint")
        words.reserve = invocation.value("reserve")
        words.gpu = invocation.value("gpu")
        words.timeSlicing = invocation.value("time-slicing")
        words.k3sVersion = invocation.value("k3s-version")
        words.mirror = invocation.value("mirror")
        words.gitopsURL = invocation.value("gitops-url")
        words.gitopsPath = invocation.value("gitops-path")
        let files = K3sFiles(environment: context.environment)
        let options = try JoinClusterOptions(
            words, environment: context.environment,
            machine: MachineSize.read(root: files.root, fileSystem: context.fileSystem),
            readToken: { try context.fileSystem.readText($0.hasPrefix("/") ? $0 : context.workingDirectory + "/" + $0) }
        )
        let profile = try invocation.value("profile").map { try NodeProfile.load($0, fileSystem: context.fileSystem) }
        var join = try JoinCluster(options: options, context: context, profile: profile)
        join.kubeconfig = invocation.value("kubeconfig").map {
            $0.hasPrefix("/") ? $0 : context.workingDirectory + "/" + $0
        }
        let run = join.makeRun()
        if invocation.positionals.first == "status" {
            let tailnet = join.tailnet()
            let engine = try join.engine(nodeIP: tailnet?.ip ?? "<tailscale ip -4>", dnsName: tailnet?.dnsName)
            return SetupNodeCommand.report(try engine.status(run), title: "status", summary: [:])
        }
        if let action = invocation.positionals.first {
            throw HelpError.usage("unknown action '\(action)'", hint: "The only action is 'status'.")
        }
        if invocation.flag("dry-run") {
            let tailnet = join.tailnet()
            let ip = tailnet?.ip ?? "<tailscale ip -4>"
            var lines = ["Plan for a K3s \(options.role.rawValue) on \(ip) (node \(join.node)); nothing is run:"]
            lines.append(
                "reserved for the system: \(options.reservation.total)"
                    + (options.reservation.scaled ? " (scaled to this machine)" : ""))
            var steps: [JSONValue] = []
            for (index, step) in try join.engine(nodeIP: ip, dnsName: tailnet?.dnsName).plan(run).enumerated() {
                lines.append("\(index + 1). \(step.title)")
                lines += step.actions.map { "     " + $0.text }
                steps.append(["title": .string(step.title), "actions": .strings(step.actions.map(\.text))])
            }
            return Report(lines: lines, json: ["role": .string(options.role.rawValue), "steps": .array(steps)])
        }
        if invocation.flag("rollback") {
            let tailnet = join.tailnet()
            let engine = try join.engine(nodeIP: tailnet?.ip ?? "<tailscale ip -4>", dnsName: tailnet?.dnsName)
            return SetupNodeCommand.report(try engine.rollback(run), title: "rollback", summary: [:])
        }
        let (ip, dnsName) = try join.preflight()
        let reports = try join.engine(nodeIP: ip, dnsName: dnsName).run(run)
        let summary: JSONValue = [
            "node": .string(join.node), "role": .string(options.role.rawValue), "tailscale_ip": .string(ip),
            "config": .string(join.files.config),
        ]
        return SetupNodeCommand.report(reports, title: "join", summary: summary)
    }
}
