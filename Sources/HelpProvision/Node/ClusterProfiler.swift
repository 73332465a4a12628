import HelpCache
import HelpSystem

/// `help cluster profile`, run where the Ray head runs: reads the Ray and Python versions of the
/// head's interpreter, its Tailscale IP when it has one, the auth mode from `RAY_AUTH_MODE`, and
/// hashes each pinned download itself. Writes no secret: the token stays where it is.
public struct ClusterProfiler: Sendable {
    public var context: Context
    /// The interpreter that runs the head (`python3` by default).
    public var python: String

    public init(context: Context, python: String = "python3") {
        self.context = context
        self.python = python
    }

    /// The profile for a head listening on `head` (`HOST:PORT`).
    public func profile(head: String, repository: String?, ref: String?, pins: [String]) throws -> NodeProfile {
        try SetupNodeOptions.checkHostPort(head, option: "--head")
        let runner = context.runner
        let versions = try runner.run(
            Command(
                python, ["-c", "import platform, ray; print(ray.__version__); print(platform.python_version())"],
                timeout: 120))
        let lines = versions.stdout.split(whereSeparator: \.isNewline).map(String.init)
        guard versions.succeeded, lines.count >= 2 else {
            throw HelpError.unavailable(
                "\(python) cannot import ray here",
                hint: "Run this where the head runs, or give --python PATH of its interpreter.")
        }
        var profile = NodeProfile()
        profile.rayVersion = lines[lines.count - 2]
        profile.pythonVersion = lines[lines.count - 1]
        profile.authMode = context.environment["RAY_AUTH_MODE"] == "token" ? "token" : "none"
        profile.repository = repository
        profile.ref = ref
        let port = head[head.index(after: head.lastIndex(of: ":")!)...]
        if runner.locate("tailscale") != nil, let ip = try? runner.run(Tailscale().ipCommand), ip.succeeded,
            let address = Tailscale.parseIPv4(ip.stdout)
        {
            profile.headAddress = address + ":" + port
        } else {
            profile.headAddress = head
        }
        for pin in pins {
            guard let equals = pin.firstIndex(of: "="), pin[..<equals].contains("/") else {
                throw HelpError.usage(
                    "--pin '\(pin)' is not NAME/PLATFORM=URL", hint: "Such as miniforge/linux-x86_64=https://…")
            }
            let url = String(pin[pin.index(after: equals)...])
            profile.pins[String(pin[..<equals])] = NodeProfile.DownloadPin(url: url, sha256: try hash(url))
        }
        return profile
    }

    /// Downloads `url` once to hash it with our SHA-256.
    func hash(_ url: String) throws -> String {
        let fs = context.fileSystem
        let folder = try fs.makeUniqueDirectory(prefix: (context.environment["TMPDIR"] ?? "/tmp") + "/help-pin-")
        defer { try? fs.remove(folder) }
        let result = try context.runner.run(
            Command(
                "curl",
                [
                    "--fail", "--location", "--silent", "--show-error", "--connect-timeout", "15", "--max-time", "1800",
                    "--output", folder + "/file", url,
                ], timeout: 1900))
        guard result.succeeded else {
            throw HelpError.unavailable(
                "cannot download \(url) to pin it: \(result.stderr.split(separator: "\n").last ?? "")")
        }
        return try FileHasher.hash(path: folder + "/file").hex
    }
}
