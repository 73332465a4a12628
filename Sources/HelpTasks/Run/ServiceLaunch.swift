import HelpProject
import HelpSystem

/// One long-running process `help run` starts: an ASGI app under uvicorn, or a component's dev
/// command. Each runs in its own process group, so stopping it reaches every process it made
/// (uvicorn's reloader and its worker alike), and its output streams with a `name |` prefix.
public struct ServiceLaunch: Sendable, Equatable {
    /// How the service shows it is up.
    public enum Readiness: Sendable, Equatable {
        /// An HTTP GET of this path gets an answer, whatever its status (`/health`, `/docs`, or
        /// `/` for an app with neither). A bare TCP accept proves nothing under uvicorn's reloader,
        /// which holds the listening socket before the app is loaded.
        case http(path: String)
        /// Nothing to wait for: a dev command whose port is unknown.
        case none
    }

    public var component: String
    /// The program and its arguments.
    public var argv: [String]
    public var folder: String
    /// Variables besides the configuration (PATH with the environment first, VIRTUAL_ENV).
    public var environment: [String: String]
    /// Where it listens, when known.
    public var host: String?
    public var port: Int?
    /// Said when the port differs from the one asked for ("8000 is taken").
    public var portNote: String?
    public var readiness: Readiness
    /// True for uvicorn with `--reload`: a reloader process watching a worker process.
    public var reloads: Bool
    /// The component has a configuration whose values go into the environment.
    public var configured: Bool

    /// A service as the planner lays it out.
    public init(
        component: String, argv: [String], folder: String, environment: [String: String] = [:], host: String? = nil,
        port: Int? = nil, portNote: String? = nil, readiness: Readiness = .none, reloads: Bool = false,
        configured: Bool = false
    ) {
        self.component = component
        self.argv = argv
        self.folder = folder
        self.environment = environment
        self.host = host
        self.port = port
        self.portNote = portNote
        self.readiness = readiness
        self.reloads = reloads
        self.configured = configured
    }

    // MARK: - Addresses

    /// Where a client on this machine reaches the service: a wildcard listen address is reached
    /// through loopback.
    public var connectHost: String? {
        guard let host else { return nil }
        switch host {
        case "0.0.0.0", "": return "127.0.0.1"
        case "::", "[::]": return "::1"
        default: return host
        }
    }

    /// `http://127.0.0.1:8000`, when the address is known.
    public var baseURL: String? {
        guard let host = connectHost, let port else { return nil }
        return "http://" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    /// The URLs worth printing once it is up: the base, and the probed path when it has one.
    public var urls: [String] {
        guard let base = baseURL else { return [] }
        var result = [base]
        if case .http(let path) = readiness, path != "/" { result.append(base + path) }
        return result
    }

    // MARK: - Command

    /// The child command, in its own process group, its output streamed with its name as prefix;
    /// configuration values go into its environment (secrets as secrets, never argv).
    public func command(configuration: EffectiveConfiguration?) -> Command {
        var environment = self.environment
        var secrets: [String: Secret] = [:]
        if let variables = configuration?.childVariables {
            environment.merge(variables.plain) { own, _ in own }
            secrets = variables.secrets
        }
        return Command(
            argv[0], Array(argv.dropFirst()), environment: environment, secrets: secrets,
            workingDirectory: folder, output: .stream(prefix: component), newProcessGroup: true)
    }
}
