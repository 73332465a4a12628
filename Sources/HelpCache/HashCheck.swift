import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The core of `help hash FILE…` and `help hash --check SUMS`: sha256sum-compatible output and
/// verification, as values the CLI prints and turns into an exit code.
public enum HashCheck {
    /// How `--check` treats the unusual cases (the meanings of sha256sum's flags of the same name).
    public struct Options: Sendable {
        /// Malformed lines fail the check instead of only warning.
        public var strict: Bool
        /// Files that cannot be opened are left out instead of failing.
        public var ignoreMissing: Bool

        /// Options with sha256sum's defaults: malformed lines only warn, missing files fail.
        public init(strict: Bool = false, ignoreMissing: Bool = false) {
            self.strict = strict
            self.ignoreMissing = ignoreMissing
        }
    }

    // MARK: - Hashing files

    /// One file's result for `help hash`: its output line, or the error to print for it.
    public struct FileResult: Sendable {
        /// The path as given on the command line.
        public var path: String
        /// Its digest, or why it could not be read.
        public var result: Result<Digest, HelpError>

        /// The sha256sum line for a hashed file, nil when it could not be read.
        public var line: String? {
            guard case .success(let digest) = result else { return nil }
            return HashCheckFormat.line(digest: digest, name: path)
        }
    }

    /// Hashes each path (relative ones from `directory`; `-` is stdin) and keeps going past
    /// unreadable files, as sha256sum does; the CLI exits 1 when any result is a failure. Once
    /// `stop` says so (an interrupt), the file being read ends with an error and the rest are left.
    public static func hashFiles(_ paths: [String], in directory: String, stop: () -> Bool = { false }) -> [FileResult]
    {
        var results: [FileResult] = []
        for path in paths {
            if stop() { break }
            let target = path == "-" ? path : resolve(path, in: directory)
            results.append(
                FileResult(
                    path: path,
                    result: Result { try FileHasher.hash(commandLinePath: target, stop: stop) }
                        .mapError { $0 as? HelpError ?? .io("cannot read \(path): \($0)") }))
        }
        return results
    }

    // MARK: - Checking

    /// Reads the SUMS file and verifies every file it lists. Throws only when the SUMS file itself
    /// cannot be read; names inside it are resolved from `directory` (the working directory).
    public static func check(sumsFile: String, in directory: String, options: Options = Options()) throws
        -> HashCheckReport
    {
        let text = try readText(resolve(sumsFile, in: directory))
        return verify(HashCheckFormat.parse(text), in: directory, sumsName: sumsFile, options: options)
    }

    /// Verifies already parsed entries.
    public static func verify(
        _ parsed: HashCheckFormat.Parsed, in directory: String, sumsName: String = "-", options: Options = Options()
    ) -> HashCheckReport {
        var report = HashCheckReport(sumsName: sumsName, malformedLines: parsed.malformedLines, strict: options.strict)
        for entry in parsed.entries {
            let outcome: HashCheckReport.Outcome
            do {
                let actual = try FileHasher.hash(path: resolve(entry.name, in: directory))
                outcome = actual == entry.digest ? .ok : .failed
            } catch {
                if options.ignoreMissing, isMissing(resolve(entry.name, in: directory)) {
                    report.ignoredCount += 1
                    continue
                }
                outcome = .unreadable((error as? HelpError)?.message ?? "\(error)")
            }
            report.results.append(.init(entry: entry, outcome: outcome))
        }
        return report
    }

    // MARK: - Helpers

    static func resolve(_ name: String, in directory: String) -> String {
        name.hasPrefix("/") || directory.isEmpty ? name : directory + "/" + name
    }

    private static func isMissing(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) != 0 && errno == ENOENT
    }

    /// The whole file as text (invalid UTF-8 repaired, which only affects names that were
    /// unusable anyway).
    static func readText(_ path: String) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw HelpError.io("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count > 0 {
                bytes += chunk[0..<count]
            } else if count == 0 {
                return String(decoding: bytes, as: UTF8.self)
            } else if errno != EINTR {
                throw HelpError.io("cannot read \(path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
