/// How `help run` runs: which configuration template, where servers listen, which components.
public struct RunOptions: Sendable, Equatable {
    /// The configuration template's name (`--env`): development, test, production, or a project's own.
    public var environmentName: String
    /// `--host`: where servers listen (127.0.0.1 unless given).
    public var host: String?
    /// `--port`: the first server's port; taken means an error instead of the next free one.
    public var port: Int?
    /// `--only NAME`: start only these components (names or flag spellings).
    public var only: [String]
    /// `--dry-run`: compute and print the plan, change nothing, start nothing.
    public var dryRun: Bool

    /// The default port of the first server when none is given.
    public static let defaultPort = 8000
    /// The default host: loopback only, so a dev server is not exposed to the network.
    public static let defaultHost = "127.0.0.1"
    /// How many ports past the default are tried before giving up.
    public static let portSearchWidth = 100

    public init(
        environmentName: String = "development", host: String? = nil, port: Int? = nil, only: [String] = [],
        dryRun: Bool = false
    ) {
        self.environmentName = environmentName
        self.host = host
        self.port = port
        self.only = only
        self.dryRun = dryRun
    }

    /// The host servers listen on.
    public var listenHost: String { host ?? Self.defaultHost }
}
