import HelpSystem

/// Whether a Node component's `node_modules` matches its manifest, and the npm command that brings
/// it up to date. npm records what it installed in `node_modules/.package-lock.json`; when
/// `package.json` or `package-lock.json` is newer than that record, the install is stale.
public struct NodeDependencies: Sendable, Equatable {
    /// What has to happen.
    public enum State: Sendable, Equatable {
        /// package.json declares no dependencies at all.
        case nothingToInstall
        case upToDate
        /// The reason is shown to the user (`node_modules missing`, `package.json changed`).
        case stale(String)
    }

    public var directory: String
    public var hasLockFile: Bool
    public var state: State

    public init(directory: String, hasLockFile: Bool, state: State) {
        self.directory = directory
        self.hasLockFile = hasLockFile
        self.state = state
    }

    /// Decides from the manifest's dependency count and modification times in nanoseconds
    /// (`modificationTime` returns nil for a missing file).
    public static func assess(directory: String, dependencyCount: Int, modificationTime: (String) -> Int64?)
        -> NodeDependencies
    {
        let lockTime = modificationTime(directory + "/package-lock.json")
        let hasLock = lockTime != nil
        guard dependencyCount > 0 else {
            return NodeDependencies(directory: directory, hasLockFile: hasLock, state: .nothingToInstall)
        }
        guard let installed = modificationTime(directory + "/node_modules/.package-lock.json") else {
            return NodeDependencies(
                directory: directory, hasLockFile: hasLock, state: .stale("node_modules is missing"))
        }
        if let manifest = modificationTime(directory + "/package.json"), manifest > installed {
            return NodeDependencies(
                directory: directory, hasLockFile: hasLock, state: .stale("package.json changed since the last install")
            )
        }
        if let lockTime, lockTime > installed {
            return NodeDependencies(
                directory: directory, hasLockFile: hasLock,
                state: .stale("package-lock.json changed since the last install"))
        }
        return NodeDependencies(directory: directory, hasLockFile: hasLock, state: .upToDate)
    }

    /// npm waits five minutes per request and retries twice with backoff by default: about ten
    /// minutes before an unreachable or silent registry fails. These bound one request to 20 s and
    /// the whole of a failed fetch to well under a minute.
    public static let fetchBounds = [
        "--fetch-timeout=20000", "--fetch-retries=1", "--fetch-retry-mintimeout=1000",
        "--fetch-retry-maxtimeout=5000",
    ]

    /// `npm ci` with a lock file (exact, reproducible), `npm install` without; `--omit=dev` for a
    /// production install; `--offline` uses npm's cache only.
    public func syncCommand(dev: Bool, offline: Bool) -> Command {
        var argv = [hasLockFile ? "ci" : "install", "--no-audit", "--no-fund"] + Self.fetchBounds
        if !dev { argv.append("--omit=dev") }
        if offline { argv.append("--offline") }
        return Command("npm", argv, workingDirectory: directory, output: .stream(prefix: "npm"))
    }

    /// `npm install [--save-dev] PKG…`: npm itself records the package in package.json.
    public static func addCommand(_ packages: [String], directory: String, dev: Bool, save: Bool, offline: Bool)
        -> Command
    {
        var argv = ["install", "--no-audit", "--no-fund"] + fetchBounds
        if !save { argv.append("--no-save") } else if dev { argv.append("--save-dev") }
        if offline { argv.append("--offline") }
        return Command("npm", argv + packages, workingDirectory: directory, output: .stream(prefix: "npm"))
    }
}
