#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a `Command.executable` becomes a program path: a `HELP_<TOOL>` override, then the PATH of
/// the child's environment; a name with a `/` is a path, relative to the child's folder (as in
/// `cd dir && ./tool`). Shared by the real runner and by `locate`, so both always agree.
public struct ToolLookup: Sendable {
    /// The runner's environment: where overrides and the fallback PATH come from.
    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// `HELP_PIP_COMPILE` for `pip-compile`: upper case, anything but letters and digits becomes `_`.
    public static func overrideVariable(for tool: String) -> String {
        let name = tool.split(separator: "/").last.map(String.init) ?? tool
        let mapped = name.uppercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? String($0) : "_" }
        return "HELP_" + mapped.joined()
    }

    // MARK: - Resolving

    /// The absolute path `command` will run, or a `.unavailable` error saying how to fix it.
    public func resolve(_ command: Command) throws -> String {
        let tool = command.executable
        guard !tool.isEmpty else { throw HelpError.usage("empty program name in a command") }
        if tool.contains("/") {
            let path = absolute(tool, from: command.workingDirectory)
            guard Self.isExecutableFile(path) else {
                throw HelpError.unavailable("\(tool) is not an executable file", hint: "check the path \(path)")
            }
            return path
        }
        let variable = Self.overrideVariable(for: tool)
        if let override = command.environment[variable] ?? environment[variable], !override.isEmpty {
            var redirected = command
            redirected.executable = override
            redirected.environment[variable] = nil
            do {
                return try ToolLookup(environment: environment.filter { $0.key != variable }).resolve(redirected)
            } catch let error as HelpError {
                throw HelpError.unavailable(
                    "\(variable)=\(override) does not name a runnable program (\(error.message))",
                    hint: "fix or unset \(variable)")
            }
        }
        let searchPath =
            command.effectiveEnvironment(inheriting: environment)["PATH"]
            ?? environment["PATH"] ?? Environment.defaultSearchPath
        for directory in Environment.splitSearchPath(searchPath) {
            let candidate = directory.hasSuffix("/") ? directory + tool : directory + "/" + tool
            if Self.isExecutableFile(candidate) { return candidate }
        }
        throw HelpError.unavailable(
            "\(tool) was not found on PATH",
            hint: "install \(tool), or set \(variable)=/path/to/\(tool)")
    }

    /// Like `resolve` for a bare tool name, nil when missing.
    public func locate(_ tool: String) -> String? {
        try? resolve(Command(tool))
    }

    // MARK: - Paths

    /// A regular file we may execute (a directory or a non-executable file does not count).
    public static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }

    private func absolute(_ path: String, from folder: String?) -> String {
        if path.hasPrefix("/") { return path }
        let base =
            folder.map { $0.hasPrefix("/") ? $0 : Environment.currentDirectory() + "/" + $0 }
            ?? Environment.currentDirectory()
        return base + "/" + path
    }
}

extension Command {
    /// The complete environment the child gets when its parent has `parent`: inherited (unless
    /// `inheritEnvironment` is false), minus `unsetEnvironment`, plus `environment`, plus the
    /// revealed secrets. The only place secrets are revealed for a child.
    public func effectiveEnvironment(inheriting parent: [String: String]) -> [String: String] {
        var result = inheritEnvironment ? parent : [:]
        for name in unsetEnvironment { result[name] = nil }
        for (name, value) in environment { result[name] = value }
        for (name, secret) in secrets { result[name] = secret.reveal() }
        return result
    }
}
