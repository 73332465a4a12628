import HelpSystem

/// A Python lock file, `poetry.lock` or `uv.lock`, read with the project's TOML parser: the exact
/// version of every locked package, with the environment markers under which it applies. pip
/// installs these pins as constraints when the locking tool is absent, so the versions are the ones
/// the project tested with rather than whatever is newest today.
public struct PythonLockFile: Sendable {
    /// The tool that wrote the lock, and so the tool that refreshes it.
    public enum Tool: String, Sendable, Equatable {
        case poetry
        case uv

        /// The lock file's name in the component folder.
        public var fileName: String { self == .poetry ? "poetry.lock" : "uv.lock" }
    }

    /// One locked package version.
    public struct Pin: Sendable, Equatable {
        public var name: String
        public var version: PythonVersion
        /// When it applies (a uv fork's `resolution-markers`, Poetry's `markers`); nil for always.
        public var marker: MarkerExpression?

        /// `name==version ; marker`, one line of a pip constraints file.
        public var constraint: String {
            PythonRequirement(name: name, specifier: (try? SpecifierSet("==\(version)")) ?? .any, marker: marker)
                .description
        }
    }

    public var tool: Tool
    public var path: String
    public var pins: [Pin]

    /// Parses the lock at `path`. Throws `badData` naming the file, line and column for TOML that
    /// does not parse, or naming the package whose name, version or marker is not valid.
    public init(tool: Tool, path: String, text: String, label: String) throws {
        self.tool = tool
        self.path = path
        let document = try TOMLDocument(text, fileName: label)
        var pins: [Pin] = []
        for entry in document["package"]?.array ?? [] {
            guard let name = entry["name"]?.string, let text = entry["version"]?.string else { continue }
            // The project itself (uv: `source = { editable = "." }` or `virtual`) is not a pin.
            if let source = entry["source"]?.table, source["editable"] != nil || source["virtual"] != nil { continue }
            guard let version = PythonVersion(text), (try? PythonRequirement.parse(name)) != nil else {
                throw HelpError.badData(
                    "\(label): package '\(name)' has a version '\(text)' that is not a PEP 440 version",
                    hint: "regenerate the lock with \(tool.rawValue) lock")
            }
            pins.append(Pin(name: name, version: version, marker: try Self.marker(of: entry, label: label)))
        }
        self.pins = pins
    }

    /// uv: the fork markers, any of which selects this version. Poetry: `markers`, a string or,
    /// in newer locks, one string per group (any of them).
    static func marker(of entry: TOMLValue, label: String) throws -> MarkerExpression? {
        var texts: [String] = []
        if let forks = entry["resolution-markers"]?.strings { texts = forks }
        if let markers = entry["markers"] {
            if let single = markers.string { texts = [single] }
            if let table = markers.table { texts = table.entries.compactMap { $0.value.string } }
        }
        guard !texts.isEmpty else { return nil }
        let combined = texts.count == 1 ? texts[0] : texts.map { "(" + $0 + ")" }.joined(separator: " or ")
        do {
            return try MarkerExpression.parse(combined)
        } catch let error as HelpError {
            throw HelpError.badData("\(label): \(error.message)", hint: error.hint)
        }
    }

    /// What the manifest declares that the lock cannot satisfy: a requirement with no locked
    /// package of its name, or whose locked versions all fall outside its specifier. Empty when
    /// the lock is current with the manifest.
    public func unsatisfied(by declared: [PythonRequirement]) -> [String] {
        declared.compactMap { requirement in
            guard requirement.url == nil else { return nil }
            let locked = pins.filter { PythonRequirement.normalize($0.name) == requirement.normalizedName }
            if locked.isEmpty { return "\(requirement.name) is not in \(tool.fileName)" }
            if locked.contains(where: { requirement.specifier.contains($0.version, prereleases: true) }) { return nil }
            let versions = locked.map(\.version.description).joined(separator: ", ")
            return "\(requirement.description) but \(tool.fileName) has \(requirement.name) \(versions)"
        }
    }

    /// The pins as a pip constraints file, one per line.
    public var constraintsText: String {
        "# Pins from \(tool.fileName), written by help install; do not edit.\n"
            + pins.map(\.constraint).joined(separator: "\n") + "\n"
    }
}
