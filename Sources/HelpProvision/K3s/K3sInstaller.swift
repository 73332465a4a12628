import HelpSystem

/// How K3s's own installer is run: downloaded to a file first (a failed `curl | sh` would run half
/// a script), verified against the profile's SHA-256 when one is pinned, then `sh FILE` with every
/// setting in its environment. The join token travels as a secret variable only: never argv, logs,
/// state or JSON (install.sh itself keeps it in the service's env file, readable by root only).
public enum K3sInstaller {
    /// The published installer; the K3s version it installs comes from `INSTALL_K3S_VERSION`.
    public static let scriptURL = "https://get.k3s.io"
    /// Where install.sh downloads K3s releases from (`GITHUB_URL`), rewritten onto a mirror.
    public static let releasesURL = "https://github.com/k3s-io/k3s/releases"

    /// The variables install.sh gets, besides the token: the role, the version when pinned, the
    /// server to join, and the release location on a mirror.
    public static func environment(
        role: JoinClusterOptions.Role, server: ServerAddress?, version: String?, releases: String? = nil
    ) -> [String: String] {
        var environment = ["INSTALL_K3S_EXEC": role.rawValue]
        if let version { environment["INSTALL_K3S_VERSION"] = version }
        if let server { environment["K3S_URL"] = server.url }
        if let releases { environment["GITHUB_URL"] = releases }
        return environment
    }

    /// `sh SCRIPT` for `options`, with `K3S_TOKEN` as a secret when there is one. The role is
    /// always said in `INSTALL_K3S_EXEC`: with `K3S_URL` set, install.sh would otherwise make a
    /// second server an agent.
    public static func command(
        script: String, options: JoinClusterOptions, releases: String? = nil
    ) -> Command {
        var secrets: [String: Secret] = [:]
        if let token = options.token { secrets["K3S_TOKEN"] = token }
        return Command(
            "sh", [script],
            environment: environment(
                role: options.role, server: options.server, version: options.k3sVersion, releases: releases),
            // A K3S_URL or K3S_TOKEN left in the caller's environment would reach the service.
            unsetEnvironment: (options.server == nil ? ["K3S_URL"] : []) + (options.token == nil ? ["K3S_TOKEN"] : []),
            secrets: secrets, output: .stream(prefix: "install.sh"), timeout: 900)
    }
}
