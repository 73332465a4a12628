import HelpSystem

/// A Python package version as PEP 440 defines it: `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`,
/// parsed from any accepted spelling (`v1.0`, `1.0-alpha1`, `1.0.post`, `1.0RC1`) and ordered by the
/// PEP's rules. Equality follows the ordering, so `1.0 == 1.0.0` and `1.0+abc.1 == 1.0+ABC-1`.
public struct PythonVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The kind of a pre-release, in the order the PEP sorts them.
    public enum PreReleaseKind: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
        case alpha = 0, beta = 1, candidate = 2

        public var description: String {
            switch self {
            case .alpha: return "a"
            case .beta: return "b"
            case .candidate: return "rc"
            }
        }

        /// Orders alpha before beta before release candidate.
        public static func < (lhs: PreReleaseKind, rhs: PreReleaseKind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A pre-release label and its number (`rc2`).
    public struct PreRelease: Sendable, Hashable {
        public var kind: PreReleaseKind
        public var number: Int

        /// A pre-release of `kind` numbered `number`.
        public init(_ kind: PreReleaseKind, _ number: Int) {
            self.kind = kind
            self.number = number
        }
    }

    /// One dot-separated part of a local version label: numbers compare as numbers and sort after
    /// words. Numbers keep their digits (without leading zeros) so that any length compares exactly.
    public enum LocalPart: Sendable, Hashable, CustomStringConvertible {
        case number(String)
        case word(String)

        public var description: String {
            switch self {
            case .number(let digits): return digits
            case .word(let word): return word
            }
        }
    }

    // MARK: - Parts

    public var epoch: Int
    /// The release numbers as written (`1.0.0` keeps its zeros; comparison ignores trailing zeros).
    public var release: [Int]
    public var pre: PreRelease?
    public var post: Int?
    public var dev: Int?
    /// The local label, empty when there is none.
    public var local: [LocalPart]

    /// A version from its parts; `release` must not be empty.
    public init(epoch: Int = 0, release: [Int], pre: PreRelease? = nil, post: Int? = nil, dev: Int? = nil,
                local: [LocalPart] = []) {
        precondition(!release.isEmpty, "a version needs at least one release number")
        self.epoch = epoch
        self.release = release
        self.pre = pre
        self.post = post
        self.dev = dev
        self.local = local
    }

    /// Parses any PEP 440 spelling; throws `HelpError.badData` naming the text when it is not one.
    public init(_ text: String) throws {
        guard let version = PythonVersion.parse(text) else {
            throw HelpError.badData("'\(text)' is not a valid Python version (PEP 440)",
                                    hint: "versions look like 1.2, 1.2.3rc1, 2!1.0.post2.dev3 or 1.0+local.7")
        }
        self = version
    }

    /// Parses any PEP 440 spelling, or nil when `text` is not a version.
    public static func parse(_ text: String) -> PythonVersion? {
        var parser = PythonVersionParser(text)
        return parser.parse()
    }

    // MARK: - Classification

    /// True for dev releases and alpha, beta or candidate releases, which installers skip unless asked.
    public var isPrerelease: Bool { pre != nil || dev != nil }
    public var isPostRelease: Bool { post != nil }
    public var isDevRelease: Bool { dev != nil }

    /// The version without its local label (what an index publishes).
    public var publicVersion: PythonVersion {
        var copy = self
        copy.local = []
        return copy
    }

    /// Epoch and release only (`1!2.0rc1.post3+x` -> `1!2.0`).
    public var baseVersion: PythonVersion { PythonVersion(epoch: epoch, release: release) }

    /// `major.minor` of the release, padding a missing minor with 0 (`3` -> `3.0`).
    public var majorMinor: String { "\(release[0]).\(release.count > 1 ? release[1] : 0)" }

    // MARK: - Text

    /// The normalized spelling (`1.0-ALPHA1` -> `1.0a1`, `1.0-r` -> `1.0.post0`).
    public var description: String {
        var text = epoch != 0 ? "\(epoch)!" : ""
        text += release.map(String.init).joined(separator: ".")
        if let pre { text += "\(pre.kind)\(pre.number)" }
        if let post { text += ".post\(post)" }
        if let dev { text += ".dev\(dev)" }
        if !local.isEmpty { text += "+" + local.map(\.description).joined(separator: ".") }
        return text
    }
}
