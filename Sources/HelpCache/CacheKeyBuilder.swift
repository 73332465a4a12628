/// Collects what a cached action depends on besides its files and turns it, with the scanned
/// input files, into a cache key and the manifest stored beside the result.
public struct CacheKeyBuilder: Sendable {
    public var action: String
    public var component: String
    public var command: [String]
    /// Declared variable names and their current values (nil when unset).
    public var environment: [String: String?]
    public var tools: [String: String]
    public var config: [String: String]

    /// A builder for `action` on `component`; the rest may be set now or later.
    public init(
        action: String, component: String, command: [String] = [], environment: [String: String?] = [:],
        tools: [String: String] = [:], config: [String: String] = [:]
    ) {
        self.action = action
        self.component = component
        self.command = command
        self.environment = environment
        self.tools = tools
        self.config = config
    }

    /// Declares variables, reading their values from `from` (usually the process environment).
    public mutating func declare(_ names: [String], from values: [String: String]) {
        for name in names { environment.updateValue(values[name], forKey: name) }
    }

    /// The key and its manifest; environment values enter only as fingerprints under `salt`.
    public func build(files: InputFiles, salt: ProjectSalt) -> (key: Digest, manifest: InputManifest) {
        var fingerprints: [String: Digest?] = [:]
        for (name, value) in environment { fingerprints.updateValue(salt.fingerprint(value), forKey: name) }
        let manifest = InputManifest(
            action: action, component: component, command: command,
            environment: fingerprints, tools: tools, config: config, files: files)
        return (manifest.key, manifest)
    }
}
