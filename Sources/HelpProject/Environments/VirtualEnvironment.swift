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

    /// False only when the environment's site-packages can be read and hold neither the package
    /// `module` nor a module file of that name: a layout this does not know, or an environment
    /// that also sees the system's packages, never refuses.
    public func mayImport(_ module: String, fileSystem: FileSystem) -> Bool {
        let sites = sitePackages(fileSystem: fileSystem)
        let config = VirtualEnvironmentConfig(text: (try? fileSystem.readText(configFile)) ?? "")
        if sites.isEmpty || config.sharesSystemPackages { return true }
        return sites.contains { site in
            fileSystem.exists(site + "/" + module + "/__init__.py") || fileSystem.exists(site + "/" + module + ".py")
        }
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
