/// Where K3s and its installer keep things on a machine, below a root folder: `/` for the real
/// machine, a temporary folder in tests (`HELP_SYSTEM_ROOT`), so no test ever touches `/etc`.
public struct K3sFiles: Sendable, Equatable {
    /// The folder standing for `/`, without a trailing slash (empty for the real root).
    public var root: String

    /// Files below `root` (`/` or empty for this machine).
    public init(root: String = "") {
        var trimmed = root
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
    }

    /// The root a run uses: `HELP_SYSTEM_ROOT` when set to an absolute folder, else `/`.
    public init(environment: [String: String]) {
        let given = environment["HELP_SYSTEM_ROOT"] ?? ""
        self.init(root: given.hasPrefix("/") ? given : "")
    }

    /// True when this is the machine's own root, where writing needs root privileges.
    public var isRealRoot: Bool { root.isEmpty }

    /// `absolute` below the root.
    public func path(_ absolute: String) -> String { root + absolute }

    // MARK: - K3s

    public var config: String { path("/etc/rancher/k3s/config.yaml") }
    /// The admin kubeconfig a server writes (readable by root only).
    public var kubeconfig: String { path("/etc/rancher/k3s/k3s.yaml") }
    /// The cluster's join token on a server.
    public var serverToken: String { path("/var/lib/rancher/k3s/server/token") }
    /// The uninstall script install.sh leaves for the role.
    public func uninstallScript(_ role: JoinClusterOptions.Role) -> String {
        path(role == .server ? "/usr/local/bin/k3s-uninstall.sh" : "/usr/local/bin/k3s-agent-uninstall.sh")
    }

    /// The systemd service install.sh creates for the role.
    public static func service(_ role: JoinClusterOptions.Role) -> String {
        role == .server ? "k3s" : "k3s-agent"
    }

    // MARK: - The machine

    /// The network interface Tailscale makes in kernel mode (absent under userspace networking).
    public var tailscaleInterface: String { path("/sys/class/net/tailscale0") }
    /// What install.sh looks for before it will install a service: OpenRC, else systemd.
    public var openrc: String { path("/sbin/openrc-run") }
    public var systemctl: String { path("/bin/systemctl") }
}
