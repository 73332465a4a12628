import HelpSystem

#if canImport(Glibc)
    import Glibc
#endif

/// The version of `help` and the commit it was built from. The `./help` wrapper writes the commit
/// (`git rev-parse --short HEAD`, plus `-dirty` for uncommitted changes) into a `help.commit` file
/// beside the binary after each build; a binary built some other way says `unknown`.
public struct HelpVersion: Sendable, Equatable {
    /// The release number, changed by hand when a release is cut.
    public static let number = "0.1.0"

    public var number: String
    public var commit: String

    /// A version; the number defaults to this build's.
    public init(number: String = HelpVersion.number, commit: String) {
        self.number = number
        self.commit = commit
    }

    /// The version of the running binary.
    public static func current() -> HelpVersion {
        HelpVersion(commit: commit(besideExecutable: executablePath()))
    }

    // MARK: - Output

    /// `help 0.1.0 (commit 1a2b3c4)`.
    public var line: String { "help \(number) (commit \(commit))" }

    public var json: JSONValue { ["version": .string(number), "commit": .string(commit)] }

    // MARK: - Reading the commit file

    /// The first line of `help.commit` in the folder of `executable`, or `unknown`.
    public static func commit(besideExecutable executable: String?) -> String {
        guard let executable, let slash = executable.lastIndex(of: "/") else { return "unknown" }
        let path = String(executable[..<slash]) + "/help.commit"
        guard let text = try? FileSystem().readText(path) else { return "unknown" }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = line.trimmed(of: " \t\r")
        return trimmed.isEmpty ? "unknown" : trimmed
    }

    /// The real path of the running binary (symlinks resolved by the kernel).
    public static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmed(of set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
