import HelpSystem
import HelpTestSupport
import Testing

/// `help cluster token|status|discover` on a machine made of `JoinClusterFixture`'s root folder and
/// fakes: a server's token and config.yaml, `k3s kubectl` answering with node, pod and event
/// lists, and `tailscale status --json` listing three machines.
@Suite("help cluster token, status and discover end to end", .enabled(if: BuiltHelp.path != nil))
struct ClusterNodesEndToEndTests {
    static let nodes = """
        {"items": [
          {"metadata": {"name": "node-a", "labels": {"node-role.kubernetes.io/control-plane": "true"}},
           "status": {"conditions": [{"type": "Ready", "status": "True"}], "capacity": {"cpu": "8", "memory": "16Gi"},
                      "addresses": [{"type": "InternalIP", "address": "127.0.0.9"}]}},
          {"metadata": {"name": "gpu-1", "labels": {}},
           "status": {"conditions": [{"type": "Ready", "status": "False"}],
                      "capacity": {"cpu": "32", "memory": "128Gi", "nvidia.com/gpu": "4"},
                      "addresses": [{"type": "InternalIP", "address": "100.64.0.20"}]}}
        ]}
        """
    static let pods = """
        {"items": [
          {"metadata": {"namespace": "kube-system", "name": "coredns-1"}, "status": {"phase": "Running"}},
          {"metadata": {"namespace": "default", "name": "train-0"},
           "status": {"phase": "Running", "containerStatuses": [{"state": {"waiting": {"reason": "CrashLoopBackOff"}}}]}}
        ]}
        """
    static let events = """
        {"items": [{"lastTimestamp": "2026-12-05T10:00:00Z", "involvedObject": {"kind": "Node", "name": "gpu-1"},
                    "reason": "NodeNotReady", "message": "Node gpu-1 status is now: NodeNotReady"}]}
        """
    static let tailnet = """
        {"BackendState": "Running", "TUN": true,
         "Self": {"HostName": "node-a", "DNSName": "node-a.team.ts.net.", "TailscaleIPs": ["127.0.0.9"], "OS": "linux"},
         "Peer": {"k1": {"HostName": "gpu-1", "DNSName": "gpu-1.team.ts.net.", "TailscaleIPs": ["100.64.0.20"],
                         "Online": true, "OS": "linux"},
                  "k2": {"HostName": "laptop", "DNSName": "laptop.team.ts.net.", "TailscaleIPs": ["100.64.0.30"],
                         "Online": false, "OS": "macOS"}}}
        """

    func machine() throws -> JoinClusterFixture {
        let machine = try JoinClusterFixture()
        let fs = machine.fs
        try fs.createDirectories(machine.root + "/var/lib/rancher/k3s/server")
        try fs.writeAtomically(
            machine.root + "/var/lib/rancher/k3s/server/token", Array((JoinClusterFixture.token + "\n").utf8))
        try fs.createDirectories(machine.root + "/etc/rancher/k3s")
        try fs.writeAtomically(machine.config, Array("node-ip: \"127.0.0.9\"\n".utf8))
        try fs.writeAtomically(machine.root + "/etc/rancher/k3s/k3s.yaml", Array("apiVersion: v1\n".utf8))
        try fs.writeAtomically(machine.home + "/nodes.json", Array(Self.nodes.utf8))
        try fs.writeAtomically(machine.home + "/pods.json", Array(Self.pods.utf8))
        try fs.writeAtomically(machine.home + "/events.json", Array(Self.events.utf8))
        try fs.writeAtomically(machine.home + "/tailnet.json", Array(Self.tailnet.utf8))
        let home = machine.home
        try machine.tools.install(
            "k3s",
            script: """
                case "$*" in
                  *"get nodes"*) cat '\(home)/nodes.json';;
                  *"get pods"*) cat '\(home)/pods.json';;
                  *"get events"*) cat '\(home)/events.json';;
                esac
                """)
        try machine.tools.install("tailscale", script: "cat '\(home)/tailnet.json'")
        return machine
    }

    func help(_ machine: JoinClusterFixture, _ arguments: [String]) throws -> ProcessResult {
        try BuiltHelp.run(["cluster"] + arguments, in: machine.home, environment: machine.environment())
    }

    @Test(
        "token: the join line names the server's Tailscale IP with the token masked; --reveal shows it, never in JSON")
    func token() throws {
        let machine = try machine()
        let masked = try help(machine, ["token"])
        #expect(masked.exitCode == 0, "\(masked.stderr)")
        #expect(masked.stdout.contains("K3S_TOKEN=*** help join-cluster --role agent --server https://127.0.0.9:6443"))
        #expect(!masked.stdout.contains(JoinClusterFixture.token))
        let revealed = try help(machine, ["token", "--reveal"])
        #expect(
            revealed.stdout.contains("K3S_TOKEN=\(JoinClusterFixture.token) help join-cluster"), "\(revealed.stdout)")
        let json = try help(machine, ["token", "--json"])
        #expect(!json.stdout.contains(JoinClusterFixture.token))
        #expect(try JSONValue.parse(json.stdout)["server"]?.string == "https://127.0.0.9:6443")
        let refused = try help(machine, ["token", "--reveal", "--json"])
        #expect(refused.exitCode == 64)
        try machine.fs.remove(machine.root + "/var/lib/rancher/k3s/server/token")
        let agent = try help(machine, ["token"])
        #expect(agent.exitCode == 69 && agent.stderr.contains("no K3s server token"), "\(agent.stderr)")
    }

    @Test("status: nodes with role, readiness, size, address and GPUs; pods not running; recent warnings")
    func status() throws {
        let machine = try machine()
        let result = try help(machine, ["status"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("node-a control-plane Ready 8 16Gi 127.0.0.9 0"), "\(result.stdout)")
        #expect(lines.contains("gpu-1 worker NotReady 32 128Gi 100.64.0.20 4"), "\(result.stdout)")
        #expect(result.stdout.contains("default/train-0: Running CrashLoopBackOff"))
        #expect(!result.stdout.contains("coredns"))
        #expect(result.stdout.contains("Node/gpu-1 NodeNotReady"))
        let json = try JSONValue.parse(try help(machine, ["status", "--json"]).stdout)
        #expect(json["nodes"]?.array?.count == 2)
        #expect(machine.tools.invocations(of: "k3s").allSatisfy { $0.arguments.first == "kubectl" })
    }

    @Test("discover: every machine of the tailnet and which of them is a node; without a kubeconfig, unknown")
    func discover() throws {
        let machine = try machine()
        let result = try help(machine, ["discover", "--json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let peers = try #require(try JSONValue.parse(result.stdout)["peers"]?.array)
        #expect(peers.map { $0["host"]?.string } == ["node-a", "gpu-1", "laptop"])
        #expect(peers.map { $0["node"]?.string } == ["node-a", "gpu-1", nil])
        #expect(peers[0]["self"]?.bool == true && peers[2]["online"]?.bool == false)
        #expect(peers[1]["dns_name"]?.string == "gpu-1.team.ts.net")

        try machine.fs.remove(machine.root + "/etc/rancher/k3s/k3s.yaml")
        let asked = machine.tools.invocations(of: "k3s").count
        let unknown = try help(machine, ["discover"])
        #expect(unknown.exitCode == 0, "\(unknown.stderr)")
        #expect(unknown.stdout.contains("No kubeconfig at hand"))
        #expect(machine.tools.invocations(of: "k3s").count == asked, "no kubectl call without a kubeconfig")
    }
}
