/// Lists the Python interpreters on this machine without running them: `python3.X` on PATH, pyenv
/// builds under `$PYENV_ROOT/versions` (or `~/.pyenv/versions`), and plain `python3`. Versions
/// come from the names; the one chosen is probed before use, since a PATH entry may be a shim that
/// does not run.
public struct InterpreterDiscovery: Sendable {
    /// Minor versions of Python 3 looked for as `python3.X` on PATH.
    public static let minorVersions = Array(6...20)

    public var environment: [String: String]
    /// True when the path is an executable file.
    public var isExecutable: @Sendable (String) -> Bool
    /// Names of the entries of a folder; empty when it cannot be read.
    public var listDirectory: @Sendable (String) -> [String]

    public init(
        environment: [String: String], isExecutable: @escaping @Sendable (String) -> Bool,
        listDirectory: @escaping @Sendable (String) -> [String]
    ) {
        self.environment = environment
        self.isExecutable = isExecutable
        self.listDirectory = listDirectory
    }

    /// The folder holding pyenv's builds, when pyenv is set up.
    public var pyenvVersionsDirectory: String? {
        if let root = environment["PYENV_ROOT"], !root.isEmpty { return root + "/versions" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.pyenv/versions" }
        return nil
    }

    /// All candidates found, each path once; `python3` comes last with a version to be probed
    /// (given by `fallbackVersion`, nil when it does not run).
    public func candidates(fallbackVersion: (String) -> PythonVersion?) -> [PythonInterpreter] {
        var found: [PythonInterpreter] = []
        var seen: Set<String> = []
        func add(_ interpreter: PythonInterpreter) {
            if seen.insert(interpreter.path).inserted { found.append(interpreter) }
        }
        if let versions = pyenvVersionsDirectory {
            for name in listDirectory(versions).sorted() {
                guard let version = Self.cpythonVersion(directoryName: name) else { continue }
                let python = versions + "/" + name + "/bin/python\(version.majorMinor)"
                if isExecutable(python) { add(PythonInterpreter(path: python, version: version, origin: .pyenv)) }
            }
        }
        let pathDirs = (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for minor in Self.minorVersions {
            for dir in pathDirs {
                let python = dir + "/python3.\(minor)"
                if isExecutable(python) {
                    add(PythonInterpreter(path: python, version: PythonVersion(release: [3, minor]), origin: .path))
                    break
                }
            }
        }
        if let python3 = pathDirs.map({ $0 + "/python3" }).first(where: isExecutable),
            let version = fallbackVersion(python3)
        {
            add(PythonInterpreter(path: python3, version: version, origin: .fallback))
        }
        return found
    }

    /// `3.11.7` -> 3.11.7; pyenv names of other implementations (`pypy3.10-7.3`, `miniconda3`)
    /// and free-threaded or debug builds (`3.13.0t`) are skipped.
    public static func cpythonVersion(directoryName name: String) -> PythonVersion? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        guard let major = Int(parts[0]), major == 3, let minor = Int(parts[1]), let micro = Int(parts[2]) else {
            return nil
        }
        return PythonVersion(release: [major, minor, micro])
    }
}
