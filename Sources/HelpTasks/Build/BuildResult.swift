import HelpSystem

/// One artifact in `dist/<component>/`: its file name, SHA-256 (hex) and size in bytes.
public struct BuildArtifact: Sendable, Equatable {
    public var name: String
    public var sha256: String
    public var size: Int

    public init(name: String, sha256: String, size: Int) {
        self.name = name
        self.sha256 = sha256
        self.size = size
    }

    var json: JSONValue { ["name": .string(name), "sha256": .string(sha256), "size": .int(size)] }
}

/// What happened to one component in a `help build` run.
public struct BuildResult: Sendable {
    /// `built` for real, `restored` from the cache, `skipped` (nothing to build), `failed`.
    public enum Status: String, Sendable { case built, restored, skipped, failed }

    public var component: String
    public var status: Status = .skipped
    public var version: String?
    public var artifacts: [BuildArtifact] = []
    /// The Docker image built with `--docker` (`name:version`).
    public var image: String?
    /// The build cache key (hex); nil when no key could be computed.
    public var cacheKey: String?
    /// Why it was skipped, what `--explain` found, or the problems that failed it.
    public var notes: [String] = []
    public var duration: Double = 0

    public init(component: String) { self.component = component }

    /// The lines printed for it: a summary, then its artifacts and notes indented.
    public var lines: [String] {
        let version = self.version.map { " " + $0 } ?? ""
        var lines = ["\(component)\(version): \(status.rawValue) (\(Self.seconds(duration)))"]
        lines += artifacts.map { "  dist/\(component)/\($0.name)" }
        lines += notes.map { "  " + $0 }
        return lines
    }

    static func seconds(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return "\(tenths)s"
    }
}
