import HelpSystem

/// The version of `help` and the commit it was built from, both compiled in: `BuildInfo` is
/// generated before every build by the BuildInfoPlugin from the `VERSION` file and
/// `git rev-parse --short HEAD` (plus `-dirty` for uncommitted changes), so a binary copied
/// anywhere still says where it came from; a build outside a git checkout says `unknown`.
public struct HelpVersion: Sendable, Equatable {
    /// The release number: the first line of `VERSION` when this binary was built.
    public static let number = BuildInfo.version
    /// The commit this binary was built from.
    public static let commit = BuildInfo.commit

    public var number: String
    public var commit: String

    /// A version; both parts default to this build's.
    public init(number: String = HelpVersion.number, commit: String = HelpVersion.commit) {
        self.number = number
        self.commit = commit
    }

    /// The version of the running binary.
    public static func current() -> HelpVersion { HelpVersion() }

    // MARK: - Output

    /// `help 0.1.0 (commit 1a2b3c4)`.
    public var line: String { "help \(number) (commit \(commit))" }

    public var json: JSONValue { ["version": .string(number), "commit": .string(commit)] }
}
