import HelpSystem

/// One node as `kubectl get nodes -o json` describes it, reduced to what `help cluster status`
/// and `help cluster discover` show: role, readiness, size, address and GPUs.
public struct ClusterNode: Sendable, Equatable {
    public var name: String
    /// `control-plane` or `worker`.
    public var role: String
    public var ready: Bool
    public var cpu: String
    public var memory: String
    /// The InternalIP: the Tailscale IP for nodes this tool joined.
    public var address: String?
    /// `nvidia.com/gpu` capacity (0 without GPUs or before the device plugin registered).
    public var gpus: Int

    public init(
        name: String, role: String, ready: Bool, cpu: String, memory: String, address: String?, gpus: Int
    ) {
        self.name = name
        self.role = role
        self.ready = ready
        self.cpu = cpu
        self.memory = memory
        self.address = address
        self.gpus = gpus
    }

    /// The nodes of a `kubectl get nodes -o json` document (a NodeList).
    public static func parse(list text: String) throws -> [ClusterNode] {
        let document = try JSONValue.parse(text, source: "kubectl get nodes")
        return (document["items"]?.array ?? []).map(node)
    }

    private static func node(_ item: JSONValue) -> ClusterNode {
        let labels = item["metadata"]?["labels"]?.object
        let controlPlane = ["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master"].contains {
            labels?[$0] != nil
        }
        let conditions = item["status"]?["conditions"]?.array ?? []
        let ready = conditions.contains { $0["type"]?.string == "Ready" && $0["status"]?.string == "True" }
        let capacity = item["status"]?["capacity"]
        let addresses = item["status"]?["addresses"]?.array ?? []
        return ClusterNode(
            name: item["metadata"]?["name"]?.string ?? "?", role: controlPlane ? "control-plane" : "worker",
            ready: ready, cpu: capacity?["cpu"]?.string ?? "?", memory: capacity?["memory"]?.string ?? "?",
            address: addresses.first { $0["type"]?.string == "InternalIP" }?["address"]?.string,
            gpus: Int(capacity?["nvidia.com/gpu"]?.string ?? "") ?? 0)
    }

    /// The node's fields for `--json`.
    public var json: JSONValue {
        [
            "name": .string(name), "role": .string(role), "ready": .bool(ready), "cpu": .string(cpu),
            "memory": .string(memory), "address": .optional(address), "gpus": .int(gpus),
        ]
    }
}

/// A machine of the tailnet as `tailscale status --json` lists it, and whether it is a node.
public struct TailnetPeer: Sendable, Equatable {
    public var hostName: String
    public var dnsName: String
    public var ipv4: String?
    public var online: Bool
    public var os: String
    /// True for this machine (`Self` in the status document).
    public var isSelf: Bool

    public init(hostName: String, dnsName: String, ipv4: String?, online: Bool, os: String, isSelf: Bool) {
        self.hostName = hostName
        self.dnsName = dnsName
        self.ipv4 = ipv4
        self.online = online
        self.os = os
        self.isSelf = isSelf
    }

    /// `tailscale status --json`, to read.
    public static let statusCommand = Command("tailscale", ["status", "--json"], timeout: 30)

    /// This machine and its peers, in host-name order after this machine.
    public static func parse(status text: String) throws -> [TailnetPeer] {
        let document = try JSONValue.parse(text, source: "tailscale status --json")
        var peers = (document["Peer"]?.object.map { $0.map(\.value) } ?? []).map { peer($0, isSelf: false) }
        peers.sort { $0.hostName < $1.hostName }
        if let own = document["Self"], own.object != nil { peers.insert(peer(own, isSelf: true), at: 0) }
        return peers
    }

    private static func peer(_ value: JSONValue, isSelf: Bool) -> TailnetPeer {
        let addresses = (value["TailscaleIPs"]?.array ?? []).compactMap(\.string)
        var dnsName = value["DNSName"]?.string ?? ""
        if dnsName.hasSuffix(".") { dnsName.removeLast() }
        return TailnetPeer(
            hostName: value["HostName"]?.string ?? "?", dnsName: dnsName,
            ipv4: addresses.first { !$0.contains(":") }, online: value["Online"]?.bool ?? isSelf,
            os: value["OS"]?.string ?? "", isSelf: isSelf)
    }

    /// The node of `nodes` this machine is, matched by Tailscale IP.
    public func node(in nodes: [ClusterNode]) -> ClusterNode? {
        guard let ipv4 else { return nil }
        return nodes.first { $0.address == ipv4 }
    }
}
