import HelpSystem

/// Stand-ins for real programs: executable POSIX sh scripts in a temporary `bin` folder that
/// record every call (argv, environment, folder, optionally stdin), print scripted output and
/// exit with a scripted code. Put `bin` first on PATH (or use `HELP_<TOOL>`) and read back
/// `invocations(of:)`.
public final class FakeTool: @unchecked Sendable {
    /// One recorded call of a fake tool.
    public struct Invocation: Sendable, Equatable {
        /// argv without argv[0], exactly (recorded NUL-separated).
        public var arguments: [String]
        /// The complete environment the tool received (from /proc/self/environ).
        public var environment: [String: String]
        /// The physical folder it ran in.
        public var workingDirectory: String
        /// What it read on stdin, when the tool was installed with `recordStdin`.
        public var stdin: String?
    }

    private let folder: TempDir
    private let fs = FileSystem()

    public init() {
        folder = TempDir(prefix: "help-fake-bin")
    }

    /// The folder holding the fake tools; prepend it to PATH.
    public var binPath: String { folder.path("bin") }

    /// `binPath` in front of `path` (the system PATH by default), for a child's environment.
    public func searchPath(before path: String = "/usr/bin:/bin") -> String {
        binPath + ":" + path
    }

    // MARK: - Installing

    /// Writes the tool `name` and returns its path. `script` is extra sh code run after recording
    /// and before the scripted output (for tools that must, say, create a file or sleep).
    @discardableResult
    public func install(
        _ name: String, stdout: String = "", stderr: String = "", exitCode: Int32 = 0,
        recordStdin: Bool = false, script: String = ""
    ) throws -> String {
        let data = folder.path("data/\(name)")
        try fs.createDirectories(binPath)
        try fs.createDirectories(data + "/calls")
        try fs.writeAtomically(data + "/stdout", Array(stdout.utf8))
        try fs.writeAtomically(data + "/stderr", Array(stderr.utf8))
        let quotedData = Command.shellQuote(data)
        let body = """
            #!/bin/sh
            # Fake \(name) for tests: records the call, then answers as scripted.
            data=\(quotedData)
            n=1
            while ! mkdir "$data/calls/$n" 2>/dev/null; do n=$((n+1)); done
            call="$data/calls/$n"
            for arg in "$@"; do printf '%s\\000' "$arg"; done > "$call/argv"
            cat /proc/$$/environ > "$call/env"
            pwd -P > "$call/cwd"
            \(recordStdin ? "cat > \"$call/stdin\"" : ":")
            \(script)
            cat "$data/stdout"
            cat "$data/stderr" >&2
            exit \(exitCode)

            """
        let path = binPath + "/" + name
        try fs.writeAtomically(path, Array(body.utf8), mode: 0o755)
        return path
    }

    // MARK: - Reading back

    /// Every call of `name` so far, oldest first.
    public func invocations(of name: String) -> [Invocation] {
        let calls = folder.path("data/\(name)/calls")
        let numbers = ((try? fs.listDirectory(calls)) ?? []).compactMap { Int($0.name) }.sorted()
        return numbers.compactMap { number in
            let call = calls + "/\(number)"
            guard let argv = try? fs.readFile(call + "/argv"), let env = try? fs.readFile(call + "/env"),
                let cwd = try? fs.readText(call + "/cwd")
            else { return nil }
            var environment: [String: String] = [:]
            for entry in Self.splitNul(env) {
                guard let equals = entry.firstIndex(of: "=") else { continue }
                environment[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
            }
            return Invocation(
                arguments: Self.splitNul(argv), environment: environment,
                workingDirectory: cwd.hasSuffix("\n") ? String(cwd.dropLast()) : cwd,
                stdin: try? fs.readText(call + "/stdin"))
        }
    }

    private static func splitNul(_ bytes: [UInt8]) -> [String] {
        var parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if bytes.last == 0 { parts.removeLast() }
        return bytes.isEmpty ? [] : parts
    }
}
