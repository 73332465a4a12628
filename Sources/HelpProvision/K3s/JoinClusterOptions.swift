import HelpSystem

/// What `help join-cluster` was asked to do, every value checked before anything runs: a bad
/// label, taint, URL, reservation or version is a usage error (exit 64) naming it.
public struct JoinClusterOptions: Sendable, Equatable {
    /// A K3s server (control plane, also runs pods) or an agent (runs pods only).
    public enum Role: String, Sendable, CaseIterable {
        case server, agent
    }

    /// Whether the machine is made ready for GPU work: `auto` when nvidia-smi finds a GPU.
    public enum GPUMode: String, Sendable, CaseIterable {
        case auto, on, off
    }

    /// Flux bootstrap from a Git repository, credentials from the environment only.
    public struct GitOps: Sendable, Equatable {
        public var url: String
        public var path: String
    }

    public var role: Role
    /// The server to join; nil for the first server of a cluster.
    public var server: ServerAddress?
    /// The cluster's join token; required to join, optional for the first server.
    public var token: Secret?
    public var clusterInit: Bool
    public var labels: [NodeLabel]
    public var taints: [NodeTaint]
    public var reservation: ResourceReservation
    public var gpu: GPUMode
    /// Pods that may share one GPU (the device plugin's time-slicing replicas); nil keeps one.
    public var timeSlicing: Int?
    /// `v1.31.4+k3s1`; nil takes the stable channel's.
    public var k3sVersion: String?
    /// One base URL every download comes from instead of its own host.
    public var mirror: String?
    public var gitops: GitOps?

    /// The raw words of the command line, as the CLI read them.
    public struct Words: Sendable {
        public var role: String?
        public var server: String?
        public var tokenFile: String?
        public var clusterInit = false
        public var labels: [String] = []
        public var taints: [String] = []
        public var reserve: String?
        public var gpu: String?
        public var timeSlicing: String?
        public var k3sVersion: String?
        public var mirror: String?
        public var gitopsURL: String?
        public var gitopsPath: String?

        public init() {}
    }

    /// Checks every word; `machine` scales the default reservation, `readToken` reads `--token-file`.
    public init(
        _ words: Words, environment: [String: String], machine: MachineSize,
        readToken: (String) throws -> String
    ) throws {
        guard let rawRole = words.role, let role = Role(rawValue: rawRole) else {
            throw HelpError.usage(
                words.role.map { "role \(JSONValue.quoted($0)) is neither server nor agent" } ?? "no --role given",
                hint: "write --role server (control plane) or --role agent (worker)")
        }
        self.role = role
        server = try words.server.map(ServerAddress.init(parsing:))
        if role == .agent && server == nil {
            throw HelpError.usage("an agent needs the server it joins", hint: "add --server https://SERVER-IP:6443")
        }
        clusterInit = words.clusterInit
        if clusterInit && (role == .agent || server != nil) {
            throw HelpError.usage(
                "--cluster-init starts a new cluster: only for the first server, without --server",
                hint: "drop --cluster-init to join the cluster at --server")
        }
        token = try Self.token(words.tokenFile, environment: environment, readToken: readToken)
        if server != nil && token == nil {
            throw HelpError.usage(
                "joining \(server!.url) needs the cluster's token",
                hint: "set K3S_TOKEN or give --token-file FILE (on a server: help cluster token --reveal)")
        }
        labels = try words.labels.map(NodeLabel.init(parsing:))
        taints = try words.taints.map(NodeTaint.init(parsing:))
        let defaults = ResourceReservation.defaults(for: machine)
        reservation = try words.reserve.map { try ResourceReservation.parse($0, defaults: defaults) } ?? defaults
        gpu = try Self.gpuMode(words.gpu)
        timeSlicing = try words.timeSlicing.map(Self.replicas)
        if timeSlicing != nil && gpu == .off {
            throw HelpError.usage("--time-slicing shares a GPU; it cannot go with --gpu off")
        }
        k3sVersion = try words.k3sVersion.map(Self.version)
        mirror = try words.mirror.map(Self.mirrorURL)
        gitops = try Self.gitops(url: words.gitopsURL, path: words.gitopsPath, role: role)
    }

