import HelpSystem

/// Everything `help setup-node` runs with: the profile's fields (a flag wins over the profile),
/// the machine's role, where conda goes, and the secrets, which come from the environment or
/// files only. Validated before anything runs.
public struct SetupNodeOptions: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        /// A Ray worker: everything.
        case provider
        /// The client side only: conda environment, repository, Tailscale.
        case user
        case both
        public var runsWorker: Bool { self != .user }
    }

    public var profile = NodeProfile()
    public var role = Role.provider
    public var platform: NodePlatform
    /// `miniforge` (default, conda-forge, no terms to accept) or `miniconda`.
    public var condaKind = "miniforge"
    public var condaPrefix: String
    public var environmentName = "help-node"
    public var repositoryFolder: String
    public var hostname: String?
    public var authKeyFile: String?
    public var loginServer: String?
    public var tags: [String] = []
    public var numCPUs: Int?
    public var numGPUs: Int?
    /// A JSON object of custom Ray resources.
    public var resources: String?
    public var mirror: DownloadMirror?
    public var minimumFreeGiB: Int = 10

    public static let defaultPython = "3.13.7"

    public init(platform: NodePlatform, home: String) {
        self.platform = platform
        condaPrefix = home + "/miniforge3"
        repositoryFolder = home + "/cluster-repo"
    }

    public var python: String { profile.pythonVersion ?? Self.defaultPython }

    /// Refuses values that cannot work, before anything runs (exit 64 naming the value).
    public func validate() throws {
        if let head = profile.headAddress { try Self.checkHostPort(head, option: "--head") }
        if role.runsWorker && profile.headAddress == nil {
            throw HelpError.usage(
                "a provider needs the Ray head's address", hint: "Give --head HOST:PORT or --profile FILE.")
        }
        if role.runsWorker && profile.rayVersion == nil {
            throw HelpError.usage(
                "a provider needs the head's exact Ray version",
                hint: "Give --ray-version X.Y.Z or a --profile written by `help cluster profile` on the head.")
        }
        for (option, version) in [("--ray-version", profile.rayVersion), ("--python", profile.pythonVersion)] {
            guard let version else { continue }
            let parts = version.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                throw HelpError.usage(
                    "\(option) '\(version)' is not an exact X.Y.Z version",
                    hint: "Workers must match the head to the patch level.")
            }
        }
        if let authMode = profile.authMode, !["none", "token"].contains(authMode) {
            throw HelpError.usage("auth mode '\(authMode)' is neither 'token' nor 'none'")
        }
        if let hostname,
            hostname.isEmpty || hostname.count > 63 || !hostname.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
        {
            throw HelpError.usage(
                "--hostname '\(hostname)' is not a host name", hint: "Letters, digits and '-', at most 63.")
        }
        for tag in tags where !tag.hasPrefix("tag:") {
            throw HelpError.usage("--advertise-tags '\(tag)' must start with 'tag:'", hint: "Such as tag:ray-worker.")
        }
        if let resources {
            guard (try? JSONValue.parse(resources))?.object != nil else {
                throw HelpError.usage("--resources is not a JSON object", hint: #"Such as '{"accelerator": 1}'."#)
            }
        }
        if !["miniforge", "miniconda"].contains(condaKind) {
            throw HelpError.usage("--conda '\(condaKind)' is neither miniforge nor miniconda")
        }
    }

    /// `HOST:PORT` with a port from 1 to 65535.
    static func checkHostPort(_ text: String, option: String) throws {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (1...65535).contains(port), colon != text.startIndex
        else {
            throw HelpError.usage("\(option) '\(text)' is not HOST:PORT", hint: "Such as 100.64.0.1:6379.")
        }
    }
}
