import HelpCache
import HelpSystem

/// The record, per environment, of the requirement inputs it was last synced with. When the key
/// computed now equals the stored one, nothing changed and the sync is skipped ("up to date").
///
/// The key is SHA-256 over a canonical encoding of every input: the bytes of each requirement
/// file reached through `-r`/`-c`, the pyproject's dependency sections, `.python-version`, the
/// interpreter version, the platform, the installer and whether development dependencies are in.
/// Each input is length-prefixed and inputs are sorted by name, so no two different input sets
/// can encode the same.
public struct DependencyStamp: Sendable, Equatable {
    /// One named input and its content.
    public struct Input: Sendable, Equatable {
        /// `file:server/requirements.txt`, `interpreter`, `platform`…
        public var name: String
        public var content: [UInt8]

        public init(name: String, content: [UInt8]) {
            self.name = name
            self.content = content
        }

        public init(name: String, text: String) {
            self.init(name: name, content: Array(text.utf8))
        }
    }

    public var key: Digest
    /// Each input's own digest, kept so a miss can say what changed.
    public var manifest: [String: Digest]
    /// The environment folder this stamp belongs to.
    public var environment: String

    /// Computes the stamp of `inputs` for `environment`.
    public init(environment: String, inputs: [Input]) {
        var hasher = SHA256()
        var manifest: [String: Digest] = [:]
        hasher.update("help-deps-v1\n")
        for input in inputs.sorted(by: { $0.name < $1.name }) {
            let digest = SHA256.hash(input.content)
            manifest[input.name] = digest
            hasher.update("\(input.name.utf8.count):\(input.name)")
            hasher.update("\(input.content.count):")
            hasher.update(input.content)
        }
        hasher.update("env:\(environment)")
        self.key = hasher.finalize()
        self.manifest = manifest
        self.environment = environment
    }

    private init(key: Digest, manifest: [String: Digest], environment: String) {
        self.key = key
        self.manifest = manifest
        self.environment = environment
    }

    // MARK: - Stored form

    /// The stamp file's text: `key`, `env`, then one `input <digest> <name>` line per input.
    public var serialized: String {
        var lines = ["help-deps-stamp 1", "key \(key.hex)", "env \(environment)"]
        for (name, digest) in manifest.sorted(by: { $0.key < $1.key }) { lines.append("input \(digest.hex) \(name)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a stored stamp; nil when it is damaged or of another format (treated as a miss).
    public static func parse(_ text: String) -> DependencyStamp? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == "help-deps-stamp 1" else { return nil }
        var key: Digest?
        var environment: String?
        var manifest: [String: Digest] = [:]
        for line in lines.dropFirst() {
            if line.hasPrefix("key ") {
                key = Digest(hex: line.dropFirst(4))
            } else if line.hasPrefix("env ") {
                environment = String(line.dropFirst(4))
            } else if line.hasPrefix("input ") {
                let rest = line.dropFirst(6)
                guard let space = rest.firstIndex(of: " "), let digest = Digest(hex: rest[..<space]) else { return nil }
                manifest[String(rest[rest.index(after: space)...])] = digest
            }
        }
        guard let key, let environment else { return nil }
        return DependencyStamp(key: key, manifest: manifest, environment: environment)
    }

    /// The stamp stored at `path`: nil when there is none; nil plus one warning when it cannot be
    /// read or parsed (then the environment is synced again, as for any other damaged cache file).
    public static func load(_ path: String, fileSystem: FileSystem, warn: (String) -> Void) -> DependencyStamp? {
        guard fileSystem.exists(path) else { return nil }
        do {
            if let stamp = parse(try fileSystem.readText(path)) { return stamp }
            warn("ignoring the damaged dependency stamp \(path); syncing again")
        } catch {
            warn(
                "ignoring the dependency stamp \(path) (\((error as? HelpError)?.message ?? "\(error)")); syncing again"
            )
        }
        return nil
    }

    /// The inputs that differ from `older` (added, removed or changed), sorted: the explanation of a miss.
    public func changes(since older: DependencyStamp) -> [String] {
        let names = Set(manifest.keys).union(older.manifest.keys)
        var changed = names.filter { manifest[$0] != older.manifest[$0] }.sorted()
        if environment != older.environment {
            changed.insert("environment \(older.environment) -> \(environment)", at: 0)
        }
        return changed
    }
}