    // MARK: - Single values

    private static func token(
        _ file: String?, environment: [String: String], readToken: (String) throws -> String
    ) throws -> Secret? {
        var text: String
        if let file {
            do { text = try readToken(file) } catch {
                throw HelpError.usage(
                    "cannot read the token file \(file)", hint: "give a readable file holding the cluster token")
            }
        } else if let value = environment["K3S_TOKEN"], !value.isEmpty {
            text = value
        } else {
            return nil
        }
        text = text.trimming(" \t\n\r")
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace }) else {
            throw HelpError.usage(
                file.map { "the token file \($0) holds no single token" } ?? "K3S_TOKEN is not a single token",
                hint: "the token is one word, as /var/lib/rancher/k3s/server/token on a server holds it")
        }
        return Secret(text)
    }

    private static func gpuMode(_ text: String?) throws -> GPUMode {
        guard let text else { return .auto }
        guard let mode = GPUMode(rawValue: text) else {
            throw HelpError.usage("--gpu \(JSONValue.quoted(text)) is not one of auto, on, off")
        }
        return mode
    }

    private static func replicas(_ text: String) throws -> Int {
        guard let count = Int(text), (2...128).contains(count) else {
            throw HelpError.usage(
                "--time-slicing \(JSONValue.quoted(text)) is not a number of pods from 2 to 128",
                hint: "write --time-slicing 4 to let four pods share each GPU")
        }
        return count
    }

    /// `v1.31.4+k3s1` or a release candidate `v1.32.0-rc1+k3s1`: install.sh builds download URLs
    /// from it, so anything else would fail there with a 404.
    static func version(_ text: String) throws -> String {
        let parts = text.split(separator: "+", omittingEmptySubsequences: false)
        let core = parts.first.map { $0.split(separator: "-", maxSplits: 1) } ?? []
        let numbers = core.first.map { $0.dropFirst().split(separator: ".", omittingEmptySubsequences: false) } ?? []
        let valid =
            text.hasPrefix("v") && parts.count == 2 && numbers.count == 3
            && numbers.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
            && (core.count == 1 || (core[1].hasPrefix("rc") && core[1].dropFirst(2).allSatisfy(\.isNumber)))
            && parts[1].hasPrefix("k3s") && parts[1].count > 3 && parts[1].dropFirst(3).allSatisfy(\.isNumber)
        guard valid else {
            throw HelpError.usage(
                "K3s version \(JSONValue.quoted(text)) is not a K3s release",
                hint: "write it as the release page names it, such as v1.31.4+k3s1")
        }
        return text
    }

    private static func mirrorURL(_ text: String) throws -> String {
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), text.count > 8,
            !text.contains(where: { $0.isWhitespace })
        else {
            throw HelpError.usage(
                "mirror \(JSONValue.quoted(text)) is not an http(s) URL", hint: "write --mirror https://mirror.example/"
            )
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    private static func gitops(url: String?, path: String?, role: Role) throws -> GitOps? {
        guard url != nil || path != nil else { return nil }
        guard let url, let path else {
            throw HelpError.usage("--gitops-url and --gitops-path go together", hint: "give both, or neither")
        }
        guard role == .server else { throw HelpError.usage("Flux is bootstrapped from a server: add --role server") }
        guard !url.isEmpty, !url.contains(where: { $0.isWhitespace }), !url.hasPrefix("-") else {
            throw HelpError.usage("--gitops-url \(JSONValue.quoted(url)) is not a Git URL")
        }
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains(".."), !path.hasPrefix("-")
        else {
            throw HelpError.usage(
                "--gitops-path \(JSONValue.quoted(path)) is not a folder inside the repository",
                hint: "write it relative to the repository, such as clusters/home")
        }
        return GitOps(url: url, path: path)
    }
}
