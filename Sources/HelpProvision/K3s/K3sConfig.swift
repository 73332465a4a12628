import HelpSystem

/// The content of `/etc/rancher/k3s/config.yaml`: every setting of the node, so the install
/// command itself carries nothing but the role. The server URL and token are not here: the
/// installer gets them in its environment only, and an agent's file stays free of secrets.
public struct K3sConfig: Sendable, Equatable {
    public var role: JoinClusterOptions.Role
    /// The Tailscale IPv4 the node advertises and the other nodes reach it on.
    public var nodeIP: String
    /// Further names the server certificate is valid for (the tailnet DNS name).
    public var extraSANs: [String]
    public var clusterInit: Bool
    public var labels: [NodeLabel]
    public var taints: [NodeTaint]
    public var reservation: ResourceReservation

    public init(
        role: JoinClusterOptions.Role, nodeIP: String, extraSANs: [String] = [], clusterInit: Bool = false,
        labels: [NodeLabel] = [], taints: [NodeTaint] = [], reservation: ResourceReservation
    ) {
        self.role = role
        self.nodeIP = nodeIP
        self.extraSANs = extraSANs
        self.clusterInit = clusterInit
        self.labels = labels
        self.taints = taints
        self.reservation = reservation
    }

    /// The config for `options` on a machine whose Tailscale IP is `nodeIP`; a GPU machine also
    /// carries `nvidia.com/gpu.present=true`, the label the NVIDIA device plugin schedules on.
    public init(options: JoinClusterOptions, nodeIP: String, dnsName: String? = nil, gpu: Bool) {
        var labels = options.labels
        if gpu && !labels.contains(where: { $0.key == GPUSupport.presentLabel.key }) {
            labels.append(GPUSupport.presentLabel)
        }
        self.init(
            role: options.role, nodeIP: nodeIP, extraSANs: dnsName.map { [$0] } ?? [],
            clusterInit: options.clusterInit, labels: labels, taints: options.taints,
            reservation: options.reservation)
    }

    /// The first line, which also tells a file this tool wrote from one it did not.
    public static let header = "# Written by help join-cluster; a re-run rewrites it (the old copy is backed up)."

    /// The YAML text, in a fixed order so an unchanged plan gives byte-identical files.
    public var yaml: String {
        var lines = [Self.header]
        lines.append("node-ip: " + Self.quoted(nodeIP))
        if role == .server {
            lines.append("advertise-address: " + Self.quoted(nodeIP))
            lines.append("tls-san:")
            lines += ([nodeIP] + extraSANs).map { "  - " + Self.quoted($0) }
        }
        lines.append("flannel-iface: " + Self.quoted(Self.flannelInterface))
        if clusterInit { lines.append("cluster-init: true") }
        if !labels.isEmpty {
            lines.append("node-label:")
            lines += labels.map { "  - " + Self.quoted($0.description) }
        }
        if !taints.isEmpty {
            lines.append("node-taint:")
            lines += taints.map { "  - " + Self.quoted($0.description) }
        }
        lines.append("kubelet-arg:")
        lines.append("  - " + Self.quoted("system-reserved=" + reservation.half))
        lines.append("  - " + Self.quoted("kube-reserved=" + reservation.half))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The interface flannel carries pod traffic on: Tailscale's, so nodes talk over the tailnet.
    public static let flannelInterface = "tailscale0"

    /// A YAML double-quoted scalar, which a JSON string is; quoting keeps `true` or `1.0` text.
    static func quoted(_ text: String) -> String { JSONValue.quoted(text) }
}
