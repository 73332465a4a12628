import HelpSystem

/// A Python virtual environment folder (`.venv`) and the paths inside it that workflows use.
public struct VirtualEnvironment: Sendable, Hashable, CustomStringConvertible {
    /// The environment's folder, absolute.
    public var root: String

    public init(root: String) { self.root = root }

    /// Where its console scripts live (`pytest`, `uvicorn`): put first on PATH to run them.
    public var binDirectory: String { root + "/bin" }
    /// Its interpreter; a symlink to the base interpreter it was made from.
    public var python: String { binDirectory + "/python" }
    /// Written by `venv` and uv; names the base interpreter and its version.
    public var configFile: String { root + "/pyvenv.cfg" }

    /// Its `lib/python*/site-packages` folders, sorted (one in practice); empty when none exists.
    public func sitePackages(fileSystem: FileSystem) -> [String] {
        let lib = root + "/lib"
        return ((try? fileSystem.listDirectory(lib)) ?? []).map(\.name).filter { $0.hasPrefix("python") }.sorted()
            .map { lib + "/" + $0 + "/site-packages" }.filter(fileSystem.isDirectory)
    }

    /// Whether the environment's site-packages hold the package or module `name`; nil when it has
    /// none to read (a layout this does not know).
    public func installs(module name: String, fileSystem: FileSystem) -> Bool? {
        let sites = sitePackages(fileSystem: fileSystem)
        if sites.isEmpty { return nil }
        return sites.contains {
            fileSystem.exists($0 + "/" + name + "/__init__.py") || fileSystem.exists($0 + "/" + name + ".py")
        }
    }

    /// False only when the site-packages can be read, hold no `module`, and the environment does
    /// not see the system's packages too: what may be missing is never refused.
    public func mayImport(_ module: String, fileSystem: FileSystem) -> Bool {
        if installs(module: module, fileSystem: fileSystem) != false { return true }
        return VirtualEnvironmentConfig(text: (try? fileSystem.readText(configFile)) ?? "").sharesSystemPackages
    }

    /// Variables that make a child behave as if the environment were activated.
    public var activationEnvironment: [String: String] {
        ["VIRTUAL_ENV": root]
    }

    /// A PATH with this environment's bin folder first.
    public func path(prepending existing: String?) -> String {
        guard let existing, !existing.isEmpty else { return binDirectory }
        return binDirectory + ":" + existing
    }

    public var description: String { root }
}

/// The `key = value` lines of a `pyvenv.cfg`.
public struct VirtualEnvironmentConfig: Sendable, Equatable {
    public var values: [String: String]

    /// Parses the file's text; unknown or malformed lines are ignored, as Python's `site` does.
    public init(text: String) {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingSpaces().lowercased()
            let value = line[line.index(after: eq)...].trimmingSpaces()
            if !key.isEmpty { values[key] = value }
        }
        self.values = values
    }

    /// The base interpreter's version (`version`, or `version_info` as uv writes it).
    public var version: PythonVersion? {
        (values["version"] ?? values["version_info"]).flatMap { PythonVersion(interpreterReport: $0) }
    }

    /// The folder of the base interpreter; the environment breaks when it disappears.
    public var home: String? { values["home"] }

    /// `include-system-site-packages = true`: the base interpreter's packages are importable too.
    public var sharesSystemPackages: Bool { values["include-system-site-packages"]?.lowercased() == "true" }
}

extension Substring {
    func trimmingSpaces() -> String {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
